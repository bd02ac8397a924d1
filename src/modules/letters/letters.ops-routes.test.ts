/** 公众诉求 operations over HTTP: the 话务员's pages, 办理时限与转办目录, attachments (multipart), 差评整改 and 申诉复核; each route authorised. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, Client, html, staffClients, testConfig, text } from '../../../test/support/test-app.ts'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { createFieldCipher } from '../../platform/crypto/sm.ts'
import { findOrganisationByCode } from '../orgs/index.ts'
import { escalateOverdueRectifications } from './escalate-overdue.ts'
import { submitLetter } from './submit-letter.ts'

let database: TestDatabase
let app: Awaited<ReturnType<typeof buildTestApp>>['app']
const as = staffClients(() => app, '192.0.2.', 160)
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000000000200017e21bc330000000049454e44ae426082', 'hex')
let letterId = 0
let queryCode = ''
let fgwId = 0

/** A multipart/form-data body as a browser sends it, with any number of files in `file`. */
function multipart(fields: Record<string, string>, files: { name: string; bytes: Buffer }[] = []) {
  const boundary = '----gongkai-ops-boundary'
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  for (const f of files) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), f.bytes, Buffer.from('\r\n'))
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

const lastTable = (res: { body: string }) => html(res).querySelectorAll('table').at(-1)?.text ?? ''

const postMultipart = (client: Client, url: string, fields: Record<string, string>, files: { name: string; bytes: Buffer }[] = []) =>
  app.inject({ method: 'POST', url, ...multipart({ _csrf: client.csrf, ...fields }, files), cookies: Object.fromEntries(client.cookies), remoteAddress: client.ip })

beforeAll(async () => {
  database = await openTestPglite()
  app = (await buildTestApp(database.db)).app
  const fgw = (await findOrganisationByCode(database.db, 'fgw'))!
  fgwId = fgw.id
  const ctx = { db: database.db, clock: fixedClock('2026-11-27T02:00:00Z'), cipher: createFieldCipher(testConfig().dataKey), security: {} as any, actor: null, ip: '198.51.100.91' }
  const sent = await submitLetter(ctx, fgw.regionId, {
    unit: '', category: 'complaint', subject: '天然气价格调整咨询', content: '听说天然气价格要调整，想了解调整的依据和听证安排。', name: '赵六', phone: '13600006666', publishConsent: 'no', idempotencyKey: 'ops-routes-key-0001',
  }, [{ fileName: '通知.png', bytes: PNG }], 'secret')
  letterId = sent.caseId
  queryCode = sent.queryCode
})
afterAll(async () => {
  await app.close()
  await database.close()
})

