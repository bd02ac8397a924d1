/**
 * 依申请公开 paths that end without an ordinary answer, in Chromium: 补正 not made in time (视为放弃, 其他处理 1),
 * a 信息处理费 paid (then answered and downloadable) and not paid (其他处理 2). The site runs on the real clock, so
 * the cases are registered at the counter with past dates (登记申请) and the deadlines have run out by today.
 * axe on every page visited, one phone and one 长辈版 check; screenshots in screenshots/.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { statutoryDate } from '../../src/platform/clock.ts'
import { checkAxe, clickAndWait, describeInBrowser, DESKTOP, PHONE, screenshot, signIn, startSite, switchToElder, type Site } from './support/browser.ts'

const DAY = 86_400_000
/** The weekday (Mon–Fri) on or before `days` calendar days before today. */
function weekdayBefore(days: number): string {
  let t = Date.parse(`${statutoryDate(new Date())}T00:00:00Z`) - days * DAY
  while ([0, 6].includes(new Date(t).getUTCDay())) t -= DAY
  return new Date(t).toISOString().slice(0, 10)
}
const plus = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)

describeInBrowser('依申请公开: 视为放弃 and 信息处理费 in the browser', () => {
  let site: Site
  let staff: Page
  const contexts: BrowserContext[] = []
  const today = statutoryDate(new Date())

  beforeAll(async () => {
    site = await startSite()
    const desk = await site.newContext(DESKTOP)
    contexts.push(desk)
    staff = await desk.newPage()
    await signIn(staff, 'czj.editor')
  }, 120_000)

  afterAll(async () => {
    for (const c of contexts) await c.close()
    await site?.close()
  })

  /** Registers an in-person application at the counter on `submittedOn`; returns the case path and its 查询码. */
  async function register(information: string, submittedOn: string, phone: string): Promise<{ caseUrl: string; queryCode: string }> {
    await staff.goto('/admin/requests/new')
    await staff.getByLabel('申请渠道').selectOption('in_person')
    await staff.getByLabel(/^提交之日|提交日期/).first().fill(submittedOn)
    await staff.getByLabel('姓名或者名称').fill('周晓梅')
    await staff.getByLabel('身份证明号码').fill('500234199001011232')
    await staff.getByLabel('联系电话').fill(phone)
    await staff.getByLabel('所需信息的名称').fill(information)
    await clickAndWait(staff, staff.getByRole('button', { name: '登记' }))
    expect(await staff.locator('main').textContent()).toContain('申请已登记')
    const queryCode = (await staff.locator('main').textContent())!.match(/[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/)![0]
    return { caseUrl: new URL(staff.url()).pathname, queryCode }
  }

  /** Opens a step box on the case page, fills its fields (label → value) and submits it. */
  async function step(label: string, fields: Record<string, string>, selects: Record<string, string> = {}): Promise<void> {
    const box = staff.locator('details.step', { has: staff.locator('summary', { hasText: new RegExp(`^${label}$`) }) })
    await box.locator('summary').click()
    for (const [name, value] of Object.entries(fields)) await box.getByLabel(name, { exact: true }).fill(value)
    for (const [name, value] of Object.entries(selects)) await box.getByLabel(name, { exact: true }).selectOption(value)
    await clickAndWait(staff, box.getByRole('button', { name: label }))
    const main = (await staff.locator('main').textContent())!
    expect(main, `${label}: ${main.slice(0, 400)}`).toContain('已记录')
  }

  /** The applicant's tracking page for a case. */
  async function track(page: Page, queryCode: string, phone: string): Promise<string> {
    await page.goto('/xxgk/ysqgk/chaxun')
    await page.getByLabel('查询码').fill(queryCode)
    await page.getByLabel('联系电话后 4 位').fill(phone.slice(-4))
    await clickAndWait(page, page.getByRole('button', { name: '查询' }))
    expect((await page.locator('h1').textContent())?.trim()).toBe('办理进度')
    return (await page.locator('main').textContent())!
  }

  it('closes a case as 视为放弃 (其他处理 1) when the 补正 deadline passes, and the tracking page says so (phone)', async () => {
    const submittedOn = weekdayBefore(40)
    const phone = '13512340001'
    const { caseUrl, queryCode } = await register('开州区2026年政府采购意向公开情况', submittedOn, phone)
    await step('告知补正', { 告知日期: plus(submittedOn, 1), '需要补正的事项（每行一项）': '请写明所需文件的名称或者文号', 补正期限: plus(submittedOn, 15) })
    // The 补正期限 ran out weeks ago: the lapse is recorded today.
    await step('逾期未补正', { 记录日期: today })
    const main = (await staff.locator('main').textContent())!
    expect(main).toContain('视为放弃申请')
    expect(main).toContain('补正告知书')
    await checkAxe(staff, 'case closed as 视为放弃 (desktop)')
    await staff.goto(caseUrl)

    const context = await site.newContext(PHONE)
    contexts.push(context)
    const citizen = await context.newPage()
    const body = await track(citizen, queryCode, phone)
    expect(body).toContain('视为放弃申请')
    expect(body).toContain('您未在补正期限内补正，申请视为放弃。')
    expect(body).toContain('逾期未补正，视为放弃申请')
    await checkAxe(citizen, 'tracking page after 视为放弃 (phone)')
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true)
    await screenshot(citizen, 'requests-paths-abandoned-phone')
  }, 180_000)

  it('sends a 按量 fee notice, the applicant pays, the unit answers, and the answer is downloadable (长辈版)', async () => {
    const phone = '13512340002'
    const { caseUrl, queryCode } = await register('开州区2025年度部门预算公开目录全部附表', weekdayBefore(3), phone)
    await step('发出收费通知', { 通知日期: today, '页数（按量计收时填写）': '50', 缴费方式: '到重庆市开州区财政局非税收入窗口缴纳' },
      { 计费方式: 'per_page', '获取形式（按量计收时选择）': 'paper' })
    expect(await staff.locator('main').textContent()).toContain('待缴费')
    await checkAxe(staff, 'case awaiting fee (desktop)')
    // The fee notice: 按量 50 页, 第31—50页 10 元 → 200 元, with its payment deadline.
    await clickAndWait(staff, staff.getByRole('link', { name: /信息处理费收费通知书/ }).first())
    const notice = (await staff.locator('main').textContent())!
    expect(notice).toContain('200')
    // The deadline is printed once, with how it was counted (FEE_SCHEDULE's 20 working days until the 公开办 changes it).
    expect(notice).toMatch(/请您于\d{4}年\d{1,2}月\d{1,2}日（自收到本通知之次日起算20个工作日）前缴纳/)
    expect(notice).not.toContain('（请于')
    await checkAxe(staff, 'fee notice (desktop)')
    await screenshot(staff, 'requests-paths-fee-notice-desktop')

    await staff.goto(caseUrl)
    await step('已缴费', { 缴费日期: today })
    await staff.goto(`${caseUrl}?jueding=granted`)
    const decision = staff.locator('#decision')
    await decision.getByLabel('答复日期').fill(today)
    const answerForm = decision.getByLabel(/^答复形式/)
    if (await answerForm.count()) await answerForm.selectOption('provided')
    const provided = decision.getByLabel(/^提供的信息内容/)
    if (await provided.count()) await provided.fill('2025年度部门预算公开目录全部附表（共 50 页）')
    await decision.getByLabel(/^提供或获取的方式/).fill('随本答复书提供纸质复印件')
    await clickAndWait(staff, decision.getByRole('button', { name: '作出答复' }))
    expect(await staff.locator('main').textContent()).toContain('已记录')

    const context = await site.newContext(DESKTOP)
    contexts.push(context)
    const citizen = await context.newPage()
    await citizen.goto('/')
    await switchToElder(citizen)
    const body = await track(citizen, queryCode, phone)
    expect(body).toContain('已答复')
    expect(body).toContain('政府信息公开信息处理费收费通知书')
    await checkAxe(citizen, 'tracking page after answer (长辈版)')
    await clickAndWait(citizen, citizen.getByRole('link', { name: '政府信息公开申请答复书' }))
    const answer = (await citizen.locator('main').textContent())!
    expect(answer).toContain('开州区2025年度部门预算公开目录全部附表')
    expect(answer).toContain('随本答复书提供纸质复印件')
    await checkAxe(citizen, 'answer letter (长辈版)')
    await screenshot(citizen, 'requests-paths-answer-elder')
  }, 180_000)

  it('stops a case whose fee is not paid in time (其他处理 2)', async () => {
    const submittedOn = weekdayBefore(70)
    const phone = '13512340003'
    const { queryCode } = await register('开州区2024年度财政专项资金分配明细', submittedOn, phone)
    await step('发出收费通知', { 通知日期: submittedOn, '页数（按量计收时填写）': '120', 缴费方式: '到重庆市开州区财政局非税收入窗口缴纳' },
      { 计费方式: 'per_page', '获取形式（按量计收时选择）': 'paper' })
    await step('逾期未缴费', { 记录日期: today })
    const main = (await staff.locator('main').textContent())!
    expect(main).toContain('逾期未缴费，不再处理')
    await checkAxe(staff, 'case closed for non-payment (desktop)')

    const context = await site.newContext(DESKTOP)
    contexts.push(context)
    const citizen = await context.newPage()
    const body = await track(citizen, queryCode, phone)
    expect(body).toContain('逾期未缴费，不再处理')
    expect(body).toContain('政府信息公开申请答复书')
    await checkAxe(citizen, 'tracking page after non-payment (desktop)')
  }, 180_000)
})

