/**
 * 信件选登 and reopening: a published letter that is reopened — "没有解决" by the writer, or 重新办理 by the 公开办 —
 * leaves the portal at once (traced and audited), waits until the new reply is released, and is back in the 选登
 * queue to be reviewed with that reply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, Client, staffClients, testConfig, text } from '../../../test/support/test-app.ts'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'
import type { Clock } from '../../platform/clock.ts'
import { createFieldCipher } from '../../platform/crypto/sm.ts'
import { findOrganisationByCode, findUserByUsername, type Actor, type UseCaseContext } from '../orgs/index.ts'
import { acceptCase, dispatchCase, releaseReply, replyToCase } from './case-actions.ts'
import { eventsOfCase, findCase } from './letters.repository.ts'
import { submitLetter } from './submit-letter.ts'

let database: TestDatabase
let app: Awaited<ReturnType<typeof buildTestApp>>['app']
let clock: Clock
const as = staffClients(() => app, '192.0.2.', 200)
const letters: { caseId: number; queryCode: string; subject: string }[] = []
let ctxOf: (username: string | null) => Promise<UseCaseContext>

beforeAll(async () => {
  database = await openTestPglite()
  ;({ app, clock } = await buildTestApp(database.db))
  const db = database.db
  const fgw = (await findOrganisationByCode(db, 'fgw'))!
  ctxOf = async (username) => {
    const user = username ? (await findUserByUsername(db, username))! : null
    const actor: Actor | null = user ? { userId: user.id, username: username!, displayName: '', organisationId: user.organisationId, organisationName: '', regionId: fgw.regionId, roles: user.roles, mustChangePassword: false, totpEnabled: false } : null
    return { db, clock, cipher: createFieldCipher(testConfig().dataKey), security: {} as any, actor, ip: '198.51.100.92' }
  }
  for (const i of [1, 2]) {
    const subject = `井盖缺失问题${i}`
    const sent = await submitLetter(await ctxOf(null), fgw.regionId, {
      unit: '', category: 'complaint', subject, content: '某小区门口的井盖丢了一个多月，晚上很危险，请尽快补上。', name: '钱多多', phone: `1371234000${i}`, publishConsent: 'yes', idempotencyKey: `reopen-publication-${i}-00000`,
    }, null, `secret-${i}`)
    await acceptCase(await ctxOf('gkb'), sent.caseId)
    await dispatchCase(await ctxOf('gkb'), sent.caseId, fgw.id)
    await replyToCase(await ctxOf('fgw.editor'), sent.caseId, '经核查，井盖已于本周补齐。')
    await releaseReply(await ctxOf('gkb'), sent.caseId)
    letters.push({ caseId: sent.caseId, queryCode: sent.queryCode, subject })
  }
})
afterAll(async () => {
  await app.close()
  await database.close()
})

const portal = async () => {
  const res = await new Client(app).get('/hudong/qzxx/xuandeng')
  expect(res.statusCode).toBe(200)
  return text(res, 'main')
}

async function approve(caseId: number, subject: string) {
  const gkb = await as('gkb')
  const review = await gkb.get(`/admin/letters/xuandeng/${caseId}`)
  expect(review.statusCode).toBe(200)
  const res = await gkb.post(`/admin/letters/xuandeng/${caseId}`, { decision: 'approve', subject, content: text(review, '#f-content'), reply: text(review, '#f-reply'), reason: '', confirmPrivacy: 'yes' })
  expect(res.statusCode, text(res, '.error-summary')).toBe(303)
}

const retractions = async (caseId: number) => (await eventsOfCase(database.db, caseId)).filter((e) => e.type === 'publication_retracted')
const audits = () => database.db.selectFrom('audit_log').selectAll().where('action', '=', 'letters.publication_retracted').orderBy('seq').execute()

describe('a reopened letter leaves the 选登 portal', () => {
  it('takes the letter off the portal when the writer says "没有解决", and back after the new reply is released and approved again', async () => {
    const [letter] = letters
    await approve(letter!.caseId, letter!.subject)
    expect(await portal()).toContain(letter!.subject)

    const writer = new Client(app)
    await writer.get('/hudong/qzxx/chaxun')
    const res = await writer.post('/hudong/qzxx/weijiejue', { code: letter!.queryCode, phoneLast4: '0001', reason: '井盖补了一个，另一个还没补' })
    expect(res.statusCode).toBe(200)
    expect((await findCase(database.db, letter!.caseId))!.state).toBe('dispatched')
    expect(await portal()).not.toContain(letter!.subject)
    // Not in the queue while the unit works on it; the old review is gone.
    const gkb = await as('gkb')
    expect((await gkb.get('/admin/letters/xuandeng')).body).not.toContain(letter!.subject)
    expect((await gkb.get(`/admin/letters/xuandeng/${letter!.caseId}`)).statusCode).toBe(404)
    const [event] = await retractions(letter!.caseId)
    expect(event).toMatchObject({ actorKind: 'system', toState: 'dispatched' })
    expect((await audits()).at(-1)).toMatchObject({ actor_username: 'system', target_id: String(letter!.caseId) })
    // The writer's own page does not show the internal step.
    expect(res.body).not.toContain('撤下选登')

    await replyToCase(await ctxOf('fgw.editor'), letter!.caseId, '经复查，另一个井盖也已补齐，并加装了防盗链。')
    await releaseReply(await ctxOf('gkb'), letter!.caseId)
    const queue = await gkb.get('/admin/letters/xuandeng')
    expect(queue.body).toContain(letter!.subject)
    const review = await gkb.get(`/admin/letters/xuandeng/${letter!.caseId}`)
    expect(text(review, '#f-reply')).toContain('防盗链')
    await approve(letter!.caseId, letter!.subject)
    const shown = await portal()
    expect(shown).toContain(letter!.subject)
    expect(shown).toContain('防盗链')
    expect(shown).not.toContain('井盖已于本周补齐')
  })

  it('takes the letter off the portal when the 公开办 reopens it (重新办理 with a reason); refuses a reopening without one', async () => {
    const [, letter] = letters
    await approve(letter!.caseId, letter!.subject)
    expect(await portal()).toContain(letter!.subject)
    const gkb = await as('gkb')
    const page = await gkb.get(`/admin/letters/${letter!.caseId}`)
    expect(text(page, '#reopen')).toBe('重新办理')
    const bad = await gkb.post(`/admin/letters/${letter!.caseId}/reopen`, { reason: '' })
    expect(bad.statusCode).toBe(400)
    expect(await portal()).toContain(letter!.subject)
    expect((await gkb.post(`/admin/letters/${letter!.caseId}/reopen`, { reason: '回访时来信人反映井盖仍未补齐' })).statusCode).toBe(303)
    expect(await findCase(database.db, letter!.caseId)).toMatchObject({ state: 'dispatched', reopenCount: 1 })
    expect(await portal()).not.toContain(letter!.subject)
    expect(await retractions(letter!.caseId)).toHaveLength(1)
    expect((await audits()).at(-1)).toMatchObject({ actor_username: 'gkb', target_id: String(letter!.caseId) })
    // A unit cannot reopen.
    const editor = await as('fgw.editor')
    await editor.get(`/admin/letters/${letter!.caseId}`)
    expect((await editor.post(`/admin/letters/${letter!.caseId}/reopen`, { reason: '想重新办理' })).statusCode).toBe(400)
  })
})
