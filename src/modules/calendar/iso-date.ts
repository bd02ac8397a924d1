import { CalendarInputError } from './calendar.errors.ts'
import { messages } from './calendar.messages.ts'

/**
 * A calendar date written 'YYYY-MM-DD'. Statutory periods are counted in dates, not instants, so the engine never
 * touches `Date` objects or time zones: a date is turned into a day number (days since 1970-01-01) and back.
 */
export type IsoDate = string

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

// Beyond this range a date is a typing error, not a deadline.
export const MIN_YEAR = 1900
export const MAX_YEAR = 2199

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000

/** Days since 1970-01-01 of a validated date; throws `CalendarInputError` for malformed or impossible dates. */
export function toDayNumber(date: unknown, field = 'date'): number {
  if (typeof date !== 'string') throw new CalendarInputError(field, messages.dateFormat(String(date)))
  const match = ISO_DATE.exec(date)
  if (!match) throw new CalendarInputError(field, messages.dateFormat(date))
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < MIN_YEAR || year > MAX_YEAR) throw new CalendarInputError(field, messages.dateOutOfRange(date, MIN_YEAR, MAX_YEAR))
  const dayNumber = Date.UTC(year, month - 1, day) / MS_PER_DAY
  // Date.UTC rolls 2025-02-30 over to 2025-03-02; a round trip exposes impossible dates.
  if (fromDayNumber(dayNumber) !== date) throw new CalendarInputError(field, messages.impossibleDate(date))
  return dayNumber
}

/**
 * The date of a day number. Arithmetic (H. Hinnant's civil_from_days) rather than Date#toISOString:
 * deadline walks call this for every day they pass, and it was the engine's hottest line (bench/calendar-due.ts).
 */
export function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`
}

/** Day number of 1 January of a year. */
export function firstDayOfYear(year: number): number {
  return Date.UTC(year, 0, 1) / MS_PER_DAY
}

/** ISO weekday of a day number (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): Weekday {
  return ((((dayNumber + 3) % 7) + 7) % 7 + 1) as Weekday
}

/** Saturday or Sunday. */
export function isWeekend(dayNumber: number): boolean {
  return weekdayOf(dayNumber) >= 6
}

/** The year of a day number. */
export function yearOf(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear()
}

/** Validates a year given on its own (calendar views, counts). */
export function assertYear(year: unknown, field = 'year'): number {
  if (typeof year !== 'number' || !Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new CalendarInputError(field, messages.yearOutOfRange(String(year), MIN_YEAR, MAX_YEAR))
  }
  return year
}
