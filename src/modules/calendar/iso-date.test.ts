import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CalendarInputError } from './calendar.errors.ts'
import { MAX_YEAR, MIN_YEAR, firstDayOfYear, fromDayNumber, toDayNumber, weekdayOf } from './iso-date.ts'

describe('toDayNumber', () => {
  it('counts days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0)
    expect(toDayNumber('2025-10-09')).toBe(20370)
  })

  it.each([
    ['2025-02-30', '2025-02-30 不是真实存在的日期，请检查月份和日期'],
    ['2023-02-29', '2023-02-29 不是真实存在的日期'],
    ['2025-13-01', '不是真实存在的日期'],
    ['2025-9-30', '请按 YYYY-MM-DD 格式填写日期，例如 2025-10-09（收到的是“2025-9-30”）'],
    ['2025/09/30', '请按 YYYY-MM-DD 格式填写日期'],
    ['1899-12-31', '超出可计算的范围（1900—2199年）'],
  ])('rejects %s', (date, message) => {
    expect(() => toDayNumber(date)).toThrow(CalendarInputError)
    expect(() => toDayNumber(date)).toThrow(message)
  })

  it('accepts 29 February in a leap year', () => {
    expect(fromDayNumber(toDayNumber('2024-02-29'))).toBe('2024-02-29')
  })

  it('round-trips every day in range', () => {
    fc.assert(
      fc.property(fc.integer({ min: firstDayOfYear(MIN_YEAR), max: firstDayOfYear(MAX_YEAR + 1) - 1 }), (dayNumber) => {
        expect(toDayNumber(fromDayNumber(dayNumber))).toBe(dayNumber)
      }),
    )
  })
})

describe('weekdayOf', () => {
  it('numbers Monday 1 to Sunday 7', () => {
    expect(weekdayOf(toDayNumber('2025-10-13'))).toBe(1)
    expect(weekdayOf(toDayNumber('2025-10-12'))).toBe(7)
    expect(weekdayOf(toDayNumber('1969-12-31'))).toBe(3)
  })
})

describe('fromDayNumber (arithmetic)', () => {
  it('agrees with Date for every day from 1900 to 2199', () => {
    for (let n = Date.UTC(1900, 0, 1) / 86_400_000; n <= Date.UTC(2199, 11, 31) / 86_400_000; n++) {
      const expected = new Date(n * 86_400_000).toISOString().slice(0, 10)
      if (fromDayNumber(n) !== expected) expect(fromDayNumber(n)).toBe(expected)
    }
  })
})