describe('话务员 (hotline operator)', () => {
  it('registers a call answered on the spot with an attachment, sees the hotline queue and nothing else', async () => {
    const operator = await as('rx.operator')
    const list = await operator.get('/admin/letters')
    expect(list.statusCode).toBe(200)
    expect(text(list, 'h1')).toBe('热线来电')
    expect(list.body).not.toContain('天然气价格调整咨询')
    const nav = text(list, 'nav[aria-label="后台导航"]')
    expect(nav).toContain('公众诉求')
    expect(nav).not.toContain('主动公开')
    expect(nav).not.toContain('依申请公开')
    expect((await operator.get('/admin/catalogue')).statusCode).toBe(403)
    expect((await operator.get('/admin/requests')).statusCode).not.toBe(200)
    expect((await operator.get('/admin/letters/settings')).statusCode).toBe(403)
    expect((await operator.get(`/admin/letters/${letterId}`)).statusCode).toBe(404)

    expect((await operator.get('/admin/letters/calls/new')).statusCode).toBe(200)
    const casesBefore = await database.db.selectFrom('letter_cases').select('id').execute()
    const bad = await postMultipart(operator, '/admin/letters/calls/new', { channel: 'district_hotline', category: 'consultation', phone: '13900001111', subject: '社保卡', content: '短', outcome: 'answered', answer: '' })
    expect(bad.statusCode).toBe(400)
    expect(text(bad, '.error-summary')).toContain('请记录来电内容')
    expect(await database.db.selectFrom('letter_cases').select('id').execute()).toHaveLength(casesBefore.length)

    const ok = await postMultipart(operator, '/admin/letters/calls/new', {
      channel: 'district_hotline', category: 'consultation', name: '李四', phone: '13900001111', subject: '社保卡补办', content: '社保卡丢了，想问补办需要哪些材料。', outcome: 'answered', answer: '携带身份证到区社保中心窗口办理，当场补卡。', unit: '',
    }, [{ name: '来电记录.png', bytes: PNG }])
    expect(ok.statusCode).toBe(303)
    const casePage = await operator.get(ok.headers.location as string)
    expect(casePage.statusCode).toBe(200)
    expect(casePage.body).toContain('当场答复')
    expect(casePage.body).toContain('139****1111')
    expect(casePage.body).not.toContain('查看完整姓名和电话')
    expect(casePage.body).not.toContain('来电记录.png')
    const id = Number(/\/admin\/letters\/(\d+)/.exec(ok.headers.location as string)![1])
    const [attachment] = await database.db.selectFrom('letter_attachments').select(['id', 'kind']).where('case_id', '=', id).execute()
    expect(attachment!.kind).toBe('call')
    expect((await operator.get(`/admin/letters/${id}/attachments/${attachment!.id}`)).statusCode).toBe(404)
    expect((await operator.post(`/admin/letters/${id}/contact`, {})).statusCode).toBe(404)
    expect((await operator.post(`/admin/letters/${letterId}/screen`, { decision: 'accept' })).statusCode).toBe(404)
    // The 公开办 sees the call and its attachment.
    const gkb = await as('gkb')
    expect((await gkb.get(`/admin/letters/${id}/attachments/${attachment!.id}`)).statusCode).toBe(200)
    expect((await operator.get('/admin/letters')).body).toContain('社保卡补办')
  })
})

describe('办理时限与转办目录 (公开办)', () => {
  it('edits limits, numbers and the catalogue with CSRF and Chinese messages, records each change; others are refused', async () => {
    const gkb = await as('gkb')
    const page = await gkb.get('/admin/letters/settings')
    expect(page.statusCode).toBe(200)
    expect(text(page, 'h1')).toBe('办理时限与转办目录')
    expect(page.body).toContain('重庆市政府公开信箱：10个工作日内回复办理结果')

    const bad = await gkb.post('/admin/letters/settings/limits', { channel: 'district_hotline', category: 'help', workingDays: '0', citation: '' })
    expect(bad.statusCode).toBe(400)
    expect(text(bad, '.error-summary')).toContain('办理时限应为 1 至 60 个工作日')
    expect(text(bad, '.error-summary')).toContain('请写明依据')
    expect(await database.db.selectFrom('letter_config_changes').select('id').execute()).toHaveLength(0)
    expect((await gkb.post('/admin/letters/settings/limits', { channel: 'district_hotline', category: 'help', workingDays: '3', citation: '本区试行' }, { csrf: false })).statusCode).toBe(403)
    expect((await gkb.post('/admin/letters/settings/limits', { channel: 'district_hotline', category: 'help', workingDays: '3', citation: '本区试行' })).statusCode).toBe(303)
    expect((await new Client(app).get('/hudong/qzxx')).body).toContain('一般在10个工作日内答复（咨询类5个工作日）')
    expect((await gkb.post('/admin/letters/settings/limits', { channel: '', category: '', workingDays: '8', citation: '本区试行：8个工作日' })).statusCode).toBe(303)
    expect((await new Client(app).get('/hudong/qzxx')).body).toContain('一般在8个工作日内答复（咨询类5个工作日）')
    expect((await gkb.post('/admin/letters/settings/numbers', { extensionMaxWorkingDays: '10', followUpWindowDays: '100', maxReopens: '2', rectificationWorkingDays: '15' })).statusCode).toBe(400)
    expect((await gkb.post('/admin/letters/settings/numbers', { extensionMaxWorkingDays: '10', followUpWindowDays: '30', maxReopens: '2', rectificationWorkingDays: '15' })).statusCode).toBe(303)
    expect((await gkb.post('/admin/letters/settings/routing', { unitCode: 'cgj', keywords: '路灯、广场舞，音响', categories: ['complaint', 'report'] })).statusCode).toBe(303)
    const after = await gkb.get('/admin/letters/settings?done=routing')
    expect(after.body).toContain('广场舞')
    const history = lastTable(after)
    expect(history).toContain('新增办理时限 区长公开电话 × 求助：3 个工作日')
    expect(history).toContain('答复发布后可以评价或反馈“没有解决”的天数：15 → 30 天')
    expect(history).toContain('修改转办目录 cgj：路灯、广场舞、音响')

    const editor = await as('fgw.editor')
    expect((await editor.get('/admin/letters/settings')).statusCode).toBe(403)
    await editor.get('/admin/letters')
    expect((await editor.post('/admin/letters/settings/numbers', { extensionMaxWorkingDays: '30', followUpWindowDays: '90', maxReopens: '9', rectificationWorkingDays: '60' })).statusCode).toBe(403)
    expect((await database.db.selectFrom('letter_settings').select('value').where('key', '=', 'max_reopens').executeTakeFirstOrThrow()).value).toBe(2)
  })
})

