import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { officialCalendar } from '../../calendar/index.ts'
import { APPLICANT_CATEGORY_CODES } from './applicant.ts'
import { RECEIPT_CHANNELS } from './channels.ts'
import { DISPOSITION_CODES } from './dispositions.ts'
import { type RequestCase, type RequestEvent, openCase, transition } from './lifecycle.ts'
import {
  type CaseFacts,
  caseFactsOf,
  TABLE3_LAYOUT_2019,
  TABLE3_LAYOUT_2021,
  TABLE3_ROWS_2021,
  checkLegacyRows,
  checkTable3,
  checkTable4,
  feeSummaryFor,
  legacyRowsFor,
  table3For2019,
  table3For2021,
  table4For,
  tableNumbers,
} from './statistics.ts'

const facts = (overrides: Partial<CaseFacts> & Pick<CaseFacts, 'id' | 'receivedOn'>): CaseFacts => ({
  channel: 'online',
  applicant: 'natural_person',
  decidedOn: null,
  disposition: null,
  extended: false,
  onTime: null,
  remedies: [],
  ...overrides,
})

// A hand-built year 2025 for one unit.
const CASES: CaseFacts[] = [
  facts({ id: 'c1', receivedOn: '2024-12-20', decidedOn: '2025-01-15', disposition: 'granted', answerForm: 'provided', onTime: true, channel: 'in_person' }),
  facts({ id: 'c2', receivedOn: '2024-11-02', decidedOn: '2024-11-20', disposition: 'granted', answerForm: 'provided', onTime: true }),
  facts({ id: 'c3', receivedOn: '2025-02-10', decidedOn: '2025-03-01', disposition: 'partial', onTime: true, applicant: 'commercial', channel: 'registered_mail', thirdPartyInterest: 'trade_secret' }),
  facts({ id: 'c4', receivedOn: '2025-03-05', decidedOn: '2025-04-20', disposition: 'denied_third_party', thirdPartyInterest: 'privacy', extended: true, onTime: true, applicant: 'legal_service', channel: 'fax',
    remedies: [{ kind: 'review', filedOn: '2025-05-10', afterReview: false, outcome: 'corrected', decidedOn: '2025-07-01' }] }),
  facts({ id: 'c5', receivedOn: '2025-06-01', decidedOn: '2025-06-20', disposition: 'other_overdue_correction', onTime: true, channel: 'ordinary_mail' }),
  facts({ id: 'c6', receivedOn: '2025-07-01', decidedOn: '2025-08-20', disposition: 'unable_not_held', answerForm: 'not_this_agency', onTime: false, channel: 'email',
    remedies: [{ kind: 'litigation', filedOn: '2025-12-01', afterReview: false, outcome: 'upheld', decidedOn: '2026-02-01' }] }),
  facts({ id: 'c7', receivedOn: '2025-12-20', applicant: 'research' }),
  facts({ id: 'c8', receivedOn: '2026-01-05' }),
  facts({ id: 'bad', receivedOn: '2025-05-01', decidedOn: '2025-04-01', disposition: 'granted' }),
]

