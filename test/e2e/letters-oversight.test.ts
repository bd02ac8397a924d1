/**
 * 信件选登 and 办理情况统计 in Chromium: a writer agrees to publication and writes their address and number into the
 * letter; the unit replies and the 公开办 releases the reply; the letter waits in the 选登 queue, where the 公开办 sees it
 * with name, number and address masked, and approves it; the portal shows it without any of them. Then the oversight
 * statistics for 2017 (the seed's figures, from the demo records) with a drill-down, at desktop, phone and in 长辈版.
 * A reopened published letter leaves the portal. axe on every page; screenshots in screenshots/.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { checkAxe, clickAndWait, describeInBrowser, DESKTOP, expectShell, PHONE, screenshot, signIn, startSite, switchToElder, type Site } from './support/browser.ts'

const SUBJECT = '滨湖路小区楼下排水沟堵塞'
const CONTENT = '我是欧阳明辉，住开州区汉丰街道滨湖路88号5栋2单元302室，电话13987654321。楼下排水沟堵塞，下雨就积水，请尽快疏通。'

describeInBrowser('信件选登 and 办理情况统计 in the browser', () => {
  let site: Site
  let staff: Page
  let citizen: Page
  const contexts: BrowserContext[] = []
  let caseUrl = ''

  async function as(username: string) {
    await staff.context().clearCookies()
    await signIn(staff, username)
  }

  beforeAll(async () => {
    site = await startSite()
    const desktop = await site.newContext(DESKTOP, { preloadAxe: true })
    const phone = await site.newContext(PHONE, { preloadAxe: true })
    contexts.push(desktop, phone)
    staff = await desktop.newPage()
    citizen = await phone.newPage()
  })
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await site?.close()
  })

  it('takes a consenting letter through reply and release into the 选登 queue, not onto the portal', async () => {
    await citizen.goto('/hudong/qzxx/xiexin')
    await citizen.getByRole('radio', { name: /^求助/ }).check()
    await citizen.getByLabel('标题 *').fill(SUBJECT)
    await citizen.getByLabel('内容 *').fill(CONTENT)
    await citizen.getByLabel('姓名 *').fill('欧阳明辉')
    await citizen.getByLabel('联系电话 *').fill('13987654321')
    await citizen.getByRole('radio', { name: '同意公开', exact: true }).check()
    await clickAndWait(citizen, citizen.getByRole('button', { name: '提交信件' }))

    await as('gkb')
    await staff.goto('/admin/letters')
    await clickAndWait(staff, staff.getByRole('link', { name: SUBJECT }))
    caseUrl = new URL(staff.url()).pathname
    await staff.getByRole('radio', { name: /^受理/ }).check()
    await clickAndWait(staff, staff.getByRole('button', { name: '提交受理意见' }))
    await staff.getByLabel('承办单位').selectOption({ label: '汉丰街道' })
    await clickAndWait(staff, staff.getByRole('button', { name: '转办', exact: true }))

    await as('hfjd.editor')
    await staff.goto(caseUrl)
    await staff.getByLabel('答复内容').fill('经核查，滨湖路88号楼下排水沟被建筑垃圾堵塞，街道已组织清掏疏通。欧阳明辉先生如再遇积水可拨打街道值班电话。')
    await clickAndWait(staff, staff.getByRole('button', { name: '提交答复' }))
    await as('gkb')
    await staff.goto(caseUrl)
    await clickAndWait(staff, staff.getByRole('button', { name: '审核通过并发布答复' }))

    await citizen.goto('/hudong/qzxx/xuandeng')
    expect(await citizen.locator('main').textContent()).not.toContain(SUBJECT)
  })

  it('shows the 公开办 the letter with name, number and address masked, and publishes it once approved', async () => {
    await staff.goto('/admin/letters')
    await clickAndWait(staff, staff.getByRole('link', { name: '信件选登审核' }))
    await checkAxe(staff, '选登 queue')
    await screenshot(staff, 'letters-publication-queue')
    await clickAndWait(staff, staff.getByRole('link', { name: SUBJECT }))
    const content = await staff.getByLabel('公开的来信').inputValue()
    expect(content).toBe('我是欧某，住开州区汉丰街道滨湖路**号*栋*单元***室，电话139****4321。楼下排水沟堵塞，下雨就积水，请尽快疏通。')
    expect(await staff.getByLabel('公开的答复').inputValue()).toContain('滨湖路**号楼下')
    await expectShell(staff)
    await checkAxe(staff, '选登 review')
    await screenshot(staff, 'letters-publication-review')
    // Approving without a choice: a clear message, nothing published.
    await clickAndWait(staff, staff.getByRole('button', { name: '提交审核意见' }))
    expect(await staff.locator('.error-summary').textContent()).toContain('请选择选登或不选登')
    await checkAxe(staff, '选登 review with errors')
    await staff.getByRole('radio', { name: /^选登/ }).check()
    await clickAndWait(staff, staff.getByRole('button', { name: '提交审核意见' }))
    expect(await staff.locator('#publication-state').textContent()).toBe('已选登')

    await citizen.goto('/hudong/qzxx/xuandeng')
    const shown = (await citizen.locator('main').textContent())!
    expect(shown).toContain(SUBJECT)
    for (const secret of ['欧阳明辉', '13987654321', '88号', '302室']) expect(shown).not.toContain(secret)
    await expectShell(citizen, { phone: true })
    await checkAxe(citizen, '信件选登 phone')
    await screenshot(citizen, 'letters-published-phone')

    // The month's public statistics link each unit to its own twelve months, with denominators.
    await citizen.goto('/hudong/qzxx/tongji')
    await clickAndWait(citizen, citizen.getByRole('region', { name: '按承办单位统计' }).getByRole('link', { name: '汉丰街道' }))
    expect(await citizen.locator('h1').textContent()).toBe('汉丰街道信件办理情况')
    expect(await citizen.locator('tbody tr').count()).toBe(12)
    expect(await citizen.locator('tbody tr').first().textContent()).toMatch(/（\d+\/\d+）/)
    await expectShell(citizen, { phone: true })
    await checkAxe(citizen, 'unit statistics phone')
    await screenshot(citizen, 'letters-unit-statistics-phone')
  })

  it('gives the 公开办 the 2017 statistics with the seed\'s figures, and each figure opens its letters', async () => {
    await staff.goto('/admin/letters')
    await clickAndWait(staff, staff.getByRole('link', { name: '办理情况统计' }))
    await clickAndWait(staff, staff.getByRole('link', { name: '2017年（年报）' }))
    expect(await staff.locator('#total-supervision').textContent()).toBe('83 件：优2、良77、中4、差0')
    const mailbox = staff.locator('table').first().locator('tr', { has: staff.getByRole('rowheader', { name: '区长公开信箱', exact: true }) })
    expect((await mailbox.locator('td').nth(0).textContent())?.trim()).toBe('1109')
    expect(await mailbox.locator('td').nth(1).textContent()).toContain('1055/1109')
    await expectShell(staff)
    await checkAxe(staff, 'statistics desktop')
    await screenshot(staff, 'letters-oversight-statistics-desktop')
    await clickAndWait(staff, mailbox.locator('td').nth(2).getByRole('link', { name: '54' }))
    expect(await staff.locator('#drill-total').textContent()).toBe('54')
    await checkAxe(staff, 'statistics drill-down')
    await screenshot(staff, 'letters-oversight-drilldown')
  })

  it('works on a phone and in 长辈版, and the form works without JavaScript', async () => {
    const context = await site.newContext(PHONE, { preloadAxe: true })
    contexts.push(context)
    const page = await context.newPage()
    await signIn(page, 'gkb')
    await page.goto('/admin/letters/tongji?from=2017-01-01&to=2017-12-31&group=unit')
    await expectShell(page, { phone: true })
    await checkAxe(page, 'statistics phone')
    await screenshot(page, 'letters-oversight-statistics-phone')
    await switchToElder(page)
    await checkAxe(page, 'statistics 长辈版 phone')
    await screenshot(page, 'letters-oversight-statistics-elder-phone')

    const noJs = await site.newContext({ ...DESKTOP, javaScriptEnabled: false })
    contexts.push(noJs)
    const plain = await noJs.newPage()
    await signIn(plain, 'fgw.editor')
    await plain.goto('/admin/letters/tongji')
    await plain.getByLabel('开始日期').fill('2017-01-01')
    await plain.getByLabel('结束日期').fill('2017-12-31')
    await clickAndWait(plain, plain.getByRole('button', { name: '统计' }))
    expect(await plain.locator('h1').textContent()).toBe('本单位公众诉求办理情况统计')
    expect(Number(await plain.locator('#total-received').textContent())).toBeGreaterThan(0)
  })

  it('takes the published letter off the portal when the 公开办 reopens it (重新办理), with the step in the trace', async () => {
    await as('gkb')
    await staff.goto(caseUrl)
    const section = staff.getByRole('region', { name: '重新办理' })
    await section.getByLabel('重新办理的理由').fill('回访时来信人反映排水沟仍然堵塞')
    await checkAxe(staff, '重新办理 form')
    await screenshot(staff, 'letters-reopen-office')
    await clickAndWait(staff, section.getByRole('button', { name: '退回承办单位重新办理' }))
    const main = (await staff.locator('main').textContent())!
    expect(main).toContain('已从网站撤下')
    expect(main).toContain('撤下选登')
    await checkAxe(staff, 'case reopened')
    await citizen.goto('/hudong/qzxx/xuandeng')
    expect(await citizen.locator('main').textContent()).not.toContain(SUBJECT)
  })
})
