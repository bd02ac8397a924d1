/** The daily purge of unconfirmed 历史案件导入 uploads: older than 24 h and never confirmed only; idempotent. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { purgeUnconfirmedHistoryUploads } from './history-upload.ts'
import { actorOf } from './requests.fixtures.ts'

let database: TestDatabase
beforeAll(async () => { database = await openTestPglite() })
afterAll(async () => database?.close())

it('deletes unconfirmed uploads older than 24 h, keeps newer and confirmed ones, and deletes nothing on a second run', async () => {
  const db = database.db
  const users = [(await actorOf(db, 'gkb')).userId, (await actorOf(db, 'czj.admin')).userId]
  const upload = async (userId: number, createdAt: string, importedAt: string | null = null) => (await db.insertInto('request_history_uploads').values({
    user_id: userId, file_name: 'a.csv', format: 'csv', size_bytes: 3, sha256: '0'.repeat(64), content: Buffer.from('a,b'), created_at: new Date(createdAt), imported_at: importedAt === null ? null : new Date(importedAt),
  }).returning('id').executeTakeFirstOrThrow()).id
  const old = [await upload(users[0]!, '2026-11-25T09:00:00Z'), await upload(users[1]!, '2026-11-26T01:59:59Z')]
  const kept = [await upload(users[0]!, '2026-11-26T02:00:01Z'), await upload(users[1]!, '2026-11-01T00:00:00Z', '2026-11-01T00:05:00Z')]
  const clock = fixedClock('2026-11-27T02:00:00Z')
  expect(await purgeUnconfirmedHistoryUploads({ db, clock })).toEqual({ deleted: 2 })
  const left = (await db.selectFrom('request_history_uploads').select('id').execute()).map((r) => r.id)
  expect(left.sort()).toEqual(kept.sort())
  expect(left.some((id) => old.includes(id))).toBe(false)
  expect(await purgeUnconfirmedHistoryUploads({ db, clock })).toEqual({ deleted: 0 })
})
