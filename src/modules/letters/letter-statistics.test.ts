/** 公众诉求 statistics against a hand-built month of cases (every figure worked out by hand in the comments). */
import { expect, it } from 'vitest'
import { describeEachDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { createFieldCipher } from '../../platform/crypto/sm.ts'
import { findOrganisationByCode, findUserByUsername, type Actor, type UseCaseContext } from '../orgs/index.ts'
import { acceptCase, dispatchCase, evaluateCase, notAcceptCase, releaseReply, replyToCase } from './case-actions.ts'
import { letterStatistics, median, statisticsCaseIds } from './letter-statistics.ts'
import { mergeCase } from './merge-cases.ts'
import { rateReply } from './public-follow-up.ts'
import { appealRating, rectificationsOfCase, reviewAppeal } from './rectify-rating.ts'
import { registerCall } from './register-call.ts'
import { submitLetter } from './submit-letter.ts'

const security = { sessionIdleMinutes: 30, sessionAbsoluteHours: 12, loginMaxFailures: 5, loginLockMinutes: 15, ipMaxFailures: 30, enforcePasswordChange: false }
const cipher = createFieldCipher('0123456789abcdef0123456789abcdef')

it('takes the median of an odd and an even count', () => {
  expect(median([])).toBeNull()
  expect(median([9, 1, 6])).toBe(6)
  expect(median([9, 0, 1, 6])).toBe(3.5)
})

describeEachDatabase('letterStatistics', (database) => {
  it('counts received, handled, carried over, on time, late, 监评, 好差评 and the median per channel and unit', async () => {
    const db = database().db
    const fgwUnit = (await findOrganisationByCode(db, 'fgw'))!
    const actor = async (username: string): Promise<Actor> => {
      const user = (await findUserByUsername(db, username))!
      return { userId: user.id, username, displayName: '', organisationId: user.organisationId, organisationName: '', regionId: fgwUnit.regionId, roles: user.roles, mustChangePassword: false, totpEnabled: false }
    }
    const gkb = await actor('gkb')
    const fgw = await actor('fgw.editor')
    const on = (date: string, a: Actor | null = gkb): UseCaseContext => ({ db, clock: fixedClock(`${date}T02:00:00Z`), cipher, security, actor: a, ip: `198.51.100.${date.slice(-2)}` })
    let k = 0
    const write = (date: string, category: 'complaint' | 'consultation') => submitLetter(on(date, null), gkb.regionId, {
      unit: '', category, subject: '统计用来信', content: '用于统计测试的来信内容，写满十个字。', name: '测试', phone: '13800000000', publishConsent: 'no', idempotencyKey: `stats-fixture-${++k}-0000000000`,
    }, null, 'stats')

    // A: 投诉, 03-02 → fgw, replied 03-09 (limit 10 wd: due 03-16, on time), released 03-10: 6 working days; 满意; 监评 优.
    const a = await write('2026-03-02', 'complaint')
    await acceptCase(on('2026-03-02'), a.caseId)
    await dispatchCase(on('2026-03-02'), a.caseId, fgwUnit.id)
    await replyToCase(on('2026-03-09', fgw), a.caseId, '答复内容答复内容答复内容')
    await releaseReply(on('2026-03-10'), a.caseId)
    await rateReply(on('2026-03-10', null), a.queryCode, '0000', 'satisfied', '')
    await evaluateCase(on('2026-03-11'), a.caseId, 'excellent', '')
    // B: 咨询, 03-02 → fgw (limit 5 wd: due 03-09), replied 03-12 (late), released 03-13: 9 working days; 监评 良.
    const b = await write('2026-03-02', 'consultation')
    await acceptCase(on('2026-03-02'), b.caseId)
    await dispatchCase(on('2026-03-02'), b.caseId, fgwUnit.id)
    await replyToCase(on('2026-03-12', fgw), b.caseId, '答复内容答复内容答复内容')
    await releaseReply(on('2026-03-13'), b.caseId)
    await evaluateCase(on('2026-03-16'), b.caseId, 'good', '')
    // C: 03-20 → fgw, no reply by 03-31: carried over.
    const c = await write('2026-03-20', 'complaint')
    await acceptCase(on('2026-03-20'), c.caseId)
    await dispatchCase(on('2026-03-20'), c.caseId, fgwUnit.id)
    // D: a call answered on the spot on 03-05: handled the same day, 0 working days.
    await registerCall(on('2026-03-05'), { channel: 'district_hotline', category: 'consultation', name: '', phone: '13900000000', subject: '来电', content: '来电咨询的内容十个字以上', outcome: 'answered', answer: '当场答复内容', unitId: null })
    // E: 03-25, screened out 03-26: 1 working day.
    const e = await write('2026-03-25', 'complaint')
    await notAcceptCase(on('2026-03-26'), e.caseId, 'petition', '请向信访部门反映')
    // F: April, outside the period.
    await write('2026-04-02', 'complaint')
    // G: April, merged into C on 04-03 (并单): never carried into a later period on its own.
    const g = await write('2026-04-02', 'complaint')
    await mergeCase(on('2026-04-03'), g.caseId, c.caseNo, '同一事项')

    const rows = await letterStatistics(db, { regionId: gkb.regionId, from: '2026-03-01', to: '2026-03-31' })
    const none = { excellent: 0, good: 0, fair: 0, poor: 0 }
    const noRating = { very_satisfied: 0, satisfied: 0, basically_satisfied: 0, dissatisfied: 0, very_dissatisfied: 0 }
    expect(rows[0]).toEqual({
      channel: 'all', unitId: 'all', received: 5, handled: 4, carriedOver: 1, carriedIn: 0, carriedInHandled: 0, repliedOnTime: 1, repliedLate: 1,
      supervision: { ...none, excellent: 1, good: 1 }, satisfaction: { ...noRating, satisfied: 1 }, medianWorkingDays: 3.5, // days 0, 1, 6, 9
    })
    const row = (channel: string, unitId: number | null) => rows.find((r) => r.channel === channel && r.unitId === unitId)
    expect(row('district_mailbox', fgwUnit.id)).toMatchObject({ received: 3, handled: 2, carriedOver: 1, repliedOnTime: 1, repliedLate: 1, medianWorkingDays: 7.5 })
    expect(row('district_mailbox', null)).toMatchObject({ received: 1, handled: 1, carriedOver: 0, medianWorkingDays: 1 })
    expect(row('district_hotline', null)).toMatchObject({ received: 1, handled: 1, medianWorkingDays: 0 })

    // As of 03-11 (period end), B was not yet released: it is carried over then.
    const early = await letterStatistics(db, { regionId: gkb.regionId, from: '2026-03-01', to: '2026-03-11' })
    expect(early[0]).toMatchObject({ received: 3, handled: 2, carriedOver: 1, repliedOnTime: 1, repliedLate: 0 })
    expect((await letterStatistics(db, { regionId: gkb.regionId, from: '2026-03-01', to: '2026-03-31', channel: 'district_hotline' }))[0]!.received).toBe(1)

    // From 03-12: A was handled on 03-10 (not carried in); B, received 03-02 and released 03-13, was open on 03-11 and is
    // carried in and handled in the period; C (03-20) and E (03-25) are the period's own.
    const later = await letterStatistics(db, { regionId: gkb.regionId, from: '2026-03-12', to: '2026-03-31' })
    expect(later[0]).toMatchObject({ received: 2, handled: 1, carriedOver: 1, carriedIn: 1, carriedInHandled: 1, supervision: none })
    // In May: C (still open) is carried in; F (April, never screened) too; G, merged into C, is not.
    const may = await statisticsCaseIds(db, { regionId: gkb.regionId, from: '2026-05-01', to: '2026-05-31' }, { channel: 'all', unitId: 'all' }, 'carriedIn')
    expect(may).toContain(c.caseId)
    expect(may).not.toContain(g.caseId)
    const ids = await statisticsCaseIds(db, { regionId: gkb.regionId, from: '2026-03-12', to: '2026-03-31' }, { channel: 'all', unitId: 'all' }, 'carriedIn')
    expect(ids).toEqual([b.caseId])
    // Each figure's drill-down lists exactly the cases it counts.
    const march = { regionId: gkb.regionId, from: '2026-03-01', to: '2026-03-31' }
    expect(await statisticsCaseIds(db, march, { channel: 'district_mailbox', unitId: fgwUnit.id }, 'repliedLate')).toEqual([b.caseId])
    expect(await statisticsCaseIds(db, march, { channel: 'all', unitId: 'all' }, 'grade:excellent')).toEqual([a.caseId])
    expect(await statisticsCaseIds(db, march, { channel: 'all', unitId: 'all' }, 'rating:satisfied')).toEqual([a.caseId])
    expect((await statisticsCaseIds(db, march, { channel: 'all', unitId: 'all' }, 'carriedOver'))).toEqual([c.caseId])
    expect((await statisticsCaseIds(db, march, { channel: 'all', unitId: 'all' }, 'received'))).toHaveLength(5)

    // B's writer rates 非常不满意 on 03-16; the unit appeals and the 公开办 voids the rating on 复核 (国办发〔2019〕51号):
    // a voided rating is left out of 好差评, in the figures and in the drill-down.
    await rateReply(on('2026-03-16', null), b.queryCode, '0000', 'very_dissatisfied', '')
    const counted = await letterStatistics(db, march)
    expect(counted[0]!.satisfaction).toEqual({ ...noRating, satisfied: 1, very_dissatisfied: 1 })
    const [task] = await rectificationsOfCase(db, b.caseId)
    await appealRating(on('2026-03-17', fgw), task!.id, '答复已按时送达，评价与事实不符')
    await reviewAppeal(on('2026-03-18'), task!.id, 'void', '经核实，评价与事实不符，撤销')
    const voided = await letterStatistics(db, march)
    expect(voided[0]!.satisfaction).toEqual({ ...noRating, satisfied: 1 })
    expect(await statisticsCaseIds(db, march, { channel: 'all', unitId: 'all' }, 'rating:very_dissatisfied')).toEqual([])
  })
})
