import { describe, expect, it } from 'vitest'
import {
  type CalendarEntry,
  type HolidayNotice,
  buildCalendar,
  calendarEntries,
  changedDates,
  dayKind,
  isWorkingDay,
  noticesFor,
  workingDayCount,
  yearDays,
} from './calendar.ts'
import { CalendarInputError } from './calendar.errors.ts'
import { calendarBefore2020Amendment } from './calendar.fixtures.ts'
import { officialCalendar } from './official-calendar.ts'

const notice2025: HolidayNotice = { year: 2025, title: '《国务院办公厅关于2025年部分节假日安排的通知》', docNo: '国办发明电〔2024〕12号', url: null }

describe('buildCalendar', () => {
  it('builds a calendar from database-style rows', () => {
    const calendar = buildCalendar({
      version: 'db-7',
      entries: [
        { date: '2025-10-01', kind: 'holiday', name: '国庆节、中秋节', source: '国办发明电〔2024〕12号' },
        { date: '2025-10-11', kind: 'worked_weekend', name: '国庆节、中秋节', source: '国办发明电〔2024〕12号' },
      ],
      notices: [notice2025],
    })
    expect(calendar.version).toBe('db-7')
    expect(dayKind('2025-10-01', calendar)).toEqual({ date: '2025-10-01', weekday: 3, kind: 'holiday', name: '国庆节、中秋节', provisional: false })
    expect(dayKind('2025-10-11', calendar).kind).toBe('worked_weekend')
    expect([...calendar.coveredYears]).toEqual([2025])
  })

  it.each<[string, CalendarEntry, string]>([
    ['a worked weekend on a weekday', { date: '2025-10-13', kind: 'worked_weekend', name: '国庆节' }, '2025-10-13 是周一，只有周六、周日可以标为调休上班'],
    ['an unknown kind', { date: '2025-10-01', kind: 'rest' as CalendarEntry['kind'], name: '国庆节' }, '类型“rest”无效'],
    ['a missing name', { date: '2025-10-01', kind: 'holiday', name: ' ' }, '请填写 2025-10-01 所属节日的名称'],
    ['an impossible date', { date: '2025-02-30', kind: 'holiday', name: '春节' }, '2025-02-30 不是真实存在的日期'],
  ])('rejects %s', (_, entry, message) => {
    expect(() => buildCalendar({ entries: [entry], notices: [] })).toThrow(CalendarInputError)
    expect(() => buildCalendar({ entries: [entry], notices: [] })).toThrow(message)
  })

  it('rejects a date listed twice', () => {
    const entry: CalendarEntry = { date: '2025-10-01', kind: 'holiday', name: '国庆节' }
    expect(() => buildCalendar({ entries: [entry, entry], notices: [] })).toThrow('2025-10-01 出现了两次')
  })

  it('round-trips through its rows (what the database stores)', () => {
    const official = officialCalendar()
    const reloaded = buildCalendar({ version: 'db', entries: calendarEntries(official), notices: official.notices })
    expect(changedDates(official, reloaded)).toEqual([])
    expect(workingDayCount(2025, reloaded)).toBe(248)
  })
})

describe('dayKind', () => {
  const calendar = officialCalendar()

  it.each([
    ['2025-10-01', 'holiday', '国庆节、中秋节'],
    ['2025-10-04', 'holiday', '国庆节、中秋节'], // a Saturday inside the block is listed as holiday
    ['2025-10-11', 'worked_weekend', '国庆节、中秋节'],
    ['2025-10-12', 'weekend', undefined],
    ['2025-10-13', 'working', undefined],
    ['2024-02-09', 'working', undefined], // 除夕 2024: only "鼓励…休息", officially a working day
    ['2024-06-08', 'weekend', undefined], // "6月10日放假，与周末连休": the adjoining weekend is not listed
    ['2007-12-29', 'worked_weekend', '元旦'], // from the 2008 notice file: build by date, not by file year
    ['2018-12-30', 'holiday', '元旦'],
    ['2020-02-03', 'working', undefined], // listed as isOffDay:false on a Monday; not a deviation
  ])('%s is %s', (date, kind, name) => {
    const day = dayKind(date, calendar)
    expect(day.kind).toBe(kind)
    expect(day.name).toBe(name)
  })

  it.each([
    ['2026-12-24', false],
    ['2026-12-25', true], // the 2027 notice, not yet out, may still rearrange the last week of December
    ['2025-12-31', false], // the 2026 notice is in, so late 2025 is settled
    ['2027-03-01', true], // 2027.json is an empty placeholder
    ['2006-12-29', true],
    ['2006-12-30', false], // listed by the 2007 notice, so decided even though 2006 is not covered
  ])('%s provisional: %s', (date, provisional) => {
    expect(dayKind(date, calendar).provisional).toBe(provisional)
  })

  it('follows Monday–Friday in a year without a notice', () => {
    expect(dayKind('2027-10-01', calendar)).toEqual({ date: '2027-10-01', weekday: 5, kind: 'working', provisional: true })
  })

  it.each(['2025-02-30', '2025-2-3', '20250203', '', 'tomorrow'])('rejects “%s” with a Chinese message', (date) => {
    expect(() => dayKind(date, calendar)).toThrow(CalendarInputError)
    expect(() => isWorkingDay(date, calendar)).toThrow(/日期/)
  })
})

describe('yearDays', () => {
  it('lists every day of the year for the calendar view', () => {
    const days = yearDays(2024, officialCalendar())
    expect(days).toHaveLength(366)
    expect(days[0]).toEqual({ date: '2024-01-01', weekday: 1, kind: 'holiday', name: '元旦', provisional: false })
    expect(days.filter((day) => day.kind === 'worked_weekend').map((day) => day.date)).toEqual([
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ])
  })

  it('rejects an impossible year', () => {
    expect(() => yearDays(20250, officialCalendar())).toThrow('年份应为 1900 至 2199 之间的整数')
  })
})

describe('changedDates', () => {
  it('lists what 国办发明电〔2020〕1号 changed: 01-31, 02-01 and 02-02 became Spring Festival holidays', () => {
    const changes = changedDates(calendarBefore2020Amendment(), officialCalendar())
    expect(changes.map(({ date, before, after }) => [date, before.kind, after.kind])).toEqual([
      ['2020-01-31', 'working', 'holiday'],
      ['2020-02-01', 'worked_weekend', 'holiday'],
      ['2020-02-02', 'weekend', 'holiday'],
    ])
  })

  it('lists nothing between identical versions', () => {
    expect(changedDates(officialCalendar(), officialCalendar())).toEqual([])
  })
})

describe('noticesFor', () => {
  it('gives both 2020 notices, the amendment with its number', () => {
    expect(noticesFor(2020, officialCalendar())).toEqual([
      { year: 2020, title: '《国务院办公厅关于2020年部分节假日安排的通知》', docNo: null, url: 'http://www.gov.cn/zhengce/zhengceku/2019-11/21/content_5454164.htm' },
      { year: 2020, title: '《国务院办公厅关于延长2020年春节假期的通知》', docNo: '国办发明电〔2020〕1号', url: 'http://www.gov.cn/zhengce/zhengceku/2020-01/27/content_5472352.htm' },
    ])
  })
})
