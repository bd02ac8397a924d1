import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isWorkingDay } from './calendar.ts'
import { CalendarInputError } from './calendar.errors.ts'
import { calendarBefore2020Amendment } from './calendar.fixtures.ts'
import { fromDayNumber, toDayNumber } from './iso-date.ts'
import { officialCalendar } from './official-calendar.ts'
import { addCalendarDays, addWorkingDays, countWorkingDays } from './working-days.ts'

const calendar = officialCalendar()

// Golden tables: each expected date was worked out by hand from the notice and cross-checked with an independent
// script over the raw holiday-cn files. Day 1 is the first working day after the start (民法典 第二百零一条).
describe('addWorkingDays', () => {
  // 国办发明电〔2016〕17号: 01-27…02-02 and 10-01…10-08 off; 01-22 (Sun), 02-04, 04-01, 05-27, 09-30 (Sat) worked
  it.each([
    ['2017-01-20', 1, '2017-01-22'], // Friday + 1 is the Sunday worked in lieu
    ['2017-01-26', 1, '2017-02-03'], // Spring Festival 01-27…02-02 skipped
    ['2017-02-03', 1, '2017-02-04'], // Saturday worked
    ['2017-03-31', 1, '2017-04-01'], // Saturday worked before 清明
    ['2017-09-30', 1, '2017-10-09'], // from a worked Saturday across the eight-day block
    ['2017-09-22', 20, '2017-10-26'], // a 20-working-day answer period across National Day
    ['2017-09-25', 15, '2017-10-20'], // the 2007 regulation's 15 working days
  ])('2017: from %s, %i working day(s) later is %s', (from, days, due) => {
    expect(addWorkingDays(from, days, calendar).date).toBe(due)
  })

  // 国办发明电〔2023〕7号: 除夕 02-09 is a working day (only encouraged off); 02-10…02-17 off; 02-18 (Sun) worked
  it.each([
    ['2024-02-08', 1, '2024-02-09'],
    ['2024-02-09', 1, '2024-02-18'],
    ['2024-04-30', 1, '2024-05-06'], // 劳动节 05-01…05-05
    ['2024-05-10', 1, '2024-05-11'], // Saturday worked
    ['2024-09-13', 1, '2024-09-14'], // Saturday worked before 中秋
    ['2024-09-27', 1, '2024-09-29'], // Saturday rests, Sunday worked
    ['2024-12-20', 20, '2025-01-20'], // across the year end, 2025-01-01 off
  ])('2024: from %s, %i working day(s) later is %s', (from, days, due) => {
    expect(addWorkingDays(from, days, calendar).date).toBe(due)
  })

  // 国办发明电〔2024〕12号: 10-01…10-08 off; 09-28 (Sun) and 10-11 (Sat) worked
  it.each([
    ['2025-09-26', 1, '2025-09-28'], // Friday + 1 is a Sunday declared a working day (调休上班)
    ['2025-09-30', 1, '2025-10-09'], // the National Day block 10-01…10-08 is skipped
    ['2025-10-10', 1, '2025-10-11'], // Saturday worked in lieu
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-01-27', 1, '2025-02-05'], // Spring Festival 01-28…02-04
    ['2025-02-07', 1, '2025-02-08'],
    ['2025-04-25', 1, '2025-04-27'],
    ['2025-09-30', 7, '2025-10-16'], // the 补正 notice period of 第三十条
    ['2025-09-30', 20, '2025-11-04'],
  ])('2025: from %s, %i working day(s) later is %s', (from, days, due) => {
    expect(addWorkingDays(from, days, calendar).date).toBe(due)
  })

  // 国务院办公厅 2025-11-04: 01-01…01-03, 02-15…02-23, 10-01…10-07 off; 01-04, 02-14, 02-28, 05-09, 09-20, 10-10 worked
  it.each([
    ['2025-12-31', 1, '2026-01-04'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
    ['2026-02-27', 1, '2026-02-28'],
    ['2026-05-08', 1, '2026-05-09'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-18', 20, '2026-10-22'],
  ])('2026: from %s, %i working day(s) later is %s', (from, days, due) => {
    expect(addWorkingDays(from, days, calendar).date).toBe(due)
  })

  // 国办发明电〔2020〕1号 extended Spring Festival to 02-02 and cancelled the 02-01 make-up day.
  it.each([
    ['2020-01-20', 20, '2020-02-21', '2020-02-25'],
    ['2020-01-23', 1, '2020-01-31', '2020-02-03'],
    ['2020-01-10', 20, '2020-02-12', '2020-02-14'],
  ])('2020: from %s, %i working days is %s before the amendment and %s after', (from, days, before, after) => {
    expect(addWorkingDays(from, days, calendarBefore2020Amendment()).date).toBe(before)
    expect(addWorkingDays(from, days, calendar).date).toBe(after)
  })

  it('starts from the next working day when the start itself is a holiday', () => {
    expect(addWorkingDays('2025-10-03', 1, calendar).date).toBe('2025-10-09')
    expect(addWorkingDays('2025-10-12', 1, calendar).date).toBe('2025-10-13')
  })

  it('returns the start for 0 days', () => {
    expect(addWorkingDays('2025-10-03', 0, calendar).date).toBe('2025-10-03')
  })

  it.each([
    ['2026-12-01', 10, '2026-12-15', false],
    ['2026-12-17', 5, '2026-12-24', false],
    ['2026-12-17', 6, '2026-12-25', true], // the 2027 notice may still move the last week of December
    ['2026-12-15', 20, '2027-01-12', true], // reaches into 2027, which has no notice yet
  ])('from %s, %i working days is %s, provisional: %s', (from, days, due, provisional) => {
    expect(addWorkingDays(from, days, calendar)).toMatchObject({ date: due, provisional })
  })

  it('explains itself: holidays compressed into one line with their names', () => {
    const { trace } = addWorkingDays('2025-09-30', 20, calendar)
    expect(trace.summary).toBe('起算日 2025-09-30（当日不计入） → 10-01…10-08 国庆节、中秋节放假 → 第1日 10-09 … 第20日 11-04')
    expect(trace.lines).toEqual([
      '起算日 2025-09-30（当日不计入）',
      '10-01…10-08 国庆节、中秋节放假',
      '第1–3日 10-09…10-11（10-11 周六调休上班）',
      '10-12 周日',
      '第4–8日 10-13…10-17',
      '10-18…10-19 周末',
      '第9–13日 10-20…10-24',
      '10-25…10-26 周末',
      '第14–18日 10-27…10-31',
      '11-01…11-02 周末',
      '第19–20日 11-03…11-04',
      '期间届满：2025-11-04（第20日）',
    ])
    expect(trace.steps[1]).toEqual({ type: 'rest', from: '2025-10-01', to: '2025-10-08', holidays: ['国庆节、中秋节'], text: '10-01…10-08 国庆节、中秋节放假' })
    expect(trace.steps[2]).toMatchObject({ type: 'counted', unit: 'working_day', firstDay: 1, lastDay: 3, workedWeekends: [{ date: '2025-10-11', name: '国庆节、中秋节' }] })
  })

  it('marks a holiday run that includes a plain weekend', () => {
    expect(addWorkingDays('2024-06-07', 1, calendar).trace.lines).toContain('06-08…06-10 端午节放假（含周末）')
  })

  it('writes full dates outside the start year', () => {
    expect(addWorkingDays('2024-12-31', 1, calendar).trace.lines).toContain('2025-01-01 元旦放假')
  })

  it.each([
    ['2025-02-30', 1, '2025-02-30 不是真实存在的日期'],
    ['2025-9-30', 1, '请按 YYYY-MM-DD 格式填写日期'],
    ['2025-09-30', -1, '天数不能为负数（收到的是 -1）'],
    ['2025-09-30', 3651, '天数不能超过 3650（收到的是 3651）'],
    ['2025-09-30', 1.5, '天数应为整数（收到的是“1.5”）'],
    ['2025-09-30', Number.NaN, '天数应为整数'],
  ])('rejects from %s, %s days: %s', (from, days, message) => {
    expect(() => addWorkingDays(from, days, calendar)).toThrow(CalendarInputError)
    expect(() => addWorkingDays(from, days, calendar)).toThrow(message)
  })

  describe('properties', () => {
    const date = fc.integer({ min: toDayNumber('2007-01-01'), max: toDayNumber('2027-12-31') }).map(fromDayNumber)
    const count = fc.integer({ min: 0, max: 400 })

    it('n then m working days equals n + m working days', () => {
      fc.assert(
        fc.property(date, count, count, (from, n, m) => {
          const stepwise = addWorkingDays(addWorkingDays(from, n, calendar).date, m, calendar).date
          expect(stepwise).toBe(addWorkingDays(from, n + m, calendar).date)
        }),
      )
    })

    it('a due date is always a working day', () => {
      fc.assert(
        fc.property(date, fc.integer({ min: 1, max: 400 }), (from, n) => {
          expect(isWorkingDay(addWorkingDays(from, n, calendar).date, calendar)).toBe(true)
        }),
      )
    })

    it('counting back the working days gives n', () => {
      fc.assert(
        fc.property(date, count, (from, n) => {
          expect(countWorkingDays(from, addWorkingDays(from, n, calendar).date, calendar)).toBe(n)
        }),
      )
    })
  })
})

describe('addCalendarDays', () => {
  it.each([
    ['2025-09-01', 15, '2025-09-16'],
    ['2025-09-13', 15, '2025-09-28'], // the last day is a Sunday worked in lieu: not a rest day, no move
    ['2025-09-12', 15, '2025-09-28'], // Saturday 09-27 is a rest day: moves to the next day, a worked Sunday
    ['2025-09-15', 16, '2025-10-09'], // 10-01 is a holiday: moves past the whole block
    ['2025-08-02', 60, '2025-10-09'], // 信访工作条例 第三十四条: 60 日
    ['2024-12-31', 30, '2025-02-05'], // lands in Spring Festival 2025
  ])('from %s, %i days later is %s (民法典 第二百零三条)', (from, days, due) => {
    expect(addCalendarDays(from, days, calendar).date).toBe(due)
  })

  it('explains a moved last day', () => {
    const { trace } = addCalendarDays('2025-09-15', 16, calendar)
    expect(trace.lines).toEqual([
      '起算日 2025-09-15（当日不计入）',
      '第1–15日 09-16…09-30（按自然日计算）',
      '10-01…10-08 国庆节、中秋节放假',
      '第16日 2025-10-01 为法定休假日，以休假日结束的次日 2025-10-09 为期间的最后一日（民法典第二百零三条）',
    ])
  })

  it('is provisional when its last day is not decided yet', () => {
    expect(addCalendarDays('2026-12-01', 30, calendar).provisional).toBe(true)
    expect(addCalendarDays('2026-11-01', 30, calendar).provisional).toBe(false)
  })

  it('rejects bad input in Chinese', () => {
    expect(() => addCalendarDays('2025-02-29', 15, calendar)).toThrow('2025-02-29 不是真实存在的日期')
    expect(() => addCalendarDays('2025-09-01', 99999, calendar)).toThrow('天数不能超过 3650')
  })
})

describe('countWorkingDays', () => {
  it('counts the working days after the start, up to and including the end', () => {
    expect(countWorkingDays('2025-09-30', '2025-10-11', calendar)).toBe(3)
    expect(countWorkingDays('2025-10-01', '2025-10-01', calendar)).toBe(0)
  })

  it('rejects an end before the start', () => {
    expect(() => countWorkingDays('2025-10-11', '2025-09-30', calendar)).toThrow('结束日期 2025-09-30 早于开始日期 2025-10-11')
  })
})
