/** The back-office navigation: each item shows only to those who may use it. */
import type { AdminNavItem } from '../../platform/views/layout.tsx'
import { can, type Actor } from '../orgs/index.ts'
import { canChangeSetting } from '../publishing/index.ts'
import { canOnCase } from '../requests/index.ts'

export function adminNav(actor: Actor): AdminNavItem[] {
  const items: AdminNavItem[] = [{ href: '/admin', label: '工作台' }]
  const unitAdmin = actor.roles.includes('unit_admin')
  if (can(actor, 'catalogue.view')) items.push({ href: '/admin/catalogue', label: '主动公开' })
  if (canChangeSetting(actor, 'catalogue.topics.manage')) items.push({ href: '/admin/catalogue/settings/topics', label: '主题分类' })
  if (canChangeSetting(actor, 'catalogue.sensitive_words.manage')) items.push({ href: '/admin/catalogue/settings/sensitive-words', label: '敏感词表' })
  if (canChangeSetting(actor, 'catalogue.index_pattern.manage', actor.organisationId)) items.push({ href: '/admin/catalogue/settings/index-no', label: '索引号规则' })
  if (can(actor, 'disclosureGuide.edit', actor.organisationId)) items.push({ href: '/admin/disclosure-guides', label: '公开指南' })
  if (can(actor, 'letters.manage') || can(actor, 'letters.registerCall') || actor.roles.some((r) => r === 'unit_editor' || r === 'unit_reviewer' || r === 'unit_head')) items.push({ href: '/admin/letters', label: '公众诉求' })
  if (canOnCase(actor, 'list')) items.push({ href: '/admin/requests', label: '依申请公开' })
  if (can(actor, 'users.list') || unitAdmin) items.push({ href: '/admin/users', label: '用户管理' })
  if (can(actor, 'organisation.view')) items.push({ href: '/admin/organisations', label: '单位管理' })
  if (can(actor, 'calendar.view')) items.push({ href: '/admin/calendar', label: '工作日历' })
  if (can(actor, 'security.manage')) items.push({ href: '/admin/security', label: '安全管理' })
  if (can(actor, 'audit.read')) items.push({ href: '/admin/audit', label: '审计日志' })
  items.push({ href: '/admin/account/password', label: '修改密码' }, { href: '/admin/account/second-factor', label: '双因素认证' })
  return items
}
