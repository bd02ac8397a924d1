/**
 * Databases for the catalogue benchmarks: a PGlite in a temp directory on disk (as `npm start` uses it), and, with
 * BENCH_DATABASE_URL, PostgreSQL in a throwaway schema dropped afterwards (the pattern of bench/calendar-recompute.ts).
 * Each is migrated and given the demo region and users, without the demo catalogue.
 */
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { sql } from 'kysely'
import type { Db } from '../../src/database.ts'
import { seedDemo } from '../../src/demo/seed-demo.ts'
import { ensureOfficialCalendar } from '../../src/modules/calendar/index.ts'
import { migrateToLatest } from '../../src/platform/database/migrate.ts'
import { openDatabase } from '../../src/platform/database/database.ts'
import { tempDir } from './harness.ts'

export interface BenchTarget {
  label: 'PGlite' | 'PostgreSQL'
  db: Db
}

async function prepare(db: Db): Promise<void> {
  await migrateToLatest(db)
  await ensureOfficialCalendar(db, new Date('2026-01-01T00:00:00Z'))
  // A fixed hash: the benchmark never signs in, and argon2 would only add a second to the set-up.
  await seedDemo(db, { passwordHash: 'bench', catalogue: false })
}

/** Runs `run` on PGlite, then on PostgreSQL when BENCH_DATABASE_URL is set; returns what each run returned. */
export async function onEachDatabase<T>(run: (target: BenchTarget) => Promise<T>): Promise<T[]> {
  const results: T[] = []
  const pglite = await openDatabase({ dataDir: path.join(tempDir('gongkai-bench-'), 'pgdata') })
  try {
    await prepare(pglite.db as Db)
    results.push(await run({ label: 'PGlite', db: pglite.db as Db }))
  } finally {
    await pglite.close()
  }
  const url = process.env.BENCH_DATABASE_URL
  if (!url) {
    console.log('PostgreSQL: skipped (set BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run it)')
    return results
  }
  results.push(await inThrowawaySchema(url, async (db) => {
    await prepare(db)
    return run({ label: 'PostgreSQL', db })
  }))
  return results
}

/** Runs `run` on PostgreSQL in a new schema (pg_trgm available), dropping the schema afterwards whatever happens. */
export async function inThrowawaySchema<T>(url: string, run: (db: Db) => Promise<T>): Promise<T> {
  const schema = `gk_bench_${randomBytes(4).toString('hex')}`
  const admin = await openDatabase({ url, poolSize: 1 })
  await sql`create extension if not exists pg_trgm`.execute(admin.db)
  await sql`create schema ${sql.id(schema)}`.execute(admin.db)
  const pg = await openDatabase({ url, schema })
  try {
    return await run(pg.db as Db)
  } finally {
    await pg.close()
    await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db)
    await admin.close()
  }
}
