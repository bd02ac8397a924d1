import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type ReceiptChannel, RECEIPT_CHANNELS, legacyChannelRow, parseReceiptChannel, receiptDate } from './channels.ts'

describe('receiptDate (条例 第三十一条)', () => {
  it.each([
    ['in_person', { submittedOn: '2025-03-03' }, '2025-03-03', '第三十一条第（一）项'],
    ['registered_mail', { signedForOn: '2025-03-04' }, '2025-03-04', '第三十一条第（二）项'],
    ['ordinary_mail', { arrivedOn: '2025-03-04', confirmedOn: '2025-03-04' }, '2025-03-04', '第三十一条第（二）项'],
    ['fax', { submittedOn: '2025-03-01', confirmedOn: '2025-03-03' }, '2025-03-03', '第三十一条第（三）项'],
    ['email', { submittedOn: '2025-03-01', confirmedOn: '2025-03-05' }, '2025-03-05', '第三十一条第（三）项'],
    ['online', { submittedOn: '2025-03-02', confirmedOn: '2025-03-03' }, '2025-03-03', '第三十一条第（三）项'],
  ] as const)('%s with %o: 收到申请之日 is %s', (channel, facts, receivedOn, article) => {
    const result = receiptDate(channel, facts)
    expect(result).toMatchObject({ status: 'received', receivedOn, notes: [] })
    if (result.status === 'received') expect(result.explanation).toContain(article)
  })

  it('a registered letter counts from the signature, not from the postmark or the day it was sent', () => {
    expect(receiptDate('registered_mail', { submittedOn: '2025-02-20', signedForOn: '2025-02-24' })).toMatchObject({ receivedOn: '2025-02-24' })
  })

  it.each([
    ['in_person', {}, 'submittedOn', '请填写申请人当面提交申请的日期'],
    ['registered_mail', {}, 'signedForOn', '签收之日即收到申请之日'],
    ['ordinary_mail', { arrivedOn: '2025-03-04' }, 'confirmedOn', '信函已于 2025-03-04 收到，尚未与申请人确认'],
    ['fax', { submittedOn: '2025-03-01' }, 'confirmedOn', '尚待行政机关与申请人双方确认'],
    ['online', {}, 'confirmedOn', '双方确认之日为收到申请之日'],
  ] as const)('%s with %o waits for %s', (channel, facts, missing, text) => {
    const result = receiptDate(channel, facts)
    expect(result).toMatchObject({ status: 'awaiting', missing })
    if (result.status === 'awaiting') expect(result.explanation).toContain(text)
  })

  it('an ordinary letter confirmed days after it arrived counts from the confirmation, with a note on the same-day duty', () => {
    const result = receiptDate('ordinary_mail', { arrivedOn: '2025-03-04', confirmedOn: '2025-03-06' })
    expect(result).toMatchObject({ status: 'received', receivedOn: '2025-03-06' })
    if (result.status === 'received') expect(result.notes).toEqual(['信函于 2025-03-04 收到，2025-03-06 才与申请人确认；第三十一条要求于收到申请的当日确认。收到申请之日仍以确认之日计算。'])
  })

  it.each([
    ['fax', { submittedOn: '2025-03-05', confirmedOn: '2025-03-04' }, 'confirmedOn', '与申请人确认日期（2025-03-04）早于提交日期（2025-03-05）'],
    ['in_person', { submittedOn: '2025-02-30' }, 'submittedOn', '提交日期应为真实日期'],
    ['email', { confirmedOn: '3/5/2025' }, 'confirmedOn', '格式 YYYY-MM-DD'],
    ['pigeon', { confirmedOn: '2025-03-05' }, 'channel', '未知的申请渠道'],
  ] as const)('%s with %o is refused on %s', (channel, facts, field, reason) => {
    const result = receiptDate(channel as ReceiptChannel, facts)
    expect(result).toMatchObject({ status: 'invalid', field })
    if (result.status === 'invalid') expect(result.reason).toContain(reason)
  })

  it('never returns a date that is not one of the facts the channel reads, nor one before the first of them', () => {
    const date = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10))
    const facts = fc.record({ submittedOn: fc.option(date), signedForOn: fc.option(date), arrivedOn: fc.option(date), confirmedOn: fc.option(date) })
    fc.assert(fc.property(fc.constantFrom(...RECEIPT_CHANNELS), facts, (rule, given) => {
      const result = receiptDate(rule.code, given)
      if (result.status !== 'received') return
      expect(result.receivedOn).toBe(given[rule.receivedOnFact])
      for (const fact of rule.facts) if (given[fact]) expect(result.receivedOn >= given[fact]!).toBe(true)
    }))
  })
})

describe('legacyChannelRow (2014-era 收到申请数 rows)', () => {
  it.each([
    ['in_person', 'in_person'],
    ['fax', 'fax'],
    ['online', 'online'],
    ['email', 'online'],
    ['registered_mail', 'letter'],
    ['ordinary_mail', 'letter'],
  ] as const)('%s is counted as %s', (channel, row) => {
    expect(legacyChannelRow(channel)).toBe(row)
  })
})

describe('parseReceiptChannel', () => {
  it.each([
    ['当面', 'in_person'],
    ['挂号信', 'registered_mail'],
    ['EMS', 'registered_mail'],
    ['信函', 'registered_mail'],
    ['平信', 'ordinary_mail'],
    ['传真', 'fax'],
    ['E-mail', 'email'],
    ['网上申请', 'online'],
    ['网络（在线申请平台）', 'online'],
    ['ordinary_mail', 'ordinary_mail'],
    ['信鸽', null],
  ])('reads “%s” as %s', (text, channel) => {
    expect(parseReceiptChannel(text)).toBe(channel)
  })

  it('reads back every label it prints', () => {
    for (const rule of RECEIPT_CHANNELS) expect(parseReceiptChannel(rule.label)).toBe(rule.code)
  })
})
