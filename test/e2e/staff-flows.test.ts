/**
 * Back-office flows staff rely on, in Chromium: sign-in failures and lockout, unlocking, the 三员
 * separation around the audit log, another unit's records being "not found", setting up TOTP, and
 * form errors. Screenshots of the main pages go to screenshots/.
 */
import { Secret, TOTP } from 'otpauth'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../src/demo/seed-demo.ts'
import { checkAxe, clickAndWait, describeInBrowser, DESKTOP, PHONE, screenshot, signIn, startSite, submitSignIn, switchToElder, type Site } from './support/browser.ts'

describeInBrowser('staff flows', () => {
  let site: Site
  const browsers = new Map<string, Page>()

  /**
   * A person at a browser with no cookies: one of two desktop browsers (for flows where two people
   * take turns) or a phone. Browser contexts are reused with their cookies cleared, because a new
   * context costs seconds on a busy 2-core machine.
   */
  async function freshBrowser(slot: 'first' | 'second' | 'phone' = 'first'): Promise<Page> {
    let page = browsers.get(slot)
    if (!page) {
      page = await (await site.newContext(slot === 'phone' ? PHONE : DESKTOP)).newPage()
      browsers.set(slot, page)
    }
    await page.context().clearCookies()
    await page.goto('about:blank')
    return page
  }

  const h1 = async (page: Page) => (await page.locator('h1').textContent())?.trim()
  const errorSummary = (page: Page) => page.locator('.error-summary')

  beforeAll(async () => {
    site = await startSite()
  })

  afterAll(async () => {
    for (const page of browsers.values()) await page.context().close()
    await site?.close()
  })

  it('tells a person who mistypes the password, in Chinese, how many attempts remain', async () => {
    const page = await freshBrowser()
    await submitSignIn(page, 'fgw.editor', 'wrong-password')
    expect(new URL(page.url()).pathname).toBe('/admin/login')
    expect(await errorSummary(page).getByRole('heading').textContent()).toBe('提交的内容有问题')
    expect(await errorSummary(page).textContent()).toContain('用户名或密码不正确。再输错 4 次，账号将被锁定 15 分钟。')
    // The message is also next to the password field, and the username is kept.
    expect(await page.locator('#f-password-error').textContent()).toContain('再输错 4 次')
    expect(await page.getByLabel('用户名').inputValue()).toBe('fgw.editor')
    await checkAxe(page, 'sign-in with a wrong password')
    await screenshot(page, 'staff-sign-in-wrong-password')
  })

  it('locks the account after five wrong passwords, and the 安全管理员 unlocks it', async () => {
    const page = await freshBrowser()
    for (let attempt = 1; attempt <= 4; attempt++) {
      await submitSignIn(page, 'fgw.reviewer', `wrong-${attempt}`)
      expect(await errorSummary(page).textContent()).toContain(`再输错 ${5 - attempt} 次`)
    }
    await submitSignIn(page, 'fgw.reviewer', 'wrong-5')
    expect(await errorSummary(page).textContent()).toMatch(/连续输错密码次数过多，账号已锁定至 \d\d:\d\d（北京时间）。如需提前解锁，请联系安全管理员。/)
    // The right password does not get in while the lock lasts.
    await submitSignIn(page, 'fgw.reviewer', DEMO_PASSWORD)
    expect(new URL(page.url()).pathname).toBe('/admin/login')
    expect(await errorSummary(page).textContent()).toContain('账号已锁定')
    await screenshot(page, 'staff-sign-in-locked')

    const security = await freshBrowser('second')
    await signIn(security, 'secadmin')
    await security.goto('/admin/security')
    const row = security.getByRole('row').filter({ hasText: 'fgw.reviewer' })
    expect(await row.getByRole('cell').first().textContent()).toBe('fgw.reviewer')
    await checkAxe(security, '/admin/security with a locked account')
    await screenshot(security, 'staff-security-locked-account')
    await row.getByRole('button', { name: '解锁 fgw.reviewer' }).click()
    await security.waitForURL((u) => u.pathname === '/admin/security' && u.searchParams.get('done') === 'unlocked')
    expect(await security.getByRole('status').textContent()).toContain('账号已解锁')
    expect(await security.getByRole('row').filter({ hasText: 'fgw.reviewer' }).count()).toBe(0)

    await signIn(page, 'fgw.reviewer')
    expect(new URL(page.url()).pathname).toBe('/admin')
    expect(await h1(page)).toBe('工作台')
  })

  it('keeps the 系统管理员 out of the audit log (没有权限) and shows the 审计管理员 the sign-in events', async () => {
    const sysadmin = await freshBrowser()
    await signIn(sysadmin, 'sysadmin')
    expect(await sysadmin.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '审计日志' }).count()).toBe(0)
    const refused = await sysadmin.goto('/admin/audit')
    expect(refused?.status()).toBe(403)
    expect(await h1(sysadmin)).toBe('没有权限')
    await checkAxe(sysadmin, '/admin/audit refused to sysadmin')
    await screenshot(sysadmin, 'staff-audit-refused')

    const auditor = await freshBrowser('second')
    await signIn(auditor, 'auditor')
    await auditor.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '审计日志' }).click()
    await auditor.waitForURL((u) => u.pathname === '/admin/audit')
    expect(await h1(auditor)).toBe('审计日志')
    const rows = auditor.getByRole('row')
    expect(await rows.filter({ hasText: 'auth.sign_in' }).filter({ hasText: 'sysadmin' }).filter({ hasText: '成功' }).count()).toBeGreaterThan(0)
    expect(await rows.filter({ hasText: 'auth.sign_in' }).filter({ hasText: 'fgw.editor' }).filter({ hasText: '失败' }).count()).toBeGreaterThan(0)

    // Filtering by person and action narrows the list to that person's sign-ins.
    await auditor.getByLabel('操作人用户名').fill('sysadmin')
    await auditor.getByLabel('操作类型').fill('auth.sign_in')
    await auditor.getByRole('button', { name: '筛选' }).click()
    await auditor.waitForURL((u) => u.searchParams.get('actor') === 'sysadmin')
    const cells = await auditor.locator('tbody tr td:nth-child(3)').allTextContents()
    expect(cells.length).toBeGreaterThan(0)
    expect(new Set(cells)).toEqual(new Set(['sysadmin']))
    await checkAxe(auditor, '/admin/audit filtered')
    await screenshot(auditor, 'staff-audit-log')
  })

  it('shows a 单位管理员 the not-found page for a user of another unit', async () => {
    const sysadmin = await freshBrowser()
    await signIn(sysadmin, 'sysadmin')
    await sysadmin.goto('/admin/users')
    const href = await sysadmin.getByRole('link', { name: 'czj.editor', exact: true }).getAttribute('href')
    expect(href).toMatch(/^\/admin\/users\/\d+$/)

    const fgwAdmin = await freshBrowser('second')
    await signIn(fgwAdmin, 'fgw.admin')
    await fgwAdmin.goto('/admin/users')
    expect(await fgwAdmin.getByRole('link', { name: 'czj.editor', exact: true }).count()).toBe(0)
    const response = await fgwAdmin.goto(href!)
    expect(response?.status()).toBe(404)
    expect(await h1(fgwAdmin)).toBe('找不到页面')
    expect(await fgwAdmin.locator('main').textContent()).not.toContain('冯信息')
  })

  it('sets up TOTP for 陈公开 (gkb), after which signing in asks for the code', async () => {
    const page = await freshBrowser()
    await signIn(page, 'gkb')
    await page.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '双因素认证' }).click()
    await page.waitForURL((u) => u.pathname === '/admin/account/second-factor')
    await clickAndWait(page, page.getByRole('button', { name: '生成密钥' }))
    const secretText = (await page.locator('.totp-secret').textContent())!.trim()
    expect(secretText).toMatch(/^[A-Z2-7]{32}$/)
    expect(await page.getByRole('img', { name: /双因素认证二维码/ }).count()).toBe(1)
    await checkAxe(page, '/admin/account/second-factor with a new secret')
    await screenshot(page, 'staff-second-factor-setup')
    const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretText) })

    // A wrong code is refused with a message, and the same secret stays on the page.
    await page.getByLabel('动态验证码').fill('000000' === totp.generate() ? '111111' : '000000')
    await clickAndWait(page, page.getByRole('button', { name: '开启双因素认证' }))
    expect(await errorSummary(page).textContent()).toContain('动态验证码')
    expect((await page.locator('.totp-secret').textContent())!.trim()).toBe(secretText)

    await page.getByLabel('动态验证码').fill(totp.generate())
    await page.getByRole('button', { name: '开启双因素认证' }).click()
    await page.waitForURL((u) => u.searchParams.get('done') === 'enabled')
    expect(await page.getByRole('status').textContent()).toContain('双因素认证已开启')

    await page.getByRole('button', { name: '退出登录' }).click()
    await page.waitForURL((u) => u.pathname === '/admin/login')

    await signIn(page, 'gkb')
    expect(new URL(page.url()).pathname).toBe('/admin/login/second-factor')
    expect(await h1(page)).toBe('输入动态验证码')
    // The password alone opens nothing.
    await page.goto('/admin')
    expect(new URL(page.url()).pathname).toBe('/admin/login/second-factor')
    await checkAxe(page, '/admin/login/second-factor')
    await screenshot(page, 'staff-second-factor-sign-in')

    await page.getByLabel('动态验证码').fill('12345')
    await clickAndWait(page, page.getByRole('button', { name: '验证' }))
    expect(await errorSummary(page).textContent()).toContain('请填写验证器应用中显示的 6 位数字')

    await page.getByLabel('动态验证码').fill(totp.generate())
    await page.getByRole('button', { name: '验证' }).click()
    await page.waitForURL((u) => u.pathname === '/admin')
    expect(await h1(page)).toBe('工作台')
    expect(await page.locator('main').textContent()).toContain('陈公开，您好')
  })

  it('lists the problems of an empty new-user form in an error summary that links to each field', async () => {
    const page = await freshBrowser()
    await signIn(page, 'sysadmin')
    await page.goto('/admin/users/new')
    await clickAndWait(page, page.getByRole('button', { name: '创建用户' }))
    expect(new URL(page.url()).pathname).toBe('/admin/users/new')
    expect(await h1(page)).toBe('新建用户')
    const summary = errorSummary(page)
    expect(await summary.getAttribute('role')).toBe('alert')
    const links = await summary.getByRole('link').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })))
    expect(links).toEqual([
      { href: '#f-username', text: '用户名须以字母开头，由 3 到 32 个小写字母、数字、点、下划线或短横线组成' },
      { href: '#f-displayName', text: '请填写姓名' },
      { href: '#f-organisationId', text: '请选择所属单位' },
      { href: '#f-roles', text: '请至少选择一个角色' },
      { href: '#f-password', text: '请设置初始密码' },
    ])
    // Each field says what is wrong, next to it, and is marked invalid for screen readers.
    expect(await page.getByLabel('姓名').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByLabel('姓名').getAttribute('aria-describedby')).toBe('f-displayName-error')
    await checkAxe(page, '/admin/users/new with errors')
    await screenshot(page, 'staff-new-user-errors')

    // Following a link in the summary puts the cursor in that field.
    await summary.getByRole('link', { name: '请填写姓名' }).click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-displayName')
    await summary.getByRole('link', { name: '请至少选择一个角色' }).click()
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('checkbox')

    const phone = await freshBrowser('phone')
    await signIn(phone, 'sysadmin')
    await phone.goto('/admin/users/new')
    await switchToElder(phone)
    await clickAndWait(phone, phone.getByRole('button', { name: '创建用户' }))
    expect(await phone.locator('.error-summary').count()).toBe(1)
    await checkAxe(phone, '/admin/users/new with errors (长辈版 手机)')
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true)
    await screenshot(phone, 'staff-new-user-elder-phone')
  })

  it('lets the calendar keeper amend the calendar after checking what changes, and the public calculator follows', async () => {
    const page = await freshBrowser()
    // gkb has a second factor by now (the TOTP test above); the system administrator keeps the calendar too.
    await signIn(page, 'sysadmin')
    // Whoever keeps the calendar is warned that next year's notice is missing.
    expect(await page.locator('main').textContent()).toContain('2027 年的国务院放假安排尚未录入工作日历')
    await clickAndWait(page, page.getByRole('link', { name: '工作日历' }).first())
    await clickAndWait(page, page.getByRole('link', { name: '修订日历（如延长假期）' }))
    await page.getByLabel('文号').fill('国办发明电〔2020〕1号')
    await page.getByLabel('调整原因').fill('延长2020年春节假期')
    await page.getByLabel('调整的日期').fill('2020-01-31 休 春节\n2020-02-01 休 春节\n2020-02-02 休 春节')
    await clickAndWait(page, page.getByRole('button', { name: '核对' }))
    expect(await page.locator('#proposal-title').textContent()).toBe('请核对')
    // The shipped data already has the extension: nothing would change.
    expect(await page.locator('main').textContent()).toContain('没有日期会改变')
    await checkAxe(page, 'calendar amendment preview')
    await page.getByLabel('调整的日期').fill('2025-10-10 休 国庆节（测试）')
    await page.getByLabel('调整原因').fill('测试：把 2025-10-10 设为放假')
    await clickAndWait(page, page.getByRole('button', { name: '重新核对' }))
    expect(await page.locator('main').textContent()).toContain('有 1 个日期会改变')
    await screenshot(page, 'staff-calendar-amend-preview')
    await clickAndWait(page, page.getByRole('button', { name: '确认保存' }))
    expect(new URL(page.url()).pathname).toBe('/admin/calendar')
    expect(await page.locator('.notice').first().textContent()).toContain('已保存为日历版本')
    await page.goto(`${site.url}/gongju/dqjs?from=2025-09-30&days=20`)
    // 10-10 is now a rest day too, so the 20th working day moves from 11-04 to 11-05.
    expect(await page.locator('.deadline-answer').textContent()).toContain('2025-11-05')
    await checkAxe(page, 'deadline calculator answer')
  })
})
