import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluateClock, getRegime, officialCalendar } from '../../calendar/index.ts'
import {
  ACCEPTED_SCOPE, availableCaseActions, CASE_ACTIONS, CASE_STATES, caseRefusal, CATEGORY_KEYS, CHANNEL_KEYS, CHANNELS, clockRegimeFor, DEMO_ROUTING, EXTENSION_MAX_WORKING_DAYS,
  isBadReview, NOT_ACCEPTED, NOT_ACCEPTED_REASONS, nextState, replyLimit, SATISFACTION, SATISFACTION_KEYS, SUPERVISION_GRADE_KEYS, suggestUnits, TRANSITIONS,
  type CaseAction, type CaseState, type LimitRow, type Party,
} from './index.ts'

describe('channels and categories', () => {
  it('names the seed\'s channels', () => {
    expect(CHANNEL_KEYS.map((k) => CHANNELS[k].label)).toEqual(['区长公开信箱', '部门信箱', '市长信箱转办', '市长公开电话转办', '区长公开电话', '114阳光政务'])
  })
  it('lets the public write only to the 区长信箱 and department mailboxes', () => {
    expect(CHANNEL_KEYS.filter((k) => CHANNELS[k].publicForm)).toEqual(['district_mailbox', 'department_mailbox'])
  })
  it('has the five categories', () => expect(CATEGORY_KEYS).toEqual(['consultation', 'help', 'complaint', 'suggestion', 'report']))
})

describe('acceptance scope', () => {
  it('offers conversion into a 依申请公开 application only for an information request', () => {
    expect(NOT_ACCEPTED_REASONS.filter((r) => NOT_ACCEPTED[r].offersRequestConversion)).toEqual(['information_request'])
  })
  it.each([
    ['petition', '信访'], ['litigation', '人民法院'], ['discipline', '纪检监察机关'], ['information_request', '政府信息公开申请'],
  ] as const)('tells the writer of a %s letter where to go (%s)', (reason, where) => {
    expect(NOT_ACCEPTED[reason].guidance).toContain(where)
  })
  it('cites a source for every reason and publishes the accepted scope', () => {
    for (const r of NOT_ACCEPTED_REASONS) expect(NOT_ACCEPTED[r].citation.length).toBeGreaterThan(10)
    expect(ACCEPTED_SCOPE).toHaveLength(5)
  })
})

describe('replyLimit', () => {
  it.each([
    ['district_mailbox', 'complaint', 10],
    ['district_mailbox', 'consultation', 5],
    ['department_mailbox', 'suggestion', 10],
    ['mayor_mailbox', 'consultation', 10], // the city's 交办 limit beats the category default
    ['mayor_hotline', 'help', 10],
    ['district_hotline', 'complaint', 5],
    ['sunshine_114', 'consultation', 5],
  ] as const)('%s / %s: %i working days', (channel, category, days) => {
    expect(replyLimit(channel, category).workingDays).toBe(days)
  })
  it('reads a changed table (configurable data)', () => {
    const table: LimitRow[] = [{ workingDays: 7, citation: 'x' }, { channel: 'district_mailbox', category: 'help', workingDays: 3, citation: 'y' }]
    expect(replyLimit('district_mailbox', 'help', table)).toEqual({ workingDays: 3, citation: 'y' })
    expect(replyLimit('district_mailbox', 'complaint', table).workingDays).toBe(7)
  })
  it('always finds a positive limit with a citation for any channel and category (property)', () => {
    fc.assert(fc.property(fc.constantFrom(...CHANNEL_KEYS), fc.constantFrom(...CATEGORY_KEYS), (channel, category) => {
      const limit = replyLimit(channel, category)
      return limit.workingDays > 0 && limit.citation.length > 0
    }))
  })
  it('gives a clock regime the calendar evaluates: 10 working days from 2025-09-26 skip the National Day block', () => {
    const regime = getRegime(clockRegimeFor({ workingDays: 10, citation: '' }))
    expect(regime.answer.workingDays).toBe(10)
    expect(regime.extension.maxWorkingDays).toBe(EXTENSION_MAX_WORKING_DAYS)
    // 2025: 09-28 (Sun) worked; 10-01…10-08 off; 10-11 (Sat) worked.
    const evaluation = evaluateClock([{ type: 'start', on: '2025-09-26' }], regime, officialCalendar(), '2025-09-26')
    expect(evaluation.dueOn).toBe('2025-10-16')
    const extended = evaluateClock([{ type: 'start', on: '2025-09-26' }, { type: 'extension', on: '2025-10-09', workingDays: 5 }], regime, officialCalendar(), '2025-10-09')
    expect(extended.dueOn).toBe('2025-10-23')
  })
})

