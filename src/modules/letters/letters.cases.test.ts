/** The case life of 公众诉求 on a real database: write → screen → dispatch → reply → release → rate → reopen → close. */
import { expect, it } from 'vitest'
import { describeEachDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { createFieldCipher } from '../../platform/crypto/sm.ts'
import { InvalidInputError, NotFoundError, TooManyRequestsError } from '../../platform/http/errors.ts'
import { currentCalendar, findClock, proposeAmendment, storeCalendarVersion } from '../calendar/index.ts'
import { findOrganisationByCode, findUserByUsername, type Actor, type UseCaseContext } from '../orgs/index.ts'
import {
  acceptCase, caseForActor, closeCase, dispatchCase, evaluateCase, extendCase, notAcceptCase, reassignCase, releaseReply, replyToCase, returnCase, sendBackReply,
} from './case-actions.ts'
import { mergeCase, splitCase } from './merge-cases.ts'
import { caseForWriter, FOLLOW_UP_FAILED, rateReply, reopenByWriter } from './public-follow-up.ts'
import { registerCall } from './register-call.ts'
import { escalateOverdueCases } from './escalate-overdue.ts'
import { countByState, countQueuesCapped, eventsOfCase, findCase, listCases, sealedContact } from './letters.repository.ts'
import { FLOOD_LIMITS, submitLetter } from './submit-letter.ts'

const security = { sessionIdleMinutes: 30, sessionAbsoluteHours: 12, loginMaxFailures: 5, loginLockMinutes: 15, ipMaxFailures: 30, enforcePasswordChange: false }
const cipher = createFieldCipher('0123456789abcdef0123456789abcdef')
const SECRET = 'test-source-secret'
let formNo = 0
const letter = (over: Record<string, string> = {}) => ({
  unit: '', category: 'complaint' as const, subject: '小区门口路灯不亮', content: '汉丰街道某小区门口的路灯坏了两个月，晚上出行很不方便，请尽快修复。', name: '张三丰', phone: '13812345678',
  publishConsent: 'no' as const, idempotencyKey: `form-token-${++formNo}-abcdefghijkl`, ...over,
})

describeEachDatabase('letters cases', (database) => {
  const clock = fixedClock('2026-11-27T02:00:00Z') // Friday
  const ctx = (actor: Actor | null, ip = '198.51.100.20'): UseCaseContext => ({ db: database().db, clock, cipher, security, actor, ip })
  async function actor(username: string): Promise<Actor> {
    const user = (await findUserByUsername(database().db, username))!
    const region = (await findOrganisationByCode(database().db, 'fgw'))!.regionId
    return { userId: user.id, username, displayName: user.displayName, organisationId: user.organisationId, organisationName: '', regionId: region, roles: user.roles, mustChangePassword: false, totpEnabled: false }
  }
  const unitId = async (code: string) => (await findOrganisationByCode(database().db, code))!.id

  it('runs a letter through the closed loop, each step an event, with the contact sealed and masked', async () => {
    const gkb = await actor('gkb')
    const fgw = await actor('fgw.editor')
    const region = gkb.regionId
    const sent = await submitLetter(ctx(null), region, letter(), null, SECRET)
    expect(sent.caseNo).toMatch(/^2026\d{6}$/)
    expect(sent.queryCode).toMatch(/^[A-Z2-9]{10}$/)

    const stored = (await findCase(database().db, sent.caseId))!
    expect(stored).toMatchObject({ state: 'received', channel: 'district_mailbox', publishConsent: false, contactNameMasked: '张*丰', contactPhoneMasked: '138****5678' })
    const sealed = (await sealedContact(database().db, sent.caseId))!
    expect(sealed.phoneSealed).not.toContain('13812345678')
    expect(cipher.decrypt(sealed.phoneSealed)).toBe('13812345678')

    await acceptCase(ctx(gkb), sent.caseId)
    const dispatched = await dispatchCase(ctx(gkb), sent.caseId, await unitId('fgw'))
    // 投诉 to the 区长信箱: 10 working days from Friday 2026-11-27.
    expect(dispatched).toMatchObject({ state: 'dispatched', dueOn: '2026-12-11' })
    await expect(replyToCase(ctx(await actor('czj.editor')), sent.caseId, '答复内容答复内容答复内容')).rejects.toBeInstanceOf(NotFoundError)
    await expect(caseForActor(ctx(await actor('czj.editor')), sent.caseId)).rejects.toBeInstanceOf(NotFoundError)
    const extended = await extendCase(ctx(fgw), sent.caseId, 5, '需要现场核查')
    expect(extended.dueOn).toBe('2026-12-18')
    await expect(extendCase(ctx(fgw), sent.caseId, 5, '再次延期')).rejects.toThrow('已经延期过一次')
    await replyToCase(ctx(fgw), sent.caseId, '经核查，路灯已于11月30日修复，感谢您的监督。')
    await sendBackReply(ctx(gkb), sent.caseId, '请写明修复的具体时间和今后的巡查安排')
    expect((await findCase(database().db, sent.caseId))!.dueOn).toBe('2026-12-18')
    await replyToCase(ctx(fgw), sent.caseId, '经核查，路灯已于11月30日修复，今后每月巡查一次。感谢您的监督。')
    await releaseReply(ctx(gkb), sent.caseId)

    await expect(caseForWriter(ctx(null), sent.queryCode, '0000')).rejects.toThrow(FOLLOW_UP_FAILED)
    await rateReply(ctx(null), sent.queryCode.toLowerCase(), '5678', 'dissatisfied', '')
    const reopened = await reopenByWriter(ctx(null), sent.queryCode, '5678', '路灯又坏了')
    expect(reopened).toMatchObject({ state: 'dispatched', unitId: await unitId('fgw'), reopenCount: 1, dueOn: '2026-12-11' })
    await replyToCase(ctx(fgw), sent.caseId, '已更换整套灯具，并安排每周巡查。')
    await releaseReply(ctx(gkb), sent.caseId)
    await rateReply(ctx(null), sent.queryCode, '5678', 'satisfied', '谢谢')
    const closed = await evaluateCase(ctx(gkb), sent.caseId, 'good', '电话回访，群众满意')
    expect(closed).toMatchObject({ state: 'closed', satisfaction: 'satisfied', supervisionGrade: 'good' })

    const events = await eventsOfCase(database().db, sent.caseId)
    expect(events.map((e) => e.type)).toEqual(['received', 'accept', 'dispatch', 'extend', 'reply', 'send_back', 'reply', 'release', 'rate', 'rectification_opened', 'reopen', 'reply', 'release', 'rate', 'evaluate'])
    // The 不满意 rating opened a 整改 task for the unit that answered (国办发〔2019〕51号 差评整改).
    expect(events.find((e) => e.type === 'rectification_opened')).toMatchObject({ actorKind: 'system', unitId: await unitId('fgw') })
    expect(events.find((e) => e.type === 'reopen')).toMatchObject({ actorKind: 'public', reason: '路灯又坏了', effectiveOn: '2026-11-27' })
    expect((await findClock(database().db, 'letter_case', String(sent.caseId)))?.state).toBe('stopped')
  })

  it('makes one case of a double submission, and refuses a flood from one source without half-saving', async () => {
    const region = (await actor('gkb')).regionId
    const form = letter()
    const first = await submitLetter(ctx(null, '198.51.100.30'), region, form, null, SECRET)
    const again = await submitLetter(ctx(null, '198.51.100.30'), region, form, null, SECRET)
    expect(again).toEqual({ ...first, repeated: true })
    for (let i = 1; i < FLOOD_LIMITS.perHour; i++) await submitLetter(ctx(null, '198.51.100.30'), region, letter(), null, SECRET)
    const before = await database().db.selectFrom('letter_cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    await expect(submitLetter(ctx(null, '198.51.100.30'), region, letter(), null, SECRET)).rejects.toBeInstanceOf(TooManyRequestsError)
    const after = await database().db.selectFrom('letter_cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
    // Another citizen is not blocked.
    await expect(submitLetter(ctx(null, '198.51.100.31'), region, letter(), null, SECRET)).resolves.toMatchObject({ repeated: false })
  })

  it('refuses an unsupported attachment before anything is stored', async () => {
    const region = (await actor('gkb')).regionId
    const form = letter()
    await expect(submitLetter(ctx(null, '198.51.100.40'), region, form, { fileName: '照片.jpg', bytes: Buffer.from('MZ\x90\x00 windows program') }, SECRET)).rejects.toThrow('不能上传')
    expect(await database().db.selectFrom('letter_cases').select('id').where('idempotency_key', '=', form.idempotencyKey).executeTakeFirst()).toBeUndefined()
  })

  it('screens a letter out with where to go, and needs reasons for 退回 and 改派', async () => {
    const gkb = await actor('gkb')
    const region = gkb.regionId
    const info = await submitLetter(ctx(null, '198.51.100.50'), region, letter({ subject: '申请公开征地补偿文件', content: '请提供2025年某村征地补偿安置方案的文件。' }), null, SECRET)
    const out = await notAcceptCase(ctx(gkb), info.caseId, 'information_request', '请按依申请公开提出申请')
    expect(out).toMatchObject({ state: 'not_accepted', notAcceptedReason: 'information_request' })

    const other = await submitLetter(ctx(null, '198.51.100.50'), region, letter(), null, SECRET)
    await acceptCase(ctx(gkb), other.caseId)
    await dispatchCase(ctx(gkb), other.caseId, await unitId('fgw'))
    await expect(returnCase(ctx(await actor('fgw.editor')), other.caseId, '')).rejects.toThrow('退回需要写明理由')
    await returnCase(ctx(await actor('fgw.editor')), other.caseId, '路灯属于城市管理局职责')
    expect((await findCase(database().db, other.caseId))!).toMatchObject({ state: 'returned', unitId: null })
    await dispatchCase(ctx(gkb), other.caseId, await unitId('czj'))
    await expect(reassignCase(ctx(gkb), other.caseId, await unitId('fgw'), '')).rejects.toThrow('改派需要写明理由')
    await reassignCase(ctx(gkb), other.caseId, await unitId('fgw'), '发展改革委牵头')
    expect((await findCase(database().db, other.caseId))!.unitId).toBe(await unitId('fgw'))
  })

  it('merges a letter into another and splits it again, with events on both', async () => {
    const gkb = await actor('gkb')
    const a = await submitLetter(ctx(null, '198.51.100.60'), gkb.regionId, letter(), null, SECRET)
    const b = await submitLetter(ctx(null, '198.51.100.60'), gkb.regionId, letter(), null, SECRET)
    await mergeCase(ctx(gkb), b.caseId, a.caseNo, '同一路灯')
    expect((await findCase(database().db, b.caseId))!).toMatchObject({ state: 'merged', mergedIntoId: a.caseId })
    await expect(mergeCase(ctx(gkb), a.caseId, a.caseNo, '自己')).rejects.toBeInstanceOf(InvalidInputError)
    await splitCase(ctx(gkb), b.caseId, '实际是另一处路灯')
    expect((await findCase(database().db, b.caseId))!).toMatchObject({ state: 'received', mergedIntoId: null })
    expect((await eventsOfCase(database().db, a.caseId)).map((e) => e.type)).toEqual(['received', 'merged_in', 'split_off'])
    await expect(mergeCase(ctx(await actor('fgw.editor')), b.caseId, a.caseNo, '无权')).rejects.toThrow()
  })

  it('registers a call answered on the spot, and one dispatched with a 5-working-day clock', async () => {
    const gkb = await actor('gkb')
    const spot = await registerCall(ctx(gkb), { channel: 'district_hotline', category: 'consultation', name: '', phone: '023-52012345', subject: '咨询社保卡补办', content: '来电咨询社保卡丢失后如何补办。', outcome: 'answered', answer: '告知到区人力社保局服务大厅补办。', unitId: null })
    expect((await findCase(database().db, spot.caseId))!).toMatchObject({ state: 'released', answeredOnSpot: true, contactPhoneMasked: '023*****2345', contactNameMasked: '来*人' })
    await closeCase(ctx(gkb), spot.caseId)
    const sent = await registerCall(ctx(gkb), { channel: 'district_hotline', category: 'complaint', name: '李四', phone: '13900001111', subject: '噪音扰民', content: '夜间施工噪音很大，影响休息。', outcome: 'dispatch', answer: '', unitId: await unitId('fgw') })
    expect((await findCase(database().db, sent.caseId))!).toMatchObject({ state: 'dispatched', dueOn: '2026-12-04' })
    await expect(registerCall(ctx(await actor('fgw.editor')), { channel: 'district_hotline', category: 'complaint', name: '', phone: '13900001111', subject: 'x', content: 'xxxxxxxxxxxx', outcome: 'answered', answer: 'xx', unitId: null })).rejects.toThrow()
    expect(await currentCalendar(database().db)).toBeTruthy()
  })

  it('escalates an overdue case once (督办), and again only after a new dispatch', async () => {
    const gkb = await actor('gkb')
    const sent = await submitLetter(ctx(null, '198.51.100.70'), gkb.regionId, letter(), null, SECRET)
    await acceptCase(ctx(gkb), sent.caseId)
    await dispatchCase(ctx(gkb), sent.caseId, await unitId('fgw')) // due 2026-12-11
    const onDay = (date: string) => ({ db: database().db, clock: fixedClock(`${date}T02:00:00Z`) })
    const mine = async () => (await eventsOfCase(database().db, sent.caseId)).filter((e) => e.type === 'escalate').length
    await escalateOverdueCases(onDay('2026-12-11'))
    expect(await mine()).toBe(0)
    await escalateOverdueCases(onDay('2026-12-14'))
    await escalateOverdueCases(onDay('2026-12-15'))
    expect(await mine()).toBe(1)
    expect((await findCase(database().db, sent.caseId))!.escalatedAt).not.toBeNull()
    await reassignCase(ctx(gkb), sent.caseId, await unitId('czj'), '改由财政局办理')
    expect((await findCase(database().db, sent.caseId))!.escalatedAt).toBeNull()
  })

  // Last in this suite: it changes the calendar of the shared test database.
  it('moves an open letter\'s due date when the calendar is amended (the clock is a tracked calendar clock)', async () => {
    const gkb = await actor('gkb')
    const sent = await submitLetter(ctx(null, '198.51.100.80'), gkb.regionId, letter(), null, SECRET)
    await acceptCase(ctx(gkb), sent.caseId)
    await dispatchCase(ctx(gkb), sent.caseId, await unitId('fgw'))
    expect((await findCase(database().db, sent.caseId))!.dueOn).toBe('2026-12-11')
    // A hypothetical extra rest day on Tuesday 2026-12-01 (test data, not an official notice).
    const proposal = await proposeAmendment(database().db, { lines: '2026-12-01 休 测试休息日', title: '测试调整', docNo: '', url: '', reason: '测试：增加一天休息日' })
    await storeCalendarVersion({ db: database().db, clock, actorUserId: gkb.userId, audit: async () => undefined }, proposal)
    expect((await findCase(database().db, sent.caseId))!.dueOn).toBe('2026-12-14')
  })

  it('pages a queue newest first with its total, and a unit sees only its own cases with their due dates', async () => {
    const gkb = await actor('gkb')
    const region = (await findOrganisationByCode(database().db, 'fgw'))!.regionId
    const sent = []
    for (let i = 0; i < 5; i++) sent.push((await submitLetter(ctx(null, `198.51.100.${60 + i}`), region, letter({ subject: `分页测试来信${i}` }), null, SECRET)).caseId)
    await acceptCase(ctx(gkb), sent[0]!)
    await dispatchCase(ctx(gkb), sent[0]!, await unitId('czj'))
    const received = (await countByState(database().db, region)).received!
    const pages = []
    for (let offset = 0; offset < received; offset += 2) pages.push(await listCases(database().db, { regionId: region, states: ['received'], limit: 2, offset }))
    const ids = pages.flatMap((p) => p.rows.map((c) => c.id))
    expect(pages.every((p) => p.total === received)).toBe(true)
    expect(new Set(ids).size).toBe(received)
    expect(ids).toEqual([...ids].sort((a, b) => b - a)) // same received_at: newest id first
    expect(ids.slice(0, 4)).toEqual([sent[4], sent[3], sent[2], sent[1]])
    const known = await listCases(database().db, { regionId: region, states: ['received'], limit: 2, offset: 0, knownTotal: 99 })
    expect(known.total).toBe(99)
    const czj = await listCases(database().db, { regionId: region, unitId: await unitId('czj'), states: ['dispatched'], limit: 30, offset: 0 })
    expect(czj.rows.map((c) => c.id)).toContain(sent[0])
    expect(czj.rows.every((c) => c.unitId === czj.rows[0]!.unitId && c.dueOn !== null)).toBe(true)
    expect((await listCases(database().db, { regionId: region, unitId: await unitId('fgw'), states: ['dispatched'], limit: 30, offset: 0 })).rows.map((c) => c.id)).not.toContain(sent[0])
    const due = await listCases(database().db, { regionId: region, states: ['dispatched'], dueBy: '2099-12-31', limit: 30, offset: 0 })
    expect(due.rows.map((c) => c.id)).toContain(sent[0])

    // Capped queue counts: exact up to the cap, "more than the cap" past it; a unit counts only its own.
    const queues = [{ key: 'received', states: ['received'] as const }, { key: 'dispatched', states: ['dispatched'] as const }]
    expect(await countQueuesCapped(database().db, region, undefined, queues, received)).toMatchObject({ received: { count: received, capped: false } })
    expect(await countQueuesCapped(database().db, region, undefined, queues, received - 1)).toMatchObject({ received: { count: received - 1, capped: true } })
    expect(await countQueuesCapped(database().db, region, await unitId('czj'), queues, 1000)).toEqual({ received: { count: 0, capped: false }, dispatched: { count: czj.rows.length, capped: false } })
  })
})
