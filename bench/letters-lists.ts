/**
 * 公众诉求 back-office lists at scale: the 公开办's overview (`/admin/letters` as gkb) and a unit's inbox (as fgw.editor)
 * on 100,000 letters spread over the demo region's units, the six channels, the five categories, every state and two
 * years, against the bare SQL of the list query (the page of rows and its count, written out with sql``).
 *
 * The letters go in bulk (INSERT … SELECT over generate_series, 20,000 rows a statement), with what the tables require:
 * SM4-sealed contacts (2,000 distinct names and phones sealed with the app's key, masked forms beside them), the events
 * of each letter's path (received → accepted → dispatched → replied → released → closed, or 不予受理 / 并单), and a
 * tracked reply clock for each dispatched letter (running while the unit works on it, stopped once answered). Then
 * VACUUM ANALYZE.
 *
 * Pages are requested in-process (fastify inject, the real app with its session, CSRF and rendering) by signed-in
 * clients, 20 times each after a warm-up, alternating with the bare SQL.
 *   npx tsx bench/letters-lists.ts [letters = 100000] [rounds = 20]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/letters-lists.ts
 */
import { pathToFileURL } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import type { Db } from '../src/database.ts'
import { currentCalendar } from '../src/modules/calendar/index.ts'
import { currentRegion, findOrganisationByCode, findUserByUsername, hashPassword, listOrganisations } from '../src/modules/orgs/index.ts'
import { fixedClock } from '../src/platform/clock.ts'
import { createFieldCipher } from '../src/platform/crypto/sm.ts'
import { CATEGORY_KEYS, CHANNEL_KEYS, type CaseState } from '../src/modules/letters/rules/index.ts'
import { maskName, maskPhone } from '../src/modules/letters/contact.ts'
import { COUNT_CAP, countByState, countQueuesCapped } from '../src/modules/letters/letters.repository.ts'
import { STATE_QUEUE_LABELS } from '../src/modules/letters/views/admin-pages.tsx'
import { onEachDatabase } from './lib/bench-database.ts'
import { BenchError, loadNote, printTable, round, runMain } from './lib/harness.ts'
import { DEMO_PASSWORD } from './lib/staff-client.ts'

const LETTERS = Number(process.argv[2] ?? 100_000)
const ROUNDS = Number(process.argv[3] ?? 20)
const NOW = '2026-11-27T02:00:00Z'
const CHUNK = 20_000
const PAGE_SIZE = 30

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

const FAMILY = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '罗', '谭', '冉']
const GIVEN = ['明', '华', '芳', '军', '秀英', '建国', '丽', '伟', '小红', '德福', '春梅', '志强', '敏', '玉兰', '国庆']

