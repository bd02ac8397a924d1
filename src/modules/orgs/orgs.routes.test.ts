/** Back-office routes over HTTP: sign-in, and authorisation on every route (unit scope, 三员分立). */
import { describe, expect, it } from 'vitest'
import { Client, html, staffClients, text, useTestApp } from '../../../test/support/test-app.ts'
import { findOrganisationByCode, findUserByUsername } from './orgs.repository.ts'

const site = useTestApp()
const as = staffClients(() => site.app, '203.0.113.', 20)

describe('sign-in', () => {
  it('shows a Chinese sign-in page with a CSRF token', async () => {
    const res = await new Client(site.app).get('/admin/login')
    expect(res.statusCode).toBe(200)
    expect(text(res, 'h1')).toBe('工作人员登录')
    expect(res.body).toMatch(/name="_csrf" value="[^"]+"/)
  })

  it('sends a visitor who is not signed in to the sign-in page, remembering where they were going', async () => {
    const res = await new Client(site.app).get('/admin/users')
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/admin/login?return=%2Fadmin%2Fusers')
  })

  it('signs in, sets an httpOnly SameSite session cookie and lands on the dashboard of the unit', async () => {
    const client = new Client(site.app, '203.0.113.5')
    const res = await client.signIn('fgw.editor')
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/admin')
    const cookie = res.cookies.find((c) => c.name === 'gk_session')!
    expect(cookie.httpOnly).toBe(true)
    expect(cookie.sameSite).toBe('Lax')
    const dashboard = await client.get('/admin')
    expect(dashboard.statusCode).toBe(200)
    expect(dashboard.body).toContain('重庆市开州区发展和改革委员会')
    expect(text(dashboard, 'h1')).toBe('工作台')
  })

  it('issues a new session token at every sign-in (no fixation)', async () => {
    const client = new Client(site.app, '203.0.113.6')
    client.cookies.set('gk_session', 'planted-by-an-attacker-0123456789')
    await client.signIn('fgw.head')
    const first = client.cookies.get('gk_session')
    expect(first).not.toBe('planted-by-an-attacker-0123456789')
    await client.get('/admin')
    await client.post('/admin/logout', {})
    await client.signIn('fgw.head')
    expect(client.cookies.get('gk_session')).toBeDefined()
    expect(client.cookies.get('gk_session')).not.toBe(first)
  })

  it('returns to the page asked for, but never to another site', async () => {
    const client = new Client(site.app, '203.0.113.7')
    await client.get('/admin/login?return=%2Fadmin%2Forganisations')
    const res = await client.post('/admin/login?return=%2Fadmin%2Forganisations', { username: 'gkb', password: 'Kaizhou#2026' })
    expect(res.headers.location).toBe('/admin/organisations')
    const evil = new Client(site.app, '203.0.113.8')
    await evil.get('/admin/login')
    const res2 = await evil.post('/admin/login?return=%2F%2Fevil.example', { username: 'gkb', password: 'Kaizhou#2026' })
    expect(res2.headers.location).toBe('/admin')
  })

  it('answers a wrong password with a Chinese message and the attempts left', async () => {
    const client = new Client(site.app, '203.0.113.9')
    await client.get('/admin/login')
    const res = await client.post('/admin/login', { username: 'hfjd.editor', password: 'nope' })
    expect(res.statusCode).toBe(401)
    expect(text(res, '.error-summary')).toContain('再输错 4 次')
  })

  it('refuses an empty form with field messages and does not sign in', async () => {
    const client = new Client(site.app, '203.0.113.10')
    await client.get('/admin/login')
    const res = await client.post('/admin/login', { username: '', password: '' })
    expect(res.statusCode).toBe(400)
    expect(text(res, '.error-summary')).toContain('请填写用户名')
    expect(client.cookies.has('gk_session')).toBe(false)
  })

  it('signs out with a POST and the session no longer works', async () => {
    const client = new Client(site.app, '203.0.113.11')
    await client.signIn('czj.admin')
    const token = client.cookies.get('gk_session')
    await client.get('/admin')
    const res = await client.post('/admin/logout', {})
    expect(res.headers.location).toBe('/admin/login?signedOut=1')
    client.cookies.set('gk_session', token!)
    expect((await client.get('/admin')).statusCode).toBe(303)
  })
})

