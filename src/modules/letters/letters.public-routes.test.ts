/** The 区长信箱 over HTTP: writing (multipart, no JavaScript), clear messages, one case per form, follow-up, rating. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, Client, html, text } from '../../../test/support/test-app.ts'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'

let database: TestDatabase
let app: Awaited<ReturnType<typeof buildTestApp>>['app']

/** A multipart/form-data body as a browser sends the letter form. */
function multipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer }) {
  const boundary = '----gongkai-letter-boundary'
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.bytes, Buffer.from('\r\n'))
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

async function write(client: Client, fields: Record<string, string>, file?: { name: string; bytes: Buffer }) {
  const form = await client.get('/hudong/qzxx/xiexin')
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.body)![1]!
  const body = multipart({ _csrf: client.csrf, idempotencyKey: key, unit: '', category: 'complaint', subject: '小区门口路灯不亮', content: '小区门口的路灯坏了两个月，晚上出行很不方便。', name: '王五', phone: '13700001234', publishConsent: 'no', ...fields }, file)
  const res = await app.inject({ method: 'POST', url: '/hudong/qzxx/xiexin', ...body, cookies: Object.fromEntries(client.cookies), remoteAddress: client.ip })
  return { res, key, body }
}

beforeAll(async () => {
  database = await openTestPglite()
  app = (await buildTestApp(database.db)).app
})
afterAll(async () => {
  await app.close()
  await database.close()
})

