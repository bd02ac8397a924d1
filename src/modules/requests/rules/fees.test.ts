import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { officialCalendar } from '../../calendar/index.ts'
import { computeFee, earlierInMonth, feePaymentDueOn, feesApplyOn } from './fees.ts'

const amount = (result: ReturnType<typeof computeFee>) => (result.ok ? result.amountYuan : Number.NaN)

describe('computeFee (国办函〔2020〕109号)', () => {
  // regulation.md §2: perItemFee(10)=0, (11)=100, (30)=100, (31)=200, (40)=200, (41)=300
  it.each([
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [51, 400],
  ])('按件: the %i-th application of the month costs %i 元', (n, yuan) => {
    expect(amount(computeFee({ method: 'per_application', earlierInMonth: n - 1 }))).toBe(yuan)
  })

  // perPageFee(30)=0, (31)=10, (100)=700, (101)=720, (200)=2700, (201)=2740
  it.each([
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
  ])('按量: %i pages cost %i 元', (pages, yuan) => {
    expect(amount(computeFee({ method: 'per_page', pages, form: 'paper' }))).toBe(yuan)
  })

  it('explains the progressive computation in Chinese', () => {
    const result = computeFee({ method: 'per_page', pages: 101, form: 'email' })
    expect(result).toMatchObject({ ok: true, amountYuan: 720, chargedYuan: 720 })
    if (result.ok) expect(result.explanation).toBe('按量计收：共 101 页，以电子邮件方式提供；超额累进计算：第1—30页 0 元×30，第31—100页 10 元×70，第101页 20 元×1，合计 720 元（《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第三条至第五条）。应收 720 元。')
  })

  it('counts an application split under 一事一申请 as several pieces', () => {
    expect(computeFee({ method: 'per_application', earlierInMonth: 9, pieces: 3 })).toMatchObject({ amountYuan: 200, lines: [{ from: 10, to: 10, yuanEach: 0 }, { from: 11, to: 12, yuanEach: 100, yuan: 200 }] })
  })

  it('waives the fee for an exemption, keeping the computed amount', () => {
    expect(computeFee({ method: 'per_application', earlierInMonth: 20, exemption: 'hardship' })).toMatchObject({ ok: true, amountYuan: 100, chargedYuan: 0 })
  })

  it.each([
    ['both methods at once', { method: 'per_application', earlierInMonth: 12, pages: 40 }, '不得同时按照两种标准重复计算'],
    ['按量 with pages and an 按件 count', { method: 'per_page', pages: 40, form: 'paper', earlierInMonth: 3 }, '只能选择一种'],
    ['按量 for online download', { method: 'per_page', pages: 40, form: 'online' }, '按量计收只适用于以纸质件、电子邮件、复制电子数据'],
    ['no method', { method: '' }, '请选择计收方式'],
    ['a negative count', { method: 'per_application', earlierInMonth: -1 }, '0 或正整数'],
    ['an unknown exemption', { method: 'per_application', earlierInMonth: 0, exemption: 'friend' }, '未知的减免事由'],
  ])('refuses %s', (_name, input, reason) => {
    const result = computeFee(input)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toContain(reason)
  })

  it('never decreases as the count grows, and is free up to the free band', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 500 }), fc.constantFrom('per_application', 'per_page'), (n, method) => {
      const input = (k: number) => (method === 'per_application' ? { method, earlierInMonth: k } : { method, pages: k + 1, form: 'paper' })
      expect(amount(computeFee(input(n + 1)))).toBeGreaterThanOrEqual(amount(computeFee(input(n))))
      if (n < 10) expect(amount(computeFee(input(n)))).toBe(0)
    }))
  })

  it('makes the total the sum of its lines', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 600 }), (pages) => {
      const result = computeFee({ method: 'per_page', pages, form: 'electronic_copy' })
      if (!result.ok) throw new Error(result.reason)
      expect(result.lines.reduce((sum, line) => sum + line.units, 0)).toBe(pages)
      expect(result.lines.reduce((sum, line) => sum + line.yuan, 0)).toBe(result.amountYuan)
    }))
  })
})

describe('earlierInMonth', () => {
  const history = [
    { id: 'a', applicantKey: 'p1', receivedOn: '2025-02-28' },
    { id: 'b', applicantKey: 'p1', receivedOn: '2025-03-01', pieces: 2 },
    { id: 'c', applicantKey: 'p1', receivedOn: '2025-03-10' },
    { id: 'd', applicantKey: 'p2', receivedOn: '2025-03-05' },
    { id: 'e', applicantKey: 'p1', receivedOn: '2025-03-10' },
  ]
  it('counts the same applicant in the same natural month, not a rolling 30 days', () => {
    expect(earlierInMonth(history, { id: 'e', applicantKey: 'p1', receivedOn: '2025-03-10' })).toBe(3)
    expect(earlierInMonth(history, { id: 'b', applicantKey: 'p1', receivedOn: '2025-03-01' })).toBe(0)
    expect(earlierInMonth(history, { id: 'z', applicantKey: 'p1', receivedOn: '2025-04-01' })).toBe(0)
  })
})

describe('fee dates [M]', () => {
  it('applies from 2021-01-01 and gives 20 working days to pay', () => {
    expect(feesApplyOn('2020-12-31')).toBe(false)
    expect(feesApplyOn('2021-01-01')).toBe(true)
    expect(feePaymentDueOn('2025-09-30', officialCalendar())).toBe('2025-11-04')
  })
})
