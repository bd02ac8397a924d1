/**
 * One step of a case (补正, consultation, extension, 第三十五条, fee, decision, delivery, archive, 复议/诉讼): the
 * lifecycle rules decide whether it is allowed and which clock events it means; the step, the clock, the case row,
 * the event and the letters are written in one transaction. A refusal changes nothing and says why, in Chinese.
 */
import { AppError, InvalidInputError, NotFoundError } from '../../platform/http/errors.ts'
import { ClockEventError, currentCalendar, officialCalendar, recordClockEvent, trackClock } from '../calendar/index.ts'
import { requireActor } from '../orgs/index.ts'
import { checkAnswerFacts, combinedWithheld, type AnswerFacts } from './answer-facts.ts'
import { authoriseCase } from './authorise-case.ts'
import { issueLetters, type LetterExtras } from './issue-letters.tsx'
import { CLOCK_SUBJECT, type RequestsContext } from './requests.context.ts'
import { canOnCase, type CaseAction } from './requests.policy.ts'
import type { Trx } from '../../database.ts'
import { addIdentityInTransaction, type IdentityInput } from './add-applicant-identity.ts'
import { concludeRemedy, findCase, insertEvent, insertRemedy, lockCase, remediesOf, updateCase, type RequestCase } from './requests.repository.ts'
import { answerDueOn, isOpenCase, transition, type RequestCase as CaseState, type RequestEvent } from './rules/index.ts'

/** A step the rules refuse (409): the reason is shown above the form; nothing was changed. */
export class StepRefusedError extends AppError {
  constructor(reason: string) { super('GK_STEP_REFUSED', 409, reason) }
}

export interface StepResult {
  record: RequestCase
  notes: readonly string[]
  letters: number
}

export interface StepOptions {
  /** 身份证明 given with the step (确认收到, 收到补正) for a case registered without one; sealed in the same transaction. */
  identity?: IdentityInput
}

export async function recordStep(ctx: RequestsContext, caseId: number, event: RequestEvent, extras: LetterExtras = {}, options: StepOptions = {}): Promise<StepResult> {
  const actor = requireActor(ctx)
  let facts: AnswerFacts | null = null
  if (event.type === 'decided') {
    // The answer letter states only facts entered for its disposition (answer-facts.ts); a missing one refuses the step.
    const d = event.decision
    const checked = checkAnswerFacts(String(d?.code ?? ''), d?.answerForm ?? null, d?.reasons, extras)
    if (!checked.ok) throw new InvalidInputError(checked.errors)
    facts = checked.facts
    extras = { ...extras, ...facts }
    if (d?.code === 'partial' && facts.withheldParts) event = { ...event, decision: { ...d, withheld: combinedWithheld(facts.withheldParts) } }
  }
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const record = await lockCase(trx, caseId)
    if (!record) return { kind: 'missing' as const }
    const action: CaseAction = event.type === 'extension_granted' ? 'extend' : 'act'
    if (!(allowed(ctx, action, record))) return { kind: 'denied' as const, action, record }
    // 第三十四条: the consulted agencies are public bodies; their names are kept on the event for the trace. A third
    // party's name (第三十二条) may itself be protected and stays in the sealed letters only.
    const consultedAgencies = event.type === 'consultation_sent' && extras.agencies?.length ? extras.agencies : undefined
    const { notes, eventId } = await applyCaseEvent(trx, ctx, record, event, { actorUserId: actor.userId, facts, consultedAgencies })
    if (options.identity) await addIdentityInTransaction(trx, ctx, record, options.identity, actor)
    await projectRemedies(trx, caseId, event)
    const letters = await issueLetters(trx, ctx, caseId, eventId, event, extras, record.dueOn)
    return { kind: 'done' as const, notes, letters }
  })
  if (outcome.kind === 'missing') throw new NotFoundError()
  if (outcome.kind === 'denied') {
    await authoriseCase(ctx, outcome.action, { organisationId: outcome.record.organisationId, caseId })
    throw new NotFoundError()
  }
  return { record: (await findCase(ctx.db, caseId))!, notes: outcome.notes, letters: outcome.letters }
}

