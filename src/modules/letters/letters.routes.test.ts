/** 公众诉求 back office over HTTP: the 公开办 screens and dispatches, the unit replies, the 公开办 releases; every route authorised. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, Client, staffClients, testConfig, text } from '../../../test/support/test-app.ts'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { createFieldCipher } from '../../platform/crypto/sm.ts'
import { findOrganisationByCode } from '../orgs/index.ts'
import { submitLetter } from './submit-letter.ts'

let database: TestDatabase
let app: Awaited<ReturnType<typeof buildTestApp>>['app']
const as = staffClients(() => app, '192.0.2.', 120)
let caseId = 0
let fgwId = 0

beforeAll(async () => {
  database = await openTestPglite()
  app = (await buildTestApp(database.db)).app
  const fgw = (await findOrganisationByCode(database.db, 'fgw'))!
  fgwId = fgw.id
  const ctx = { db: database.db, clock: fixedClock('2026-11-27T02:00:00Z'), cipher: createFieldCipher(testConfig().dataKey), security: {} as any, actor: null, ip: '198.51.100.90' }
  const sent = await submitLetter(ctx, fgw.regionId, {
    unit: '', category: 'complaint', subject: '天然气价格调整咨询', content: '听说天然气价格要调整，想了解调整的依据和听证安排。', name: '赵六', phone: '13600006666', publishConsent: 'yes', idempotencyKey: 'routes-test-key-0001',
  }, null, 'secret')
  caseId = sent.caseId
})
afterAll(async () => {
  await app.close()
  await database.close()
})

describe('公众诉求 back office', () => {
  it('lets the 公开办 screen and dispatch with a suggested unit, and the unit reply; masks contacts in lists', async () => {
    const gkb = await as('gkb')
    const list = await gkb.get('/admin/letters')
    expect(list.statusCode).toBe(200)
    expect(list.body).toContain('天然气价格调整咨询')
    expect(list.body).toContain('136****6666')
    expect(list.body).not.toContain('13600006666')

    const page = await gkb.get(`/admin/letters/${caseId}`)
    expect(text(page, 'h1')).toBe('天然气价格调整咨询')
    const bad = await gkb.post(`/admin/letters/${caseId}/screen`, { decision: 'petition', note: '' })
    expect(bad.statusCode).toBe(400)
    expect(text(bad, '.error-summary')).toContain('请写明告知来信人的说明')
    expect((await gkb.post(`/admin/letters/${caseId}/screen`, { decision: 'accept', note: '' })).statusCode).toBe(303)
    const toDispatch = await gkb.get(`/admin/letters/${caseId}`)
    expect(toDispatch.body).toContain('按转办目录建议')
    expect(toDispatch.body).toMatch(/区发展改革委<\/strong>（关键词：价格、天然气）/)
    expect((await gkb.post(`/admin/letters/${caseId}/dispatch`, { unit: String(fgwId) })).statusCode).toBe(303)

    const editor = await as('fgw.editor')
    const inbox = await editor.get('/admin/letters')
    expect(inbox.body).toContain('天然气价格调整咨询')
    await editor.get(`/admin/letters/${caseId}`)
    const withId = await editor.post(`/admin/letters/${caseId}/reply`, { reply: '价格调整依据为成本监审结果，联系人电话 13812345678。' })
    expect(withId.statusCode).toBe(400)
    expect(withId.body).toContain('可能含有个人信息')
    expect(withId.body).toContain('138****5678')
    const ok = await editor.post(`/admin/letters/${caseId}/reply`, { reply: '价格调整依据为成本监审结果，听证会安排将在区政府网站公告。' })
    expect(ok.statusCode).toBe(303)
    expect((await gkb.post(`/admin/letters/${caseId}/release`, {})).statusCode).toBe(303)
    const released = await gkb.get(`/admin/letters/${caseId}`)
    expect(released.body).toContain('已办结，待回访')
  })

  it('answers 404 to another unit, 403 to a section outsider, and refuses a step the unit may not take', async () => {
    const czj = await as('czj.editor')
    expect((await czj.get(`/admin/letters/${caseId}`)).statusCode).toBe(404)
    await czj.get('/admin/letters') // a page with forms: the client picks up its CSRF token
    expect((await czj.post(`/admin/letters/${caseId}/reply`, { reply: '别的单位的答复别的单位的答复' })).statusCode).toBe(404)
    expect((await czj.get('/admin/letters')).body).not.toContain('天然气价格调整咨询')
    const auditor = await as('auditor')
    expect((await auditor.get('/admin/letters')).statusCode).toBe(403)
    expect((await auditor.get(`/admin/letters/${caseId}`)).statusCode).toBe(404)
    const fgw = await as('fgw.editor')
    expect((await fgw.get('/admin/letters/calls/new')).statusCode).toBe(403)
    await fgw.get('/admin/letters')
    expect((await fgw.post(`/admin/letters/${caseId}/release`, {})).statusCode).toBe(400)
    const denied = await database.db.selectFrom('audit_log').select('action').where('outcome', '=', 'denied').where('action', 'like', 'letters.%').execute()
    expect(denied.length).toBeGreaterThan(0)
    expect((await new Client(app).get('/admin/letters')).statusCode).toBe(303)
  })

  it('shows the writer\'s full name and phone only through an audited POST; another unit gets 404 and the denial is audited', async () => {
    const auditRows = (action: string, outcome: string) => database.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('outcome', '=', outcome)
      .where('target_type', '=', 'letter_case').where('target_id', '=', String(caseId)).execute()
    const editor = await as('fgw.editor')
    const page = await editor.get(`/admin/letters/${caseId}`)
    expect(page.body).toContain('查看完整姓名和电话')
    expect(page.body).not.toContain('13600006666')
    expect(page.body).not.toContain('赵六')
    expect(await auditRows('letters.contact_revealed', 'success')).toHaveLength(0)

    const without = await editor.post(`/admin/letters/${caseId}/contact`, {}, { csrf: false })
    expect(without.statusCode).toBe(403)
    expect(await auditRows('letters.contact_revealed', 'success')).toHaveLength(0)

    const shown = await editor.post(`/admin/letters/${caseId}/contact`, {})
    expect(shown.statusCode).toBe(200)
    expect(text(shown, '.contact-details')).toContain('赵六　13600006666')
    const [row, ...more] = await auditRows('letters.contact_revealed', 'success')
    expect(more).toHaveLength(0)
    expect(row).toMatchObject({ actor_username: 'fgw.editor', organisation_id: fgwId, ip: '192.0.2.121' })
    expect(row!.occurred_at.toISOString()).toBe('2026-11-27T02:00:00.000Z')
    expect(JSON.stringify(row!.details)).not.toContain('13600006666')

    const czj = await as('czj.editor')
    await czj.get('/admin/letters')
    const deniedBefore = (await auditRows('letters.handle', 'denied')).length
    const refused = await czj.post(`/admin/letters/${caseId}/contact`, {})
    expect(refused.statusCode).toBe(404)
    expect(refused.body).not.toContain('13600006666')
    const denied = await auditRows('letters.handle', 'denied')
    expect(denied).toHaveLength(deniedBefore + 1)
    expect(denied.at(-1)).toMatchObject({ actor_username: 'czj.editor' })
    expect(await auditRows('letters.contact_revealed', 'success')).toHaveLength(1)
  })

  it('lets only the 公开办 convert an information request into one 依申请公开 case, which the writer can then track', async () => {
    const fgw = (await findOrganisationByCode(database.db, 'fgw'))!
    const ctx = { db: database.db, clock: fixedClock('2026-11-27T02:00:00Z'), cipher: createFieldCipher(testConfig().dataKey), security: {} as any, actor: null, ip: '198.51.100.91' }
    const sent = await submitLetter(ctx, fgw.regionId, {
      unit: '', category: 'consultation', subject: '申请公开天然气价格听证材料', content: '请公开今年天然气价格听证会的成本监审报告和听证笔录。', name: '钱七', phone: '13700007777', publishConsent: 'no', idempotencyKey: 'routes-test-key-0002',
    }, null, 'secret')
    const cases = async () => (await database.db.selectFrom('request_cases').select('id').execute()).length
    const before = await cases()
    for (const username of ['fgw.admin', 'fgw.editor', 'auditor']) {
      const outsider = await as(username)
      await outsider.get('/admin/letters/calls/new') // any page: the client picks up its CSRF token
      await outsider.get('/admin')
      expect((await outsider.post(`/admin/letters/${sent.caseId}/convert`, { requestUnit: String(fgw.id) })).statusCode).toBe(404)
    }
    expect(await cases()).toBe(before)

    const gkb = await as('gkb')
    const page = await gkb.get(`/admin/letters/${sent.caseId}`)
    expect(text(page, '#convert')).toBe('转为依申请公开')
    const missing = await gkb.post(`/admin/letters/${sent.caseId}/convert`, { requestUnit: '' })
    expect(missing.statusCode).toBe(400)
    expect(text(missing, '.error-summary')).toContain('请选择受理申请的单位')
    const first = await gkb.post(`/admin/letters/${sent.caseId}/convert`, { requestUnit: String(fgw.id) })
    expect(first.statusCode).toBe(303)
    expect((await gkb.post(`/admin/letters/${sent.caseId}/convert`, { requestUnit: String(fgw.id) })).statusCode).toBe(303)
    expect(await cases()).toBe(before + 1)
    const converted = await gkb.get(first.headers.location as string)
    expect(text(converted, '.notice')).toContain('已转为政府信息公开申请')
    const created = await database.db.selectFrom('request_cases').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(converted.body).toContain(`href="/admin/requests/${created.id}"`)
    expect(text(converted, 'main').replace(/-/g, '')).toContain(created.query_code)
    const requestPage = await gkb.get(`/admin/requests/${created.id}`)
    expect(requestPage.statusCode).toBe(200)
    expect(requestPage.body).toContain('待确认收到')

    const writer = new Client(app)
    await writer.get('/hudong/qzxx/chaxun')
    const followUp = await writer.post('/hudong/qzxx/chaxun', { code: sent.queryCode, phoneLast4: '7777' })
    expect(followUp.statusCode).toBe(200)
    expect(text(followUp, '#converted')).toBe('已转为政府信息公开申请')
    expect(text(followUp, '#request-code')).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    expect(text(followUp, 'main').replace(/-/g, '')).toContain(created.query_code)
    expect(followUp.body).toContain('href="/xxgk/ysqgk/chaxun"')
    await writer.get('/xxgk/ysqgk/chaxun')
    const tracked = await writer.post('/xxgk/ysqgk/chaxun', { code: created.query_code, phoneLast4: '7777' })
    expect(tracked.statusCode).toBe(303)
    const result = await writer.get(tracked.headers.location as string)
    expect(result.statusCode).toBe(200)
    expect(text(result, 'main').replace(/-/g, '')).toContain(created.query_code)
  })

  it('registers a hotline call answered on the spot', async () => {
    const gkb = await as('gkb')
    await gkb.get('/admin/letters/calls/new')
    const missing = await gkb.post('/admin/letters/calls/new', { channel: 'district_hotline', category: 'consultation', name: '', phone: '023-52012345', subject: '咨询社保卡补办', content: '来电咨询社保卡丢失后如何补办。', outcome: 'answered', answer: '', unit: '' })
    expect(missing.statusCode).toBe(400)
    expect(text(missing, '.error-summary')).toContain('请记录答复内容')
    const res = await gkb.post('/admin/letters/calls/new', { channel: 'district_hotline', category: 'consultation', name: '', phone: '023-52012345', subject: '咨询社保卡补办', content: '来电咨询社保卡丢失后如何补办。', outcome: 'answered', answer: '告知到区人力社保局服务大厅补办。', unit: '' })
    expect(res.statusCode).toBe(303)
    const page = await gkb.get(res.headers.location as string)
    expect(page.body).toContain('当场答复')
    expect(page.body).toContain('已办结，待回访')
  })

  it('publishes the consented, released letter in 信件选登 only after the 公开办 approves it, without the writer\'s contact', async () => {
    expect(await new Client(app).get('/hudong/qzxx/xuandeng').then((r) => r.body)).not.toContain('天然气价格调整咨询')
    const gkb = await as('gkb')
    const review = await gkb.get(`/admin/letters/xuandeng/${caseId}`)
    expect(review.statusCode).toBe(200)
    expect((await gkb.post(`/admin/letters/xuandeng/${caseId}`, { decision: 'approve', subject: '天然气价格调整咨询', content: text(review, '#f-content'), reply: text(review, '#f-reply') })).statusCode).toBe(303)
    const res = await new Client(app).get('/hudong/qzxx/xuandeng')
    expect(res.statusCode).toBe(200)
    expect(text(res, 'h1')).toBe('信件选登')
    expect(res.body).toContain('天然气价格调整咨询')
    expect(res.body).toContain('听证会安排将在区政府网站公告')
    expect(res.body).not.toContain('赵六')
    expect(res.body).not.toContain('13600006666')
  })
})
