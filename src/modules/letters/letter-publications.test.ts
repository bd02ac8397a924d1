/** 信件选登 moderation over HTTP: nothing is published by a release; the 公开办 reviews the masked texts, edits, decides, withdraws. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, Client, staffClients, testConfig, text } from '../../../test/support/test-app.ts'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { createFieldCipher } from '../../platform/crypto/sm.ts'
import { findOrganisationByCode, findUserByUsername, type Actor, type UseCaseContext } from '../orgs/index.ts'
import { acceptCase, dispatchCase, releaseReply, replyToCase } from './case-actions.ts'
import { submitLetter } from './submit-letter.ts'

let database: TestDatabase
let app: Awaited<ReturnType<typeof buildTestApp>>['app']
const as = staffClients(() => app, '192.0.2.', 140)
const ids: number[] = []

const CONTENT = '我是孙建华，住在开州区汉丰街道滨湖路12号3栋2单元501室，电话13712345678。楼下道路积水严重，请尽快处理。'
const REPLY = '经核查，滨湖路12号附近排水管堵塞，已于本周疏通。孙建华同志如有问题可再联系。'

beforeAll(async () => {
  database = await openTestPglite()
  app = (await buildTestApp(database.db)).app
  const db = database.db
  const fgw = (await findOrganisationByCode(db, 'fgw'))!
  const actor = async (username: string): Promise<Actor> => {
    const user = (await findUserByUsername(db, username))!
    return { userId: user.id, username, displayName: '', organisationId: user.organisationId, organisationName: '', regionId: fgw.regionId, roles: user.roles, mustChangePassword: false, totpEnabled: false }
  }
  const gkb = await actor('gkb')
  const editor = await actor('fgw.editor')
  const ctx = (a: Actor | null): UseCaseContext => ({ db, clock: fixedClock('2026-11-20T02:00:00Z'), cipher: createFieldCipher(testConfig().dataKey), security: {} as any, actor: a, ip: '198.51.100.91' })
  for (const [i, consent] of [[1, 'yes'], [2, 'yes'], [3, 'no']] as const) {
    const sent = await submitLetter(ctx(null), fgw.regionId, {
      unit: '', category: 'complaint', subject: `道路积水问题${i}`, content: CONTENT, name: '孙建华', phone: '13712345678', publishConsent: consent, idempotencyKey: `publication-test-${i}-000000`,
    }, null, `secret-${i}`)
    await acceptCase(ctx(gkb), sent.caseId)
    await dispatchCase(ctx(gkb), sent.caseId, fgw.id)
    await replyToCase(ctx(editor), sent.caseId, REPLY)
    await releaseReply(ctx(gkb), sent.caseId)
    ids.push(sent.caseId)
  }
})
afterAll(async () => {
  await app.close()
  await database.close()
})

const portal = async () => text(await new Client(app).get('/hudong/qzxx/xuandeng'), 'main')

describe('信件选登 moderation', () => {
  it('publishes nothing by a release: consenting letters wait in the queue, others never enter it', async () => {
    expect(await portal()).toContain('暂无选登的信件')
    const gkb = await as('gkb')
    const queue = await gkb.get('/admin/letters/xuandeng')
    expect(queue.statusCode).toBe(200)
    expect(text(queue, 'caption')).toBe('待审核：共 2 件')
    expect(queue.body).toContain('道路积水问题1')
    expect(queue.body).not.toContain('道路积水问题3')
    expect((await gkb.get(`/admin/letters/xuandeng/${ids[2]}`)).statusCode).toBe(404)
  })

  it('shows the 公开办 the letter and reply with the name, number and address masked', async () => {
    const gkb = await as('gkb')
    const page = await gkb.get(`/admin/letters/xuandeng/${ids[0]}`)
    expect(page.statusCode).toBe(200)
    const content = text(page, '#f-content')
    expect(content).toBe('我是孙某，住在开州区汉丰街道滨湖路**号*栋*单元***室，电话137****5678。楼下道路积水严重，请尽快处理。')
    expect(text(page, '#f-reply')).toBe('经核查，滨湖路**号附近排水管堵塞，已于本周疏通。孙某同志如有问题可再联系。')
    expect(text(page, '#privacy-masked')).toContain('来信中的住址 开州区汉丰街道滨湖路**号*栋*单元***室')
    expect(text(page, '#privacy-masked')).toContain('来信中的手机号码 137****5678')
    expect(page.body).not.toContain('孙建华')
    expect(page.body).not.toContain('13712345678')
    expect(page.body).not.toContain('501室')
  })

  it('refuses a decision without a choice, a decline without a reason, the name left in, or a new address unconfirmed; changes nothing', async () => {
    const gkb = await as('gkb')
    await gkb.get(`/admin/letters/xuandeng/${ids[0]}`)
    const none = await gkb.post(`/admin/letters/xuandeng/${ids[0]}`, { subject: 'a', content: 'b', reply: 'c' })
    expect(none.statusCode).toBe(400)
    expect(text(none, '.error-summary')).toContain('请选择选登或不选登')
    const noReason = await gkb.post(`/admin/letters/xuandeng/${ids[0]}`, { decision: 'decline', subject: 'a', content: 'b', reply: 'c', reason: '' })
    expect(text(noReason, '.error-summary')).toContain('请写明不选登的理由')
    const named = await gkb.post(`/admin/letters/xuandeng/${ids[0]}`, { decision: 'approve', subject: '道路积水', content: '孙建华反映道路积水。', reply: '已疏通。' })
    expect(named.statusCode).toBe(400)
    expect(text(named, '.error-summary')).toContain('仍有来信人的姓名')
    const address = await gkb.post(`/admin/letters/xuandeng/${ids[0]}`, { decision: 'approve', subject: '道路积水', content: '长沙镇齐圣村五组道路积水。', reply: '已疏通。' })
    expect(address.statusCode).toBe(400)
    expect(text(address, '.error-summary')).toContain('齐圣村*组')
    expect(text(address, '#f-content')).toBe('长沙镇齐圣村五组道路积水。') // the office's edit is kept for another try
    expect(await database.db.selectFrom('letter_publications').selectAll().execute()).toEqual([])
    expect(await portal()).toContain('暂无选登的信件')
  })

  it('publishes the approved, edited texts on the portal without name, number or address; audited', async () => {
    const gkb = await as('gkb')
    const review = await gkb.get(`/admin/letters/xuandeng/${ids[0]}`)
    const res = await gkb.post(`/admin/letters/xuandeng/${ids[0]}`, {
      decision: 'approve', subject: text(review, '#f-subject') || '道路积水问题1', content: text(review, '#f-content').replace('楼下', '小区楼下'), reply: text(review, '#f-reply'), reason: '',
    })
    expect(res.statusCode).toBe(303)
    const done = await gkb.get(res.headers.location as string)
    expect(text(done, '#publication-state')).toBe('已选登')
    const shown = await portal()
    expect(shown).toContain('道路积水问题1')
    expect(shown).toContain('小区楼下道路积水严重')
    expect(shown).toContain('滨湖路**号*栋*单元***室')
    for (const secret of ['孙建华', '13712345678', '12号', '501室']) expect(shown).not.toContain(secret)
    const audit = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'letters.publication_approved').execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actor_username: 'gkb', target_type: 'letter_case', target_id: String(ids[0]) })
    const again = await gkb.post(`/admin/letters/xuandeng/${ids[0]}`, { decision: 'decline', reason: '重复审核' })
    expect(again.statusCode).toBe(400)
  })

  it('declines with a reason, and withdraws an approved letter from the portal with a reason', async () => {
    const gkb = await as('gkb')
    await gkb.get(`/admin/letters/xuandeng/${ids[1]}`)
    expect((await gkb.post(`/admin/letters/xuandeng/${ids[1]}`, { decision: 'decline', subject: 'x', content: 'y', reply: 'z', reason: '涉及第三人隐私' })).statusCode).toBe(303)
    const declined = await gkb.get('/admin/letters/xuandeng?state=declined')
    expect(text(declined, 'caption')).toBe('不选登：共 1 件')
    expect(await portal()).not.toContain('道路积水问题2')

    await gkb.get(`/admin/letters/xuandeng/${ids[0]}`)
    const noReason = await gkb.post(`/admin/letters/xuandeng/${ids[0]}/withdraw`, { reason: '' })
    expect(noReason.statusCode).toBe(400)
    expect(text(noReason, '.error-summary')).toContain('请写明撤下的理由')
    expect((await gkb.post(`/admin/letters/xuandeng/${ids[0]}/withdraw`, { reason: '来信人要求撤下' })).statusCode).toBe(303)
    expect(await portal()).toContain('暂无选登的信件')
    const actions = (await database.db.selectFrom('audit_log').select('action').where('action', 'like', 'letters.publication_%').orderBy('seq').execute()).map((r) => r.action)
    expect(actions).toEqual(['letters.publication_approved', 'letters.publication_declined', 'letters.publication_withdrawn'])
  })

  it('is the 公开办\'s alone: unit staff get 403 on the queue and cannot decide', async () => {
    const editor = await as('fgw.editor')
    expect((await editor.get('/admin/letters/xuandeng')).statusCode).toBe(403)
    expect((await editor.get(`/admin/letters/xuandeng/${ids[1]}`)).statusCode).toBe(403)
    await editor.get('/admin/letters')
    expect((await editor.post(`/admin/letters/xuandeng/${ids[1]}/withdraw`, { reason: '试图撤下' })).statusCode).toBe(403)
  })
})