/**
 * Applies one lifecycle event to a locked case inside the caller's transaction: the rules decide (a refusal throws
 * StepRefusedError and the caller's transaction rolls back), then the clock events, the case row and the case event
 * are written. Shared by the staff steps and the applicant's own withdrawal on the tracking page.
 */
export async function applyCaseEvent(trx: Trx, ctx: RequestsContext, record: RequestCase, event: RequestEvent, who: { actorUserId: number | null; facts?: AnswerFacts | null; byApplicant?: boolean; consultedAgencies?: readonly string[] }): Promise<{ state: CaseState; notes: readonly string[]; eventId: number }> {
  const today = ctx.clock.today()
  const now = ctx.clock.now()
  const caseId = record.id
  if (event.on > today) throw new StepRefusedError(`日期 ${event.on} 晚于今天（${today}），请填写已经发生的日期`)
  const calendar = (await currentCalendar(trx))?.calendar ?? officialCalendar()
  const before = record.rulesState as unknown as CaseState
  const result = transition(before, event, calendar)
  if (!result.ok) throw new StepRefusedError(result.reason)
  const state = result.state
  try {
    for (const clockEvent of result.clockEvents) {
      if (clockEvent.type === 'start') {
        await trackClock(trx, { subjectType: CLOCK_SUBJECT, subjectId: String(caseId), regime: state.regime!, events: [clockEvent] }, today)
      } else {
        await recordClockEvent(trx, CLOCK_SUBJECT, String(caseId), clockEvent, today)
      }
    }
  } catch (error) {
    if (error instanceof ClockEventError) throw new StepRefusedError(error.message)
    throw error
  }
  const dueOn = isOpenCase(state) ? answerDueOn(state, calendar, today) : record.dueOn
  await updateCase(trx, caseId, {
    state: state.status, rules_state: JSON.stringify(state), received_on: state.receivedOn, regime: state.regime ?? record.regime, due_on: dueOn,
    disposition: state.decision?.code ?? null, decided_on: state.decidedOn, closed_on: isOpenCase(state) ? null : (record.closedOn ?? state.decidedOn ?? event.on),
  }, now)
  const eventId = await insertEvent(trx, {
    caseId, type: event.type, fromState: before.status, toState: state.status, effectiveOn: event.on, recordedAt: now, actorUserId: who.actorUserId,
    details: { event: stripPersonal(event), notes: result.notes, ...(who.facts ? { facts: who.facts } : {}), ...(who.byApplicant ? { byApplicant: true } : {}), ...(who.consultedAgencies ? { consultedAgencies: who.consultedAgencies } : {}) },
  })
  return { state, notes: result.notes, eventId }
}

function allowed(ctx: RequestsContext, action: CaseAction, record: RequestCase): boolean {
  return canOnCase(requireActor(ctx), action, record.organisationId)
}

/** Case events carry no personal data of the applicant: only the rules' own fields are kept. */
function stripPersonal(event: RequestEvent): Record<string, unknown> {
  return { ...event }
}

async function projectRemedies(trx: Parameters<typeof insertRemedy>[0], caseId: number, event: RequestEvent) {
  if (event.type === 'review_filed') await insertRemedy(trx, { caseId, kind: 'review', afterReview: false, filedOn: event.on, body: '' })
  if (event.type === 'litigation_filed') await insertRemedy(trx, { caseId, kind: 'litigation', afterReview: event.afterReview, filedOn: event.on, body: '' })
  if (event.type === 'remedy_decided') {
    const pending = (await remediesOf(trx, caseId)).find((r) => r.kind === event.kind && r.outcome === 'pending')
    if (pending) await concludeRemedy(trx, pending.id, event.outcome, event.on)
  }
}
