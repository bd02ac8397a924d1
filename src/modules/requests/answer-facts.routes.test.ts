/**
 * The decision form over HTTP: each disposition asks for the facts its answer letter states, refuses with Chinese
 * field messages (and records nothing) when one is missing, and the letter then says exactly what was entered.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { html, staffClients, type Client, useTestApp } from '../../../test/support/test-app.ts'
import { fixedClock } from '../../platform/clock.ts'
import { findOrganisationByCode } from '../orgs/index.ts'
import { registerRequest } from './register-request.ts'
import { actorOf, onlineApplication, requestsContext, TEST_DATA_KEY } from './requests.fixtures.ts'
import { eventsOf, findCase } from './requests.repository.ts'

/** Texts the letters used to print in place of facts; none may appear in an answer. */
const PLACEHOLDERS = ['详见本答复', '可以公开的部分', '申请人未说明合理理由', '见收费通知书']

/** The app on its own PGlite, opened before and closed after this file's tests (useTestApp). */
const database = useTestApp({ env: { DATA_ENCRYPTION_KEY: TEST_DATA_KEY } })
let staff: (username: string) => Promise<Client>
let fgw: Client
let fgwId: number
let serial = 0

beforeAll(async () => {
  staff = staffClients(() => database.app, '192.0.2.')
  fgwId = (await findOrganisationByCode(database.db, 'fgw'))!.id
  fgw = await staff('fgw.editor')
})

/** A case received in person on 2026-11-02 (in progress), optionally from a given applicant. */
async function newCase(overrides: Parameters<typeof onlineApplication>[1] = {}): Promise<number> {
  const ctx = requestsContext(database.db, fixedClock('2026-11-27T02:00:00Z'), await actorOf(database.db, 'fgw.editor'))
  serial++
  const input = onlineApplication(fgwId, { channel: 'in_person', facts: { submittedOn: '2026-11-02' }, idempotencyKey: `d${String(serial).padStart(31, '0')}`, ...overrides })
  return (await registerRequest(ctx, input)).case.id
}

async function decide(caseId: number, fields: Record<string, string | string[]>) {
  await fgw.get(`/admin/requests/${caseId}`)
  return fgw.post(`/admin/requests/${caseId}/steps/decided`, Object.fromEntries(Object.entries({ on: '2026-11-20', ...fields }).map(([k, v]) => [`decided.${k}`, v])))
}

async function answerText(caseId: number): Promise<string> {
  const row = await database.db.selectFrom('request_documents').select('id').where('case_id', '=', caseId).where('kind', '=', 'answer').executeTakeFirstOrThrow()
  const page = await fgw.get(`/admin/requests/${caseId}/documents/${row.id}`)
  expect(page.statusCode).toBe(200)
  const text = html(page).querySelector('main')!.text.replace(/\s+/g, '')
  return text
}

/** The page's text: the field messages are shown in the summary and at each field. */
function messages(res: { body: string }): string {
  return html(res).querySelector('main')?.text ?? ''
}

async function expectNothingRecorded(caseId: number) {
  const record = (await findCase(database.db, caseId))!
  expect(record.state).toBe('in_progress')
  expect((await eventsOf(database.db, caseId)).map((e) => e.type)).not.toContain('decided')
  expect(await database.db.selectFrom('request_documents').select('id').where('case_id', '=', caseId).where('kind', '=', 'answer').execute()).toEqual([])
}

function expectNoPlaceholder(text: string) {
  for (const p of PLACEHOLDERS) expect(text).not.toContain(p)
}

