/**
 * 督办 by the 公开办 (政府信息公开工作主管部门; 条例 第四十七条 [V]: 查证属实的，应当予以督促整改或者通报批评; its general
 * duty to 推进、指导、协调、监督 the units is 第三条 [M]): a 公开办 user puts an open case of any unit under supervision, with a reason. It is an event in the case's trace
 * (type `supervised`, by that user) and an audit entry, in one transaction; the unit sees it on the case page and as
 * a 督办 marker in its case list. The automatic 督办 of the reminder job (supervision_requested, deadline-reminders.ts)
 * counts the same way in the list.
 */
import { z } from 'zod'
import type { Executor } from '../../database.ts'
import { ConflictError, NotFoundError } from '../../platform/http/errors.ts'
import { appendAudit, requireActor } from '../orgs/index.ts'
import { authoriseCase } from './authorise-case.ts'
import type { RequestsContext } from './requests.context.ts'
import { findCase, insertEvent, lockCase } from './requests.repository.ts'

/** The event types that put a case under 督办: automatic (reminder job) and manual (this use case). */
export const SUPERVISION_EVENT_TYPES = ['supervision_requested', 'supervised'] as const

/** 督办 form: the reason is required (it is what the unit reads). */
export const SuperviseForm = z.object({
  reason: z.string({ error: '请填写督办理由' }).trim().min(4, '请填写督办理由，至少 4 个字').max(500, '督办理由最多 500 个字'),
})
export type SuperviseInput = z.infer<typeof SuperviseForm>

const OPEN: readonly string[] = ['awaiting_receipt', 'in_progress', 'awaiting_correction', 'consulting', 'awaiting_reasons', 'awaiting_fee']

export async function superviseCase(ctx: RequestsContext, caseId: number, input: SuperviseInput): Promise<number> {
  const actor = requireActor(ctx)
  const reason = SuperviseForm.parse(input).reason
  const found = await findCase(ctx.db, caseId)
  if (!found) throw new NotFoundError()
  // Before the transaction: a refusal is audited on its own connection (PGlite has one).
  await authoriseCase(ctx, 'supervise', { organisationId: found.organisationId, caseId: found.id })
  return ctx.db.transaction().execute(async (trx) => {
    const record = (await lockCase(trx, caseId))!
    if (!OPEN.includes(record.state)) throw new ConflictError('这件申请已经办结，不能督办')
    const now = ctx.clock.now()
    const eventId = await insertEvent(trx, {
      caseId: record.id, type: 'supervised', fromState: record.state, toState: record.state, effectiveOn: ctx.clock.today(), recordedAt: now, actorUserId: actor.userId,
      details: { reason, dueOn: record.dueOn, notes: [`督办理由：${reason}`] },
    })
    await appendAudit(trx, {
      actorUserId: actor.userId, actorUsername: actor.username, organisationId: actor.organisationId, action: 'request.supervise', outcome: 'success',
      targetType: 'request_case', targetId: record.id, ip: ctx.ip, details: { eventId },
    }, now)
    return eventId
  })
}

/** Of these cases, the ones under 督办 (an automatic or manual 督办 event). */
export async function supervisedAmong(db: Executor, caseIds: readonly number[]): Promise<Set<number>> {
  if (!caseIds.length) return new Set()
  const rows = await db.selectFrom('request_events').select('case_id').distinct().where('type', 'in', [...SUPERVISION_EVENT_TYPES]).where('case_id', 'in', [...caseIds]).execute()
  return new Set(rows.map((r) => r.case_id))
}

/** Open cases under 督办, of the given units (undefined: the whole region). */
export async function countSupervisedOpen(db: Executor, organisationIds: readonly number[] | undefined, openStates: readonly string[]): Promise<number> {
  let q = db.selectFrom('request_cases as c').select((eb) => eb.fn.countAll<string>().as('n')).where('c.state', 'in', [...openStates])
    .where((eb) => eb.exists(eb.selectFrom('request_events as e').select('e.id').whereRef('e.case_id', '=', 'c.id').where('e.type', 'in', [...SUPERVISION_EVENT_TYPES])))
  if (organisationIds) q = q.where('c.organisation_id', 'in', organisationIds.length ? [...organisationIds] : [-1])
  return Number((await q.executeTakeFirstOrThrow()).n)
}

/** Open cases under 督办 per unit (the 公开办's overview): organisation id → count; units without any are absent. */
export async function countSupervisedOpenByUnit(db: Executor, openStates: readonly string[]): Promise<Map<number, number>> {
  const rows = await db.selectFrom('request_cases as c').select(['c.organisation_id', (eb) => eb.fn.countAll<string>().as('n')]).where('c.state', 'in', [...openStates])
    .where((eb) => eb.exists(eb.selectFrom('request_events as e').select('e.id').whereRef('e.case_id', '=', 'c.id').where('e.type', 'in', [...SUPERVISION_EVENT_TYPES])))
    .groupBy('c.organisation_id').execute()
  return new Map(rows.map((r) => [r.organisation_id, Number(r.n)]))
}
