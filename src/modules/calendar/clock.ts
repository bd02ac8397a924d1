import type { Calendar } from './calendar.ts'
import { CalendarInputError, ClockEventError } from './calendar.errors.ts'
import { messages } from './calendar.messages.ts'
import { type IsoDate, fromDayNumber, toDayNumber } from './iso-date.ts'
import type { PauseReason, PauseRule, Regime, SilenceOutcome } from './regimes.ts'
import { type Trace, type TraceEvent, buildTrace } from './trace.ts'
import { type Walk, walkWorkingDays } from './working-days.ts'

/**
 * What happens to a request's answer clock (答复期限), each on a legal date (`on`: the day it took effect, not the
 * day it was keyed in).
 *
 * - `start` — 收到申请之日 (条例 第三十一条 decides which date that is per channel).
 * - `correction_requested` — 告知补正 (第三十条: within 7 working days, once). The clock waits for the applicant.
 * - `restart` — 收到补正: "答复期限自行政机关收到补正的申请之日起计算". Everything before is forgotten: days used,
 *   extension, pauses. Day 1 is the first working day after `on`.
 * - `pause` / `resume` — consultation (第三十二条, 第三十四条; 第三十三条第三款 excludes its time) or fee notice until
 *   payment. `deliveredOn` is the day the consulted party received the 征求意见书, from which its reply period runs
 *   (defaults to `on`).
 * - `extension` — 延期 (第三十三条第二款): at most the regime's maximum, once per counting period.
 * - `stop` — answered (or the case closed, e.g. 视为放弃).
 *
 * Pause convention: the pause day itself still counts and the resume day does not. The working days excluded are
 * those in (pause, resume] — like a new period, resumed counting starts the day after its trigger (民法典 第二百零一条).
 * So a pause that excludes k working days moves the due date by exactly k working days, provided it starts on or
 * before the due date (a pause on the due day itself gains nothing: that day was already counted).
 * A consultation with a reply period ends by itself when the period runs out (silence: 第三十二条 the agency decides,
 * 第三十四条 deemed consent); its excluded days are then (pause, reply due date].
 */
export type ClockEvent =
  | { readonly type: 'start'; readonly on: IsoDate }
  | { readonly type: 'correction_requested'; readonly on: IsoDate }
  | { readonly type: 'restart'; readonly on: IsoDate }
  | { readonly type: 'pause'; readonly on: IsoDate; readonly reason: PauseReason; readonly deliveredOn?: IsoDate }
  | { readonly type: 'resume'; readonly on: IsoDate; readonly reason: PauseReason }
  | { readonly type: 'extension'; readonly on: IsoDate; readonly workingDays: number }
  | { readonly type: 'stop'; readonly on: IsoDate }

/** Whether the clock ticks as of the evaluation date. */
export type ClockState = 'running' | 'paused' | 'stopped'

/** A consultation or fee-notice pause, with its own reply period when the law sets one. */
export interface SubClock {
  readonly reason: PauseReason
  readonly startedOn: IsoDate
  /** Day 0 of the consulted party's reply period (its receipt of the 征求意见书). */
  readonly countsFrom: IsoDate
  /** Last day of the reply period; null when the law sets none (fee notice, 2007 third party). */
  readonly dueOn: IsoDate | null
  /** The day the pause ended: the reply, or the end of the reply period; null while open. */
  readonly endedOn: IsoDate | null
  /** `open`, `resumed` (reply or payment in time), or the deemed outcome of silence. */
  readonly outcome: 'open' | 'resumed' | SilenceOutcome
  readonly citation: string
}

