/**
 * The case lists of 依申请公开 with 10,000 open cases over 100 units (issue 5): the unit's case list and the 公开办
 * overview, p50/p95 page time over HTTP as a signed-in user, as a ratio to the bare queries of the same page; and the
 * hourly reminder job (`runDeadlineReminders`, the pg-boss job deadline-reminders) over the 10,000 cases, first run
 * and an idempotent second run, each as a ratio to the bare SELECT of the rows it would write (the same join and NOT
 * EXISTS, no insert), timed just before it (median of 5).
 *
 *   npx tsx bench/requests-lists.ts [cases = 10000] [units = 100] [requests per page = 100]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/requests-lists.ts   (also PostgreSQL)
 *
 * On each database (PGlite on disk in a temp directory; PostgreSQL in a throwaway schema, dropped afterwards): migrate,
 * the official calendar, the demo region and users (real password hash: the benchmark signs in), then units added to
 * the demo region up to 100. The cases are made in two steps:
 *   1. templates — `registerRequest`, the real use case, registers one application per (channel, date) over the
 *      last 60 calendar days before the fixed today 2026-11-27: 当面 (received that day), 在线 confirmed 0–2 days later
 *      (received on confirmation) and 在线 not yet confirmed (待确认, no clock runs). Each writes its case, its sealed
 *      applicant, its 登记 event, its tracked clock (due date by the working-day calendar) and its receipt letter;
 *   2. bulk copies — multi-row INSERTs of what those registrations wrote (case row with a new 查询码 and form key, the
 *      applicant SM4-sealed again with another name, the 登记 event, the tracked clock with the new case id), spread
 *      round-robin over the units, until there are `cases` open cases. Letters are not copied: no list reads them.
 * So due dates run from about 40 days overdue to 20 working days ahead, as on a real desk that is behind.
 *
 * Then the real app (buildApp, the same as `gongkai start`, page cache on — staff pages are never cached) listens on
 * a loopback port in this process, and the benchmark signs in over HTTP as fgw.editor (区发展改革委: the unit's list,
 * /admin/requests, 30 rows of its ~100 open cases) and as gkb (区政务公开办: the region-wide list of all 10,000 and
 * the overview of open / due soon / overdue per unit). Each page is fetched `requests` times one after the other
 * (after 10 warm-up requests); the yardstick is the bare queries of the same page (listCases, and for gkb
 * countOpenByUnit, called directly on the database, same arguments), timed the same number of times.
 * Goal: p95 ≤ 200 ms per page.
 */
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { sql } from 'kysely'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import type { Db } from '../src/database.ts'
import { seedDemo } from '../src/demo/seed-demo.ts'
import { addWorkingDays, ensureOfficialCalendar, officialCalendar } from '../src/modules/calendar/index.ts'
import { OPEN_STATES, registerRequest, runDeadlineReminders } from '../src/modules/requests/index.ts'
import { escalationCutoff } from '../src/modules/requests/deadline-reminders.ts'
import { sealApplicant } from '../src/modules/requests/applicant-privacy.ts'
import { onlineApplication, requestsContext } from '../src/modules/requests/requests.fixtures.ts'
import { newQueryCode } from '../src/modules/requests/query-code.ts'
import { countOpenByUnit, listCases } from '../src/modules/requests/requests.repository.ts'
import { fixedClock } from '../src/platform/clock.ts'
import { migrateToLatest } from '../src/platform/database/migrate.ts'
import { openDatabase } from '../src/platform/database/database.ts'
import { BenchError, HOST, freePort, loadNote, median, printTable, round, runMain, tempDir } from './lib/harness.ts'
import { StaffClient } from './lib/staff-client.ts'
import { inThrowawaySchema } from './lib/bench-database.ts'

