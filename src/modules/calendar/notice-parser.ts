import type { CalendarEntry } from './calendar.ts'
import { NoticeParseError } from './calendar.errors.ts'
import { messages } from './calendar.messages.ts'
import { type IsoDate, assertYear, fromDayNumber, isWeekend, toDayNumber, weekdayOf } from './iso-date.ts'

/** A date a notice declares: a rest day (`off`) or a working day. */
export interface ParsedDay {
  readonly date: IsoDate
  readonly off: boolean
}

/** One numbered item of a notice ("二、春节：…"), with the days it declares. */
export interface NoticeItem {
  readonly name: string
  readonly description: string
  readonly days: readonly ParsedDay[]
}

/** A parsed notice: its items and the calendar rows they make (rest days → holiday, worked Sat/Sun → worked_weekend). */
export interface ParsedNotice {
  readonly year: number
  readonly items: readonly NoticeItem[]
  readonly entries: readonly CalendarEntry[]
}

/**
 * Parses a State Council holiday notice as published: numbered items "一、元旦：…。二、春节：…", one per line or run
 * together. Lines without an item (salutation, preamble, closing) are ignored; so are sentences of advice
 * ("鼓励各单位…安排职工在除夕休息" — an encouragement, not a rest day). A Monday–Friday declared working
 * ("2月3日起正常上班") deviates from nothing and makes no row. Throws NoticeParseError naming the sentence.
 */
export function parseHolidayNotice(text: string, year: number, source?: string): ParsedNotice {
  assertYear(year, 'year')
  const items = [...text.matchAll(ITEM_HEADER)].map((match, index, all) => {
    const start = match.index + match[0].length
    const end = all[index + 1]?.index ?? text.length
    const description = text.slice(start, end).split('\n')[0]!.trim()
    return { name: match[2]!.trim(), description, days: parseHolidayDescription(description, year) }
  })
  if (items.length === 0) throw new NoticeParseError(text.trim().slice(0, 40), messages.notice.noItems)

  const owners = new Map<IsoDate, string>()
  const entries: CalendarEntry[] = []
  for (const item of items) {
    for (const day of item.days) {
      const owner = owners.get(day.date)
      if (owner !== undefined) throw new NoticeParseError(item.description, messages.notice.dateInTwoItems(day.date, owner, item.name))
      owners.set(day.date, item.name)
      const dayNumber = toDayNumber(day.date)
      if (day.off) entries.push({ date: day.date, kind: 'holiday', name: item.name, ...(source ? { source } : {}) })
      else if (isWeekend(dayNumber)) entries.push({ date: day.date, kind: 'worked_weekend', name: item.name, ...(source ? { source } : {}) })
    }
  }
  entries.sort((a, b) => (a.date < b.date ? -1 : 1))
  return { year, items, entries }
}

/**
 * Parses the description of one item ("1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。") given the
 * notice year, into declared days in order of first mention.
 *
 * Clauses understood (split at 。；，): "…放假/放假调休/补休" (rest days), "…上班" (working days), "A公休日调至B"
 * (A worked, B rest — 2007/2008 notices), "…为法定节假日", "…为公休日/照常公休" (rest days restated), and the remarks
 * "共N天" (checked against the rest days just listed), "与周末连休", "不调休". Dates: 至 － — - ~ ranges across
 * months and years; lists joined by 、; a missing month or year continues from the previous date (a missing year
 * picks the nearest year, so "12月30日" after "2008年1月1日" is 2007-12-30); 星期X/周X in brackets is checked.
 * What a clause says outright wins over what a 调至 clause implies (2008: "6月8日（星期日）公休日调至6月9日" while
 * 6月8日 is 端午节 itself).
 */
