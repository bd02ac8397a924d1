/**
 * Roles. 三员分立 (系统管理员 / 安全管理员 / 审计管理员, per 等级保护 practice): no account holds two of
 * the three, the system administrator cannot read the audit log, and the audit administrator reads
 * the audit log and nothing else.
 */
export const ROLES = {
  system_admin: { label: '系统管理员', scope: 'region', separated: true },
  security_admin: { label: '安全管理员', scope: 'region', separated: true },
  audit_admin: { label: '审计管理员', scope: 'region', separated: true },
  /** 公开办管理员: the 政府信息公开工作主管部门 — sees and supervises every unit of the region. */
  disclosure_admin: { label: '公开办管理员', scope: 'region', separated: false },
  /** 话务员: registers 区长公开电话/热线 calls and answers them on the spot or dispatches them; sees the hotline queue only. */
  hotline_operator: { label: '话务员', scope: 'region', separated: false },
  unit_admin: { label: '单位管理员', scope: 'unit', separated: false },
  /** 单位信息员: the unit's (often part-time) liaison who drafts and registers. */
  unit_editor: { label: '单位信息员', scope: 'unit', separated: false },
  unit_reviewer: { label: '单位审核人', scope: 'unit', separated: false },
  unit_head: { label: '单位负责人', scope: 'unit', separated: false },
} as const

export type Role = keyof typeof ROLES
export const ROLE_NAMES = Object.keys(ROLES) as Role[]

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLES, value)
}

export function roleLabel(role: string): string {
  return isRole(role) ? ROLES[role].label : role
}

/** A set of roles is allowed when it holds at most one of the three separated administrator roles. */
export function separationProblem(roles: readonly Role[]): string | null {
  const separated = roles.filter((r) => ROLES[r].separated)
  if (separated.length > 1) return `三员分立：一个账号不能同时担任${separated.map((r) => ROLES[r].label).join('和')}`
  if (separated.length === 1 && roles.length > 1) return `三员分立：${ROLES[separated[0]!].label}账号不能兼任业务角色`
  return null
}