describe('case workflow', () => {
  it.each<[CaseState, CaseAction, Party, CaseState]>([
    ['received', 'accept', 'office', 'accepted'],
    ['received', 'not_accept', 'office', 'not_accepted'],
    ['accepted', 'dispatch', 'office', 'dispatched'],
    ['dispatched', 'return', 'unit', 'returned'],
    ['returned', 'dispatch', 'office', 'dispatched'],
    ['dispatched', 'reassign', 'office', 'dispatched'],
    ['dispatched', 'reply', 'unit', 'replied'],
    ['replied', 'send_back', 'office', 'dispatched'],
    ['replied', 'release', 'office', 'released'],
    ['released', 'reopen', 'public', 'dispatched'],
    ['released', 'evaluate', 'office', 'closed'],
    ['closed', 'reopen', 'public', 'dispatched'],
    ['dispatched', 'merge', 'office', 'merged'],
    ['merged', 'split', 'office', 'received'],
  ])('%s —%s by %s→ %s', (from, action, party, to) => {
    expect(caseRefusal({ state: from }, action, party, '理由充分')).toBeNull()
    expect(nextState(from, action)).toBe(to)
  })

  it.each<[CaseState, CaseAction, Party, string]>([
    ['dispatched', 'reply', 'office', '公开办不能答复'],
    ['received', 'dispatch', 'office', '当前状态为“待受理”，不能转办'],
    ['replied', 'release', 'unit', '承办单位不能审核发布'],
    ['dispatched', 'release', 'office', '当前状态为“办理中”，不能审核发布'],
    ['not_accepted', 'reopen', 'public', '当前状态为“不予受理”，不能重新办理'],
  ])('refuses %s —%s by %s: %s', (state, action, party, message) => {
    expect(caseRefusal({ state }, action, party, '理由充分')).toBe(message)
  })

  it('needs a reason for 退回, 改派, 延期, 不予受理 and 重新办理', () => {
    expect(caseRefusal({ state: 'dispatched' }, 'return', 'unit', ' ')).toBe('退回需要写明理由')
    expect(caseRefusal({ state: 'dispatched' }, 'reassign', 'office', '')).toBe('改派需要写明理由')
    expect(caseRefusal({ state: 'dispatched' }, 'extend', 'unit', '')).toBe('延期需要写明理由')
    expect(caseRefusal({ state: 'received' }, 'not_accept', 'office', '')).toBe('不予受理需要写明理由')
  })

  it('allows one extension per dispatch', () => {
    expect(caseRefusal({ state: 'dispatched', extended: true }, 'extend', 'unit', '需要现场核查')).toBe('已经延期过一次，不能再次延期')
  })

  it('never lets the public do anything but rate and reopen (property)', () => {
    fc.assert(fc.property(fc.constantFrom(...CASE_STATES), (state) => availableCaseActions({ state }, 'public').every((a) => a === 'rate' || a === 'reopen')))
  })

  it('reaches 已办结 from 待受理 for every state by some path, and no action leaves the state set (property)', () => {
    fc.assert(fc.property(fc.constantFrom(...CASE_STATES), fc.constantFrom(...CASE_ACTIONS), fc.constantFrom<Party>('office', 'unit', 'public'), (state, action, party) => {
      if (caseRefusal({ state }, action, party, '理由') !== null) return true
      return CASE_STATES.includes(nextState(state, action)) && TRANSITIONS[action].by.includes(party)
    }))
    // Every state other than the terminal ones has a way on.
    for (const state of CASE_STATES) {
      const moves = (['office', 'unit', 'public'] as Party[]).flatMap((p) => availableCaseActions({ state }, p))
      if (state !== 'not_accepted') expect(moves.length, state).toBeGreaterThan(0)
    }
  })

  it('a random walk of allowed actions always stays consistent: a closed case can only be rated or reopened (property)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom(...CASE_ACTIONS), fc.constantFrom<Party>('office', 'unit', 'public')), { maxLength: 40 }), (steps) => {
      let state: CaseState = 'received'
      for (const [action, party] of steps) {
        if (caseRefusal({ state }, action, party, '理由') === null) state = nextState(state, action)
      }
      if (state === 'closed') return ['rate', 'reopen'].every((a) => caseRefusal({ state }, a as CaseAction, 'public', '理由') === null)
      return true
    }))
  })
})

describe('ratings', () => {
  it('has five 好差评 levels, the lower two are 差评', () => {
    expect(SATISFACTION_KEYS.map((k) => SATISFACTION[k].label)).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意'])
    expect(SATISFACTION_KEYS.filter(isBadReview)).toEqual(['dissatisfied', 'very_dissatisfied'])
  })
  it('has the seed\'s 监评 grades 优 良 中 差', () => expect(SUPERVISION_GRADE_KEYS).toEqual(['excellent', 'good', 'fair', 'poor']))
})

describe('suggestUnits', () => {
  it('suggests the unit whose words the letter uses, and says which', () => {
    const [first] = suggestUnits({ subject: '小区路灯不亮', content: '我们小区门口的路灯坏了两个月', category: 'complaint' })
    expect(first).toEqual({ unitCode: 'cgj', matched: ['路灯'], score: 2 })
  })
  it('ranks a subject keyword above a content keyword', () => {
    const s = suggestUnits({ subject: '社保卡补办', content: '社保卡丢了，想问问补贴能不能领', category: 'consultation' })
    expect(s.map((x) => x.unitCode)).toEqual(['rlsbj', 'czj'])
  })
  it('suggests nothing for a letter without known words', () => {
    expect(suggestUnits({ subject: '你好', content: '谢谢', category: 'suggestion' })).toEqual([])
  })
  it('only suggests units whose keywords occur (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 60 }), fc.constantFrom(...CATEGORY_KEYS), (subject, content, category) => {
      return suggestUnits({ subject, content, category }).every((s) => s.matched.length > 0 && s.matched.every((k) => (subject + content).includes(k)) && DEMO_ROUTING.some((r) => r.unitCode === s.unitCode))
    }))
  })
})