const CASES = positiveInt(process.argv[2], 10_000)
const UNITS = positiveInt(process.argv[3], 100)
const REQUESTS = positiveInt(process.argv[4], 100)
const WARMUP = 10
const GOAL_P95_MS = 200
const TODAY = '2026-11-27'
const NOW = `${TODAY}T02:00:00Z`
const TEMPLATE_DAYS = 60
const BATCH = 500
const UNIT_USER = 'fgw.editor'
const UNIT_CODE_OF_USER = 'fgw'
const OFFICE_USER = 'gkb'

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = Number(raw)
  return raw && Number.isInteger(n) && n > 0 ? n : fallback
}

const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', PAGE_CACHE_SECONDS: '60' })
const clock = fixedClock(NOW)

function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - days)
  return d.toISOString().slice(0, 10)
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

/** The demo region's units, plus new ones until there are `UNITS` that can take applications. */
async function unitsUpTo(db: Db): Promise<number[]> {
  const fgw = await db.selectFrom('organisations').select(['id', 'region_id']).where('code', '=', UNIT_CODE_OF_USER).executeTakeFirstOrThrow()
  const existing = await db.selectFrom('organisations').select('id').where('region_id', '=', fgw.region_id).where('valid_to', 'is', null)
    .where('is_disclosure_office', '=', false).orderBy('id').execute()
  const ids = existing.map((o) => o.id).slice(0, UNITS)
  const missing = UNITS - ids.length
  if (missing > 0) {
    const added = await db.insertInto('organisations').values(Array.from({ length: missing }, (_, i) => ({
      region_id: fgw.region_id, parent_id: null, code: `bench${String(i + 1).padStart(3, '0')}`, name: `开州区测试单位${i + 1}`, short_name: `测试单位${i + 1}`,
      kind: 'department', valid_from: '2016-01-01', sort_order: 10_000 + i,
    }))).returning('id').execute()
    ids.push(...added.map((o) => o.id))
  }
  if (!ids.includes(fgw.id)) ids[0] = fgw.id
  return ids
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高'
const GIVEN = ['明华', '建国', '秀英', '志强', '丽娟', '海燕', '国庆', '晓东', '春梅', '文杰']

/** Registers the templates through the real use case; returns their case ids. */
async function registerTemplates(db: Db, units: readonly number[]): Promise<number[]> {
  const ctx = requestsContext(db, clock, null, '198.51.100.7', config.dataKey)
  const ids: number[] = []
  for (let day = 0; day < TEMPLATE_DAYS; day++) {
    const submittedOn = daysBefore(TODAY, day)
    const confirmedOn = daysBefore(TODAY, Math.max(0, day - (day % 3)))
    const variants = [
      { channel: 'in_person' as const, facts: { submittedOn } },
      { channel: 'online' as const, facts: { submittedOn, confirmedOn } },
      // One in six: 待确认 (第三十一条 第三项: no answer period until the applicant confirms).
      ...(day % 2 === 0 ? [{ channel: 'online' as const, facts: { submittedOn } }] : []),
    ]
    for (const v of variants) {
      const input = onlineApplication(units[ids.length % units.length]!, { channel: v.channel, facts: v.facts, idempotencyKey: randomBytes(16).toString('hex') })
      ids.push((await registerRequest(ctx, input)).case.id)
    }
  }
  return ids
}

/** Copies the templates' case, applicant, 登记 event and tracked clock in multi-row INSERTs until `CASES` cases. */
async function copyTemplates(db: Db, templateIds: number[], units: number[]): Promise<void> {
  const cases = await db.selectFrom('request_cases').selectAll().where('id', 'in', templateIds).execute()
  const events = await db.selectFrom('request_events').selectAll().where('case_id', 'in', templateIds).where('type', '=', 'registered').execute()
  const clocks = await db.selectFrom('tracked_clocks').selectAll().where('subject_type', '=', 'request_case').where('subject_id', 'in', templateIds.map(String)).execute()
  const cipher = requestsContext(db, clock, null, '198.51.100.7', config.dataKey).cipher
  const base = onlineApplication(units[0]!).applicant
  let made = templateIds.length
  let n = 0
  while (made < CASES) {
    const count = Math.min(BATCH, CASES - made)
    // Copy j goes to unit j mod units and takes template (round + unit) mod templates: every unit gets every kind of date.
    const picks = Array.from({ length: count }, (_, k) => {
      const j = n + k
      return { template: cases[(Math.floor(j / units.length) + (j % units.length)) % cases.length]!, unit: units[j % units.length]!, i: j }
    })
    await db.transaction().execute(async (trx) => {
      const inserted = await trx.insertInto('request_cases').values(picks.map(({ template: t, unit }) => ({
        organisation_id: unit, regime: t.regime, state: t.state, channel: t.channel, submitted_on: t.submitted_on, received_on: t.received_on,
        applicant_type: t.applicant_type, information_name: t.information_name, doc_no: t.doc_no, description: t.description, wanted_form: t.wanted_form,
        delivery: t.delivery, query_code: newQueryCode(), fingerprint: t.fingerprint, idempotency_key: randomBytes(16).toString('hex'), due_on: t.due_on,
        disposition: t.disposition, decided_on: t.decided_on, closed_on: t.closed_on, registered_by_user_id: t.registered_by_user_id,
        rules_state: JSON.stringify(t.rules_state),
      }))).returning('id').execute()
      const rows = picks.map((p, k) => ({ ...p, id: inserted[k]!.id }))
      await trx.insertInto('request_applicants').values(rows.map(({ id, i }) => ({
        case_id: id,
        ...sealApplicant(cipher, config.dataKey, { ...base, name: SURNAMES[i % SURNAMES.length]! + GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]!, idNumber: idNumberOf(i) }, false),
      }))).execute()
      await trx.insertInto('request_events').values(rows.map(({ id, template }) => {
        const e = events.find((x) => x.case_id === template.id)!
        return { case_id: id, type: e.type, from_state: e.from_state, to_state: e.to_state, effective_on: e.effective_on, recorded_at: e.recorded_at, actor_user_id: e.actor_user_id, details: JSON.stringify(e.details) }
      })).execute()
      const withClock = rows.filter(({ template }) => clocks.some((c) => c.subject_id === String(template.id)))
      if (withClock.length) {
        await trx.insertInto('tracked_clocks').values(withClock.map(({ id, template }) => {
          const c = clocks.find((x) => x.subject_id === String(template.id))!
          return { subject_type: c.subject_type, subject_id: String(id), regime: c.regime, events: JSON.stringify(c.events), state: c.state, due_on: c.due_on, provisional: c.provisional, calendar_version_id: c.calendar_version_id }
        }) as any).execute()
      }
    })
    made += count
    n += count
  }
}

