import { type Calendar, type CalendarEntry, type HolidayNotice, buildCalendar } from './calendar.ts'
import { CalendarInputError } from './calendar.errors.ts'
import { messages } from './calendar.messages.ts'
import { isWeekend, toDayNumber } from './iso-date.ts'
import { OFFICIAL_NOTICE_DETAILS, annualNoticeTitle } from './official-notices.ts'

/** One `YYYY.json` file of the NateScarlet/holiday-cn dataset (see data/holiday-cn/PROVENANCE.md). */
export interface HolidayCnYear {
  readonly year: number
  readonly papers: readonly string[]
  readonly days: readonly { readonly name: string; readonly date: string; readonly isOffDay: boolean }[]
}

/**
 * Converts holiday-cn year files into a calendar. A file is named after its notice year but may hold late-December
 * dates of the year before, so rows are keyed by date; if two files listed the same date, the later notice wins.
 * `isOffDay: false` on a Monday–Friday (2020-02-03, "2月3日起正常上班") deviates from nothing and is dropped.
 * A file with no papers (2027 before its notice) covers nothing.
 */
export function calendarFromHolidayCn(files: readonly unknown[], version: string): Calendar {
  const years = files.map(readYearFile).sort((a, b) => a.year - b.year)
  const entries = new Map<string, CalendarEntry>()
  const notices: HolidayNotice[] = []
  for (const file of years) {
    const source = `holiday-cn/${file.year}.json`
    for (const day of file.days) {
      if (day.isOffDay) entries.set(day.date, { date: day.date, kind: 'holiday', name: day.name, source })
      else if (isWeekend(toDayNumber(day.date, source))) entries.set(day.date, { date: day.date, kind: 'worked_weekend', name: day.name, source })
    }
    for (const url of file.papers) {
      const details = OFFICIAL_NOTICE_DETAILS[url] ?? {}
      notices.push({ year: file.year, title: details.title ?? annualNoticeTitle(file.year), docNo: details.docNo ?? null, url })
    }
  }
  return buildCalendar({ version, entries: entries.values(), notices })
}

function readYearFile(raw: unknown): HolidayCnYear {
  const file = raw as Partial<HolidayCnYear> | null
  const valid =
    typeof file === 'object' &&
    file !== null &&
    Number.isInteger(file.year) &&
    Array.isArray(file.papers) &&
    file.papers.every((paper) => typeof paper === 'string') &&
    Array.isArray(file.days) &&
    file.days.every(
      (day) => typeof day === 'object' && day !== null && typeof day.name === 'string' && typeof day.date === 'string' && typeof day.isOffDay === 'boolean',
    )
  if (!valid) throw new CalendarInputError('holiday-cn', messages.malformedHolidayCn(String(file?.year ?? '?')))
  return file as HolidayCnYear
}
