import { type Calendar, dayInfoAt, isWorking } from './calendar.ts'
import { CalendarInputError } from './calendar.errors.ts'
import { messages } from './calendar.messages.ts'
import { type IsoDate, fromDayNumber, toDayNumber } from './iso-date.ts'
import { type Trace, type WalkedDay, buildTrace } from './trace.ts'

/** Largest count accepted: ten years of days. Anything larger is a typing error, not a statutory period. */
export const MAX_DAY_COUNT = 3650

// A walk longer than this can only come from a pause that never ends; stop rather than loop.
const MAX_WALK_LENGTH = 366 * 100

/** A computed last day of a period, with its walk-through. */
export interface Deadline {
  readonly date: IsoDate
  /** True when any day the count relied on is not yet decided by an official notice. */
  readonly provisional: boolean
  readonly trace: Trace
}

/**
 * The n-th working day after `from` (工作日). 民法典 第二百零一条: "开始的当日不计入，自下一日开始计算" — day 1 is the
 * first working day after `from`, also when `from` is itself a weekend or holiday. n = 0 returns `from`.
 * Working days are Monday–Friday minus declared holidays plus 调休上班 weekend days (regulation.md §1.13).
 */
export function addWorkingDays(from: IsoDate, n: number, calendar: Calendar): Deadline {
  const anchor = toDayNumber(from, 'from')
  assertDayCount(n, 'n')
  const walk = walkWorkingDays(anchor, n, calendar)
  const trace = buildTrace({
    anchor: { dayNumber: anchor, text: messages.countFrom(from) },
    days: walk.days,
    due: { dayNumber: walk.dueDay, day: n, text: messages.periodEnds(fromDayNumber(walk.dueDay), n), inSummary: n === 0 },
    lastOrdinal: n,
  })
  return { date: fromDayNumber(walk.dueDay), provisional: walk.provisional, trace }
}

/**
 * The last day of a period of n calendar days (日, as in 信访工作条例), counted from the day after `from`
 * (民法典 第二百零一条). 民法典 第二百零三条第一款: "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的
 * 最后一日" — a last day that is a weekend or holiday moves to the day after the run of rest days, which is the
 * next working day (a 调休上班 weekend day included). n = 0 returns `from`.
 */
export function addCalendarDays(from: IsoDate, n: number, calendar: Calendar): Deadline {
  const anchor = toDayNumber(from, 'from')
  assertDayCount(n, 'n')
  const lastDay = anchor + n
  let dueDay = lastDay
  while (n > 0 && !isWorking(dayInfoAt(dueDay, calendar))) dueDay++
  const rolled = dueDay !== lastDay
  // Trace: days 1…n counted; when the last day moves, days n … dueDay-1 show as the rest run it moved over.
  const days: WalkedDay[] = []
  for (let dayNumber = anchor + 1; dayNumber <= (rolled ? dueDay - 1 : lastDay); dayNumber++) {
    const ordinal = dayNumber - anchor
    const counted = !rolled || ordinal < n
    days.push({ dayNumber, info: dayInfoAt(dayNumber, calendar), status: counted ? 'counted' : 'rest', ...(counted ? { ordinal } : {}) })
  }
  const due = fromDayNumber(dueDay)
  const trace = buildTrace({
    anchor: { dayNumber: anchor, text: messages.countFrom(from) },
    days,
    due: {
      dayNumber: dueDay,
      day: n,
      text: rolled ? messages.periodRolledForward(n, fromDayNumber(lastDay), due) : messages.periodEnds(due, n),
      inSummary: n === 0 || rolled,
    },
    unit: 'calendar_day',
    lastOrdinal: rolled ? undefined : n,
  })
  let provisional = false
  for (let dayNumber = lastDay; n > 0 && dayNumber <= dueDay; dayNumber++) provisional ||= dayInfoAt(dayNumber, calendar).provisional
  return { date: due, provisional, trace }
}

/** Number of working days in (from, to]: the days an `addWorkingDays` count from `from` would use up by `to`. */
export function countWorkingDays(from: IsoDate, to: IsoDate, calendar: Calendar): number {
  const start = toDayNumber(from, 'from')
  const end = toDayNumber(to, 'to')
  if (end < start) throw new CalendarInputError('to', messages.endBeforeStart(from, to))
  let count = 0
  for (let dayNumber = start + 1; dayNumber <= end; dayNumber++) if (isWorking(dayInfoAt(dayNumber, calendar))) count++
  return count
}

/** Validates a count of days: an integer from 0 to MAX_DAY_COUNT. */
export function assertDayCount(n: unknown, field: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n)) throw new CalendarInputError(field, messages.dayCountNotInteger(String(n)))
  if (n < 0) throw new CalendarInputError(field, messages.dayCountNegative(n))
  if (n > MAX_DAY_COUNT) throw new CalendarInputError(field, messages.dayCountTooLarge(n, MAX_DAY_COUNT))
  return n
}

/** A walk over the days after an anchor until `total` working days are counted (and at least through `through`). */
export interface Walk {
  readonly dueDay: number
  readonly days: readonly WalkedDay[]
  /** True when a day in (anchor, dueDay] is provisional. */
  readonly provisional: boolean
}

export interface WalkOptions {
  /** Returns why a day is excluded from the count (a pause), or undefined when it counts normally. */
  readonly excludedBy?: (dayNumber: number) => string | undefined
  /** Keep walking through this day even after the count is complete (for "used as of today"). */
  readonly through?: number
}

/**
 * The engine's single counting loop. A day that `excludedBy` marks is paused whatever its kind (so a pause over a
 * weekend is one run in the trace); otherwise rest days are skipped and working days counted.
 */
export function walkWorkingDays(anchor: number, total: number, calendar: Calendar, options: WalkOptions = {}): Walk {
  const days: WalkedDay[] = []
  let count = 0
  let dueDay: number | undefined = total === 0 ? anchor : undefined
  let provisional = false
  const through = options.through ?? anchor
  for (let dayNumber = anchor + 1; dueDay === undefined || dayNumber <= through; dayNumber++) {
    if (dayNumber - anchor > MAX_WALK_LENGTH) throw new CalendarInputError('events', messages.walkTooLong(fromDayNumber(anchor)))
    const info = dayInfoAt(dayNumber, calendar)
    const pauseLabel = options.excludedBy?.(dayNumber)
    if (dueDay === undefined && info.provisional) provisional = true
    if (pauseLabel !== undefined) days.push({ dayNumber, info, status: 'paused', pauseLabel })
    else if (!isWorking(info)) days.push({ dayNumber, info, status: 'rest' })
    else {
      count++
      days.push({ dayNumber, info, status: 'counted', ordinal: count })
      if (count === total) dueDay = dayNumber
    }
  }
  return { dueDay: dueDay!, days, provisional }
}
