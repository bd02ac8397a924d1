/**
 * Statistics against a hand-built fixture on PGlite and PostgreSQL: cases of two units across 2023–2026 (carried over
 * into 2025 and out of it, extended, one of each disposition group, remedies), every cell value and the cases behind
 * it; and a property: whatever history is imported, table 三's totals equal the sums of their parts.
 */
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { describeEachDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { findOrganisationByCode } from '../orgs/index.ts'
import { importHistory, type HistoryRow } from './import-history.ts'
import { requestStatistics } from './request-statistics.ts'
import { actorOf, requestsContext } from './requests.fixtures.ts'
import { APPLICANT_CATEGORY_CODES, checkTable3, tableNumbers, TABLE3_ROWS_2021 } from './rules/index.ts'

const row = (line: number, cells: Record<string, string>): HistoryRow => ({ line, ...cells })
/** The fixture, by letter; every case of czj unless the row says fgw. */
const FIXTURE: Record<string, Record<string, string>> = {
  A: { 收到申请日期: '2024-12-20', 渠道: '当面', 申请人类型: '自然人', 单位: 'czj', 答复日期: '2025-01-10', 办理结果: '予以公开' },
  B: { 收到申请日期: '2024-12-23', 渠道: '网络', 申请人类型: '商业企业', 单位: 'czj' },
  C: { 收到申请日期: '2025-03-03', 渠道: '传真', 申请人类型: '自然人', 单位: 'czj', 答复日期: '2025-03-20', 办理结果: '部分公开', 不予公开依据: '保护第三方合法权益', 第三方权益: '商业秘密' },
  D: { 收到申请日期: '2025-04-01', 渠道: '信函', 申请人类型: '科研机构', 单位: 'czj', 答复日期: '2025-05-08', 办理结果: '1.属于国家秘密', 延期工作日数: '10' },
  E: { 收到申请日期: '2025-06-02', 渠道: '当面', 申请人类型: '自然人', 单位: 'czj', 答复日期: '2025-06-10', 办理结果: '本机关不掌握相关政府信息' },
  F: { 收到申请日期: '2025-07-01', 渠道: '电子邮件', 申请人类型: '法律服务机构', 单位: 'czj', 答复日期: '2025-07-05', 办理结果: '重复申请' },
  G: { 收到申请日期: '2025-07-01', 渠道: '当面', 申请人类型: '自然人', 单位: 'czj', 答复日期: '2025-07-30', 办理结果: 'other_overdue_correction' },
  H: { 收到申请日期: '2025-12-29', 渠道: '平常信函', 申请人类型: '其他', 单位: 'czj' },
  I: { 收到申请日期: '2025-12-30', 渠道: '当面', 申请人类型: '自然人', 单位: 'czj', 答复日期: '2026-01-05', 办理结果: '予以公开', 行政复议: '纠正' },
  J: { 收到申请日期: '2025-05-05', 渠道: '当面', 申请人类型: '自然人', 单位: 'fgw', 答复日期: '2025-05-15', 办理结果: '予以公开', 行政诉讼: '尚未审结', 诉讼前是否复议: '否' },
  K: { 收到申请日期: '2023-06-01', 渠道: '当面', 申请人类型: '自然人', 单位: 'fgw', 答复日期: '2023-06-20', 办理结果: '予以公开' },
}

describeEachDatabase('request statistics of a hand-built fixture', (get) => {
  const id = new Map<string, string>()
  const ids = (letters: string) => [...letters].map((l) => id.get(l)!)

  it('imports the fixture (the 公开办, for both units)', async () => {
    const db = get().db
    const ctx = requestsContext(db, fixedClock('2026-11-27T02:00:00Z'), await actorOf(db, 'gkb'))
    const letters = Object.keys(FIXTURE)
    const before = await db.selectFrom('request_cases').select((eb) => eb.fn.max('id').as('max')).executeTakeFirstOrThrow()
    const result = await importHistory(ctx, letters.map((l, i) => row(i + 2, FIXTURE[l]!)), { dryRun: false })
    expect(result).toMatchObject({ rejected: [], imported: letters.length })
    const created = await db.selectFrom('request_cases').select('id').where('id', '>', Number(before.max ?? 0)).orderBy('id').execute()
    letters.forEach((l, i) => id.set(l, String(created[i]!.id)))
  })

  it('counts every cell of the unit’s 2025 table 三 (2021 and 2019 formats) with exactly its cases', async () => {
    const db = get().db
    const czj = (await findOrganisationByCode(db, 'czj'))!
    const stats = await requestStatistics(db, { organisationIds: [czj.id], year: 2025 })
    const t = stats.table3.table
    const expected: Record<string, Partial<Record<string, string>>> = {
      new_received: { natural_person: 'CEGI', research: 'D', legal_service: 'F', other: 'H', total: 'CDEFGHI' },
      carried_over: { natural_person: 'A', commercial: 'B', total: 'AB' },
      granted: { natural_person: 'A', total: 'A' },
      partial: { natural_person: 'C', total: 'C' },
      denied_state_secret: { research: 'D', total: 'D' },
      unable_not_held: { natural_person: 'E', total: 'E' },
      not_processed_repeated: { legal_service: 'F', total: 'F' },
      other_overdue_correction: { natural_person: 'G', total: 'G' },
      total_processed: { natural_person: 'ACEG', research: 'D', legal_service: 'F', total: 'ACDEFG' },
      carried_forward: { natural_person: 'I', commercial: 'B', other: 'H', total: 'BHI' },
    }
    for (const r of TABLE3_ROWS_2021) {
      for (const c of [...APPLICANT_CATEGORY_CODES, 'total'] as const) {
        const want = ids(expected[r]?.[c] ?? '').sort()
        expect([...t[r][c].caseIds].sort(), `${r} / ${c}`).toEqual(want)
        expect(t[r][c].count, `${r} / ${c}`).toBe(want.length)
      }
    }
    expect(stats.table3Format2019.table.other.total.caseIds).toEqual(ids('G'))
    expect(stats.table3Format2019.table.denied_state_secret.total.caseIds).toEqual(ids('D'))
    expect(checkTable3(tableNumbers(t), '2021').filter((p) => p.severity === 'error')).toEqual([])
  })

  it('counts the 2014-era rows: receipts by channel, conclusions on time or extended, answer types', async () => {
    const db = get().db
    const czj = (await findOrganisationByCode(db, 'czj'))!
    const legacy = (await requestStatistics(db, { organisationIds: [czj.id], year: 2025 })).legacy.rows
    expect(legacy.received.caseIds).toEqual(ids('CDEFGHI'))
    expect(legacy.received_in_person.caseIds).toEqual(ids('EGI'))
    expect(legacy.received_fax.caseIds).toEqual(ids('C'))
    expect(legacy.received_online.caseIds).toEqual(ids('F'))
    expect(legacy.received_letter.caseIds).toEqual(ids('DH'))
    expect(legacy.concluded.caseIds).toEqual(ids('ACDEFG'))
    expect(legacy.concluded_extended.caseIds).toContain(id.get('D'))
    expect(legacy.concluded_on_time.count + legacy.concluded_extended.count).toBe(6)
    expect(legacy.answer_granted.caseIds).toEqual(ids('A'))
    expect(legacy.answer_partial.caseIds).toEqual(ids('C'))
    expect(legacy.answer_refused.caseIds).toEqual(ids('D'))
    expect(legacy.refusal_state_secret.caseIds).toEqual(ids('D'))
    expect(legacy.answer_not_exist.caseIds).toEqual(ids('E'))
  })

  it('carries 2025 into 2026 (上年结转 = last year’s 结转下年度), and counts remedies in the year they were filed', async () => {
    const db = get().db
    const czj = (await findOrganisationByCode(db, 'czj'))!
    const y2026 = await requestStatistics(db, { organisationIds: [czj.id], year: 2026 })
    expect([...y2026.table3.table.carried_over.total.caseIds].sort()).toEqual(ids('BHI').sort())
    expect(y2026.table3.table.granted.total.caseIds).toEqual(ids('I'))
    expect([...y2026.table3.table.carried_forward.total.caseIds].sort()).toEqual(ids('BH').sort())
    expect(y2026.table4.table.review.corrected.caseIds).toEqual(ids('I'))
    expect((await requestStatistics(db, { organisationIds: [czj.id], year: 2025 })).table4.table.review.total.count).toBe(0)
    const region = await requestStatistics(db, { year: 2025 })
    expect(region.table4.table.litigation_direct.pending.caseIds).toEqual(ids('J'))
    expect(region.table3.table.new_received.total.caseIds).toEqual(expect.arrayContaining(ids('CDEFGHIJ')))
    expect(region.table3.table.new_received.total.caseIds).not.toContain(id.get('K'))
  })

  it('keeps table 三’s totals equal to the sums of their parts, whatever history is imported', async () => {
    const db = get().db
    const ctx = requestsContext(db, fixedClock('2026-11-27T02:00:00Z'), await actorOf(db, 'gkb'))
    const czj = (await findOrganisationByCode(db, 'czj'))!
    const historyRow = fc.record({
      received: fc.integer({ min: 0, max: 700 }), decidedAfter: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      channel: fc.constantFrom('当面', '信函', '传真', '网络'), applicant: fc.constantFrom('自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'),
      outcome: fc.constantFrom('予以公开', '1.属于国家秘密', '本机关不掌握相关政府信息', '重复申请', '3.其他'),
    })
    const day = (n: number) => new Date(Date.UTC(2024, 6, 1 + n)).toISOString().slice(0, 10)
    await fc.assert(fc.asyncProperty(fc.array(historyRow, { minLength: 1, maxLength: 6 }), fc.constantFrom(2025, 2026), async (rows, year) => {
      await importHistory(ctx, rows.map((r, i) => row(i + 2, {
        收到申请日期: day(r.received), 渠道: r.channel, 申请人类型: r.applicant, 单位: 'czj',
        ...(r.decidedAfter !== undefined && day(r.received + r.decidedAfter) <= '2026-11-27' ? { 答复日期: day(r.received + r.decidedAfter), 办理结果: r.outcome } : {}),
      })), { dryRun: false })
      const table = (await requestStatistics(db, { organisationIds: [czj.id], year })).table3.table
      expect(checkTable3(tableNumbers(table), '2021').filter((p) => p.severity === 'error')).toEqual([])
      for (const cells of Object.values(table)) for (const cell of Object.values(cells)) expect(cell.caseIds).toHaveLength(cell.count)
    }), { numRuns: 8 })
  })
})
