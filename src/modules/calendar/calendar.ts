import { CalendarInputError } from './calendar.errors.ts'
import { messages } from './calendar.messages.ts'
import {
  type IsoDate,
  type Weekday,
  assertYear,
  firstDayOfYear,
  fromDayNumber,
  isWeekend,
  toDayNumber,
  weekdayOf,
  yearOf,
} from './iso-date.ts'

/**
 * What a date is for counting 工作日 (regulation.md §1.13): `working` = Monday–Friday not declared a rest day;
 * `weekend` = Saturday/Sunday not declared a working day; `holiday` = a rest day declared by a notice (法定节假日 or
 * 调休 rest day, whatever its weekday); `worked_weekend` = a Saturday/Sunday declared a working day (调休上班).
 */
export type DayKind = 'working' | 'weekend' | 'holiday' | 'worked_weekend'

/** The two kinds a notice can declare; every other date follows the Monday–Friday rule. */
export type CalendarEntryKind = 'holiday' | 'worked_weekend'

/** One date declared by a holiday notice; also the shape of a calendar row in the database. */
export interface CalendarEntry {
  readonly date: IsoDate
  readonly kind: CalendarEntryKind
  /** The holiday it belongs to, as the notice names it: 春节, 国庆节、中秋节 … */
  readonly name: string
  /** Where the row comes from (a dataset file, a notice number); free text for the audit trail. */
  readonly source?: string
}

/** A State Council holiday notice that a calendar relies on. Its year counts as covered by official data. */
export interface HolidayNotice {
  /** The year the notice arranges (it may also move late-December days of the year before). */
  readonly year: number
  /** 《国务院办公厅关于YYYY年部分节假日安排的通知》, or the title of an amending notice. */
  readonly title: string
  /** 发文字号 such as 国办发明电〔2024〕12号, when known. */
  readonly docNo: string | null
  readonly url: string | null
}

/**
 * A calendar version: explicit day kinds for the dates that deviate from Monday–Friday, plus the notices it was
 * built from. Never "weekend minus holidays" computed on the fly: the stored truth is the list of dates.
 */
export interface Calendar {
  /** Label of this version (dataset commit, import id …), shown in traces and stored with computed deadlines. */
  readonly version: string
  readonly entries: ReadonlyMap<IsoDate, CalendarEntry>
  /** Years whose own notice is part of this calendar. Dates elsewhere follow Monday–Friday provisionally. */
  readonly coveredYears: ReadonlySet<number>
  readonly notices: readonly HolidayNotice[]
}

/** The kind of one date in a calendar. */
export interface DayInfo {
  readonly date: IsoDate
  readonly weekday: Weekday
  readonly kind: DayKind
  /** Holiday name for `holiday` and `worked_weekend` days. */
  readonly name?: string
  /** True when no official notice decides this date yet (see `isProvisional`). */
  readonly provisional: boolean
}

/** A date whose kind or name differs between two calendar versions. */
export interface CalendarChange {
  readonly date: IsoDate
  readonly before: DayInfo
  readonly after: DayInfo
}

/** Input of `buildCalendar`: rows as stored (database) or converted from the shipped dataset. */
export interface CalendarInput {
  readonly version?: string
  readonly entries: Iterable<CalendarEntry>
  readonly notices: Iterable<HolidayNotice>
}

/**
 * The notice for year Y+1 can rearrange the last days of December of year Y around 元旦: the 2008 notice made
 * 2007-12-29 a working day and 12-30/31 rest days, the 2019 notice did the same for 2018, the 2012 and 2023 notices
 * touched 12-31. Until the Y+1 notice is in the calendar these days are provisional. The earliest day seen is 12-29;
 * the window is the last seven days of December, to leave room for a make-up weekend a week earlier.
 */
const NEXT_NOTICE_REACH_DAYS = 7

const ENTRY_KINDS: ReadonlySet<string> = new Set<CalendarEntryKind>(['holiday', 'worked_weekend'])

