/**
 * Registering a case's statutory clock so that it is re-evaluated when the calendar changes.
 * The wings (requests, letters, publishing) call this in the transaction that records the case event.
 */
import type { Executor } from '../../database.ts'
import { checkClockEvent, evaluateClock, type ClockEvaluation, type ClockEvent } from './clock.ts'
import { ClockEventError } from './calendar.errors.ts'
import { currentCalendar, findClock } from './calendar.repository.ts'
import { getRegime } from './regimes.ts'

export interface TrackClockInput {
  subjectType: string
  subjectId: string
  regime: string
  events: ClockEvent[]
}

/** Stores (or replaces) the events of a clock and its evaluation under the calendar in force. */
export async function trackClock(db: Executor, input: TrackClockInput, today: string): Promise<ClockEvaluation> {
  const current = await currentCalendar(db)
  if (!current) throw new Error('calendar not initialised')
  const regime = getRegime(input.regime)
  const evaluation = evaluateClock(input.events, regime, current.calendar, today)
  const values = {
    subject_type: input.subjectType, subject_id: input.subjectId, regime: regime.id, events: JSON.stringify(input.events),
    state: evaluation.state, due_on: evaluation.dueOn, provisional: evaluation.provisional, calendar_version_id: current.id, updated_at: new Date(),
  }
  await db.insertInto('tracked_clocks').values(values)
    .onConflict((oc) => oc.columns(['subject_type', 'subject_id']).doUpdateSet({ regime: values.regime, events: values.events, state: values.state, due_on: values.due_on, provisional: values.provisional, calendar_version_id: values.calendar_version_id, updated_at: values.updated_at }))
    .execute()
  return evaluation
}

/** Adds one event to a tracked clock after checking it against the rules (a second extension is refused, …). */
export async function recordClockEvent(db: Executor, subjectType: string, subjectId: string, event: ClockEvent, today: string): Promise<ClockEvaluation> {
  const clock = await findClock(db, subjectType, subjectId)
  if (!clock) throw new Error(`no clock for ${subjectType} ${subjectId}`)
  const current = (await currentCalendar(db))!
  const check = checkClockEvent(clock.events, event, getRegime(clock.regime), current.calendar)
  if (!check.ok) throw new ClockEventError(clock.events.length, check.reason)
  return trackClock(db, { subjectType, subjectId, regime: clock.regime, events: [...clock.events, event] }, today)
}
