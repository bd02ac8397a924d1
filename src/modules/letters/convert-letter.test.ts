/** 转为依申请公开 on a real database: one letter → exactly one 依申请公开 case, events on both sides, only the 公开办. */
import { expect, it } from 'vitest'
import { describeEachDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { createFieldCipher } from '../../platform/crypto/sm.ts'
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.ts'
import { findOrganisationByCode, findUserByUsername, type Actor } from '../orgs/index.ts'
import { acceptCase } from './case-actions.ts'
import { conversionOf, convertLetter, type ConversionContext } from './convert-letter.ts'
import { eventsOfCase, findCase } from './letters.repository.ts'
import { submitLetter } from './submit-letter.ts'

const security = { sessionIdleMinutes: 30, sessionAbsoluteHours: 12, loginMaxFailures: 5, loginLockMinutes: 15, ipMaxFailures: 30, enforcePasswordChange: false }
const cipher = createFieldCipher('0123456789abcdef0123456789abcdef')
let formNo = 0
const letter = () => ({
  unit: '', category: 'consultation' as const, subject: '申请公开某路段拓宽工程的规划批复', content: '请公开汉丰街道某路段拓宽工程的规划许可批复文件和征收范围图。', name: '李四', phone: '13900001234',
  publishConsent: 'no' as const, idempotencyKey: `convert-test-${++formNo}-abcdefghijkl`,
})

describeEachDatabase('转为依申请公开', (database) => {
  const clock = fixedClock('2026-11-27T02:00:00Z')
  const ctx = (actor: Actor | null): ConversionContext => ({ db: database().db, clock, cipher, security, actor, ip: '198.51.100.31', identityKey: 'test-identity-key' })
  async function actor(username: string): Promise<Actor> {
    const user = (await findUserByUsername(database().db, username))!
    const region = (await findOrganisationByCode(database().db, 'fgw'))!.regionId
    return { userId: user.id, username, displayName: user.displayName, organisationId: user.organisationId, organisationName: '', regionId: region, roles: user.roles, mustChangePassword: false, totpEnabled: false }
  }
  const requestCases = () => database().db.selectFrom('request_cases').selectAll().execute()

  it('makes exactly one case, awaiting confirmation, even when submitted twice or concurrently', async () => {
    const gkb = await actor('gkb')
    const fgw = (await findOrganisationByCode(database().db, 'fgw'))!
    const sent = await submitLetter(ctx(null), fgw.regionId, letter(), null, 'secret')

    const [first, second] = await Promise.all([convertLetter(ctx(gkb), sent.caseId, fgw.id), convertLetter(ctx(gkb), sent.caseId, fgw.id)])
    const third = await convertLetter(ctx(gkb), sent.caseId, fgw.id)
    expect([first.created, second.created].sort()).toEqual([false, true])
    expect(third.created).toBe(false)
    expect(new Set([first.requestCaseId, second.requestCaseId, third.requestCaseId]).size).toBe(1)
    const cases = await requestCases()
    expect(cases).toHaveLength(1)
    const created = cases[0]!
    // 第三十一条（三）: no confirmation yet → 待确认收到, no received date, no answer period.
    expect(created).toMatchObject({ organisation_id: fgw.id, channel: 'online', state: 'awaiting_receipt', received_on: null, due_on: null, description: letter().content, query_code: first.queryCode })

    // The letter: closed as not accepted, one convert event linking the case; the case's first event names the letter.
    const after = (await findCase(database().db, sent.caseId))!
    expect(after).toMatchObject({ state: 'not_accepted', notAcceptedReason: 'information_request' })
    expect(after.closedAt).not.toBeNull()
    const converts = (await eventsOfCase(database().db, sent.caseId)).filter((e) => e.type === 'convert')
    expect(converts).toHaveLength(1)
    expect(converts[0]!.details).toMatchObject({ requestCaseId: created.id, queryCode: created.query_code })
    expect(await conversionOf(database().db, sent.caseId)).toEqual({ requestCaseId: created.id, queryCode: created.query_code, unitName: fgw.name })
    const registered = await database().db.selectFrom('request_events').selectAll().where('case_id', '=', created.id).execute()
    expect(registered).toHaveLength(1)
    expect(registered[0]!.details).toMatchObject({ source: { kind: 'letter', letterId: sent.caseId, caseNo: sent.caseNo } })

    // The applicant is the writer, sealed; with no identity number the identity key matches no one else.
    const applicant = await database().db.selectFrom('request_applicants').selectAll().where('case_id', '=', created.id).executeTakeFirstOrThrow()
    expect(cipher.decrypt(applicant.name_enc)).toBe('李四')
    expect(applicant.phone_masked).toBe('139****1234')
    const other = await submitLetter(ctx(null), fgw.regionId, letter(), null, 'secret')
    await convertLetter(ctx(gkb), other.caseId, fgw.id)
    const keys = await database().db.selectFrom('request_applicants').select('id_number_hmac').execute()
    expect(new Set(keys.map((k) => k.id_number_hmac)).size).toBe(2)
  })

  it('lets only the 公开办 convert, only a letter still waiting for screening, and only to a unit; nothing half-saved', async () => {
    const fgw = (await findOrganisationByCode(database().db, 'fgw'))!
    const sent = await submitLetter(ctx(null), fgw.regionId, letter(), null, 'secret')
    const before = (await requestCases()).length
    await expect(convertLetter(ctx(await actor('fgw.admin')), sent.caseId, fgw.id)).rejects.toBeInstanceOf(NotFoundError)
    await expect(convertLetter(ctx(await actor('czj.editor')), sent.caseId, fgw.id)).rejects.toBeInstanceOf(NotFoundError)
    await expect(convertLetter(ctx(await actor('gkb')), sent.caseId, fgw.regionId)).rejects.toBeInstanceOf(InvalidInputError)
    expect(await requestCases()).toHaveLength(before)
    expect((await findCase(database().db, sent.caseId))!.state).toBe('received')

    await acceptCase(ctx(await actor('gkb')), sent.caseId)
    await expect(convertLetter(ctx(await actor('gkb')), sent.caseId, fgw.id)).rejects.toBeInstanceOf(InvalidInputError)
    expect(await requestCases()).toHaveLength(before)
    expect(await conversionOf(database().db, sent.caseId)).toBeUndefined()
  })
})