/** The answer clock of one request as of a date. */
export interface ClockEvaluation {
  readonly regime: string
  readonly asOf: IsoDate
  readonly state: ClockState
  /** 补正 requested and not yet received: no answer period runs. */
  readonly awaitingCorrection: boolean
  readonly openPauses: readonly PauseReason[]
  readonly receivedOn: IsoDate
  /** Day 0 of the current counting period: the receipt, or the receipt of the 补正. */
  readonly countsFrom: IsoDate
  /**
   * Last day to answer. While paused or awaiting 补正 it is projected as if the clock ran again from `asOf`
   * (`dueOnProjected`). Null only for a case closed while awaiting 补正 (no answer period ever ran).
   */
  readonly dueOn: IsoDate | null
  readonly dueOnProjected: boolean
  /** Answer period plus extension. */
  readonly totalWorkingDays: number
  readonly extensionWorkingDays: number
  /** Counted working days up to `asOf` (or the answer date); can exceed the total when late. */
  readonly workingDaysUsed: number
  readonly workingDaysRemaining: number
  readonly overdueWorkingDays: number
  readonly answeredOn: IsoDate | null
  readonly answeredOnTime: boolean | null
  /** True when the due date (or a reply period it depends on) relies on a day no official notice decides yet. */
  readonly provisional: boolean
  /** 第三十条 notice period: last day to request 补正, and whether the request came late. */
  readonly correction: { readonly noticeDueOn: IsoDate | null; readonly requestedOn: IsoDate | null; readonly late: boolean }
  readonly consultations: readonly SubClock[]
  readonly trace: Trace
}

/** Result of checking a new event against the history: allowed, or refused with a Chinese reason. */
export type ClockEventCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string }

interface PauseRecord {
  readonly reason: PauseReason
  readonly rule: PauseRule
  readonly on: number
  readonly countsFrom: number
  readonly replyDue: number | null
  readonly replyDueProvisional: boolean
  resumedOn: number | null
}

interface Period {
  readonly anchor: number
  readonly anchorText: string
  extensionDays: number
  extended: boolean
  readonly pauses: PauseRecord[]
  readonly events: TraceEvent[]
}

interface Replay {
  readonly receivedOn: number
  correctionRequestedOn: number | null
  restartedOn: number | null
  stoppedOn: number | null
  lastEventDay: number
  period: Period
  /** Trace events of earlier periods (before a restart). */
  earlier: TraceEvent[]
}

class Refusal extends Error {}

/**
 * Evaluates a request's answer clock from its events under a regime, as of `today`: due date, working days used
 * and remaining, state, sub-clocks and a trace. Throws `ClockEventError` when an event is refused by the rules or
 * dated after `today`.
 */
