/**
 * 查询 and 评价 by the writer, without an account: the query code from the receipt plus the last four digits of the
 * phone given (the second factor). The page shows no personal data. The writer rates the released reply (好差评,
 * 5 levels) or says "没有解决", which reopens the case to the same unit with a fresh reply clock.
 */
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.ts'
import type { UseCaseContext } from '../orgs/index.ts'
import { normaliseQueryCode, secondFactorMatches } from './contact.ts'
import { startReplyClock } from './letter-clock.ts'
import { eventsOfCase, findCase, findCaseByQueryCode, insertEvent, lockCase, type LetterCase } from './letters.repository.ts'
import { caseRefusal, isSatisfaction, nextState, SATISFACTION, type Satisfaction } from './rules/index.ts'

export const FOLLOW_UP_FAILED = '查询码或电话号码后四位不正确，请核对回执后重新输入'

/** The case behind a query code and second factor; a wrong pair says so without telling which part was wrong. */
export async function caseForWriter(ctx: UseCaseContext, code: string, phoneLast4: string): Promise<LetterCase> {
  const normalised = normaliseQueryCode(code)
  const found = normalised ? await findCaseByQueryCode(ctx.db, normalised) : undefined
  if (!found || !secondFactorMatches(ctx.cipher.decrypt(found.phoneSealed), phoneLast4)) throw new InvalidInputError([{ field: 'code', message: FOLLOW_UP_FAILED }])
  const { phoneSealed: _sealed, ...c } = found
  return c
}

/** 好差评 of the released reply; a later rating replaces an earlier one, and both stay in the history. */
export async function rateReply(ctx: UseCaseContext, code: string, phoneLast4: string, satisfaction: Satisfaction, comment: string): Promise<LetterCase> {
  if (!isSatisfaction(satisfaction)) throw new InvalidInputError([{ field: 'satisfaction', message: '请选择您对答复的评价' }])
  const c = await caseForWriter(ctx, code, phoneLast4)
  await ctx.db.transaction().execute(async (trx) => {
    const locked = (await lockCase(trx, c.id)) ?? (() => { throw new NotFoundError() })()
    const refusal = caseRefusal({ state: locked.state }, 'rate', 'public', '')
    if (refusal) throw new InvalidInputError([{ field: 'satisfaction', message: '答复发布后才能评价' }])
    await trx.updateTable('letter_cases').set({ satisfaction }).where('id', '=', c.id).execute()
    await insertEvent(trx, {
      caseId: c.id, type: 'rate', fromState: locked.state, toState: locked.state, unitId: locked.unitId, actorUserId: null, actorKind: 'public',
      effectiveOn: ctx.clock.today(), recordedAt: ctx.clock.now(), reason: comment, details: { satisfaction, label: SATISFACTION[satisfaction].label },
    })
  })
  return (await findCase(ctx.db, c.id))!
}

/** "没有解决": back to the unit that answered, with the writer's explanation and a fresh clock. */
export async function reopenByWriter(ctx: UseCaseContext, code: string, phoneLast4: string, reason: string): Promise<LetterCase> {
  const c = await caseForWriter(ctx, code, phoneLast4)
  const today = ctx.clock.today()
  await ctx.db.transaction().execute(async (trx) => {
    const locked = (await lockCase(trx, c.id)) ?? (() => { throw new NotFoundError() })()
    const refusal = caseRefusal({ state: locked.state }, 'reopen', 'public', reason)
    if (refusal || locked.unitId === null) throw new InvalidInputError([{ field: 'reason', message: refusal?.includes('理由') ? '请说明哪些问题没有解决' : '答复发布后才能反馈“没有解决”' }])
    const to = nextState(locked.state, 'reopen')
    await startReplyClock(trx, locked, today, today)
    await trx.updateTable('letter_cases').set({ state: to, reopen_count: locked.reopenCount + 1, extended: false, escalated_at: null, closed_at: null, supervision_grade: null }).where('id', '=', c.id).execute()
    await insertEvent(trx, {
      caseId: c.id, type: 'reopen', fromState: locked.state, toState: to, unitId: locked.unitId, actorUserId: null, actorKind: 'public',
      effectiveOn: today, recordedAt: ctx.clock.now(), reason, details: { unresolved: true },
    })
  })
  return (await findCase(ctx.db, c.id))!
}

/** What the writer's page shows of the history: dates and public step names, no staff names. */
export async function publicHistory(ctx: UseCaseContext, caseId: number) {
  return (await eventsOfCase(ctx.db, caseId)).map((e) => ({ on: e.effectiveOn, type: e.type, toState: e.toState }))
}
