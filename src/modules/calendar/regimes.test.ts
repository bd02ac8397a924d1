import { describe, expect, it } from 'vitest'
import { CalendarInputError } from './calendar.errors.ts'
import { REGIMES, getRegime, regimeInForceOn } from './regimes.ts'

describe('regimes', () => {
  it('holds the 2019 regulation deadlines with their articles', () => {
    const regime = getRegime('cn-2019')
    expect(regime.answer.workingDays).toBe(20)
    expect(regime.answer.citation).toContain('第三十三条')
    expect(regime.extension.maxWorkingDays).toBe(20)
    expect(regime.correction.noticeWorkingDays).toBe(7)
    expect(regime.correction.citation).toContain('第三十条')
    expect(regime.pauses.third_party_consultation).toMatchObject({ replyWorkingDays: 15, silence: 'agency_decides' })
    expect(regime.pauses.third_party_consultation?.citation).toContain('第三十二条')
    expect(regime.pauses.agency_consultation).toMatchObject({ replyWorkingDays: 15, silence: 'deemed_consent' })
    expect(regime.pauses.agency_consultation?.citation).toContain('第三十四条')
  })

  it('holds the 2007 regulation: 15 + 15 and only third-party consultation paused', () => {
    const regime = getRegime('cn-2007')
    expect(regime.answer.workingDays).toBe(15)
    expect(regime.extension.maxWorkingDays).toBe(15)
    expect(Object.keys(regime.pauses)).toEqual(['third_party_consultation'])
  })

  it('refuses an unknown regime in Chinese, listing the known ones', () => {
    expect(() => getRegime('cn-2030')).toThrow(CalendarInputError)
    expect(() => getRegime('cn-2030')).toThrow('未知的期限规则“cn-2030”，可选：cn-2019、cn-2007')
  })

  it.each([
    ['2008-05-01', 'cn-2007'],
    ['2017-06-30', 'cn-2007'],
    ['2019-05-14', 'cn-2007'],
    ['2019-05-15', 'cn-2019'], // 第五十六条
    ['2026-01-05', 'cn-2019'],
  ])('picks the regime in force on %s: %s', (date, id) => {
    expect(regimeInForceOn(date).id).toBe(id)
  })

  it('has no regime before 2008-05-01', () => {
    expect(() => regimeInForceOn('2008-04-30')).toThrow('2008-04-30 没有生效的政府信息公开期限规则')
  })

  it('is frozen data', () => {
    expect(Object.isFrozen(REGIMES)).toBe(true)
    expect(Object.isFrozen(REGIMES['cn-2019'].pauses.third_party_consultation)).toBe(true)
  })
})
