/** HTTP tests of the requests wing: public application and tracking, staff pages, authorisation per unit and role. */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, Client, html, staffClients, text } from '../../../test/support/test-app.ts'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'
import { findOrganisationByCode } from '../orgs/index.ts'

let database: TestDatabase
let app: FastifyInstance
let staff: (username: string) => Promise<Client>
let fgwId: number

beforeAll(async () => {
  database = await openTestPglite()
  app = (await buildTestApp(database.db)).app
  staff = staffClients(() => app, '192.0.2.')
  fgwId = (await findOrganisationByCode(database.db, 'fgw'))!.id
})
afterAll(async () => {
  await app?.close()
  await database?.close()
})

const APPLICATION = {
  organisationId: '', applicantCategory: 'natural_person', name: '王小红', contactPerson: '', idType: 'resident_id', idNumber: '500234199001011232',
  phone: '13800138000', email: '', address: '', postcode: '', informationName: '某某街道2026年防汛应急预案', docNo: '', description: '', wantedForm: 'electronic', delivery: 'online',
}

async function apply(client: Client, overrides: Record<string, string> = {}) {
  const form = await client.get('/xxgk/ysqgk/shenqing')
  const formKey = /name="formKey" value="([0-9a-f]{32})"/.exec(form.body)![1]!
  return { formKey, res: await client.post('/xxgk/ysqgk/shenqing', { ...APPLICATION, organisationId: String(fgwId), formKey, checked: '1', ...overrides }) }
}

function queryCodeOf(body: string): string {
  return /class="query-code"[^>]*>([A-Z0-9-]+)</.exec(body)![1]!
}

