/**
 * Who may do what with request cases. Pure functions; routes and use cases both check (defence in depth) through
 * `authoriseCase`, which audits refusals. A user of another unit is told the case does not exist (404).
 */
import type { Actor, Role } from '../orgs/index.ts'

const CASE_ROLES: readonly Role[] = ['unit_editor', 'unit_reviewer', 'unit_head', 'unit_admin']

function has(actor: Actor, ...roles: Role[]) {
  return actor.roles.some((r) => roles.includes(r))
}

/** 公开办 (政府信息公开工作主管部门): sees every unit's cases to supervise them. */
export function isDisclosureOffice(actor: Actor): boolean {
  return has(actor, 'disclosure_admin')
}

/** Unit staff handle their own unit's cases. */
export function isCaseStaff(actor: Actor): boolean {
  return has(actor, ...CASE_ROLES)
}

export type CaseAction = 'list' | 'view' | 'register' | 'act' | 'extend' | 'reveal_identity' | 'supervise' | 'import'

/**
 * - list/view: the handling unit's staff, and the 公开办 for every unit.
 * - register/act: the handling unit's staff only (the 公开办 supervises; it registers for its own unit).
 * - extend: 条例 第三十三条第二款 needs the approval of the 政府信息公开工作机构负责人 — the handling unit's 单位负责人, or
 *   the 公开办 (roles.ts has no separate 公开办负责人 role; disclosure_admin stands for it).
 * - reveal_identity: the handling unit and the 公开办 only, and every reveal is audited.
 * - supervise: 督办 is the 公开办's alone (条例 第四十七条: the 主管部门 督促整改); units see it, cannot do it.
 * - import (历史案件导入): the unit's 单位管理员 for the own unit, the 公开办 for every unit; a bulk import writes
 *   cases that count in the annual report, so it stays with those who answer for the unit's (or region's) figures.
 */
export function canOnCase(actor: Actor, action: CaseAction, organisationId?: number): boolean {
  const ownUnit = organisationId === undefined || actor.organisationId === organisationId
  switch (action) {
    case 'list':
    case 'view':
    case 'reveal_identity':
      return isDisclosureOffice(actor) || (isCaseStaff(actor) && ownUnit)
    case 'register':
    case 'act':
      return (isCaseStaff(actor) || isDisclosureOffice(actor)) && ownUnit
    case 'extend':
      return isDisclosureOffice(actor) || (has(actor, 'unit_head') && ownUnit)
    case 'supervise':
      return isDisclosureOffice(actor)
    case 'import':
      return isDisclosureOffice(actor) || (has(actor, 'unit_admin') && ownUnit)
  }
}
