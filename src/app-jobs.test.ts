/** The app's jobs: handlers driven directly with a fixed clock, and `gongkai start`'s pg-boss running them on PGlite. */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openEmptyTestPglite, openTestPglite, type TestDatabase } from '../test/support/test-database.ts'
import { testConfig } from '../test/support/test-app.ts'
import { buildApp, securityPolicyOf } from './app.ts'
import { JOB_NAMES, publishScheduledEditions, type AppJobDeps } from './app-jobs.ts'
import { adminNav } from './modules/admin/index.ts'
import { findOrganisationByCode, findUserByUsername, type Actor, type UseCaseContext } from './modules/orgs/index.ts'
import { approveEdition, createItem, findItem, publishEdition, submitEdition } from './modules/publishing/index.ts'
import { registerRequest } from './modules/requests/index.ts'
import { actorOf, onlineApplication, requestsContext } from './modules/requests/requests.fixtures.ts'
import { fixedClock, systemClock } from './platform/clock.ts'
import { createFieldCipher } from './platform/crypto/sm.ts'
import { backupDatabase, restoreDatabase } from './platform/database/backup.ts'
import { dumpSchema } from './platform/database/schema-dump.ts'

let database: TestDatabase
beforeAll(async () => { database = await openTestPglite() })
afterAll(async () => database.close())

async function actor(username: string): Promise<Actor> {
  const user = (await findUserByUsername(database.db, username))!
  const unit = (await findOrganisationByCode(database.db, 'fgw'))!
  return { userId: user.id, username, displayName: user.displayName, organisationId: user.organisationId, organisationName: unit.name, regionId: unit.regionId, roles: user.roles, mustChangePassword: false, totpEnabled: false }
}

it('scheduled-publishing queues a job at the edition’s time, publishes when it comes, and only once', async () => {
  const clock = fixedClock('2026-11-28T00:30:00Z')
  const config = testConfig()
  const staff = { db: database.db, clock, cipher: createFieldCipher(config.dataKey), security: securityPolicyOf(config), https: false, nav: adminNav }
  const ctx = async (username: string): Promise<UseCaseContext> => ({ ...staff, actor: await actor(username), ip: '127.0.0.1' })
  const id = await createItem(await ctx('fgw.editor'), {
    title: '关于元旦期间价格监测的通知', issuingBody: '', docNo: '', writtenOn: '2026-11-26', topic: '综合政务', genre: '通知', section: 'ghjh', summary: '', body: '请做好价格监测。',
    disclosure: 'proactive', disclosureBasis: '', validity: '', effectiveOn: '', expiresOn: '',
  })
  await submitEdition(await ctx('fgw.editor'), id)
  await approveEdition(await ctx('fgw.reviewer'), id)
  const publishAt = new Date('2026-11-28T01:00:00Z')
  expect(await publishEdition(await ctx('fgw.reviewer'), id, publishAt)).toBe('scheduled')
  const sent: { name: string; data?: object; options?: { startAfter?: Date; singletonKey?: string } }[] = []
  let cacheCleared = 0
  const deps: AppJobDeps = { staff, send: async (name, data, options) => { sent.push({ name, data, options }); return 'job-id' }, onPublished: () => { cacheCleared++ } }

  expect(await publishScheduledEditions(deps)).toEqual({ published: 0, queued: 1 })
  expect(sent).toEqual([{ name: JOB_NAMES.scheduledPublishing, data: { editionId: expect.any(Number) }, options: { startAfter: publishAt, singletonKey: expect.stringMatching(/^edition-\d+-1795827600000$/) } }])
  // The next sweep asks for the same key (the stately queue keeps one waiting job per key).
  await publishScheduledEditions(deps)
  expect(sent[1]!.options!.singletonKey).toBe(sent[0]!.options!.singletonKey)
  expect((await findItem(database.db, id))?.publicState).toBe('unpublished')

  clock.set('2026-11-28T01:00:01Z')
  expect(await publishScheduledEditions(deps)).toEqual({ published: 1, queued: 0 })
  expect((await findItem(database.db, id))?.publicState).toBe('published')
  expect(cacheCleared).toBe(1)
  // Twice, or in a second process: nothing more.
  expect(await publishScheduledEditions(deps)).toEqual({ published: 0, queued: 0 })
})

