/**
 * Every page of the shell, portal and back office, at desktop and phone widths and in 长辈版:
 * zh-CN, a Chinese title, one h1, no horizontal scroll on a phone and no axe (WCAG 2.1 AA) violations.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { checkAxe, describeInBrowser, DESKTOP, expectShell, rootFontSize, screenshot, startSite, switchToElder, VARIANTS, variantTabs, type Site } from './support/browser.ts'

/** Who a back-office page is opened as (demo users; password DEMO_PASSWORD). */
type Staff = 'sysadmin' | 'secadmin' | 'auditor' | 'fgw.editor'

interface ShellPage {
  name: string
  /** `:user` and `:organisation` stand for ids read from the back office when the server is up. */
  path: string
  h1: string
  as?: Staff
  status?: number
  /** Screenshot it for people to look at (all pages when E2E_SCREENSHOTS=all). */
  shot?: boolean
}

/** Ids of demo records, read from the back office once the server is up. */
const ids = { user: 0, organisation: 0 }

const PAGES: ShellPage[] = [
  { name: 'home', shot: true, path: '/', h1: '重庆市开州区人民政府' },
  { name: 'xxgk', path: '/xxgk', h1: '政府信息公开' },
  { name: 'guide', shot: true, path: '/xxgk/zhinan', h1: '政府信息公开指南' },
  { name: 'rules', path: '/xxgk/zhidu', h1: '政府信息公开制度' },
  { name: 'catalogue', path: '/xxgk/fdzdgknr', h1: '法定主动公开内容' },
  { name: 'catalogue-section', path: '/xxgk/fdzdgknr?section=ghjh', h1: '规划计划' },
  { name: 'annual-reports', path: '/xxgk/nianbao', h1: '政府信息公开工作年度报告' },
  { name: 'requests', path: '/xxgk/ysqgk', h1: '依申请公开' },
  { name: 'units', shot: true, path: '/xxgk/jigou', h1: '公开主体' },
  { name: 'unit', path: '/xxgk/jigou/fgw', h1: '重庆市开州区发展和改革委员会' },
  { name: 'dissolved-unit', shot: true, path: '/xxgk/jigou/syjj', h1: '重庆市开州区食品药品监督管理局' },
  { name: 'mailbox', path: '/hudong/qzxx', h1: '区长信箱' },
  { name: 'search', shot: true, path: `/search?q=${encodeURIComponent('国办发〔2019〕51号')}`, h1: '搜索' },
  { name: 'search-words', path: `/search?q=${encodeURIComponent('天然气')}`, h1: '搜索' },
  // The demo catalogue: a law by its title (exact counts), a word in 3,000 items (capped count, facets without
  // counts), and a misspelt title under a filter (zero results: drop the filter, similar titles).
  { name: 'search-title', shot: true, path: `/search?q=${encodeURIComponent('政府信息公开条例')}`, h1: '搜索' },
  { name: 'search-capped', shot: true, path: `/search?q=${encodeURIComponent('演示数据')}`, h1: '搜索' },
  { name: 'search-none', shot: true, path: `/search?q=${encodeURIComponent('政府信息公开条列')}&year=2019`, h1: '搜索' },
  { name: 'deadline', path: '/gongju/dqjs', h1: '答复期限计算' },
  { name: 'deadline-answer', shot: true, path: '/gongju/dqjs?from=2025-09-30&days=20', h1: '答复期限计算' },
  { name: 'deadline-provisional', path: '/gongju/dqjs?from=2026-12-10', h1: '答复期限计算' },
  { name: 'deadline-error', path: '/gongju/dqjs?from=2025-02-30', h1: '答复期限计算', status: 400 },
  { name: 'accessibility', path: '/wza', h1: '无障碍说明' },
  { name: 'sitemap', path: '/sitemap', h1: '网站地图' },
  { name: 'not-found', shot: true, path: '/xxgk/no-such-column', h1: '找不到页面', status: 404 },
  { name: 'admin-login', shot: true, path: '/admin/login', h1: '工作人员登录' },
  { name: 'admin-dashboard', shot: true, path: '/admin', h1: '工作台', as: 'sysadmin' },
  { name: 'admin-users', shot: true, path: '/admin/users', h1: '用户管理', as: 'sysadmin' },
  { name: 'admin-new-user', shot: true, path: '/admin/users/new', h1: '新建用户', as: 'sysadmin' },
  { name: 'admin-user', path: '/admin/users/:user', h1: '吴信息（fgw.editor）', as: 'sysadmin' },
  { name: 'admin-organisations', path: '/admin/organisations', h1: '单位管理', as: 'sysadmin' },
  { name: 'admin-organisation', shot: true, path: '/admin/organisations/:organisation', h1: '重庆市开州区发展和改革委员会', as: 'sysadmin' },
  { name: 'admin-security', path: '/admin/security', h1: '安全管理', as: 'secadmin' },
  { name: 'admin-audit', shot: true, path: '/admin/audit', h1: '审计日志', as: 'auditor' },
  { name: 'admin-catalogue', path: '/admin/catalogue', h1: '主动公开', as: 'fgw.editor' },
  { name: 'admin-catalogue-new', shot: true, path: '/admin/catalogue/new', h1: '新建公开信息', as: 'fgw.editor' },
  { name: 'admin-password', path: '/admin/account/password', h1: '修改密码', as: 'sysadmin' },
  { name: 'admin-second-factor', path: '/admin/account/second-factor', h1: '双因素认证', as: 'sysadmin' },
  { name: 'admin-calendar', shot: true, path: '/admin/calendar?year=2025', h1: '2025 年工作日历', as: 'sysadmin' },
  { name: 'admin-calendar-next-year', path: '/admin/calendar?year=2027', h1: '2027 年工作日历', as: 'sysadmin' },
  { name: 'admin-calendar-notice', path: '/admin/calendar/notice?year=2027', h1: '录入放假通知', as: 'sysadmin' },
  { name: 'admin-calendar-amend', path: '/admin/calendar/amend', h1: '修订日历', as: 'sysadmin' },
  { name: 'admin-not-found', path: '/admin/no-such-page', h1: '找不到页面', as: 'sysadmin', status: 404 },
]


