/** 定时发布: an approved edition scheduled for later goes live when its time comes, once. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { fixedClock } from '../../platform/clock.ts'
import { createFieldCipher } from '../../platform/crypto/sm.ts'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'
import { findUserByUsername, findOrganisationByCode, type Actor, type UseCaseContext } from '../orgs/index.ts'
import { approveEdition, createItem, publishDueEditions, publishEdition, submitEdition } from './edition-workflow.ts'
import { findItem, workingEdition } from './publishing.repository.ts'

let database: TestDatabase
beforeAll(async () => { database = await openTestPglite() })
afterAll(async () => database.close())

const security = { sessionIdleMinutes: 30, sessionAbsoluteHours: 12, loginMaxFailures: 5, loginLockMinutes: 15, ipMaxFailures: 30, enforcePasswordChange: false }

async function actor(username: string): Promise<Actor> {
  const user = (await findUserByUsername(database.db, username))!
  const unit = (await findOrganisationByCode(database.db, 'fgw'))!
  return { userId: user.id, username, displayName: user.displayName, organisationId: user.organisationId, organisationName: unit.name, regionId: unit.regionId, roles: user.roles, mustChangePassword: false, totpEnabled: false }
}

it('publishes a scheduled edition at its time, and only once', async () => {
  const clock = fixedClock('2026-11-27T02:00:00Z')
  const ctx = (a: Actor): UseCaseContext => ({ db: database.db, clock, cipher: createFieldCipher('0123456789abcdef0123456789abcdef'), security, actor: a, ip: '127.0.0.1' })
  const editor = await actor('fgw.editor')
  const reviewer = await actor('fgw.reviewer')
  const id = await createItem(ctx(editor), {
    title: '关于元旦期间价格监测的通知', issuingBody: '', docNo: '', writtenOn: '2026-11-26', topic: '综合政务', genre: '通知', section: 'ghjh', summary: '', body: '请做好价格监测。',
    disclosure: 'proactive', disclosureBasis: '', validity: '', effectiveOn: '', expiresOn: '',
  })
  await submitEdition(ctx(editor), id)
  await approveEdition(ctx(reviewer), id)
  expect(await publishEdition(ctx(reviewer), id, new Date('2026-11-28T01:00:00Z'))).toBe('scheduled')
  expect((await workingEdition(database.db, id))?.state).toBe('scheduled')
  const runner = { ...ctx(reviewer), actor: null }
  expect(await publishDueEditions(runner, new Date('2026-11-28T00:59:00Z'))).toBe(0)
  expect((await findItem(database.db, id))?.publicState).toBe('unpublished')
  expect(await publishDueEditions(runner, new Date('2026-11-28T01:00:30Z'))).toBe(1)
  expect((await findItem(database.db, id))?.publicState).toBe('published')
  expect(await publishDueEditions(runner, new Date('2026-11-28T01:05:00Z'))).toBe(0)
})
