/**
 * The case steps over HTTP: 申请人撤回 (online on the tracking page, or recorded by staff), the 身份证明 of an
 * application registered without one, consultations that end by silence (第三十二条 / 第三十四条) on the real 2026
 * calendar, and the procedure letters naming whom they consult and the unit's contact from its 指南.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { Client, html, staffClients, useTestApp } from '../../../test/support/test-app.ts'
import { fixedClock } from '../../platform/clock.ts'
import { findOrganisationByCode } from '../orgs/index.ts'
import { openLetter } from './issue-letters.tsx'
import { registerRequest } from './register-request.ts'
import { actorOf, onlineApplication, requestsContext, TEST_DATA_KEY } from './requests.fixtures.ts'
import { applicantOf, documentsOf, eventsOf, findCase } from './requests.repository.ts'
import { createFieldCipher } from '../../platform/crypto/sm.ts'

/** The app on its own PGlite, opened before and closed after this file's tests (useTestApp). */
const database = useTestApp({ env: { DATA_ENCRYPTION_KEY: TEST_DATA_KEY } })
let staff: (username: string) => Promise<Client>
let fgw: Client
let fgwId: number
let serial = 0
const cipher = createFieldCipher(TEST_DATA_KEY)

beforeAll(async () => {
  staff = staffClients(() => database.app, '192.0.2.')
  fgwId = (await findOrganisationByCode(database.db, 'fgw'))!.id
  fgw = await staff('fgw.editor')
})

type Overrides = Parameters<typeof onlineApplication>[1]

/** A case of 区发展改革委 registered through the use case (as the demo seed and the letter conversion do). */
async function newCase(overrides: Overrides = {}): Promise<{ id: number; queryCode: string }> {
  const ctx = requestsContext(database.db, fixedClock('2026-11-27T02:00:00Z'), await actorOf(database.db, 'fgw.editor'))
  serial++
  const input = onlineApplication(fgwId, { channel: 'in_person', facts: { submittedOn: '2026-11-02' }, idempotencyKey: `s${String(serial).padStart(31, '0')}`, ...overrides })
  const c = (await registerRequest(ctx, input)).case
  return { id: c.id, queryCode: c.queryCode }
}