describe('table3For2021', () => {
  const { table, rejected } = table3For2021(CASES, 2025)

  it('counts new, carried over, outcomes and carried forward, per applicant column, with the cases behind each cell', () => {
    expect(table.new_received.total).toEqual({ count: 5, caseIds: ['c3', 'c4', 'c5', 'c6', 'c7'] })
    expect(table.carried_over.total).toEqual({ count: 1, caseIds: ['c1'] })
    expect(table.granted.natural_person.caseIds).toEqual(['c1'])
    expect(table.partial.commercial.caseIds).toEqual(['c3'])
    expect(table.denied_third_party.legal_service.caseIds).toEqual(['c4'])
    expect(table.other_overdue_correction.total.caseIds).toEqual(['c5'])
    expect(table.unable_not_held.total.caseIds).toEqual(['c6'])
    expect(table.total_processed.total.count).toBe(5)
    expect(table.carried_forward.total).toEqual({ count: 1, caseIds: ['c7'] })
    expect(table.carried_forward.research.count).toBe(1)
    expect(table.granted.commercial.count).toBe(0)
  })

  it('rejects facts it cannot count, with the reason', () => {
    expect(rejected).toEqual([{ id: 'bad', reason: '办结日期 2025-04-01 早于收到申请日期 2025-05-01' }])
  })

  it('carries 2025 forward into 2026 (R7)', () => {
    const next = table3For2021(CASES, 2026).table
    expect(next.carried_over.total.caseIds).toEqual(['c7'])
    expect(checkTable3(tableNumbers(next), '2021', tableNumbers(table))).toEqual([])
  })

  it('merges the three 其他处理 rows in the 2019 format', () => {
    const old = table3For2019(CASES, 2025).table
    expect(old.other.total.caseIds).toEqual(['c5'])
    expect(checkTable3(tableNumbers(old), '2019')).toEqual([])
  })

  it('prints 25 numeric rows in the 2021 format and 23 in the 2019 format', () => {
    expect(TABLE3_LAYOUT_2021.filter((line) => line.key !== null)).toHaveLength(25)
    expect(TABLE3_LAYOUT_2019.filter((line) => line.key !== null)).toHaveLength(23)
    expect(TABLE3_LAYOUT_2021.map((line) => line.label).slice(0, 6)).toEqual(['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年度办理结果', '（一）予以公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（三）不予公开'])
    expect(TABLE3_LAYOUT_2021.at(-1)!.label).toBe('四、结转下年度继续办理')
  })
})

describe('table4For', () => {
  it('counts remedies filed in the year by outcome as of 31 December', () => {
    const { table } = table4For(CASES, 2025)
    expect(table.review).toMatchObject({ corrected: { count: 1, caseIds: ['c4'] }, total: { count: 1 } })
    expect(table.litigation_direct).toMatchObject({ pending: { count: 1, caseIds: ['c6'] }, upheld: { count: 0 }, total: { count: 1 } })
    expect(table.litigation_after_review.total.count).toBe(0)
    expect(checkTable4(tableNumbers(table))).toEqual([])
  })
})

describe('legacyRowsFor (2014-era rows)', () => {
  it('counts receipts by 当面/传真/网络/信函, conclusions on time or extended, and answer types', () => {
    const { rows } = legacyRowsFor(CASES, 2025)
    expect(rows.received.count).toBe(5)
    expect(rows.received_letter.caseIds).toEqual(['c3', 'c5'])
    expect(rows.received_fax.caseIds).toEqual(['c4'])
    expect(rows.received_online.caseIds).toEqual(['c6', 'c7'])
    expect(rows.concluded_on_time.caseIds).toEqual(['c1', 'c3', 'c5'])
    expect(rows.concluded_extended.caseIds).toEqual(['c4', 'c6'])
    expect(rows.answer_refused.caseIds).toEqual(['c4'])
    expect(rows.refusal_privacy.caseIds).toEqual(['c4'])
    expect(rows.answer_not_this_agency.caseIds).toEqual(['c6'])
    expect(rows.answer_told_to_amend.caseIds).toEqual(['c5'])
    expect(rows.review_corrected.caseIds).toEqual(['c4'])
    expect(rows.litigation_other.caseIds).toEqual(['c6'])
    expect(checkLegacyRows(Object.fromEntries(Object.entries(rows).map(([row, cell]) => [row, cell.count])))).toEqual([])
  })
})

describe('the consistency checker (regulation.md §3.6)', () => {
  const numbers = tableNumbers(table3For2021(CASES, 2025).table)
  const edit = (row: string, column: string, value: number | null) => ({ ...numbers, [row]: { ...numbers[row as keyof typeof numbers], [column]: value } })

  it.each([
    ['a wrong 总计 column', edit('granted', 'total', 3), ['R4', 'R3']],
    ['an outcome row that does not add up to （七）总计', edit('partial', 'commercial', 2), ['R4', 'R3']],
    ['a carry-forward that breaks 勾稽', edit('carried_forward', 'research', 0), ['R4', 'R1']],
    ['a blank cell', edit('denied_state_secret', 'other', null), ['R6']],
    ['a negative cell', edit('denied_state_secret', 'other', -1), ['R6', 'R4', 'R3']],
  ])('finds %s', (_name, table, rules) => {
    expect([...new Set(checkTable3(table, '2021').map((problem) => problem.rule))].sort()).toEqual([...rules].sort())
  })

  it('explains in Chinese', () => {
    expect(checkTable3(edit('carried_forward', 'research', 0), '2021').find((problem) => problem.rule === 'R1')!.message).toBe('“科研机构”列：本年新收 + 上年结转（1）应等于办理结果总计 + 结转下年度（0）')
  })

  it('flags a 上年结转 that does not match last year (R7)', () => {
    const previous = edit('carried_forward', 'natural_person', 4)
    expect(checkTable3(numbers, '2021', previous).map((problem) => problem.rule)).toEqual(['R7', 'R7'])
  })
})