describeInBrowser('the page shell', () => {
  let site: Site
  const tabs = variantTabs(() => site)
  const { pageFor, contexts } = tabs
  let standardRootFontSize = 0



  beforeAll(async () => {
    site = await startSite()
    const admin = await pageFor(VARIANTS[0]!, 'sysadmin')
    await admin.goto('/admin/users')
    ids.user = Number((await admin.getByRole('link', { name: 'fgw.editor', exact: true }).getAttribute('href'))!.split('/').pop())
    await admin.goto('/admin/organisations')
    ids.organisation = Number((await admin.getByRole('link', { name: '重庆市开州区发展和改革委员会', exact: true }).getAttribute('href'))!.split('/').pop())
    const visitor = await pageFor(VARIANTS[0]!, undefined)
    await visitor.goto('/')
    standardRootFontSize = await rootFontSize(visitor)
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await site?.close()
  })

  for (const variant of VARIANTS) {
    for (const shellPage of PAGES) {
      it(`${shellPage.name} (${shellPage.path}) is usable and accessible — ${variant.label}`, async () => {
        const page = await pageFor(variant, shellPage.as)
        const target = shellPage.path.replace(':user', String(ids.user)).replace(':organisation', String(ids.organisation))
        const response = await page.goto(target)
        expect(response?.status()).toBe(shellPage.status ?? 200)
        expect(new URL(page.url()).pathname).toBe(new URL(target, site.url).pathname)
        await expectShell(page, { phone: variant.phone })
        expect((await page.locator('h1').textContent())?.trim()).toBe(shellPage.h1)
        if (variant.elder) {
          expect(await page.locator('html').getAttribute('class')).toContain('mode-elder')
          expect(await rootFontSize(page)).toBeGreaterThan(standardRootFontSize)
        } else {
          expect(await page.locator('html').getAttribute('class')).toContain('mode-standard')
        }
        await checkAxe(page, `${target} (${variant.label})`)
        if (shellPage.shot || process.env.E2E_SCREENSHOTS === 'all') await screenshot(page, `shell-${variant.name}-${shellPage.name}`)
      })
    }
  }

  it('enlarges the root font size when the 长辈版 link is clicked, and restores it with 返回标准版', async () => {
    const context = await site.newContext(DESKTOP)
    contexts.push(context)
    const page = await context.newPage()
    await page.goto('/xxgk/zhinan')
    const standard = await rootFontSize(page)
    await switchToElder(page)
    expect(await rootFontSize(page)).toBeGreaterThan(standard)
    await page.locator('header').getByRole('link', { name: '返回标准版' }).click()
    await page.waitForURL('**/xxgk/zhinan')
    expect(await page.locator('html').getAttribute('class')).toContain('mode-standard')
    expect(await rootFontSize(page)).toBe(standard)
  })

  it('sends a visitor from a dissolved unit to its successor 区市场监管局', async () => {
    const page = await pageFor(VARIANTS[0]!, undefined)
    await page.goto('/xxgk/jigou/syjj')
    const banner = page.locator('main [role="status"]').filter({ hasText: '已于 2019-02-28 撤销' })
    expect(await banner.count()).toBe(1)
    const successor = banner.getByRole('link', { name: /区市场监管局|开州区市场监督管理局/ })
    expect(await successor.getAttribute('href')).toBe('/xxgk/jigou/scjgj')
    await successor.click()
    await page.waitForURL('**/xxgk/jigou/scjgj')
    expect(await page.locator('h1').textContent()).toBe('重庆市开州区市场监督管理局')
  })
})
