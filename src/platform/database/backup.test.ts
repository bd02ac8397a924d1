import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openEmptyTestPglite, openTestPglite, postgresUrl } from '../../../test/support/test-database.ts'
import { verifyAuditChain, appendAudit } from '../../modules/orgs/index.ts'
import { backupDatabase, restoreDatabase } from './backup.ts'
import { migrateToLatest } from './migrate.ts'
import { openDatabase } from './database.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-backup-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function snapshot(db: any) {
  const organisations = await db.selectFrom('organisations').select(['id', 'code', 'name', 'valid_from', 'valid_to']).orderBy('id').execute()
  const users = await db.selectFrom('users').select(['id', 'username', 'password_hash']).orderBy('id').execute()
  const successions = await db.selectFrom('organisation_successions').selectAll().orderBy('predecessor_id').orderBy('successor_id').execute()
  return { organisations, users, successions }
}

describe('backup and restore through the query layer', () => {
  it('round-trips the embedded database into an empty one, keeping the audit chain valid and ids continuing', async () => {
    const source = await openTestPglite()
    await source.db.transaction().execute((trx) => appendAudit(trx, { action: 'test.backup', outcome: 'success', details: { list: [1, 2], nested: { a: 'b' } } }, new Date()))
    const file = path.join(dir, 'pglite.ndjson')
    const summary = await backupDatabase(source.db, file)
    expect(summary.tables.find((t) => t.name === 'organisations')?.rows).toBeGreaterThan(80)

    const target = await openEmptyTestPglite()
    await restoreDatabase(target.db, file)
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db))
    expect(await verifyAuditChain(target.db as any)).toMatchObject({ ok: true, checked: 1 })
    // the next organisation gets the next id, not a clash
    const maxId = Math.max(...(await snapshot(source.db)).organisations.map((o: { id: number }) => o.id))
    const next = await target.db.insertInto('organisations').values({ region_id: 1, code: 'new-unit', name: '新单位', short_name: '新', kind: 'other', valid_from: '2026-01-01' }).returning('id').executeTakeFirstOrThrow()
    expect(next.id).toBe(maxId + 1)
    await expect(restoreDatabase(target.db, file)).rejects.toThrow('目标数据库不是空的')
    await target.close()
    await source.close()
  })

  it('refuses a file that is not a Gongkai backup', async () => {
    const { writeFileSync } = await import('node:fs')
    const file = path.join(dir, 'junk.ndjson')
    writeFileSync(file, '{"hello":"world"}\n')
    const target = await openEmptyTestPglite()
    await expect(restoreDatabase(target.db, file)).rejects.toThrow('这不是 Gongkai 备份文件')
    await target.close()
  })

  ;(postgresUrl ? it : it.skip)(`moves data from the embedded database to PostgreSQL and back${postgresUrl ? '' : ' [skipped — set TEST_DATABASE_URL to run on PostgreSQL]'}`, async () => {
    const source = await openTestPglite()
    const toPg = path.join(dir, 'to-pg.ndjson')
    await backupDatabase(source.db, toPg)
    const { randomBytes } = await import('node:crypto')
    const { sql } = await import('kysely')
    const schema = `gk_restore_${randomBytes(4).toString('hex')}`
    const admin = await openDatabase({ url: postgresUrl, poolSize: 1 })
    await sql`create schema ${sql.id(schema)}`.execute(admin.db)
    const target = await openDatabase({ url: postgresUrl, schema })
    try {
      await migrateToLatest(target.db)
      await restoreDatabase(target.db, toPg)
      expect(await snapshot(target.db)).toEqual(await snapshot(source.db))
      const back = path.join(dir, 'back.ndjson')
      await backupDatabase(target.db, back)
      const again = await openEmptyTestPglite()
      await restoreDatabase(again.db, back)
      expect(await snapshot(again.db)).toEqual(await snapshot(source.db))
      await again.close()
    } finally {
      await target.close()
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db)
      await admin.close()
      await source.close()
    }
  })
})