/** Loads `n` letters; returns the load time. */
export async function load(db: Db, n: number, dataKey: string): Promise<number> {
  const t0 = performance.now()
  const cipher = createFieldCipher(dataKey)
  const region = (await currentRegion(db))!
  const units = (await listOrganisations(db, region.id)).filter((o) => o.kind !== 'region').map((o) => o.id)
  const gkb = (await findUserByUsername(db, 'gkb'))!.id
  const calendarVersion = (await currentCalendar(db))?.id
  if (!units.length || !calendarVersion) throw new BenchError('no demo units or calendar')

  const contacts = Array.from({ length: 2000 }, (_, i) => {
    const name = FAMILY[i % FAMILY.length]! + GIVEN[Math.floor(i / FAMILY.length) % GIVEN.length]!
    const phone = `1${3 + (i % 7)}${String(100_000_000 + ((i * 7_919_113) % 900_000_000)).slice(0, 9)}`
    return [cipher.encrypt(name), cipher.encrypt(phone), maskName(name), maskPhone(phone)] as const
  })
  await sql`create table bench_contacts (i int primary key, name_sealed text, phone_sealed text, name_masked text, phone_masked text)`.execute(db)
  await sql`insert into bench_contacts select * from unnest(${contacts.map((_, i) => i)}::int[], ${contacts.map((c) => c[0])}::text[], ${contacts.map((c) => c[1])}::text[],
    ${contacts.map((c) => c[2])}::text[], ${contacts.map((c) => c[3])}::text[])`.execute(db)

  const subjects = ['小区门口路灯不亮', '咨询城乡居民医保缴费', '噪音扰民请求处理', '建议增设公交站点', '农村危房改造补助咨询', '举报占道经营', '物业费收取问题', '学校周边交通安全',
    '老旧小区改造进度', '天然气价格调整咨询', '养老保险转移接续', '河道垃圾清理', '求助低保申请', '建议延长图书馆开放时间', '反映施工扬尘']
  // Age of letter g: g × two years / n before NOW (g = 0 is the newest). Its path depends on its age.
  const days = `(g::float8 * 730 / ${n})`
  const state = sql.raw(`case
    when ${days} < 3 then (array['received','received','accepted','dispatched'])[1 + g % 4]
    when ${days} < 30 then (array['dispatched','dispatched','replied','released','returned','not_accepted','closed'])[1 + g % 7]
    when ${days} < 90 then (array['closed','closed','closed','released','not_accepted','merged','dispatched'])[1 + g % 7]
    else (array['closed','closed','closed','closed','closed','closed','closed','closed','not_accepted','merged'])[1 + g % 10] end`)
  for (let a = 0; a < n; a += CHUNK) {
    const b = Math.min(n, a + CHUNK) - 1
    await db.transaction().execute(async (trx) => {
      await sql`insert into letter_cases (region_id, case_no, channel, category, addressed_unit_id, unit_id, subject, content, publish_consent, state,
          contact_name_sealed, contact_phone_sealed, contact_name_masked, contact_phone_masked, query_code, source_hash, received_on, received_at,
          reply_text, replied_at, released_at, closed_at, not_accepted_reason, answered_on_spot)
        select ${region.id}, 'B' || lpad(g::text, 9, '0'), (${CHANNEL_KEYS}::text[])[1 + g % ${CHANNEL_KEYS.length}], (${CATEGORY_KEYS}::text[])[1 + (g / 7) % ${CATEGORY_KEYS.length}],
          case when g % ${CHANNEL_KEYS.length} = 1 then (${units}::int[])[1 + (g * 13) % ${units.length}] end,
          case when s.state in ('received','accepted','not_accepted','returned') then null when s.state = 'merged' then null else (${units}::int[])[1 + (g * 13) % ${units.length}] end,
          (${subjects}::text[])[1 + g % ${subjects.length}], (${subjects}::text[])[1 + g % ${subjects.length}] || '，请相关部门核实处理并答复。来信编号 ' || g || '。', g % 3 = 0, s.state,
          c.name_sealed, c.phone_sealed, c.name_masked, c.phone_masked, 'Q' || lpad(g::text, 9, '0'), md5(g::text),
          (t.at at time zone 'Asia/Shanghai')::date, t.at,
          case when s.state in ('replied','released','closed') then '经核实，已安排相关部门处理，感谢您的来信。' end,
          case when s.state in ('replied','released','closed') then t.at + interval '5 days' end,
          case when s.state in ('released','closed') then t.at + interval '6 days' end,
          case when s.state in ('closed','not_accepted','merged') then t.at + interval '8 days' end,
          case when s.state = 'not_accepted' then 'petition' end, false
        from generate_series(${a}::int, ${b}::int) g
        cross join lateral (select ${state} as state) s
        cross join lateral (select ${NOW}::timestamptz - (g::float8 * 730 / ${n}) * interval '1 day' as at) t
        join bench_contacts c on c.i = g % 2000`.execute(trx)
    })
  }
  // Events of each letter's path, in its order.
  const steps: [string, string | null, string, string][] = [
    ['received', null, 'received', `true`],
    ['accept', 'received', 'accepted', `state not in ('received','not_accepted','merged')`],
    ['not_accept', 'received', 'not_accepted', `state = 'not_accepted'`],
    ['merge', 'received', 'merged', `state = 'merged'`],
    ['dispatch', 'accepted', 'dispatched', `unit_id is not null or state = 'returned'`],
    ['return', 'dispatched', 'returned', `state = 'returned'`],
    ['reply', 'dispatched', 'replied', `state in ('replied','released','closed')`],
    ['release', 'replied', 'released', `state in ('released','closed')`],
    ['evaluate', 'released', 'closed', `state = 'closed'`],
  ]
  for (const [i, [type, from, to, when]] of steps.entries()) {
    await sql`insert into letter_events (case_id, type, from_state, to_state, unit_id, actor_user_id, actor_kind, effective_on, recorded_at, reason, details)
      select id, ${type}, ${from}, ${to}, unit_id, case when ${type} = 'received' then null else ${gkb}::int end, case when ${type} = 'received' then 'public' else 'staff' end,
        (received_at + ${i} * interval '1 day')::date, received_at + ${i} * interval '1 day', '', '{}'::jsonb
      from letter_cases where ${sql.raw(when)} order by id`.execute(db)
  }
  // The unit's reply clock from dispatch (15 working days, about 21 calendar days), stopped by the reply.
  await sql`insert into tracked_clocks (subject_type, subject_id, regime, events, state, due_on, provisional, calendar_version_id, updated_at)
    select 'letter_case', id::text, 'wd:15:15',
      case when replied_at is null then jsonb_build_array(jsonb_build_object('type', 'start', 'on', received_on + 1))
        else jsonb_build_array(jsonb_build_object('type', 'start', 'on', received_on + 1), jsonb_build_object('type', 'stop', 'on', (replied_at at time zone 'Asia/Shanghai')::date)) end,
      case when replied_at is null then 'running' else 'stopped' end, received_on + 22, false, ${calendarVersion}, now()
    from letter_cases where unit_id is not null`.execute(db)
  await sql`drop table bench_contacts`.execute(db)
  for (const t of ['letter_cases', 'letter_events', 'tracked_clocks']) await sql`vacuum analyze ${sql.id(t)}`.execute(db)
  return performance.now() - t0
}

