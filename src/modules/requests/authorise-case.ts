import { ForbiddenError, NotFoundError } from '../../platform/http/errors.ts'
import { recordAudit, requireActor, type UseCaseContext } from '../orgs/index.ts'
import { canOnCase, type CaseAction } from './requests.policy.ts'

/**
 * Checks a case action for the context's actor; a refusal is audited ('denied') and answered with 404 for a case
 * (the caller must not learn it exists) or 403 for a section.
 */
export async function authoriseCase(ctx: UseCaseContext, action: CaseAction, target?: { organisationId: number; caseId: number }): Promise<void> {
  const actor = requireActor(ctx)
  if (canOnCase(actor, action, target?.organisationId)) return
  await recordAudit(ctx.db, {
    actorUserId: actor.userId, actorUsername: actor.username, organisationId: actor.organisationId,
    action: `request.${action}`, outcome: 'denied', targetType: 'request_case', targetId: target?.caseId ?? '', ip: ctx.ip,
  }, ctx.clock.now())
  // The action exists but this actor may not take it on a case they can see: forbidden, not hidden.
  if (target && canOnCase(actor, 'view', target.organisationId)) throw new ForbiddenError()
  throw target ? new NotFoundError() : new ForbiddenError()
}
