/**
 * Demo 依申请公开 cases for `npm start`: several units, every kind of state (awaiting receipt, in progress, due soon,
 * overdue, 补正, consultation, answered, archived, 视为放弃, 复议), made through the real use cases so that clocks,
 * events and letters are what the wing would have produced. Dates are counted back from today. Test images leave
 * them out (seedDemo's catalogue option), so the golden image stays small.
 */
import type { Db } from '../database.ts'
import type { Clock } from '../platform/clock.ts'
import { createFieldCipher } from '../platform/crypto/sm.ts'
import { findOrganisationByCode, findUserByUsername, findOrganisation, type Actor } from '../modules/orgs/index.ts'
import { recordStep, registerRequest, type ApplicationInput } from '../modules/requests/index.ts'

const SECURITY = { sessionIdleMinutes: 30, sessionAbsoluteHours: 12, loginMaxFailures: 5, loginLockMinutes: 15, ipMaxFailures: 30, enforcePasswordChange: false }

function daysBefore(today: string, n: number): string {
  const d = new Date(`${today}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - n)
  return d.toISOString().slice(0, 10)
}

export async function seedDemoRequests(db: Db, clock: Clock, dataKey: string): Promise<number> {
  const existing = await db.selectFrom('request_cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
  if (Number(existing.n) > 0) return 0
  const today = clock.today()
  const d = (n: number) => daysBefore(today, n)
  const cipher = createFieldCipher(dataKey)
  const actor = async (username: string): Promise<Actor> => {
    const user = (await findUserByUsername(db, username))!
    const unit = (await findOrganisation(db, user.organisationId))!
    return { userId: user.id, username, displayName: user.displayName, organisationId: unit.id, organisationName: unit.name, regionId: unit.regionId, roles: user.roles, mustChangePassword: false, totpEnabled: false }
  }
  const ctx = (a: Actor | null) => ({ db, clock, cipher, security: SECURITY, actor: a, ip: '127.0.0.1', identityKey: dataKey })
  const fgw = (await findOrganisationByCode(db, 'fgw'))!.id
  const czj = (await findOrganisationByCode(db, 'czj'))!.id
  const hfjd = (await findOrganisationByCode(db, '500154001'))!.id
  const editor = { fgw: await actor('fgw.editor'), czj: await actor('czj.editor'), hfjd: await actor('hfjd.editor'), head: await actor('fgw.head') }
  let serial = 0
  const app = (organisationId: number, name: string, information: string, extra: Partial<ApplicationInput> = {}): ApplicationInput => ({
    organisationId, applicantCategory: 'natural_person',
    applicant: { name, contactPerson: '', idType: 'resident_id', idNumber: '500234198805060012', phone: `1390000${String(1000 + serial).slice(-4)}`, email: '', address: '重庆市开州区汉丰街道', postcode: '405400' },
    informationName: information, docNo: '', description: '', wantedForm: 'electronic', delivery: 'online', channel: 'online', facts: { submittedOn: today },
    idempotencyKey: `demo${String(++serial).padStart(28, '0')}`, ...extra,
  })
  const register = async (input: ApplicationInput, by: Actor | null) => (await registerRequest(ctx(by), input)).case.id

  // 待确认收到: an online application of today.
  await register(app(fgw, '刘建国', '开州区2026年重点建设项目计划'), null)
  // 办理中, due soon: received in person 24 days ago.
  await register(app(fgw, '陈晓燕', '开州区城乡居民医保定点医院名单', { channel: 'in_person', facts: { submittedOn: d(24) } }), editor.fgw)
  // Overdue: received 40 days ago and never answered.
  await register(app(czj, '重庆开州某建材有限公司', '2025年度区级财政专项资金分配结果', { applicantCategory: 'commercial', applicant: { name: '重庆开州某建材有限公司', contactPerson: '黄经理', idType: 'credit_code', idNumber: '91500234MA5U123456', phone: '023-52210001', email: '', address: '重庆市开州区工业园区', postcode: '405400' }, channel: 'registered_mail', facts: { signedForOn: d(40) } }), editor.czj)
  // 待补正.
  const c4 = await register(app(fgw, '杨志强', '', { description: '关于我们小区附近修路的文件', channel: 'in_person', facts: { submittedOn: d(6) } }), editor.fgw)
  await recordStep(ctx(editor.fgw), c4, { type: 'correction_requested', on: d(4), items: ['请写明道路名称或所在街道', '请写明所需文件的大致时间'], dueOn: daysBefore(today, -10) })
  // 征求第三方意见.
  const c5 = await register(app(fgw, '周丽', '开州区某工业园区企业环评批复', { channel: 'in_person', facts: { submittedOn: d(12) } }), editor.fgw)
  await recordStep(ctx(editor.fgw), c5, { type: 'consultation_sent', on: d(8), party: 'third_party' }, { thirdParty: '重庆某化工有限公司', harm: '批复附件含企业工艺参数' })
  // 部分公开, delivered and archived, then 行政复议.
  const c6 = await register(app(czj, '吴海涛', '2025年区级部门预算公开说明', { channel: 'in_person', facts: { submittedOn: d(60) } }), editor.czj)
  await recordStep(ctx(editor.czj), c6, {
    type: 'decided', on: d(45),
    decision: { code: 'partial', thirdPartyInterest: 'privacy' },
  }, { provided: '预算公开说明正文', howProvided: '通过网站下载', withheldParts: [{ part: '涉及个人的补助名单', grounds: ['third_party'], reason: '涉及个人隐私，公开会对第三方合法权益造成损害' }] })
  await recordStep(ctx(editor.czj), c6, { type: 'delivered', on: d(44), method: 'online_download' })
  await recordStep(ctx(editor.czj), c6, { type: 'archived', on: d(40) })
  await recordStep(ctx(editor.czj), c6, { type: 'review_filed', on: d(30) })
  // 视为放弃 (汉丰街道).
  const c7 = await register(app(hfjd, '郑红', '', { description: '社区的那个通知', channel: 'in_person', facts: { submittedOn: d(50) } }), editor.hfjd)
  await recordStep(ctx(editor.hfjd), c7, { type: 'correction_requested', on: d(48), items: ['请写明通知的名称或内容'], dueOn: d(33) })
  await recordStep(ctx(editor.hfjd), c7, { type: 'correction_lapsed', on: d(30) })
  // 予以公开 with an extension approved by the head.
  const c8 = await register(app(fgw, '马国庆', '开州区2025年粮食储备情况', { channel: 'in_person', facts: { submittedOn: d(35) } }), editor.fgw)
  await recordStep(ctx(editor.head), c8, { type: 'extension_granted', on: d(10), workingDays: 10, approvedBy: '孙主任（区发展改革委）', reason: '需要汇总多个库点数据' })
  await recordStep(ctx(editor.fgw), c8, { type: 'decided', on: d(3), decision: { code: 'granted', answerForm: 'provided' } }, { howProvided: '随本答复书提供电子文本' })
  return serial
}
