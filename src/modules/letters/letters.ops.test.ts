/**
 * 公众诉求 operations on a real database: the 话务员, 办理时限 and 转办目录 as data, attachments on letters, replies
 * and calls, 并单 writers rating the main reply, the follow-up window, and 差评整改 with 申诉复核.
 */
import { expect, it } from 'vitest'
import { describeEachDatabase } from '../../../test/support/test-database.ts'
import { fixedClock, type Clock } from '../../platform/clock.ts'
import { createFieldCipher } from '../../platform/crypto/sm.ts'
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../platform/http/errors.ts'
import { findOrganisationByCode, findUserByUsername, type Actor, type UseCaseContext } from '../orgs/index.ts'
import { acceptCase, caseForActor, dispatchCase, releaseReply, replyToCase } from './case-actions.ts'
import { loadLetterSettings, loadRoutingCatalogue, removeLimitRow, removeRoutingRow, saveLetterSettings, saveLimitRow, saveRoutingRow } from './letter-config.ts'
import { attachmentsOfCase, checkUploads, LETTER_ATTACHMENT_MAX_COUNT, releasedReplyAttachments } from './letter-attachments.ts'
import { escalateOverdueRectifications } from './escalate-overdue.ts'
import { eventsOfCase, findCase } from './letters.repository.ts'
import { mergeCase } from './merge-cases.ts'
import { rateReply, reopenByWriter } from './public-follow-up.ts'
import { appealRating, listRectifications, recordRectification, rectificationsOfCase, reviewAppeal } from './rectify-rating.ts'
import { registerCall } from './register-call.ts'
import { countsInSatisfaction, suggestUnits } from './rules/index.ts'
import { submitLetter } from './submit-letter.ts'

const security = { sessionIdleMinutes: 30, sessionAbsoluteHours: 12, loginMaxFailures: 5, loginLockMinutes: 15, ipMaxFailures: 30, enforcePasswordChange: false }
const cipher = createFieldCipher('0123456789abcdef0123456789abcdef')
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000000000200017e21bc330000000049454e44ae426082', 'hex')
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
let formNo = 0
const letter = (over: Record<string, string> = {}) => ({
  unit: '', category: 'complaint' as const, subject: '小区门口路灯不亮', content: '汉丰街道某小区门口的路灯坏了两个月，晚上出行很不方便，请尽快修复。', name: '张三丰', phone: '13812345678',
  publishConsent: 'no' as const, idempotencyKey: `ops-token-${++formNo}-abcdefghijkl`, ...over,
})

