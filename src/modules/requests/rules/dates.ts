import type { IsoDate } from '../../calendar/index.ts'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * True for a real calendar date written 'YYYY-MM-DD' (1900–2199, the calendar engine's range). Rules compare such
 * dates as strings: for this format the string order is the date order.
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < 1900 || year > 2199) return false
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** The year of an ISO date. */
export function yearOfDate(date: IsoDate): number {
  return Number(date.slice(0, 4))
}

/** 'YYYY-MM' of an ISO date: the 自然月 a date falls in. */
export function monthOfDate(date: IsoDate): string {
  return date.slice(0, 7)
}
