/**
 * Portal throughput: Gongkai against nginx serving the same bytes, measured with wrk in the same run.
 *
 *   npx tsx bench/portal-throughput.ts
 *
 * Spawns `node bin/gongkai.js start` (NODE_ENV=development, LOG_LEVEL=silent, fresh temp DATA_DIR, 127.0.0.1),
 * saves the HTML of / and /xxgk/zhinan into a temp www root served by a temporary nginx (one worker), then for
 * each page runs `wrk -t2 -c32 -d10s --latency` alternately: gongkai, nginx, gongkai, nginx. Reports requests/s,
 * p50/p99 latency and the ratio gongkai ÷ nginx (median of the two adjacent pairs). nginx is the yardstick for the
 * noise of the machine: the ratio is what to compare between runs.
 */
import { BenchError, freePort, httpGet, median, printTable, round, runMain, SEEDING_START_TIMEOUT_MS, spawnServer, tempDir, waitForOk } from './lib/harness.ts'
import { requireTools, runWrk, startNginx, type SavedPage, type WrkResult } from './lib/wrk.ts'

const THREADS = 2
const CONNECTIONS = 32
// -d10s as specified; BENCH_WRK_SECONDS shortens it for a quick check (bounded to 1…60 s).
const DURATION_S = Math.min(60, Math.max(1, Math.round(Number(process.env.BENCH_WRK_SECONDS) || 10)))
const WRK_OPTIONS = { threads: THREADS, connections: CONNECTIONS, seconds: DURATION_S }
const WARMUP_REQUESTS = 100
const PAGES = [
  { path: '/', file: 'index.html', name: '首页 / home' },
  { path: '/xxgk/zhinan', file: 'xxgk/zhinan', name: '公开指南 / guide' },
] as const

async function main() {
  const started = performance.now()
  requireTools()

  // Gongkai, as a separate process on a fresh embedded database (first start creates and seeds it).
  const dataDir = tempDir('gongkai-bench-portal-data-')
  const gongkaiPort = await freePort()
  const t0 = performance.now()
  const gongkai = spawnServer({ dataDir, port: gongkaiPort, nodeEnv: 'development' })
  const startMs = await waitForOk(gongkai, t0, '/', 20, SEEDING_START_TIMEOUT_MS)
  console.log(`门户吞吐基准 / portal throughput — Gongkai ${gongkai.url} (pid ${gongkai.pid}, first start ${round(startMs / 1000, 1)} s)`)

  // The exact bytes of each page, served by nginx from a temp root.
  const saved: SavedPage[] = []
  const sizes: Record<string, number> = {}
  for (const page of PAGES) {
    const res = await httpGet(`${gongkai.url}${page.path}`)
    if (res.status !== 200) throw new BenchError(`GET ${page.path} answered ${res.status}`)
    saved.push({ urlPath: page.path, file: page.file, body: res.body })
    sizes[page.path] = res.body.length
  }
  const nginx = await startNginx(saved)
  console.log(`nginx ${nginx.url} (pid ${nginx.pid}); wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION_S}s --latency, alternating gongkai/nginx\n`)

  const rows: Array<Array<string | number>> = []
  const perPage: Record<string, unknown> = {}
  const warnings: string[] = []
  for (const page of PAGES) {
    // A few requests so the first wrk run does not pay for JIT warm-up alone.
    for (let i = 0; i < WARMUP_REQUESTS; i++) await httpGet(`${gongkai.url}${page.path}`)
    const runs: Array<{ target: 'gongkai' | 'nginx'; result: WrkResult }> = []
    for (const target of ['gongkai', 'nginx', 'gongkai', 'nginx'] as const) {
      const base = target === 'gongkai' ? gongkai.url : nginx.url
      const result = await runWrk(`${base}${page.path}`, WRK_OPTIONS)
      runs.push({ target, result })
      for (const error of result.errors) warnings.push(`${target} ${page.path}: ${error}`)
      rows.push([page.name, target, round(result.rps), round(result.p50Ms, 2), round(result.p99Ms, 2), result.requests])
      process.stdout.write(`  ${page.path} ${target}: ${round(result.rps)} req/s\n`)
    }
    const gk = runs.filter((r) => r.target === 'gongkai').map((r) => r.result)
    const ng = runs.filter((r) => r.target === 'nginx').map((r) => r.result)
    // Ratio per adjacent pair (same noise), then the median of the pairs.
    const pairRatios = gk.map((g, i) => g.rps / ng[i]!.rps)
    const ratio = median(pairRatios)
    perPage[page.path] = {
      bytes: sizes[page.path],
      gongkaiRps: round(median(gk.map((r) => r.rps))),
      nginxRps: round(median(ng.map((r) => r.rps))),
      ratio: round(ratio, 4),
      pairRatios: pairRatios.map((r) => round(r, 4)),
      gongkaiP50Ms: round(median(gk.map((r) => r.p50Ms)), 2),
      gongkaiP99Ms: round(median(gk.map((r) => r.p99Ms)), 2),
      nginxP50Ms: round(median(ng.map((r) => r.p50Ms)), 2),
      nginxP99Ms: round(median(ng.map((r) => r.p99Ms)), 2),
    }
  }
  if (gongkai.child.exitCode !== null) throw new BenchError('Gongkai exited during the benchmark')

  console.log('\n逐次结果 / each wrk run')
  printTable(['页面 / page', '目标 / target', 'req/s', 'p50 ms', 'p99 ms', '请求数 / requests'], rows)
  console.log('\n汇总 / summary (median of 2 runs; ratio = median of the two adjacent gongkai÷nginx pairs)')
  printTable(
    ['页面 / page', '字节 / bytes', 'gongkai req/s', 'nginx req/s', 'gongkai÷nginx', 'gk p50/p99 ms', 'nginx p50/p99 ms'],
    PAGES.map((page) => {
      const p = perPage[page.path] as Record<string, number>
      return [`${page.name} ${page.path}`, p.bytes!, p.gongkaiRps!, p.nginxRps!, `${round(p.ratio! * 100, 2)}%`, `${p.gongkaiP50Ms} / ${p.gongkaiP99Ms}`, `${p.nginxP50Ms} / ${p.nginxP99Ms}`]
    }),
  )
  if (warnings.length) console.log(`\n注意 / warnings:\n  ${warnings.join('\n  ')}`)

  const summary = {
    bench: 'portal-throughput',
    node: process.version,
    wrk: `-t${THREADS} -c${CONNECTIONS} -d${DURATION_S}s`,
    gongkaiFirstStartMs: round(startMs),
    pages: perPage,
    warnings,
    wallSeconds: round((performance.now() - started) / 1000, 1),
  }
  console.log(`\n${JSON.stringify(summary)}`)
}

runMain('bench/portal-throughput', main)
