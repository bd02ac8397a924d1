/**
 * Who may do what. Pure functions of the actor and the target's organisation.
 * Routes call these; use cases call them again (defence in depth) through assertCan.
 */
import type { Actor } from './actor.ts'
import { ROLES, type Role } from './roles.ts'

export type Action =
  | 'admin.enter'
  | 'audit.read'
  | 'users.list'
  | 'users.manage'
  | 'security.manage'
  | 'organisations.manage'
  | 'organisation.view'
  | 'organisation.editProfile'
  | 'region.overview'
  | 'calendar.manage'
  | 'calendar.view'
  | 'catalogue.view'
  | 'catalogue.edit'
  | 'disclosureGuide.edit'
  | 'letters.manage'
  | 'letters.handle'
  | 'letters.registerCall'

function has(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r))
}

/** A 话务员 and nothing else: registers calls and reads the hotline queue; no back-office page beyond that. */
function operatorOnly(actor: Actor): boolean {
  return actor.roles.length > 0 && actor.roles.every((r) => r === 'hotline_operator')
}

/** Whether the actor's authority reaches records of organisation `organisationId`. */
export function reachesOrganisation(actor: Actor, organisationId: number): boolean {
  if (has(actor, 'system_admin', 'security_admin', 'disclosure_admin')) return true
  return actor.organisationId === organisationId
}

/**
 * `targetOrganisationId` is the organisation that owns the record; omit it for actions that have
 * no single owner (for example listing the audit log).
 */
export function can(actor: Actor, action: Action, targetOrganisationId?: number): boolean {
  const inScope = targetOrganisationId === undefined || reachesOrganisation(actor, targetOrganisationId)
  switch (action) {
    case 'admin.enter':
      return actor.roles.length > 0
    case 'audit.read':
      // The audit administrator reads the audit log; nobody else does, not even the system administrator.
      return has(actor, 'audit_admin')
    case 'users.list':
    case 'users.manage':
      return has(actor, 'system_admin') || (has(actor, 'unit_admin') && inScope && targetOrganisationId !== undefined)
    case 'security.manage':
      return has(actor, 'security_admin')
    case 'organisations.manage':
      return has(actor, 'system_admin')
    case 'organisation.view':
      // The 话务员 dispatches a call from the unit list of the call form; the 单位管理 pages are not theirs.
      return inScope && !has(actor, 'audit_admin') && !operatorOnly(actor)
    case 'organisation.editProfile':
      return has(actor, 'system_admin', 'disclosure_admin') || (has(actor, 'unit_admin') && inScope && targetOrganisationId !== undefined)
    case 'region.overview':
      return has(actor, 'disclosure_admin')
    case 'catalogue.view':
      // Unit staff see their own unit's catalogue; the 公开办 supervises every unit's.
      return has(actor, 'disclosure_admin') || (has(actor, 'unit_editor', 'unit_reviewer', 'unit_head') && inScope && (targetOrganisationId === undefined || actor.organisationId === targetOrganisationId))
    case 'catalogue.edit':
      return has(actor, 'unit_editor', 'unit_reviewer', 'unit_head') && (targetOrganisationId === undefined || actor.organisationId === targetOrganisationId)
    case 'letters.manage':
      // 公众诉求: the 公开办 screens, dispatches, reviews, releases, evaluates and registers hotline calls.
      return has(actor, 'disclosure_admin')
    case 'letters.registerCall':
      // 热线来电登记: the 话务员 (and the 公开办) register calls and answer them on the spot or dispatch them.
      return has(actor, 'disclosure_admin', 'hotline_operator')
    case 'letters.handle':
      // The unit a case is dispatched to answers it; no other unit sees it.
      return has(actor, 'unit_editor', 'unit_reviewer', 'unit_head') && targetOrganisationId !== undefined && actor.organisationId === targetOrganisationId
    case 'calendar.view':
      // The 话务员 needs no calendar: the reply limit of a dispatched call is counted for them.
      return !has(actor, 'audit_admin') && !operatorOnly(actor)
    case 'disclosureGuide.edit':
      // 政府信息公开指南 settings (条例 第十二条): the 公开办 keeps every unit's; a unit administrator keeps their own.
      return has(actor, 'disclosure_admin') || (has(actor, 'unit_admin') && targetOrganisationId !== undefined && actor.organisationId === targetOrganisationId)
    case 'calendar.manage':
      // The 公开办 keeps the working-day calendar; the system administrator may too.
      return has(actor, 'disclosure_admin', 'system_admin')
  }
}

/** Roles that `actor` may give to a user of organisation `organisationId`. */
export function assignableRoles(actor: Actor, organisationId: number): Role[] {
  if (has(actor, 'system_admin')) return (Object.keys(ROLES) as Role[])
  if (has(actor, 'unit_admin') && actor.organisationId === organisationId) {
    return (Object.keys(ROLES) as Role[]).filter((r) => ROLES[r].scope === 'unit')
  }
  return []
}
