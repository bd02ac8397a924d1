/**
 * 好差评 差评整改 and 申诉复核 (国办发〔2019〕51号; rules/rectification.ts). A 差评 (不满意 / 非常不满意) of a released
 * reply opens a task for the unit that answered, due in the configured number of working days; the unit records its
 * 整改 (what it changed and the 回访 result), or 申诉s a rating it considers unfounded; the 公开办 复核s the appeal and
 * upholds the rating (the task is open again) or voids it (the rating leaves the satisfaction statistics). Every step
 * is a case event and an audit entry, in the transaction that makes it.
 */
import type { Executor, Trx } from '../../database.ts'
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.ts'
import { addWorkingDays, currentCalendar, officialCalendar } from '../calendar/index.ts'
import { appendAudit, authorise, requireActor, type Actor, type UseCaseContext } from '../orgs/index.ts'
import { loadLetterSettings } from './letter-config.ts'
import { findCase, insertEvent, lockCase, type LetterCase } from './letters.repository.ts'
import {
  isBadReview, nextRectificationState, RECTIFICATION_ACTION_LABELS, rectificationRefusal, SATISFACTION, type RectificationAction, type RectificationState, type Satisfaction,
} from './rules/index.ts'

export interface Rectification {
  id: number
  /** The case the unit handled (the main case when the rating came from a merged letter). */
  caseId: number
  /** The case that carries the rating. */
  ratedCaseId: number
  unitId: number
  satisfaction: Satisfaction
  state: RectificationState
  openedOn: string
  dueOn: string
  rectificationNote: string | null
  followUpResult: string | null
  rectifiedAt: Date | null
  appealReason: string | null
  appealedAt: Date | null
  reviewNote: string | null
  reviewedAt: Date | null
  /** 整改督办: when the hourly job escalated the task, still open past its due date (escalate-overdue.ts). */
  escalatedAt: Date | null
}

function toRectification(r: any): Rectification {
  return {
    id: r.id, caseId: r.case_id, ratedCaseId: r.rated_case_id, unitId: r.unit_id, satisfaction: r.satisfaction, state: r.state, openedOn: r.opened_on, dueOn: r.due_on,
    rectificationNote: r.rectification_note, followUpResult: r.follow_up_result, rectifiedAt: r.rectified_at, appealReason: r.appeal_reason, appealedAt: r.appealed_at,
    reviewNote: r.review_note, reviewedAt: r.reviewed_at, escalatedAt: r.escalated_at ?? null,
  }
}

/** Called inside the rating's transaction: a 差评 opens a task unless one is already open or appealed for it. */
export async function openRectificationIfBad(
  trx: Trx, ctx: Pick<UseCaseContext, 'clock'>, rated: LetterCase, handled: LetterCase, satisfaction: Satisfaction,
): Promise<Rectification | null> {
  if (!isBadReview(satisfaction)) return null
  // A call answered on the spot has no handling unit: the unit that answered is the one of the operator (or the
  // 公开办) who registered and answered it — the 区政府办公室 / hotline centre.
  const unitId = handled.unitId ?? (handled.answeredOnSpot ? await registeringUnit(trx, handled) : null)
  if (unitId === null) return null
  const pending = await trx.selectFrom('letter_rectifications').select('id').where('rated_case_id', '=', rated.id).where('state', 'in', ['open', 'appealed']).executeTakeFirst()
  if (pending) return null
  const today = ctx.clock.today()
  const settings = await loadLetterSettings(trx)
  const calendar = (await currentCalendar(trx))?.calendar ?? officialCalendar()
  const dueOn = addWorkingDays(today, settings.rectificationWorkingDays, calendar).date
  const row = await trx.insertInto('letter_rectifications').values({
    case_id: handled.id, rated_case_id: rated.id, unit_id: unitId, satisfaction, state: 'open', opened_on: today, due_on: dueOn,
  }).returningAll().executeTakeFirstOrThrow()
  await insertEvent(trx, {
    caseId: handled.id, type: 'rectification_opened', fromState: handled.state, toState: handled.state, unitId, actorUserId: null, actorKind: 'system',
    effectiveOn: today, recordedAt: ctx.clock.now(), reason: '',
    details: { label: `差评（${SATISFACTION[satisfaction].label}），整改期限 ${dueOn}`, rectificationDueOn: dueOn, ...(rated.id !== handled.id ? { from: rated.caseNo } : {}) },
  })
  return toRectification(row)
}