describe('statistics: properties over random years of cases', () => {
  const date = (from: number, span: number) => fc.integer({ min: from, max: from + span }).map((n) => new Date(Date.UTC(2023, 0, 1 + n)).toISOString().slice(0, 10))
  const caseFacts = fc.tuple(fc.nat(10_000), date(0, 1000), fc.option(fc.integer({ min: 0, max: 400 })), fc.constantFrom(...DISPOSITION_CODES), fc.constantFrom(...APPLICANT_CATEGORY_CODES), fc.constantFrom(...RECEIPT_CHANNELS.map((rule) => rule.code)), fc.boolean(), fc.boolean(),
    fc.array(fc.record({ kind: fc.constantFrom('review', 'litigation'), filedOffset: fc.integer({ min: 0, max: 500 }), afterReview: fc.boolean(), outcome: fc.constantFrom('upheld', 'corrected', 'other', 'pending'), decidedOffset: fc.integer({ min: 0, max: 300 }) }), { maxLength: 2 }))
    .map(([n, receivedOn, decidedAfter, disposition, applicant, channel, extended, onTime, remedies]): CaseFacts => {
      const shift = (from: string, days: number) => new Date(Date.parse(from) + days * 86_400_000).toISOString().slice(0, 10)
      const decidedOn = decidedAfter === null ? null : shift(receivedOn, decidedAfter)
      return {
        id: `case-${n}`, receivedOn, channel, applicant, decidedOn, disposition: decidedOn ? disposition : null, extended, onTime: decidedOn ? onTime : null,
        answerForm: disposition === 'granted' ? 'provided' : null,
        remedies: remedies.map((remedy) => ({ kind: remedy.kind as 'review' | 'litigation', filedOn: shift(receivedOn, remedy.filedOffset), afterReview: remedy.afterReview, outcome: remedy.outcome as never, decidedOn: remedy.outcome === 'pending' ? null : shift(receivedOn, remedy.filedOffset + remedy.decidedOffset) })),
      }
    })
  const cases = fc.uniqueArray(caseFacts, { selector: (fact) => fact.id, maxLength: 60 })
  const year = fc.integer({ min: 2023, max: 2026 })

  it('makes every totals row and column equal its sums, in both formats and in table 四 and the old rows', () => {
    fc.assert(fc.property(cases, year, (all, y) => {
      expect(checkTable3(tableNumbers(table3For2021(all, y).table), '2021')).toEqual([])
      expect(checkTable3(tableNumbers(table3For2019(all, y).table), '2019')).toEqual([])
      expect(checkTable4(tableNumbers(table4For(all, y).table))).toEqual([])
      expect(checkLegacyRows(Object.fromEntries(Object.entries(legacyRowsFor(all, y).rows).map(([row, cell]) => [row, cell.count])))).toEqual([])
    }))
  })

  it('makes a region table the sum of its units tables (R9)', () => {
    fc.assert(fc.property(cases, cases, year, (unitA, unitB, y) => {
      const ids = new Set(unitA.map((fact) => fact.id))
      const other = unitB.filter((fact) => !ids.has(fact.id))
      const region = tableNumbers(table3For2021([...unitA, ...other], y).table)
      const a = tableNumbers(table3For2021(unitA, y).table)
      const b = tableNumbers(table3For2021(other, y).table)
      for (const row of TABLE3_ROWS_2021) for (const column of ['natural_person', 'total'] as const) expect(region[row][column]).toBe(a[row][column]! + b[row][column]!)
    }), { numRuns: 50 })
  })

  it('carries each year forward into the next (R7), and counts every case decided in the year in exactly one outcome row', () => {
    fc.assert(fc.property(cases, year, (all, y) => {
      const { table } = table3For2021(all, y)
      expect(checkTable3(tableNumbers(table3For2021(all, y + 1).table), '2021', tableNumbers(table))).toEqual([])
      const decided = all.filter((fact) => fact.decidedOn?.startsWith(String(y))).map((fact) => fact.id).sort()
      const inOutcomeRows = TABLE3_ROWS_2021.filter((row) => (DISPOSITION_CODES as readonly string[]).includes(row)).flatMap((row) => table[row].total.caseIds)
      expect([...inOutcomeRows].sort()).toEqual(decided)
    }))
  })
})

