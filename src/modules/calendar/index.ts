// The calendar module's public surface: working days with 调休, statutory deadlines with a trace, holiday notices.
// Other modules import from here only. Everything is pure except officialCalendar(), which reads the shipped data.

/** A date written 'YYYY-MM-DD'; statutory periods are counted in dates, never instants. */
export type { IsoDate } from './iso-date.ts'
/** ISO weekday, 1 = Monday … 7 = Sunday. */
export type { Weekday } from './iso-date.ts'

/** working / weekend / holiday (declared rest day) / worked_weekend (调休上班). */
export type { DayKind } from './calendar.ts'
/** The two kinds a notice declares: holiday, worked_weekend. */
export type { CalendarEntryKind } from './calendar.ts'
/** One declared date {date, kind, name, source}: the shape of a calendar row in the database. */
export type { CalendarEntry } from './calendar.ts'
/** A State Council holiday notice (title, 发文字号, URL); its year counts as covered by official data. */
export type { HolidayNotice } from './calendar.ts'
/** A calendar version: declared dates, covered years, notices, version label. */
export type { Calendar } from './calendar.ts'
/** Input of buildCalendar: rows and notices. */
export type { CalendarInput } from './calendar.ts'
/** The kind of one date, its holiday name and whether it is provisional. */
export type { DayInfo } from './calendar.ts'
/** A date whose kind or name differs between two calendar versions. */
export type { CalendarChange } from './calendar.ts'
/** Builds a calendar version from rows (database or dataset); rejects impossible rows. */
export { buildCalendar } from './calendar.ts'
/** The kind of a date in a calendar: dayKind('2025-10-11', cal) → worked_weekend 国庆节、中秋节. */
export { dayKind } from './calendar.ts'
/** True for working days and 调休上班 weekend days. */
export { isWorkingDay } from './calendar.ts'
/** Every day of a year with its kind, for the calendar view. */
export { yearDays } from './calendar.ts'
/** Number of working days in a year (2017: 249, 2024: 251, 2025: 248, 2026: 248). */
export { workingDayCount } from './calendar.ts'
/** The notices a calendar relies on for one year. */
export { noticesFor } from './calendar.ts'
/** A calendar's rows sorted by date, ready to store. */
export { calendarEntries } from './calendar.ts'
/** Dates whose kind or name changed between two versions: the deadlines touching them need recomputing. */
export { changedDates } from './calendar.ts'

/** One year file of the NateScarlet/holiday-cn dataset. */
export type { HolidayCnYear } from './holiday-cn.ts'
/** Builds a calendar from holiday-cn year files (pure; the files are passed in). */
export { calendarFromHolidayCn } from './holiday-cn.ts'
/** The national calendar shipped with the code (holiday-cn 2007–2026), read once from disk and cached. */
export { officialCalendar } from './official-calendar.ts'
/** Version label of the shipped calendar (dataset and commit). */
export { OFFICIAL_CALENDAR_VERSION } from './official-calendar.ts'

/** A computed last day with its provisional flag and trace. */
export type { Deadline } from './working-days.ts'
/** The n-th working day after a date; the start day is not counted (民法典 第二百零一条). */
export { addWorkingDays } from './working-days.ts'
/** The last day of n calendar days (日); a last day on a rest day moves to the next working day (民法典 第二百零三条). */
export { addCalendarDays } from './working-days.ts'
/** Working days in (from, to]: how many an addWorkingDays count uses up by `to`. */
export { countWorkingDays } from './working-days.ts'
/** Largest day count accepted (3650). */
export { MAX_DAY_COUNT } from './working-days.ts'

/** A deadline walk-through: one-line summary, lines, and structured steps. */
export type { Trace } from './trace.ts'
/** One step of a walk-through: event, counted run, rest run, paused run or due day. */
export type { TraceStep } from './trace.ts'