/** A 居民身份证 number with a valid check digit (GB 11643), distinct per i. */
function idNumberOf(i: number): string {
  const body = `50023419${String(700101 + (i % 280000)).padStart(6, '0').slice(0, 2)}0101${String(i % 1000).padStart(3, '0')}`.slice(0, 17)
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((s, d, k) => s + Number(d) * weights[k]!, 0)
  return body + '10X98765432'[sum % 11]
}

interface PageFigure { database: string; page: string; user: string; bytes: number; p50Ms: number; p95Ms: number; maxMs: number; bareP50Ms: number; bareP95Ms: number; ratioP50: number }

async function measure(label: 'PGlite' | 'PostgreSQL', db: Db) {
  const t0 = performance.now()
  await migrateToLatest(db)
  await ensureOfficialCalendar(db, new Date('2026-01-01T00:00:00Z'))
  await seedDemo(db, { catalogue: false, dataKey: config.dataKey })
  const units = await unitsUpTo(db)
  const templates = await registerTemplates(db, units)
  const templatesMs = performance.now() - t0
  const t1 = performance.now()
  await copyTemplates(db, templates, units)
  if (label === 'PostgreSQL') await sql`analyze`.execute(db)
  const copyMs = performance.now() - t1
  const stateCounts = await db.selectFrom('request_cases').select(['state']).select((eb) => eb.fn.countAll<string>().as('n')).groupBy('state').execute()
  const fgwId = (await db.selectFrom('organisations').select('id').where('code', '=', UNIT_CODE_OF_USER).executeTakeFirstOrThrow()).id
  const unitOpen = Number((await db.selectFrom('request_cases').select((eb) => eb.fn.countAll<string>().as('n')).where('organisation_id', '=', fgwId).executeTakeFirstOrThrow()).n)
  const dueSoonOn = addWorkingDays(TODAY, 5, officialCalendar()).date
  const overdue = Number((await db.selectFrom('request_cases').select((eb) => eb.fn.countAll<string>().as('n')).where('due_on', '<', TODAY).executeTakeFirstOrThrow()).n)
  console.log(`${label}: ${CASES} cases over ${units.length} units (${templates.length} registered through registerRequest in ${round(templatesMs / 1000, 1)} s incl. set-up; copies in ${round(copyMs / 1000, 1)} s); ` +
    `states ${stateCounts.map((s) => `${s.state} ${s.n}`).join(', ')}; overdue ${overdue}; ${UNIT_CODE_OF_USER} has ${unitOpen}`)

  if (process.env.BENCH_EXPLAIN) await explain(db, fgwId, dueSoonOn)

  const app = await buildApp({ config, db, clock, logger: false })
  const port = await freePort()
  await app.listen({ host: HOST, port })
  const figures: PageFigure[] = []
  try {
    const pages = [
      { user: UNIT_USER, page: '单位案件列表 / unit list', path: '/admin/requests', bare: () => listCases(db, { organisationIds: [fgwId], filter: 'open', openStates: OPEN_STATES, today: TODAY, dueSoonOn, limit: 30, offset: 0 }) },
      {
        user: OFFICE_USER, page: '公开办总览 / overview + all units', path: '/admin/requests',
        bare: async () => { await listCases(db, { filter: 'open', openStates: OPEN_STATES, today: TODAY, dueSoonOn, limit: 30, offset: 0 }); await countOpenByUnit(db, OPEN_STATES, TODAY, dueSoonOn) },
      },
      { user: OFFICE_USER, page: '公开办 逾期 page 10 / overdue, page 10', path: '/admin/requests?filter=overdue&page=10', bare: () => listCases(db, { filter: 'overdue', openStates: OPEN_STATES, today: TODAY, dueSoonOn, limit: 30, offset: 270 }) },
    ]
    for (const p of pages) {
      const client = new StaffClient(`http://${HOST}:${port}`, 30_000)
      await client.signIn(p.user)
      const first = await client.get(p.path)
      if (first.status !== 200) throw new BenchError(`${label} ${p.user} GET ${p.path}: HTTP ${first.status}`)
      if (p.user === OFFICE_USER && !first.body.includes('测试单位')) throw new BenchError(`${label}: the 公开办 page does not show the added units`)
      for (let i = 0; i < WARMUP; i++) await client.get(p.path)
      const times: number[] = []
      for (let i = 0; i < REQUESTS; i++) times.push(await timeIt(async () => {
        const res = await client.get(p.path)
        if (res.status !== 200) throw new BenchError(`${label} ${p.user} GET ${p.path}: HTTP ${res.status}`)
      }))
      client.close()
      for (let i = 0; i < WARMUP; i++) await p.bare()
      const bare: number[] = []
      for (let i = 0; i < REQUESTS; i++) bare.push(await timeIt(p.bare))
      const f: PageFigure = {
        database: label, page: `${p.page} ${p.path}`, user: p.user, bytes: Buffer.byteLength(first.body), p50Ms: round(median(times), 1), p95Ms: round(percentile(times, 95), 1),
        maxMs: round(Math.max(...times), 1), bareP50Ms: round(median(bare), 1), bareP95Ms: round(percentile(bare, 95), 1), ratioP50: round(median(times) / median(bare), 2),
      }
      figures.push(f)
      console.log(`  ${p.user} ${p.path}: p50 ${f.p50Ms} ms, p95 ${f.p95Ms} ms (bare queries p50 ${f.bareP50Ms} ms)`)
    }
  } finally {
    await app.close()
  }

  // The yardstick: the SELECT of what the job would write (same join, same NOT EXISTS), without the insert.
  const bareSelect = async () => {
    const calendar = officialCalendar()
    const cutoff = escalationCutoff(TODAY, calendar)
    const states = sql.join(['in_progress', 'consulting', 'awaiting_reasons'].map((st) => sql`${st}`))
    return Number((await sql<{ n: string }>`select count(*) as n from request_cases c
      join (values ('reminder_due_soon', 1), ('reminder_overdue', 2), ('supervision_requested', 3)) as k (type, ord)
        on (k.ord = 1 and c.due_on >= ${TODAY}::date) or (k.ord = 2 and c.due_on < ${TODAY}::date) or (k.ord = 3 and c.due_on <= ${cutoff}::date)
      where c.state in (${states}) and c.due_on is not null and c.due_on <= ${dueSoonOn}::date
        and not exists (select 1 from request_events e where e.case_id = c.id and e.type = k.type
          and e.type in ('reminder_due_soon', 'reminder_overdue', 'supervision_requested') and e.details->>'dueOn' = to_char(c.due_on, 'YYYY-MM-DD'))`.execute(db)).rows[0]!.n)
  }
  const reminderRun = async () => {
    const bareTimes: number[] = []
    let rows = 0
    for (let i = 0; i < 5; i++) bareTimes.push(await timeIt(async () => (rows = await bareSelect())))
    const bareMs = median(bareTimes)
    let result = { dueSoon: 0, overdue: 0, escalated: 0 }
    const ms = await timeIt(async () => (result = await runDeadlineReminders({ db, clock })))
    if (result.dueSoon + result.overdue + result.escalated !== rows) throw new BenchError(`${label}: the job wrote ${JSON.stringify(result)}, the bare SELECT counts ${rows}`)
    return { ms: round(ms), bareMs: round(bareMs, 1), ratio: round(ms / bareMs, 2), result }
  }
  const firstRun = await reminderRun()
  const secondRun = await reminderRun()
  const second = secondRun.result
  if (second.dueSoon + second.overdue + second.escalated !== 0) throw new BenchError(`${label}: the second reminder run wrote events again: ${JSON.stringify(second)}`)
  console.log(`  runDeadlineReminders: first ${firstRun.ms} ms ${JSON.stringify(firstRun.result)} (bare SELECT ${firstRun.bareMs} ms), second ${secondRun.ms} ms (bare ${secondRun.bareMs} ms)`)
  return { database: label, cases: CASES, units: units.length, templates: templates.length, setupMs: round(templatesMs), copyMs: round(copyMs), overdue, unitCases: unitOpen, states: Object.fromEntries(stateCounts.map((s) => [s.state, Number(s.n)])), pages: figures, reminders: { first: firstRun, second: secondRun } }
}