describe('attachments, 差评整改 and 申诉复核', () => {
  it('lets the unit reply with an attachment the writer downloads after release; a 差评 goes to 整改, 申诉 and 复核', async () => {
    const gkb = await as('gkb')
    await gkb.get(`/admin/letters/${letterId}`)
    expect((await gkb.post(`/admin/letters/${letterId}/screen`, { decision: 'accept', note: '' })).statusCode).toBe(303)
    expect((await gkb.post(`/admin/letters/${letterId}/dispatch`, { unit: String(fgwId) })).statusCode).toBe(303)
    const caseView = await gkb.get(`/admin/letters/${letterId}`)
    expect(caseView.body).toContain('来信附件')
    expect(text(caseView, '.summary-list, dl')).toContain('按转办时的办理时限表确定')

    const editor = await as('fgw.editor')
    await editor.get(`/admin/letters/${letterId}`)
    const tooMany = await postMultipart(editor, `/admin/letters/${letterId}/reply`, { reply: '价格调整依据为成本监审结果，听证会安排将在区政府网站公告。' }, Array.from({ length: 6 }, (_, i) => ({ name: `${i}.png`, bytes: PNG })))
    expect(tooMany.statusCode).toBe(400)
    expect(text(tooMany, '.error-summary')).toContain('最多上传 5 个附件')
    const replied = await postMultipart(editor, `/admin/letters/${letterId}/reply`, { reply: '价格调整依据为成本监审结果，听证会安排将在区政府网站公告。' }, [{ name: '听证公告.png', bytes: PNG }])
    expect(replied.statusCode).toBe(303)
    await gkb.get(`/admin/letters/${letterId}`)
    expect((await gkb.post(`/admin/letters/${letterId}/release`, {})).statusCode).toBe(303)

    const writer = new Client(app, '203.0.113.77')
    await writer.get('/hudong/qzxx/chaxun')
    const follow = await writer.post('/hudong/qzxx/chaxun', { code: queryCode, phoneLast4: '6666' })
    expect(follow.body).toContain('下载 听证公告.png')
    expect(follow.body).not.toContain('通知.png')
    const aid = /name="attachment" value="(\d+)"/.exec(follow.body)![1]!
    const file = await writer.post('/hudong/qzxx/fujian', { code: queryCode, phoneLast4: '6666', attachment: aid })
    expect(file.statusCode).toBe(200)
    expect(file.headers['content-type']).toContain('image/png')
    const letterAttachment = (await database.db.selectFrom('letter_attachments').select('id').where('case_id', '=', letterId).where('kind', '=', 'letter').executeTakeFirstOrThrow()).id
    expect((await writer.post('/hudong/qzxx/fujian', { code: queryCode, phoneLast4: '6666', attachment: String(letterAttachment) })).statusCode).toBe(404)
    expect((await writer.post('/hudong/qzxx/fujian', { code: queryCode, phoneLast4: '0000', attachment: aid })).statusCode).toBe(400)

    await writer.post('/hudong/qzxx/chaxun', { code: queryCode, phoneLast4: '6666' })
    expect((await writer.post('/hudong/qzxx/pingjia', { code: queryCode, phoneLast4: '6666', satisfaction: 'very_dissatisfied', comment: '答非所问' })).statusCode).toBe(200)
    const task = await database.db.selectFrom('letter_rectifications').selectAll().where('case_id', '=', letterId).executeTakeFirstOrThrow()
    expect(task.state).toBe('open')

    const unitView = await editor.get(`/admin/letters/${letterId}`)
    expect(text(unitView, '#rectification')).toBe('差评整改')
    expect(unitView.body).toContain('提出申诉')
    const other = await as('czj.editor')
    await other.get('/admin/letters')
    expect((await other.post(`/admin/letters/zhenggai/${task.id}/appeal`, { reason: '别的单位的申诉' })).statusCode).toBe(404)
    expect((await other.get('/admin/letters/zhenggai')).body).not.toContain('天然气价格调整咨询')
    const empty = await editor.post(`/admin/letters/zhenggai/${task.id}/appeal`, { reason: '' })
    expect(empty.statusCode).toBe(400)
    expect(text(empty, '.error-summary')).toContain('请写明申诉理由')
    expect((await editor.post(`/admin/letters/zhenggai/${task.id}/appeal`, { reason: '答复已写明依据和听证安排，评价与事实不符' })).statusCode).toBe(303)
    expect((await editor.post(`/admin/letters/zhenggai/${task.id}/review`, { decision: 'void', reviewNote: '自己复核自己' })).statusCode).toBe(400)

    await gkb.get(`/admin/letters/${letterId}`)
    expect((await gkb.post(`/admin/letters/zhenggai/${task.id}/review`, { decision: 'void', reviewNote: '经核实属于误评' })).statusCode).toBe(303)
    const ledger = await gkb.get('/admin/letters/zhenggai')
    expect(ledger.statusCode).toBe(200)
    expect(text(ledger, 'table')).toContain('复核撤销评价')
    const after = await gkb.get(`/admin/letters/${letterId}`)
    expect(after.body).toContain('经申诉复核撤销，不计入满意度统计')
    const trace = lastTable(after)
    for (const step of ['差评整改', '申诉', '复核撤销评价']) expect(trace).toContain(step)
    expect((await new Client(app).get('/admin/letters/zhenggai')).statusCode).toBe(303)
  })
})

