import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../platform/http/errors.ts'
import { currentCalendar } from '../calendar/index.ts'
import { can, countAuditSince, currentRegion, findOrganisation, findUser, listOrganisations, listUsers, previousSignIn, requireStaff, StaffPage, type StaffDeps } from '../orgs/index.ts'
import { Dashboard } from './dashboard.tsx'

export async function adminRoutes(app: FastifyInstance, deps: StaffDeps): Promise<void> {
  app.get('/admin', { preHandler: requireStaff(deps) }, async (request, reply) => {
    const actor = request.actor!
    const [organisation, region, user] = await Promise.all([findOrganisation(deps.db, actor.organisationId), currentRegion(deps.db), findUser(deps.db, actor.userId)])
    if (!organisation || !user) throw new NotFoundError()
    const regionScope = actor.roles.some((r) => ['system_admin', 'security_admin', 'audit_admin', 'disclosure_admin'].includes(r))
    const today = deps.clock.today()
    const organisations = regionScope ? await listOrganisations(deps.db, actor.regionId, { on: today }) : []
    const unitUsers = (await listUsers(deps.db, { organisationId: organisation.id })).filter((u) => !u.disabledAt).length
    const now = deps.clock.now()
    const lockedUsers = can(actor, 'security.manage') ? (await listUsers(deps.db)).filter((u) => u.lockedUntil && new Date(u.lockedUntil) > now).length : 0
    const auditEntriesToday = can(actor, 'audit.read') ? await countAuditSince(deps.db, new Date(`${today}T00:00:00+08:00`)) : 0
    const previous = await previousSignIn(deps.db, actor.userId)
    // The 公开办 is warned about a year without official data: this year, and next year from October on.
    let missingCalendarYears: number[] = []
    if (can(actor, 'calendar.manage')) {
      const calendar = (await currentCalendar(deps.db))?.calendar
      const year = Number(today.slice(0, 4))
      const candidates = Number(today.slice(5, 7)) >= 10 ? [year, year + 1] : [year]
      missingCalendarYears = calendar ? candidates.filter((y) => !calendar.coveredYears.has(y)) : candidates
    }
    return reply.page(
      <StaffPage deps={deps} request={request} title="工作台">
        <Dashboard model={{
          actor, organisation, regionName: region?.name ?? '', regionScope, unitCount: organisations.length, unitUsers,
          lastSignIn: previous, mustChangePassword: user.mustChangePassword, totpEnabled: user.totpEnabled,
          lockedUsers, auditEntriesToday, missingCalendarYears,
        }} />
      </StaffPage>,
    )
  })
}