/** BENCH_EXPLAIN=1: the query plans of the page queries (the SQL that listCases and countOpenByUnit send, written out). */
async function explain(db: Db, unitId: number, dueSoonOn: string): Promise<void> {
  const open = sql.join(OPEN_STATES.map((s) => sql`${s}`))
  const page = (where: ReturnType<typeof sql>, offset: number) =>
    sql`select c.*, a.name_masked from request_cases c join request_applicants a on a.case_id = c.id where c.id in (select c.id from request_cases c where ${where} order by c.due_on asc nulls last, c.id desc limit 30 offset ${offset}) order by c.due_on asc nulls last, c.id desc`
  const unitOpen = sql`c.organisation_id in (${unitId}) and c.state in (${open})`
  const regionOpen = sql`c.state in (${open})`
  const overdue = sql`c.state in (${open}) and c.due_on < ${TODAY}`
  const queries = {
    'unit count': sql`select count(*) from request_cases c where ${unitOpen}`,
    'unit page': page(unitOpen, 0),
    'region count': sql`select count(*) from request_cases c where ${regionOpen}`,
    'region page': page(regionOpen, 0),
    'overdue page 10': page(overdue, 270),
    'overview': sql`select organisation_id, count(*), count(*) filter (where due_on >= ${TODAY} and due_on <= ${dueSoonOn}), count(*) filter (where due_on < ${TODAY}) from request_cases where state in (${open}) group by organisation_id`,
  }
  for (const [name, query] of Object.entries(queries)) {
    const plan = await sql<{ 'QUERY PLAN': string }>`explain analyze ${query}`.execute(db)
    console.log(`  EXPLAIN ANALYZE ${name}:\n    ${plan.rows.map((r) => r['QUERY PLAN']).join('\n    ')}`)
  }
}

