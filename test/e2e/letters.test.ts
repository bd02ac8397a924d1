/**
 * 区长信箱 in Chromium: a citizen on a phone writes a letter (first with mistakes), gets a receipt with a query
 * code; the 公开办 accepts and dispatches it to the suggested unit; the unit replies; the 公开办 releases the
 * reply; the citizen rates it, says "没有解决", the unit answers again, the 公开办 releases and evaluates it (办结).
 * A hotline call is answered on the spot. The letter form in 长辈版, and submitted with JavaScript off.
 * axe on every page; screenshots in screenshots/.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { checkAxe, clickAndWait, describeInBrowser, DESKTOP, expectShell, PHONE, screenshot, signIn, startSite, switchToElder, type Site } from './support/browser.ts'

const SUBJECT = '汉丰街道某小区门口路灯不亮'
const CONTENT = '小区门口的两盏路灯坏了两个月，晚上老人孩子出行很不方便，请尽快修复。'

describeInBrowser('区长信箱 in the browser', () => {
  let site: Site
  let staff: Page
  let citizen: Page
  const contexts: BrowserContext[] = []
  let queryCode = ''
  let caseUrl = ''

  const h1 = async (page: Page) => (await page.locator('h1').textContent())?.trim()
  const notice = (page: Page) => page.locator('main .notice').first()

  async function openLetterAs(username: string) {
    await staff.context().clearCookies()
    await signIn(staff, username)
    await clickAndWait(staff, staff.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '公众诉求' }))
    await checkAxe(staff, `/admin/letters as ${username}`)
    await screenshot(staff, `letters-admin-list-${username}`)
    if (caseUrl) await staff.goto(caseUrl)
  }

  async function followUp() {
    await citizen.goto('/hudong/qzxx/chaxun')
    await citizen.getByLabel('查询码').fill(queryCode)
    await citizen.getByLabel('电话号码后四位').fill('5678')
    await clickAndWait(citizen, citizen.getByRole('button', { name: '查询' }))
    expect(await h1(citizen)).toBe(SUBJECT)
  }

  beforeAll(async () => {
    site = await startSite()
    const staffContext = await site.newContext(DESKTOP, { preloadAxe: true })
    const phoneContext = await site.newContext(PHONE, { preloadAxe: true })
    contexts.push(staffContext, phoneContext)
    staff = await staffContext.newPage()
    citizen = await phoneContext.newPage()
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await site?.close()
  })

  it('lets a citizen on a phone write a letter, with clear messages first, and gives a receipt with a query code', async () => {
    await citizen.goto('/hudong/qzxx')
    await expectShell(citizen, { phone: true })
    await checkAxe(citizen, '/hudong/qzxx phone')
    await screenshot(citizen, 'letters-home-phone')
    await clickAndWait(citizen, citizen.getByRole('link', { name: '给区长写信' }))
    expect(await h1(citizen)).toBe('给区长写信')
    await checkAxe(citizen, '/hudong/qzxx/xiexin phone')
    await clickAndWait(citizen, citizen.getByRole('button', { name: '提交信件' }))
    const summary = (await citizen.locator('.error-summary').textContent())!
    expect(summary).toContain('请选择诉求类别')
    expect(summary).toContain('请填写信件标题')
    expect(await citizen.title()).toMatch(/^错误：/)
    await checkAxe(citizen, 'letter form with errors')
    await screenshot(citizen, 'letters-write-errors-phone')

    await citizen.getByRole('radio', { name: /^投诉/ }).check()
    await citizen.getByLabel('标题 *').fill(SUBJECT)
    await citizen.getByLabel('内容 *').fill(CONTENT)
    await citizen.getByLabel('姓名 *').fill('张三丰')
    await citizen.getByLabel('联系电话 *').fill('138 1234 5678')
    await citizen.getByRole('radio', { name: '同意公开', exact: true }).check()
    await expectShell(citizen, { phone: true })
    await clickAndWait(citizen, citizen.getByRole('button', { name: '提交信件' }))
    expect(await h1(citizen)).toBe('信件已提交')
    queryCode = (await citizen.locator('.query-code').textContent())!.trim()
    expect(queryCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/)
    await checkAxe(citizen, 'receipt')
    await screenshot(citizen, 'letters-receipt-phone')
  })

  it('lets the 公开办 accept the letter and dispatch it to the suggested unit', async () => {
    await openLetterAs('gkb')
    await clickAndWait(staff, staff.getByRole('link', { name: SUBJECT }))
    caseUrl = new URL(staff.url()).pathname
    await checkAxe(staff, 'case page, received')
    await screenshot(staff, 'letters-case-received')
    expect(await staff.locator('body').textContent()).not.toContain('张三丰')
    await clickAndWait(staff, staff.getByRole('button', { name: '查看完整姓名和电话' }))
    expect(await staff.locator('.contact-details').textContent()).toContain('张三丰')
    await checkAxe(staff, 'case page, contact shown (audited)')
    await screenshot(staff, 'letters-case-contact-shown')
    await staff.getByRole('radio', { name: '受理', exact: true }).check()
    await clickAndWait(staff, staff.getByRole('button', { name: '提交受理意见' }))
    expect(await notice(staff).textContent()).toBe('受理意见已记录。')
    expect(await staff.locator('#dispatch').locator('xpath=..').textContent()).toContain('汉丰街道')
    await staff.getByLabel('承办单位').selectOption({ label: '汉丰街道' })
    await screenshot(staff, 'letters-case-dispatch')
    await clickAndWait(staff, staff.getByRole('button', { name: '转办', exact: true }))
    expect(await notice(staff).textContent()).toBe('已转办，承办单位的答复期限已开始计算。')
    await checkAxe(staff, 'case page, dispatched')
  })

  it('lets the unit reply, and the 公开办 release the reply', async () => {
    await openLetterAs('hfjd.editor')
    expect(await h1(staff)).toBe(SUBJECT)
    await staff.getByLabel('答复内容').fill('经核查，两盏路灯已于12月1日修复，今后每月巡查一次。感谢您的监督。')
    await screenshot(staff, 'letters-case-reply-form')
    await clickAndWait(staff, staff.getByRole('button', { name: '提交答复' }))
    expect(await notice(staff).textContent()).toBe('答复已提交，等待区政务公开办公室审核。')
    await checkAxe(staff, 'case page, replied (unit)')

    await openLetterAs('gkb')
    await checkAxe(staff, 'case page, review')
    await screenshot(staff, 'letters-case-review')
    await clickAndWait(staff, staff.getByRole('button', { name: '审核通过并发布答复' }))
    expect(await notice(staff).textContent()).toBe('答复已发布，来信人可以查看和评价。')
  })

  it('lets the citizen follow the case, rate the reply and say it was not solved, which reopens it to the unit', async () => {
    await followUp()
    expect(await citizen.locator('body').textContent()).not.toContain('13812345678')
    await checkAxe(citizen, 'follow-up page')
    await screenshot(citizen, 'letters-follow-up-phone')
    await citizen.getByRole('radio', { name: '不满意', exact: true }).check()
    await clickAndWait(citizen, citizen.getByRole('button', { name: '提交评价' }))
    expect(await notice(citizen).textContent()).toBe('感谢您的评价。')
    await citizen.getByLabel('请说明哪些问题没有解决').fill('修好三天又坏了')
    await clickAndWait(citizen, citizen.getByRole('button', { name: '反馈没有解决' }))
    expect(await notice(citizen).textContent()).toBe('已收到您的反馈，信件已退回承办单位重新办理。')
    await checkAxe(citizen, 'follow-up page, reopened')

    await openLetterAs('hfjd.editor')
    await staff.getByLabel('答复内容').fill('已更换整套灯具和线路，并安排每周巡查。')
    await clickAndWait(staff, staff.getByRole('button', { name: '提交答复' }))
    await openLetterAs('gkb')
    await clickAndWait(staff, staff.getByRole('button', { name: '审核通过并发布答复' }))
    await staff.getByRole('radio', { name: '良', exact: true }).check()
    await staff.getByLabel('回访记录').fill('电话回访，来信人表示路灯已正常')
    await screenshot(staff, 'letters-case-evaluate')
    await clickAndWait(staff, staff.getByRole('button', { name: '监评并办结' }))
    expect(await notice(staff).textContent()).toBe('监评已记录，信件办结。')
    const history = (await staff.locator('main table').last().textContent())!
    for (const step of ['收到', '受理', '转办', '答复', '审核发布', '评价', '重新办理', '回访监评']) expect(history).toContain(step)
    await checkAxe(staff, 'case page, closed')
    await screenshot(staff, 'letters-case-closed')

    await followUp()
    expect(await citizen.locator('.summary-list').textContent()).toContain('已办结')
  })

  it('lets the 公开办 register a hotline call answered on the spot', async () => {
    await staff.goto('/admin/letters')
    await clickAndWait(staff, staff.getByRole('link', { name: '登记热线来电' }))
    await checkAxe(staff, 'call form')
    await staff.getByRole('radio', { name: '咨询', exact: true }).check()
    await staff.getByLabel('来电号码').fill('023-52012345')
    await staff.getByLabel('事项').fill('咨询社保卡补办')
    await staff.getByLabel('来电内容').fill('来电咨询社保卡丢失后如何补办。')
    await staff.getByRole('radio', { name: '当场答复', exact: true }).check()
    await staff.getByLabel('当场答复内容').fill('告知到区人力社保局服务大厅补办，带身份证原件。')
    await screenshot(staff, 'letters-call-form')
    await clickAndWait(staff, staff.getByRole('button', { name: '登记' }))
    expect(await notice(staff).textContent()).toBe('来电已登记。')
    expect(await staff.locator('.summary-list dd').nth(5).textContent()).toMatch(/^来\*人　023\*{4}2345/)
    await checkAxe(staff, 'call case page')
    await screenshot(staff, 'letters-call-case')
  })

  it('lets the 公开办 convert a letter asking for information into a 依申请公开 case, and the writer sees its query code', async () => {
    await citizen.goto('/hudong/qzxx/xiexin')
    await citizen.getByRole('radio', { name: /^咨询/ }).check()
    await citizen.getByLabel('标题 *').fill('申请公开路灯维修合同')
    await citizen.getByLabel('内容 *').fill('请公开今年城区路灯维修的采购合同和验收报告。')
    await citizen.getByLabel('姓名 *').fill('李四')
    await citizen.getByLabel('联系电话 *').fill('13900001234')
    await citizen.getByRole('radio', { name: '不同意公开', exact: true }).check()
    await clickAndWait(citizen, citizen.getByRole('button', { name: '提交信件' }))
    const code = (await citizen.locator('.query-code').textContent())!.trim()

    await openLetterAs('gkb')
    await staff.goto('/admin/letters')
    await clickAndWait(staff, staff.getByRole('link', { name: '申请公开路灯维修合同' }))
    await staff.locator('#convert').scrollIntoViewIfNeeded()
    await clickAndWait(staff, staff.getByRole('button', { name: '转为依申请公开申请' }))
    expect(await staff.locator('.error-summary').textContent()).toContain('请选择受理申请的单位')
    await staff.getByLabel('受理申请的单位').selectOption({ label: '区财政局' })
    await clickAndWait(staff, staff.getByRole('button', { name: '转为依申请公开申请' }))
    expect(await notice(staff).textContent()).toContain('已转为政府信息公开申请')
    expect(await staff.locator('.summary-list').textContent()).toMatch(/依申请公开申请（查询码 [A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}）/)
    await checkAxe(staff, 'case page, converted')
    await screenshot(staff, 'letters-case-converted')

    await citizen.goto('/hudong/qzxx/chaxun')
    await citizen.getByLabel('查询码').fill(code)
    await citizen.getByLabel('电话号码后四位').fill('1234')
    await clickAndWait(citizen, citizen.getByRole('button', { name: '查询' }))
    expect(await citizen.locator('#converted').textContent()).toBe('已转为政府信息公开申请')
    const requestCode = (await citizen.locator('#request-code').textContent())!.trim()
    expect(requestCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    await expectShell(citizen, { phone: true })
    await checkAxe(citizen, 'follow-up page, converted, phone')
    await screenshot(citizen, 'letters-follow-up-converted-phone')
    await clickAndWait(citizen, citizen.getByRole('link', { name: '查询申请办理进度' }))
    expect(new URL(citizen.url()).pathname).toBe('/xxgk/ysqgk/chaxun')
  })

  it('shows the letter form and the staff list in 长辈版', async () => {
    await citizen.goto('/hudong/qzxx/xiexin')
    await switchToElder(citizen)
    await expectShell(citizen, { phone: true })
    await checkAxe(citizen, 'letter form 长辈版 phone')
    await screenshot(citizen, 'letters-write-elder-phone')
    await citizen.goto('/hudong/qzxx/tongji')
    await expectShell(citizen, { phone: true })
    await checkAxe(citizen, 'statistics 长辈版 phone')
    await screenshot(citizen, 'letters-statistics-elder-phone')
    await staff.goto('/admin/letters?queue=closed')
    await switchToElder(staff)
    await checkAxe(staff, 'staff list 长辈版')
    await screenshot(staff, 'letters-admin-list-elder')
  })

  it('shows the month\'s statistics with denominators on the desktop', async () => {
    await staff.goto('/hudong/qzxx/tongji')
    await expectShell(staff)
    expect(await staff.locator('main').textContent()).toMatch(/区长公开信箱\d+\d+[\d.]+%（\d+\/\d+）/)
    await checkAxe(staff, 'statistics desktop')
    await screenshot(staff, 'letters-statistics-desktop')
    // 信件选登 is the 公开办's decision: the released letter waits in the queue until it is approved.
    await openLetterAs('gkb')
    await staff.goto('/admin/letters/xuandeng')
    await clickAndWait(staff, staff.getByRole('link', { name: SUBJECT }))
    await staff.getByRole('radio', { name: /^选登/ }).check()
    await clickAndWait(staff, staff.getByRole('button', { name: '提交审核意见' }))
    await staff.goto('/hudong/qzxx/xuandeng')
    expect(await staff.locator('main').textContent()).toContain(SUBJECT)
    expect(await staff.locator('main').textContent()).not.toContain('张三丰')
    await checkAxe(staff, '信件选登')
    await screenshot(staff, 'letters-published-desktop')
  })

  it('lets staff work on a phone: the queue, a case page and the call form fit the screen', async () => {
    const context = await site.newContext(PHONE, { preloadAxe: true })
    contexts.push(context)
    const page = await context.newPage()
    await signIn(page, 'gkb')
    for (const [url, name] of [['/admin/letters?queue=closed', 'letters-admin-list-phone'], [caseUrl, 'letters-case-phone'], ['/admin/letters/calls/new', 'letters-call-form-phone']] as const) {
      await page.goto(url)
      await expectShell(page, { phone: true })
      await checkAxe(page, `${url} phone`)
      await screenshot(page, name)
    }
  })

  it('takes a letter with JavaScript turned off', async () => {
    const context = await site.newContext({ ...DESKTOP, javaScriptEnabled: false })
    contexts.push(context)
    const page = await context.newPage()
    await page.goto('/hudong/qzxx/xiexin')
    await page.getByRole('radio', { name: /^建议/ }).check()
    await page.getByLabel('标题 *').fill('建议增加公交班次')
    await page.getByLabel('内容 *').fill('早高峰时段公交车太挤，建议增加班次。')
    await page.getByLabel('姓名 *').fill('李四')
    await page.getByLabel('联系电话 *').fill('13900001111')
    await clickAndWait(page, page.getByRole('button', { name: '提交信件' }))
    expect(await h1(page)).toBe('信件已提交')
    await screenshot(page, 'letters-receipt-nojs')
  })
})
