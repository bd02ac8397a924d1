/**
 * With JavaScript turned off (old intranet browsers, strict security settings, failed script loads)
 * the portal and the whole staff flow still work: everything is links and plain HTML forms.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../src/demo/seed-demo.ts'
import { clickAndWait, describeInBrowser, DESKTOP, startSite, type Site } from './support/browser.ts'

describeInBrowser('the site without JavaScript', () => {
  let site: Site
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    site = await startSite()
    context = await site.newContext({ ...DESKTOP, javaScriptEnabled: false })
    page = await context.newPage()
  })

  afterAll(async () => {
    await context?.close()
    await site?.close()
  })

  const h1 = async () => (await page.locator('h1').textContent())?.trim()

  it('really runs with scripts disabled', async () => {
    await page.goto('/')
    // In a page with JavaScript on, this <noscript> content would not be parsed as markup.
    await page.setContent('<noscript><p id="proof">no script</p></noscript>')
    expect(await page.locator('#proof').count()).toBe(1)
  })

  it('follows every link of the portal navigation', async () => {
    await page.goto('/')
    const nav = page.getByRole('navigation', { name: '主导航' })
    const links = await nav.getByRole('link').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, label: a.textContent!.trim() })))
    expect(links.map((l) => l.label)).toEqual(['首页', '政府信息公开', '公开指南', '公开制度', '法定主动公开内容', '公开年报', '依申请公开', '区长信箱'])
    for (const link of links) {
      await clickAndWait(page, nav.getByRole('link', { name: link.label, exact: true }))
      expect(new URL(page.url()).pathname).toBe(link.href)
      expect(await nav.getByRole('link', { name: link.label, exact: true }).getAttribute('aria-current')).toBe('page')
      expect(await page.locator('h1').count()).toBe(1)
    }
  })

  it('searches with the header search form (GET /search)', async () => {
    await page.goto('/xxgk')
    await page.getByRole('searchbox', { name: '搜索本站政府信息' }).fill('国办发〔2019〕51号')
    await page.getByRole('search').getByRole('button', { name: '搜索' }).click()
    await page.waitForURL((u) => u.pathname === '/search')
    expect(new URL(page.url()).searchParams.get('q')).toBe('国办发〔2019〕51号')
    expect(await h1()).toBe('搜索')
    expect(await page.locator('main').textContent()).toContain('没有找到与“国办发〔2019〕51号”相关的信息')
    expect(await page.getByRole('searchbox', { name: '搜索本站政府信息' }).inputValue()).toBe('国办发〔2019〕51号')
  })

  it('switches to 长辈版 and back, staying on the same page', async () => {
    await page.goto('/xxgk/zhinan')
    await page.locator('header').getByRole('link', { name: /长辈版/ }).click()
    await page.waitForURL((u) => u.pathname === '/xxgk/zhinan')
    expect(await page.locator('html').getAttribute('class')).toBe('mode-elder')
    await page.goto('/wza')
    expect(await page.locator('html').getAttribute('class')).toBe('mode-elder')
    await page.locator('header').getByRole('link', { name: '返回标准版' }).click()
    await page.waitForURL((u) => u.pathname === '/wza')
    expect(await page.locator('html').getAttribute('class')).toBe('mode-standard')
  })

  it('lets a 单位管理员 sign in, add a 单位信息员 to 区发展改革委 and sign out', async () => {
    await page.goto('/admin')
    await page.waitForURL((u) => u.pathname === '/admin/login')
    expect(await h1()).toBe('工作人员登录')
    await page.getByLabel('用户名').fill('fgw.admin')
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL((u) => u.pathname === '/admin')
    expect(await h1()).toBe('工作台')
    expect(await page.locator('header').textContent()).toContain('周管理')

    await page.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '用户管理' }).click()
    await page.waitForURL((u) => u.pathname === '/admin/users')
    expect(await h1()).toBe('用户管理')
    await page.getByRole('link', { name: '新建用户' }).click()
    await page.waitForURL((u) => u.pathname === '/admin/users/new')

    await page.getByLabel('用户名').fill('fgw.liu')
    await page.getByLabel('姓名').fill('刘公开')
    await page.getByLabel('所属单位').selectOption({ label: '重庆市开州区发展和改革委员会' })
    await page.getByRole('checkbox', { name: /单位信息员/ }).check()
    await page.getByLabel('初始密码').fill('Kaizhou#2026-liu')
    await page.getByRole('button', { name: '创建用户' }).click()
    await page.waitForURL((u) => /^\/admin\/users\/\d+$/.test(u.pathname))
    expect(await h1()).toBe('刘公开（fgw.liu）')
    expect(await page.getByRole('status').textContent()).toContain('已创建')

    await page.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '用户管理' }).click()
    await page.waitForURL((u) => u.pathname === '/admin/users')
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'fgw.liu', exact: true }) })
    expect(await row.count()).toBe(1)
    const cells = await row.getByRole('cell').allTextContents()
    expect(cells.slice(0, 4)).toEqual(['fgw.liu', '刘公开', '区发展改革委', '单位信息员'])

    await page.getByRole('button', { name: '退出登录' }).click()
    await page.waitForURL((u) => u.pathname === '/admin/login')
    expect(await page.getByRole('status').textContent()).toContain('您已安全退出')
    await page.goto('/admin/users')
    await page.waitForURL((u) => u.pathname === '/admin/login')
  })
})
