/**
 * Test databases: PGlite from the golden image (always), and PostgreSQL in a throw-away schema when
 * TEST_DATABASE_URL is set. `describeEachDatabase` runs one data-layer suite on both.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, inject } from 'vitest'
import type { Db } from '../../src/database.ts'
import { seedDemo } from '../../src/demo/seed-demo.ts'
import { ensureOfficialCalendar } from '../../src/modules/calendar/index.ts'
import { migrateToLatest } from '../../src/platform/database/migrate.ts'
import { openDatabase, type OpenedDatabase } from '../../src/platform/database/database.ts'

export interface TestDatabase {
  db: Db
  kind: 'pglite' | 'postgres'
  close(): Promise<void>
}

/** A PGlite with the schema and the demo region, copied from the golden image. */
export async function openTestPglite(): Promise<TestDatabase> {
  const image = readFileSync(inject('goldenImage'))
  const opened = await openDatabase({ loadDataDir: new Blob([image]) })
  return { db: opened.db as Db, kind: 'pglite', close: () => opened.close() }
}

/** A PGlite with the schema and no data (migrated once per run, copied per test). */
export async function openEmptyTestPglite(): Promise<TestDatabase> {
  const image = readFileSync(inject('emptyImage'))
  const opened = await openDatabase({ loadDataDir: new Blob([image]) })
  return { db: opened.db as Db, kind: 'pglite', close: () => opened.close() }
}

/** A fresh schema on the PostgreSQL of TEST_DATABASE_URL, migrated and seeded; dropped on close. */
export async function openTestPostgres(url: string): Promise<TestDatabase> {
  const schema = `gk_test_${randomBytes(6).toString('hex')}`
  const admin = await openDatabase({ url, poolSize: 1 })
  await sql`create extension if not exists pg_trgm`.execute(admin.db)
  await sql`create schema ${sql.id(schema)}`.execute(admin.db)
  const opened: OpenedDatabase = await openDatabase({ url, schema, poolSize: 4 })
  await migrateToLatest(opened.db)
  await ensureOfficialCalendar(opened.db as Db, new Date('2026-01-01T00:00:00Z'))
  await seedDemo(opened.db as Db, { catalogue: false })
  return {
    db: opened.db as Db,
    kind: 'postgres',
    async close() {
      await opened.close()
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db)
      await admin.close()
    },
  }
}

export const postgresUrl = process.env.TEST_DATABASE_URL ?? ''

/**
 * Runs `suite` against PGlite, and against PostgreSQL when TEST_DATABASE_URL is set (otherwise the
 * PostgreSQL run is skipped with a message saying so).
 */
export function describeEachDatabase(name: string, suite: (get: () => TestDatabase) => void): void {
  const targets: ['pglite' | 'postgres', boolean][] = [['pglite', true], ['postgres', postgresUrl !== '']]
  for (const [kind, enabled] of targets) {
    const label = kind === 'postgres' && !enabled ? `${name} [postgres: skipped — set TEST_DATABASE_URL to run on PostgreSQL]` : `${name} [${kind}]`
    ;(enabled ? describe : describe.skip)(label, () => {
      let database: TestDatabase
      beforeAll(async () => {
        database = kind === 'pglite' ? await openTestPglite() : await openTestPostgres(postgresUrl)
      })
      afterAll(async () => database?.close())
      suite(() => database)
    })
  }
}
