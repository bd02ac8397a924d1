/**
 * The staff steps of a case: screening (受理 / 不予受理), dispatch (转办) and 改派 by the 公开办; 退回, 延期 and 答复 by the
 * unit; 审核 (release or send back), 回访/监评 and 办结 by the 公开办. Each step checks the workflow rules, changes the
 * case and writes its event in one transaction; the unit's reply clock moves with it.
 */
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.ts'
import { authorise, findOrganisation, requireActor, type Actor, type UseCaseContext } from '../orgs/index.ts'
import type { Executor, Trx } from '../../database.ts'
import { checkUploads, storeAttachments, type LetterUpload } from './letter-attachments.ts'
import { recordReplyClockEvent, resumeReplyClock, startReplyClock } from './letter-clock.ts'
import { takeOffPortalOnReopen } from './letter-publications.ts'
import { findCase, insertEvent, lockCase, type LetterCase } from './letters.repository.ts'
import {
  ACTION_LABELS, caseRefusal, CHANNELS, isNotAcceptedReason, nextState, NOT_ACCEPTED, SUPERVISION_GRADES, type CaseAction, type NotAcceptedReason, type Party, type SupervisionGrade,
} from './rules/index.ts'

/** The part the actor plays for a case: the 公开办, the unit it is dispatched to, or none (→ not found). */
export function partyOf(actor: Actor, c: Pick<LetterCase, 'unitId'>): Party | null {
  if (actor.roles.includes('disclosure_admin')) return 'office'
  if (c.unitId !== null && c.unitId === actor.organisationId && actor.roles.some((r) => r === 'unit_editor' || r === 'unit_reviewer' || r === 'unit_head')) return 'unit'
  return null
}

/** Who looks at a case page: a party of the workflow, or a 话务员 reading a call of the hotline queue (no steps). */
export type Viewer = Party | 'operator'

/** A 话务员 reads calls (the hotline queue) and nothing else: no letters, no steps, no contact, no attachments. */
export function operatorMaySee(actor: Actor, c: Pick<LetterCase, 'channel'>): boolean {
  return actor.roles.includes('hotline_operator') && CHANNELS[c.channel].medium === 'call'
}

/** Loads a case the actor may see; another unit's user gets a not-found (and a denial in the audit log). */
export async function caseForActor(ctx: UseCaseContext, caseId: number, opts: { operator?: boolean } = {}): Promise<{ c: LetterCase; party: Viewer }> {
  const actor = requireActor(ctx)
  const c = await findCase(ctx.db, caseId)
  if (!c || c.regionId !== actor.regionId) throw new NotFoundError()
  const party = partyOf(actor, c) ?? (opts.operator && operatorMaySee(actor, c) ? 'operator' as const : null)
  if (!party) {
    await authorise(ctx, 'letters.handle', { organisationId: c.unitId ?? -1, type: 'letter_case', id: c.id })
    throw new NotFoundError()
  }
  return { c, party }
}

export interface StepInput {
  action: CaseAction
  reason?: string
  /** Extra checks and changes inside the transaction; returns the columns to set and event details. */
  apply?: (trx: Executor, c: LetterCase, today: string) => Promise<{ set?: Record<string, unknown>; unitId?: number | null; details?: Record<string, unknown> } | void>
  /** After the event is written (e.g. attachments that point at it). */
  after?: (trx: Executor, c: LetterCase, eventId: number) => Promise<void>
}

