/** The demo cases are made by the real use cases and cover the states the staff pages show. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openTestPglite, type TestDatabase } from '../../test/support/test-database.ts'
import { fixedClock } from '../platform/clock.ts'
import { seedDemoRequests } from './seed-requests.ts'

let database: TestDatabase
beforeAll(async () => { database = await openTestPglite() })
afterAll(async () => database?.close())

it('seeds cases of several units in several states, once', async () => {
  const clock = fixedClock('2026-11-27T02:00:00Z')
  expect(await seedDemoRequests(database.db, clock, '0123456789abcdef0123456789abcdef')).toBe(8)
  const rows = await database.db.selectFrom('request_cases').select(['state', 'organisation_id', 'due_on']).execute()
  expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['awaiting_receipt', 'in_progress', 'awaiting_correction', 'consulting', 'archived', 'deemed_withdrawn', 'answered']))
  expect(new Set(rows.map((r) => r.organisation_id)).size).toBe(3)
  expect(rows.some((r) => r.state === 'in_progress' && r.due_on !== null && r.due_on < '2026-11-27')).toBe(true)
  expect(await seedDemoRequests(database.db, clock, '0123456789abcdef0123456789abcdef')).toBe(0)
})
