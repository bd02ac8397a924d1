/** The back-office page frame for a signed-in staff member, and the request → use-case context bridge. */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ComponentChildren } from 'preact'
import type { Db } from '../../database.ts'
import type { Clock } from '../../platform/clock.ts'
import type { FieldCipher } from '../../platform/crypto/sm.ts'
import { UnauthenticatedError } from '../../platform/http/errors.ts'
import { AdminLayout, type AdminNavItem } from '../../platform/views/layout.tsx'
import type { Actor } from './actor.ts'
import type { SecurityPolicy, UseCaseContext } from './context.ts'
import { orgPaths } from './orgs.paths.ts'
import { roleLabel } from './roles.ts'
import { resolveSession } from './sessions.ts'

export const SESSION_COOKIE = 'gk_session'

/** What the staff routes of every module are built with. */
export interface StaffDeps {
  db: Db
  clock: Clock
  cipher: FieldCipher
  security: SecurityPolicy
  https: boolean
  /** The back-office navigation for an actor, assembled from every module by the app. */
  nav: (actor: Actor) => AdminNavItem[]
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null
    sessionId: string | null
  }
}

export function contextOf(deps: StaffDeps, request: FastifyRequest): UseCaseContext {
  return { db: deps.db, clock: deps.clock, cipher: deps.cipher, security: deps.security, actor: request.actor ?? null, ip: request.ip }
}

/**
 * preHandler for every back-office route: a live session, a completed second factor and, where the
 * policy enforces it, a changed initial password. `allowPasswordChange` lets the password page through.
 */
export function requireStaff(deps: StaffDeps, opts: { allowPendingPasswordChange?: boolean } = {}) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const token = request.cookies[SESSION_COOKIE]
    const session = token ? await resolveSession(deps.db, token, deps.clock.now(), deps.security) : null
    if (!session) {
      if (request.url.startsWith('/api/')) throw new UnauthenticatedError()
      return reply.redirect(request.method === 'GET' ? orgPaths.signIn(request.url) : orgPaths.signIn(), 303)
    }
    if (session.pendingSecondFactor) return reply.redirect(orgPaths.secondFactor(), 303)
    request.actor = session.actor
    request.sessionId = session.sessionId
    if (deps.security.enforcePasswordChange && session.actor.mustChangePassword && !opts.allowPendingPasswordChange) {
      return reply.redirect(orgPaths.password(), 303)
    }
  }
}

export function StaffPage({ deps, request, title, children }: { deps: StaffDeps; request: FastifyRequest; title: string; children: ComponentChildren }) {
  const actor = request.actor
  return (
    <AdminLayout
      shell={request.shell}
      title={title}
      csrf={request.csrfToken()}
      user={actor ? { displayName: actor.displayName, organisationName: actor.organisationName, roleLabels: actor.roles.map(roleLabel) } : undefined}
      nav={actor ? deps.nav(actor) : []}
    >
      {children}
    </AdminLayout>
  )
}
