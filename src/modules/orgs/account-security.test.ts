/** Production password change, the TOTP second factor, and logs free of secrets. */
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, loggerOptions } from '../../app.ts'
import { fixedClock } from '../../platform/clock.ts'
import { buildTestApp, Client, testConfig, text } from '../../../test/support/test-app.ts'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'
import { currentTotp } from './totp.ts'
import { findUserByUsername } from './orgs.repository.ts'

const PRODUCTION = {
  NODE_ENV: 'production', PUBLIC_URL: 'http://gk.example.gov.cn', SESSION_SECRET: 's'.repeat(40), DATA_ENCRYPTION_KEY: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  SITE_ID_CODE: '5002340001', SITE_ICP: '渝ICP备1号', LOG_LEVEL: 'silent',
}

let database: TestDatabase
beforeAll(async () => { database = await openTestPglite() })
afterAll(async () => database.close())

describe('initial passwords in production', () => {
  it('sends a user with an initial password to the password page until it is changed', async () => {
    const { app } = await buildTestApp(database.db, { env: PRODUCTION })
    const client = new Client(app, '198.51.100.90')
    const signIn = await client.signIn('hfjd.editor')
    expect(signIn.headers.location).toBe('/admin/account/password')
    expect((await client.get('/admin')).headers.location).toBe('/admin/account/password')
    const page = await client.get('/admin/account/password')
    expect(text(page, '.notice')).toContain('请先设置您自己的新密码')
    const weak = await client.post('/admin/account/password', { currentPassword: 'Kaizhou#2026', newPassword: 'Kaizhou#2026', confirmPassword: 'Kaizhou#2026' })
    expect(text(weak, '.error-summary')).toContain('新密码不能与当前密码相同')
    const mismatch = await client.post('/admin/account/password', { currentPassword: 'Kaizhou#2026', newPassword: 'Town#Liaison2027', confirmPassword: 'Town#Liaison2028' })
    expect(text(mismatch, '.error-summary')).toContain('两次填写的新密码不一致')
    const ok = await client.post('/admin/account/password', { currentPassword: 'Kaizhou#2026', newPassword: 'Town#Liaison2027', confirmPassword: 'Town#Liaison2027' })
    expect(ok.statusCode).toBe(303)
    expect((await client.get('/admin')).statusCode).toBe(200)
    expect((await findUserByUsername(database.db, 'hfjd.editor'))?.mustChangePassword).toBe(false)
    await app.close()
  })
})

describe('TOTP second factor', () => {
  it('is set up with a confirmed code and then required at sign-in', async () => {
    const clock = fixedClock('2026-11-27T02:00:00Z')
    const { app } = await buildTestApp(database.db, { clock })
    const client = new Client(app, '198.51.100.91')
    await client.signIn('secadmin')
    await client.get('/admin/account/second-factor')
    await client.post('/admin/account/second-factor', { step: 'begin' })
    const setup = await client.get('/admin/account/second-factor')
    const secret = /class="totp-secret">([A-Z2-7]+)</.exec(setup.body)![1]!
    expect(setup.body).toContain('data:image/svg+xml;base64,')
    // the secret is stored encrypted, never in the clear
    const stored = (await findUserByUsername(database.db, 'secadmin'))!.totpSecretEnc!
    expect(stored.startsWith('v1:')).toBe(true)
    expect(stored).not.toContain(secret)
    const wrong = await client.post('/admin/account/second-factor', { step: 'confirm', code: '000000' === currentTotp(secret, clock.now()) ? '111111' : '000000' })
    expect(text(wrong, '.error-summary')).toContain('动态验证码不正确')
    expect((await client.post('/admin/account/second-factor', { step: 'confirm', code: currentTotp(secret, clock.now()) })).statusCode).toBe(303)

    const again = new Client(app, '198.51.100.92')
    const first = await again.signIn('secadmin')
    expect(first.headers.location).toBe('/admin/login/second-factor')
    // the half-signed-in session reaches nothing else
    expect((await again.get('/admin/security')).headers.location).toBe('/admin/login/second-factor')
    await again.get('/admin/login/second-factor')
    const bad = await again.post('/admin/login/second-factor', { code: '12ab' })
    expect(text(bad, '.error-summary')).toContain('6 位数字')
    const ok = await again.post('/admin/login/second-factor', { code: currentTotp(secret, clock.now()) })
    expect(ok.headers.location).toBe('/admin')
    expect((await again.get('/admin/security')).statusCode).toBe(200)
    await app.close()
  })
})

describe('logs', () => {
  it('carry request ids and never a password, cookie or token', async () => {
    const lines: string[] = []
    const stream = new Writable({ write(chunk, _enc, cb) { lines.push(String(chunk)); cb() } })
    const config = testConfig({ LOG_LEVEL: 'info' })
    const app = await buildApp({ config, db: database.db, clock: fixedClock('2026-11-27T02:00:00Z'), logger: { ...(loggerOptions(config) as object), stream } as any })
    await app.ready()
    const client = new Client(app, '198.51.100.93')
    await client.signIn('czj.admin')
    await client.get('/admin?token=secret-in-query')
    await app.close()
    const all = lines.join('')
    expect(all).toContain('"reqId"')
    expect(all).not.toContain('Kaizhou#2026')
    expect(all).not.toContain(client.cookies.get('gk_session')!)
    expect(all).not.toContain('secret-in-query')
  })
})