async function step(caseId: number, type: string, fields: Record<string, string>) {
  await fgw.get(`/admin/requests/${caseId}`)
  return fgw.post(`/admin/requests/${caseId}/steps/${type}`, Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${type}.${k}`, v])))
}

const mainText = (res: { body: string }) => (html(res).querySelector('main')?.text ?? '').replace(/\s+/g, ' ')

/** The trace (办理记录) rows of the staff case page: [effective date, event, notes, actor]. */
async function traceRows(caseId: number): Promise<string[][]> {
  const page = await fgw.get(`/admin/requests/${caseId}`)
  const table = html(page).querySelectorAll('table').find((t) => t.querySelector('th')?.text === '生效日期')!
  return table.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('td').slice(0, 4).map((td) => td.text.trim()))
}

async function trackAs(client: Client, queryCode: string) {
  await client.get('/xxgk/ysqgk/chaxun')
  const res = await client.post('/xxgk/ysqgk/chaxun', { code: queryCode, phoneLast4: '5678' })
  expect(res.statusCode).toBe(303)
}

describe('申请人撤回 on the tracking page', () => {
  it('asks for an explicit confirmation, then closes the case as 其他处理 3 其他 and shows it on both sides', async () => {
    const { id, queryCode } = await newCase()
    const applicant = new Client(database.app, '198.51.100.61')
    await trackAs(applicant, queryCode)
    const progress = await applicant.get('/xxgk/ysqgk/chaxun/jieguo')
    expect(html(progress).querySelector('a[href="/xxgk/ysqgk/chaxun/chehui"]')).not.toBeNull()

    const confirm = await applicant.get('/xxgk/ysqgk/chaxun/chehui')
    expect(confirm.statusCode).toBe(200)
    expect(html(confirm).querySelector('h1')!.text).toBe('撤回申请')
    const unconfirmed = await applicant.post('/xxgk/ysqgk/chaxun/chehui', {})
    expect(unconfirmed.statusCode).toBe(400)
    const link = html(unconfirmed).querySelector('.error-summary__list a')!
    expect(link.text).toBe('请勾选“我确认撤回这份申请”后再提交')
    expect(html(unconfirmed).querySelector(link.getAttribute('href')!)?.getAttribute('type')).toBe('checkbox')
    expect((await findCase(database.db, id))!.state).toBe('in_progress')

    const forged = await applicant.post('/xxgk/ysqgk/chaxun/chehui', { confirm: '1' }, { csrf: false })
    expect(forged.statusCode).toBe(403)
    expect((await findCase(database.db, id))!.state).toBe('in_progress')

    const done = await applicant.post('/xxgk/ysqgk/chaxun/chehui', { confirm: '1' })
    expect(done.statusCode).toBe(303)
    expect(done.headers.location).toBe('/xxgk/ysqgk/chaxun/jieguo?done=withdrawn')
    const after = await applicant.get('/xxgk/ysqgk/chaxun/jieguo?done=withdrawn')
    expect(mainText(after)).toContain('您已撤回申请。受理单位终止办理')
    expect(mainText(after)).toContain('2026-11-27 申请人撤回申请')
    expect(html(after).querySelector('a[href="/xxgk/ysqgk/chaxun/chehui"]')).toBeNull()

    const record = (await findCase(database.db, id))!
    expect(record).toMatchObject({ state: 'withdrawn', disposition: 'other', decidedOn: '2026-11-27', closedOn: '2026-11-27' })
    expect((await traceRows(id)).at(-1)).toEqual(['2026-11-27', '申请人撤回申请', '2026-11-27 申请人撤回申请（在查询页面网上撤回），终止办理；年度报告计入“其他处理 3.其他”', '申请人（查询页面）'])

    const again = await applicant.post('/xxgk/ysqgk/chaxun/chehui', { confirm: '1' })
    expect(again.statusCode).toBe(409)
    expect(mainText(again)).toContain('案件已于 2026-11-27 终止办理（申请人已撤回），不能撤回申请')
  })

  it('refuses once the case is answered, says why, and changes nothing', async () => {
    const { id, queryCode } = await newCase()
    expect((await step(id, 'decided', { on: '2026-11-20', code: 'granted', answerForm: 'provided', howProvided: '随本答复书提供电子文件' })).statusCode).toBe(303)
    const applicant = new Client(database.app, '198.51.100.62')
    await trackAs(applicant, queryCode)
    expect(html(await applicant.get('/xxgk/ysqgk/chaxun/jieguo')).querySelector('a[href="/xxgk/ysqgk/chaxun/chehui"]')).toBeNull()
    await applicant.get('/xxgk/ysqgk/chaxun/chehui')
    const refused = await applicant.post('/xxgk/ysqgk/chaxun/chehui', { confirm: '1' })
    expect(refused.statusCode).toBe(409)
    expect(mainText(refused)).toContain('案件已于 2026-11-20 答复，不能撤回申请')
    expect((await findCase(database.db, id))!).toMatchObject({ state: 'answered', disposition: 'granted' })
  })

  it('is only for whoever looked the case up', async () => {
    const stranger = new Client(database.app, '198.51.100.63')
    await stranger.get('/xxgk/ysqgk/chaxun')
    const res = await stranger.post('/xxgk/ysqgk/chaxun/chehui', { confirm: '1' })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/xxgk/ysqgk/chaxun?expired=1')
  })
})

describe('申请人撤回 recorded by staff', () => {
  it('records a withdrawal received by letter with its date and channel, for the handling unit only', async () => {
    const { id } = await newCase()
    const other = await staff('czj.editor')
    await other.get('/admin/requests')
    expect((await other.post(`/admin/requests/${id}/steps/withdrawn`, { 'withdrawn.on': '2026-11-25', 'withdrawn.channel': 'letter' })).statusCode).toBe(404)
    const missing = await step(id, 'withdrawn', { on: '2026-11-25', channel: '' })
    expect(missing.statusCode).toBe(400)
    expect(mainText(missing)).toContain('请填写撤回方式')
    expect((await step(id, 'withdrawn', { on: '2026-11-25', channel: 'letter' })).statusCode).toBe(303)
    expect((await findCase(database.db, id))!).toMatchObject({ state: 'withdrawn', disposition: 'other', decidedOn: '2026-11-25' })
    const last = (await traceRows(id)).at(-1)!
    expect(last.slice(0, 3)).toEqual(['2026-11-25', '申请人撤回申请', '2026-11-25 申请人撤回申请（以信函书面撤回），终止办理；年度报告计入“其他处理 3.其他”'])
    expect(last[3]).not.toBe('系统')
    const page = await fgw.get(`/admin/requests/${id}`)
    expect(page.body).toContain('/steps/archived')
    expect(page.body).not.toContain('/steps/withdrawn')
    // Archived, the clock panel still says it was withdrawn (撤回日期, not 答复日期).
    expect((await step(id, 'archived', { on: '2026-11-26' })).statusCode).toBe(303)
    const archived = mainText(await fgw.get(`/admin/requests/${id}`))
    expect(archived).toContain('撤回日期')
    expect(archived).toContain('申请人撤回（其他处理 3.其他）')
    expect(archived).not.toContain('答复日期')
  })
})

describe('身份证明 added after registration (第二十九条)', () => {
  it('warns, prefills the 补正 notice, and takes the identity with 确认收到 — sealed, masked and audited', async () => {
    const { id } = await newCase({
      channel: 'online', facts: { submittedOn: '2026-11-24' },
      applicant: { name: '周红梅', contactPerson: '', idType: 'other', idNumber: '', phone: '13912345678', email: '', address: '', postcode: '' },
    })
    const page = await fgw.get(`/admin/requests/${id}`)
    expect(mainText(page)).toContain('申请缺少身份证明。')
    const items = html(page).querySelector('textarea[name="correction_requested.items"]')
    expect(items).toBeNull() // 补正 comes after 确认收到; the identity can be given right there
    expect(html(page).querySelector('select[name="receipt_confirmed.idType"]')).not.toBeNull()

    const bad = await step(id, 'receipt_confirmed', { on: '2026-11-25', idType: 'resident_id', idNumber: '50023419900101123X' })
    expect(bad.statusCode).toBe(400)
    expect(mainText(bad)).toContain('居民身份证号码的校验位不对，请核对后重新填写')
    expect((await findCase(database.db, id))!.state).toBe('awaiting_receipt')

    expect((await step(id, 'receipt_confirmed', { on: '2026-11-25', idType: 'resident_id', idNumber: '500234199001011232' })).statusCode).toBe(303)
    const sealed = (await applicantOf(database.db, id))!
    expect(sealed).toMatchObject({ id_type: 'resident_id', id_number_masked: '5002**********1232' })
    expect(sealed.id_number_enc).not.toContain('500234')
    expect(cipher.decrypt(sealed.id_number_enc)).toBe('500234199001011232')
    const after = await fgw.get(`/admin/requests/${id}`)
    expect(mainText(after)).toContain('5002**********1232')
    expect(mainText(after)).not.toContain('申请缺少身份证明。')
    expect((await eventsOf(database.db, id)).map((e) => e.type)).toEqual(['registered', 'receipt_confirmed', 'identity_added'])
    const audit = await database.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'request.identity_added').where('target_id', '=', String(id)).execute()
    expect(audit).toHaveLength(1)
    expect(JSON.stringify(audit[0]!.details)).not.toContain('500234')
  })

  it('takes the identity the applicant sends with the 补正 (收到补正)', async () => {
    const { id } = await newCase({ applicant: { name: '孙丽', contactPerson: '', idType: 'other', idNumber: '', phone: '13912345678', email: '', address: '', postcode: '' } })
    const asked = await step(id, 'correction_requested', { on: '2026-11-04', items: '申请人的身份证明（身份证件的种类和号码）', dueOn: '2026-11-18' })
    expect(asked.statusCode).toBe(303)
    expect(html(await fgw.get(`/admin/requests/${id}`)).querySelector('select[name="correction_received.idType"]')).not.toBeNull()
    expect((await step(id, 'correction_received', { on: '2026-11-10', idType: 'credit_code', idNumber: '9150023' })).statusCode).toBe(400)
    expect((await findCase(database.db, id))!.state).toBe('awaiting_correction')
    expect((await step(id, 'correction_received', { on: '2026-11-10', idType: 'resident_id', idNumber: '500234199001011232' })).statusCode).toBe(303)
    expect((await findCase(database.db, id))!.state).toBe('in_progress')
    expect((await applicantOf(database.db, id))!.id_number_masked).toBe('5002**********1232')
  })

  it('offers 补正 for a missing identity once received, and adds it later on its own form (handling unit only)', async () => {
    const { id } = await newCase({ applicant: { name: '钱小军', contactPerson: '', idType: 'other', idNumber: '', phone: '13912345678', email: '', address: '', postcode: '' } })
    const page = await fgw.get(`/admin/requests/${id}`)
    expect(html(page).querySelector('textarea[name="correction_requested.items"]')!.text).toContain('申请人的身份证明')
    const other = await staff('czj.editor')
    await other.get('/admin/requests')
    expect((await other.post(`/admin/requests/${id}/identity`, { 'identity.idType': 'passport', 'identity.idNumber': 'E12345678' })).statusCode).toBe(404)
    const bad = await fgw.post(`/admin/requests/${id}/identity`, { 'identity.idType': '', 'identity.idNumber': '' })
    expect(bad.statusCode).toBe(400)
    expect(html(bad).querySelectorAll('.error-summary__list a').map((a) => a.getAttribute('href'))).toEqual(['#f-identity-idType', '#f-identity-idNumber'])
    expect((await fgw.post(`/admin/requests/${id}/identity`, { 'identity.idType': 'passport', 'identity.idNumber': 'E12345678' })).statusCode).toBe(303)
    expect((await applicantOf(database.db, id))!).toMatchObject({ id_type: 'passport', id_number_masked: 'E*******8' })
    const twice = await fgw.post(`/admin/requests/${id}/identity`, { 'identity.idType': 'passport', 'identity.idNumber': 'E99999999' })
    expect(twice.statusCode).toBe(409)
    expect(cipher.decrypt((await applicantOf(database.db, id))!.id_number_enc)).toBe('E12345678')
  })
})

describe('a consultation that ends by silence, over HTTP (real 2026 calendar)', () => {
  it('第三十二条: the third party silent past 15 working days — refused on the last day, accepted the day after; the case resumes', async () => {
    // Received 2026-09-21 (Mon). 中秋 09-25…27 and 国庆 10-01…07 are off, 10-10 (Sat) is worked.
    const { id } = await newCase({ facts: { submittedOn: '2026-09-21' } })
    const sent = await step(id, 'consultation_sent', { on: '2026-09-29', party: 'third_party', deliveredOn: '2026-09-30', thirdParty: '重庆某化工有限公司', harm: '项目批复附件含企业的工艺参数' })
    expect(sent.statusCode).toBe(303)
    // 15 working days from delivery on 09-30: 10-08, 10-09, 10-10 (worked Saturday), 10-12 … 10-27.
    const early = await step(id, 'consultation_deemed', { on: '2026-10-27', party: 'third_party' })
    expect(early.statusCode).toBe(409)
    expect(mainText(early)).toContain('答复期限 2026-10-27 尚未届满')
    expect((await findCase(database.db, id))!.state).toBe('consulting')
    expect((await step(id, 'consultation_deemed', { on: '2026-10-28', party: 'third_party' })).statusCode).toBe(303)
    const record = (await findCase(database.db, id))!
    expect(record.state).toBe('in_progress')
    const trace = await traceRows(id)
    expect(trace.at(-1)!.slice(0, 3)).toEqual(['2026-10-28', '逾期未提出意见', '第三方逾期（2026-10-27）未提出意见，由行政机关依照条例决定是否公开（《政府信息公开条例》第三十二条）（征求意见对象：重庆某化工有限公司）'])
    const page = await fgw.get(`/admin/requests/${id}`)
    expect(mainText(page)).toContain('2026-09-29 起 至 2026-10-27：征求第三方意见（对方答复期限 2026-10-27），逾期未提出意见，由本机关决定')
    expect(record.dueOn).toBe(GOLDEN_THIRD_PARTY_DUE)
    expect(html(page).querySelector('input[name="jueding"]')).not.toBeNull() // the case can be decided again
  })

  it('names the consulted third party in the trace when its reply is recorded', async () => {
    const { id } = await newCase({ facts: { submittedOn: '2026-11-16' } })
    expect((await step(id, 'consultation_sent', { on: '2026-11-17', party: 'third_party', thirdParty: '重庆开州某建材有限公司', harm: '附件含企业的成本数据' })).statusCode).toBe(303)
    expect((await step(id, 'consultation_answered', { on: '2026-11-24', party: 'third_party', opinion: 'objects' })).statusCode).toBe(303)
    expect((await traceRows(id)).at(-1)!.slice(0, 3)).toEqual(['2026-11-24', '收到意见', '2026-11-24 收到第三方意见：不同意公开（征求意见对象：重庆开州某建材有限公司）'])
  })

  it('第三十四条: another agency silent past 15 working days is deemed to consent; the case resumes', async () => {
    const { id } = await newCase({ facts: { submittedOn: '2026-10-12' } })
    const missing = await step(id, 'consultation_sent', { on: '2026-10-13', party: 'agency' })
    expect(missing.statusCode).toBe(400)
    expect(mainText(missing)).toContain('征求其他机关意见的，请填写被征求意见机关的名称（每行一个）')
    expect((await step(id, 'consultation_sent', { on: '2026-10-13', party: 'agency', agencies: '重庆市开州区财政局\n重庆市开州区住房和城乡建设委员会' })).statusCode).toBe(303)
    // 15 working days from 10-13: 10-14 … 11-03.
    expect((await step(id, 'consultation_deemed', { on: '2026-11-03', party: 'agency' })).statusCode).toBe(409)
    expect((await step(id, 'consultation_deemed', { on: '2026-11-04', party: 'agency' })).statusCode).toBe(303)
    const record = (await findCase(database.db, id))!
    expect(record.state).toBe('in_progress')
    expect((await traceRows(id)).at(-1)!.slice(0, 3)).toEqual(['2026-11-04', '逾期未提出意见', '被征求意见机关逾期（2026-11-03）未提出意见，视为同意公开（《政府信息公开条例》第三十四条）（征求意见对象：重庆市开州区财政局、重庆市开州区住房和城乡建设委员会）'])
    expect(record.dueOn).toBe(GOLDEN_AGENCY_DUE)
    // The agencies (public bodies) are kept on the event itself; the trace does not depend on the notice's wording.
    const sent = (await eventsOf(database.db, id)).find((e) => e.type === 'consultation_sent')!
    expect(sent.details.consultedAgencies).toEqual(['重庆市开州区财政局', '重庆市开州区住房和城乡建设委员会'])
  })
})

/*
 * Golden due dates, counted by hand on the 2026 calendar. What 第三十三条第三款 leaves out is the consulted party's
 * reply period (from its receipt of the 征求意见书); on silence the clock runs again from the day after that period.
 * Third party: received 09-21; days 1–3 = 09-22…09-24, 4–5 = 09-28, 09-29 (sent); 09-30…10-27 not counted; 6 = 10-28,
 * 7–8 = 10-29, 10-30, 9–13 = 11-02…11-06, 14–18 = 11-09…11-13, 19–20 = 11-16, 11-17 → 2026-11-17.
 * Agency: received 10-12; day 1 = 10-13 (sent and delivered); 10-14…11-03 not counted; 2 = 11-04, 3–4 = 11-05, 11-06,
 * 5–9 = 11-09…11-13, 10–14 = 11-16…11-20, 15–19 = 11-23…11-27, 20 = 11-30 → 2026-11-30.
 */
const GOLDEN_THIRD_PARTY_DUE = '2026-11-17'
const GOLDEN_AGENCY_DUE = '2026-11-30'

describe('a unit whose 指南 gives no phone or address', () => {
  it('asks for them on the steps that send letters, prints what is typed, and leaves out what is not', async () => {
    const { id } = await newCase({ facts: { submittedOn: '2026-11-20' } })
    const page = html(await fgw.get(`/admin/requests/${id}`))
    expect(page.querySelector('input[name="correction_requested.unitPhone"]')).not.toBeNull()
    expect(page.querySelector('input[name="consultation_answered.unitPhone"]')).toBeNull() // sends no letter
    expect(html(await fgw.get(`/admin/requests/${id}?jueding=other`)).querySelector('#decision input[name="decided.unitPhone"]')).not.toBeNull()
    const bad = await step(id, 'correction_requested', { on: '2026-11-23', items: '请写明文件名称', dueOn: '2026-12-04', unitPhone: '请见指南' })
    expect(bad.statusCode).toBe(400)
    expect(mainText(bad)).toContain('本机关联系电话只能包含数字、空格和“-”')
    expect((await step(id, 'correction_requested', { on: '2026-11-23', items: '请写明文件名称', dueOn: '2026-12-04', unitPhone: '023-52229999' })).statusCode).toBe(303)
    const letters = (await documentsOf(database.db, id)).map((d) => openLetter(cipher, d).letter)
    const notice = letters.find((l) => l.kind === 'correction_notice')!
    expect(notice.notes).toEqual(['联系电话：023-52229999'])
    expect(JSON.stringify(notice)).toContain('向重庆市开州区发展和改革委员会（电话 023-52229999）提交')
    const receipt = letters.find((l) => l.kind === 'receipt')!
    expect(receipt.notes).toEqual([])
    for (const letter of letters) expect(JSON.stringify(letter)).not.toContain('见政府信息公开指南')
  })
})

describe('procedure letters name whom they consult and the unit\'s contact from its 指南', () => {
  it('prints the third party, the agencies and the 指南\'s office, address and phone — no stand-ins', async () => {
    await database.db.insertInto('disclosure_guides').values({
      organisation_id: fgwId, office_name: '重庆市开州区发展和改革委员会办公室', address: '重庆市开州区汉丰街道开州大道中段188号', office_hours: '工作日 9:00—17:00',
      phone: '023-52221234', channels: JSON.stringify(['in_person', 'post']), updated_at: new Date('2026-11-01T00:00:00Z'), updated_by_user_id: null,
    }).onConflict((oc) => oc.column('organisation_id').doUpdateSet({ phone: '023-52221234', address: '重庆市开州区汉丰街道开州大道中段188号', office_name: '重庆市开州区发展和改革委员会办公室' })).execute()
    const { id } = await newCase({ facts: { submittedOn: '2026-11-02' } })
    const noName = await step(id, 'consultation_sent', { on: '2026-11-04', party: 'third_party', harm: '含企业报价' })
    expect(noName.statusCode).toBe(400)
    expect(mainText(noName)).toContain('征求第三方意见的，请填写第三方的名称或姓名')
    expect((await step(id, 'consultation_sent', { on: '2026-11-04', party: 'third_party', thirdParty: '重庆某建设有限公司', harm: '方案附有施工单位的报价' })).statusCode).toBe(303)
    expect((await step(id, 'consultation_sent', { on: '2026-11-05', party: 'agency', agencies: '重庆市开州区财政局' })).statusCode).toBe(303)
    const letters = (await documentsOf(database.db, id)).map((d) => openLetter(cipher, d).letter)
    const text = (kind: string) => letters.filter((l) => l.kind === kind).map((l) => JSON.stringify(l)).join('\n')
    expect(text('third_party_consultation')).toContain('"addressee":"重庆某建设有限公司"')
    expect(text('third_party_consultation')).toContain('向重庆市开州区发展和改革委员会办公室（重庆市开州区汉丰街道开州大道中段188号；电话 023-52221234）书面提交')
    expect(text('consultation_notice')).toContain('征求重庆市开州区财政局的意见')
    for (const letter of letters) {
      const all = JSON.stringify(letter)
      expect(all).not.toContain('见政府信息公开指南')
      expect(all).not.toContain('相关行政机关')
      expect(letter.notes).toEqual(['承办机构：重庆市开州区发展和改革委员会办公室，联系电话：023-52221234，通信地址：重庆市开州区汉丰街道开州大道中段188号'])
    }
  })
})

describe('the decision form in two steps, without JavaScript', () => {
  it('first asks for the disposition (grouped radios), then shows only that disposition\'s fields', async () => {
    const { id } = await newCase()
    const first = html(await fgw.get(`/admin/requests/${id}`))
    const choice = first.querySelector('#decision form')!
    expect(choice.getAttribute('method')).toBe('get')
    expect(choice.querySelectorAll('fieldset.decision-group legend').map((l) => l.text)).toEqual(['（一）予以公开', '（二）部分公开', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理'])
    expect(choice.querySelectorAll('input[type="radio"][name="jueding"]')).toHaveLength(19)
    expect(first.querySelector('[name="decided.reasons"]')).toBeNull()

    const none = await fgw.get(`/admin/requests/${id}?jueding=`)
    const link = html(none).querySelector('#decision .error-summary__list a')!
    expect(link.text).toBe('请选择一项办理结果')
    expect(html(none).querySelector(link.getAttribute('href')!)?.getAttribute('type')).toBe('radio')

    const second = html(await fgw.get(`/admin/requests/${id}?jueding=not_processed_repeated`))
    const form = second.querySelector('#decision form')!
    expect(form.getAttribute('action')).toBe(`/admin/requests/${id}/steps/decided`)
    expect(form.querySelectorAll('input, select, textarea').map((f) => f.getAttribute('name')).filter((n) => n?.startsWith('decided.'))).toEqual(['decided.code', 'decided.on', 'decided.previousDocNo', 'decided.previousAnswerOn'])
    expect(second.querySelector('#decision')!.text).toContain('（五）不予处理 2.重复申请')
    expect(second.querySelector(`a[href="/admin/requests/${id}?gaixuan=1#decision"]`)).not.toBeNull()

    const refused = await fgw.post(`/admin/requests/${id}/steps/decided`, { 'decided.code': 'not_processed_repeated', 'decided.on': '2026-11-20' })
    expect(refused.statusCode).toBe(400)
    const page = html(refused)
    const hrefs = page.querySelectorAll('.error-summary__list a').map((a) => a.getAttribute('href'))
    expect(hrefs).toEqual(['#f-decided-previousDocNo', '#f-decided-previousAnswerOn'])
    for (const href of hrefs) expect(page.querySelector(href!)).not.toBeNull()
    expect(page.querySelector('[name="decided.reasons"]')).toBeNull()
    expect((await findCase(database.db, id))!.state).toBe('in_progress')
  })
})