runMain('bench/requests-lists', async () => {
  const started = performance.now()
  const loadAtStart = loadNote()
  console.log(`${CASES} open cases over ${UNITS} units; ${REQUESTS} requests per page; ${loadAtStart}`)
  const results: Awaited<ReturnType<typeof measure>>[] = []
  const pglite = await openDatabase({ dataDir: path.join(tempDir('gongkai-bench-requests-'), 'pgdata') })
  try {
    results.push(await measure('PGlite', pglite.db as Db))
  } finally {
    await pglite.close()
  }
  const url = process.env.BENCH_DATABASE_URL
  if (!url) console.log('PostgreSQL: skipped (set BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run it)')
  else {
    results.push(await inThrowawaySchema(url, (db) => measure('PostgreSQL', db)))
  }

  console.log('\n页面 / pages (sequential requests as a signed-in user; bare = the same queries called directly)')
  printTable(['db', 'page', 'user', 'bytes', 'p50 ms', 'p95 ms', 'max ms', 'bare p50 / p95 ms', 'page ÷ bare (p50)'],
    results.flatMap((r) => r.pages.map((f) => [f.database, f.page, f.user, f.bytes, f.p50Ms, f.p95Ms, f.maxMs, `${f.bareP50Ms} / ${f.bareP95Ms}`, `${f.ratioP50}×`])))
  console.log('\n提醒任务 / runDeadlineReminders over all cases')
  printTable(['db', 'first run ms', 'first run events', 'bare SELECT ms', 'first ÷ bare', 'second run ms', 'second run events', 'bare SELECT ms', 'second ÷ bare'],
    results.map((r) => [r.database, r.reminders.first.ms, JSON.stringify(r.reminders.first.result), r.reminders.first.bareMs, `${r.reminders.first.ratio}×`,
      r.reminders.second.ms, JSON.stringify(r.reminders.second.result), r.reminders.second.bareMs, `${r.reminders.second.ratio}×`]))
  const worst = Math.max(...results.flatMap((r) => r.pages.map((f) => f.p95Ms)))
  console.log(`\n目标 / goal: p95 ≤ ${GOAL_P95_MS} ms per page — worst ${worst} ms, ${worst <= GOAL_P95_MS ? '达到 / met' : '未达到 / NOT met'}`)
  console.log(`at start: ${loadAtStart}; at end: ${loadNote()}`)
  console.log(`\n${JSON.stringify({ bench: 'requests-lists', node: process.version, requestsPerPage: REQUESTS, results, goal: { p95Ms: GOAL_P95_MS, worstP95Ms: worst, met: worst <= GOAL_P95_MS }, wallSeconds: round((performance.now() - started) / 1000, 1) })}`)
})
