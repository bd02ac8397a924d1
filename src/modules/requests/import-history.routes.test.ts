/**
 * HTTP tests of 导入历史案件: who may use it, a bad file refused in Chinese with nothing saved, a dry run that changes
 * nothing and lists rows of another unit with their reason, a confirmation that imports (audited), a second upload of
 * the same file that adds nothing, and templates that import as they are.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, buildTestApp, html, staffClients } from '../../../test/support/test-app.ts'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'
import { parseHistoryXlsx } from './import-history-file.ts'

let database: TestDatabase
let app: FastifyInstance
let staff: (username: string) => Promise<Client>

beforeAll(async () => {
  database = await openTestPglite()
  app = (await buildTestApp(database.db)).app
  staff = staffClients(() => app, '192.0.2.')
})
afterAll(async () => {
  await app?.close()
  await database?.close()
})

/** Sends a multipart form with one file, as a browser does. */
async function upload(client: Client, fileName: string, bytes: Buffer | string, csrf = client.csrf) {
  const boundary = '----gongkai-test-boundary'
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  const res = await app.inject({ method: 'POST', url: '/admin/requests/import', payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, cookies: Object.fromEntries(client.cookies), remoteAddress: client.ip })
  const match = /name="_csrf" value="([^"]+)"/.exec(res.body)
  if (match) client.csrf = match[1]!
  return res
}

const count = async (table: 'request_cases' | 'request_history_uploads') => Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)
const CSV = (rows: string[]) => `\uFEFF收到申请日期,渠道,申请人类型,单位,答复日期,办理结果,延期工作日数\n${rows.join('\n')}\n`
const CZJ_ROWS = ['2025-03-03,当面,自然人,czj,2025-03-20,予以公开,', '2025-04-01,传真,商业企业,czj,2025-04-20,1.属于国家秘密,', '2025-12-22,网络,科研机构,czj,,,']

describe('who may import', () => {
  it.each([['czj.admin', 200], ['gkb', 200], ['czj.editor', 403], ['fgw.head', 403], ['auditor', 403]])('%s gets %i on the import page', async (user, status) => {
    const client = await staff(user)
    expect((await client.get('/admin/requests/import')).statusCode).toBe(status)
    expect((await client.get('/admin/requests/import/columns')).statusCode).toBe(status)
  })

  it('links the import from the case list for those who may import, and only for them', async () => {
    expect((await (await staff('czj.admin')).get('/admin/requests')).body).toContain('href="/admin/requests/import"')
    expect((await (await staff('czj.editor')).get('/admin/requests')).body).not.toContain('href="/admin/requests/import"')
  })

  it('refuses an upload by a unit’s editor and saves nothing', async () => {
    const client = await staff('czj.editor')
    await client.get('/admin/requests')
    const res = await upload(client, 'h.csv', CSV(CZJ_ROWS))
    expect(res.statusCode).toBe(403)
    expect(await count('request_history_uploads')).toBe(0)
  })

  it('refuses an upload without the CSRF token', async () => {
    const client = await staff('czj.admin')
    await client.get('/admin/requests/import')
    expect((await upload(client, 'h.csv', CSV(CZJ_ROWS), 'forged')).statusCode).toBe(403)
    expect(await count('request_history_uploads')).toBe(0)
  })
})

describe('a bad file', () => {
  it.each([
    ['a PDF named .csv', 'h.csv', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 1)]), /是PDF 文件.*请上传 CSV/],
    ['a Word file', 'h.docx', Buffer.from('PK\u0003\u0004 not really a docx'), /不是 CSV 或 XLSX|请上传 CSV/],
    ['a CSV without the required columns', 'h.csv', '单位,渠道\nczj,当面\n', /缺少这些列：收到申请日期、申请人类型/],
    ['a CSV with a header only', 'h.csv', CSV([]), /没有案件行/],
    ['an empty file', 'h.csv', '', /请选择要导入的|是空的/],
  ])('%s is refused with a Chinese message and nothing is saved', async (_what, name, bytes, message) => {
    const client = await staff('czj.admin')
    await client.get('/admin/requests/import')
    const res = await upload(client, name, bytes)
    expect(res.statusCode).toBe(400)
    expect(html(res).querySelector('.error-summary')?.text).toMatch(message)
    expect(await count('request_history_uploads')).toBe(0)
    expect(await count('request_cases')).toBe(0)
  })
})

