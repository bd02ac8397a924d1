/**
 * 历史案件导入 and 依申请公开统计 in Chromium: the 单位管理员 of 区财政局 downloads the template, uploads a file with a row
 * of another unit (the dry run lists it with its reason), uploads the corrected file, confirms, and finds the cases in
 * the statistics, number by number down to the cases. axe on every page at desktop, phone and 长辈版; screenshots in
 * screenshots/.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { checkAxe, clickAndWait, describeInBrowser, expectShell, screenshot, signIn, startSite, VARIANTS, variantTabs, type Site } from './support/browser.ts'

const HEADER = '收到申请日期,渠道,申请人类型,单位,答复日期,办理结果,延期工作日数,不予公开依据,第三方权益,行政复议'
const ROWS = [
  '2024-12-20,当面,自然人,czj,2025-01-10,予以公开,,,,',
  '2025-03-03,传真,商业企业,czj,2025-03-20,部分公开,,保护第三方合法权益,商业秘密,',
  '2025-04-01,信函,科研机构,czj,2025-05-08,1.属于国家秘密,10,,,维持',
  '2025-06-02,网络,自然人,czj,2025-06-10,本机关不掌握相关政府信息,,,,',
  '2025-12-29,当面,自然人,czj,,,,,,',
]

describeInBrowser('历史案件导入和依申请公开统计 in the browser', () => {
  let site: Site
  let tabs: ReturnType<typeof variantTabs>
  let desk: Page
  let dir: string
  const h1 = async (page: Page) => (await page.locator('h1').textContent())?.trim()
  const desktop = VARIANTS.find((v) => v.name === 'desktop')!

  beforeAll(async () => {
    site = await startSite()
    tabs = variantTabs(() => site)
    desk = await tabs.pageFor(desktop, 'czj.admin')
    dir = mkdtempSync(path.join(tmpdir(), 'gongkai-history-'))
  }, 120_000)

  afterAll(async () => {
    for (const c of tabs?.contexts ?? []) await c.close()
    await site?.close()
  })

  function file(name: string, rows: string[]): string {
    const file = path.join(dir, name)
    writeFileSync(file, `\uFEFF${HEADER}\n${rows.join('\n')}\n`)
    return file
  }

  it('uploads, lists a row of another unit with its reason, then imports the corrected file', async () => {
    await desk.goto('/admin/requests')
    await clickAndWait(desk, desk.getByRole('link', { name: '导入历史案件' }))
    expect(await h1(desk)).toBe('导入历史案件')
    await checkAxe(desk, 'import page (desktop)')
    await screenshot(desk, 'requests-import-desktop')
    await clickAndWait(desk, desk.getByRole('link', { name: /列说明/ }))
    expect(await h1(desk)).toBe('历史案件文件的列说明')
    await checkAxe(desk, 'column notes (desktop)')
    await screenshot(desk, 'requests-import-columns-desktop')

    await desk.goto('/admin/requests/import')
    await clickAndWait(desk, desk.getByRole('button', { name: '上传并检查' }))
    expect(await desk.locator('.error-summary').textContent()).toContain('请选择要导入的 CSV 或 XLSX 文件')
    await checkAxe(desk, 'import page with an error (desktop)')

    await desk.getByLabel('历史案件文件').setInputFiles(file('有问题.csv', [...ROWS, '2025-05-05,当面,自然人,fgw,2025-05-15,予以公开,,,,']))
    await clickAndWait(desk, desk.getByRole('button', { name: '上传并检查' }))
    expect(await h1(desk)).toBe('检查结果：有问题.csv')
    const rejected = (await desk.locator('tbody tr').allTextContents()).join('\n')
    expect(rejected).toMatch(/第 7 行[\s\S]*只能导入本单位（重庆市开州区财政局）的案件/)
    expect(await desk.getByRole('button', { name: /确认导入/ }).count()).toBe(0)
    await checkAxe(desk, 'dry run with rejected rows (desktop)')
    await screenshot(desk, 'requests-import-rejected-desktop')

    await clickAndWait(desk, desk.getByRole('link', { name: '重新上传' }))
    await desk.getByLabel('历史案件文件').setInputFiles(file('历史案件.csv', ROWS))
    await clickAndWait(desk, desk.getByRole('button', { name: '上传并检查' }))
    await checkAxe(desk, 'dry run ready to confirm (desktop)')
    await screenshot(desk, 'requests-import-dry-run-desktop')
    await clickAndWait(desk, desk.getByRole('button', { name: '确认导入 5 件' }))
    expect(await desk.locator('.notice').textContent()).toContain('已导入 5 件历史案件')
    await checkAxe(desk, 'import result (desktop)')
    await screenshot(desk, 'requests-import-done-desktop')
  }, 120_000)

  it('shows the imported cases in the 2025 statistics, each number down to its cases', async () => {
    await clickAndWait(desk, desk.getByRole('link', { name: '查看 2025 年统计' }))
    expect(await h1(desk)).toBe('依申请公开统计')
    await expectShell(desk)
    await checkAxe(desk, 'statistics 2025 (desktop)')
    await screenshot(desk, 'requests-statistics-2025-desktop')
    const table = desk.getByRole('region', { name: /表三 收到和处理政府信息公开申请情况（2021 年格式）/ })
    const newRow = table.getByRole('row', { name: /^一、本年新收/ })
    expect((await newRow.getByRole('cell').last().textContent())?.replace(/\D/g, '')).toBe('4')
    const carried = table.getByRole('row', { name: /^二、上年结转/ })
    expect((await carried.getByRole('cell').last().textContent())?.replace(/\D/g, '')).toBe('1')
    await clickAndWait(desk, newRow.getByRole('cell').last().getByRole('link'))
    expect(await h1(desk)).toContain('一、本年新收政府信息公开申请数量 · 总计')
    expect(await desk.locator('tbody tr').count()).toBe(4)
    expect(await desk.locator('main').textContent()).toContain('共 4 件')
    await checkAxe(desk, 'drill-down (desktop)')
    await screenshot(desk, 'requests-statistics-drill-desktop')
    // Each case of the list opens (an imported case has its page like any other).
    await clickAndWait(desk, desk.locator('tbody tr').first().getByRole('link'))
    expect(await h1(desk)).toMatch(/^依申请公开 第 \d+ 号/)
    await desk.goBack()
    // The 2014-era rows: 延期办结 holds the extended case.
    await desk.goto('/admin/requests/tongji?year=2025')
    const legacy = desk.getByRole('region', { name: '2014 年格式统计表' })
    await clickAndWait(desk, legacy.getByRole('row', { name: /2\.延期办结数/ }).getByRole('link'))
    expect(await desk.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('2025-04-01')])
  }, 120_000)

  it('imports with JavaScript turned off', async () => {
    const context = await site.newContext({ ...desktop.options, javaScriptEnabled: false })
    tabs.contexts.push(context)
    const page = await context.newPage()
    await signIn(page, 'gkb')
    await page.goto('/admin/requests/import')
    await page.getByLabel('历史案件文件').setInputFiles(file('无脚本.csv', ['2025-08-08,当面,自然人,fgw,2025-08-12,予以公开,,,,']))
    await clickAndWait(page, page.getByRole('button', { name: '上传并检查' }))
    await clickAndWait(page, page.getByRole('button', { name: '确认导入 1 件' }))
    expect(await page.locator('.notice').textContent()).toContain('已导入 1 件历史案件')
  }, 120_000)

  for (const variant of VARIANTS.filter((v) => v.name !== 'desktop')) {
    it(`passes axe on the import, statistics and drill-down pages (${variant.label})`, async () => {
      const page = await tabs.pageFor(variant, 'czj.admin')
      for (const [url, name] of [['/admin/requests/import', 'import'], ['/admin/requests/import/columns', 'import-columns'], ['/admin/requests/tongji?year=2025', 'statistics'], ['/admin/requests/tongji/anjian?year=2025&table=2021&row=total_processed&col=total', 'drill']] as const) {
        await page.goto(url)
        await expectShell(page, { phone: variant.phone })
        await checkAxe(page, `${name} (${variant.label})`)
        await screenshot(page, `requests-${name}-${variant.name}`)
      }
    }, 120_000)
  }
})