describe('区长信箱 (public)', () => {
  it('shows the mailbox with its acceptance scope', async () => {
    const res = await new Client(app).get('/hudong/qzxx')
    expect(res.statusCode).toBe(200)
    expect(text(res, 'h1')).toBe('区长信箱')
    expect(res.body).toContain('政府工作职责、办事程序和政策法规咨询')
  })

  it('takes a letter without an account and gives a receipt with a query code; a double submission makes one case', async () => {
    const client = new Client(app, '203.0.113.61')
    const { res, body } = await write(client, {})
    expect(res.statusCode).toBe(201)
    expect(text(res, 'h1')).toBe('信件已提交')
    const code = /class="query-code">([A-Z2-9-]+)</.exec(res.body)![1]!
    const again = await app.inject({ method: 'POST', url: '/hudong/qzxx/xiexin', ...body, cookies: Object.fromEntries(client.cookies), remoteAddress: client.ip })
    expect(again.statusCode).toBe(200)
    expect(again.body).toContain('没有重复登记')
    expect(again.body).toContain(code)
    expect(await database.db.selectFrom('letter_cases').select('id').where('subject', '=', '小区门口路灯不亮').execute()).toHaveLength(1)

    const lookup = await client.post('/hudong/qzxx/chaxun', { code, phoneLast4: '1234' })
    expect(lookup.statusCode).toBe(200)
    expect(text(lookup, 'h1')).toBe('小区门口路灯不亮')
    expect(lookup.body).toContain('已收到，等待受理')
    expect(lookup.body).not.toContain('王五')
    expect(lookup.body).not.toContain('13700001234')
    const wrong = await client.post('/hudong/qzxx/chaxun', { code, phoneLast4: '9999' })
    expect(wrong.statusCode).toBe(400)
    expect(text(wrong, '.error-summary')).toContain('查询码或电话号码后四位不正确')
  })

  it('says what to fix for an empty or oversized letter, and saves nothing', async () => {
    const client = new Client(app, '203.0.113.62')
    const empty = await write(client, { subject: '', content: '', category: '', phone: '' })
    expect(empty.res.statusCode).toBe(400)
    const summary = text(empty.res, '.error-summary')
    expect(summary).toContain('请选择诉求类别')
    expect(summary).toContain('请填写信件标题')
    expect(summary).toContain('请填写信件内容')
    expect(summary).toContain('请填写联系电话')
    const long = await write(client, { content: '很'.repeat(2001) })
    expect(long.res.statusCode).toBe(400)
    expect(text(long.res, '.error-summary')).toContain('不能超过 2000 个字')
    const huge = await write(client, { content: '长'.repeat(5000) })
    expect(huge.res.statusCode).toBe(400)
    expect(text(huge.res, '.error-summary')).toContain('信件内容太长')
    expect(await database.db.selectFrom('letter_cases').select('id').where('contact_phone_masked', '=', '137****1234').where('source_hash', 'is not', null).execute()).toHaveLength(1)
  })

  it('refuses an unsupported attachment with a clear message and keeps what was typed', async () => {
    const client = new Client(app, '203.0.113.63')
    const { res } = await write(client, { subject: '附件测试信件' }, { name: '照片.jpg', bytes: Buffer.from('MZ\x90\x00 this is a program') })
    expect(res.statusCode).toBe(400)
    expect(text(res, '.error-summary')).toContain('不能上传')
    expect(res.body).toContain('value="附件测试信件"')
  })

  it('stops a flood from one source with a message that points to the phone line', async () => {
    const client = new Client(app, '203.0.113.64')
    for (let i = 0; i < 5; i++) expect((await write(client, { subject: `第${i}封信` })).res.statusCode).toBe(201)
    const sixth = await write(client, { subject: '第6封信' })
    expect(sixth.res.statusCode).toBe(429)
    expect(text(sixth.res, '.error-summary')).toContain('请稍后再写')
    expect((await write(new Client(app, '203.0.113.65'), {})).res.statusCode).toBe(201)
  })

  it('refuses a letter without the CSRF token', async () => {
    const client = new Client(app, '203.0.113.66')
    const { res } = await write(client, { _csrf: 'forged' })
    expect(res.statusCode).toBe(403)
  })

  it('publishes the month\'s figures with their denominators, per channel and unit', async () => {
    const n = (await database.db.selectFrom('letter_cases').select('id').execute()).length
    const res = await new Client(app).get('/hudong/qzxx/tongji?month=2026-11')
    expect(res.statusCode).toBe(200)
    expect(text(res, 'h1')).toBe('2026年11月信件办理情况')
    expect(res.body).toContain(`<th scope="row">区长公开信箱</th><td>${n}</td><td>0</td><td>0%（0/${n}）</td>`)
    expect(res.body).toContain('未转办（当场答复或不予受理）')
    // The unit table ends with its total, rates with their denominators, and says it is not a ranking.
    const unitRows = html(res).querySelectorAll('table')[1]!.querySelectorAll('tbody tr')
    expect(unitRows.at(-1)!.querySelectorAll('th, td').map((c) => c.text.trim()).slice(0, 4)).toEqual(['合计', String(n), '0', `0%（0/${n}）`])
    expect(text(res, 'main')).toContain('不排名')
  })

  it('gives each unit a page of its last twelve months with denominators; other ids are not found', async () => {
    const fgw = (await database.db.selectFrom('organisations').select(['id', 'region_id']).where('code', '=', 'fgw').executeTakeFirstOrThrow())
    const res = await new Client(app).get(`/hudong/qzxx/tongji/danwei/${fgw.id}`)
    expect(res.statusCode).toBe(200)
    expect(text(res, 'h1')).toBe('区发展改革委信件办理情况')
    const rows = html(res).querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('th, td').map((c) => c.text.trim()))
    expect(rows).toHaveLength(12)
    expect(rows[0]![0]).toBe('2026年11月')
    for (const row of rows) expect(row[3]).toMatch(/^(—|[\d.]+%)（\d+\/\d+）$/)
    expect((await new Client(app).get('/hudong/qzxx/tongji/danwei/999999')).statusCode).toBe(404)
    expect((await new Client(app).get('/hudong/qzxx/tongji/danwei/abc')).statusCode).toBe(404)
    expect((await new Client(app).get('/hudong/qzxx/tongji?month=1999-01')).body).toContain('2026年11月信件办理情况')
  })

  it('pauses follow-up lookups from an address after ten wrong answers, without blocking others', async () => {
    const guesser = new Client(app, '203.0.113.70')
    await guesser.get('/hudong/qzxx/chaxun')
    for (let i = 0; i < 10; i++) expect((await guesser.post('/hudong/qzxx/chaxun', { code: 'ABCDE-FGHJK', phoneLast4: String(1000 + i) })).statusCode).toBe(400)
    const paused = await guesser.post('/hudong/qzxx/chaxun', { code: 'ABCDE-FGHJK', phoneLast4: '2000' })
    expect(paused.statusCode).toBe(429)
    expect(text(paused, '.error-summary')).toContain('输错次数过多')
    const other = new Client(app, '203.0.113.71')
    await other.get('/hudong/qzxx/chaxun')
    expect((await other.post('/hudong/qzxx/chaxun', { code: 'ABCDE-FGHJK', phoneLast4: '2000' })).statusCode).toBe(400)
  })
})