describe('dry run and confirmation', () => {
  it('lists a row of another unit with its reason, and a dry run changes nothing', async () => {
    const client = await staff('czj.admin')
    await client.get('/admin/requests/import')
    const res = await upload(client, '历史.csv', CSV([...CZJ_ROWS, '2025-05-05,当面,自然人,fgw,2025-05-15,予以公开,', '2025-02-30,鸽子,自然人,czj,,,']))
    expect(res.statusCode).toBe(303)
    const page = await client.get(res.headers.location as string)
    expect(page.statusCode).toBe(200)
    const rejected = html(page).querySelectorAll('tbody tr').map((tr) => tr.text.replace(/\s+/g, ''))
    expect(rejected[0]).toMatch(/^第5行单位：只能导入本单位（重庆市开州区财政局）的案件，这一行是“.*发展和改革委员会”的/)
    expect(rejected[1]).toMatch(/^第6行收到申请日期.*渠道：“鸽子”/)
    expect(page.body).not.toContain('确认导入')
    expect(await count('request_cases')).toBe(0)
    // Confirming anyway imports nothing: all or nothing.
    const confirm = await client.post(res.headers.location as string, {})
    expect(confirm.statusCode).toBe(409)
    expect(await count('request_cases')).toBe(0)
  })

  it('imports a clean file on confirmation, audited, and a second upload of the same file adds nothing', async () => {
    const client = await staff('czj.admin')
    await client.get('/admin/requests/import')
    const first = await upload(client, '历史.csv', CSV(CZJ_ROWS))
    const dryRun = await client.get(first.headers.location as string)
    expect(dryRun.body).toContain('确认导入 3 件')
    expect(await count('request_cases')).toBe(0)
    const confirm = await client.post(first.headers.location as string, {})
    expect(confirm.statusCode).toBe(303)
    expect(await count('request_cases')).toBe(3)
    const done = await client.get(confirm.headers.location as string)
    expect(done.body).toContain('已导入 3 件历史案件')
    expect(done.body).toContain('href="/admin/requests/tongji?year=2025"')
    const audit = await database.db.selectFrom('audit_log').select(['action', 'outcome', 'details']).where('action', '=', 'request.import_history').execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.details).toMatchObject({ fileName: '历史.csv', imported: 3 })
    // Confirming the same upload again: refused, nothing added.
    expect((await client.post(first.headers.location as string, {})).statusCode).toBe(409)
    // The same file uploaded again: every row skipped, nothing to confirm.
    const second = await upload(client, '历史（副本）.csv', CSV(CZJ_ROWS))
    const again = await client.get(second.headers.location as string)
    expect(again.body).toMatch(/此前已导入（跳过）<\/dt><dd>3 行/)
    expect(again.body).not.toContain('确认导入')
    await client.post(second.headers.location as string, {})
    // A file with one row more: only that row is imported.
    const third = await upload(client, '历史（补充）.csv', CSV([...CZJ_ROWS, '2025-06-06,当面,自然人,czj,2025-06-10,予以公开,']))
    expect((await client.get(third.headers.location as string)).body).toContain('确认导入 1 件')
    expect((await client.post(third.headers.location as string, {})).statusCode).toBe(303)
    expect(await count('request_cases')).toBe(4)
  })

  it('lets the 公开办 import another unit’s cases, and keeps each upload private to its uploader', async () => {
    const office = await staff('gkb')
    await office.get('/admin/requests/import')
    const res = await upload(office, 'fgw.csv', CSV(['2025-05-05,当面,自然人,fgw,2025-05-15,予以公开,']))
    expect((await office.get(res.headers.location as string)).body).toContain('确认导入 1 件')
    const other = await staff('czj.admin')
    expect((await other.get(res.headers.location as string)).statusCode).toBe(404)
    expect((await other.post(res.headers.location as string, {})).statusCode).toBe(404)
    expect((await office.post(res.headers.location as string, {})).statusCode).toBe(303)
  })

  it('offers templates in CSV and XLSX that pass the dry run as they are', async () => {
    const client = await staff('czj.admin')
    const csv = await client.get('/admin/requests/import/template.csv')
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.body.startsWith('\uFEFF收到申请日期,渠道,申请人类型,单位,答复日期,办理结果')).toBe(true)
    const xlsx = await app.inject({ method: 'GET', url: '/admin/requests/import/template.xlsx', cookies: Object.fromEntries(client.cookies), remoteAddress: client.ip })
    const rows = await parseHistoryXlsx(new Uint8Array(xlsx.rawPayload))
    expect(rows.map((r) => r['单位'])).toEqual(['czj', 'czj', 'czj'])
    await client.get('/admin/requests/import')
    const res = await upload(client, '模板.xlsx', xlsx.rawPayload)
    const page = await client.get(res.headers.location as string)
    expect(page.body).toMatch(/有问题<\/dt><dd>0 行/)
  })
})