export function parseHolidayDescription(description: string, year: number): ParsedDay[] {
  assertYear(year, 'year')
  const context: DateContext = { year, last: null }
  const claims = new Map<IsoDate, Claim[]>()
  const claim = (dates: readonly ResolvedDate[], off: boolean, explicit: boolean, sentence: string) => {
    for (const date of dates) {
      const list = claims.get(date.iso) ?? []
      list.push({ off, explicit, sentence })
      claims.set(date.iso, list)
    }
  }

  for (const sentence of description.split(/[。；;]/).map((part) => part.trim()).filter(Boolean)) {
    if (ADVICE.test(sentence)) continue
    let lastRestCount: number | null = null
    for (const clause of normalise(sentence).split(/[，,]/).map((part) => part.trim().replace(CLAUSE_LEAD, ''))) {
      if (REMARK.test(clause)) continue
      const total = TOTAL.exec(clause)
      if (total) {
        const stated = Number(total[1])
        if (lastRestCount !== null && lastRestCount !== stated) throw new NoticeParseError(sentence, messages.notice.totalMismatch(stated, lastRestCount))
        continue
      }
      const rest = REST.exec(clause)
      if (rest) {
        const dates = readDates(rest[1]!, context, sentence)
        const stated = rest[2] === undefined ? null : Number(rest[2])
        if (stated !== null && stated !== dates.length) throw new NoticeParseError(sentence, messages.notice.totalMismatch(stated, dates.length))
        lastRestCount = dates.length
        claim(dates, true, true, sentence)
        continue
      }
      const work = WORK.exec(clause)
      if (work) {
        claim(readDates(work[1]!, context, sentence), false, true, sentence)
        continue
      }
      const shift = SHIFT.exec(clause)
      if (shift) {
        claim(readDates(shift[1]!, context, sentence), false, false, sentence)
        claim(readDates(shift[2]!, context, sentence), true, false, sentence)
        continue
      }
      const restated = RESTATED_REST.exec(clause)
      if (restated) {
        claim(readDates(restated[1]!, context, sentence), true, false, sentence)
        continue
      }
      throw new NoticeParseError(sentence, messages.notice.unknownClause(clause))
    }
  }
  if (claims.size === 0) throw new NoticeParseError(description, messages.notice.noDates)

  return [...claims].map(([date, list]) => ({ date, off: settle(date, list) }))
}

interface Claim {
  readonly off: boolean
  readonly explicit: boolean
  readonly sentence: string
}

interface ResolvedDate {
  readonly iso: IsoDate
  readonly dayNumber: number
  readonly year: number
  readonly month: number
}

interface DateContext {
  readonly year: number
  last: ResolvedDate | null
}

// Item headers: "一、元旦：" at the start of the text, of a line, or after a full stop.
const ITEM_HEADER = /(?<=^|[\n。])\s*([一二三四五六七八九十]+)、([^：:\n。]{1,30})[：:]/g
// Sentences of advice, not arrangements (2024: "鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息").
const ADVICE = /^鼓励/
// Words that open a clause without changing it: "其中，…", "将…调至…", "即…".
const CLAUSE_LEAD = /^(?:其中|将|即)/
const REMARK = /^(?:|其中|与周末连休|不调休)$/
const TOTAL = /^共(\d+)天$/
const DATE = String.raw`(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:⟨\d⟩)?`
const DATE_LIST = String.raw`${DATE}(?:(?:至|[－—–~～-]+|、)${DATE})*`
const REST = new RegExp(String.raw`^(${DATE_LIST})(?:放假调休|调休放假|放假|补休|调休)(?:(\d+)天)?$`)
const WORK = new RegExp(String.raw`^(${DATE_LIST})上班$`)
const SHIFT = new RegExp(String.raw`^(${DATE_LIST})(?:[两二三四五六七八九十]+个)?公休日(?:分别)?调至(${DATE_LIST})$`)
const RESTATED_REST = new RegExp(String.raw`^(${DATE_LIST})(?:为法定(?:节)?假日|为公休日|照常公休)$`)
const DATE_PARTS = /^(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:⟨(\d)⟩)?$/
const RANGE = /^(.+?日(?:⟨\d⟩)?)(?:至|[－—–~～-]+)(.+)$/
const WEEKDAY_IN_BRACKETS = /(?:星期|周)([一二三四五六日天])/
const WEEKDAYS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 }

/**
 * Brackets hold remarks (农历除夕, 清明节) that may contain commas, so they go before clauses are split: a weekday
 * becomes a marker ⟨1–7⟩ that is checked later, anything else is dropped. Half-width brackets are accepted
 * (2013 notices, and "（星期六)" with mixed brackets in 2007).
 */
