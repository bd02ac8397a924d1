/** 附件 over HTTP: sniffed and size-limited uploads, scanned by the privacy gate, downloadable once published. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, Client, html, text } from '../../../test/support/test-app.ts'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'
import { buildDocx, syntheticIdNumber } from './privacy/privacy.fixtures.ts'

let database: TestDatabase
let app: Awaited<ReturnType<typeof buildTestApp>>['app']
let editor: Client
let reviewer: Client
let itemId = 0

/** A multipart/form-data body with the CSRF field and one file, as a browser sends it. */
function multipart(csrf: string, fileName: string, bytes: Uint8Array, type = 'application/octet-stream') {
  const boundary = '----gongkai-test-boundary'
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`)
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  return { payload: Buffer.concat([head, Buffer.from(bytes), tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

async function upload(client: Client, fileName: string, bytes: Uint8Array) {
  const body = multipart(client.csrf, fileName, bytes)
  return app.inject({ method: 'POST', url: `/admin/catalogue/${itemId}/attachments`, ...body, cookies: Object.fromEntries(client.cookies), remoteAddress: client.ip })
}

beforeAll(async () => {
  database = await openTestPglite()
  app = (await buildTestApp(database.db)).app
  editor = new Client(app, '192.0.2.150')
  await editor.signIn('czj.editor')
  reviewer = new Client(app, '192.0.2.151')
  await reviewer.signIn('czj.reviewer')
  await editor.get('/admin/catalogue/new')
  const res = await editor.post('/admin/catalogue/new', {
    title: '重庆市开州区财政局关于2026年区级部门预算公开的说明', docNo: '', issuingBody: '', writtenOn: '2026-11-10', section: 'czyjs', topic: '财政、金融、审计', genre: '其他',
    summary: '', body: '区级部门预算见附件。', disclosure: 'proactive', disclosureBasis: '', validity: '', effectiveOn: '', expiresOn: '',
  })
  itemId = Number(/\/admin\/catalogue\/(\d+)/.exec(res.headers.location as string)![1])
  await editor.get(`/admin/catalogue/${itemId}`)
})
afterAll(async () => {
  await app.close()
  await database.close()
})

describe('attachments', () => {
  it('refuses a file that is not what its name says, and an empty one, saving nothing', async () => {
    const exe = await upload(editor, '预算表.pdf', Buffer.from('MZ\x90\x00 this is a windows program'))
    expect(exe.statusCode).toBe(400)
    expect(text(exe, '.error-summary')).toContain('不是 PDF、Word（.docx）、Excel（.xlsx）或 PNG、JPEG 图片')
    const empty = await upload(editor, '空.pdf', new Uint8Array())
    expect(empty.statusCode).toBe(400)
    const rows = await database.db.selectFrom('catalogue_attachments').select('id').where('item_id', '=', itemId).execute()
    expect(rows).toEqual([])
  })

  it('stores a DOCX by its sniffed type, and the privacy gate finds an ID number inside it', async () => {
    const id = syntheticIdNumber('500154', '19800101', '456')
    const docx = await buildDocx(['2026年部门预算说明', `经办人身份证号码：${id}`])
    const res = await upload(editor, '部门预算说明.docx', docx)
    expect(res.statusCode).toBe(303)
    const page = await editor.get(`/admin/catalogue/${itemId}`)
    expect(text(page, '.attachments')).toContain('部门预算说明.docx（Word')
    const submit = await editor.post(`/admin/catalogue/${itemId}/submit`, {})
    expect(submit.statusCode).toBe(400)
    expect(text(submit, '.privacy')).toContain('附件《部门预算说明.docx》')
    expect(text(submit, '.privacy')).not.toContain(id)
  })

  it('submits once the attachment is replaced; after publication the public can download it', async () => {
    const page = await editor.get(`/admin/catalogue/${itemId}`)
    const remove = html(page).querySelector('.attachments form')!.getAttribute('action')!
    expect((await editor.post(remove, {})).statusCode).toBe(303)
    await editor.get(`/admin/catalogue/${itemId}`)
    expect((await upload(editor, '部门预算说明.docx', await buildDocx(['2026年部门预算说明', '经办：区财政局预算科']))).statusCode).toBe(303)
    await editor.get(`/admin/catalogue/${itemId}`)
    expect((await editor.post(`/admin/catalogue/${itemId}/submit`, {})).statusCode).toBe(303)
    await reviewer.get(`/admin/catalogue/${itemId}`)
    expect((await reviewer.post(`/admin/catalogue/${itemId}/approve`, {})).statusCode).toBe(303)
    expect((await reviewer.post(`/admin/catalogue/${itemId}/publish`, { publishAt: '' })).statusCode).toBe(303)
    const publicPage = await app.inject(`/xxgk/xinxi/${itemId}`)
    const link = html(publicPage).querySelector('.attachments a')!
    expect(link.text).toBe('部门预算说明.docx')
    const file = await app.inject(link.getAttribute('href')!)
    expect(file.statusCode).toBe(200)
    expect(file.headers['content-type']).toContain('wordprocessingml')
    expect(String(file.headers['content-disposition'])).toContain("filename*=UTF-8''%E9%83%A8%E9%97%A8")
    expect(file.headers['x-content-type-options']).toBe('nosniff')
    expect((await app.inject(`/xxgk/xinxi/${itemId}/fujian/999999`)).statusCode).toBe(404)
  })

  it('refuses an upload without the CSRF token', async () => {
    const body = multipart('forged', 'x.docx', await buildDocx(['x']))
    const res = await app.inject({ method: 'POST', url: `/admin/catalogue/${itemId}/attachments`, ...body, cookies: Object.fromEntries(editor.cookies), remoteAddress: editor.ip })
    expect(res.statusCode).toBe(403)
  })

  it('hides the attachments of another unit’s item', async () => {
    const other = new Client(app, '192.0.2.152')
    await other.signIn('fgw.editor')
    await other.get('/admin/catalogue')
    expect((await other.get(`/admin/catalogue/${itemId}/attachments/1`)).statusCode).toBe(404)
    const res = await app.inject({ method: 'POST', url: `/admin/catalogue/${itemId}/attachments`, ...multipart(other.csrf, 'x.docx', await buildDocx(['x'])), cookies: Object.fromEntries(other.cookies), remoteAddress: other.ip })
    expect(res.statusCode).toBe(404)
  })
})

describe('发布渠道', () => {
  it('records the other channels of a published item, refusing bad input', async () => {
    await reviewer.get(`/admin/catalogue/${itemId}`)
    const bad = await reviewer.post(`/admin/catalogue/${itemId}/channels`, { channel: 'wechat', publishedOn: '2026-13-01', reference: '' })
    expect(bad.statusCode).toBe(400)
    expect(text(bad, '.error-summary')).toContain('请填写发布日期')
    const ok = await reviewer.post(`/admin/catalogue/${itemId}/channels`, { channel: 'wechat', publishedOn: '2026-11-26', reference: '开州发布 推文' })
    expect(ok.statusCode).toBe(303)
    const page = await reviewer.get(`/admin/catalogue/${itemId}`)
    expect(text(page, 'main')).toContain('政务微信，2026-11-26，开州发布 推文')
  })
})
