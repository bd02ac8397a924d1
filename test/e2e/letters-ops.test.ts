/**
 * 公众诉求 operations in Chromium: the 话务员 signs in, registers a call answered on the spot (with a record attached)
 * and dispatches another; a citizen on a phone writes with two attachments; the unit replies with an attachment; the
 * writer downloads it and gives a 差评; the unit 申诉s, the 公开办 复核s (维持), the unit records its 整改. The settings
 * page and the 整改 ledger. axe on every page at desktop, phone and 长辈版; screenshots in screenshots/.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { checkAxe, clickAndWait, describeInBrowser, DESKTOP, expectShell, PHONE, screenshot, signIn, startSite, switchToElder, type Site } from './support/browser.ts'

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000000000200017e21bc330000000049454e44ae426082', 'hex')
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const SUBJECT = '汉丰街道滨湖小区门口井盖松动'
const CONTENT = '滨湖小区门口的井盖松动，车辆经过时响声很大，晚上有行人踩空的危险，请尽快处理。'

describeInBrowser('公众诉求 operations in the browser', () => {
  let site: Site
  let staff: Page
  let citizen: Page
  const contexts: BrowserContext[] = []
  let queryCode = ''
  let caseUrl = ''

  const notice = (page: Page) => page.locator('main .notice').first()
  async function as(username: string, url?: string) {
    await staff.context().clearCookies()
    await signIn(staff, username)
    if (url) await staff.goto(url)
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

  it('lets the 话务员 sign in, register a call answered on the spot with an attachment, and see only calls', async () => {
    await as('rx.operator')
    const nav = staff.getByRole('navigation', { name: '后台导航' })
    expect(await nav.textContent()).not.toContain('主动公开')
    await clickAndWait(staff, nav.getByRole('link', { name: '公众诉求' }))
    expect((await staff.locator('h1').textContent())?.trim()).toBe('热线来电')
    await checkAxe(staff, 'operator list')
    await screenshot(staff, 'letters-ops-operator-list')
    await clickAndWait(staff, staff.getByRole('link', { name: '登记热线来电' }))
    await staff.getByRole('radio', { name: '咨询', exact: true }).check()
    await staff.getByLabel('来电人（可不填）').fill('李四')
    await staff.getByLabel('来电号码').fill('13900001111')
    await staff.getByLabel('事项').fill('咨询医保报销材料')
    await staff.getByLabel('来电内容').fill('来电咨询住院医保报销需要准备哪些材料。')
    await staff.getByRole('radio', { name: '当场答复', exact: true }).check()
    await staff.getByLabel('当场答复内容').fill('告知携带身份证、出院小结和发票到区医保中心窗口办理。')
    await staff.getByLabel('来电记录附件（可选）').setInputFiles([{ name: '来电记录.pdf', mimeType: 'application/pdf', buffer: PDF }])
    await checkAxe(staff, 'call form (operator)')
    await screenshot(staff, 'letters-ops-call-form')
    await clickAndWait(staff, staff.getByRole('button', { name: '登记' }))
    expect(await notice(staff).textContent()).toBe('来电已登记。')
    expect(await staff.locator('.summary-list').textContent()).toContain('已办结，待回访')
    expect(await staff.locator('main').textContent()).not.toContain('查看完整姓名和电话')
    await checkAxe(staff, 'call case page (operator)')
    await screenshot(staff, 'letters-ops-call-answered')
  })

  it('lets the 话务员 dispatch a call to a unit, which starts its clock', async () => {
    await staff.goto('/admin/letters/calls/new')
    await staff.getByRole('radio', { name: '求助', exact: true }).check()
    await staff.getByLabel('来电号码').fill('13900002222')
    await staff.getByLabel('事项').fill('小区停水两天')
    await staff.getByLabel('来电内容').fill('汉丰街道某小区停水两天，没有任何通知。')
    await staff.getByRole('radio', { name: '转办承办单位', exact: true }).check()
    await clickAndWait(staff, staff.getByRole('button', { name: '登记' }))
    expect(await staff.locator('.error-summary').textContent()).toContain('转办的，请选择承办单位')
    await checkAxe(staff, 'call form with errors')
    await staff.getByLabel('承办单位', { exact: true }).selectOption({ label: '汉丰街道' })
    await clickAndWait(staff, staff.getByRole('button', { name: '登记' }))
    expect(await notice(staff).textContent()).toBe('来电已登记。')
    const summary = (await staff.locator('.summary-list').textContent())!
    expect(summary).toContain('办理中')
    expect(summary).toContain('5 个工作日')
    await staff.goto('/admin/letters')
    expect(await staff.locator('main table').textContent()).toContain('小区停水两天')
  })

  it('lets a citizen on a phone write with two attachments', async () => {
    await citizen.goto('/hudong/qzxx/xiexin')
    expect(await citizen.locator('#f-file-hint').textContent()).toContain('5 个以内')
    await citizen.getByRole('radio', { name: /^投诉/ }).check()
    await citizen.getByLabel('标题 *').fill(SUBJECT)
    await citizen.getByLabel('内容 *').fill(CONTENT)
    await citizen.getByLabel('附件（可选）').setInputFiles([
      { name: '井盖.png', mimeType: 'image/png', buffer: PNG },
      { name: '位置说明.pdf', mimeType: 'application/pdf', buffer: PDF },
    ])
    await citizen.getByLabel('姓名 *').fill('王五')
    await citizen.getByLabel('联系电话 *').fill('13700005678')
    await clickAndWait(citizen, citizen.getByRole('button', { name: '提交信件' }))
    expect((await citizen.locator('h1').textContent())?.trim()).toBe('信件已提交')
    queryCode = (await citizen.locator('.query-code').textContent())!.trim()
    await expectShell(citizen, { phone: true })
  })

  it('lets the unit reply with an attachment, which the writer downloads after release, and rate it 非常不满意', async () => {
    await as('gkb', '/admin/letters')
    await clickAndWait(staff, staff.getByRole('link', { name: SUBJECT }))
    caseUrl = new URL(staff.url()).pathname
    expect(await staff.locator('main').textContent()).toContain('来信附件：井盖.png')
    await staff.getByRole('radio', { name: '受理', exact: true }).check()
    await clickAndWait(staff, staff.getByRole('button', { name: '提交受理意见' }))
    await staff.getByLabel('承办单位').selectOption({ label: '汉丰街道' })
    await clickAndWait(staff, staff.getByRole('button', { name: '转办', exact: true }))
    expect(await staff.locator('.summary-list').textContent()).toContain('按转办时的办理时限表确定')
    await checkAxe(staff, 'case page with limit note')

    await as('hfjd.editor', caseUrl)
    await staff.getByLabel('答复内容').fill('经核查，井盖已于当天加固并更换底座，附现场照片。今后每月巡查一次。')
    await staff.getByLabel('答复附件（可选）').setInputFiles([{ name: '加固后.png', mimeType: 'image/png', buffer: PNG }])
    await checkAxe(staff, 'reply form with attachments')
    await screenshot(staff, 'letters-ops-reply-form')
    await clickAndWait(staff, staff.getByRole('button', { name: '提交答复' }))
    expect(await notice(staff).textContent()).toBe('答复已提交，等待区政务公开办公室审核。')

    await as('gkb', caseUrl)
    await clickAndWait(staff, staff.getByRole('button', { name: '审核通过并发布答复' }))

    await citizen.goto('/hudong/qzxx/chaxun')
    await citizen.getByLabel('查询码').fill(queryCode)
    await citizen.getByLabel('电话号码后四位').fill('5678')
    await clickAndWait(citizen, citizen.getByRole('button', { name: '查询' }))
    const download = citizen.getByRole('button', { name: '下载 加固后.png' })
    expect(await download.count()).toBe(1)
    expect(await citizen.locator('main').textContent()).not.toContain('井盖.png（')
    await expectShell(citizen, { phone: true })
    await checkAxe(citizen, 'follow-up with reply attachment, phone')
    await screenshot(citizen, 'letters-ops-follow-up-phone')
    const [file] = await Promise.all([citizen.waitForEvent('download'), download.click()])
    expect(file.suggestedFilename()).toContain('.png')

    await citizen.getByRole('radio', { name: '非常不满意', exact: true }).check()
    await clickAndWait(citizen, citizen.getByRole('button', { name: '提交评价' }))
    expect(await notice(citizen).textContent()).toBe('感谢您的评价。')
    expect(await citizen.locator('.timeline').textContent()).toContain('您的评价已转承办单位核实整改')
    await switchToElder(citizen)
    await citizen.goto('/hudong/qzxx/chaxun')
    await citizen.getByLabel('查询码').fill(queryCode)
    await citizen.getByLabel('电话号码后四位').fill('5678')
    await clickAndWait(citizen, citizen.getByRole('button', { name: '查询' }))
    await expectShell(citizen, { phone: true })
    await checkAxe(citizen, 'follow-up 长辈版 phone')
    await screenshot(citizen, 'letters-ops-follow-up-elder-phone')
  })

  it('takes the 差评 through 申诉, 复核 (维持) and 整改, each in the case trace', async () => {
    await as('hfjd.editor', caseUrl)
    expect(await staff.locator('#rectification').textContent()).toBe('差评整改')
    await clickAndWait(staff, staff.getByRole('button', { name: '提出申诉' }))
    expect(await staff.locator('.error-summary').textContent()).toContain('请写明申诉理由')
    await checkAxe(staff, 'rectification with errors')
    await staff.getByLabel('申诉理由').fill('井盖已加固，来信人评价与现场情况不符')
    await clickAndWait(staff, staff.getByRole('button', { name: '提出申诉' }))
    expect(await notice(staff).textContent()).toBe('申诉已提交，等待区政务公开办公室复核。')

    await as('gkb', caseUrl)
    await staff.getByRole('radio', { name: /^维持评价/ }).check()
    await staff.getByLabel('复核意见').fill('回访核实，来信人反映的响声仍然存在，评价成立')
    await checkAxe(staff, 'appeal review form')
    await screenshot(staff, 'letters-ops-review')
    await clickAndWait(staff, staff.getByRole('button', { name: '提交复核结论' }))
    expect(await notice(staff).textContent()).toBe('复核结论已记录。')

    await as('hfjd.editor', caseUrl)
    await staff.getByLabel('整改情况').fill('重新更换防响井盖并加装防坠网')
    await staff.getByLabel('回访结果').fill('12月2日电话回访，来信人表示已无响声')
    await clickAndWait(staff, staff.getByRole('button', { name: '提交整改情况' }))
    expect(await notice(staff).textContent()).toBe('整改情况已提交。')
    const trace = (await staff.locator('main table').last().textContent())!
    for (const step of ['差评整改', '申诉', '复核维持评价', '整改']) expect(trace).toContain(step)
    await checkAxe(staff, 'case page after 整改')
    await screenshot(staff, 'letters-ops-rectified')
  })

  it('shows the 整改 ledger and the settings page to the 公开办, on the desktop and in 长辈版', async () => {
    await as('gkb', '/admin/letters')
    await clickAndWait(staff, staff.getByRole('link', { name: '差评整改' }))
    expect(await staff.locator('main table').textContent()).toContain('已整改')
    await checkAxe(staff, 'rectification ledger')
    await screenshot(staff, 'letters-ops-ledger')
    await staff.goto('/admin/letters')
    await clickAndWait(staff, staff.getByRole('link', { name: '办理时限与转办目录' }))
    await staff.getByLabel('渠道').selectOption({ label: '区长公开电话' })
    await staff.getByLabel('类别').selectOption({ label: '求助' })
    await staff.getByLabel('办理时限（工作日）').fill('0')
    await clickAndWait(staff, staff.getByRole('button', { name: '保存办理时限' }))
    expect(await staff.locator('.error-summary').textContent()).toContain('办理时限应为 1 至 60 个工作日')
    await checkAxe(staff, 'settings with errors')
    await staff.getByLabel('办理时限（工作日）').fill('3')
    await staff.getByLabel('依据', { exact: true }).fill('本区试行：求助类来电3个工作日')
    await clickAndWait(staff, staff.getByRole('button', { name: '保存办理时限' }))
    expect(await notice(staff).textContent()).toContain('办理时限已保存')
    expect(await staff.locator('main table').last().textContent()).toContain('新增办理时限 区长公开电话 × 求助：3 个工作日')
    await checkAxe(staff, 'settings page')
    await screenshot(staff, 'letters-ops-settings')
    await switchToElder(staff)
    await checkAxe(staff, 'settings page 长辈版')
    await screenshot(staff, 'letters-ops-settings-elder')

    const phone = await site.newContext(PHONE, { preloadAxe: true })
    contexts.push(phone)
    const operator = await phone.newPage()
    await signIn(operator, 'rx.operator')
    await operator.goto('/admin/letters/calls/new')
    await switchToElder(operator)
    await expectShell(operator, { phone: true })
    await checkAxe(operator, 'call form 长辈版 phone')
    await screenshot(operator, 'letters-ops-call-form-elder-phone')
  })
})
