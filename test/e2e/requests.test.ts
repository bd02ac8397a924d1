/**
 * 依申请公开 in Chromium, as people do it: a citizen applies online on a phone (no account), a 单位信息员 confirms
 * receipt, asks for 补正, records the correction, consults a third party and records its objection, the 单位负责人
 * extends the deadline, the 信息员 decides on partial disclosure, and the citizen downloads the answer on the
 * tracking page. axe on every page, phone and 长辈版 checks, and the application form sent with JavaScript off.
 * Screenshots in screenshots/.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { statutoryDate } from '../../src/platform/clock.ts'
import { checkAxe, clickAndWait, describeInBrowser, DESKTOP, expectShell, PHONE, screenshot, signIn, startSite, switchToElder, type Site } from './support/browser.ts'

const INFORMATION = '汉丰湖东岸步道2026年维修工程的招标控制价说明'
const NAME = '林秀英'
const PHONE_NO = '13512345678'
const ID_NUMBER = '500234199001011232'
const WITHHELD = '投标单位的报价明细'

describeInBrowser('依申请公开 in the browser', () => {
  let site: Site
  let citizen: Page
  let staff: Page
  const contexts: BrowserContext[] = []
  let queryCode = ''
  let caseUrl = ''
  const today = statutoryDate(new Date())

  const h1 = async (page: Page) => (await page.locator('h1').textContent())?.trim()

  beforeAll(async () => {
    site = await startSite()
    const phone = await site.newContext(PHONE)
    const desk = await site.newContext(DESKTOP)
    contexts.push(phone, desk)
    citizen = await phone.newPage()
    staff = await desk.newPage()
  }, 120_000)

  afterAll(async () => {
    for (const c of contexts) await c.close()
    await site?.close()
  })

  async function fillApplication(page: Page) {
    await page.getByLabel('受理申请的单位').selectOption({ label: '重庆市开州区发展和改革委员会（区政府及部门）' })
    await page.getByLabel('姓名或者名称').fill(NAME)
    await page.getByLabel('身份证明号码').fill(ID_NUMBER)
    await page.getByLabel('联系电话').fill(PHONE_NO)
    await page.getByLabel('所需信息的名称').fill(INFORMATION)
  }

  it('applies online on a phone: missing items listed, published items offered, receipt with query code', async () => {
    await citizen.goto('/xxgk/ysqgk')
    await clickAndWait(citizen, citizen.getByRole('link', { name: '在线申请' }))
    expect(await h1(citizen)).toBe('在线申请政府信息公开')
    await expectShell(citizen, { phone: true })
    await checkAxe(citizen, 'application form (phone)')
    await screenshot(citizen, 'requests-apply-phone')
    await clickAndWait(citizen, citizen.getByRole('button', { name: '下一步：检查并提交' }))
    const summary = citizen.locator('.error-summary')
    await expect.poll(() => summary.textContent()).toContain('请填写申请人姓名或者单位名称')
    expect(await summary.textContent()).toContain('请填写所需信息的名称、文号或者便于查询的特征性描述（至少一项）')
    await checkAxe(citizen, 'application form with errors')
    await screenshot(citizen, 'requests-apply-errors-phone')
    await fillApplication(citizen)
    await clickAndWait(citizen, citizen.getByRole('button', { name: '下一步：检查并提交' }))
    if ((await h1(citizen)) === '这些已公开的信息是否就是您要的？') {
      await checkAxe(citizen, 'published items check')
      await screenshot(citizen, 'requests-apply-check-phone')
      await clickAndWait(citizen, citizen.getByRole('button', { name: '不是，继续提交申请' }))
    }
    expect(await h1(citizen)).toBe('申请已提交')
    queryCode = (await citizen.locator('.query-code').textContent())!.trim()
    expect(queryCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    await expectShell(citizen, { phone: true })
    await checkAxe(citizen, 'receipt')
    await screenshot(citizen, 'requests-receipt-phone')
  }, 120_000)

  async function step(label: string, fields: Record<string, string>, selects: Record<string, string> = {}) {
    const box = staff.locator('details.step', { has: staff.locator('summary', { hasText: new RegExp(`^${label}$`) }) })
    await box.locator('summary').click()
    for (const [field, value] of Object.entries(fields)) await box.getByLabel(field, { exact: true }).fill(value)
    for (const [field, value] of Object.entries(selects)) await box.getByLabel(field, { exact: true }).selectOption({ label: value })
    await clickAndWait(staff, box.getByRole('button', { name: label }))
    await expect.poll(() => staff.locator('main').textContent()).toContain('已记录')
  }

  async function as(username: string) {
    await staff.context().clearCookies()
    await signIn(staff, username)
    await staff.goto(caseUrl || '/admin/requests')
  }

  it('is handled by the unit: receipt, 补正, correction, third-party consultation, extension, partial disclosure', async () => {
    await as('fgw.editor')
    expect(await h1(staff)).toBe('依申请公开')
    await checkAxe(staff, 'case list')
    await screenshot(staff, 'requests-list-desktop')
    await clickAndWait(staff, staff.locator('tr', { hasText: INFORMATION }).getByRole('link'))
    caseUrl = new URL(staff.url()).pathname
    expect(await staff.locator('main').textContent()).toContain('林**')
    expect(await staff.locator('main').textContent()).not.toContain(ID_NUMBER)
    await checkAxe(staff, 'case page (awaiting receipt)')
    await step('确认收到申请', { 确认日期: today })
    await step('告知补正', { 告知日期: today, '需要补正的事项（每行一项）': '请写明所需的是招标控制价的哪一部分', 补正期限: '2027-01-15' })
    await step('收到补正', { 收到补正日期: today })
    await step('征求意见', { 发出征求意见书日期: today, '第三方名称或姓名（征求第三方意见时填写）': '重庆某路桥工程有限公司', '公开可能损害第三方合法权益的情形（征求第三方意见时填写）': '控制价说明附有投标单位报价' }, { 征求谁的意见: '第三方（第三十二条）' })
    await checkAxe(staff, 'case page (consulting)')
    await screenshot(staff, 'requests-case-consulting-desktop')
    await step('收到意见', { 收到意见日期: today }, { 谁的意见: '第三方（第三十二条）', 意见: '不同意公开' })
    await as('fgw.head')
    await step('延长答复期限', { 负责人同意日期: today, 延长的工作日数: '15', 延期理由: '需要核实第三方意见并区分处理' })
    await as('fgw.editor')
    const box = staff.locator('details.step', { has: staff.locator('summary', { hasText: /^作出答复$/ }) })
    await box.locator('summary').click()
    // First step: the disposition; the second step shows only its fields.
    await box.getByRole('group', { name: '（二）部分公开' }).getByLabel(/部分公开/).check()
    await clickAndWait(staff, box.getByRole('button', { name: '下一步：填写答复内容' }))
    await box.getByLabel('答复日期').fill(today)
    await box.getByLabel('提供的信息内容').fill('招标控制价编制说明')
    await box.getByLabel('提供或获取的方式').fill('通过本网站下载')
    await box.getByLabel('第 1 部分：不予公开的内容').fill(WITHHELD)
    await box.getByRole('group', { name: '第 1 部分：依据' }).getByLabel(/保护第三方合法权益/).check()
    await box.getByLabel('第 1 部分：不予公开的理由').fill('涉及第三方商业秘密，第三方不同意公开')
    await box.getByLabel(/^保护的第三方权益/).selectOption({ label: '商业秘密' })
    // 添加一行 resubmits the form without recording anything: four rows, the entries kept.
    await clickAndWait(staff, box.getByRole('button', { name: /添加一行/ }))
    expect(await box.getByLabel('第 4 部分：不予公开的内容').count()).toBe(1)
    expect(await box.getByLabel('第 1 部分：不予公开的内容').inputValue()).toBe(WITHHELD)
    await box.getByLabel('第 2 部分：不予公开的内容').fill('评标专家名单')
    await box.getByRole('group', { name: '第 2 部分：依据' }).getByLabel(/保护第三方合法权益/).check()
    await checkAxe(staff, 'decision form')
    await box.scrollIntoViewIfNeeded()
    await screenshot(staff, 'requests-decision-form-desktop')
    await clickAndWait(staff, box.getByRole('button', { name: '作出答复' }))
    // The second row lacks its reason: refused, nothing recorded.
    expect(await staff.locator('.error-summary').textContent()).toContain('不予公开的第 2 部分：请说明不予公开的理由')
    expect(await box.textContent()).toContain('不予公开的第 2 部分：请说明不予公开的理由')
    expect(await staff.locator('main').textContent()).not.toContain('已答复')
    {
      const phone = await site.newContext(PHONE)
      contexts.push(phone)
      const small = await phone.newPage()
      await signIn(small, 'fgw.editor')
      await small.goto(`${caseUrl}?jueding=partial`)
      await checkAxe(small, 'decision form (phone)')
      await screenshot(small, 'requests-decision-form-phone')
      await switchToElder(small)
      await small.goto(`${caseUrl}?jueding=partial`)
      await checkAxe(small, 'decision form (长辈版)')
      await screenshot(small, 'requests-decision-form-elder-phone')
    }
    await box.getByLabel('第 2 部分：不予公开的理由').fill('评标专家个人信息，公开会侵犯其个人隐私')
    await clickAndWait(staff, box.getByRole('button', { name: '作出答复' }))
    const main = await staff.locator('main').textContent()
    expect(main).toContain('已答复')
    expect(main).toContain('部分公开')
    expect(main).toContain('政府信息公开申请答复书')
    await checkAxe(staff, 'case page (answered)')
    await screenshot(staff, 'requests-case-answered-desktop')
    const row = staff.locator('tr', { has: staff.getByRole('link', { name: '政府信息公开申请答复书', exact: true }) })
    const docx = await row.locator('a[href$=".docx"]').getAttribute('href')
    const download = await staff.request.get(docx!)
    expect(download.headers()['content-type']).toContain('wordprocessingml')
    expect((await download.body()).subarray(0, 2).toString()).toBe('PK')
  }, 240_000)

  it('lets the applicant follow the case and read the answer on the tracking page, also in 长辈版', async () => {
    await citizen.goto('/xxgk/ysqgk/chaxun')
    await checkAxe(citizen, 'tracking form')
    await citizen.getByLabel('查询码').fill(queryCode)
    await citizen.getByLabel('联系电话后 4 位').fill(PHONE_NO.slice(-4))
    await clickAndWait(citizen, citizen.getByRole('button', { name: '查询' }))
    expect(await h1(citizen)).toBe('办理进度')
    const body = (await citizen.locator('main').textContent())!
    expect(body).toContain('已答复')
    for (const secret of [NAME, ID_NUMBER, PHONE_NO]) expect(body).not.toContain(secret)
    expect(body).not.toContain('征求第三方意见书')
    await expectShell(citizen, { phone: true })
    await checkAxe(citizen, 'tracking result (phone)')
    await screenshot(citizen, 'requests-tracking-phone')
    await switchToElder(citizen)
    await expectShell(citizen, { phone: true })
    await checkAxe(citizen, 'tracking result (长辈版)')
    await screenshot(citizen, 'requests-tracking-elder-phone')
    await clickAndWait(citizen, citizen.getByRole('link', { name: '政府信息公开申请答复书' }))
    const letter = (await citizen.locator('main').textContent())!
    expect(letter).toContain(WITHHELD)
    expect(letter).toContain('行政复议')
    await checkAxe(citizen, 'answer letter (长辈版)')
    await screenshot(citizen, 'requests-answer-elder-phone')
    await citizen.goto('/xxgk/ysqgk/shenqing')
    await checkAxe(citizen, 'application form (长辈版)')
    await screenshot(citizen, 'requests-apply-elder-phone')
  }, 120_000)

  it('shows the staff pages on a phone and in 长辈版', async () => {
    const context = await site.newContext(PHONE)
    contexts.push(context)
    const page = await context.newPage()
    await signIn(page, 'fgw.editor')
    await page.goto(caseUrl)
    await expectShell(page, { phone: true })
    await checkAxe(page, 'case page (phone)')
    await screenshot(page, 'requests-case-phone')
    await switchToElder(page)
    await checkAxe(page, 'case page (长辈版)')
    await screenshot(page, 'requests-case-elder-phone')
    await page.goto('/admin/requests/new')
    await checkAxe(page, 'registration form (长辈版)')
    await screenshot(page, 'requests-register-elder-phone')
    await page.goto('/admin/requests')
    await expectShell(page, { phone: true })
    await checkAxe(page, 'case list (长辈版 phone)')
    await screenshot(page, 'requests-list-elder-phone')
    await page.goto('/admin/requests/tongji')
    await expectShell(page, { phone: true })
    await checkAxe(page, 'statistics (长辈版 phone)')
    await screenshot(page, 'requests-statistics-elder-phone')
    await staff.goto('/admin/requests/tongji/anjian?table=2021&row=new_received&col=total')
    expect(await staff.locator('h1').textContent()).toContain('一、本年新收政府信息公开申请数量')
    await checkAxe(staff, 'statistics with drill-down (desktop)')
    await screenshot(staff, 'requests-statistics-desktop')
    await staff.goto('/admin/requests/new')
    await checkAxe(staff, 'registration form (desktop)')
    await screenshot(staff, 'requests-register-desktop')
  }, 120_000)

  it('accepts an application with JavaScript turned off', async () => {
    const context = await site.newContext({ ...DESKTOP, javaScriptEnabled: false })
    contexts.push(context)
    const page = await context.newPage()
    await page.goto('/xxgk/ysqgk/shenqing')
    await fillApplication(page)
    await page.getByLabel('所需信息的名称').fill('开州区2026年秋季学校食堂食品安全抽检结果（无脚本）')
    await clickAndWait(page, page.getByRole('button', { name: '下一步：检查并提交' }))
    if ((await h1(page)) === '这些已公开的信息是否就是您要的？') await clickAndWait(page, page.getByRole('button', { name: '不是，继续提交申请' }))
    expect(await h1(page)).toBe('申请已提交')
    expect(await page.locator('.query-code').textContent()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    await screenshot(page, 'requests-receipt-nojs-desktop')
  }, 120_000)
})
