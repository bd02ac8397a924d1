/** 信件选登 queue and decisions on both databases: counts per state, the queue pages, approval, decline and withdrawal. */
import { expect, it } from 'vitest'
import { describeEachDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { createFieldCipher } from '../../platform/crypto/sm.ts'
import { findOrganisationByCode, findUserByUsername, type Actor, type UseCaseContext } from '../orgs/index.ts'
import { acceptCase, dispatchCase, releaseReply, replyToCase } from './case-actions.ts'
import { decidePublication, publicationCounts, publicationDraft, publicationQueue, withdrawPublication } from './letter-publications.ts'
import { publishedLetters } from './published-letters.ts'
import { submitLetter } from './submit-letter.ts'

const cipher = createFieldCipher('0123456789abcdef0123456789abcdef')

describeEachDatabase('信件选登 data', (database) => {
  it('keeps consenting released letters in the queue until decided, and shows only approved ones on the portal', async () => {
    const db = database().db
    const fgw = (await findOrganisationByCode(db, 'fgw'))!
    const actor = async (username: string): Promise<Actor> => {
      const user = (await findUserByUsername(db, username))!
      return { userId: user.id, username, displayName: '', organisationId: user.organisationId, organisationName: '', regionId: fgw.regionId, roles: user.roles, mustChangePassword: false, totpEnabled: false }
    }
    const gkb = await actor('gkb')
    const editor = await actor('fgw.editor')
    const ctx = (a: Actor | null, day = '2026-11-20'): UseCaseContext => ({ db, clock: fixedClock(`${day}T02:00:00Z`), cipher, security: {} as any, actor: a, ip: '198.51.100.95' })
    const ids: number[] = []
    for (let i = 0; i < 4; i++) {
      const sent = await submitLetter(ctx(null), fgw.regionId, {
        unit: '', category: 'suggestion', subject: `选登数据测试${i}`, content: `建议在滨湖路${10 + i}号附近增设公交站，方便居民出行。`, name: '钱多多', phone: '13500001111', publishConsent: i < 3 ? 'yes' : 'no',
        idempotencyKey: `publication-data-${i}-0000000`,
      }, null, `data-secret-${i}`)
      await acceptCase(ctx(gkb), sent.caseId)
      await dispatchCase(ctx(gkb), sent.caseId, fgw.id)
      await replyToCase(ctx(editor), sent.caseId, '已转公交公司研究。')
      if (i < 3) await releaseReply(ctx(gkb, `2026-11-2${1 + i}`), sent.caseId)
      ids.push(sent.caseId)
    }
    // Three consenting letters released; the fourth neither consented nor was released.
    expect(await publicationCounts(db, fgw.regionId)).toEqual({ pending: 3, approved: 0, declined: 0, withdrawn: 0 })
    const queue = await publicationQueue(db, fgw.regionId, 'pending', 2, 0)
    expect(queue.total).toBe(3)
    expect(queue.rows.map((r) => r.caseId)).toEqual([ids[2], ids[1]]) // newest release first
    expect((await publicationQueue(db, fgw.regionId, 'pending', 2, 2)).rows.map((r) => r.caseId)).toEqual([ids[0]])

    const draft = await publicationDraft(ctx(gkb), ids[0]!)
    expect(draft.texts.content).toBe('建议在滨湖路**号附近增设公交站，方便居民出行。')
    expect(draft.masked).toEqual([{ field: 'content', kind: 'address', masked: '滨湖路**号' }])
    await decidePublication(ctx(gkb), ids[0]!, { decision: 'approve', texts: draft.texts, reason: '', confirmPrivacy: false })
    await decidePublication(ctx(gkb), ids[1]!, { decision: 'decline', texts: draft.texts, reason: '与公共利益无关', confirmPrivacy: false })
    expect(await publicationCounts(db, fgw.regionId)).toEqual({ pending: 1, approved: 1, declined: 1, withdrawn: 0 })
    expect((await publishedLetters(db, fgw.regionId)).map((l) => [l.subject, l.content])).toEqual([['选登数据测试0', '建议在滨湖路**号附近增设公交站，方便居民出行。']])

    await expect(withdrawPublication(ctx(gkb), ids[1]!, '撤下试试')).rejects.toThrow()
    await expect(publicationDraft(ctx(editor), ids[0]!)).rejects.toThrow()
    await withdrawPublication(ctx(gkb), ids[0]!, '来信人要求撤下')
    expect(await publishedLetters(db, fgw.regionId)).toEqual([])
    expect(await publicationCounts(db, fgw.regionId)).toEqual({ pending: 1, approved: 0, declined: 1, withdrawn: 1 })
    expect((await publicationQueue(db, fgw.regionId, 'withdrawn')).rows.map((r) => r.caseId)).toEqual([ids[0]])
  })
})