describe('caseFactsOf', () => {
  const calendar = officialCalendar()
  const play = (start: ReturnType<typeof openCase>, events: RequestEvent[]): RequestCase => {
    if (!start.ok) throw new Error(start.reason)
    return events.reduce((state, event) => {
      const result = transition(state, event, calendar)
      if (!result.ok) throw new Error(result.reason)
      return result.state
    }, start.state)
  }

  it('turns a case run through the state machine into the facts its table cells count', () => {
    const state = play(openCase({ channel: 'fax', receipt: { submittedOn: '2025-11-28', confirmedOn: '2025-12-01' }, registeredOn: '2025-11-28' }), [
      { type: 'extension_granted', on: '2025-12-20', workingDays: 20, approvedBy: '王主任' },
      { type: 'decided', on: '2026-01-20', decision: { code: 'denied_third_party', reasons: '涉及商业秘密', thirdPartyInterest: 'trade_secret' } },
      { type: 'review_filed', on: '2026-02-01' },
    ])
    const fact = caseFactsOf({ id: 'k1', applicant: 'commercial', state }, calendar)!
    expect(fact).toMatchObject({ receivedOn: '2025-12-01', channel: 'fax', decidedOn: '2026-01-20', disposition: 'denied_third_party', extended: true, onTime: true })
    expect(table3For2021([fact], 2025).table.carried_forward.commercial.caseIds).toEqual(['k1'])
    expect(table3For2021([fact], 2026).table.denied_third_party.commercial.caseIds).toEqual(['k1'])
    expect(legacyRowsFor([fact], 2026).rows.refusal_trade_secret.caseIds).toEqual(['k1'])
    expect(table4For([fact], 2026).table.review.pending.caseIds).toEqual(['k1'])
  })

  it('counts nothing for an application not yet confirmed as received', () => {
    const state = play(openCase({ channel: 'online', receipt: { submittedOn: '2025-12-01' }, registeredOn: '2025-12-01' }), [])
    expect(caseFactsOf({ id: 'k2', applicant: 'natural_person', state }, calendar)).toBeNull()
  })
})

describe('feeSummaryFor', () => {
  it('counts notices by notice date and collections by payment date, with the report sentence', () => {
    const withFees = [
      facts({ id: 'f1', receivedOn: '2025-03-01', fee: { noticeOn: '2025-03-05', amountYuan: 100, paidOn: '2025-03-10' } }),
      facts({ id: 'f2', receivedOn: '2025-12-01', fee: { noticeOn: '2025-12-20', amountYuan: 720.5, paidOn: '2026-01-05' } }),
      facts({ id: 'f3', receivedOn: '2025-06-01', fee: { noticeOn: '2025-06-05', amountYuan: 200, paidOn: null } }),
    ]
    expect(feeSummaryFor(withFees, 2025)).toMatchObject({
      notices: { count: 3, caseIds: ['f1', 'f2', 'f3'] },
      noticedYuan: 1020.5,
      collected: { count: 1, caseIds: ['f1'] },
      collectedYuan: 100,
      collectedTenThousandYuan: 0.01,
      sentence: '收取信息处理费的情况：本年度发出收费通知 3 件，金额 1020.5 元；实际收取信息处理费 100 元。',
    })
    expect(feeSummaryFor(withFees, 2026).collectedYuan).toBe(720.5)
    expect(feeSummaryFor(CASES, 2025).sentence).toBe('收取信息处理费的情况：本年度未发出收费通知，未收取信息处理费。')
  })
})
