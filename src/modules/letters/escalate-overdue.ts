/**
 * 督办: a dispatched case past its reply limit is escalated once (潍坊市12345热线条例 第二十六条 [V]: 逾期未办理的
 * 督办; 重庆 公开信箱: 推诿拖延 → 通报批评 [S]). Run by the hourly letters-escalation job (src/app-jobs.ts). Idempotent and
 * safe in every process: the flag is set by one UPDATE … WHERE escalated_at IS NULL, and only the rows it changed get
 * their event. A new dispatch clears the flag.
 */
import { sql } from 'kysely'
import type { UseCaseContext } from '../orgs/index.ts'
import { insertEvent } from './letters.repository.ts'

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