export async function step(ctx: UseCaseContext, caseId: number, input: StepInput): Promise<LetterCase> {
  const actor = requireActor(ctx)
  const today = ctx.clock.today()
  const now = ctx.clock.now()
  await ctx.db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, caseId)
    if (!c || c.regionId !== actor.regionId) throw new NotFoundError()
    const party = partyOf(actor, c)
    if (!party) throw new NotFoundError()
    const refusal = caseRefusal({ state: c.state, extended: c.extended }, input.action, party, input.reason ?? '')
    if (refusal) throw new InvalidInputError([{ field: refusal.includes('理由') ? 'reason' : '', message: refusal }])
    const applied = (await input.apply?.(trx, c, today)) ?? {}
    const to = nextState(c.state, input.action)
    await trx.updateTable('letter_cases').set({ ...(applied.set ?? {}), state: to }).where('id', '=', c.id).execute()
    const eventId = await insertEvent(trx, {
      caseId: c.id, type: input.action, fromState: c.state, toState: to, unitId: applied.unitId === undefined ? c.unitId : applied.unitId, actorUserId: actor.userId,
      actorKind: 'staff', effectiveOn: today, recordedAt: now, reason: input.reason ?? '', details: applied.details,
    })
    await input.after?.(trx, c, eventId)
  })
  return (await findCase(ctx.db, caseId))!
}

async function unitInRegion(ctx: UseCaseContext, unitId: number) {
  const unit = await findOrganisation(ctx.db, unitId)
  if (!unit || unit.regionId !== requireActor(ctx).regionId || unit.validTo !== null) throw new InvalidInputError([{ field: 'unit', message: '请选择现有的承办单位' }])
  return unit
}

/** 受理. */
export async function acceptCase(ctx: UseCaseContext, caseId: number, note = ''): Promise<LetterCase> {
  return step(ctx, caseId, { action: 'accept', reason: note, apply: async () => ({ set: { screening_note: note || null } }) })
}

/** 不予受理 with a reason of the 受理范围 (rules/acceptance.ts) and a note to the writer. */
export async function notAcceptCase(ctx: UseCaseContext, caseId: number, reason: NotAcceptedReason, note: string): Promise<LetterCase> {
  if (!isNotAcceptedReason(reason)) throw new InvalidInputError([{ field: 'decision', message: '请选择不予受理的理由' }])
  const now = ctx.clock.now()
  return step(ctx, caseId, {
    action: 'not_accept', reason: note,
    apply: async () => ({ set: { not_accepted_reason: reason, screening_note: note, closed_at: now }, details: { reason, label: NOT_ACCEPTED[reason].label } }),
  })
}

/** 转办 to a unit; the unit's reply clock starts today. Also 改派 after a 退回. */
export async function dispatchCase(ctx: UseCaseContext, caseId: number, unitId: number): Promise<LetterCase> {
  const unit = await unitInRegion(ctx, unitId)
  return step(ctx, caseId, {
    action: 'dispatch',
    apply: async (trx, c, today) => {
      const clock = await startReplyClock(trx, c, today, today)
      return { set: { unit_id: unit.id, extended: false, escalated_at: null }, unitId: unit.id, details: { unit: unit.shortName, dueOn: clock.dueOn } }
    },
  })
}

/** 改派 a dispatched case to another unit, with a reason; the new unit gets the whole limit. */
export async function reassignCase(ctx: UseCaseContext, caseId: number, unitId: number, reason: string): Promise<LetterCase> {
  const unit = await unitInRegion(ctx, unitId)
  return step(ctx, caseId, {
    action: 'reassign', reason,
    apply: async (trx, c, today) => {
      if (c.unitId === unit.id) throw new InvalidInputError([{ field: 'unit', message: '请选择另一个承办单位' }])
      const clock = await startReplyClock(trx, c, today, today)
      return { set: { unit_id: unit.id, extended: false, escalated_at: null }, unitId: unit.id, details: { fromUnitId: c.unitId, unit: unit.shortName, dueOn: clock.dueOn } }
    },
  })
}

/** 退回 by the unit (not its business), with a reason; the 公开办 改派s it. */
export async function returnCase(ctx: UseCaseContext, caseId: number, reason: string): Promise<LetterCase> {
  return step(ctx, caseId, {
    action: 'return', reason,
    apply: async (trx, c, today) => {
      await recordReplyClockEvent(trx, c.id, { type: 'stop', on: today }, today, 'reason')
      return { set: { unit_id: null }, unitId: c.unitId, details: { returnedBy: c.unitId } }
    },
  })
}