it('gongkai start runs the jobs on pg-boss: queues and Asia/Shanghai schedules made, reminders written at start, stopped on close', async () => {
  const db = database.db
  const fgw = (await findOrganisationByCode(db, 'fgw'))!
  // An overdue case (due 2026-11-23 in a year that has passed for the system clock): the start-up run reminds it.
  const editor = requestsContext(db, fixedClock('2026-11-23T02:00:00Z'), await actorOf(db, 'fgw.editor'))
  const { case: c } = await registerRequest(editor, onlineApplication(fgw.id, { channel: 'in_person', facts: { submittedOn: '2026-10-26' }, idempotencyKey: '9'.repeat(32) }))
  const app = await buildApp({ config: testConfig(), db, clock: systemClock, logger: false, runScheduler: true })
  try {
    const queues = await sql<{ name: string; policy: string }>`select name, policy from pgboss.queue where name not like '\_\_pgboss%' order by name`.execute(db)
    expect(queues.rows).toEqual([
      { name: 'deadline-reminders', policy: 'stately' }, { name: 'letters-escalation', policy: 'stately' }, { name: 'request-history-upload-purge', policy: 'stately' },
      { name: 'scheduled-publishing', policy: 'stately' },
    ])
    const schedules = await sql<{ name: string; cron: string; timezone: string }>`select name, cron, timezone from pgboss.schedule order by name`.execute(db)
    expect(schedules.rows).toEqual([
      { name: 'deadline-reminders', cron: '5 * * * *', timezone: 'Asia/Shanghai' }, { name: 'letters-escalation', cron: '10 * * * *', timezone: 'Asia/Shanghai' },
      { name: 'request-history-upload-purge', cron: '20 3 * * *', timezone: 'Asia/Shanghai' }, { name: 'scheduled-publishing', cron: '* * * * *', timezone: 'Asia/Shanghai' },
    ])
    const reminded = async () => (await db.selectFrom('request_events').select('type').where('case_id', '=', c.id).where('type', '<>', 'registered').execute()).map((e) => e.type)
    const end = Date.now() + 20_000
    while ((await reminded()).length < 2 && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await reminded()).toEqual(['reminder_overdue', 'supervision_requested'])
  } finally {
    await app.close()
  }
  const states = await sql<{ state: string }>`select state from pgboss.job where name = 'deadline-reminders'`.execute(db)
  expect(states.rows.map((r) => r.state)).toContain('completed')
}, 60_000)

it('leaves pg-boss out of the schema dump and the backup, and a backup taken with jobs running restores', async () => {
  // The database of the test above has the pgboss schema with its queues, schedules and finished jobs.
  const db = database.db
  expect((await sql<{ n: number }>`select count(*)::int as n from pgboss.job`.execute(db)).rows[0]!.n).toBeGreaterThan(0)
  expect(await dumpSchema(db)).toBe(readFileSync(new URL('../docs/schema.sql', import.meta.url), 'utf8'))
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'gongkai-jobs-backup-')), 'backup.ndjson')
  const summary = await backupDatabase(db, file)
  const names = summary.tables.map((t) => t.name)
  expect(names).toContain('request_events')
  expect(names.filter((n) => ['job', 'queue', 'schedule', 'version', 'archive', 'subscription'].includes(n))).toEqual([])
  const target = await openEmptyTestPglite()
  try {
    await restoreDatabase(target.db, file)
    expect(Number((await target.db.selectFrom('request_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n))
      .toBe(Number((await db.selectFrom('request_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n))
  } finally {
    await target.close()
  }
})