async function registeringUnit(trx: Trx, c: LetterCase): Promise<number | null> {
  if (c.registeredByUserId === null) return null
  const user = await trx.selectFrom('users').select('organisation_id').where('id', '=', c.registeredByUserId).executeTakeFirst()
  return user?.organisation_id ?? null
}

export async function rectificationsOfCase(db: Executor, caseId: number): Promise<Rectification[]> {
  return (await db.selectFrom('letter_rectifications').selectAll().where('case_id', '=', caseId).orderBy('id').execute()).map(toRectification)
}

export interface RectificationListRow extends Rectification { caseNo: string; subject: string }

/** The 整改 ledger: the 公开办 sees the region's tasks, a unit its own. */
export async function listRectifications(db: Executor, filter: { regionId: number; unitId?: number; states?: RectificationState[] }): Promise<RectificationListRow[]> {
  let q = db.selectFrom('letter_rectifications as r').innerJoin('letter_cases as c', 'c.id', 'r.case_id').selectAll('r').select(['c.case_no', 'c.subject'])
    .where('c.region_id', '=', filter.regionId)
  if (filter.unitId !== undefined) q = q.where('r.unit_id', '=', filter.unitId)
  if (filter.states?.length) q = q.where('r.state', 'in', filter.states)
  const rows = await q.orderBy('r.id', 'desc').limit(200).execute()
  return rows.map((r) => ({ ...toRectification(r), caseNo: r.case_no, subject: r.subject }))
}

/**
 * The 公开办 is the unit of its own tasks (a call answered on the spot by it or its 话务员): it records their 整改.
 * An appeal of them would be its own to review, so it has none.
 */
export function officeOwnsTask(actor: Pick<Actor, 'roles' | 'organisationId'>, task: { unitId: number }): boolean {
  return actor.roles.includes('disclosure_admin') && actor.organisationId === task.unitId
}

function rectificationParty(actor: Actor, task: { unit_id: number }): 'office' | 'unit' | null {
  if (actor.roles.includes('disclosure_admin')) return 'office'
  if (actor.organisationId === task.unit_id && actor.roles.some((r) => r === 'unit_editor' || r === 'unit_reviewer' || r === 'unit_head')) return 'unit'
  return null
}

/** The task if the actor may see it (the 公开办, or the unit it is for); otherwise not found, and the denial audited. */
export async function rectificationForActor(ctx: UseCaseContext, taskId: number): Promise<{ task: Rectification; party: 'office' | 'unit' }> {
  const actor = requireActor(ctx)
  const row = await ctx.db.selectFrom('letter_rectifications as r').innerJoin('letter_cases as c', 'c.id', 'r.case_id').selectAll('r').select('c.region_id').where('r.id', '=', taskId).executeTakeFirst()
  if (!row || row.region_id !== actor.regionId) throw new NotFoundError()
  const party = rectificationParty(actor, row)
  if (!party) {
    await authorise(ctx, 'letters.handle', { organisationId: row.unit_id, type: 'letter_rectification', id: row.id })
    throw new NotFoundError()
  }
  return { task: toRectification(row), party }
}

interface StepChange { set: Record<string, unknown>; reason: string; details?: Record<string, unknown> }

