import { describe, expect, it } from 'vitest'
import { noticesFor, workingDayCount } from './calendar.ts'
import { calendarFromHolidayCn } from './holiday-cn.ts'
import { OFFICIAL_CALENDAR_VERSION, officialCalendar } from './official-calendar.ts'

describe('officialCalendar', () => {
  const calendar = officialCalendar()

  // The regression numbers of regulation.md §8: 249, 251, 248, 248 for 2017, 2024, 2025, 2026.
  it.each([
    [2017, 249],
    [2024, 251],
    [2025, 248],
    [2026, 248],
  ])('counts %i working days in %i', (year, count) => {
    expect(workingDayCount(year, calendar)).toBe(count)
  })

  it('covers 2007–2026 and not the 2027 placeholder', () => {
    expect([...calendar.coveredYears].sort()).toEqual(Array.from({ length: 20 }, (_, index) => 2007 + index))
  })

  it('carries the dataset version', () => {
    expect(calendar.version).toBe(OFFICIAL_CALENDAR_VERSION)
  })

  it.each([
    [2017, '国办发明电〔2016〕17号'],
    [2024, '国办发明电〔2023〕7号'],
    [2025, '国办发明电〔2024〕12号'],
  ])('names the %i notice %s', (year, docNo) => {
    expect(noticesFor(year, calendar)).toEqual([
      expect.objectContaining({ title: `《国务院办公厅关于${year}年部分节假日安排的通知》`, docNo, url: expect.stringContaining('gov.cn') }),
    ])
  })

  it('leaves the 2026 number unknown rather than guessing', () => {
    expect(noticesFor(2026, calendar)).toEqual([
      { year: 2026, title: '《国务院办公厅关于2026年部分节假日安排的通知》', docNo: null, url: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm' },
    ])
  })

  it('is read once', () => {
    expect(officialCalendar()).toBe(calendar)
  })
})

describe('calendarFromHolidayCn', () => {
  it('rejects a malformed file', () => {
    expect(() => calendarFromHolidayCn([{ year: 2030, papers: [], days: [{ date: '2030-01-01' }] }], 'x')).toThrow('节假日数据文件 2030.json 的格式不正确')
  })

  it('lets a later notice file win a date listed twice', () => {
    const calendar = calendarFromHolidayCn(
      [
        { year: 2031, papers: ['b'], days: [{ name: '元旦', date: '2030-12-31', isOffDay: true }] },
        { year: 2030, papers: ['a'], days: [{ name: '国庆节', date: '2030-12-31', isOffDay: false }] },
      ],
      'x',
    )
    expect(calendar.entries.get('2030-12-31')).toMatchObject({ kind: 'holiday', name: '元旦', source: 'holiday-cn/2031.json' })
  })
})