describe('authorisation on every back-office route', () => {
  // [path, {username: expected status}] — 303 means "sent to sign in".
  const matrix: [string, Record<string, number>][] = [
    ['/admin', { sysadmin: 200, auditor: 200, 'fgw.editor': 200 }],
    ['/admin/users', { sysadmin: 200, 'fgw.admin': 200, 'fgw.editor': 403, auditor: 403, secadmin: 403, gkb: 403 }],
    ['/admin/users/new', { sysadmin: 200, 'fgw.admin': 200, 'fgw.editor': 403, auditor: 403 }],
    ['/admin/organisations', { sysadmin: 200, gkb: 200, 'fgw.editor': 200, auditor: 403 }],
    ['/admin/organisations/new', { sysadmin: 200, gkb: 403, 'fgw.admin': 403, auditor: 403 }],
    ['/admin/security', { secadmin: 200, sysadmin: 403, auditor: 403, gkb: 403 }],
    // 三员分立: the system administrator cannot read the audit log; only the audit administrator can.
    ['/admin/audit', { auditor: 200, sysadmin: 403, secadmin: 403, gkb: 403, 'fgw.admin': 403 }],
    ['/admin/account/password', { 'fgw.editor': 200, auditor: 200 }],
    ['/admin/account/second-factor', { 'fgw.editor': 200, sysadmin: 200 }],
  ]
  for (const [path, expected] of matrix) {
    for (const [username, status] of Object.entries(expected)) {
      it(`GET ${path} as ${username} → ${status}`, async () => {
        const res = await (await as(username)).get(path)
        expect(res.statusCode).toBe(status)
        if (status === 403) expect(text(res, 'h1')).toBe('没有权限')
      })
    }
    it(`GET ${path} without signing in → sign-in page`, async () => {
      expect((await new Client(site.app).get(path)).statusCode).toBe(303)
    })
  }

  it('shows a 单位管理员 only the users of their own unit', async () => {
    const res = await (await as('fgw.admin')).get('/admin/users')
    const rows = html(res).querySelectorAll('tbody tr').map((r) => r.text)
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((r) => r.includes('区发展改革委'))).toBe(true)
    expect(res.body).not.toContain('czj.editor')
  })

  it('hides another unit’s user: reading and changing it are "not found", and nothing changes', async () => {
    const czjEditor = (await findUserByUsername(site.db, 'czj.editor'))!
    const fgwAdmin = await as('fgw.admin')
    expect((await fgwAdmin.get(`/admin/users/${czjEditor.id}`)).statusCode).toBe(404)
    await fgwAdmin.get('/admin/users')
    const post = await fgwAdmin.post(`/admin/users/${czjEditor.id}`, { displayName: '被改了', roles: 'unit_admin' })
    expect(post.statusCode).toBe(404)
    expect((await fgwAdmin.post(`/admin/users/${czjEditor.id}/disable`, {})).statusCode).toBe(404)
    expect((await fgwAdmin.post(`/admin/users/${czjEditor.id}/password`, { password: 'Another#2026x' })).statusCode).toBe(404)
    const after = (await findUserByUsername(site.db, 'czj.editor'))!
    expect(after.displayName).toBe(czjEditor.displayName)
    expect(after.roles).toEqual(czjEditor.roles)
    expect(after.disabledAt).toBeNull()
    expect(after.passwordHash).toBe(czjEditor.passwordHash)
  })

  it('records each denial in the audit log', async () => {
    const czjEditor = (await findUserByUsername(site.db, 'czj.editor'))!
    await (await as('fgw.admin')).get(`/admin/users/${czjEditor.id}`)
    const denied = await site.db.selectFrom('audit_log').selectAll().where('outcome', '=', 'denied').where('actor_username', '=', 'fgw.admin').where('target_id', '=', String(czjEditor.id)).execute()
    expect(denied.length).toBeGreaterThan(0)
  })

  it('lets a 单位管理员 edit their own unit’s 指南 contact details but not another unit’s', async () => {
    const fgw = (await findOrganisationByCode(site.db, 'fgw'))!
    const czj = (await findOrganisationByCode(site.db, 'czj'))!
    const client = await as('fgw.admin')
    await client.get(`/admin/organisations/${fgw.id}`)
    const form = { address: '开州区汉丰街道开州大道中段 1 号', officeHours: '工作日 9:00—17:00', phone: '023-52200000', email: 'fgw@example.gov.cn', postcode: '405400' }
    const own = await client.post(`/admin/organisations/${fgw.id}/profile`, form)
    expect(own.statusCode).toBe(303)
    expect((await findOrganisationByCode(site.db, 'fgw'))?.phone).toBe('023-52200000')
    expect((await client.get(`/admin/organisations/${czj.id}`)).statusCode).toBe(404)
    const other = await client.post(`/admin/organisations/${czj.id}/profile`, form)
    expect(other.statusCode).toBe(404)
    expect((await findOrganisationByCode(site.db, 'czj'))?.phone).toBe(czj.phone)
  })

  it('refuses bad contact details with field messages and saves nothing', async () => {
    const fgw = (await findOrganisationByCode(site.db, 'fgw'))!
    const client = await as('fgw.admin')
    await client.get(`/admin/organisations/${fgw.id}`)
    const res = await client.post(`/admin/organisations/${fgw.id}/profile`, { address: '新地址', officeHours: '', phone: 'abc', email: 'not-an-email', postcode: '12' })
    expect(res.statusCode).toBe(400)
    const summary = text(res, '.error-summary')
    expect(summary).toContain('电话只能包含数字')
    expect(summary).toContain('请填写有效的电子邮箱')
    expect(summary).toContain('邮政编码是 6 位数字')
    expect((await findOrganisationByCode(site.db, 'fgw'))?.address).not.toBe('新地址')
  })
})