/** Builds a calendar version from rows; rejects impossible rows rather than guessing. */
export function buildCalendar(input: CalendarInput): Calendar {
  const entries = new Map<IsoDate, CalendarEntry>()
  for (const entry of input.entries) {
    const dayNumber = toDayNumber(entry.date, 'entries.date')
    if (!ENTRY_KINDS.has(entry.kind)) throw new CalendarInputError('entries.kind', messages.unknownEntryKind(entry.date, String(entry.kind)))
    if (typeof entry.name !== 'string' || entry.name.trim() === '') throw new CalendarInputError('entries.name', messages.missingHolidayName(entry.date))
    if (entry.kind === 'worked_weekend' && !isWeekend(dayNumber)) {
      throw new CalendarInputError('entries.kind', messages.workedWeekendOnWeekday(entry.date, weekdayOf(dayNumber)))
    }
    if (entries.has(entry.date)) throw new CalendarInputError('entries.date', messages.duplicateEntry(entry.date))
    entries.set(entry.date, Object.freeze({ ...entry }))
  }
  const notices = [...input.notices].map((notice) => {
    assertYear(notice.year, 'notices.year')
    return Object.freeze({ ...notice })
  })
  return Object.freeze({
    version: input.version ?? '',
    entries: new Map([...entries].sort(([a], [b]) => (a < b ? -1 : 1))),
    coveredYears: new Set(notices.map((notice) => notice.year)),
    notices: Object.freeze(notices),
  })
}

/** The kind of a date, with its holiday name and whether it is provisional. */
export function dayKind(date: IsoDate, calendar: Calendar): DayInfo {
  return dayInfoAt(toDayNumber(date), calendar)
}

/** True for `working` and `worked_weekend` days. */
export function isWorkingDay(date: IsoDate, calendar: Calendar): boolean {
  return isWorking(dayInfoAt(toDayNumber(date), calendar))
}

/** Every day of a year, for the calendar view. */
export function yearDays(year: number, calendar: Calendar): DayInfo[] {
  assertYear(year)
  const first = firstDayOfYear(year)
  const next = firstDayOfYear(year + 1)
  const days: DayInfo[] = []
  for (let dayNumber = first; dayNumber < next; dayNumber++) days.push(dayInfoAt(dayNumber, calendar))
  return days
}

/** Number of working days in a year (regression check: 2017 = 249, 2024 = 251, 2025 = 248, 2026 = 248). */
export function workingDayCount(year: number, calendar: Calendar): number {
  return yearDays(year, calendar).filter(isWorking).length
}

/** The notices a calendar relies on for a year (two for 2020: the original and the COVID extension). */
export function noticesFor(year: number, calendar: Calendar): HolidayNotice[] {
  return calendar.notices.filter((notice) => notice.year === year)
}

/** The calendar's rows, sorted by date, ready to store. */
export function calendarEntries(calendar: Calendar): CalendarEntry[] {
  return [...calendar.entries.values()]
}

/**
 * Dates whose kind or holiday name differs between two versions (an amendment such as 国办发明电〔2020〕1号, or a new
 * year's notice). Open requests whose counting range touches one of these dates need their deadline recomputed.
 * A year that only becomes covered changes no date here, but flips deadlines from provisional to final: callers
 * should also recompute provisional deadlines when `coveredYears` changes.
 */
export function changedDates(before: Calendar, after: Calendar): CalendarChange[] {
  const dates = [...new Set([...before.entries.keys(), ...after.entries.keys()])].sort()
  const changes: CalendarChange[] = []
  for (const date of dates) {
    const dayNumber = toDayNumber(date)
    const old = dayInfoAt(dayNumber, before)
    const now = dayInfoAt(dayNumber, after)
    if (old.kind !== now.kind || old.name !== now.name) changes.push({ date, before: old, after: now })
  }
  return changes
}

/** Day kind of a day number; the engine's inner loops use this to avoid re-parsing dates. */
export function dayInfoAt(dayNumber: number, calendar: Calendar): DayInfo {
  const date = fromDayNumber(dayNumber)
  const weekday = weekdayOf(dayNumber)
  const entry = calendar.entries.get(date)
  const provisional = entry === undefined && isProvisional(dayNumber, calendar)
  if (entry) return { date, weekday, kind: entry.kind, name: entry.name, provisional }
  return { date, weekday, kind: weekday >= 6 ? 'weekend' : 'working', provisional }
}

/** True for `working` and `worked_weekend`. */
export function isWorking(day: DayInfo): boolean {
  return day.kind === 'working' || day.kind === 'worked_weekend'
}

/**
 * A date not listed in the calendar is provisional when its year's notice is missing, or when it sits in the
 * late-December window that next year's notice may still rearrange (see NEXT_NOTICE_REACH_DAYS). Listed dates are
 * decided by the notice that lists them.
 */
function isProvisional(dayNumber: number, calendar: Calendar): boolean {
  const year = yearOf(dayNumber)
  if (!calendar.coveredYears.has(year)) return true
  if (calendar.coveredYears.has(year + 1)) return false
  return dayNumber >= firstDayOfYear(year + 1) - NEXT_NOTICE_REACH_DAYS
}