describe('the decision form asks for the facts of its letter', () => {
  it('法律法规禁止公开: refuses without the specific law and article, then cites exactly them', async () => {
    const id = await newCase()
    const base = { code: 'denied_law_forbidden', reasons: '所申请的是统计调查中获得的能够识别单个统计调查对象的资料' }
    const refused = await decide(id, base)
    expect(refused.statusCode).toBe(400)
    for (const m of ['请填写依据的法律、法规名称', '请填写具体条款，如 第九条']) expect(messages(refused)).toContain(m)
    await expectNothingRecorded(id)
    const quoted = await decide(id, { ...base, basisLaw: '《中华人民共和国统计法》', basisProvision: '第三十九条' })
    expect(quoted.statusCode).toBe(400)
    expect(messages(quoted)).toContain('法律、法规名称不要带书名号')
    await expectNothingRecorded(id)
    expect((await decide(id, { ...base, basisLaw: '中华人民共和国统计法', basisProvision: '第三十九条' })).statusCode).toBe(303)
    const text = await answerText(id)
    expect(text).toContain('《中华人民共和国统计法》第三十九条')
    expect(text).toContain(base.reasons)
    expectNoPlaceholder(text)
    const decided = (await eventsOf(database.db, id)).find((e) => e.type === 'decided')!
    expect(decided.details).toMatchObject({ facts: { basisLaw: '中华人民共和国统计法', basisProvision: '第三十九条' } })
  })

  it('部分公开: several withheld parts, each with its ground and reason; 添加一行 records nothing', async () => {
    const id = await newCase()
    const more = await decide(id, { code: 'partial', withheldRows: '3', withheldPart1: '投标报价明细', more: '1' })
    expect(more.statusCode).toBe(200)
    expect(more.body).toContain('name="decided.withheldPart4"')
    expect(more.body).toContain('投标报价明细')
    await expectNothingRecorded(id)
    const rows = {
      code: 'partial', provided: '招标控制价编制说明', howProvided: '通过本网站下载', thirdPartyInterest: 'trade_secret', withheldRows: '4',
      withheldPart1: '投标报价明细', withheldGrounds1: ['third_party'], withheldReason1: '涉及投标人的商业秘密，投标人不同意公开',
      withheldPart2: '评标专家名单', withheldGrounds2: ['third_party'],
    }
    const refused = await decide(id, rows)
    expect(refused.statusCode).toBe(400)
    expect(messages(refused)).toContain('不予公开的第 2 部分：请说明不予公开的理由')
    await expectNothingRecorded(id)
    expect((await decide(id, { ...rows, withheldReason2: '评标专家的个人信息，公开会侵犯其个人隐私', withheldPart3: '内部审核意见', withheldGrounds3: ['process_information'], withheldReason3: '属于内部讨论记录' })).statusCode).toBe(303)
    const text = await answerText(id)
    for (const fact of ['招标控制价编制说明', '通过本网站下载', '投标报价明细', '涉及投标人的商业秘密，投标人不同意公开', '评标专家名单', '评标专家的个人信息，公开会侵犯其个人隐私', '内部审核意见', '属于内部讨论记录']) expect(text).toContain(fact)
    expectNoPlaceholder(text)
    const decided = (await eventsOf(database.db, id)).find((e) => e.type === 'decided')!
    expect((decided.details as { facts: { withheldParts: unknown[] } }).facts.withheldParts).toHaveLength(3)
  })

  it('重复申请: prefills the earlier answer\'s 文号 and date, refuses without them, and states them', async () => {
    const applicant = { name: '周晓燕', contactPerson: '', idType: 'resident_id' as const, idNumber: '500234198506153427', phone: '13700001111', email: '', address: '', postcode: '' }
    const first = await newCase({ applicant, informationName: '开州区2026年城区停车场建设规划' })
    const granted = await decide(first, { on: '2026-11-10', code: 'granted', answerForm: 'provided', howProvided: '随本答复书提供电子文档' })
    expect(granted.statusCode, granted.body.slice(0, 400)).toBe(303)
    const earlierText = await answerText(first)
    const second = await newCase({ applicant, informationName: '开州区2026年城区停车场建设规划', facts: { submittedOn: '2026-11-16' } })
    // The first step preselects 重复申请 when a repeat is flagged; its second step starts with the earlier answer.
    expect(html(await fgw.get(`/admin/requests/${second}`)).querySelector('input[name="jueding"][value="not_processed_repeated"]')!.getAttribute('checked')).not.toBeNull()
    const page = await fgw.get(`/admin/requests/${second}?jueding=not_processed_repeated`)
    const docNo = html(page).querySelector('input[name="decided.previousDocNo"]')!.getAttribute('value')!
    expect(docNo).toMatch(new RegExp(`依申复〔2026〕${first}-\\d+号$`))
    expect(earlierText).toContain(docNo)
    expect(html(page).querySelector('input[name="decided.previousAnswerOn"]')!.getAttribute('value')).toBe('2026-11-27')
    const refused = await decide(second, { code: 'not_processed_repeated', answerForm: 'repeated', previousDocNo: '', previousAnswerOn: '2026-11-31' })
    expect(refused.statusCode).toBe(400)
    for (const m of ['请填写已作答复的发文字号', '已作答复的日期应写成 YYYY-MM-DD，如 2026-11-27']) expect(messages(refused)).toContain(m)
    await expectNothingRecorded(second)
    expect((await decide(second, { code: 'not_processed_repeated', answerForm: 'repeated', previousDocNo: docNo, previousAnswerOn: '2026-11-27' })).statusCode).toBe(303)
    const text = await answerText(second)
    expect(text).toContain(docNo)
    expect(text).toContain('2026年11月27日')
    expect(text).not.toContain('2026年11月2日')
    expectNoPlaceholder(text)
  })

  for (const code of ['other', 'not_processed_confirm_or_reissue'] as const) {
    it(`${code}: cites the precise basis entered, never a bare 第三十六条`, async () => {
      const id = await newCase()
      const reasons = code === 'other' ? '申请人已撤回申请' : '申请人要求确认其已获取的规划文件的真实性'
      const refused = await decide(id, { code, reasons })
      expect(refused.statusCode).toBe(400)
      for (const m of ['请填写依据的法律、法规名称', '请填写具体条款，如 第九条']) expect(messages(refused)).toContain(m)
      await expectNothingRecorded(id)
      expect((await decide(id, { code, reasons, basisLaw: '中华人民共和国政府信息公开条例', basisProvision: '第三十九条第二款' })).statusCode).toBe(303)
      const text = await answerText(id)
      expect(text).toContain('《中华人民共和国政府信息公开条例》')
      expect(text).toContain('第三十九条第二款')
      expect(text).toContain(reasons)
      expectNoPlaceholder(text)
    })
  }

  it('requires the reasons and the way of providing that a letter states (予以公开, 无法提供)', async () => {
    const granted = await newCase()
    const refused = await decide(granted, { code: 'granted', answerForm: 'provided' })
    expect(messages(refused)).toContain('请写明提供或获取的方式')
    await expectNothingRecorded(granted)
    const creation = await newCase()
    expect(messages(await decide(creation, { code: 'unable_needs_creation' }))).toContain('请说明需要加工、分析的情形')
    await expectNothingRecorded(creation)
  })
})