/** 延期: at most the rule's working days, once per dispatch, with a reason. */
export async function extendCase(ctx: UseCaseContext, caseId: number, workingDays: number, reason: string): Promise<LetterCase> {
  return step(ctx, caseId, {
    action: 'extend', reason,
    apply: async (trx, c, today) => {
      const clock = await recordReplyClockEvent(trx, c.id, { type: 'extension', on: today, workingDays }, today)
      return { set: { extended: true }, details: { workingDays, dueOn: clock.dueOn } }
    },
  })
}

/**
 * 答复 by the unit, with its attachments (checked before anything changes); the text goes to the 公开办 for review.
 * The privacy scan is the route's (it warns, the office decides).
 */
export async function replyToCase(ctx: UseCaseContext, caseId: number, reply: string, uploads: readonly LetterUpload[] = []): Promise<LetterCase> {
  const now = ctx.clock.now()
  const files = await checkUploads(uploads)
  return step(ctx, caseId, {
    action: 'reply',
    apply: async (trx, c, today) => {
      const clock = await recordReplyClockEvent(trx, c.id, { type: 'stop', on: today }, today, 'reply')
      return { set: { reply_text: reply, replied_at: now }, details: { late: clock.overdueWorkingDays > 0, overdueWorkingDays: clock.overdueWorkingDays, ...(files.length ? { attachments: files.length } : {}) } }
    },
    after: async (trx, c, eventId) => storeAttachments(trx, c.id, files, 'reply', eventId),
  })
}

/** 审核退回: the 公开办 does not release the reply; the unit's clock runs on. */
export async function sendBackReply(ctx: UseCaseContext, caseId: number, reason: string): Promise<LetterCase> {
  return step(ctx, caseId, { action: 'send_back', reason, apply: async (trx, c, today) => { await resumeReplyClock(trx, c.id, today) } })
}

/** 审核发布: the reply is released to the writer (and, with consent, to 选登). */
export async function releaseReply(ctx: UseCaseContext, caseId: number): Promise<LetterCase> {
  const now = ctx.clock.now()
  return step(ctx, caseId, { action: 'release', apply: async () => ({ set: { released_at: now } }) })
}

/** 回访/监评: the 公开办's grade (优 良 中 差) closes the case. */
export async function evaluateCase(ctx: UseCaseContext, caseId: number, grade: SupervisionGrade, note: string): Promise<LetterCase> {
  const now = ctx.clock.now()
  return step(ctx, caseId, {
    action: 'evaluate', reason: note,
    apply: async () => ({ set: { supervision_grade: grade, closed_at: now }, details: { grade, label: SUPERVISION_GRADES[grade].label } }),
  })
}

/** 办结 without a 监评. */
export async function closeCase(ctx: UseCaseContext, caseId: number): Promise<LetterCase> {
  const now = ctx.clock.now()
  return step(ctx, caseId, { action: 'close', apply: async () => ({ set: { closed_at: now } }) })
}

/**
 * 重新办理 by the 公开办 (回访 finds the problem unsolved): back to the unit that answered, with a reason and a fresh
 * clock, like the writer's "没有解决"; a letter published by 选登 leaves the portal. A call answered on the spot has no
 * unit to go back to: the office registers it again or dispatches a new case.
 */
export async function reopenCase(ctx: UseCaseContext, caseId: number, reason: string): Promise<LetterCase> {
  const actor = requireActor(ctx)
  const now = ctx.clock.now()
  return step(ctx, caseId, {
    action: 'reopen', reason,
    apply: async (trx, c, today) => {
      if (c.unitId === null) throw new InvalidInputError([{ field: 'reason', message: '当场答复的来电没有承办单位，不能重新办理；请登记新的来电并转办' }])
      await startReplyClock(trx, c, today, today)
      return { set: { reopen_count: c.reopenCount + 1, extended: false, escalated_at: null, closed_at: null, supervision_grade: null }, details: { unresolved: true } }
    },
    after: async (trx, c) => {
      await takeOffPortalOnReopen(trx as Trx, { ...c, state: 'dispatched' }, actor, ctx.ip, now, ctx.clock.today())
    },
  })
}

/** Labels for the buttons and the history. */
export { ACTION_LABELS }
