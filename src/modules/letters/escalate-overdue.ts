/**
 * 督办: a dispatched case past its reply limit is escalated once (潍坊市12345热线条例 第二十六条 [V]: 逾期未办理的
 * 督办; 重庆 公开信箱: 推诿拖延 → 通报批评 [S]). Run by the hourly letters-escalation job (src/app-jobs.ts). Idempotent and
 * safe in every process: the flag is set by one UPDATE … WHERE escalated_at IS NULL, and only the rows it changed get
 * their event. A new dispatch clears the flag.
 */
import { sql } from 'kysely'
import type { UseCaseContext } from '../orgs/index.ts'
import { insertEvent } from './letters.repository.ts'
import type { CaseState } from './rules/index.ts'

export async function escalateOverdueCases(ctx: Pick<UseCaseContext, 'db' | 'clock'>): Promise<number> {
  const today = ctx.clock.today()
  const now = ctx.clock.now()
  return ctx.db.transaction().execute(async (trx) => {
    const escalated = await trx.updateTable('letter_cases').set({ escalated_at: now })
      .where('state', '=', 'dispatched').where('escalated_at', 'is', null)
      .where(sql<boolean>`exists (select 1 from tracked_clocks tc where tc.subject_type = 'letter_case' and tc.subject_id = letter_cases.id::text and tc.state <> 'stopped' and tc.due_on < ${today})`)
      .returning(['id', 'unit_id']).execute()
    for (const c of escalated) {
      await insertEvent(trx, { caseId: c.id, type: 'escalate', fromState: 'dispatched', toState: 'dispatched', unitId: c.unit_id, actorUserId: null, actorKind: 'system', effectiveOn: today, recordedAt: now, reason: '超过办理时限，自动督办' })
    }
    return escalated.length
  })
}

/**
 * 整改督办: a 差评整改 task still open (待整改) after its due date — working days from the 差评, rules/rectification.ts —
 * is escalated once (国办发〔2019〕51号 [S]: 差评整改 "逾期未整改的" 督办; the same hourly job as the cases). Idempotent
 * like the cases: one UPDATE … WHERE escalated_at IS NULL, and an event on the handled case for each row it changed. A
 * task upheld after an appeal keeps its due date, so it is escalated if that has passed.
 */
export async function escalateOverdueRectifications(ctx: Pick<UseCaseContext, 'db' | 'clock'>): Promise<number> {
  const today = ctx.clock.today()
  const now = ctx.clock.now()
  return ctx.db.transaction().execute(async (trx) => {
    const escalated = await trx.updateTable('letter_rectifications').set({ escalated_at: now })
      .where('state', '=', 'open').where('escalated_at', 'is', null).where('due_on', '<', today)
      .returning(['id', 'case_id', 'unit_id', 'due_on']).execute()
    for (const t of escalated) {
      const { state } = await trx.selectFrom('letter_cases').select('state').where('id', '=', t.case_id).executeTakeFirstOrThrow()
      const c = { state: state as CaseState }
      await insertEvent(trx, {
        caseId: t.case_id, type: 'rectification_escalate', fromState: c.state, toState: c.state, unitId: t.unit_id, actorUserId: null, actorKind: 'system', effectiveOn: today, recordedAt: now,
        reason: `整改期限 ${t.due_on} 已过，未提交整改情况，自动督办`, details: { label: '整改督办', rectificationId: t.id, rectificationDueOn: t.due_on },
      })
    }
    return escalated.length
  })
}
