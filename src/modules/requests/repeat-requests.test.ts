/** Repeated requests from real cases: same applicant again (第三十六条第（六）项), several applicants (第四十四条). */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { findOrganisationByCode } from '../orgs/index.ts'
import { findItem, workingEdition } from '../publishing/index.ts'
import { recordStep } from './record-step.ts'
import { registerRequest } from './register-request.ts'
import { draftProactiveItem, proactiveSuggestions, repeatsOf } from './repeat-requests.ts'
import { actorOf, onlineApplication, requestsContext } from './requests.fixtures.ts'

let database: TestDatabase
beforeAll(async () => { database = await openTestPglite() })
afterAll(async () => database?.close())

it('flags a repeat of the same applicant and suggests 主动公开 for several applicants, then drafts the catalogue item', async () => {
  const db = database.db
  const clock = fixedClock('2026-11-27T02:00:00Z')
  const fgw = (await findOrganisationByCode(db, 'fgw'))!
  const editor = requestsContext(db, clock, await actorOf(db, 'fgw.editor'))
  const info = { informationName: '开州区2026年粮食最低收购价执行情况', description: '' }
  const answered = async (key: string, on: string, applicant?: Partial<ReturnType<typeof onlineApplication>['applicant']>) => {
    const base = onlineApplication(fgw.id)
    const { case: c } = await registerRequest(editor, { ...base, ...info, applicant: { ...base.applicant, ...applicant }, channel: 'in_person', facts: { submittedOn: on }, idempotencyKey: key.repeat(32) })
    await recordStep(editor, c.id, { type: 'decided', on, decision: { code: 'granted', answerForm: 'provided' } }, { howProvided: '随本答复书提供纸质复印件' })
    return c.id
  }
  const first = await answered('1', '2026-09-01')
  await answered('2', '2026-09-15', { idNumber: '11010519491231002X', phone: '13700000000' })
  const { case: again } = await registerRequest(editor, { ...onlineApplication(fgw.id), ...info, channel: 'in_person', facts: { submittedOn: '2026-11-20' }, idempotencyKey: '3'.repeat(32) })
  const repeats = await repeatsOf(db, again.id, fgw.id)
  expect(repeats.map((r) => r.requestId)).toEqual([String(first)])
  expect(repeats[0]!.explanation).toContain('第三十六条第（六）项')
  const suggestions = await proactiveSuggestions(db, [fgw.id])
  expect(suggestions).toHaveLength(1)
  expect(suggestions[0]!.applicantCount).toBe(2)
  const itemId = await draftProactiveItem(editor, [String(first)])
  expect((await findItem(db, itemId))?.organisationId).toBe(fgw.id)
  expect((await workingEdition(db, itemId))?.state).toBe('draft')
  expect((await workingEdition(db, itemId))?.title).toContain('粮食最低收购价')
  const czj = requestsContext(db, clock, await actorOf(db, 'czj.editor'))
  await expect(draftProactiveItem(czj, [String(first)])).rejects.toThrow(/不再符合/)
})
