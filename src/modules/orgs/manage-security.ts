/** 安全管理员 actions: unlocking accounts and resetting a lost second factor. */
import { NotFoundError } from '../../platform/http/errors.ts'
import { appendAudit } from './audit-log.ts'
import { authorise } from './authorise.ts'
import { requireActor, type UseCaseContext } from './context.ts'
import { findUser } from './orgs.repository.ts'
import { endSessionsOfUser } from './sessions.ts'

export async function unlockUser(ctx: UseCaseContext, userId: number): Promise<void> {
  const actor = requireActor(ctx)
  await authorise(ctx, 'security.manage')
  const user = await findUser(ctx.db, userId)
  if (!user) throw new NotFoundError()
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ locked_until: null, failed_attempts: 0 }).where('id', '=', user.id).execute()
    await appendAudit(trx, { actorUserId: actor.userId, actorUsername: actor.username, organisationId: user.organisationId, action: 'security.unlock', outcome: 'success', targetType: 'user', targetId: user.id, ip: ctx.ip }, ctx.clock.now())
  })
}

export async function resetSecondFactor(ctx: UseCaseContext, userId: number): Promise<void> {
  const actor = requireActor(ctx)
  await authorise(ctx, 'security.manage')
  const user = await findUser(ctx.db, userId)
  if (!user) throw new NotFoundError()
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_secret_enc: null, totp_enabled: false }).where('id', '=', user.id).execute()
    await endSessionsOfUser(trx, user.id)
    await appendAudit(trx, { actorUserId: actor.userId, actorUsername: actor.username, organisationId: user.organisationId, action: 'security.reset_second_factor', outcome: 'success', targetType: 'user', targetId: user.id, ip: ctx.ip }, ctx.clock.now())
  })
}
