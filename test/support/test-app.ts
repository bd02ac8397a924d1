/** buildTestApp: the real app on a test database with a fixed clock, plus an HTTP client that keeps cookies. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { parse, type HTMLElement } from 'node-html-parser'
import { afterAll, beforeAll } from 'vitest'
import { buildApp } from '../../src/app.ts'
import { loadConfig, type Config } from '../../src/config.ts'
import type { Db } from '../../src/database.ts'
import { DEMO_PASSWORD } from '../../src/demo/seed-demo.ts'
import { fixedClock, type Clock } from '../../src/platform/clock.ts'
import { openTestPglite, type TestDatabase } from './test-database.ts'

export const TEST_NOW = '2026-11-27T02:00:00Z'

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...overrides })
}

export async function buildTestApp(db: Db, opts: { clock?: Clock; env?: Record<string, string> } = {}) {
  const clock = opts.clock ?? fixedClock(TEST_NOW)
  const app = await buildApp({ config: testConfig(opts.env), db, clock, logger: false })
  await app.ready()
  return { app, clock }
}

/** The app of a test file and its database, available from beforeAll on (see useTestApp). */
export interface TestApp {
  readonly app: FastifyInstance
  readonly db: Db
  readonly clock: Clock
}

/**
 * One app on its own copy of the golden-image PGlite for all the tests of a file: opened in beforeAll, closed in
 * afterAll. Read `app`, `db` and `clock` inside hooks and tests (they throw if read before beforeAll has run).
 */
export function useTestApp(opts: { clock?: Clock; env?: Record<string, string> } = {}): TestApp {
  let database: TestDatabase | undefined
  let built: Awaited<ReturnType<typeof buildTestApp>> | undefined
  beforeAll(async () => {
    database = await openTestPglite()
    built = await buildTestApp(database.db, opts)
  })
  afterAll(async () => {
    await built?.app.close()
    await database?.close()
  })
  const ready = () => {
    if (!built || !database) throw new Error('useTestApp: the app is read before beforeAll has run')
    return { ...built, db: database.db }
  }
  return {
    get app() { return ready().app },
    get db() { return ready().db },
    get clock() { return ready().clock },
  }
}

/** A browser-like client: keeps cookies, reads the CSRF token from the last form it saw. */
export class Client {
  cookies = new Map<string, string>()
  csrf = ''
  constructor(readonly app: FastifyInstance, readonly ip = '203.0.113.10') {}

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && new Date(c.expires) < new Date())) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    const match = /name="_csrf" value="([^"]+)"/.exec(res.body)
    if (match) this.csrf = match[1]!
    return res
  }

  async get(url: string) {
    return this.remember(await this.app.inject({ method: 'GET', url, cookies: Object.fromEntries(this.cookies), remoteAddress: this.ip }))
  }

  async post(url: string, form: Record<string, string | string[]>, opts: { csrf?: boolean } = {}) {
    const body = new URLSearchParams()
    for (const [k, v] of Object.entries(form)) for (const x of ([] as string[]).concat(v)) body.append(k, x)
    if (opts.csrf !== false) body.set('_csrf', this.csrf)
    return this.remember(await this.app.inject({
      method: 'POST', url, payload: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' },
      cookies: Object.fromEntries(this.cookies), remoteAddress: this.ip,
    }))
  }

  /** Signs in as a demo user; returns the response of the sign-in POST. */
  async signIn(username: string, password = DEMO_PASSWORD) {
    await this.get('/admin/login')
    return this.post('/admin/login', { username, password })
  }
}

export function html(res: { body: string }): HTMLElement {
  return parse(res.body)
}

export function text(res: { body: string }, selector: string): string {
  return html(res).querySelector(selector)?.text.trim() ?? ''
}

/**
 * One signed-in client per demo user, created on first use, each from its own address in `network`
 * (e.g. '192.0.2.') so that one user's failed sign-ins never throttle another's.
 */
export function staffClients(getApp: () => FastifyInstance, network: string, firstHost = 20): (username: string) => Promise<Client> {
  const clients = new Map<string, Client>()
  return async (username) => {
    let client = clients.get(username)
    if (!client) {
      client = new Client(getApp(), `${network}${clients.size + firstHost}`)
      const res = await client.signIn(username)
      if (res.statusCode !== 303) throw new Error(`sign-in of ${username} answered ${res.statusCode}`)
      clients.set(username, client)
    }
    return client
  }
}