describe('并单 writers and the follow-up window on the tracking page', () => {
  it('shows the writer of a merged letter the main case\'s released reply to rate, and closes rating after the window with the reason', async () => {
    const fgw = (await findOrganisationByCode(database.db, 'fgw'))!
    const ctx = { db: database.db, clock: fixedClock('2026-11-27T02:00:00Z'), cipher: createFieldCipher(testConfig().dataKey), security: {} as any, actor: null, ip: '198.51.100.92' }
    const base = { unit: '', category: 'complaint' as const, content: '城区某路口红绿灯时间太短，老人过马路来不及。', name: '钱七', publishConsent: 'no' as const }
    const main = await submitLetter(ctx, fgw.regionId, { ...base, subject: '路口红绿灯时间太短', phone: '13500001111', idempotencyKey: 'ops-routes-key-main' }, null, 'secret')
    const merged = await submitLetter(ctx, fgw.regionId, { ...base, subject: '红绿灯太短', phone: '13500002222', idempotencyKey: 'ops-routes-key-merged' }, null, 'secret')
    const gkb = await as('gkb')
    await gkb.get(`/admin/letters/${merged.caseId}`)
    expect((await gkb.post(`/admin/letters/${merged.caseId}/merge`, { target: main.caseNo, reason: '同一路口' })).statusCode).toBe(303)
    await gkb.post(`/admin/letters/${main.caseId}/screen`, { decision: 'accept', note: '' })
    await gkb.post(`/admin/letters/${main.caseId}/dispatch`, { unit: String(fgwId) })
    const editor = await as('fgw.editor')
    await editor.get(`/admin/letters/${main.caseId}`)
    expect((await editor.post(`/admin/letters/${main.caseId}/reply`, { reply: '已协调交警部门把行人绿灯延长到40秒。' })).statusCode).toBe(303)
    await gkb.get(`/admin/letters/${main.caseId}`)
    expect((await gkb.post(`/admin/letters/${main.caseId}/release`, {})).statusCode).toBe(303)

    const writer = new Client(app, '203.0.113.78')
    await writer.get('/hudong/qzxx/chaxun')
    const page = await writer.post('/hudong/qzxx/chaxun', { code: merged.queryCode, phoneLast4: '2222' })
    expect(page.body).toContain(`合并办理`)
    expect(page.body).toContain('已协调交警部门把行人绿灯延长到40秒。')
    expect(page.body).toContain('提交评价')
    expect(page.body).not.toContain('反馈没有解决')
    const rated = await writer.post('/hudong/qzxx/pingjia', { code: merged.queryCode, phoneLast4: '2222', satisfaction: 'satisfied', comment: '' })
    expect(rated.body).toContain('感谢您的评价。')
    expect((await database.db.selectFrom('letter_cases').select('satisfaction').where('id', '=', merged.caseId).executeTakeFirstOrThrow()).satisfaction).toBe('satisfied')

    // Released 40 days before today: past the window (30 days after the settings test above).
    await database.db.updateTable('letter_cases').set({ released_at: new Date('2026-10-18T02:00:00Z') }).where('id', '=', main.caseId).execute()
    const late = await writer.post('/hudong/qzxx/chaxun', { code: merged.queryCode, phoneLast4: '2222' })
    expect(late.body).not.toContain('提交评价')
    expect(late.body).toMatch(/答复发布后\d+日内可以评价，已于 \d{4}-\d{2}-\d{2} 截止/)
    const refused = await writer.post('/hudong/qzxx/pingjia', { code: merged.queryCode, phoneLast4: '2222', satisfaction: 'dissatisfied', comment: '' })
    expect(refused.statusCode).toBe(400)
    expect(text(refused, '.error-summary')).toContain('截止')
    const mainWriter = new Client(app, '203.0.113.79')
    await mainWriter.get('/hudong/qzxx/chaxun')
    const reopen = await mainWriter.post('/hudong/qzxx/weijiejue', { code: main.queryCode, phoneLast4: '1111', reason: '还是太短' })
    expect(reopen.statusCode).toBe(400)
    expect(text(reopen, '.error-summary')).toContain('反馈“没有解决”，已于')
    expect((await database.db.selectFrom('letter_cases').select('state').where('id', '=', main.caseId).executeTakeFirstOrThrow()).state).toBe('released')
  })
})

