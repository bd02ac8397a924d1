/**
 * 督办 of 依申请公开 cases in Chromium, on the real `gongkai start` (jobs on pg-boss): the 公开办 supervises a case of
 * 区发展改革委 with a reason (an empty reason is refused first), the unit sees the notice on the case and the count and
 * marker in its list on a phone and in 长辈版; the demo's overdue case of 区财政局 is put under 督办 by the reminder job
 * that runs at start; and the form works with JavaScript off. axe on every page; screenshots in screenshots/.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { checkAxe, clickAndWait, describeInBrowser, DESKTOP, expectShell, PHONE, screenshot, signIn, startSite, switchToElder, type Site } from './support/browser.ts'

const FGW_CASE = '开州区城乡居民医保定点医院名单'
const CZJ_OVERDUE_CASE = '2025年度区级财政专项资金分配结果'
const FGW_CONSULTING_CASE = '开州区某工业园区企业环评批复'
const REASON = '申请人多次来电询问，请于三个工作日内答复并报告办理情况'

describeInBrowser('依申请公开 督办 in the browser', () => {
  let site: Site
  const contexts: BrowserContext[] = []
  let caseUrl = ''

  beforeAll(async () => { site = await startSite() }, 120_000)
  afterAll(async () => {
    for (const c of contexts) await c.close()
    await site?.close()
  })

  async function pageAs(username: string, options = DESKTOP, javaScriptEnabled = true): Promise<Page> {
    const context = await site.newContext({ ...options, javaScriptEnabled })
    contexts.push(context)
    const page = await context.newPage()
    await signIn(page, username)
    return page
  }

  async function openCase(page: Page, information: string): Promise<void> {
    await page.goto('/admin/requests')
    await clickAndWait(page, page.locator('tbody tr', { hasText: information }).getByRole('link'))
  }

  it('lets the 公开办 supervise a case with a reason, refusing an empty one first', async () => {
    const gkb = await pageAs('gkb')
    await openCase(gkb, FGW_CASE)
    caseUrl = new URL(gkb.url()).pathname
    await gkb.getByText('督办这件申请').click()
    await clickAndWait(gkb, gkb.getByRole('button', { name: '督办', exact: true }))
    expect(await gkb.locator('.error-summary').textContent()).toContain('请填写督办理由')
    await expectShell(gkb)
    await checkAxe(gkb, 'case page, 督办 refused')
    await screenshot(gkb, 'requests-supervise-error')
    await gkb.getByLabel('督办理由').fill(REASON)
    await clickAndWait(gkb, gkb.getByRole('button', { name: '督办', exact: true }))
    expect(await gkb.locator('.notice--success').textContent()).toContain('已督办')
    expect(await gkb.locator('table tr', { hasText: `督办理由：${REASON}` }).count()).toBe(1)
    await checkAxe(gkb, 'case page, supervised (公开办)')
    await screenshot(gkb, 'requests-supervised-gkb')
  }, 120_000)

  it('shows the unit the 督办 on its phone, in 长辈版: count and marker in the list, notice and trace on the case, no form', async () => {
    const editor = await pageAs('fgw.editor', PHONE)
    await switchToElder(editor)
    await editor.goto('/admin/requests')
    expect(await editor.locator('.notice--warning').textContent()).toMatch(/本单位有 \d+ 件在办申请正被公开办督办/)
    expect(await editor.locator('tbody tr', { hasText: FGW_CASE }).locator('.tag', { hasText: '督办' }).count()).toBe(1)
    await expectShell(editor, { phone: true })
    await checkAxe(editor, 'unit case list with 督办 (phone, 长辈版)')
    await screenshot(editor, 'requests-list-supervised-elder-phone')
    await editor.goto(caseUrl)
    expect(await editor.locator('#supervision-title').textContent()).toBe('督办')
    expect(await editor.getByText('公开办已督办这件申请').count()).toBe(1)
    expect(await editor.getByText('督办这件申请', { exact: true }).count()).toBe(0)
    await expectShell(editor, { phone: true })
    await checkAxe(editor, 'case page seen by the unit (phone, 长辈版)')
    await screenshot(editor, 'requests-case-supervised-elder-phone')
  }, 120_000)

  it('marks the demo overdue case of 区财政局 under 督办: the reminder job ran at start', async () => {
    const czj = await pageAs('czj.editor')
    const marker = czj.locator('tbody tr', { hasText: CZJ_OVERDUE_CASE }).locator('.tag', { hasText: '督办' })
    await expect.poll(async () => { await czj.goto('/admin/requests'); return marker.count() }, { timeout: 30_000, interval: 500 }).toBe(1)
    await checkAxe(czj, 'unit case list with automatic 督办')
  }, 60_000)

  it('works without JavaScript', async () => {
    const gkb = await pageAs('gkb', DESKTOP, false)
    await openCase(gkb, FGW_CONSULTING_CASE)
    await gkb.getByText('督办这件申请').click()
    await gkb.getByLabel('督办理由').fill('请尽快完成征求意见并答复')
    await clickAndWait(gkb, gkb.getByRole('button', { name: '督办', exact: true }))
    expect(await gkb.locator('table tr', { hasText: '督办理由：请尽快完成征求意见并答复' }).count()).toBe(1)
  }, 60_000)
})