export function evaluateClock(events: readonly ClockEvent[], regime: Regime, calendar: Calendar, today: IsoDate): ClockEvaluation {
  const todayDay = toDayNumber(today, 'today')
  const replay = replayEvents(events, regime, calendar)
  const lateIndex = events.findIndex((event) => toDayNumber(event.on) > todayDay)
  if (lateIndex >= 0) throw new ClockEventError(lateIndex, messages.eventAfterToday(events[lateIndex]!.on, today))

  const asOf = replay.stoppedOn ?? todayDay
  const total = regime.answer.workingDays + replay.period.extensionDays
  const awaitingCorrection = replay.correctionRequestedOn !== null && replay.restartedOn === null
  const correction = correctionStatus(replay, regime, calendar)
  const base = {
    regime: regime.id,
    asOf: fromDayNumber(asOf),
    receivedOn: fromDayNumber(replay.receivedOn),
    answeredOn: replay.stoppedOn === null ? null : fromDayNumber(replay.stoppedOn),
    correction,
  }

  if (awaitingCorrection) {
    const projection = replay.stoppedOn === null ? walkWorkingDays(todayDay, regime.answer.workingDays, calendar) : null
    const trace = buildTrace({
      anchor: { dayNumber: replay.receivedOn, text: messages.eventText.start(fromDayNumber(replay.receivedOn)) },
      days: [],
      events: [
        ...replay.period.events,
        ...(projection ? [{ dayNumber: todayDay, text: messages.awaitingCorrection(fromDayNumber(projection.dueDay)) }] : []),
      ],
    })
    return {
      ...base,
      state: replay.stoppedOn === null ? 'paused' : 'stopped',
      awaitingCorrection: true,
      openPauses: [],
      countsFrom: fromDayNumber(replay.receivedOn),
      dueOn: projection ? fromDayNumber(projection.dueDay) : null,
      dueOnProjected: projection !== null,
      totalWorkingDays: regime.answer.workingDays,
      extensionWorkingDays: 0,
      workingDaysUsed: 0,
      workingDaysRemaining: regime.answer.workingDays,
      overdueWorkingDays: 0,
      answeredOnTime: null,
      provisional: projection?.provisional ?? false,
      consultations: [],
      trace,
    }
  }

  const { period } = replay
  const walk = walkPeriod(period, total, calendar, asOf, asOf)
  const used = walk.days.filter((day) => day.status === 'counted' && day.dayNumber <= asOf).length
  const openPauses = replay.stoppedOn === null ? period.pauses.filter((pause) => isOpen(pause, asOf)).map((pause) => pause.reason) : []
  const projected = period.pauses.some((pause) => isOpen(pause, asOf))
  const consultations = period.pauses.map((pause) => subClock(pause, asOf))
  const provisional = walk.provisional || period.pauses.some((pause) => pause.replyDueProvisional && pause.resumedOn === null)
  // The walk-through runs to the answer when there is one (the count stops there, early or late), else to the due date.
  const answeredEarly = replay.stoppedOn !== null && replay.stoppedOn < walk.dueDay
  const traceUntil = replay.stoppedOn ?? walk.dueDay
  const overdue = Math.max(0, used - total)
  const trace = buildTrace({
    anchor: { dayNumber: period.anchor, text: period.anchorText },
    earlier: replay.earlier,
    days: walk.days.filter((day) => day.dayNumber <= traceUntil),
    events: [
      ...period.events,
      ...deemedEndEvents(period.pauses, asOf),
      ...(projected && replay.stoppedOn === null ? [{ dayNumber: todayDay, text: messages.projectedFrom(today) }] : []),
      ...(replay.stoppedOn === null && overdue > 0 ? [{ dayNumber: todayDay, text: messages.overdueAsOf(today, overdue) }] : []),
    ],
    due: { dayNumber: walk.dueDay, day: total, text: messages.answerDue(fromDayNumber(walk.dueDay), total), inSummary: answeredEarly },
    lastOrdinal: total,
  })
  return {
    ...base,
    state: replay.stoppedOn !== null ? 'stopped' : openPauses.length > 0 ? 'paused' : 'running',
    awaitingCorrection: false,
    openPauses,
    countsFrom: fromDayNumber(period.anchor),
    dueOn: fromDayNumber(walk.dueDay),
    dueOnProjected: projected,
    totalWorkingDays: total,
    extensionWorkingDays: period.extensionDays,
    workingDaysUsed: used,
    workingDaysRemaining: Math.max(0, total - used),
    overdueWorkingDays: overdue,
    answeredOnTime: replay.stoppedOn === null ? null : replay.stoppedOn <= walk.dueDay,
    provisional,
    consultations,
    trace,
  }
}

/**
 * Checks whether `next` may be appended to a valid history: the use case calls this before recording an event and
 * shows the reason when refused (a second extension, an extension over the maximum, a second 补正 …).
 */
export function checkClockEvent(events: readonly ClockEvent[], next: ClockEvent, regime: Regime, calendar: Calendar): ClockEventCheck {
  try {
    replayEvents([...events, next], regime, calendar)
    return { ok: true }
  } catch (error) {
    if (error instanceof ClockEventError) return { ok: false, reason: error.index === events.length ? error.reason : error.message }
    throw error
  }
}

function replayEvents(events: readonly ClockEvent[], regime: Regime, calendar: Calendar): Replay {
  if (events.length === 0) throw new ClockEventError(0, messages.noEvents)
  let replay: Replay | undefined
  events.forEach((event, index) => {
    try {
      replay = applyEvent(replay, event, regime, calendar)
    } catch (error) {
      if (error instanceof Refusal || error instanceof CalendarInputError) throw new ClockEventError(index, error.message)
      throw error
    }
  })
  return replay!
}

