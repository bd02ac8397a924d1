/**
 * The unit's 办理时限 of a case, kept as a tracked clock of the calendar module so that a calendar amendment
 * (调休 notice) moves every open due date (calendar/track-clock.ts). The clock starts on the day of dispatch.
 */
import type { Executor } from '../../database.ts'
import { ClockEventError, findClock, recordClockEvent, trackClock, type ClockEvaluation, type ClockEvent } from '../calendar/index.ts'
import { InvalidInputError } from '../../platform/http/errors.ts'
import { loadLetterSettings, loadLimitTable } from './letter-config.ts'
import { clockRegimeFor, replyLimit, type CategoryKey, type ChannelKey } from './rules/index.ts'

export const CLOCK_SUBJECT = 'letter_case'

// The due date is read from tracked_clocks by the case queries (never copied), so amendments reach every list.
async function store(_trx: Executor, _caseId: number, evaluation: ClockEvaluation): Promise<ClockEvaluation> {
  return evaluation
}

/**
 * A fresh clock from `on` (dispatch, 改派, 重新办理): the whole limit of the channel and category under the 办理时限
 * table as it is today (letter-config.ts); the case records the limit and its basis, so a later change of the table
 * leaves it alone.
 */
export async function startReplyClock(trx: Executor, c: { id: number; channel: ChannelKey; category: CategoryKey }, on: string, today: string): Promise<ClockEvaluation> {
  const limit = replyLimit(c.channel, c.category, await loadLimitTable(trx))
  const settings = await loadLetterSettings(trx)
  const regime = clockRegimeFor(limit, settings.extensionMaxWorkingDays)
  await trx.updateTable('letter_cases').set({ limit_working_days: limit.workingDays, limit_citation: limit.citation }).where('id', '=', c.id).execute()
  return store(trx, c.id, await trackClock(trx, { subjectType: CLOCK_SUBJECT, subjectId: String(c.id), regime, events: [{ type: 'start', on }] }, today))
}

/** Adds an event (延期, 答复) to the clock; a refusal of the rules becomes a field message. */
export async function recordReplyClockEvent(trx: Executor, caseId: number, event: ClockEvent, today: string, field = 'workingDays'): Promise<ClockEvaluation> {
  try {
    return await store(trx, caseId, await recordClockEvent(trx, CLOCK_SUBJECT, String(caseId), event, today))
  } catch (error) {
    if (error instanceof ClockEventError) throw new InvalidInputError([{ field, message: error.reason }])
    throw error
  }
}

/** 审核退回: the reply is not accepted, so the clock runs on as if the unit had not answered. */
export async function resumeReplyClock(trx: Executor, caseId: number, today: string): Promise<ClockEvaluation | null> {
  const clock = await findClock(trx, CLOCK_SUBJECT, String(caseId))
  if (!clock) return null
  const events = clock.events.at(-1)?.type === 'stop' ? clock.events.slice(0, -1) : clock.events
  return store(trx, caseId, await trackClock(trx, { subjectType: CLOCK_SUBJECT, subjectId: String(caseId), regime: clock.regime, events }, today))
}

export async function replyClockOf(db: Executor, caseId: number) {
  return findClock(db, CLOCK_SUBJECT, String(caseId))
}