describeInBrowser('信息处理费设置 in the browser', () => {
  let site: Site
  let context: BrowserContext

  beforeAll(async () => { site = await startSite(); context = await site.newContext(DESKTOP) }, 120_000)
  afterAll(async () => { await context?.close(); await site?.close() })

  it('lets the 公开办 change the payment period, with errors linked to the field, and shows the history (axe)', async () => {
    const page = await context.newPage()
    await signIn(page, 'gkb')
    await page.goto('/admin/requests')
    await clickAndWait(page, page.getByRole('link', { name: '信息处理费设置' }))
    await checkAxe(page, 'fee settings')
    await page.getByLabel('缴费期限（工作日）').fill('0')
    await clickAndWait(page, page.getByRole('button', { name: '保存设置' }))
    expect(await page.locator('.error-summary').textContent()).toContain('缴费期限应为 1 到 60 之间的整数')
    await checkAxe(page, 'fee settings with error')
    await page.getByLabel('缴费期限（工作日）').fill('15')
    await clickAndWait(page, page.getByRole('button', { name: '保存设置' }))
    expect(await page.locator('main').textContent()).toContain('缴费期限 20 → 15 个工作日')
    await checkAxe(page, 'fee settings after saving')
    await screenshot(page, 'requests-fee-settings-desktop')
  }, 120_000)
})