describe('user administration', () => {
  it('lets a 单位管理员 create a liaison for their unit, who must change the initial password', async () => {
    const client = await as('fgw.admin')
    const fgw = (await findOrganisationByCode(site.db, 'fgw'))!
    await client.get('/admin/users/new')
    const res = await client.post('/admin/users/new', { username: 'fgw.liaison', displayName: '新联络员', organisationId: String(fgw.id), roles: 'unit_editor', password: 'Initial#2026x' })
    expect(res.statusCode).toBe(303)
    const user = (await findUserByUsername(site.db, 'fgw.liaison'))!
    expect(user.organisationId).toBe(fgw.id)
    expect(user.roles).toEqual(['unit_editor'])
    expect(user.mustChangePassword).toBe(true)
    expect(user.passwordHash.startsWith('$argon2id$')).toBe(true)
  })

  it('does not let a 单位管理员 create a user in another unit or give a region role', async () => {
    const client = await as('fgw.admin')
    const czj = (await findOrganisationByCode(site.db, 'czj'))!
    const fgw = (await findOrganisationByCode(site.db, 'fgw'))!
    await client.get('/admin/users/new')
    const other = await client.post('/admin/users/new', { username: 'czj.intruder', displayName: '某人', organisationId: String(czj.id), roles: 'unit_editor', password: 'Initial#2026x' })
    expect(other.statusCode).toBe(404)
    const region = await client.post('/admin/users/new', { username: 'fgw.boss', displayName: '某人', organisationId: String(fgw.id), roles: 'system_admin', password: 'Initial#2026x' })
    expect(region.statusCode).toBe(400)
    expect(text(region, '.error-summary')).toContain('您不能授予所选的部分角色')
    expect(await findUserByUsername(site.db, 'czj.intruder')).toBeUndefined()
    expect(await findUserByUsername(site.db, 'fgw.boss')).toBeUndefined()
  })

  it('enforces 三员分立 when the system administrator assigns roles', async () => {
    const client = await as('sysadmin')
    const office = (await findOrganisationByCode(site.db, 'kzq-bgs'))!
    await client.get('/admin/users/new')
    const res = await client.post('/admin/users/new', { username: 'both.admin', displayName: '某人', organisationId: String(office.id), roles: ['system_admin', 'audit_admin'], password: 'Initial#2026x' })
    expect(res.statusCode).toBe(400)
    expect(text(res, '.error-summary')).toContain('三员分立')
    expect(await findUserByUsername(site.db, 'both.admin')).toBeUndefined()
  })

  it('refuses a weak initial password and a taken username with Chinese messages', async () => {
    const client = await as('sysadmin')
    const fgw = (await findOrganisationByCode(site.db, 'fgw'))!
    await client.get('/admin/users/new')
    const weak = await client.post('/admin/users/new', { username: 'weak.user', displayName: '某人', organisationId: String(fgw.id), roles: 'unit_editor', password: 'short' })
    expect(text(weak, '.error-summary')).toContain('密码至少需要 10 个字符')
    const taken = await client.post('/admin/users/new', { username: 'gkb', displayName: '某人', organisationId: String(fgw.id), roles: 'unit_editor', password: 'Initial#2026x' })
    expect(taken.statusCode).toBe(409)
    expect(text(taken, '.error-summary')).toContain('已被使用')
  })

  it('lets the security administrator unlock a locked account', async () => {
    const victim = new Client(site.app, '203.0.113.77')
    await victim.get('/admin/login')
    for (let i = 0; i < 5; i++) await victim.post('/admin/login', { username: 'fgw.reviewer', password: 'wrong' })
    expect((await findUserByUsername(site.db, 'fgw.reviewer'))?.lockedUntil).not.toBeNull()
    const sec = await as('secadmin')
    const page = await sec.get('/admin/security')
    expect(page.body).toContain('fgw.reviewer')
    const id = (await findUserByUsername(site.db, 'fgw.reviewer'))!.id
    expect((await sec.post(`/admin/security/users/${id}/unlock`, {})).statusCode).toBe(303)
    expect((await findUserByUsername(site.db, 'fgw.reviewer'))?.lockedUntil).toBeNull()
    expect((await victim.signIn('fgw.reviewer')).statusCode).toBe(303)
  })
})

