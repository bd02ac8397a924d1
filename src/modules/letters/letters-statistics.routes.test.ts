/** 办理情况统计 over HTTP on the seed's 2017 records: the report's figures, drill-down, the unit's own view, XLSX, capped tabs. */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, html, staffClients, testConfig, text } from '../../../test/support/test-app.ts'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'
import { seedDemoLetters2017 } from '../../demo/seed-letters-2017.ts'
import { findOrganisationByCode } from '../orgs/index.ts'
import { letterStatistics } from './letter-statistics.ts'

let database: TestDatabase
let app: Awaited<ReturnType<typeof buildTestApp>>['app']
const as = staffClients(() => app, '192.0.2.', 160)
const YEAR = 'from=2017-01-01&to=2017-12-31'

beforeAll(async () => {
  database = await openTestPglite()
  await seedDemoLetters2017(database.db, testConfig().dataKey)
  app = (await buildTestApp(database.db)).app
})
afterAll(async () => {
  await app.close()
  await database.close()
})

describe('办理情况统计', () => {
  it('gives the annual report\'s 2017 figures per channel, each with its denominator', async () => {
    const gkb = await as('gkb')
    const res = await gkb.get(`/admin/letters/tongji?${YEAR}&group=channel`)
    expect(res.statusCode).toBe(200)
    expect(text(res, '#total-supervision')).toBe('83 件：优2、良77、中4、差0')
    const rows = html(res).querySelectorAll('table')[0]!.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('th, td').slice(0, 4).map((c) => c.text.trim()).join('|'))
    expect(rows).toContain('区长公开信箱|1109|1055（95.1%，1055/1109）|54')
    expect(rows).toContain('市长信箱转办|32|30（93.8%，30/32）|2')
    expect(rows).toContain('市长公开电话转办|171|166（97.1%，166/171）|5')
    expect(rows).toContain('区长公开电话|3866|3866（100%，3866/3866）|0')
    expect(rows.some((r) => r.startsWith('114阳光政务|'))).toBe(true)
  })

  it('drills a figure down to exactly the letters it counts', async () => {
    const gkb = await as('gkb')
    const res = await gkb.get(`/admin/letters/tongji/xinjian?${YEAR}&channel=district_mailbox&group=channel&measure=carriedOver`)
    expect(res.statusCode).toBe(200)
    expect(text(res, 'h1')).toBe('区长公开信箱：结转下期')
    expect(text(res, '#drill-total')).toBe('54')
    const fair = await gkb.get(`/admin/letters/tongji/xinjian?${YEAR}&group=channel&measure=grade:fair`)
    expect(text(fair, '#drill-total')).toBe('4')
    const page = await gkb.get(`/admin/letters/tongji/xinjian?${YEAR}&channel=district_mailbox&group=channel&measure=received&page=23`)
    expect(text(page, 'caption')).toBe('所统计的信件（第 23 页，共 23 页）') // 1109 letters, 50 a page
  })

  it('refuses a range that is not one, with a message, and shows nothing', async () => {
    const gkb = await as('gkb')
    const bad = await gkb.get('/admin/letters/tongji?from=2017-13-01&to=2017-12-31')
    expect(bad.statusCode).toBe(400)
    expect(text(bad, '.error-summary')).toContain('请填写开始日期，例如 2017-01-01')
    const reversed = await gkb.get('/admin/letters/tongji?from=2017-12-31&to=2017-01-01')
    expect(text(reversed, '.error-summary')).toContain('结束日期不能早于开始日期')
    expect(reversed.body).not.toContain('id="total-received"')
  })

  it('shows a unit its own letters only, whatever unit the address names; others get 403', async () => {
    const fgw = (await findOrganisationByCode(database.db, 'fgw'))!
    const czj = (await findOrganisationByCode(database.db, 'czj'))!
    const own = await letterStatistics(database.db, { regionId: fgw.regionId, from: '2017-01-01', to: '2017-12-31', unitId: fgw.id, groupBy: 'unit' })
    expect(own[0]!.received).toBeGreaterThan(0)
    const editor = await as('fgw.editor')
    const res = await editor.get(`/admin/letters/tongji?${YEAR}&unit=${czj.id}&group=unit`)
    expect(res.statusCode).toBe(200)
    expect(text(res, 'h1')).toBe('本单位公众诉求办理情况统计')
    expect(text(res, '#total-received')).toBe(String(own[0]!.received))
    expect(res.body).not.toContain('区财政局')
    const drill = await editor.get(`/admin/letters/tongji/xinjian?${YEAR}&unit=${czj.id}&group=unit&measure=received`)
    expect(text(drill, '#drill-total')).toBe(String(own[0]!.received))
    expect((await (await as('auditor')).get(`/admin/letters/tongji?${YEAR}`)).statusCode).toBe(403)
  })

  it('downloads the same table as XLSX', async () => {
    const gkb = await as('gkb')
    const res = await gkb.get(`/admin/letters/tongji.xlsx?${YEAR}&group=channel`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(res.rawPayload as never)
    const values = book.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1, 5))
    expect(values).toContainEqual(['区长公开信箱', '', 1109, 1055])
  })

  it('caps the 公开办\'s tab counts: 已办结 says "1,000+"', async () => {
    const gkb = await as('gkb')
    const res = await gkb.get('/admin/letters?queue=closed')
    expect(res.statusCode).toBe(200)
    expect(text(res, '.queue-tabs')).toContain('已办结（1,000+）')
    expect(text(res, 'caption')).toBe('共 1,000+ 件')
    expect(text(res, '.pagination__status')).toBe('第 1 页，共 34 页（1,000+ 件）')
    const far = await gkb.get('/admin/letters?queue=closed&page=60')
    expect(text(far, '.pagination__status')).toBe('第 60 页，共 61 页（1,000+ 件）')
  })
})
