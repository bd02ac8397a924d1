/**
 * The 政府信息公开专栏's 指南, 制度 and browse pages, and the 指南 settings pages: every page at desktop and phone widths
 * and in 长辈版 with zero axe (WCAG 2.1 AA) violations; then, with JavaScript off, a unit administrator fills in the
 * guide (a mistake first, then the fix) and a visitor reads it and browses the catalogue.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { checkAxe, clickAndWait, describeInBrowser, expectShell, PHONE, screenshot, signIn, startSite, VARIANTS, variantTabs, type Site } from './support/browser.ts'

type Staff = 'gkb' | 'fgw.admin'

interface GuidePage {
  name: string
  /** `:fgw` stands for the id of 区发展改革委, `:year` for the newest year that has information. */
  path: string
  h1: string
  as?: Staff
}

const ids = { fgw: 0, year: '' }

const PAGES: GuidePage[] = [
  { name: 'guide-index', path: '/xxgk/zhinan', h1: '政府信息公开指南' },
  { name: 'guide-filled', path: '/xxgk/zhinan/kzq-bgs', h1: '重庆市开州区人民政府办公室政府信息公开指南' },
  { name: 'guide-unfilled', path: '/xxgk/zhinan/sww', h1: '重庆市开州区商务局政府信息公开指南' },
  { name: 'guide-dissolved', path: '/xxgk/zhinan/syjj', h1: '重庆市开州区食品药品监督管理局政府信息公开指南' },
  { name: 'rules', path: '/xxgk/zhidu', h1: '政府信息公开制度' },
  { name: 'catalogue', path: '/xxgk/fdzdgknr', h1: '法定主动公开内容' },
  { name: 'by-unit', path: '/xxgk/fdzdgknr/danwei', h1: '按发布单位浏览' },
  { name: 'unit', path: '/xxgk/fdzdgknr/danwei/czj', h1: '重庆市开州区财政局' },
  { name: 'unit-section', path: '/xxgk/fdzdgknr/danwei/czj?lanmu=qtfd&page=2', h1: '重庆市开州区财政局' },
  { name: 'by-topic', path: '/xxgk/fdzdgknr/zhuti', h1: '按主题分类浏览' },
  { name: 'topic', path: `/xxgk/fdzdgknr/zhuti/${encodeURIComponent('综合政务')}`, h1: '主题分类：综合政务' },
  { name: 'by-year', path: '/xxgk/fdzdgknr/niandu', h1: '按年份浏览' },
  { name: 'year', path: '/xxgk/fdzdgknr/niandu/:year', h1: ':year 年的政府信息' },
  { name: 'annual-reports', path: '/xxgk/nianbao', h1: '政府信息公开工作年度报告' },
  { name: 'requests', path: '/xxgk/ysqgk', h1: '依申请公开' },
  { name: 'admin-guides', path: '/admin/disclosure-guides', h1: '政府信息公开指南', as: 'gkb' },
  { name: 'admin-guide', path: '/admin/disclosure-guides/:fgw', h1: '重庆市开州区发展和改革委员会：政府信息公开指南', as: 'fgw.admin' },
]


