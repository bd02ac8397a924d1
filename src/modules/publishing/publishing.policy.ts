/**
 * Who may change the catalogue's settings. Pure rules, plus `authoriseSetting`, which records a refusal in the audit
 * log (as orgs' authorise does) and answers "not found" for another unit's record, "forbidden" for a section.
 */
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.ts'
import { recordAudit, requireActor, type Actor, type UseCaseContext } from '../orgs/index.ts'

export type SettingAction =
  /** 主题分类: the 公开办 keeps the catalogue's vocabulary; the system administrator may too. */
  | 'catalogue.topics.manage'
  /** 敏感词: the 公开办 and the security administrator (保密 is a security matter). */
  | 'catalogue.sensitive_words.manage'
  /** 索引号 pattern of one unit: that unit's administrator, or the 公开办 for any unit. */
  | 'catalogue.index_pattern.manage'

export function canChangeSetting(actor: Actor, action: SettingAction, organisationId?: number): boolean {
  const has = (role: string) => actor.roles.some((r) => r === role)
  switch (action) {
    case 'catalogue.topics.manage':
      return has('disclosure_admin') || has('system_admin')
    case 'catalogue.sensitive_words.manage':
      return has('disclosure_admin') || has('security_admin')
    case 'catalogue.index_pattern.manage':
      if (has('disclosure_admin')) return true
      return has('unit_admin') && (organisationId === undefined || organisationId === actor.organisationId)
  }
}

export async function authoriseSetting(ctx: UseCaseContext, action: SettingAction, target?: { organisationId: number; type: string; id: string | number }): Promise<void> {
  const actor = requireActor(ctx)
  if (canChangeSetting(actor, action, target?.organisationId)) return
  await recordAudit(ctx.db, {
    actorUserId: actor.userId, actorUsername: actor.username, organisationId: actor.organisationId,
    action, outcome: 'denied', targetType: target?.type ?? '', targetId: target?.id ?? '', ip: ctx.ip,
  }, ctx.clock.now())
  throw target ? new NotFoundError() : new ForbiddenError()
}