function applyEvent(replay: Replay | undefined, event: ClockEvent, regime: Regime, calendar: Calendar): Replay {
  const day = toDayNumber(event.on, 'on')
  const date = event.on
  if (!replay) {
    if (event.type !== 'start') throw new Refusal(messages.refusal.firstMustBeStart)
    return {
      receivedOn: day,
      correctionRequestedOn: null,
      restartedOn: null,
      stoppedOn: null,
      lastEventDay: day,
      period: newPeriod(day, messages.eventText.start(date)),
      earlier: [],
    }
  }
  if (replay.stoppedOn !== null) throw new Refusal(messages.refusal.afterStop(fromDayNumber(replay.stoppedOn)))
  if (day < replay.lastEventDay) throw new Refusal(messages.refusal.beforePrevious(date, fromDayNumber(replay.lastEventDay)))
  replay.lastEventDay = day
  const { period } = replay
  const awaitingCorrection = replay.correctionRequestedOn !== null && replay.restartedOn === null

  switch (event.type) {
    case 'start':
      throw new Refusal(messages.refusal.secondStart)

    case 'correction_requested': {
      if (replay.correctionRequestedOn !== null) throw new Refusal(messages.refusal.secondCorrection(fromDayNumber(replay.correctionRequestedOn)))
      replay.correctionRequestedOn = day
      const noticeDue = correctionNoticeDue(replay.receivedOn, regime, calendar)
      period.events.push({ dayNumber: day, text: messages.eventText.correctionRequested(date, noticeDue === null ? null : fromDayNumber(noticeDue), noticeDue !== null && day > noticeDue) })
      return replay
    }

    case 'restart': {
      if (replay.correctionRequestedOn === null) throw new Refusal(messages.refusal.restartWithoutCorrection)
      if (replay.restartedOn !== null) throw new Refusal(messages.refusal.secondRestart(fromDayNumber(replay.restartedOn)))
      replay.restartedOn = day
      // 第三十条: the answer period is counted afresh from the receipt of the corrected application.
      replay.earlier = [{ dayNumber: period.anchor, text: period.anchorText }, ...period.events]
      replay.period = newPeriod(day, messages.eventText.restart(date))
      return replay
    }

    case 'pause': {
      if (awaitingCorrection) throw new Refusal(messages.refusal.pauseWhileAwaitingCorrection)
      const rule = regime.pauses[event.reason]
      if (!rule) throw new Refusal(messages.refusal.pauseNotAllowed(messages.pauseName(event.reason), regime.title))
      if (rule.availableFrom !== undefined && day < toDayNumber(rule.availableFrom)) {
        throw new Refusal(messages.refusal.pauseNotYetAvailable(messages.pauseName(event.reason), rule.availableFrom))
      }
      if (period.pauses.some((pause) => pause.reason === event.reason && isOpen(pause, day))) {
        throw new Refusal(messages.refusal.pauseAlreadyOpen(messages.pauseName(event.reason)))
      }
      assertNotExpired(period, regime, calendar, day, messages.refusal.pauseAfterDue)
      const countsFrom = event.deliveredOn === undefined ? day : toDayNumber(event.deliveredOn, 'deliveredOn')
      if (countsFrom < day) throw new Refusal(messages.refusal.deliveredBeforeSent(fromDayNumber(countsFrom), date))
      const reply = rule.replyWorkingDays === null ? null : walkWorkingDays(countsFrom, rule.replyWorkingDays, calendar)
      period.pauses.push({
        reason: event.reason,
        rule,
        on: day,
        countsFrom,
        replyDue: reply?.dueDay ?? null,
        replyDueProvisional: reply?.provisional ?? false,
        resumedOn: null,
      })
      period.events.push({ dayNumber: day, text: messages.eventText.pause(event.reason, date, reply ? fromDayNumber(reply.dueDay) : null) })
      return replay
    }

    case 'resume': {
      const pause = period.pauses.findLast((candidate) => candidate.reason === event.reason && candidate.resumedOn === null)
      if (!pause) throw new Refusal(messages.refusal.resumeWithoutPause(messages.pauseName(event.reason)))
      pause.resumedOn = day
      const late = pause.replyDue !== null && day > pause.replyDue
      period.events.push({ dayNumber: day, text: messages.eventText.resume(event.reason, date, late) })
      return replay
    }

    case 'extension': {
      if (awaitingCorrection) throw new Refusal(messages.refusal.extensionWhileAwaitingCorrection)
      if (period.extended) throw new Refusal(messages.refusal.secondExtension(regime.extension.citation))
      const days = event.workingDays
      if (typeof days !== 'number' || !Number.isInteger(days) || days < 1) throw new Refusal(messages.refusal.extensionNotPositive(String(days)))
      if (days > regime.extension.maxWorkingDays) throw new Refusal(messages.refusal.extensionTooLong(days, regime.extension.maxWorkingDays, regime.extension.citation))
      assertNotExpired(period, regime, calendar, day, messages.refusal.extensionAfterDue)
      period.extended = true
      period.extensionDays = days
      period.events.push({ dayNumber: day, text: messages.eventText.extension(date, days) })
      return replay
    }

    case 'stop':
      replay.stoppedOn = day
      period.events.push({ dayNumber: day, text: messages.eventText.stop(date) })
      return replay

    default:
      throw new Refusal(messages.refusal.unknownEvent(String((event as { type?: unknown }).type)))
  }
}