describe('online application', () => {
  it('lists everything missing from an incomplete application and creates nothing', async () => {
    const client = new Client(app, '198.51.100.1')
    const before = await database.db.selectFrom('request_cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    const { res } = await apply(client, { name: '', idNumber: '50023419900101123X', phone: '12', informationName: '', delivery: 'post' })
    expect(res.statusCode).toBe(400)
    const messages = html(res).querySelectorAll('.error-summary__list li').map((li) => li.text)
    expect(messages).toEqual(expect.arrayContaining(['请填写申请人姓名或者单位名称', '居民身份证号码的校验位不对，请核对后重新填写', '请填写联系电话，如 13912345678 或 023-52212345',
      '请填写所需信息的名称、文号或者便于查询的特征性描述（至少一项）', '选择邮寄的，请填写通信地址']))
    const after = await database.db.selectFrom('request_cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
  })

  it('gives a receipt with query code and fingerprint, and one case for a double submission', async () => {
    const client = new Client(app, '198.51.100.2')
    const { formKey, res } = await apply(client)
    expect(res.statusCode).toBe(200)
    expect(text(res, 'h1')).toBe('申请已提交')
    const code = queryCodeOf(res.body)
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    expect(res.body).toMatch(/<code class="fingerprint">[0-9a-f]{64}<\/code>/)
    const again = await client.post('/xxgk/ysqgk/shenqing', { ...APPLICATION, organisationId: String(fgwId), formKey, checked: '1' })
    expect(again.body).toContain('这份申请之前已经提交过')
    expect(queryCodeOf(again.body)).toBe(code)
    const rows = await database.db.selectFrom('request_cases').select('id').where('idempotency_key', '=', formKey).execute()
    expect(rows).toHaveLength(1)
  })

  it('shows the tracking page to whoever has the code and the phone digits, without personal data', async () => {
    const applicant = new Client(app, '198.51.100.3')
    const code = queryCodeOf((await apply(applicant)).res.body)
    const visitor = new Client(app, '198.51.100.4')
    await visitor.get('/xxgk/ysqgk/chaxun')
    const wrong = await visitor.post('/xxgk/ysqgk/chaxun', { code, phoneLast4: '0000' })
    expect(wrong.statusCode).toBe(404)
    const right = await visitor.post('/xxgk/ysqgk/chaxun', { code, phoneLast4: '8000' })
    expect(right.statusCode).toBe(303)
    const page = await visitor.get('/xxgk/ysqgk/chaxun/jieguo')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('待确认收到')
    for (const secret of ['王小红', '500234', '13800138000', '1232']) expect(page.body).not.toContain(secret)
    const stranger = new Client(app, '198.51.100.5')
    expect((await stranger.get('/xxgk/ysqgk/chaxun/jieguo')).statusCode).toBe(303)
  })
})

describe('staff pages', () => {
  let caseId: number
  beforeAll(async () => {
    await apply(new Client(app, '198.51.100.9'), { name: '赵大成', informationName: '开州区2026年重点项目名单' })
    caseId = (await database.db.selectFrom('request_cases').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id
  })

  it('keeps the public out of staff pages', async () => {
    const anonymous = new Client(app, '198.51.100.20')
    for (const url of ['/admin/requests', `/admin/requests/${caseId}`, '/admin/requests/new']) {
      const res = await anonymous.get(url)
      expect(res.statusCode).toBe(303)
      expect(res.headers.location).toContain('/admin/login')
    }
  })

  it('lists the unit\'s cases for its staff, every unit\'s for the 公开办, and none of them for another unit', async () => {
    const own = await (await staff('fgw.editor')).get('/admin/requests')
    expect(own.body).toContain(`/admin/requests/${caseId}`)
    expect(own.body).toContain('赵**')
    expect(own.body).not.toContain('赵大成')
    const other = await (await staff('czj.editor')).get('/admin/requests')
    expect(other.statusCode).toBe(200)
    expect(other.body).not.toContain(`/admin/requests/${caseId}"`)
    const gkb = await (await staff('gkb')).get('/admin/requests')
    expect(gkb.body).toContain(`/admin/requests/${caseId}`)
    expect(gkb.body).toContain('各单位办理情况')
  })

  it('answers 404 to another unit on every case route, and changes nothing', async () => {
    const czj = await staff('czj.editor')
    expect((await czj.get(`/admin/requests/${caseId}`)).statusCode).toBe(404)
    expect((await czj.post(`/admin/requests/${caseId}/steps/receipt_confirmed`, { 'receipt_confirmed.on': '2026-11-27' })).statusCode).toBe(404)
    expect((await czj.post(`/admin/requests/${caseId}/applicant`, {})).statusCode).toBe(404)
    expect((await czj.get(`/admin/requests/${caseId}/documents/1.docx`)).statusCode).toBe(404)
    const row = await database.db.selectFrom('request_cases').select('state').where('id', '=', caseId).executeTakeFirstOrThrow()
    expect(row.state).toBe('awaiting_receipt')
    const denied = await database.db.selectFrom('audit_log').select('action').where('outcome', '=', 'denied').where('target_id', '=', String(caseId)).execute()
    expect(denied.length).toBeGreaterThanOrEqual(3)
  })

  it('refuses a step the rules do not allow with the Chinese reason', async () => {
    const fgw = await staff('fgw.editor')
    const res = await fgw.post(`/admin/requests/${caseId}/steps/correction_received`, { 'correction_received.on': '2026-11-27' })
    expect(res.statusCode).toBe(409)
    expect(text(res, '.error-summary')).toContain('不能记录收到补正')
    const bad = await fgw.post(`/admin/requests/${caseId}/steps/receipt_confirmed`, { 'receipt_confirmed.on': '2026-02-30' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('应写成 YYYY-MM-DD')
  })

  it('confirms receipt, issues the receipt letter as DOCX, and shows the clock', async () => {
    const fgw = await staff('fgw.editor')
    const res = await fgw.post(`/admin/requests/${caseId}/steps/receipt_confirmed`, { 'receipt_confirmed.on': '2026-11-27' })
    expect(res.statusCode).toBe(303)
    const page = await fgw.get(`/admin/requests/${caseId}`)
    expect(page.body).toContain('办理中')
    expect(page.body).toContain('期限计算过程')
    expect(page.body).toContain('2026-12-25')
    const docId = /\/documents\/(\d+)\.docx/.exec(page.body)![1]
    const docx = await fgw.get(`/admin/requests/${caseId}/documents/${docId}.docx`)
    expect(docx.headers['content-type']).toContain('wordprocessingml')
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK')
  })

  it('shows the identity number unmasked only on request, to the handling unit, and audits it', async () => {
    const fgw = await staff('fgw.editor')
    const page = await fgw.get(`/admin/requests/${caseId}`)
    expect(page.body).toContain('5002**********1232')
    expect(page.body).not.toContain('500234199001011232')
    const revealed = await fgw.post(`/admin/requests/${caseId}/applicant`, {})
    expect(revealed.body).toContain('500234199001011232')
    const audit = await database.db.selectFrom('audit_log').select('action').where('action', '=', 'request.reveal_identity').where('outcome', '=', 'success').execute()
    expect(audit.length).toBe(1)
    const gkb = await staff('gkb')
    expect((await gkb.post(`/admin/requests/${caseId}/applicant`, {})).body).toContain('500234199001011232')
  })

  it('lets only the head approve an extension', async () => {
    const editor = await staff('fgw.editor')
    const page = await editor.get(`/admin/requests/${caseId}`)
    expect(page.body).not.toContain('/steps/extension_granted')
    expect((await editor.post(`/admin/requests/${caseId}/steps/extension_granted`, { 'extension_granted.on': '2026-11-27', 'extension_granted.workingDays': '10', 'extension_granted.reason': '需要检索' })).statusCode).toBe(403)
    const head = await staff('fgw.head')
    expect((await head.get(`/admin/requests/${caseId}`)).body).toContain('/steps/extension_granted')
    expect((await head.post(`/admin/requests/${caseId}/steps/extension_granted`, { 'extension_granted.on': '2026-11-27', 'extension_granted.workingDays': '10', 'extension_granted.reason': '需要检索' })).statusCode).toBe(303)
  })

  it('registers an application received in person, with the receipt date of 第三十一条', async () => {
    const fgw = await staff('fgw.editor')
    const form = await fgw.get('/admin/requests/new')
    const formKey = /name="formKey" value="([0-9a-f]{32})"/.exec(form.body)![1]!
    const res = await fgw.post('/admin/requests/new', { ...APPLICATION, organisationId: String(fgwId), formKey, channel: 'in_person', submittedOn: '2026-11-20', signedForOn: '', arrivedOn: '', confirmedOn: '' })
    expect(res.statusCode).toBe(303)
    const page = await fgw.get(res.headers.location as string)
    expect(page.body).toContain('2026-11-20')
    expect(page.body).toContain('办理中')
    const czj = await staff('czj.editor')
    const f2 = await czj.get('/admin/requests/new')
    const k2 = /name="formKey" value="([0-9a-f]{32})"/.exec(f2.body)![1]!
    const other = await czj.post('/admin/requests/new', { ...APPLICATION, organisationId: String(fgwId), formKey: k2, channel: 'in_person', submittedOn: '2026-11-20' })
    expect(other.statusCode).toBe(400)
    expect(other.body).toContain('只能登记本单位收到的申请')
  })

  it('shows table 三 with drill-down to the unit\'s own cases, and the region to the 公开办', async () => {
    const fgw = await staff('fgw.editor')
    const page = await fgw.get('/admin/requests/tongji?year=2026')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('本年新收政府信息公开申请数量')
    const link = /href="(\/admin\/requests\/tongji\/anjian\?year=2026&amp;unit=\d+&amp;table=2021&amp;row=new_received&amp;col=total)"/.exec(page.body)
    expect(link).not.toBeNull()
    const drill = await fgw.get(link![1]!.replace(/&amp;/g, '&'))
    expect(drill.body).toContain(`/admin/requests/${caseId}"`)
    const czj = await staff('czj.editor')
    // Another unit's drill-down is not found (statistics.routes.test.ts covers the audit).
    const other = await czj.get(`/admin/requests/tongji/anjian?year=2026&unit=${fgwId}&table=2021&row=new_received&col=total`)
    expect(other.statusCode).toBe(404)
    expect(other.body).not.toContain(`/admin/requests/${caseId}"`)
    const gkb = await staff('gkb')
    expect((await gkb.get('/admin/requests/tongji/anjian?year=2026&unit=all&table=2021&row=new_received&col=total')).body).toContain(`/admin/requests/${caseId}"`)
  })

  it('drafts a 主动公开 item only for a group of the unit\'s own requests', async () => {
    const anonymous = new Client(app, '198.51.100.21')
    await anonymous.get('/xxgk/ysqgk/chaxun')
    const res = await anonymous.post('/admin/requests/zhudong', { requestIds: String(caseId) })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toContain('/admin/login')
    const before = await database.db.selectFrom('catalogue_items').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    const czj = await staff('czj.editor')
    await czj.get('/admin/requests')
    const refused = await czj.post('/admin/requests/zhudong', { requestIds: String(caseId) })
    expect(refused.statusCode).toBe(409)
    expect(refused.body).toContain('不再符合')
    const after = await database.db.selectFrom('catalogue_items').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
  })
})
