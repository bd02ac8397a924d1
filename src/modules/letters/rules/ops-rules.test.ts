import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  availableRectificationActions, clockRegimeFor, countsInSatisfaction, DEFAULT_LETTER_SETTINGS, followUpLastDay, followUpRefusal, limitOfRegime, nextRectificationState,
  rectificationRefusal, type RectificationAction, type RectificationState,
} from './index.ts'

describe('follow-up window (configurable [M])', () => {
  it.each([
    ['2026-11-27', 15, '2026-12-12'],
    ['2026-12-20', 15, '2027-01-04'], // across the year end, calendar days (not rolled past holidays)
    ['2026-02-14', 7, '2026-02-21'],
  ])('released %s with %i days: the last day is %s', (released, days, last) => {
    expect(followUpLastDay(released, { followUpWindowDays: days })).toBe(last)
  })
  it('allows rating on the last day and refuses the day after, with the date', () => {
    const s = DEFAULT_LETTER_SETTINGS
    expect(followUpRefusal({ releasedOn: '2026-11-27', reopenCount: 0 }, 'rate', '2026-12-12', s)).toBeNull()
    expect(followUpRefusal({ releasedOn: '2026-11-27', reopenCount: 0 }, 'rate', '2026-12-13', s)).toBe('答复发布后15日内可以评价，已于 2026-12-12 截止。如有新的问题，请重新来信或拨打区长公开电话。')
  })
  it('limits reopening, not rating, by the count', () => {
    const s = { followUpWindowDays: 15, maxReopens: 2 }
    expect(followUpRefusal({ releasedOn: '2026-11-27', reopenCount: 2 }, 'reopen', '2026-11-28', s)).toContain('已经重新办理过 2 次')
    expect(followUpRefusal({ releasedOn: '2026-11-27', reopenCount: 2 }, 'rate', '2026-11-28', s)).toBeNull()
    expect(followUpRefusal({ releasedOn: null, reopenCount: 0 }, 'rate', '2026-11-28', s)).toBe('答复发布后才能评价或反馈')
  })
  it('never allows a step after the last day, whatever the settings (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 90 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 10 }), (days, after, reopens) => {
      const released = '2026-03-01'
      const today = new Date(Date.parse(`${released}T00:00:00Z`) + after * 86_400_000).toISOString().slice(0, 10)
      const refusal = followUpRefusal({ releasedOn: released, reopenCount: reopens }, 'rate', today, { followUpWindowDays: days, maxReopens: 10 })
      return (after > days) === (refusal !== null)
    }))
  })
})

describe('clock regimes of a configured limit', () => {
  it('round-trips the limit and the extension maximum through the regime id', () => {
    expect(clockRegimeFor({ workingDays: 7, citation: '' }, 4)).toBe('wd:7:4')
    expect(limitOfRegime('wd:7:4')).toEqual({ workingDays: 7, extensionMaxWorkingDays: 4 })
    expect(limitOfRegime('cn-2019')).toBeNull()
  })
})

describe('差评整改 and 申诉复核', () => {
  it.each<[RectificationState, RectificationAction, 'unit' | 'office', RectificationState]>([
    ['open', 'rectify', 'unit', 'rectified'],
    ['open', 'appeal', 'unit', 'appealed'],
    ['appealed', 'uphold', 'office', 'open'],
    ['appealed', 'void', 'office', 'voided'],
  ])('%s —%s by %s→ %s', (from, action, party, to) => {
    expect(rectificationRefusal(from, action, party)).toBeNull()
    expect(nextRectificationState(action)).toBe(to)
  })
  it.each<[RectificationState, RectificationAction, 'unit' | 'office', string]>([
    ['appealed', 'void', 'unit', '承办单位不能复核撤销评价'],
    ['open', 'rectify', 'office', '公开办不能整改'],
    ['open', 'void', 'office', '整改任务当前为“待整改”，不能复核撤销评价'],
    ['rectified', 'appeal', 'unit', '整改任务当前为“已整改”，不能申诉'],
    ['voided', 'rectify', 'unit', '整改任务当前为“复核撤销评价”，不能整改'],
  ])('refuses %s —%s by %s: %s', (state, action, party, message) => {
    expect(rectificationRefusal(state, action, party)).toBe(message)
  })
  it('ends in rectified or voided, and the unit never decides its own appeal (property)', () => {
    const states: RectificationState[] = ['open', 'rectified', 'appealed', 'voided']
    fc.assert(fc.property(fc.constantFrom(...states), (state) => !availableRectificationActions(state, 'unit').some((a) => a === 'uphold' || a === 'void')))
    expect(availableRectificationActions('rectified', 'unit')).toEqual([])
    expect(availableRectificationActions('voided', 'office')).toEqual([])
  })
  it('leaves voided ratings out of satisfaction statistics', () => {
    expect(countsInSatisfaction({ satisfaction: 'dissatisfied', satisfactionVoided: true })).toBe(false)
    expect(countsInSatisfaction({ satisfaction: 'dissatisfied', satisfactionVoided: false })).toBe(true)
    expect(countsInSatisfaction({ satisfaction: null, satisfactionVoided: false })).toBe(false)
  })
})