describe('话务员 across the back office', () => {
  it('shows the 话务员 only the pages they can use, and every other admin area refuses them (403/404)', async () => {
    const operator = await as('rx.operator')
    const home = await operator.get('/admin')
    expect(home.statusCode).toBe(200)
    const nav = html(home).querySelectorAll('nav[aria-label="后台导航"] a').map((a) => a.getAttribute('href'))
    expect(nav).toEqual(['/admin', '/admin/letters', '/admin/account/password', '/admin/account/second-factor'])
    const fgw = fgwId
    const refused = [
      // 主动公开 (publishing) and its settings
      '/admin/catalogue', '/admin/catalogue/new', '/admin/catalogue/1', '/admin/catalogue/1/edit', '/admin/catalogue/settings/topics', '/admin/catalogue/settings/sensitive-words', '/admin/catalogue/settings/index-no',
      // 依申请公开 (requests)
      '/admin/requests', '/admin/requests/new', '/admin/requests/1', '/admin/requests/import', '/admin/requests/tongji', '/admin/requests/tongji.xlsx',
      // 公众诉求: the 公开办's pages (settings, 选登, 统计, 整改台账) and a written letter
      '/admin/letters/settings', '/admin/letters/xuandeng', `/admin/letters/xuandeng/${letterId}`, '/admin/letters/tongji', '/admin/letters/tongji.xlsx', '/admin/letters/tongji/xinjian', '/admin/letters/zhenggai', `/admin/letters/${letterId}`,
      // 单位管理, 用户管理, 工作日历, 公开指南, 安全, 审计
      '/admin/organisations', `/admin/organisations/${fgw}`, '/admin/organisations/new', '/admin/users', '/admin/users/new', '/admin/calendar', '/admin/calendar/amend', '/admin/calendar/notice',
      '/admin/disclosure-guides', `/admin/disclosure-guides/${fgw}`, '/admin/security', '/admin/audit',
    ]
    const statuses = new Map<string, number>()
    for (const url of refused) statuses.set(url, (await operator.get(url)).statusCode)
    expect([...statuses].filter(([, status]) => status !== 403 && status !== 404)).toEqual([])
    // Writes are refused too.
    expect((await operator.post('/admin/calendar/amend', { date: '2026-12-31', kind: 'holiday', name: '测试' })).statusCode).toBe(403)
    expect((await operator.post('/admin/letters/settings/numbers', { extensionMaxWorkingDays: '10' })).statusCode).not.toBe(303)
    // What they use still works.
    expect((await operator.get('/admin/letters/calls/new')).statusCode).toBe(200)
    expect((await operator.get('/admin/account/password')).statusCode).toBe(200)
    // The same pages stay open to the staff they are for.
    expect((await (await as('fgw.editor')).get('/admin/calendar')).statusCode).toBe(200)
    expect((await (await as('fgw.editor')).get('/admin/organisations')).statusCode).toBe(200)
  })
})

