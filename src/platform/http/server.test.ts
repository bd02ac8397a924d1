/** The platform's promises over HTTP: Chinese error pages, 405s, CSRF, size limits, headers, 长辈版. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, Client, text } from '../../../test/support/test-app.ts'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'

let database: TestDatabase
let app: Awaited<ReturnType<typeof buildTestApp>>['app']

beforeAll(async () => {
  database = await openTestPglite()
  app = (await buildTestApp(database.db, { env: { BODY_LIMIT_BYTES: '4096' } })).app
})
afterAll(async () => {
  await app.close()
  await database.close()
})

async function auditCount() {
  return Number((await database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
}

describe('error pages', () => {
  it('answers an unknown page with a Chinese 404 page that offers a way on', async () => {
    const res = await app.inject('/no/such/page')
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toContain('text/html')
    expect(text(res, 'h1')).toBe('找不到页面')
    expect(res.body).toContain('href="/"')
  })

  it('answers an unknown API path with JSON', async () => {
    const res = await app.inject('/api/v1/nothing')
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ error: { code: 'GK_NOT_FOUND', status: 404, title: '找不到页面' } })
  })

  it('answers a wrong method on a known path with 405 and Allow', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/admin/users' })
    expect(res.statusCode).toBe(405)
    expect(res.headers.allow).toBe('GET')
    expect(text(res, 'h1')).toBe('不支持此操作方式')
    const put = await app.inject({ method: 'PUT', url: '/' })
    expect(put.statusCode).toBe(405)
  })
})

describe('bad input changes nothing', () => {
  it('refuses a form post without a CSRF token', async () => {
    const before = await auditCount()
    const res = await app.inject({ method: 'POST', url: '/admin/login', payload: 'username=gkb&password=Kaizhou%232026', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(res.statusCode).toBe(403)
    expect(res.body).toContain('页面已过期或来源无法确认')
    expect(res.cookies.find((c) => c.name === 'gk_session')).toBeUndefined()
    expect(await auditCount()).toBe(before)
  })

  it('refuses a CSRF token from another browser', async () => {
    const a = new Client(app)
    const b = new Client(app)
    await a.get('/admin/login')
    await b.get('/admin/login')
    b.csrf = a.csrf
    const res = await b.post('/admin/login', { username: 'gkb', password: 'Kaizhou#2026' })
    expect(res.statusCode).toBe(403)
  })

  it('refuses an oversized body with a Chinese 413 page', async () => {
    const client = new Client(app)
    await client.get('/admin/login')
    const res = await client.post('/admin/login', { username: 'x'.repeat(10_000), password: 'y' })
    expect(res.statusCode).toBe(413)
    expect(text(res, 'h1')).toBe('提交的内容太大')
  })

  it('refuses an unsupported content type with 415', async () => {
    const res = await app.inject({ method: 'POST', url: '/admin/login', payload: '<x/>', headers: { 'content-type': 'application/xml' } })
    expect(res.statusCode).toBe(415)
    expect(text(res, 'h1')).toBe('不支持的提交格式')
  })

  it('refuses malformed JSON with a Chinese 400', async () => {
    const res = await app.inject({ method: 'POST', url: '/admin/login', payload: '{"username":', headers: { 'content-type': 'application/json' } })
    expect(res.statusCode).toBe(400)
    expect(text(res, 'h1')).toBe('提交的内容有误')
  })

  it('treats a repeated or nested form field as invalid, not as a crash', async () => {
    const client = new Client(app)
    await client.get('/admin/login')
    const res = await client.post('/admin/login', { username: ['a', 'b'], password: 'x' })
    expect(res.statusCode).toBe(400)
    expect(text(res, '.error-summary')).toContain('填写的内容格式不正确')
  })
})

describe('security headers', () => {
  it('sends a strict CSP and no HSTS over plain HTTP', async () => {
    const res = await app.inject('/')
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('upgrade-insecure-requests')
    expect(res.headers['strict-transport-security']).toBeUndefined()
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('sends every security header on pages, cached pages, error pages, redirects and assets', async () => {
    const expected = {
      'content-security-policy': "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';form-action 'self';frame-ancestors 'none';base-uri 'self';object-src 'none'",
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-content-type-options': 'nosniff',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'SAMEORIGIN',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    }
    const first = await app.inject('/xxgk/zhinan')
    const cached = await app.inject('/xxgk/zhinan')
    expect(cached.headers['x-page-cache']).toBe('hit')
    expect(cached.rawPayload.equals(first.rawPayload)).toBe(true)
    expect(cached.headers['content-length']).toBe(first.headers['content-length'])
    const responses = [await app.inject('/'), cached, await app.inject('/no/such/page'), await app.inject({ method: 'DELETE', url: '/' }), await app.inject('/display?mode=elder'), await app.inject('/assets/site.css')]
    for (const res of responses) {
      expect(Object.fromEntries(Object.keys(expected).map((name) => [name, res.headers[name]]))).toEqual(expected)
      expect(res.headers['strict-transport-security']).toBeUndefined()
    }
  })

  it('adds HSTS, upgrade-insecure-requests and Secure cookies when PUBLIC_URL is https', async () => {
    const secure = (await buildTestApp(database.db, { env: { PUBLIC_URL: 'https://gk.example.gov.cn' } })).app
    const res = await secure.inject('/admin/login')
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
    expect(String(res.headers['content-security-policy'])).toMatch(/;upgrade-insecure-requests$/)
    expect(res.cookies.find((c) => c.name === 'gk_csrf')?.secure).toBe(true)
    await secure.close()
  })
})

describe('长辈版 switch', () => {
  it('sets a preference cookie, returns to the same page and renders the elder mode', async () => {
    const res = await app.inject('/display?mode=elder&return=%2Fxxgk%2Fzhinan')
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/xxgk/zhinan')
    const cookie = res.cookies.find((c) => c.name === 'gk_display')!
    expect(cookie.value).toBe('elder')
    const page = await app.inject({ url: '/xxgk/zhinan', cookies: { gk_display: 'elder' } })
    expect(page.body).toContain('<html lang="zh-CN" class="mode-elder">')
    expect(page.body).toContain('返回标准版')
  })

  it('never redirects to another site', async () => {
    const res = await app.inject('/display?mode=elder&return=%2F%2Fevil.example%2F')
    expect(res.headers.location).toBe('/')
  })
})