describe('organisation history (机构改革)', () => {
  it('registers a dissolution with its successor; the old body keeps its records and points on', async () => {
    const client = await as('sysadmin')
    const created = await (async () => {
      await client.get('/admin/organisations/new')
      const res = await client.post('/admin/organisations/new', { name: '重庆市开州区大数据应用发展管理局', shortName: '区大数据局', code: 'dsjj', kind: 'department', validFrom: '2020-01-01', basis: '演示' })
      expect(res.statusCode).toBe(303)
      return (await findOrganisationByCode(site.db, 'dsjj'))!
    })()
    const tjj = (await findOrganisationByCode(site.db, 'tjj'))!
    await client.get(`/admin/organisations/${tjj.id}`)
    const bad = await client.post(`/admin/organisations/${tjj.id}/dissolve`, { validTo: '2026-02-30', successorId: String(created.id), basis: '' })
    expect(bad.statusCode).toBe(400)
    expect(text(bad, '.error-summary')).toContain('这个日期不存在')
    expect((await findOrganisationByCode(site.db, 'tjj'))?.validTo).toBeNull()
    const ok = await client.post(`/admin/organisations/${tjj.id}/dissolve`, { validTo: '2026-06-30', successorId: String(created.id), basis: '演示：机构调整' })
    expect(ok.statusCode).toBe(303)
    expect((await findOrganisationByCode(site.db, 'tjj'))?.validTo).toBe('2026-06-30')
    const portal = await new Client(site.app).get('/xxgk/jigou/tjj')
    expect(portal.statusCode).toBe(200)
    expect(text(portal, '.notice')).toContain('重庆市开州区大数据应用发展管理局')
    expect(portal.body).toContain('href="/xxgk/jigou/dsjj"')
  })

  it('never reuses a unit code', async () => {
    const client = await as('sysadmin')
    await client.get('/admin/organisations/new')
    const res = await client.post('/admin/organisations/new', { name: '重庆市开州区食品药品监督管理局', shortName: '区食药监局', code: 'syjj', kind: 'department', validFrom: '2026-01-01', basis: '' })
    expect(res.statusCode).toBe(409)
    expect(text(res, '.error-summary')).toContain('永不复用')
  })
})

describe('audit log page', () => {
  it('shows the audit administrator sign-in events and filters them', async () => {
    const client = await as('auditor')
    const res = await client.get('/admin/audit?action=auth.sign_in&outcome=failure')
    expect(res.statusCode).toBe(200)
    const rows = html(res).querySelectorAll('tbody tr')
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((r) => r.text.includes('auth.sign_in') && r.text.includes('失败'))).toBe(true)
  })

  it('refuses an impossible filter date with a message', async () => {
    const res = await (await as('auditor')).get('/admin/audit?from=2026-13-01')
    expect(res.statusCode).toBe(400)
    expect(text(res, '.error-summary')).toContain('日期')
  })

  it('never writes a password into the audit log', async () => {
    const rows = await site.db.selectFrom('audit_log').select('details').execute()
    expect(JSON.stringify(rows)).not.toContain('Kaizhou#2026')
    expect(JSON.stringify(rows)).not.toContain('Initial#2026x')
  })
})
