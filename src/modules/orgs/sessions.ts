/**
 * Staff sessions. The cookie carries a random token; the database stores only its SHA-256, so a
 * database leak does not hand out live sessions. Idle timeout and absolute lifetime from config;
 * a new session (new token) on every sign-in, which defeats session fixation.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Executor } from '../../database.ts'
import type { Actor } from './actor.ts'
import type { SecurityPolicy } from './context.ts'
import { findOrganisation, findUser } from './orgs.repository.ts'

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export async function createSession(db: Executor, input: { userId: number; ip: string; now: Date; policy: SecurityPolicy; pendingSecondFactor: boolean }): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await db.insertInto('sessions').values({
    id: sessionIdOf(token),
    user_id: input.userId,
    pending_second_factor: input.pendingSecondFactor,
    created_at: input.now,
    last_seen_at: input.now,
    expires_at: new Date(input.now.getTime() + input.policy.sessionAbsoluteHours * 3_600_000),
    ip: input.ip.slice(0, 64),
  }).execute()
  return token
}

export interface ResolvedSession {
  sessionId: string
  pendingSecondFactor: boolean
  actor: Actor
}

/** The live session for a cookie token, touching its last-seen time; null when absent, idle or expired. */
export async function resolveSession(db: Executor, token: string, now: Date, policy: SecurityPolicy): Promise<ResolvedSession | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null
  const id = sessionIdOf(token)
  const s = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst()
  if (!s) return null
  const idleLimit = new Date(now.getTime() - policy.sessionIdleMinutes * 60_000)
  if (new Date(s.expires_at) <= now || new Date(s.last_seen_at) < idleLimit) {
    await db.deleteFrom('sessions').where('id', '=', id).execute()
    return null
  }
  const user = await findUser(db, s.user_id)
  if (!user || user.disabledAt) return null
  const organisation = await findOrganisation(db, user.organisationId)
  if (!organisation) return null
  // Touch at most once a minute: a page with several requests should not write several times.
  if (now.getTime() - new Date(s.last_seen_at).getTime() > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute()
  }
  return {
    sessionId: id,
    pendingSecondFactor: s.pending_second_factor,
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      organisationId: user.organisationId,
      organisationName: organisation.name,
      regionId: organisation.regionId,
      roles: user.roles,
      mustChangePassword: user.mustChangePassword,
      totpEnabled: user.totpEnabled,
    },
  }
}

export async function endSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute()
}

export async function endSessionsOfUser(db: Executor, userId: number, exceptSessionId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (exceptSessionId) q = q.where('id', '<>', exceptSessionId)
  await q.execute()
}
