/**
 * Browser-test support: the real server (src/main.ts) on a fresh embedded database with the demo
 * region, one headless Chromium per test file, and helpers for signing in, axe checks and screenshots.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Cookie, type Locator, type Page } from 'playwright-core'
import { describe, expect } from 'vitest'
import { loadConfig } from '../../../src/config.ts'
import { DEMO_PASSWORD } from '../../../src/demo/seed-demo.ts'
import { start } from '../../../src/main.ts'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export const CHROMIUM_PATH = '/usr/bin/chromium'
export const hasChromium = existsSync(CHROMIUM_PATH)

/** describe() when Chromium is installed; otherwise a skipped describe whose title says why. */
export function describeInBrowser(title: string, body: () => void): void {
  if (hasChromium) describe(title, body)
  else describe.skip(`${title}（已跳过：未找到 Chromium，${CHROMIUM_PATH} 不存在）`, body)
}

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } }
export const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true }

export interface Site {
  /** Base URL of the running server, without a trailing slash. */
  url: string
  browser: Browser
  /**
   * A new browser context (its own cookies) pointed at the site. With `preloadAxe`, axe-core is put
   * into every page as it loads, for contexts that run checkAxe on (nearly) every page.
   */
  newContext(options?: BrowserContextOptions, opts?: { preloadAxe?: boolean }): Promise<BrowserContext>
  close(): Promise<void>
}

/** Starts the real server (port 0, fresh data directory, demo data) and launches Chromium. */
export async function startSite(): Promise<Site> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gongkai-e2e-'))
  const server = await start(loadConfig({ NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), () => {})
  let browser: Browser
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
  } catch (error) {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
  const url = server.url.replace(/\/$/, '')
  return {
    url,
    browser,
    async newContext(options = {}, opts = {}) {
      const context = await browser.newContext({ baseURL: url, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options })
      // Through the DevTools protocol, like checkAxe's own injection, so the site's CSP stays on.
      if (opts.preloadAxe && options.javaScriptEnabled !== false) await context.addInitScript(axeSource)
      return context
    },
    async close() {
      await browser.close()
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Signs in through the login form and waits for the page the server sends the user to. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/admin/login')
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码', { exact: true }).fill(password)
  await Promise.all([page.waitForURL((u) => u.pathname !== '/admin/login'), page.getByRole('button', { name: '登录' }).click()])
}

/** Submits the login form and stays on whatever comes back (for failures). */
export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/admin/login')) await page.goto('/admin/login')
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码', { exact: true }).fill(password)
  await clickAndWait(page, page.getByRole('button', { name: '登录' }))
}

/** Clicks (a submit button, a link) and waits until the next page has loaded, even if its URL is the same. */
export async function clickAndWait(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForEvent('load'), target.click()])
}

/** Clicks the 长辈版 link in the page header (it sets a cookie and comes back to the same page). */
export async function switchToElder(page: Page): Promise<void> {
  const before = new URL(page.url()).pathname
  await page.locator('header').getByRole('link', { name: /长辈版/ }).click()
  await page.waitForURL((u) => u.pathname === before)
  expect(await page.locator('html').getAttribute('class')).toContain('mode-elder')
}

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  helpUrl: string
  nodes: { target: unknown[]; failureSummary?: string }[]
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA) on the page and expects no violations, listing each
 * violation's rule, help text and target nodes when there are any.
 */
export async function checkAxe(page: Page, label: string): Promise<void> {
  // page.evaluate goes through the DevTools protocol, which the site's strict CSP (script-src 'self') does not govern.
  if (!(await page.evaluate(() => typeof (window as any).axe === 'object'))) await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
    return result.violations as AxeViolation[]
  })
  const report = violations.map((v) => [
    `[${v.id}] ${v.help}（${v.impact ?? ''}）${v.helpUrl}`,
    ...v.nodes.map((n) => `    ${n.target.map(String).join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`),
  ].join('\n')).join('\n')
  if (violations.length) console.error(`axe: ${label}\n${report}`)
  expect(violations.length, `axe violations on ${label}:\n${report}`).toBe(0)
}

const SCREENSHOT_DIR = fileURLToPath(new URL('../../../screenshots/', import.meta.url))

/** Saves a full-page PNG into screenshots/ (gitignored) for people to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/** What every page of the shell promises: Chinese language, a Chinese title and exactly one h1. */
export async function expectShell(page: Page, opts: { phone?: boolean } = {}): Promise<void> {
  expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
  const title = await page.title()
  expect(title).toMatch(/[\u4e00-\u9fff]/)
  expect(await page.locator('h1').count(), 'number of <h1> elements').toBe(1)
  if (opts.phone) {
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }))
    expect(scrollWidth, `horizontal scroll at ${innerWidth}px: the page is ${scrollWidth}px wide`).toBeLessThanOrEqual(innerWidth + 1)
  }
}

/** The computed font-size of <html>, in CSS pixels. */
export async function rootFontSize(page: Page): Promise<number> {
  return page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))
}

/** A display variant of a page: desktop or phone, standard or 长辈版. */
export interface Variant {
  name: string
  label: string
  options: BrowserContextOptions
  phone: boolean
  elder: boolean
}

export const VARIANTS: Variant[] = [
  { name: 'desktop', label: '桌面 1280×800', options: DESKTOP, phone: false, elder: false },
  { name: 'phone', label: '手机 375×740', options: PHONE, phone: true, elder: false },
  { name: 'elder-desktop', label: '长辈版 桌面 1280×800', options: DESKTOP, phone: false, elder: true },
  { name: 'elder-phone', label: '长辈版 手机 375×740', options: PHONE, phone: true, elder: true },
]

/**
 * One tab per variant, switched to 长辈版 by its header link when first opened. Before each page the tab takes the
 * session cookie of the person the page is for: each staff member signs in through the form once per file (a new
 * browser context per person costs seconds on a busy 2-core machine; a cookie costs nothing).
 */
export function variantTabs(site: () => Site) {
  const contexts: BrowserContext[] = []
  const pages = new Map<string, Page>()
  const sessions = new Map<string, Cookie>()

  async function sessionOf(as: string): Promise<Cookie> {
    const known = sessions.get(as)
    if (known) return known
    const context = await site().newContext(DESKTOP)
    try {
      await signIn(await context.newPage(), as)
      const cookie = (await context.cookies()).find((c) => c.name === 'gk_session')!
      sessions.set(as, cookie)
      return cookie
    } finally {
      await context.close()
    }
  }

  async function pageFor(variant: Variant, as: string | undefined): Promise<Page> {
    let page = pages.get(variant.name)
    if (!page) {
      const context = await site().newContext(variant.options, { preloadAxe: true })
      contexts.push(context)
      page = await context.newPage()
      await page.goto('/')
      if (variant.elder) await switchToElder(page)
      pages.set(variant.name, page)
    }
    await page.context().clearCookies({ name: 'gk_session' })
    if (as) await page.context().addCookies([await sessionOf(as)])
    return page
  }

  return { pageFor, contexts }
}