function newPeriod(anchor: number, anchorText: string): Period {
  return { anchor, anchorText, extensionDays: 0, extended: false, pauses: [], events: [] }
}

/** The due date of the period as it stands on `day`; an event that needs a live clock is refused after it. */
function assertNotExpired(period: Period, regime: Regime, calendar: Calendar, day: number, refusal: (due: string) => string): void {
  const walk = walkPeriod(period, regime.answer.workingDays + period.extensionDays, calendar, day, day)
  if (day > walk.dueDay) throw new Refusal(refusal(fromDayNumber(walk.dueDay)))
}

/** Counts the period, treating open pauses as ending on `asOf` (the projection used while paused). */
function walkPeriod(period: Period, total: number, calendar: Calendar, asOf: number, through: number): Walk {
  return walkWorkingDays(period.anchor, total, calendar, {
    through,
    excludedBy: (dayNumber) => {
      const pause = period.pauses.find((candidate) => candidate.on < dayNumber && dayNumber <= pauseEnd(candidate, asOf))
      return pause ? messages.pausedLabel(pause.reason) : undefined
    },
  })
}

/** Last excluded day of a pause: the resume day, the end of the reply period, or (still open) `asOf`. */
function pauseEnd(pause: PauseRecord, asOf: number): number {
  const replyDue = pause.replyDue ?? Number.POSITIVE_INFINITY
  if (pause.resumedOn !== null) return Math.min(pause.resumedOn, replyDue)
  return Math.min(Math.max(asOf, pause.on), replyDue)
}

function isOpen(pause: PauseRecord, asOf: number): boolean {
  return pause.resumedOn === null && (pause.replyDue === null || asOf <= pause.replyDue)
}

function subClock(pause: PauseRecord, asOf: number): SubClock {
  const silentPastDue = pause.replyDue !== null && (pause.resumedOn ?? asOf) > pause.replyDue
  const outcome = silentPastDue ? (pause.rule.silence ?? 'open') : pause.resumedOn !== null ? 'resumed' : 'open'
  const endedOn = silentPastDue ? pause.replyDue : pause.resumedOn
  return {
    reason: pause.reason,
    startedOn: fromDayNumber(pause.on),
    countsFrom: fromDayNumber(pause.countsFrom),
    dueOn: pause.replyDue === null ? null : fromDayNumber(pause.replyDue),
    endedOn: endedOn === null ? null : fromDayNumber(endedOn),
    outcome,
    citation: pause.rule.citation,
  }
}

/** Trace lines for consultations that ended by silence: the clock runs again after the reply period. */
function deemedEndEvents(pauses: readonly PauseRecord[], asOf: number): TraceEvent[] {
  return pauses
    .filter((pause) => pause.replyDue !== null && (pause.resumedOn ?? asOf) > pause.replyDue)
    .map((pause) => ({ dayNumber: pause.replyDue!, text: messages.eventText.deemedEnd(pause.reason, fromDayNumber(pause.replyDue!), pause.rule.silence) }))
}

function correctionNoticeDue(receivedOn: number, regime: Regime, calendar: Calendar): number | null {
  const days = regime.correction.noticeWorkingDays
  return days === null ? null : walkWorkingDays(receivedOn, days, calendar).dueDay
}

function correctionStatus(replay: Replay, regime: Regime, calendar: Calendar): ClockEvaluation['correction'] {
  const noticeDue = correctionNoticeDue(replay.receivedOn, regime, calendar)
  const requested = replay.correctionRequestedOn
  return {
    noticeDueOn: noticeDue === null ? null : fromDayNumber(noticeDue),
    requestedOn: requested === null ? null : fromDayNumber(requested),
    late: requested !== null && noticeDue !== null && requested > noticeDue,
  }
}
