/**
 * The catalogue's settings in Chromium: the 公开办 adds a second-level 主题分类 that an editor then picks from the
 * item form's option groups; the security administrator adds 敏感词 (a bad line gets a field message) and removes
 * one; a unit administrator previews and saves the unit's 索引号规则, and the 公开办 sees every unit's. Each page
 * passes axe and is screenshotted at desktop, on a phone and in 长辈版.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { checkAxe, clickAndWait, describeInBrowser, DESKTOP, expectShell, PHONE, screenshot, signIn, startSite, switchToElder, type Site } from './support/browser.ts'

describeInBrowser('catalogue settings in the browser', () => {
  let site: Site
  let page: Page
  const contexts: BrowserContext[] = []
  const h1 = async (p: Page) => (await p.locator('h1').textContent())?.trim()
  const nav = (p: Page) => p.getByRole('navigation', { name: '后台导航' })

  async function as(username: string) {
    await page.context().clearCookies()
    await signIn(page, username)
  }

  beforeAll(async () => {
    site = await startSite()
    const context = await site.newContext(DESKTOP, { preloadAxe: true })
    contexts.push(context)
    page = await context.newPage()
  }, 120_000)
  afterAll(async () => {
    for (const c of contexts) await c.close()
    await site?.close()
  })

  it('lets the 公开办 add a second-level 主题分类, with field messages for a bad name; editors can pick it', async () => {
    await as('gkb')
    await clickAndWait(page, nav(page).getByRole('link', { name: '主题分类' }))
    expect(await h1(page)).toBe('主题分类')
    await checkAxe(page, '/admin/catalogue/settings/topics')
    await page.getByLabel('所属一级分类').selectOption({ label: '农业、林业、水利' })
    await page.getByLabel('二级分类名称').fill('乡村\\振兴')
    await clickAndWait(page, page.getByRole('button', { name: '添加二级分类' }))
    const summary = page.locator('.error-summary')
    expect(await summary.textContent()).toContain('分类名称中不能有反斜杠')
    await checkAxe(page, 'topics with an error')
    await page.getByLabel('二级分类名称').fill('乡村振兴')
    await page.getByLabel('二级分类说明（可不填）').fill('渝委发〔2026〕1号')
    await clickAndWait(page, page.getByRole('button', { name: '添加二级分类' }))
    expect(await page.locator('main .notice').first().textContent()).toContain('分类已添加')
    expect(await page.locator('main table').first().textContent()).toContain('农业、林业、水利 > 乡村振兴')
    await checkAxe(page, 'topics after adding')
    await screenshot(page, 'catalogue-settings-topics-desktop')

    await as('fgw.editor')
    await page.goto('/admin/catalogue/new')
    const group = page.locator('select[name="topic"] optgroup[label="农业、林业、水利"]')
    expect(await group.locator('option').allTextContents()).toContain('乡村振兴')
    await page.getByLabel('主题分类').selectOption({ label: '乡村振兴' })
    expect(await page.getByLabel('主题分类').inputValue()).toBe('农业、林业、水利\\乡村振兴')
  })

  it('lets the security administrator add 敏感词 (a one-character word gets a field message) and remove one', async () => {
    await as('secadmin')
    await clickAndWait(page, nav(page).getByRole('link', { name: '敏感词表' }))
    expect(await h1(page)).toBe('敏感词表')
    await checkAxe(page, '/admin/catalogue/settings/sensitive-words')
    await page.getByLabel('敏感词', { exact: true }).fill('内部参考\n密')
    await clickAndWait(page, page.getByRole('button', { name: '添加', exact: true }))
    expect(await page.locator('.error-summary').textContent()).toContain('第 2 行“密”只有一个字')
    expect(await page.getByLabel('敏感词', { exact: true }).getAttribute('aria-invalid')).toBe('true')
    await checkAxe(page, 'sensitive words with an error')
    await page.getByLabel('敏感词', { exact: true }).fill('内部参考\n仅供领导参阅')
    await clickAndWait(page, page.getByRole('button', { name: '添加', exact: true }))
    expect(await page.locator('main .notice').first().textContent()).toContain('敏感词已添加')
    await clickAndWait(page, page.getByRole('button', { name: '删除“内部参考”' }))
    expect(await page.locator('main').textContent()).toContain('已删除的词')
    await checkAxe(page, 'sensitive words after changes')
    await screenshot(page, 'catalogue-settings-sensitive-words-desktop')
  })

  it('lets a unit administrator preview and save the unit\'s 索引号规则; the 公开办 sees every unit', async () => {
    await as('fgw.admin')
    await clickAndWait(page, nav(page).getByRole('link', { name: '索引号规则' }))
    expect(await h1(page)).toBe('重庆市开州区发展和改革委员会索引号规则')
    await checkAxe(page, 'index rule of fgw')
    await page.getByLabel('规则', { exact: true }).fill('{unit}/{yyyy}-{seq:05}')
    await clickAndWait(page, page.getByRole('button', { name: '预览下一个索引号' }))
    expect(await page.locator('.error-summary').textContent()).toContain('{seq:05} 无法识别')
    await checkAxe(page, 'index rule with an error')
    await page.getByLabel('规则', { exact: true }).fill('{unit}/{yyyy}{mm}-{serial:05}')
    await page.getByLabel('单位编码类型').selectOption('uscc')
    await page.getByLabel('单位编码', { exact: true }).fill('11341702486344515H')
    await clickAndWait(page, page.getByRole('button', { name: '预览下一个索引号' }))
    expect(await page.locator('main .notice').first().textContent()).toMatch(/11341702486344515H\/\d{6}-\d{5}/)
    await clickAndWait(page, page.getByRole('button', { name: '保存规则' }))
    expect(await page.locator('main .notice').first().textContent()).toContain('索引号规则已保存')
    expect(await page.locator('main table').textContent()).toContain('周管理')
    await checkAxe(page, 'index rule saved')
    await screenshot(page, 'catalogue-settings-index-rule-desktop')

    await as('gkb')
    await clickAndWait(page, nav(page).getByRole('link', { name: '索引号规则' }))
    expect(await h1(page)).toBe('索引号规则')
    expect(await page.locator('main table').textContent()).toContain('11341702486344515H')
    await checkAxe(page, 'index rules of every unit')
    await screenshot(page, 'catalogue-settings-index-rules-desktop')
  })

  it.each([['phone', PHONE, false], ['elder', DESKTOP, true], ['elder-phone', PHONE, true]] as const)('shows every settings page on %s without sideways scrolling and with no axe violations', async (name, options, elder) => {
    const context = await site.newContext(options, { preloadAxe: true })
    contexts.push(context)
    const p = await context.newPage()
    await p.goto('/')
    if (elder) await switchToElder(p)
    const pages: [string, string][] = [
      ['gkb', '/admin/catalogue/settings/topics'],
      ['gkb', '/admin/catalogue/settings/sensitive-words'],
      ['gkb', '/admin/catalogue/settings/index-no'],
      ['fgw.admin', '/admin/catalogue/settings/index-no'],
    ]
    let who = ''
    for (const [username, url] of pages) {
      if (username !== who) {
        await context.clearCookies({ name: 'gk_session' })
        await signIn(p, username)
        who = username
      }
      await p.goto(url)
      if (elder) expect(await p.locator('html').getAttribute('class')).toContain('mode-elder')
      await expectShell(p, { phone: options === PHONE })
      await checkAxe(p, `${url} as ${username} (${name})`)
      await screenshot(p, `catalogue-settings-${url.split('/').at(-1)}-${username}-${name}`)
    }
  })
})