function normalise(sentence: string): string {
  return sentence
    .replace(/\s+/g, '')
    .replace(/[（(]([^（）()]*)[）)]/g, (_, inside: string) => {
      const weekday = WEEKDAY_IN_BRACKETS.exec(inside)
      return weekday ? `⟨${WEEKDAYS[weekday[1]!]}⟩` : ''
    })
}

function readDates(text: string, context: DateContext, sentence: string): ResolvedDate[] {
  const dates: ResolvedDate[] = []
  for (const part of text.split('、')) {
    const range = RANGE.exec(part)
    if (range) {
      const start = resolveDate(range[1]!, context, sentence)
      const end = resolveDate(range[2]!, context, sentence, start)
      if (end.dayNumber < start.dayNumber) throw new NoticeParseError(sentence, messages.notice.rangeBackwards(start.iso, end.iso))
      for (let dayNumber = start.dayNumber; dayNumber <= end.dayNumber; dayNumber++) dates.push(resolvedFromDayNumber(dayNumber))
    } else {
      dates.push(resolveDate(part, context, sentence))
    }
  }
  return dates
}

/**
 * A date in context. A missing month continues the previous date's month (and year). A missing year takes the
 * candidate (previous, same or next year) nearest to the previous date — for a range end, the first one not before
 * the range start; with no previous date, the notice year.
 */
function resolveDate(text: string, context: DateContext, sentence: string, notBefore?: ResolvedDate): ResolvedDate {
  const parts = DATE_PARTS.exec(text)
  if (!parts) throw new NoticeParseError(sentence, messages.notice.unknownDate(text))
  const [, yearText, monthText, dayText, weekdayText] = parts
  const previous = notBefore ?? context.last
  const day = Number(dayText)
  let month: number
  let year: number
  if (monthText === undefined) {
    if (!previous) throw new NoticeParseError(sentence, messages.notice.missingMonth(text))
    month = previous.month
    year = yearText === undefined ? previous.year : Number(yearText)
  } else {
    month = Number(monthText)
    year = yearText !== undefined ? Number(yearText) : previous ? nearestYear(month, day, previous, notBefore !== undefined) : context.year
  }
  const dayNumber = Date.UTC(year, month - 1, day) / 86_400_000
  const resolved = resolvedFromDayNumber(dayNumber)
  if (resolved.year !== year || resolved.month !== month) throw new NoticeParseError(sentence, messages.notice.impossibleDate(year, month, day))
  if (weekdayText !== undefined && Number(weekdayText) !== weekdayOf(dayNumber)) {
    throw new NoticeParseError(sentence, messages.notice.weekdayMismatch(resolved.iso, Number(weekdayText), weekdayOf(dayNumber)))
  }
  context.last = resolved
  return resolved
}

function nearestYear(month: number, day: number, previous: ResolvedDate, onlyLater: boolean): number {
  const candidates = [previous.year - 1, previous.year, previous.year + 1]
    .map((year) => ({ year, distance: Date.UTC(year, month - 1, day) / 86_400_000 - previous.dayNumber }))
    .filter((candidate) => !onlyLater || candidate.distance >= 0)
  candidates.sort((a, b) => Math.abs(a.distance) - Math.abs(b.distance))
  return candidates[0]?.year ?? previous.year
}

function resolvedFromDayNumber(dayNumber: number): ResolvedDate {
  const iso = fromDayNumber(dayNumber)
  return { iso, dayNumber, year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) }
}

/** Outright statements win over what a 调至 clause implies; statements of the same strength must agree. */
function settle(date: IsoDate, claims: readonly Claim[]): boolean {
  const explicit = claims.filter((claim) => claim.explicit)
  const deciding = explicit.length > 0 ? explicit : claims
  const first = deciding[0]!
  const conflicting = deciding.find((claim) => claim.off !== first.off)
  if (conflicting) throw new NoticeParseError(conflicting.sentence, messages.notice.contradiction(date, first.sentence))
  return first.off
}
