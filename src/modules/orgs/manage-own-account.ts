/** What every staff member does for their own account: change the password, set up a second factor. */
import { InvalidInputError } from '../../platform/http/errors.ts'
import { appendAudit } from './audit-log.ts'
import { requireActor, type UseCaseContext } from './context.ts'
import { findUser } from './orgs.repository.ts'
import { hashPassword, passwordProblems, verifyPassword } from './passwords.ts'
import { endSessionsOfUser } from './sessions.ts'
import { checkTotp, newTotpSecret } from './totp.ts'

export async function changeOwnPassword(ctx: UseCaseContext, sessionId: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const actor = requireActor(ctx)
  const user = await findUser(ctx.db, actor.userId)
  if (!user) throw new InvalidInputError([{ field: '', message: '账号不存在' }])
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new InvalidInputError([{ field: 'currentPassword', message: '当前密码不正确' }])
  const problems = passwordProblems(input.newPassword, user.username)
  if (input.newPassword === input.currentPassword) problems.push('新密码不能与当前密码相同')
  if (problems.length) throw new InvalidInputError(problems.map((message) => ({ field: 'newPassword', message })))
  const passwordHash = await hashPassword(input.newPassword)
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, must_change_password: false, password_changed_at: ctx.clock.now() }).where('id', '=', user.id).execute()
    // Other sessions (another browser, a stolen cookie) end with the old password.
    await endSessionsOfUser(trx, user.id, sessionId)
    await appendAudit(trx, { actorUserId: user.id, actorUsername: user.username, organisationId: user.organisationId, action: 'account.change_password', outcome: 'success', ip: ctx.ip }, ctx.clock.now())
  })
}

/** Step 1: a new secret, stored encrypted and not yet enabled. Returns the secret to show once. */
export async function beginSecondFactorSetup(ctx: UseCaseContext): Promise<string> {
  const actor = requireActor(ctx)
  const secret = newTotpSecret()
  await ctx.db.updateTable('users').set({ totp_secret_enc: ctx.cipher.encrypt(secret) }).where('id', '=', actor.userId).where('totp_enabled', '=', false).execute()
  return secret
}

/** The not-yet-confirmed secret, to show again after a wrong code. */
export async function pendingSecondFactorSecret(ctx: UseCaseContext): Promise<string | null> {
  const actor = requireActor(ctx)
  const row = await ctx.db.selectFrom('users').select(['totp_secret_enc', 'totp_enabled']).where('id', '=', actor.userId).executeTakeFirst()
  return row?.totp_secret_enc && !row.totp_enabled ? ctx.cipher.decrypt(row.totp_secret_enc) : null
}

/** Step 2: the first correct code turns the second factor on. */
export async function confirmSecondFactor(ctx: UseCaseContext, code: string): Promise<void> {
  const actor = requireActor(ctx)
  const secret = await pendingSecondFactorSecret(ctx)
  if (!secret) throw new InvalidInputError([{ field: 'code', message: '请先生成新的密钥' }])
  if (!checkTotp(secret, code, ctx.clock.now())) throw new InvalidInputError([{ field: 'code', message: '动态验证码不正确，请确认手机时间准确后重试' }])
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_enabled: true }).where('id', '=', actor.userId).execute()
    await appendAudit(trx, { actorUserId: actor.userId, actorUsername: actor.username, organisationId: actor.organisationId, action: 'account.enable_second_factor', outcome: 'success', ip: ctx.ip }, ctx.clock.now())
  })
}
