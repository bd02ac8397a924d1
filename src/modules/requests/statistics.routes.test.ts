/**
 * HTTP tests of 依申请公开统计: a unit's staff see their own unit only (another unit's tables and drill-downs are not
 * found, and the attempt is audited); the 公开办 sees any unit and the region; every number links to exactly its cases.
 */
import { beforeAll, expect, it } from 'vitest'
import { html, staffClients, useTestApp, type Client } from '../../../test/support/test-app.ts'
import { findOrganisationByCode } from '../orgs/index.ts'
import { importHistory } from './import-history.ts'
import { actorOf, requestsContext } from './requests.fixtures.ts'

const t = useTestApp()
let staff: (username: string) => Promise<Client>
let czjId = 0
let fgwId = 0

beforeAll(async () => {
  staff = staffClients(() => t.app, '192.0.2.')
  czjId = (await findOrganisationByCode(t.db, 'czj'))!.id
  fgwId = (await findOrganisationByCode(t.db, 'fgw'))!.id
  const ctx = requestsContext(t.db, t.clock, await actorOf(t.db, 'gkb'))
  const result = await importHistory(ctx, [
    { line: 2, 收到申请日期: '2024-12-20', 渠道: '当面', 申请人类型: '自然人', 单位: 'czj', 答复日期: '2025-01-10', 办理结果: '予以公开' },
    { line: 3, 收到申请日期: '2025-03-03', 渠道: '传真', 申请人类型: '商业企业', 单位: 'czj', 答复日期: '2025-03-20', 办理结果: '1.属于国家秘密' },
    { line: 4, 收到申请日期: '2025-12-29', 渠道: '网络', 申请人类型: '自然人', 单位: 'czj' },
    { line: 5, 收到申请日期: '2025-05-05', 渠道: '当面', 申请人类型: '自然人', 单位: 'fgw', 答复日期: '2025-05-15', 办理结果: '予以公开', 行政复议: '维持' },
  ], { dryRun: false })
  expect(result.imported).toBe(4)
})

const cellLink = (body: string, table: string, row: string, col: string) =>
  html({ body }).querySelectorAll('a').find((a) => (a.getAttribute('href') ?? '').includes(`table=${table}&row=${row}&col=${col}`))

it('shows a unit’s staff the tables of their own unit, every number opening exactly its cases', async () => {
  const client = await staff('czj.editor')
  const res = await client.get('/admin/requests/tongji?year=2025')
  expect(res.statusCode).toBe(200)
  const page = html(res)
  expect(page.querySelectorAll('table caption').map((c) => c.text)).toEqual(expect.arrayContaining([expect.stringContaining('2021 年格式'), expect.stringContaining('2019 年试行格式'), expect.stringContaining('2014 年格式'), expect.stringContaining('跨年度结转')]))
  expect(page.querySelectorAll('.table-wrap[role="region"][aria-label]').length).toBeGreaterThanOrEqual(5)
  const newReceived = cellLink(res.body, '2021', 'new_received', 'total')!
  expect(newReceived.text).toMatch(/^2/)
  const drill = await client.get(newReceived.getAttribute('href')!)
  expect(drill.statusCode).toBe(200)
  expect(html(drill).querySelectorAll('tbody tr')).toHaveLength(2)
  expect(drill.body).toContain('共 <strong>2</strong> 件')
  for (const [table, row, col, n] of [['2021', 'carried_over', 'natural_person', 1], ['2019', 'denied_state_secret', 'commercial', 1], ['2014', 'received_fax', 'total', 1], ['carry', 'carried_forward', 'total', 1], ['2021', 'total_processed', 'total', 2]] as const) {
    const link = cellLink(res.body, table, row, col)!
    expect(link.text.replace(/\D/g, ''), `${table} ${row}`).toBe(String(n))
    const list = await client.get(link.getAttribute('href')!)
    expect(html(list).querySelectorAll('tbody tr'), `${table} ${row}`).toHaveLength(n)
  }
  // The 公开办's fgw case is not on czj's pages.
  expect(cellLink(res.body, '4', 'review', 'upheld')).toBeUndefined()
})

it('refuses another unit’s tables and drill-downs to a unit’s staff, and audits the attempt', async () => {
  const client = await staff('czj.editor')
  expect((await client.get(`/admin/requests/tongji?year=2025&unit=${fgwId}`)).statusCode).toBe(404)
  expect((await client.get(`/admin/requests/tongji/anjian?year=2025&unit=${fgwId}&table=4&row=review&col=upheld`)).statusCode).toBe(404)
  const denied = await t.db.selectFrom('audit_log').select(['action', 'outcome']).where('action', '=', 'request.statistics').execute()
  expect(denied).toEqual([{ action: 'request.statistics', outcome: 'denied' }, { action: 'request.statistics', outcome: 'denied' }])
  expect((await client.get(`/admin/requests/tongji?year=2025&unit=${czjId}`)).statusCode).toBe(200)
  expect((await client.get('/admin/requests/tongji/anjian?year=2025&table=2021&row=nonsense&col=total')).statusCode).toBe(404)
  expect((await (await staff('auditor')).get('/admin/requests/tongji')).statusCode).toBe(403)
})

it('shows the 公开办 any unit and the whole region', async () => {
  const client = await staff('gkb')
  const region = await client.get('/admin/requests/tongji?year=2025')
  expect(region.statusCode).toBe(200)
  expect(cellLink(region.body, '2021', 'new_received', 'total')!.text).toMatch(/^3/)
  const fgw = await client.get(`/admin/requests/tongji?year=2025&unit=${fgwId}`)
  const review = cellLink(fgw.body, '4', 'review', 'upheld')!
  const list = await client.get(review.getAttribute('href')!)
  expect(list.statusCode).toBe(200)
  expect(html(list).querySelectorAll('tbody tr')).toHaveLength(1)
  expect(list.body).toContain('发展')
})

it('offers the tables as an Excel workbook with the same numbers, for the own unit only', async () => {
  const client = await staff('czj.editor')
  const res = await t.app.inject({ method: 'GET', url: '/admin/requests/tongji.xlsx?year=2025', cookies: Object.fromEntries(client.cookies), remoteAddress: client.ip })
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-type']).toContain('spreadsheetml')
  const ExcelJS = (await import('exceljs')).default
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(res.rawPayload as any)
  expect(workbook.worksheets.map((s) => s.name)).toEqual(['表三（2021年格式）', '表四', '表三（2019年试行格式）', '2014年格式', '跨年度结转'])
  const sheet = workbook.getWorksheet('表三（2021年格式）')!
  const row = (label: string) => sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === label)!
  expect(row('一、本年新收政府信息公开申请数量').getCell(8).value).toBe(2)
  expect(row('二、上年结转政府信息公开申请数量').getCell(2).value).toBe(1)
  expect(row('四、结转下年度继续办理').getCell(8).value).toBe(1)
  expect((await t.app.inject({ method: 'GET', url: `/admin/requests/tongji.xlsx?year=2025&unit=${fgwId}`, cookies: Object.fromEntries(client.cookies), remoteAddress: client.ip })).statusCode).toBe(404)
})

it('carries 2025 forward into 2026 and says the checks pass', async () => {
  const client = await staff('czj.editor')
  const res = await client.get('/admin/requests/tongji?year=2026')
  expect(cellLink(res.body, 'carry', 'previous_forward', 'total')!.text).toMatch(/^1/)
  expect(cellLink(res.body, 'carry', 'carried_over', 'total')!.text).toMatch(/^1/)
  expect(res.body).toContain('各项勾稽关系均相符')
})
