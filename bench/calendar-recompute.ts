/**
 * Time to recompute 10,000 open deadlines after a calendar amendment (国办发明电〔2020〕1号), on the
 * embedded database and, with BENCH_DATABASE_URL, on PostgreSQL. Prints the ratio to the bare SQL that
 * reads the same open clocks, measured in the same run.
 *   npx tsx bench/calendar-recompute.ts [count]
 */
import { sql } from 'kysely'
import type { Db } from '../src/database.ts'
import { ensureOfficialCalendar, proposeAmendment, proposeNotice, storeCalendarVersion, trackClock } from '../src/modules/calendar/index.ts'
import { NOTICE_2020_ORIGINAL } from '../src/modules/calendar/calendar.fixtures.ts'
import { fixedClock } from '../src/platform/clock.ts'
import { migrateToLatest } from '../src/platform/database/migrate.ts'
import { openDatabase } from '../src/platform/database/database.ts'
import { inThrowawaySchema } from './lib/bench-database.ts'

const COUNT = Number(process.argv[2] ?? 10_000)

async function run(label: string, db: Db) {
  const clock = fixedClock('2020-01-27T04:00:00Z')
  const ctx = { db, clock, actorUserId: null, audit: async () => undefined }
  await migrateToLatest(db)
  await ensureOfficialCalendar(db, new Date())
  await storeCalendarVersion(ctx, await proposeNotice(db, { year: 2020, text: NOTICE_2020_ORIGINAL, title: '2020 原通知', docNo: '', url: '' }))
  const t0 = performance.now()
  // Requests received 2019-12-02 … 2020-01-24: most of their deadlines span the Spring Festival.
  const base = Date.UTC(2019, 11, 2)
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < COUNT; i++) {
      const on = new Date(base + (i % 54) * 86_400_000).toISOString().slice(0, 10)
      await trackClock(trx, { subjectType: 'bench', subjectId: String(i), regime: 'cn-2019', events: [{ type: 'start', on }] }, '2020-01-27')
    }
  })
  const seedMs = performance.now() - t0
  const bare0 = performance.now()
  const rows = await sql`select * from tracked_clocks where state <> 'stopped' order by id`.execute(db)
  const bareMs = performance.now() - bare0
  const proposal = await proposeAmendment(db, { lines: '2020-01-31 休 春节\n2020-02-01 休 春节\n2020-02-02 休 春节', title: '', docNo: '国办发明电〔2020〕1号', url: '', reason: '延长2020年春节假期' })
  const r0 = performance.now()
  const stored = await storeCalendarVersion(ctx, proposal)
  const recomputeMs = performance.now() - r0
  const row = {
    database: label, clocks: rows.rows.length, recomputed: stored.recomputed, changed: stored.changedDeadlines, seedMs: Math.round(seedMs),
    recomputeMs: Math.round(recomputeMs), usPerClock: Math.round((recomputeMs * 1000) / stored.recomputed), bareSelectMs: Math.round(bareMs * 10) / 10,
    ratioToBareSelect: Math.round((recomputeMs / bareMs) * 10) / 10,
  }
  console.log(`${label}: ${row.recomputed} open deadlines recomputed in ${row.recomputeMs} ms (${row.usPerClock} µs each), ${row.changed} changed; bare SELECT of the same clocks ${row.bareSelectMs} ms → ratio ${row.ratioToBareSelect}×`)
  return row
}

const results = []
const pglite = await openDatabase({})
results.push(await run('PGlite', pglite.db as Db))
await pglite.close()
const url = process.env.BENCH_DATABASE_URL
if (url) {
  results.push(await inThrowawaySchema(url, (db) => run('PostgreSQL', db)))
} else {
  console.log('PostgreSQL: skipped (set BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run it)')
}
console.log(JSON.stringify({ bench: 'calendar-recompute', count: COUNT, results }))
