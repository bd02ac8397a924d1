/**
 * Reminders and escalation (due soon → overdue → 督办 by the 公开办), as an idempotent job: each open case gets at most
 * one event of each kind per due date (an extension or a restart gives a new due date, and new reminders). Run by the
 * in-process scheduler (app.ts) and safe to run again or in several processes at once: the case row is locked and the
 * event's existence checked in the same transaction. pg-boss is not installed; the scheduler stands in for it.
 */
import { sql } from 'kysely'
import { addWorkingDays, currentCalendar, officialCalendar } from '../calendar/index.ts'
import type { Db } from '../../database.ts'
import type { Clock } from '../../platform/clock.ts'
import { insertEvent, lockCase } from './requests.repository.ts'

/** Working days before the due date from which a case counts as due soon. */
export const REMINDER_WORKING_DAYS = 5
/** Working days past the due date after which the 公开办 supervises (督办). [M] local practice; configurable here. */
export const ESCALATION_WORKING_DAYS = 3

export type ReminderKind = 'reminder_due_soon' | 'reminder_overdue' | 'supervision_requested'

export const REMINDER_LABELS: Record<ReminderKind, string> = {
  reminder_due_soon: '即将到期提醒',
  reminder_overdue: '逾期提醒',
  supervision_requested: '公开办督办',
}

const OPEN: readonly string[] = ['awaiting_receipt', 'in_progress', 'awaiting_correction', 'consulting', 'awaiting_reasons', 'awaiting_fee']

export interface ReminderRun { dueSoon: number; overdue: number; escalated: number }

export async function runDeadlineReminders(deps: { db: Db; clock: Clock }): Promise<ReminderRun> {
  const today = deps.clock.today()
  const calendar = (await currentCalendar(deps.db))?.calendar ?? officialCalendar()
  const dueSoonOn = addWorkingDays(today, REMINDER_WORKING_DAYS, calendar).date
  const candidates = await deps.db.selectFrom('request_cases').select(['id', 'due_on']).where('state', 'in', ['in_progress', 'consulting', 'awaiting_reasons'])
    .where('due_on', 'is not', null).where('due_on', '<=', dueSoonOn).orderBy('due_on').execute()
  // The reminders already written for the candidates' current due dates, in one query: a case with nothing left to
  // write opens no transaction (a second run over 10,000 open cases was one locked transaction per case —
  // bench/requests-lists.ts). The transaction below still checks again under the row lock.
  const written = new Set<string>()
  if (candidates.length) {
    const rows = await deps.db.selectFrom('request_events as e').innerJoin('request_cases as c', 'c.id', 'e.case_id')
      .select(['e.case_id', 'e.type', sql<string>`e.details->>'dueOn'`.as('due_on')])
      .where('e.type', 'in', ['reminder_due_soon', 'reminder_overdue', 'supervision_requested'])
      .where('c.state', 'in', ['in_progress', 'consulting', 'awaiting_reasons']).where('c.due_on', 'is not', null).where('c.due_on', '<=', dueSoonOn).execute()
    for (const r of rows) written.add(`${r.case_id}|${r.type}|${r.due_on}`)
  }
  const run: ReminderRun = { dueSoon: 0, overdue: 0, escalated: 0 }
  for (const candidate of candidates) {
    const dueOn = candidate.due_on!
    const kinds: ReminderKind[] = []
    if (dueOn >= today) kinds.push('reminder_due_soon')
    else {
      kinds.push('reminder_overdue')
      // Escalate once the case is ESCALATION_WORKING_DAYS working days past due.
      if (addWorkingDays(dueOn, ESCALATION_WORKING_DAYS, calendar).date < today) kinds.push('supervision_requested')
    }
    if (kinds.every((kind) => written.has(`${candidate.id}|${kind}|${dueOn}`))) continue
    await deps.db.transaction().execute(async (trx) => {
      const record = await lockCase(trx, candidate.id)
      if (!record || !OPEN.includes(record.state) || record.dueOn !== dueOn) return
      const done = await trx.selectFrom('request_events').select('type').where('case_id', '=', record.id).where('type', 'in', kinds)
        .where(sql`details->>'dueOn'`, '=', dueOn).execute()
      for (const kind of kinds) {
        if (done.some((d) => d.type === kind)) continue
        await insertEvent(trx, {
          caseId: record.id, type: kind, fromState: record.state, toState: record.state, effectiveOn: today, recordedAt: deps.clock.now(), actorUserId: null,
          details: { dueOn, notes: [`${REMINDER_LABELS[kind]}：答复期限 ${dueOn}`] },
        })
        if (kind === 'reminder_due_soon') run.dueSoon++
        else if (kind === 'reminder_overdue') run.overdue++
        else run.escalated++
      }
    })
  }
  return run
}
