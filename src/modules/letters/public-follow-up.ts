/**
 * 查询 and 评价 by the writer, without an account: the query code from the receipt plus the last four digits of the
 * phone given (the second factor). The page shows no personal data. The writer rates the released reply (好差评,
 * 5 levels) or says "没有解决", which reopens the case to the same unit with a fresh reply clock — both within the
 * follow-up window after the release, and "没有解决" at most the configured number of times (rules/follow-up.ts).
 */
import type { Executor } from '../../database.ts'
import { statutoryDate } from '../../platform/clock.ts'
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.ts'
import type { UseCaseContext } from '../orgs/index.ts'
import { loadLetterSettings } from './letter-config.ts'
import { takeOffPortalOnReopen } from './letter-publications.ts'
import { openRectificationIfBad } from './rectify-rating.ts'
import { normaliseQueryCode, secondFactorMatches } from './contact.ts'
import { startReplyClock } from './letter-clock.ts'
import { eventsOfCase, findCase, findCaseByQueryCode, insertEvent, lockCase, type LetterCase } from './letters.repository.ts'
import { caseRefusal, followUpRefusal, isSatisfaction, nextState, SATISFACTION, type Satisfaction } from './rules/index.ts'

export const FOLLOW_UP_FAILED = '查询码或电话号码后四位不正确，请核对回执后重新输入'

/** The case behind a query code and second factor; a wrong pair says so without telling which part was wrong. */
export async function caseForWriter(ctx: UseCaseContext, code: string, phoneLast4: string): Promise<LetterCase> {
  const normalised = normaliseQueryCode(code)
  const found = normalised ? await findCaseByQueryCode(ctx.db, normalised) : undefined
  if (!found || !secondFactorMatches(ctx.cipher.decrypt(found.phoneSealed), phoneLast4)) throw new InvalidInputError([{ field: 'code', message: FOLLOW_UP_FAILED }])
  const { phoneSealed: _sealed, ...c } = found
  return c
}

/**
 * The case whose reply the writer follows: their own, or — for a letter merged into another (并单) — the main case,
 * whose released reply answers them too.
 */
export async function handledCaseOf(db: Executor, c: LetterCase): Promise<LetterCase> {
  if (c.state === 'merged' && c.mergedIntoId) return (await findCase(db, c.mergedIntoId)) ?? c
  return c
}

/** Why the writer may not rate or reopen today (window, reopen count, state), or null. */
export async function followUpBlock(db: Executor, handled: LetterCase, step: 'rate' | 'reopen', today: string): Promise<string | null> {
  if (handled.state !== 'released' && handled.state !== 'closed') return step === 'rate' ? '答复发布后才能评价' : '答复发布后才能反馈“没有解决”'
  const settings = await loadLetterSettings(db)
  return followUpRefusal({ releasedOn: handled.releasedAt ? statutoryDate(handled.releasedAt) : null, reopenCount: handled.reopenCount }, step, today, settings)
}

/**
 * 好差评 of the released reply, within the follow-up window; a later rating replaces an earlier one, and both stay in
 * the history. The writer of a merged letter rates the main case's reply on their own letter. A 差评 opens a 整改 task
 * for the unit that answered (rectify-rating.ts).
 */
export async function rateReply(ctx: UseCaseContext, code: string, phoneLast4: string, satisfaction: Satisfaction, comment: string): Promise<LetterCase> {
  if (!isSatisfaction(satisfaction)) throw new InvalidInputError([{ field: 'satisfaction', message: '请选择您对答复的评价' }])
  const c = await caseForWriter(ctx, code, phoneLast4)
  const today = ctx.clock.today()
  await ctx.db.transaction().execute(async (trx) => {
    const locked = (await lockCase(trx, c.id)) ?? (() => { throw new NotFoundError() })()
    const handled = locked.state === 'merged' && locked.mergedIntoId ? (await lockCase(trx, locked.mergedIntoId)) ?? locked : locked
    const refusal = caseRefusal({ state: handled.state }, 'rate', 'public', '')
    if (refusal) throw new InvalidInputError([{ field: 'satisfaction', message: '答复发布后才能评价' }])
    const blocked = await followUpBlock(trx, handled, 'rate', today)
    if (blocked) throw new InvalidInputError([{ field: 'satisfaction', message: blocked }])
    await trx.updateTable('letter_cases').set({ satisfaction, rated_at: ctx.clock.now(), satisfaction_voided: false }).where('id', '=', c.id).execute()
    await insertEvent(trx, {
      caseId: c.id, type: 'rate', fromState: locked.state, toState: locked.state, unitId: handled.unitId, actorUserId: null, actorKind: 'public',
      effectiveOn: today, recordedAt: ctx.clock.now(), reason: comment,
      details: { satisfaction, label: SATISFACTION[satisfaction].label, ...(handled.id !== locked.id ? { into: handled.caseNo } : {}) },
    })
    await openRectificationIfBad(trx, ctx, locked, handled, satisfaction)
  })
  return (await findCase(ctx.db, c.id))!
}

/**
 * "没有解决": back to the unit that answered, with the writer's explanation and a fresh clock — within the window, a limited
 * number of times. A letter published by 选登 leaves the portal (letter-publications.ts takeOffPortalOnReopen).
 */
export async function reopenByWriter(ctx: UseCaseContext, code: string, phoneLast4: string, reason: string): Promise<LetterCase> {
  const c = await caseForWriter(ctx, code, phoneLast4)
  const today = ctx.clock.today()
  await ctx.db.transaction().execute(async (trx) => {
    const locked = (await lockCase(trx, c.id)) ?? (() => { throw new NotFoundError() })()
    if (locked.state === 'merged') throw new InvalidInputError([{ field: 'reason', message: '您的来信已与同一事项的来信合并办理，请对答复进行评价；如有新的问题，请重新来信。' }])
    const refusal = caseRefusal({ state: locked.state }, 'reopen', 'public', reason)
    if (refusal || locked.unitId === null) throw new InvalidInputError([{ field: 'reason', message: refusal?.includes('理由') ? '请说明哪些问题没有解决' : '答复发布后才能反馈“没有解决”' }])
    const blocked = await followUpBlock(trx, locked, 'reopen', today)
    if (blocked) throw new InvalidInputError([{ field: 'reason', message: blocked }])
    const to = nextState(locked.state, 'reopen')
    await startReplyClock(trx, locked, today, today)
    await trx.updateTable('letter_cases').set({ state: to, reopen_count: locked.reopenCount + 1, extended: false, escalated_at: null, closed_at: null, supervision_grade: null }).where('id', '=', c.id).execute()
    await insertEvent(trx, {
      caseId: c.id, type: 'reopen', fromState: locked.state, toState: to, unitId: locked.unitId, actorUserId: null, actorKind: 'public',
      effectiveOn: today, recordedAt: ctx.clock.now(), reason, details: { unresolved: true },
    })
    await takeOffPortalOnReopen(trx, { ...locked, state: to }, null, ctx.ip, ctx.clock.now(), today)
  })
  return (await findCase(ctx.db, c.id))!
}

/** What the writer's page shows of the history: dates and public step names, no staff names. */
export async function publicHistory(ctx: UseCaseContext, caseId: number) {
  // 申诉复核 and 整改督办 are between the unit and the 公开办; the writer sees that a 差评 went to 整改 and was rectified.
  return (await eventsOfCase(ctx.db, caseId)).filter((e) => !['rectification_appeal', 'rectification_uphold', 'rectification_void', 'rectification_escalate', 'publication_retracted'].includes(e.type))
    .map((e) => ({ on: e.effectiveOn, type: e.type, toState: e.toState }))
}