/** A set of statutory deadlines for 依申请公开, as data with citations. */
export type { Regime } from './regimes.ts'
/** Ids of the shipped regimes: cn-2019, cn-2007. */
export type { RegimeId } from './regimes.ts'
/** Why the answer clock may pause: third-party or agency consultation, fee notice. */
export type { PauseReason } from './pause-reasons.ts'
/** A pause a regime allows, with the consulted party's reply period. */
export type { PauseRule } from './regimes.ts'
/** What silence at the end of a consultation means: agency_decides (第三十二条) or deemed_consent (第三十四条). */
export type { SilenceOutcome } from './pause-reasons.ts'
/** The shipped regimes by id: 2019 条例 (20 + 20) and 2007 条例 (15 + 15). */
export { REGIMES } from './regimes.ts'
/** A regime by id; an unknown id throws CalendarInputError in Chinese. */
export { getRegime } from './regimes.ts'
/** The regime in force on a receipt date. */
export { regimeInForceOn } from './regimes.ts'

/** An event of a request's answer clock: start, correction_requested, restart, pause, resume, extension, stop. */
export type { ClockEvent } from './clock.ts'
/** running / paused / stopped. */
export type { ClockState } from './clock.ts'
/** A consultation or fee-notice pause with its own reply period and deemed outcome. */
export type { SubClock } from './clock.ts'
/** A request's answer clock as of a date: due date, days used and remaining, state, sub-clocks, trace. */
export type { ClockEvaluation } from './clock.ts'
/** Whether a new event may be recorded, or why not (in Chinese). */
export type { ClockEventCheck } from './clock.ts'
/** Evaluates an answer clock from its events, under a regime and calendar, as of a date. */
export { evaluateClock } from './clock.ts'
/** Checks a new clock event against the history before it is recorded. */
export { checkClockEvent } from './clock.ts'

/** A date a notice declares, rest (off) or working. */
export type { ParsedDay } from './notice-parser.ts'
/** One numbered item of a notice ("二、春节：…") with its days. */
export type { NoticeItem } from './notice-parser.ts'
/** A parsed notice: items and the calendar rows they make. */
export type { ParsedNotice } from './notice-parser.ts'
/** Parses a State Council holiday notice as published into items and calendar rows. */
export { parseHolidayNotice } from './notice-parser.ts'
/** Parses one item's description ("1月1日（周四）至3日（周六）放假调休，共3天。…") given the notice year. */
export { parseHolidayDescription } from './notice-parser.ts'

/** Bad input (date, count, regime, calendar row); carries the field and a Chinese message. */
export { CalendarInputError } from './calendar.errors.ts'
/** A notice sentence the parser cannot read; names the sentence and why, in Chinese. */
export { NoticeParseError } from './calendar.errors.ts'
/** A clock event refused by the rules; names the event's position and the reason, in Chinese. */
export { ClockEventError } from './calendar.errors.ts'

/** A stored calendar version (official import, notice, amendment). */
export type { CalendarVersion, TrackedClock, ClockChange } from './calendar.repository.ts'
/** The calendar in force (newest stored version, cached per process), the version list, one version, a clock and its changes. */
export { currentCalendar, listVersions, loadCalendarVersion, findClock, changesOfClock, countOpenClocks } from './calendar.repository.ts'
/** What calendar use cases run with (database, clock, actor, audit writer). */
export type { CalendarContext, CalendarProposal, NoticeInput, AmendmentInput, StoredVersion } from './calendar-versions.ts'
/** Stores the shipped official calendar as version 1 on a new installation. */
export { ensureOfficialCalendar } from './calendar-versions.ts'
/** Parses a pasted notice or amendment lines into a proposal to confirm (nothing stored). */
export { proposeNotice, proposeAmendment, parseAmendmentLines } from './calendar-versions.ts'
/** Stores a confirmed proposal and recomputes every open deadline it touches. */
export { storeCalendarVersion, recomputeOpenClocks } from './calendar-versions.ts'
/** Registers a case's clock, and records its events, so that calendar changes reach it. */
export { trackClock, recordClockEvent, type TrackClockInput } from './track-clock.ts'
/** 答复期限计算: a due date with its regime, provisional flag and trace (public page, API, CLI). */
export { explainDueDate, type DueDateQuery, type DueDateAnswer } from './due-date.ts'
