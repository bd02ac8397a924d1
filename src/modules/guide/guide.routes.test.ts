/**
 * The 指南 settings pages over HTTP: the 公开办 edits any unit, a unit administrator only their own (another unit's
 * page answers 404, the section answers 403 to those without the role), bad input gets Chinese field messages and
 * changes nothing, and a save shows on the public guide at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, html, staffClients, text } from '../../../test/support/test-app.ts'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'
import { findOrganisationByCode } from '../orgs/index.ts'
import { findDisclosureSettings } from './guide.repository.ts'

let database: TestDatabase
let app: Awaited<ReturnType<typeof buildTestApp>>['app']
const as = staffClients(() => app, '192.0.2.', 120)
let fgw = 0
let czj = 0

const FORM = {
  officeName: '区发展改革委办公室', address: '重庆市开州区汉丰街道云枫路1号', postcode: '405400', officeHours: '工作日 9:00—12:00，14:00—18:00',
  phone: '023-52220001', fax: '', email: 'fgw@example.gov.cn', channels: ['in_person', 'email'], introduction: '为便于获取本委政府信息，编制本指南。', additionalNotes: '',
}

beforeAll(async () => {
  database = await openTestPglite()
  app = (await buildTestApp(database.db)).app
  fgw = (await findOrganisationByCode(database.db, 'fgw'))!.id
  czj = (await findOrganisationByCode(database.db, 'czj'))!.id
})
afterAll(async () => {
  await app.close()
  await database.close()
})

describe('the 指南 settings list', () => {
  it('sends a visitor who is not signed in to the sign-in page', async () => {
    const res = await app.inject('/admin/disclosure-guides')
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toContain('/admin/login')
  })

  it('shows the 公开办 every unit with the state of its guide, and the nav item', async () => {
    const res = await (await as('gkb')).get('/admin/disclosure-guides')
    expect(res.statusCode).toBe(200)
    expect(text(res, 'h1')).toBe('政府信息公开指南')
    const rows = html(res).querySelectorAll('tbody tr').map((r) => r.text)
    expect(rows.find((r) => r.includes('重庆市开州区人民政府办公室'))).toContain('已填写')
    expect(rows.find((r) => r.includes('重庆市开州区发展和改革委员会'))).toContain('未填写')
    expect(html(res).querySelectorAll('a').map((a) => a.getAttribute('href'))).toContain('/admin/disclosure-guides')
  })

  it('takes a unit administrator straight to their own unit', async () => {
    const res = await (await as('fgw.admin')).get('/admin/disclosure-guides')
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe(`/admin/disclosure-guides/${fgw}`)
  })

  it.each(['fgw.editor', 'sysadmin', 'auditor'])('answers %s with 403 and no nav item', async (username) => {
    const client = await as(username)
    const res = await client.get('/admin/disclosure-guides')
    expect(res.statusCode).toBe(403)
    const home = await client.get('/admin')
    expect(home.body).not.toContain('href="/admin/disclosure-guides"')
  })
})

describe('one unit’s 指南 settings', () => {
  it('prefills a first form from the unit’s profile and says the guide is not filled in yet', async () => {
    const res = await (await as('fgw.admin')).get(`/admin/disclosure-guides/${fgw}`)
    expect(res.statusCode).toBe(200)
    expect(text(res, 'h1')).toBe('重庆市开州区发展和改革委员会：政府信息公开指南')
    expect(text(res, 'main')).toContain('本单位尚未填写指南')
    expect(html(res).querySelector('#f-officeHours')?.getAttribute('value')).toContain('工作日')
    expect(html(res).querySelector('input[name="_csrf"]')).not.toBeNull()
  })

  it('refuses bad input with Chinese messages for each field and saves nothing', async () => {
    const client = await as('fgw.admin')
    await client.get(`/admin/disclosure-guides/${fgw}`)
    const res = await client.post(`/admin/disclosure-guides/${fgw}`, { ...FORM, phone: '5222', postcode: '4054', email: 'fgw@', officeName: '' })
    expect(res.statusCode).toBe(400)
    const summary = text(res, '.error-summary')
    expect(summary).toContain('请填写政府信息公开工作机构的名称')
    expect(summary).toContain('邮政编码是 6 位数字')
    expect(summary).toContain('请填写有效的电话号码')
    expect(summary).toContain('请填写有效的电子邮箱')
    // What was typed stays in the form.
    expect(html(res).querySelector('#f-phone')?.getAttribute('value')).toBe('5222')
    expect(await findDisclosureSettings(database.db, fgw)).toBeUndefined()
  })

  it('refuses a post without the CSRF token', async () => {
    const client = await as('fgw.admin')
    const res = await client.post(`/admin/disclosure-guides/${fgw}`, FORM, { csrf: false })
    expect(res.statusCode).toBe(403)
    expect(await findDisclosureSettings(database.db, fgw)).toBeUndefined()
  })

  it('saves the unit administrator’s own guide, and the public guide shows it at once', async () => {
    const before = await app.inject('/xxgk/zhinan/fgw')
    expect(text(before, 'main')).toContain('本单位尚未填写')
    const client = await as('fgw.admin')
    await client.get(`/admin/disclosure-guides/${fgw}`)
    const res = await client.post(`/admin/disclosure-guides/${fgw}`, FORM)
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe(`/admin/disclosure-guides/${fgw}?done=saved`)
    const done = await client.get(res.headers.location as string)
    expect(text(done, '.notice')).toContain('指南已保存')
    const after = await app.inject('/xxgk/zhinan/fgw')
    expect(after.headers['x-page-cache']).toBeUndefined()
    expect(text(after, 'main')).toContain('区发展改革委办公室')
    expect(text(after, 'main')).toContain('更新日期：2026-11-27')
    expect(text(after, 'main')).not.toContain('本单位尚未填写')
  })

  it('offers 网上申请 in the settings form and links the online form and tracking page in the saved guide', async () => {
    const client = await as('gkb')
    const form = await client.get(`/admin/disclosure-guides/${fgw}`)
    expect(form.body).toMatch(/name="channels" value="online"/)
    expect((await client.post(`/admin/disclosure-guides/${fgw}`, { ...FORM, channels: ['online', 'in_person'] })).statusCode).toBe(303)
    const guide = await app.inject('/xxgk/zhinan/fgw')
    expect(guide.body).toContain('href="/xxgk/ysqgk/shenqing"')
    expect(guide.body).toContain('href="/xxgk/ysqgk/chaxun"')
    expect(text(guide, 'main')).toContain('受理渠道网上申请、当面提交')
  })

  it('answers another unit’s administrator with 404 for the page and the post, and changes nothing', async () => {
    const client = await as('fgw.admin')
    expect((await client.get(`/admin/disclosure-guides/${czj}`)).statusCode).toBe(404)
    const res = await client.post(`/admin/disclosure-guides/${czj}`, { ...FORM, officeName: '篡改' })
    expect(res.statusCode).toBe(404)
    expect(await findDisclosureSettings(database.db, czj)).toBeUndefined()
    const denial = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'disclosureGuide.edit').where('outcome', '=', 'denied').where('actor_username', '=', 'fgw.admin').execute()
    expect(denial.length).toBeGreaterThanOrEqual(2)
  })

  it('answers an editor with 404 even for their own unit', async () => {
    expect((await (await as('fgw.editor')).get(`/admin/disclosure-guides/${fgw}`)).statusCode).toBe(404)
  })

  it('lets the 公开办 edit any unit, and answers an unknown or malformed id with 404', async () => {
    const client = await as('gkb')
    await client.get(`/admin/disclosure-guides/${czj}`)
    const res = await client.post(`/admin/disclosure-guides/${czj}`, { ...FORM, officeName: '区财政局办公室', email: '', channels: 'in_person' })
    expect(res.statusCode).toBe(303)
    expect((await findDisclosureSettings(database.db, czj))!.officeName).toBe('区财政局办公室')
    expect((await client.get('/admin/disclosure-guides/999999')).statusCode).toBe(404)
    expect((await client.get('/admin/disclosure-guides/abc')).statusCode).toBe(404)
  })

  it('escapes what a unit types into its own text', async () => {
    const client = await as('gkb')
    await client.get(`/admin/disclosure-guides/${czj}`)
    await client.post(`/admin/disclosure-guides/${czj}`, { ...FORM, additionalNotes: '<script>alert(1)</script>' })
    const res = await app.inject('/xxgk/zhinan/czj')
    expect(res.body).not.toContain('<script>alert(1)</script>')
    expect(res.body).toContain('&lt;script')
    expect(text(res, 'main')).toContain('<script>alert(1)</script>')
  })
})