async function rectificationStep(ctx: UseCaseContext, taskId: number, action: RectificationAction, change: (task: Rectification, now: Date) => StepChange): Promise<Rectification> {
  const actor = requireActor(ctx)
  const now = ctx.clock.now()
  const today = ctx.clock.today()
  await rectificationForActor(ctx, taskId)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('letter_rectifications').selectAll().where('id', '=', taskId).forUpdate().executeTakeFirst()
    if (!row) throw new NotFoundError()
    const task = toRectification(row)
    const party = rectificationParty(actor, row)
    if (!party) throw new NotFoundError()
    const refusal = rectificationRefusal(task.state, action, action === 'rectify' && officeOwnsTask(actor, task) ? 'unit' : party)
    if (refusal) throw new InvalidInputError([{ field: '', message: refusal }])
    const c = (await lockCase(trx, task.caseId))!
    const to = nextRectificationState(action)
    const applied = change(task, now)
    await trx.updateTable('letter_rectifications').set({ ...applied.set, state: to }).where('id', '=', task.id).execute()
    if (action === 'void') await trx.updateTable('letter_cases').set({ satisfaction_voided: true }).where('id', '=', task.ratedCaseId).execute()
    await insertEvent(trx, {
      caseId: c.id, type: `rectification_${action}`, fromState: c.state, toState: c.state, unitId: task.unitId, actorUserId: actor.userId, actorKind: 'staff',
      effectiveOn: today, recordedAt: now, reason: applied.reason, details: { label: RECTIFICATION_ACTION_LABELS[action], ...applied.details },
    })
    await appendAudit(trx, {
      actorUserId: actor.userId, actorUsername: actor.username, organisationId: actor.organisationId, action: `letters.rectification.${action}`, outcome: 'success',
      targetType: 'letter_rectification', targetId: task.id, ip: ctx.ip, details: { caseNo: c.caseNo, to },
    }, now)
  })
  const row = await ctx.db.selectFrom('letter_rectifications').selectAll().where('id', '=', taskId).executeTakeFirstOrThrow()
  return toRectification(row)
}

const need = (value: string, field: string, message: string) => {
  if (value.trim().length < 2) throw new InvalidInputError([{ field, message }])
}

/** 整改: what the unit changed, and the result of its 回访 to the writer. */
export async function recordRectification(ctx: UseCaseContext, taskId: number, input: { note: string; followUpResult: string }): Promise<Rectification> {
  need(input.note, 'note', '请写明整改情况')
  need(input.followUpResult, 'followUpResult', '请写明回访结果')
  return rectificationStep(ctx, taskId, 'rectify', (_t, now) => ({ set: { rectification_note: input.note, follow_up_result: input.followUpResult, rectified_at: now }, reason: input.note, details: { followUpResult: input.followUpResult } }))
}

/** 申诉: the unit considers the rating unfounded (误评, 恶意差评) and says why. */
export async function appealRating(ctx: UseCaseContext, taskId: number, reason: string): Promise<Rectification> {
  need(reason, 'reason', '请写明申诉理由')
  return rectificationStep(ctx, taskId, 'appeal', (_t, now) => ({ set: { appeal_reason: reason, appealed_at: now }, reason }))
}

/** 复核: the 公开办 upholds the rating (整改 goes on) or voids it (left out of the satisfaction statistics). */
export async function reviewAppeal(ctx: UseCaseContext, taskId: number, decision: 'uphold' | 'void', note: string): Promise<Rectification> {
  if (decision !== 'uphold' && decision !== 'void') throw new InvalidInputError([{ field: 'decision', message: '请选择复核结论' }])
  need(note, 'reviewNote', '请写明复核意见')
  return rectificationStep(ctx, taskId, decision, (_t, now) => ({ set: { review_note: note, reviewed_at: now }, reason: note }))
}

/** The case a task belongs to (for links). */
export async function caseOfRectification(db: Executor, task: Rectification): Promise<LetterCase | undefined> {
  return findCase(db, task.caseId)
}
