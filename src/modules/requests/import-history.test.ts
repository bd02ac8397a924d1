/** 历史案件导入: a dry run lists rejected rows with reasons; a clean file becomes cases that statistics count. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { findOrganisationByCode } from '../orgs/index.ts'
import { importHistory, type HistoryRow } from './import-history.ts'
import { requestStatistics } from './request-statistics.ts'
import { actorOf, requestsContext } from './requests.fixtures.ts'

let database: TestDatabase
beforeAll(async () => { database = await openTestPglite() })
afterAll(async () => database?.close())

const GOOD: HistoryRow[] = [
  { line: 2, 收到申请日期: '2025-03-03', 渠道: '当面', 申请人类型: '自然人', 单位: 'czj', 答复日期: '2025-03-20', 办理结果: '予以公开' },
  { line: 3, 收到申请日期: '2025-05-06', 渠道: '信函', 申请人类型: '法人或其他组织：商业企业', 单位: '重庆市开州区财政局', 答复日期: '2025-06-20', 办理结果: 'partial', 延期工作日数: '10', 不予公开依据: '保护第三方合法权益', 第三方权益: '商业秘密', 行政复议: '维持' },
  { line: 4, 收到申请日期: '2025-12-22', 渠道: '网络', 申请人类型: '科研机构', 单位: 'czj' },
  { line: 5, 收到申请日期: '2025-07-01', 渠道: '当面', 申请人类型: '自然人', 单位: 'czj', 答复日期: '2025-07-30', 办理结果: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
]

it('lists every rejected row with its reasons in a dry run and writes nothing', async () => {
  const db = database.db
  const ctx = requestsContext(db, fixedClock('2026-11-27T02:00:00Z'), await actorOf(db, 'czj.admin'))
  const result = await importHistory(ctx, [
    ...GOOD,
    { line: 6, 收到申请日期: '2025-02-30', 渠道: '鸽子', 申请人类型: '外星人', 单位: 'fgw', 办理结果: '同意' },
    { line: 7, 收到申请日期: '2025-03-03', 渠道: '当面', 申请人类型: '自然人', 单位: 'czj', 答复日期: '2025-03-20', 办理结果: '部分公开' },
  ], { dryRun: true })
  expect(result).toMatchObject({ dryRun: true, total: 6, accepted: 4, imported: 0 })
  expect(result.rejected.map((r) => r.line)).toEqual([6, 7])
  expect(result.rejected[0]!.reasons.join('；')).toMatch(/收到申请日期.*渠道.*申请人类型.*单位.*办理结果/)
  expect(result.rejected[1]!.reasons.join('；')).toContain('不予公开')
  expect((await importHistory(ctx, [...GOOD, { line: 6, 收到申请日期: 'x', 渠道: '当面', 申请人类型: '自然人', 单位: 'czj' }], { dryRun: false })).imported).toBe(0)
  const count = await db.selectFrom('request_cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
  expect(Number(count.n)).toBe(0)
})

it('imports a clean file into cases that table 三 and 四 count, with carry-over to the next year', async () => {
  const db = database.db
  const ctx = requestsContext(db, fixedClock('2026-11-27T02:00:00Z'), await actorOf(db, 'czj.admin'))
  expect(await importHistory(ctx, GOOD, { dryRun: false })).toMatchObject({ imported: 4, rejected: [] })
  const czj = (await findOrganisationByCode(db, 'czj'))!
  const stats = await requestStatistics(db, { organisationIds: [czj.id], year: 2025 })
  expect(stats.table3.table.new_received.total.count).toBe(4)
  expect(stats.table3.table.granted.total.count).toBe(1)
  expect(stats.table3.table.partial.commercial.count).toBe(1)
  expect(stats.table3.table.other_overdue_correction.total.count).toBe(1)
  expect(stats.table3.table.carried_forward.research.count).toBe(1)
  expect(stats.table4.table.review.upheld.count).toBe(1)
  expect((await requestStatistics(db, { organisationIds: [czj.id], year: 2026 })).table3.table.carried_over.total.count).toBe(1)
})

it('reads the documented columns from CSV and XLSX, with spreadsheet row numbers', async () => {
  const { parseHistoryCsv, parseHistoryXlsx, HISTORY_COLUMNS } = await import('./import-history-file.ts')
  const csv = '\uFEFF单位,收到申请日期,渠道,申请人类型,办理结果,答复日期\nczj,2025-03-03,当面,自然人,予以公开,2025-03-20\n,,,,,\nczj,2025-04-01,传真,其他,,\n'
  expect(parseHistoryCsv(new TextEncoder().encode(csv))).toEqual([
    { line: 2, 单位: 'czj', 收到申请日期: '2025-03-03', 渠道: '当面', 申请人类型: '自然人', 办理结果: '予以公开', 答复日期: '2025-03-20' },
    { line: 4, 单位: 'czj', 收到申请日期: '2025-04-01', 渠道: '传真', 申请人类型: '其他', 办理结果: '', 答复日期: '' },
  ])
  expect(() => parseHistoryCsv(new TextEncoder().encode('单位,渠道\nczj,当面\n'))).toThrow(/缺少这些列：收到申请日期、申请人类型/)
  const ExcelJS = (await import('exceljs')).default
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('历史案件')
  sheet.addRow([...HISTORY_COLUMNS])
  sheet.addRow([new Date('2025-03-03T00:00:00Z'), '当面', '自然人', 'czj'])
  const rows = await parseHistoryXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()))
  expect(rows).toHaveLength(1)
  expect(rows[0]).toMatchObject({ line: 2, 收到申请日期: '2025-03-03', 渠道: '当面', 单位: 'czj' })
})

it('imports two identical rows as two cases, and the same rows again as nothing (skipped, listed)', async () => {
  const db = database.db
  const ctx = requestsContext(db, fixedClock('2026-11-27T02:00:00Z'), await actorOf(db, 'czj.admin'))
  const twin = { 收到申请日期: '2024-05-06', 渠道: '当面', 申请人类型: '自然人', 单位: 'czj', 答复日期: '2024-05-10', 办理结果: '予以公开' }
  const count = async () => Number((await db.selectFrom('request_cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)
  const before = await count()
  expect(await importHistory(ctx, [{ line: 2, ...twin }, { line: 3, ...twin }], { dryRun: false })).toMatchObject({ imported: 2, skipped: [] })
  expect(await count()).toBe(before + 2)
  expect(await importHistory(ctx, [{ line: 2, ...twin }, { line: 3, ...twin }, { line: 4, ...twin }], { dryRun: true })).toMatchObject({ accepted: 3, skipped: [2, 3], imported: 0 })
  expect(await importHistory(ctx, [{ line: 2, ...twin }, { line: 3, ...twin }, { line: 4, ...twin }], { dryRun: false })).toMatchObject({ imported: 1, skipped: [2, 3] })
  expect(await count()).toBe(before + 3)
})

it('lets only a unit admin (own unit) or the 公开办 import, and refuses a unit’s editor', async () => {
  const db = database.db
  const clock = fixedClock('2026-11-27T02:00:00Z')
  const row = { line: 2, 收到申请日期: '2024-03-03', 渠道: '当面', 申请人类型: '自然人', 单位: 'fgw' }
  await expect(importHistory(requestsContext(db, clock, await actorOf(db, 'czj.editor')), [row], { dryRun: true })).rejects.toThrow()
  const admin = await importHistory(requestsContext(db, clock, await actorOf(db, 'czj.admin')), [row], { dryRun: true })
  expect(admin.rejected[0]!.reasons).toEqual([expect.stringMatching(/^单位：只能导入本单位（重庆市开州区财政局）的案件/)])
  expect((await importHistory(requestsContext(db, clock, await actorOf(db, 'gkb')), [row], { dryRun: true })).rejected).toEqual([])
  expect((await importHistory(requestsContext(db, clock, await actorOf(db, 'czj.admin')), [{ ...row, 单位: 'czj', 延期工作日数: '30' }], { dryRun: true })).rejected[0]!.reasons[0]).toMatch(/^延期工作日数：“30”应为 0 到 20 的整数/)
})
