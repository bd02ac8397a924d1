/**
 * 登录: password, then (if enabled) a TOTP code. Failures count per account (lockout) and per
 * address (throttling); every attempt, success or failure, is written to the audit log.
 */
import { TooManyRequestsError } from '../../platform/http/errors.ts'
import { appendAudit, countRecentFailures, recordAudit } from './audit-log.ts'
import type { UseCaseContext } from './context.ts'
import { findUserByUsername } from './orgs.repository.ts'
import { verifyAgainstDummy, verifyPassword } from './passwords.ts'
import { createSession, endSession } from './sessions.ts'
import { checkTotp } from './totp.ts'

export type SignInResult =
  | { ok: true; token: string; pendingSecondFactor: boolean; mustChangePassword: boolean }
  | { ok: false; message: string }

const GENERIC_FAILURE = '用户名或密码不正确'

function lockedMessage(until: Date): string {
  const hhmm = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(until)
  return `连续输错密码次数过多，账号已锁定至 ${hhmm}（北京时间）。如需提前解锁，请联系安全管理员。`
}

export async function signIn(ctx: UseCaseContext, input: { username: string; password: string }): Promise<SignInResult> {
  const now = ctx.clock.now()
  const { security } = ctx
  const since = new Date(now.getTime() - security.loginLockMinutes * 60_000)
  if ((await countRecentFailures(ctx.db, ctx.ip, since)) >= security.ipMaxFailures) {
    await recordAudit(ctx.db, { actorUsername: input.username, action: 'auth.sign_in', outcome: 'denied', ip: ctx.ip, details: { reason: 'ip_throttled' } }, now)
    throw new TooManyRequestsError(`来自您所在网络的登录失败次数过多，请 ${security.loginLockMinutes} 分钟后再试。`)
  }

  const user = await findUserByUsername(ctx.db, input.username)
  if (!user || user.disabledAt) {
    await verifyAgainstDummy(input.password)
    await recordAudit(ctx.db, { actorUsername: input.username, action: 'auth.sign_in', outcome: 'failure', ip: ctx.ip, details: { reason: user ? 'disabled' : 'unknown_user' } }, now)
    return { ok: false, message: GENERIC_FAILURE }
  }
  if (user.lockedUntil && new Date(user.lockedUntil) > now) {
    await recordAudit(ctx.db, { actorUserId: user.id, actorUsername: user.username, organisationId: user.organisationId, action: 'auth.sign_in', outcome: 'failure', ip: ctx.ip, details: { reason: 'locked' } }, now)
    return { ok: false, message: lockedMessage(new Date(user.lockedUntil)) }
  }

  const passwordOk = await verifyPassword(user.passwordHash, input.password)
  return ctx.db.transaction().execute(async (trx) => {
    if (!passwordOk) {
      const failures = user.failedAttempts + 1
      const lock = failures >= security.loginMaxFailures
      const lockedUntil = lock ? new Date(now.getTime() + security.loginLockMinutes * 60_000) : null
      await trx.updateTable('users').set({ failed_attempts: lock ? 0 : failures, locked_until: lockedUntil }).where('id', '=', user.id).execute()
      await appendAudit(trx, { actorUserId: user.id, actorUsername: user.username, organisationId: user.organisationId, action: 'auth.sign_in', outcome: 'failure', ip: ctx.ip, details: { reason: 'bad_password', failures, locked: lock } }, now)
      if (lock) return { ok: false as const, message: lockedMessage(lockedUntil!) }
      const left = security.loginMaxFailures - failures
      return { ok: false as const, message: `${GENERIC_FAILURE}。再输错 ${left} 次，账号将被锁定 ${security.loginLockMinutes} 分钟。` }
    }
    await trx.updateTable('users').set({ failed_attempts: 0, locked_until: null, last_sign_in_at: now }).where('id', '=', user.id).execute()
    const token = await createSession(trx, { userId: user.id, ip: ctx.ip, now, policy: security, pendingSecondFactor: user.totpEnabled })
    await appendAudit(trx, { actorUserId: user.id, actorUsername: user.username, organisationId: user.organisationId, action: 'auth.sign_in', outcome: 'success', ip: ctx.ip, details: { secondFactorPending: user.totpEnabled } }, now)
    return { ok: true as const, token, pendingSecondFactor: user.totpEnabled, mustChangePassword: user.mustChangePassword }
  })
}

/** Second step for accounts with TOTP: a correct code completes the session; a wrong one counts as a failure. */
export async function completeSecondFactor(ctx: UseCaseContext, input: { sessionId: string; userId: number; code: string }): Promise<{ ok: true } | { ok: false; message: string }> {
  const now = ctx.clock.now()
  const user = await ctx.db.selectFrom('users').select(['id', 'username', 'organisation_id', 'totp_secret_enc', 'failed_attempts']).where('id', '=', input.userId).executeTakeFirstOrThrow()
  const secret = user.totp_secret_enc ? ctx.cipher.decrypt(user.totp_secret_enc) : null
  const ok = secret !== null && checkTotp(secret, input.code.trim(), now)
  return ctx.db.transaction().execute(async (trx) => {
    if (!ok) {
      const failures = user.failed_attempts + 1
      const lock = failures >= ctx.security.loginMaxFailures
      await trx.updateTable('users').set({ failed_attempts: lock ? 0 : failures, locked_until: lock ? new Date(now.getTime() + ctx.security.loginLockMinutes * 60_000) : null }).where('id', '=', user.id).execute()
      if (lock) await endSession(trx, input.sessionId)
      await appendAudit(trx, { actorUserId: user.id, actorUsername: user.username, organisationId: user.organisation_id, action: 'auth.second_factor', outcome: 'failure', ip: ctx.ip, details: { locked: lock } }, now)
      return { ok: false as const, message: lock ? '动态验证码错误次数过多，账号已锁定，请稍后重新登录。' : '动态验证码不正确，请查看验证器应用中的 6 位数字后重试' }
    }
    await trx.updateTable('sessions').set({ pending_second_factor: false }).where('id', '=', input.sessionId).execute()
    await trx.updateTable('users').set({ failed_attempts: 0 }).where('id', '=', user.id).execute()
    await appendAudit(trx, { actorUserId: user.id, actorUsername: user.username, organisationId: user.organisation_id, action: 'auth.second_factor', outcome: 'success', ip: ctx.ip }, now)
    return { ok: true as const }
  })
}

export async function signOut(ctx: UseCaseContext, sessionId: string): Promise<void> {
  const actor = ctx.actor
  await ctx.db.transaction().execute(async (trx) => {
    await endSession(trx, sessionId)
    await appendAudit(trx, { actorUserId: actor?.userId, actorUsername: actor?.username, organisationId: actor?.organisationId, action: 'auth.sign_out', outcome: 'success', ip: ctx.ip }, ctx.clock.now())
  })
}
