import { ForbiddenError, NotFoundError } from '../../platform/http/errors.ts'
import { recordAudit } from './audit-log.ts'
import { requireActor, type UseCaseContext } from './context.ts'
import { can, type Action } from './orgs.policy.ts'

/**
 * Checks `action` for the context's actor; on refusal writes a 'denied' audit row and throws.
 * For a record of another unit the caller sees "not found" (it must not learn the record exists);
 * for a section of the back office it sees "forbidden".
 */
export async function authorise(ctx: UseCaseContext, action: Action, target?: { organisationId: number; type: string; id: string | number }): Promise<void> {
  const actor = requireActor(ctx)
  if (can(actor, action, target?.organisationId)) return
  await recordAudit(ctx.db, {
    actorUserId: actor.userId, actorUsername: actor.username, organisationId: actor.organisationId,
    action, outcome: 'denied', targetType: target?.type ?? '', targetId: target?.id ?? '', ip: ctx.ip,
  }, ctx.clock.now())
  throw target ? new NotFoundError() : new ForbiddenError()
}
