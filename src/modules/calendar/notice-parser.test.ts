import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { calendarEntries } from './calendar.ts'
import { NoticeParseError } from './calendar.errors.ts'
import { parseHolidayDescription, parseHolidayNotice } from './notice-parser.ts'
import { NOTICE_2017, NOTICE_2020_ORIGINAL, NOTICE_2024, NOTICE_2025, NOTICE_2026 } from './calendar.fixtures.ts'
import { officialCalendar } from './official-calendar.ts'

interface ParsingCase {
  year: number
  description: string
  expected: { date: string; isOffDay: boolean }[]
}

// The 49 real sentences shipped with holiday-cn (data/holiday-cn/PROVENANCE.md).
const cases = JSON.parse(readFileSync(new URL('./data/holiday-cn/description_parsing_cases.json', import.meta.url), 'utf8')) as ParsingCase[]

const byDate = <T extends { date: string }>(days: readonly T[]) => [...days].sort((a, b) => (a.date < b.date ? -1 : 1))

function officialEntriesOfYear(year: number) {
  return calendarEntries(officialCalendar())
    .filter((entry) => entry.date.startsWith(`${year}-`))
    .map(({ date, kind, name }) => ({ date, kind, name }))
}

describe('parseHolidayDescription', () => {
  it('has all 49 holiday-cn cases to check', () => {
    expect(cases).toHaveLength(49)
  })

  it.each(cases.map((c) => [c.year, c.description, c.expected] as const))('reads the %i sentence “%s”', (year, description, expected) => {
    const days = parseHolidayDescription(description, year)
    expect(byDate(days)).toEqual(byDate(expected.map((day) => ({ date: day.date, off: day.isOffDay }))))
  })

  it('places “12月30日” after “2008年1月1日” in 2007, the nearer year', () => {
    const days = parseHolidayDescription('2007年12月30日—2008年1月1日放假，共3天。其中，1月1日（星期二）为法定节假日，12月30日（星期日）为公休日。', 2008)
    expect(days.map((day) => day.date)).toEqual(['2007-12-30', '2007-12-31', '2008-01-01'])
  })

  it('lets an outright statement win over what a 调至 clause implies (2008 端午节 falls on the Sunday it moves)', () => {
    const days = parseHolidayDescription('6月7日—9日放假，共3天。其中，6月8日（星期日）公休日调至6月9日（星期一）。', 2008)
    expect(days.find((day) => day.date === '2008-06-08')).toEqual({ date: '2008-06-08', off: true })
  })

  it('ignores advice that is not an arrangement (2024 除夕)', () => {
    const days = parseHolidayDescription('2月10日至17日放假调休，共8天。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。', 2024)
    expect(days.map((day) => day.date)).not.toContain('2024-02-09')
  })

  it.each([
    ['5月1日放假，提前发放福利。', '提前发放福利'],
    ['1月4日（周六）上班。', '标注为周六，但这一天是周日'],
    ['1月1日至3日放假调休，共4天。', '写明共4天，但列出的放假日期是3天'],
    ['2月30日放假。', '2026年2月30日不是真实存在的日期'],
    ['5月1日放假。5月1日上班。', '相互矛盾'],
    ['3日放假。', '没有月份'],
    ['5月5日至1日放假。', '结束日 2026-05-01 早于开始日 2026-05-05'],
  ])('rejects “%s” with a Chinese reason naming the sentence', (description, reason) => {
    const attempt = () => parseHolidayDescription(description, 2026)
    expect(attempt).toThrow(NoticeParseError)
    expect(attempt).toThrow(reason)
  })

  it('names the sentence it could not read', () => {
    try {
      parseHolidayDescription('5月1日放假。全体员工团建。', 2026)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(NoticeParseError)
      expect((error as NoticeParseError).sentence).toBe('全体员工团建')
      expect((error as NoticeParseError).message).toBe('无法解析“全体员工团建”：无法识别“全体员工团建”：它不是放假、上班或调休安排，也不是已知的说明文字')
    }
  })
})

describe('parseHolidayNotice', () => {
  it.each([
    [2017, NOTICE_2017],
    [2024, NOTICE_2024],
    [2025, NOTICE_2025],
    [2026, NOTICE_2026],
  ])('turns the %i notice into exactly the rows of the shipped calendar for that year', (year, text) => {
    const notice = parseHolidayNotice(text, year)
    expect(notice.entries.map(({ date, kind, name }) => ({ date, kind, name }))).toEqual(officialEntriesOfYear(year))
  })

  it('reads items, names and descriptions, skipping heading, preamble and closing lines', () => {
    const notice = parseHolidayNotice(NOTICE_2026, 2026)
    expect(notice.items.map((item) => item.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'])
    expect(notice.items[0]).toMatchObject({
      description: '1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。',
      days: [
        { date: '2026-01-01', off: true },
        { date: '2026-01-02', off: true },
        { date: '2026-01-03', off: true },
        { date: '2026-01-04', off: false },
      ],
    })
  })

  it('makes rows a calendar version can be built from, with their source', () => {
    const notice = parseHolidayNotice(NOTICE_2025, 2025, '国办发明电〔2024〕12号')
    expect(notice.entries.find((entry) => entry.date === '2025-10-11')).toEqual({
      date: '2025-10-11',
      kind: 'worked_weekend',
      name: '国庆节、中秋节',
      source: '国办发明电〔2024〕12号',
    })
  })

  it('reads the original 2020 notice, which differs from the amended data only on 01-31, 02-01 and 02-02', () => {
    const original = parseHolidayNotice(NOTICE_2020_ORIGINAL, 2020).entries.map(({ date, kind, name }) => ({ date, kind, name }))
    const amended = officialEntriesOfYear(2020)
    const key = (entry: { date: string; kind: string }) => `${entry.date} ${entry.kind}`
    const onlyOriginal = original.filter((entry) => !amended.some((other) => key(other) === key(entry))).map(key)
    const onlyAmended = amended.filter((entry) => !original.some((other) => key(other) === key(entry))).map(key)
    expect(onlyOriginal).toEqual(['2020-02-01 worked_weekend'])
    expect(onlyAmended).toEqual(['2020-01-31 holiday', '2020-02-01 holiday', '2020-02-02 holiday'])
  })

  it('rejects a text with no numbered items', () => {
    expect(() => parseHolidayNotice('经国务院批准，现将有关事项通知如下。', 2026)).toThrow('没有找到“一、元旦：……”这样的放假安排条目')
  })

  it('rejects a date claimed by two items', () => {
    expect(() => parseHolidayNotice('一、元旦：1月1日放假。二、春节：1月1日放假。', 2026)).toThrow('2026-01-01 同时出现在“元旦”和“春节”两项中')
  })
})