describe('整改 of a call answered on the spot, and 整改督办', () => {
  it('sends a 差评 of a call the 话务员 answered to the 区政府办公室\'s 整改; past its due date the job escalates it once, shown on the ledger and case page', async () => {
    const call = await database.db.selectFrom('letter_cases').select(['id', 'query_code']).where('subject', '=', '社保卡补办').executeTakeFirstOrThrow()
    const writer = new Client(app)
    await writer.get('/hudong/qzxx/chaxun')
    const rated = await writer.post('/hudong/qzxx/pingjia', { code: call.query_code, phoneLast4: '1111', satisfaction: 'very_dissatisfied', comment: '窗口说不能当场补卡' })
    expect(rated.statusCode).toBe(200)
    const gkb = await as('gkb')
    const ledger = await gkb.get('/admin/letters/zhenggai')
    const row = html(ledger).querySelectorAll('tbody tr').find((tr) => tr.text.includes('社保卡补办'))
    expect(row?.text).toContain('区政府办公室')
    expect(row?.text).toContain('2026-12-18')
    expect(row?.text).not.toContain('已督办')

    const job = (date: string) => escalateOverdueRectifications({ db: database.db, clock: fixedClock(`${date}T02:00:00Z`) })
    expect(await job('2026-12-18')).toBe(0)
    expect(await job('2026-12-21')).toBeGreaterThanOrEqual(1)
    expect(await job('2026-12-21')).toBe(0)
    const after = html(await gkb.get('/admin/letters/zhenggai')).querySelectorAll('tbody tr').find((tr) => tr.text.includes('社保卡补办'))
    expect(after?.text).toContain('已督办')
    const page = await gkb.get(`/admin/letters/${call.id}`)
    expect(text(page, 'section[aria-labelledby="rectification"]')).toContain('已督办')
    expect(lastTable(page)).toContain('整改督办')
    // The 公开办 records the 整改 of its own unit's task from the case page.
    const task = await database.db.selectFrom('letter_rectifications').select('id').where('case_id', '=', call.id).executeTakeFirstOrThrow()
    expect(page.body).toContain(`/admin/letters/zhenggai/${task.id}/rectify`)
    expect((await gkb.post(`/admin/letters/zhenggai/${task.id}/rectify`, { note: '已更正话务答复口径：先挂失再补卡', followUpResult: '电话回访，来电人认可' })).statusCode).toBe(303)
    expect((await database.db.selectFrom('letter_rectifications').select('state').where('id', '=', task.id).executeTakeFirstOrThrow()).state).toBe('rectified')
  })
})