describeInBrowser('政府信息公开指南, 制度 and browsing 法定主动公开内容', () => {
  let site: Site
  const tabs = variantTabs(() => site)
  const { pageFor, contexts } = tabs


  const resolve = (path: string) => path.replace(':fgw', String(ids.fgw)).replace(':year', ids.year)

  beforeAll(async () => {
    site = await startSite()
    const admin = await pageFor(VARIANTS[0]!, 'gkb')
    await admin.goto('/admin/disclosure-guides')
    ids.fgw = Number((await admin.getByRole('link', { name: '重庆市开州区发展和改革委员会', exact: true }).getAttribute('href'))!.split('/').pop())
    const visitor = await pageFor(VARIANTS[0]!, undefined)
    await visitor.goto('/xxgk/fdzdgknr/niandu')
    ids.year = (await visitor.locator('main tbody tr a').first().textContent())!.replace(/\D/g, '')
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await site?.close()
  })

  for (const variant of VARIANTS) {
    for (const guidePage of PAGES) {
      it(`${guidePage.name} (${guidePage.path}) is usable and accessible — ${variant.label}`, async () => {
        const page = await pageFor(variant, guidePage.as)
        const target = resolve(guidePage.path)
        const response = await page.goto(target)
        expect(response?.status()).toBe(200)
        await expectShell(page, { phone: variant.phone })
        expect((await page.locator('h1').textContent())?.trim()).toBe(resolve(guidePage.h1))
        expect(await page.locator('html').getAttribute('class')).toContain(variant.elder ? 'mode-elder' : 'mode-standard')
        await checkAxe(page, `${target} (${variant.label})`)
        await screenshot(page, `guide-${variant.name}-${guidePage.name}`)
      })
    }
  }

  it('shows field messages on the settings form that pass axe, each linked from the error summary', async () => {
    for (const variant of [VARIANTS[0]!, VARIANTS[3]!]) {
      const page = await pageFor(variant, 'fgw.admin')
      await page.goto(`/admin/disclosure-guides/${ids.fgw}`)
      // The demo 指南 of 区发展改革委 is filled in (seed-column.ts): empty the required fields first.
      await page.getByRole('textbox', { name: '机构名称', exact: true }).fill('')
      await page.getByRole('textbox', { name: '办公地址', exact: true }).fill('')
      await page.getByRole('textbox', { name: '联系电话', exact: true }).fill('电话')
      await page.getByRole('textbox', { name: '邮政编码', exact: true }).fill('12')
      await clickAndWait(page, page.getByRole('button', { name: '保存指南' }))
      expect(await page.locator('.error-summary a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['#f-officeName', '#f-address', '#f-postcode', '#f-phone'])
      await checkAxe(page, `settings form with errors (${variant.label})`)
      await screenshot(page, `guide-${variant.name}-admin-guide-errors`)
    }
  })

  // With JavaScript off (axe needs JavaScript, so the accessibility checks of these pages are in the tests above).
  it('works without JavaScript: a unit administrator fixes a mistake, saves the guide, and a visitor reads it and browses', async () => {
    const context = await site.newContext({ ...PHONE, javaScriptEnabled: false })
    contexts.push(context)
    const page = await context.newPage()
    await signIn(page, 'fgw.admin')
    await page.goto('/admin')
    await clickAndWait(page, page.getByRole('link', { name: '公开指南' }))
    expect(new URL(page.url()).pathname).toBe(`/admin/disclosure-guides/${ids.fgw}`)
    // The demo seeds 区发展改革委's 指南 (seed-column.ts DEMO_UNIT_GUIDES): the form starts with it.
    expect(await page.getByRole('textbox', { name: '办公地址', exact: true }).inputValue()).toContain('开州大道中段233号')

    await page.getByRole('textbox', { name: '机构名称', exact: true }).fill('区发展改革委办公室')
    await page.getByRole('textbox', { name: '邮政编码', exact: true }).fill('4054')
    await page.getByRole('textbox', { name: '联系电话', exact: true }).fill('5222')
    await page.getByRole('textbox', { name: /^电子邮箱/ }).fill('')
    await page.getByRole('checkbox', { name: /^电子邮件/ }).check()
    await clickAndWait(page, page.getByRole('button', { name: '保存指南' }))
    const summary = page.locator('.error-summary')
    expect(await summary.textContent()).toContain('邮政编码是 6 位数字')
    expect(await summary.textContent()).toContain('请填写有效的电话号码')
    await screenshot(page, 'guide-nojs-settings-errors')

    await page.getByRole('textbox', { name: '办公地址', exact: true }).fill('重庆市开州区汉丰街道云枫路1号')
    await page.getByRole('textbox', { name: '邮政编码', exact: true }).fill('405400')
    await page.getByRole('textbox', { name: '联系电话', exact: true }).fill('023-52220001')
    await page.getByRole('textbox', { name: /^电子邮箱/ }).fill('fgw@example.gov.cn')
    await page.getByRole('textbox', { name: /^前言/ }).fill('为便于公众获取本委的政府信息，编制本指南。')
    await page.getByRole('checkbox', { name: /^网上申请/ }).check()
    await clickAndWait(page, page.getByRole('button', { name: '保存指南' }))
    expect(await page.locator('.notice').first().textContent()).toContain('指南已保存')

    await clickAndWait(page, page.getByRole('link', { name: '查看公开的指南' }))
    expect(new URL(page.url()).pathname).toBe('/xxgk/zhinan/fgw')
    expect(await page.locator('main').textContent()).toContain('区发展改革委办公室')
    expect(await page.locator('main').textContent()).toContain('发送至 fgw@example.gov.cn')
    expect(await page.getByRole('link', { name: '在线提交政府信息公开申请' }).getAttribute('href')).toBe('/xxgk/ysqgk/shenqing')
    expect(await page.getByRole('link', { name: '申请查询' }).getAttribute('href')).toBe('/xxgk/ysqgk/chaxun')
    expect(await page.locator('main').textContent()).toMatch(/更新日期：\d{4}-\d{2}-\d{2}/)
    await screenshot(page, 'guide-nojs-saved-guide')

    // A visitor browses by unit, then narrows to one section and turns a page — links only.
    await page.goto('/xxgk/fdzdgknr')
    await clickAndWait(page, page.getByRole('navigation', { name: '浏览方式' }).getByRole('link', { name: '按发布单位' }))
    await clickAndWait(page, page.getByRole('link', { name: '重庆市开州区财政局', exact: true }))
    expect(new URL(page.url()).pathname).toBe('/xxgk/fdzdgknr/danwei/czj')
    const firstSection = page.locator('main table tbody a').first()
    const sectionName = (await firstSection.textContent())!
    await clickAndWait(page, firstSection)
    expect(await page.locator('main h2').first().textContent()).toContain(sectionName)
    await clickAndWait(page, page.getByRole('navigation', { name: '浏览方式' }).getByRole('link', { name: '按主题分类' }))
    await clickAndWait(page, page.getByRole('link', { name: '综合政务', exact: true }))
    expect(await page.locator('h1').textContent()).toBe('主题分类：综合政务')
    // The demo catalogue files thousands of items under 综合政务: more than one page.
    await clickAndWait(page, page.getByRole('link', { name: '下一页' }))
    expect(await page.locator('.pagination__status').textContent()).toContain('第 2 页')
    await page.goto('/xxgk/zhidu')
    expect(await page.locator('.item-list').textContent()).toContain('开州府办发〔2019〕56号')
  }, 180_000) // about twenty page loads and two axe runs on a shared 2-core machine
})
