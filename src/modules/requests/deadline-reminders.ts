/**
 * Reminders and escalation (due soon → overdue → 督办 by the 公开办), as an idempotent job (`deadline-reminders`, hourly,
 * on pg-boss): each open case gets at most one event of each kind per due date (an extension or a restart gives a new
 * due date, and new reminders).
 *
 * Set-based: one INSERT … SELECT over all open cases, whatever their number. Idempotent under concurrency — running
 * twice, or in several processes at once, writes nothing twice: NOT EXISTS skips what is already written, and the
 * partial unique index request_events_reminder_once (migration 0030) with ON CONFLICT DO NOTHING settles two runs
 * racing each other. The events are the ones the trace shows (type, details.dueOn, details.notes), written with the
 * case's state as the statement read it; cases are not locked (a reminder written a moment before a decision is
 * still true of the moment it was written).
 */
import { sql } from 'kysely'
import { addWorkingDays, currentCalendar, officialCalendar, type Calendar } from '../calendar/index.ts'
import type { Db } from '../../database.ts'
import type { Clock } from '../../platform/clock.ts'

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

/** States whose answer clock runs (a reminder means something to the unit). */
const REMINDED_STATES: readonly string[] = ['in_progress', 'consulting', 'awaiting_reasons']

export interface ReminderRun { dueSoon: number; overdue: number; escalated: number }

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - 1)
  return d.toISOString().slice(0, 10)
}

/**
 * The latest due date escalated today: a case is supervised once it is ESCALATION_WORKING_DAYS working days past due,
 * i.e. addWorkingDays(dueOn, ESCALATION_WORKING_DAYS) < today. That is monotonic in dueOn, so one cut-off date says it
 * for every case (found by stepping back from today; a holiday block is at most a few weeks).
 */
export function escalationCutoff(today: string, calendar: Calendar): string {
  let d = dayBefore(today)
  for (let i = 0; i < 120 && addWorkingDays(d, ESCALATION_WORKING_DAYS, calendar).date >= today; i++) d = dayBefore(d)
  return d
}

export async function runDeadlineReminders(deps: { db: Db; clock: Clock }): Promise<ReminderRun> {
  const today = deps.clock.today()
  const calendar = (await currentCalendar(deps.db))?.calendar ?? officialCalendar()
  const dueSoonOn = addWorkingDays(today, REMINDER_WORKING_DAYS, calendar).date
  const cutoff = escalationCutoff(today, calendar)
  const states = sql.join(REMINDED_STATES.map((s) => sql`${s}`))
  const label = (kind: ReminderKind) => sql`${REMINDER_LABELS[kind]}::text`
  const result = await sql<{ type: ReminderKind }>`
    insert into request_events (case_id, type, from_state, to_state, effective_on, recorded_at, actor_user_id, details)
    select c.id, k.type, c.state, c.state, ${today}::date, ${deps.clock.now()}, null,
      jsonb_build_object('dueOn', to_char(c.due_on, 'YYYY-MM-DD'), 'notes', jsonb_build_array(k.label || '：答复期限 ' || to_char(c.due_on, 'YYYY-MM-DD')))
    from request_cases c
    join (values ('reminder_due_soon', ${label('reminder_due_soon')}, 1), ('reminder_overdue', ${label('reminder_overdue')}, 2),
                 ('supervision_requested', ${label('supervision_requested')}, 3)) as k (type, label, ord)
      on (k.ord = 1 and c.due_on >= ${today}::date) or (k.ord = 2 and c.due_on < ${today}::date) or (k.ord = 3 and c.due_on <= ${cutoff}::date)
    where c.state in (${states}) and c.due_on is not null and c.due_on <= ${dueSoonOn}::date
      and not exists (select 1 from request_events e where e.case_id = c.id and e.type = k.type
        and e.type in ('reminder_due_soon', 'reminder_overdue', 'supervision_requested') and e.details->>'dueOn' = to_char(c.due_on, 'YYYY-MM-DD'))
    order by c.due_on, c.id, k.ord
    on conflict (case_id, type, (details->>'dueOn')) where type in ('reminder_due_soon', 'reminder_overdue', 'supervision_requested') do nothing
    returning type`.execute(deps.db)
  const run: ReminderRun = { dueSoon: 0, overdue: 0, escalated: 0 }
  for (const r of result.rows) {
    if (r.type === 'reminder_due_soon') run.dueSoon++
    else if (r.type === 'reminder_overdue') run.overdue++
    else run.escalated++
  }
  return run
}