/** A signed-in in-process client (cookies and CSRF like a browser). */
class InjectClient {
  private cookies: Record<string, string> = {}
  private csrf = ''
  constructor(private readonly app: FastifyInstance, private readonly ip: string) {}
  async get(url: string) {
    return this.keep(await this.app.inject({ method: 'GET', url, cookies: this.cookies, remoteAddress: this.ip }))
  }
  async post(url: string, form: Record<string, string>) {
    return this.keep(await this.app.inject({
      method: 'POST', url, payload: new URLSearchParams({ ...form, _csrf: this.csrf }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, cookies: this.cookies, remoteAddress: this.ip,
    }))
  }
  private keep(res: Awaited<ReturnType<FastifyInstance['inject']>>) {
    for (const c of res.cookies) {
      if (c.value) this.cookies[c.name] = c.value
      else delete this.cookies[c.name]
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)
    if (token) this.csrf = token[1]!
    return res
  }
  async signIn(username: string) {
    await this.get('/admin/login')
    const res = await this.post('/admin/login', { username, password: DEMO_PASSWORD })
    if (res.statusCode !== 303) throw new BenchError(`sign-in of ${username} answered ${res.statusCode}`)
  }
}

/**
 * The list query of listCases written out: the page of ids in page order, those rows with their clocks, and the count
 * of the queue (the page gets it from the per-state counts of its tabs).
 */
async function bareList(db: Db, regionId: number, unitId: number | null, states: readonly CaseState[], offset: number): Promise<void> {
  const unit = unitId === null ? sql`` : sql`and unit_id = ${unitId}`
  await sql`select c.*, case when tc.state = 'stopped' then null else tc.due_on end as due_on
    from letter_cases c left join tracked_clocks tc on tc.subject_type = 'letter_case' and tc.subject_id = c.id::text
    where c.id in (select id from letter_cases where region_id = ${regionId} ${unit} and state in (${sql.join(states)})
      order by received_at desc, id desc limit ${PAGE_SIZE} offset ${offset})
    order by c.received_at desc, c.id desc`.execute(db)
  await sql`select count(*) from letter_cases where region_id = ${regionId} ${unit} and state in (${sql.join(states)})`.execute(db)
}

interface Scenario { name: string; user: 'gkb' | 'fgw.editor'; url: string; unit: boolean; states: CaseState[]; offset: number }

const SCENARIOS: Scenario[] = [
  { name: '公开办 待受理 (default)', user: 'gkb', url: '/admin/letters', unit: false, states: ['received'], offset: 0 },
  { name: '公开办 已办结 p1', user: 'gkb', url: '/admin/letters?queue=closed', unit: false, states: ['closed', 'not_accepted', 'merged'], offset: 0 },
  { name: '公开办 已办结 p100', user: 'gkb', url: '/admin/letters?queue=closed&page=100', unit: false, states: ['closed', 'not_accepted', 'merged'], offset: 99 * PAGE_SIZE },
  { name: '发展改革委 待办理 (default)', user: 'fgw.editor', url: '/admin/letters', unit: true, states: ['dispatched'], offset: 0 },
  { name: '发展改革委 已办结 p1', user: 'fgw.editor', url: '/admin/letters?queue=closed', unit: true, states: ['closed', 'not_accepted', 'merged'], offset: 0 },
  { name: '发展改革委 已办结 p20', user: 'fgw.editor', url: '/admin/letters?queue=closed&page=20', unit: true, states: ['closed', 'not_accepted', 'merged'], offset: 19 * PAGE_SIZE },
]

// Run as a script (imported, it only lends `load`, e.g. to look at query plans).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runMain('letters-lists', async () => {
  console.log(`start: ${loadNote()}`)
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PAGE_CACHE_SECONDS: '0' })
  const hash = await hashPassword(DEMO_PASSWORD)
  const results = await onEachDatabase(async ({ label, db }) => {
    const loadMs = await load(db, LETTERS, config.dataKey)
    await db.updateTable('users').set({ password_hash: hash }).where('username', 'in', ['gkb', 'fgw.editor']).execute()
    const region = (await currentRegion(db))!
    const fgw = (await findOrganisationByCode(db, 'fgw'))!
    const total = Number((await sql<{ n: string }>`select count(*) as n from letter_cases`.execute(db)).rows[0]!.n)
    const events = Number((await sql<{ n: string }>`select count(*) as n from letter_events`.execute(db)).rows[0]!.n)
    const fgwLetters = Number((await sql<{ n: string }>`select count(*) as n from letter_cases where unit_id = ${fgw.id}`.execute(db)).rows[0]!.n)
    console.log(`${label}: ${total} letters, ${events} events, ${fgwLetters} for 发展改革委, loaded in ${round(loadMs / 1000, 1)} s`)
    const app = await buildApp({ config, db, clock: fixedClock(NOW), logger: false })
    await app.ready()
    try {
      const clients = { gkb: new InjectClient(app, '192.0.2.61'), 'fgw.editor': new InjectClient(app, '192.0.2.62') }
      await clients.gkb.signIn('gkb')
      await clients['fgw.editor'].signIn('fgw.editor')
      const rows: { name: string; pageMs: number[]; bareMs: number[]; bytes: number }[] = []
      for (const s of SCENARIOS) {
        const client = clients[s.user]
        const bare = () => bareList(db, region.id, s.unit ? fgw.id : null, s.states, s.offset)
        const warm = await client.get(s.url)
        if (warm.statusCode !== 200) throw new BenchError(`${s.url} as ${s.user} answered ${warm.statusCode}`)
        await bare()
        const row = { name: s.name, pageMs: [] as number[], bareMs: [] as number[], bytes: warm.body.length }
        for (let r = 0; r < ROUNDS; r++) {
          const runs: [() => Promise<unknown>, number[]][] = [[() => client.get(s.url), row.pageMs], [bare, row.bareMs]]
          for (const [run, into] of r % 2 ? runs.toReversed() : runs) {
            const t0 = performance.now()
            await run()
            into.push(performance.now() - t0)
          }
        }
        rows.push(row)
      }
      // The tabs' counts alone: every state counted over the region (countByState, before) against each queue counted
      // up to COUNT_CAP + 1 (countQueuesCapped, what the page runs now), alternated in one run.
      const queues = Object.entries(STATE_QUEUE_LABELS).map(([key, q]) => ({ key, states: q.states }))
      const counts: { name: string; oldMs: number[]; newMs: number[] }[] = []
      for (const [name, unitId] of [['公开办 (region)', undefined], ['发展改革委 (unit)', fgw.id]] as const) {
        const row = { name, oldMs: [] as number[], newMs: [] as number[] }
        const runs: [() => Promise<unknown>, number[]][] = [[() => countByState(db, region.id, unitId), row.oldMs], [() => countQueuesCapped(db, region.id, unitId, queues), row.newMs]]
        for (const [run] of runs) await run()
        for (let r = 0; r < ROUNDS; r++) {
          for (const [run, into] of r % 2 ? runs.toReversed() : runs) {
            const t0 = performance.now()
            await run()
            into.push(performance.now() - t0)
          }
        }
        counts.push(row)
      }
      console.log(`\n${label}: tab counts, ${ROUNDS} rounds`)
      printTable(['tabs of', 'countByState p50 ms', 'p95 ms', `capped at ${COUNT_CAP} p50 ms`, 'p95 ms', 'ratio p50 old÷new'],
        counts.map((c) => [c.name, round(percentile(c.oldMs, 50), 1), round(percentile(c.oldMs, 95), 1), round(percentile(c.newMs, 50), 1), round(percentile(c.newMs, 95), 1),
          round(percentile(c.oldMs, 50) / percentile(c.newMs, 50), 1)]))
      console.log(`\n${label}: ${total} letters, ${ROUNDS} requests per page`)
      printTable(['page', 'page p50 ms', 'page p95 ms', 'bare SQL p50 ms', 'bare p95 ms', 'ratio p50'],
        rows.map((r) => [r.name, round(percentile(r.pageMs, 50), 1), round(percentile(r.pageMs, 95), 1), round(percentile(r.bareMs, 50), 1), round(percentile(r.bareMs, 95), 1),
          round(percentile(r.pageMs, 50) / percentile(r.bareMs, 50), 1)]))
      const all = rows.flatMap((r) => r.pageMs)
      return {
        database: label, letters: total, events, loadMs: Math.round(loadMs), rounds: ROUNDS, pageP50Ms: round(percentile(all, 50), 1), pageP95Ms: round(percentile(all, 95), 1),
        tabCounts: counts.map((c) => ({ tabs: c.name, oldP50Ms: round(percentile(c.oldMs, 50), 1), oldP95Ms: round(percentile(c.oldMs, 95), 1), newP50Ms: round(percentile(c.newMs, 50), 1), newP95Ms: round(percentile(c.newMs, 95), 1) })),
        pages: rows.map((r) => ({ page: r.name, p50Ms: round(percentile(r.pageMs, 50), 1), p95Ms: round(percentile(r.pageMs, 95), 1), bareP50Ms: round(percentile(r.bareMs, 50), 1),
          bareP95Ms: round(percentile(r.bareMs, 95), 1), ratioP50: round(percentile(r.pageMs, 50) / percentile(r.bareMs, 50), 1) })),
      }
    } finally {
      await app.close()
    }
  })
  console.log(`end: ${loadNote()}`)
  console.log(JSON.stringify({ bench: 'letters-lists', results }))
})
