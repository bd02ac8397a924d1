/**
 * 并单 and 拆分: letters about the same matter are handled as one case. The merged letter keeps its own record and
 * query code (its writer is told it is handled with the other), points at the main case, and can be split off
 * again; both steps are events on both cases, so the audit trail shows who joined what, when and why.
 */
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.ts'
import { authorise, requireActor, type UseCaseContext } from '../orgs/index.ts'
import { recordReplyClockEvent } from './letter-clock.ts'
import { insertEvent, lockCase } from './letters.repository.ts'
import { caseRefusal, nextState } from './rules/index.ts'

export async function mergeCase(ctx: UseCaseContext, caseId: number, targetCaseNo: string, reason: string): Promise<void> {
  await authorise(ctx, 'letters.manage')
  const actor = requireActor(ctx)
  const today = ctx.clock.today()
  const now = ctx.clock.now()
  await ctx.db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, caseId)
    if (!c || c.regionId !== actor.regionId) throw new NotFoundError()
    const target = await trx.selectFrom('letter_cases').select('id').where('case_no', '=', targetCaseNo).where('region_id', '=', actor.regionId).executeTakeFirst()
    if (!target) throw new InvalidInputError([{ field: 'target', message: `没有编号为 ${targetCaseNo} 的信件` }])
    if (target.id === c.id) throw new InvalidInputError([{ field: 'target', message: '不能并入自己' }])
    const main = (await lockCase(trx, target.id))!
    if (main.state === 'merged' || main.state === 'not_accepted') throw new InvalidInputError([{ field: 'target', message: `信件 ${targetCaseNo} 已并单或不予受理，请并入主办信件` }])
    const refusal = caseRefusal({ state: c.state }, 'merge', 'office', reason)
    if (refusal) throw new InvalidInputError([{ field: refusal.includes('理由') ? 'reason' : 'target', message: refusal }])
    if (c.state === 'dispatched') await recordReplyClockEvent(trx, c.id, { type: 'stop', on: today }, today, 'target')
    const to = nextState(c.state, 'merge')
    await trx.updateTable('letter_cases').set({ state: to, merged_into_id: main.id }).where('id', '=', c.id).execute()
    await insertEvent(trx, { caseId: c.id, type: 'merge', fromState: c.state, toState: to, unitId: c.unitId, actorUserId: actor.userId, actorKind: 'staff', effectiveOn: today, recordedAt: now, reason, details: { into: main.caseNo } })
    await insertEvent(trx, { caseId: main.id, type: 'merged_in', fromState: main.state, toState: main.state, unitId: main.unitId, actorUserId: actor.userId, actorKind: 'staff', effectiveOn: today, recordedAt: now, reason, details: { from: c.caseNo } })
  })
}

/** 拆分: the merged letter becomes its own case again, back to screening. */
export async function splitCase(ctx: UseCaseContext, caseId: number, reason: string): Promise<void> {
  await authorise(ctx, 'letters.manage')
  const actor = requireActor(ctx)
  const today = ctx.clock.today()
  const now = ctx.clock.now()
  await ctx.db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, caseId)
    if (!c || c.regionId !== actor.regionId) throw new NotFoundError()
    const refusal = caseRefusal({ state: c.state }, 'split', 'office', reason)
    if (refusal) throw new InvalidInputError([{ field: 'reason', message: refusal }])
    const main = c.mergedIntoId ? await lockCase(trx, c.mergedIntoId) : undefined
    const to = nextState(c.state, 'split')
    await trx.updateTable('letter_cases').set({ state: to, merged_into_id: null, unit_id: null }).where('id', '=', c.id).execute()
    await insertEvent(trx, { caseId: c.id, type: 'split', fromState: c.state, toState: to, unitId: null, actorUserId: actor.userId, actorKind: 'staff', effectiveOn: today, recordedAt: now, reason, details: { from: main?.caseNo ?? null } })
    if (main) await insertEvent(trx, { caseId: main.id, type: 'split_off', fromState: main.state, toState: main.state, unitId: main.unitId, actorUserId: actor.userId, actorKind: 'staff', effectiveOn: today, recordedAt: now, reason, details: { split: c.caseNo } })
  })
}