describeEachDatabase('letters operations', (database) => {
  const clock = fixedClock('2026-11-27T02:00:00Z') // Friday
  const ctx = (actor: Actor | null, at: Clock = clock, ip = `198.51.100.${40 + (formNo % 50)}`): UseCaseContext => ({ db: database().db, clock: at, cipher, security, actor, ip })
  async function actor(username: string): Promise<Actor> {
    const user = (await findUserByUsername(database().db, username))!
    const region = (await findOrganisationByCode(database().db, 'fgw'))!.regionId
    return { userId: user.id, username, displayName: user.displayName, organisationId: user.organisationId, organisationName: '', regionId: region, roles: user.roles, mustChangePassword: false, totpEnabled: false }
  }
  const unitId = async (code: string) => (await findOrganisationByCode(database().db, code))!.id
  const audit = (action: string) => database().db.selectFrom('audit_log').selectAll().where('action', '=', action).execute()

  /** A letter dispatched to `unit`, answered and released; returns its id and query code. */
  async function releasedLetter(unit = 'fgw', at: Clock = clock, over: Record<string, string> = {}) {
    const gkb = await actor('gkb')
    const sent = await submitLetter(ctx(null, at), gkb.regionId, letter(over), null, 'secret')
    await acceptCase(ctx(gkb, at), sent.caseId)
    await dispatchCase(ctx(gkb, at), sent.caseId, await unitId(unit))
    const editor = unit === 'fgw' ? 'fgw.editor' : 'czj.editor'
    await replyToCase(ctx(await actor(editor), at), sent.caseId, '经核查，路灯已于11月30日修复，今后每月巡查一次。')
    await releaseReply(ctx(gkb, at), sent.caseId)
    return sent
  }

  it('reads the 办理时限 table from data: a change applies to later dispatches, an earlier case keeps its limit; recorded and audited; 公开办 only', async () => {
    const gkb = await actor('gkb')
    const first = await submitLetter(ctx(null), gkb.regionId, letter(), null, 'secret')
    await acceptCase(ctx(gkb), first.caseId)
    const before = await dispatchCase(ctx(gkb), first.caseId, await unitId('fgw'))
    expect(before).toMatchObject({ dueOn: '2026-12-11', limitWorkingDays: 10 })
    expect(before.limitCitation).toContain('10个工作日')

    await expect(saveLimitRow(ctx(await actor('fgw.editor')), { channel: 'district_mailbox', category: 'complaint', workingDays: 3, citation: '试行' })).rejects.toBeInstanceOf(ForbiddenError)
    await saveLimitRow(ctx(gkb), { channel: 'district_mailbox', category: 'complaint', workingDays: 3, citation: '本区试行：投诉3个工作日' })
    const second = await submitLetter(ctx(null), gkb.regionId, letter(), null, 'secret')
    await acceptCase(ctx(gkb), second.caseId)
    expect(await dispatchCase(ctx(gkb), second.caseId, await unitId('fgw'))).toMatchObject({ dueOn: '2026-12-02', limitWorkingDays: 3, limitCitation: '本区试行：投诉3个工作日' })
    expect(await findCase(database().db, first.caseId)).toMatchObject({ dueOn: '2026-12-11', limitWorkingDays: 10 })

    const changes = await database().db.selectFrom('letter_config_changes').selectAll().where('kind', '=', 'limit').execute()
    expect(changes.at(-1)!.summary).toBe('新增办理时限 区长公开信箱 × 投诉：3 个工作日')
    expect(await audit('letters.config.limit')).toHaveLength(1)
    // The first change copied the defaults in: the table now holds them and the new row.
    expect(await database().db.selectFrom('letter_reply_limits').select('id').execute()).toHaveLength(7)
    await removeLimitRow(ctx(gkb), { channel: 'district_mailbox', category: 'complaint' })
    await expect(removeLimitRow(ctx(gkb), { channel: '', category: '' })).rejects.toThrow('默认时限')
    expect(await database().db.selectFrom('letter_reply_limits').select('id').execute()).toHaveLength(6)
  })

  it('suggests units from the 转办目录 data the 公开办 edits', async () => {
    const gkb = await actor('gkb')
    const text = { subject: '广场舞音响扰民', content: '每天晚上广场舞音响声音很大', category: 'complaint' as const }
    expect(suggestUnits(text, await loadRoutingCatalogue(database().db))).toEqual([])
    expect(suggestUnits({ ...text, subject: '路灯不亮' }, await loadRoutingCatalogue(database().db))[0]).toMatchObject({ unitCode: 'cgj' })
    await saveRoutingRow(ctx(gkb), { unitCode: 'cgj', keywords: ['路灯', '广场舞', '音响'], categories: [] })
    expect(suggestUnits(text, await loadRoutingCatalogue(database().db))[0]).toMatchObject({ unitCode: 'cgj', matched: ['广场舞', '音响'] })
    // Removing every row leaves an empty catalogue (the defaults do not come back).
    for (const row of await loadRoutingCatalogue(database().db)) await removeRoutingRow(ctx(gkb), row.unitCode)
    expect(await loadRoutingCatalogue(database().db)).toEqual([])
    await expect(saveRoutingRow(ctx(await actor('czj.editor')), { unitCode: 'czj', keywords: ['钱'], categories: [] })).rejects.toBeInstanceOf(ForbiddenError)
    expect((await audit('letters.config.routing')).length).toBeGreaterThan(0)
  })

  it('lets a 话务员 register a call with an attachment and dispatch it, and nothing else', async () => {
    const operator = await actor('rx.operator')
    expect(operator.roles).toEqual(['hotline_operator'])
    const hfjd = await unitId('500154001')
    await expect(registerCall(ctx(operator), {
      channel: 'district_hotline', category: 'help', name: '', phone: '13912340000', subject: '停水', content: '汉丰街道某小区停水两天了，什么时候恢复？', outcome: 'dispatch', answer: '', unitId: 999_999,
    })).rejects.toBeInstanceOf(InvalidInputError)
    const call = await registerCall(ctx(operator), {
      channel: 'district_hotline', category: 'help', name: '', phone: '13912340000', subject: '停水', content: '汉丰街道某小区停水两天了，什么时候恢复？', outcome: 'dispatch', answer: '', unitId: hfjd,
    }, [{ fileName: '现场.png', bytes: PNG }])
    const c = (await findCase(database().db, call.caseId))!
    expect(c).toMatchObject({ state: 'dispatched', unitId: hfjd, registeredByUserId: operator.userId, dueOn: '2026-12-04', limitWorkingDays: 5 })
    expect((await attachmentsOfCase(database().db, c.id)).map((a) => [a.kind, a.fileName])).toEqual([['call', '现场.png']])
    expect((await eventsOfCase(database().db, c.id)).map((e) => e.type)).toEqual(['received', 'accept', 'dispatch'])

    // The operator reads the call (no steps), never a letter; the unit sees the call it was given.
    expect((await caseForActor(ctx(operator), c.id, { operator: true })).party).toBe('operator')
    await expect(caseForActor(ctx(operator), c.id)).rejects.toBeInstanceOf(NotFoundError)
    const written = await submitLetter(ctx(null), operator.regionId, letter(), null, 'secret')
    await expect(caseForActor(ctx(operator), written.caseId, { operator: true })).rejects.toBeInstanceOf(NotFoundError)
    await expect(acceptCase(ctx(operator), written.caseId)).rejects.toBeInstanceOf(NotFoundError)
    expect((await caseForActor(ctx(await actor('hfjd.editor')), c.id)).party).toBe('unit')
    await expect(registerCall(ctx(await actor('fgw.editor')), {
      channel: 'district_hotline', category: 'help', name: '', phone: '13912340000', subject: '停水', content: '某小区停水两天了什么时候恢复', outcome: 'answered', answer: '明天恢复', unitId: null,
    })).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('keeps several attachments of a letter and of each reply; the writer gets the latest reply\'s; refuses too many before storing', async () => {
    const gkb = await actor('gkb')
    await expect(checkUploads(Array.from({ length: LETTER_ATTACHMENT_MAX_COUNT + 1 }, (_, i) => ({ fileName: `${i}.png`, bytes: PNG })))).rejects.toThrow(`最多上传 ${LETTER_ATTACHMENT_MAX_COUNT} 个附件`)
    const sent = await submitLetter(ctx(null), gkb.regionId, letter(), [{ fileName: '照片.png', bytes: PNG }, { fileName: '说明.pdf', bytes: PDF }], 'secret')
    expect((await attachmentsOfCase(database().db, sent.caseId)).map((a) => a.fileName)).toEqual(['照片.png', '说明.pdf'])
    await acceptCase(ctx(gkb), sent.caseId)
    await dispatchCase(ctx(gkb), sent.caseId, await unitId('fgw'))
    const fgw = ctx(await actor('fgw.editor'))
    await expect(replyToCase(fgw, sent.caseId, '答复内容答复内容答复内容', [{ fileName: '病毒.pdf', bytes: Buffer.from('MZ not a pdf at all') }])).rejects.toThrow('不能上传')
    expect((await findCase(database().db, sent.caseId))!.state).toBe('dispatched')
    await replyToCase(fgw, sent.caseId, '答复内容答复内容答复内容', [{ fileName: '整改前.png', bytes: PNG }])
    const { sendBackReply } = await import('./case-actions.ts')
    await sendBackReply(ctx(gkb), sent.caseId, '请附上修复后的照片')
    await replyToCase(fgw, sent.caseId, '已修复，附修复后照片。', [{ fileName: '修复后.png', bytes: PNG }])
    await releaseReply(ctx(gkb), sent.caseId)
    expect((await releasedReplyAttachments(database().db, sent.caseId)).map((a) => a.fileName)).toEqual(['修复后.png'])
    expect((await attachmentsOfCase(database().db, sent.caseId)).map((a) => a.kind)).toEqual(['letter', 'letter', 'reply', 'reply'])
  })

  it('lets the writer of a merged letter rate the main case\'s reply, not reopen it; a 差评 goes to the main case\'s unit', async () => {
    const gkb = await actor('gkb')
    const main = await submitLetter(ctx(null), gkb.regionId, letter(), null, 'secret')
    const other = await submitLetter(ctx(null), gkb.regionId, letter({ phone: '13700002222' }), null, 'secret')
    await mergeCase(ctx(gkb), other.caseId, main.caseNo, '同一路灯')
    await expect(rateReply(ctx(null), other.queryCode, '2222', 'satisfied', '')).rejects.toThrow('答复发布后才能评价')
    await acceptCase(ctx(gkb), main.caseId)
    await dispatchCase(ctx(gkb), main.caseId, await unitId('czj'))
    await replyToCase(ctx(await actor('czj.editor')), main.caseId, '经核查，路灯已修复，感谢监督。')
    await releaseReply(ctx(gkb), main.caseId)
    const rated = await rateReply(ctx(null), other.queryCode, '2222', 'very_dissatisfied', '根本没修')
    expect(rated).toMatchObject({ state: 'merged', satisfaction: 'very_dissatisfied' })
    expect((await findCase(database().db, main.caseId))!.satisfaction).toBeNull()
    const [task] = await rectificationsOfCase(database().db, main.caseId)
    expect(task).toMatchObject({ ratedCaseId: other.caseId, unitId: await unitId('czj'), state: 'open', openedOn: '2026-11-27', dueOn: '2026-12-18' })
    await expect(reopenByWriter(ctx(null), other.queryCode, '2222', '没修好')).rejects.toThrow('合并办理')
  })

  it('allows rating and 没有解决 only within the window after release, and reopening at most the configured times', async () => {
    const at = fixedClock('2026-11-27T02:00:00Z')
    const sent = await releasedLetter('fgw', at)
    at.set('2026-12-12T02:00:00Z') // 15 days after release: the last day
    await rateReply(ctx(null, at), sent.queryCode, '5678', 'satisfied', '')
    at.set('2026-12-13T02:00:00Z')
    await expect(rateReply(ctx(null, at), sent.queryCode, '5678', 'basically_satisfied', '')).rejects.toThrow('答复发布后15日内可以评价，已于 2026-12-12 截止')
    await expect(reopenByWriter(ctx(null, at), sent.queryCode, '5678', '又坏了')).rejects.toThrow('已于 2026-12-12 截止')

    const gkb = await actor('gkb')
    await saveLetterSettings(ctx(gkb), { ...(await loadLetterSettings(database().db)), maxReopens: 1 })
    const again = await releasedLetter('fgw', at)
    await reopenByWriter(ctx(null, at), again.queryCode, '5678', '又坏了')
    await replyToCase(ctx(await actor('fgw.editor'), at), again.caseId, '已再次修复并安排巡查。')
    await releaseReply(ctx(gkb, at), again.caseId)
    await expect(reopenByWriter(ctx(null, at), again.queryCode, '5678', '还是坏的')).rejects.toThrow('已经重新办理过 1 次')
    await saveLetterSettings(ctx(gkb), { ...(await loadLetterSettings(database().db)), maxReopens: 2 })
    expect((await audit('letters.config.setting')).length).toBe(2)
  })

  it('opens a 整改 task on a 差评; the unit rectifies or appeals, the 公开办 upholds or voids; voided ratings leave the statistics; all traced and audited', async () => {
    const gkb = await actor('gkb')
    const fgw = await actor('fgw.editor')
    const sent = await releasedLetter('fgw')
    await rateReply(ctx(null), sent.queryCode, '5678', 'satisfied', '')
    expect(await rectificationsOfCase(database().db, sent.caseId)).toEqual([])
    await rateReply(ctx(null), sent.queryCode, '5678', 'dissatisfied', '态度不好')
    const [task] = await rectificationsOfCase(database().db, sent.caseId)
    expect(task).toMatchObject({ state: 'open', satisfaction: 'dissatisfied', dueOn: '2026-12-18' })
    // A second 差评 while the task is open does not open another.
    await rateReply(ctx(null), sent.queryCode, '5678', 'very_dissatisfied', '')
    expect(await rectificationsOfCase(database().db, sent.caseId)).toHaveLength(1)

    await expect(recordRectification(ctx(await actor('czj.editor')), task!.id, { note: '别的单位', followUpResult: '别的单位' })).rejects.toBeInstanceOf(NotFoundError)
    await expect(reviewAppeal(ctx(gkb), task!.id, 'void', '误评')).rejects.toThrow('不能复核撤销评价')
    await expect(recordRectification(ctx(fgw), task!.id, { note: '', followUpResult: '' })).rejects.toBeInstanceOf(InvalidInputError)
    await appealRating(ctx(fgw), task!.id, '答复已按来信人要求修复，评价与事实不符')
    await expect(recordRectification(ctx(fgw), task!.id, { note: '整改', followUpResult: '回访' })).rejects.toThrow('待复核')
    await reviewAppeal(ctx(gkb), task!.id, 'uphold', '来信人反映的服务态度问题属实')
    expect((await rectificationsOfCase(database().db, sent.caseId))[0]!.state).toBe('open')
    await appealRating(ctx(fgw), task!.id, '已补充通话录音，经办人态度正常')
    const voided = await reviewAppeal(ctx(gkb), task!.id, 'void', '经核实录音，属于误评')
    expect(voided).toMatchObject({ state: 'voided', reviewNote: '经核实录音，属于误评' })
    const rated = (await findCase(database().db, sent.caseId))!
    expect(rated).toMatchObject({ satisfaction: 'very_dissatisfied', satisfactionVoided: true })
    expect(countsInSatisfaction(rated)).toBe(false)

    // A new 差评 (a new rating) opens a new task, which the unit rectifies.
    await rateReply(ctx(null), sent.queryCode, '5678', 'dissatisfied', '还是不满意')
    expect((await findCase(database().db, sent.caseId))!.satisfactionVoided).toBe(false)
    const open = (await rectificationsOfCase(database().db, sent.caseId)).find((t) => t.state === 'open')!
    await recordRectification(ctx(fgw), open.id, { note: '已约谈经办人，改进答复方式', followUpResult: '12月1日电话回访，来信人表示认可' })
    expect(await listRectifications(database().db, { regionId: gkb.regionId, unitId: await unitId('czj') })).not.toContainEqual(expect.objectContaining({ caseId: sent.caseId }))
    expect((await listRectifications(database().db, { regionId: gkb.regionId, unitId: fgw.organisationId })).map((t) => t.state)).toEqual(expect.arrayContaining(['voided', 'rectified']))

    const types = (await eventsOfCase(database().db, sent.caseId)).map((e) => e.type).filter((t) => t.startsWith('rectification_'))
    expect(types).toEqual(['rectification_opened', 'rectification_appeal', 'rectification_uphold', 'rectification_appeal', 'rectification_void', 'rectification_opened', 'rectification_rectify'])
    for (const action of ['appeal', 'uphold', 'void', 'rectify']) expect((await audit(`letters.rectification.${action}`)).length, action).toBeGreaterThan(0)
  })

  it('escalates a 整改 task still open past its due date (working days over 中秋/国庆 2026) once, by the hourly job; not before; traced', async () => {
    const rated = fixedClock('2026-09-18T02:00:00Z') // Friday; 15 working days: 9-20 (调休上班), 9-21…24, 9-28…30, 10-8, 10-9, 10-10 (调休上班), 10-12…15
    const sent = await releasedLetter('fgw', rated)
    await rateReply(ctx(null, rated), sent.queryCode, '5678', 'very_dissatisfied', '没有人来修')
    const [task] = await rectificationsOfCase(database().db, sent.caseId)
    expect(task).toMatchObject({ state: 'open', dueOn: '2026-10-15', escalatedAt: null })
    const onDay = (date: string) => ({ db: database().db, clock: fixedClock(`${date}T02:00:00Z`) })
    const escalations = async () => (await eventsOfCase(database().db, sent.caseId)).filter((e) => e.type === 'rectification_escalate')
    await escalateOverdueRectifications(onDay('2026-10-15'))
    expect(await escalations()).toHaveLength(0)
    await escalateOverdueRectifications(onDay('2026-10-16'))
    await escalateOverdueRectifications(onDay('2026-10-16'))
    await escalateOverdueRectifications(onDay('2026-10-19'))
    const [event] = await escalations()
    expect(await escalations()).toHaveLength(1)
    expect(event).toMatchObject({ actorKind: 'system', unitId: await unitId('fgw'), effectiveOn: '2026-10-16' })
    expect(event!.reason).toContain('2026-10-15')
    const [row] = (await listRectifications(database().db, { regionId: (await actor('gkb')).regionId, unitId: await unitId('fgw') })).filter((t) => t.id === task!.id)
    expect(row!.escalatedAt).toEqual(new Date('2026-10-16T02:00:00Z'))
    // A task the unit rectified in time is never escalated.
    const other = await releasedLetter('fgw', rated)
    await rateReply(ctx(null, rated), other.queryCode, '5678', 'dissatisfied', '')
    const [second] = await rectificationsOfCase(database().db, other.caseId)
    await recordRectification(ctx(await actor('fgw.editor'), fixedClock('2026-10-14T02:00:00Z')), second!.id, { note: '已修复路灯', followUpResult: '10月14日回访，来信人认可' })
    await escalateOverdueRectifications(onDay('2026-10-20'))
    expect((await eventsOfCase(database().db, other.caseId)).filter((e) => e.type === 'rectification_escalate')).toHaveLength(0)
  })

  it('opens a 整改 task for the 区政府办公室 on a 差评 of a call its 话务员 answered on the spot; the 公开办 records the 整改', async () => {
    const operator = await actor('rx.operator')
    const call = await registerCall(ctx(operator), {
      channel: 'district_hotline', category: 'consultation', name: '', phone: '13912342222', subject: '社保卡补办', content: '社保卡丢了，请问到哪里补办，需要带什么材料？', outcome: 'answered', answer: '请携带身份证到区社保中心窗口补办。', unitId: null,
    })
    const row = await database().db.selectFrom('letter_cases').select(['query_code', 'unit_id']).where('id', '=', call.caseId).executeTakeFirstOrThrow()
    expect(row.unit_id).toBeNull()
    await rateReply(ctx(null), row.query_code, '2222', 'dissatisfied', '窗口说要先挂失')
    const [task] = await rectificationsOfCase(database().db, call.caseId)
    expect(task).toMatchObject({ state: 'open', unitId: await unitId('kzq-bgs'), dueOn: '2026-12-18' })
    expect((await eventsOfCase(database().db, call.caseId)).find((e) => e.type === 'rectification_opened')).toMatchObject({ unitId: await unitId('kzq-bgs') })
    // Another unit cannot touch it; the 公开办 of the 区政府办公室 records the 整改 (and has no appeal to review itself).
    await expect(recordRectification(ctx(await actor('fgw.editor')), task!.id, { note: '别的单位', followUpResult: '别的单位' })).rejects.toBeInstanceOf(NotFoundError)
    await expect(appealRating(ctx(await actor('gkb')), task!.id, '误评误评')).rejects.toThrow('公开办不能申诉')
    const done = await recordRectification(ctx(await actor('gkb')), task!.id, { note: '已补充话务知识库：补办前先挂失', followUpResult: '电话回访，来信人表示认可' })
    expect(done.state).toBe('rectified')
  })
})
