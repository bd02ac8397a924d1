/**
 * Item page and list page throughput, uncached and cached, as a ratio to nginx serving the same bytes (issue 4).
 *
 *   npx tsx bench/portal-pages.ts            (BENCH_WRK_SECONDS=5 by default; 1…60)
 *
 * Starts `node bin/gongkai.js start` (NODE_ENV=development, LOG_LEVEL=silent) on a fresh embedded database in a temp
 * DATA_DIR, so the first start loads the demo region and the demo catalogue (3,150 real documents). Picks a real item
 * page — the 政府信息公开条例, a law text of about 20 kB — and the first page of the catalogue list (/xxgk/fdzdgknr,
 * 20 items), saves their exact bytes for a temporary nginx (one worker), then measures with
 * `wrk -t2 -c32 -d5s --latency`, alternating gongkai, nginx, gongkai, nginx per page:
 *   1. uncached: the server started with PAGE_CACHE_SECONDS=0 (every request runs the handler and the queries);
 *   2. cached: the same data directory, the server restarted with PAGE_CACHE_SECONDS=60 (the default).
 * Prints req/s, p50/p99 and the ratio gongkai ÷ nginx (median of the adjacent pairs) — the goal for the cached item
 * page is ≥ 0.15×. nginx is the yardstick for this noisy, shared machine: compare ratios between runs, not req/s.
 */
import { BenchError, freePort, httpGet, median, printTable, round, loadNote, runMain, SEEDING_START_TIMEOUT_MS, spawnServer, tempDir, waitForOk, type ServerProcess } from './lib/harness.ts'
import { requireTools, runWrk, startNginx, type SavedPage, type WrkResult } from './lib/wrk.ts'

const SECONDS = Math.min(60, Math.max(1, Math.round(Number(process.env.BENCH_WRK_SECONDS) || 5)))
const WRK_OPTIONS = { threads: 2, connections: 32, seconds: SECONDS }
const WARMUP_REQUESTS = 200
const GOAL_CACHED_ITEM = 0.15
const ITEM_QUERY = '政府信息公开条例'
const LIST_PATH = '/xxgk/fdzdgknr'

type Mode = 'uncached' | 'cached'
const MODES: { mode: Mode; label: string; env: Record<string, string> }[] = [
  { mode: 'uncached', label: '不缓存 / uncached (PAGE_CACHE_SECONDS=0)', env: { PAGE_CACHE_SECONDS: '0' } },
  { mode: 'cached', label: '缓存 / cached (PAGE_CACHE_SECONDS=60)', env: { PAGE_CACHE_SECONDS: '60' } },
]

interface Page extends SavedPage { name: string }

interface Figures {
  page: string
  mode: Mode
  bytes: number
  gongkaiRps: number
  nginxRps: number
  ratio: number
  pairRatios: number[]
  gongkaiP50Ms: number
  gongkaiP99Ms: number
  nginxP50Ms: number
  nginxP99Ms: number
}

async function startGongkai(dataDir: string, env: Record<string, string>): Promise<{ server: ServerProcess; startMs: number }> {
  const port = await freePort()
  const t0 = performance.now()
  // One PUBLIC_URL for both starts: the item page's QR code encodes it, and the bytes must not change with the port.
  const server = spawnServer({ dataDir, port, nodeEnv: 'development', env: { PUBLIC_URL: 'http://127.0.0.1:3000', ...env } })
  return { server, startMs: await waitForOk(server, t0, '/', 20, SEEDING_START_TIMEOUT_MS) }
}

/** The item page of the 政府信息公开条例 (found through the public search) and the first catalogue list page. */
async function pickPages(base: string): Promise<Page[]> {
  const search = await httpGet(`${base}/search?q=${encodeURIComponent(ITEM_QUERY)}`)
  const id = /href="\/xxgk\/xinxi\/(\d+)"/.exec(search.body.toString('utf8'))?.[1]
  if (search.status !== 200 || !id) throw new BenchError(`the search for ${ITEM_QUERY} found no item page (HTTP ${search.status})`)
  const pages: Page[] = []
  for (const [name, urlPath] of [[`信息页 / item page (${ITEM_QUERY})`, `/xxgk/xinxi/${id}`], ['目录列表 / list page (page 1 of all items)', LIST_PATH]] as const) {
    const res = await httpGet(`${base}${urlPath}`)
    if (res.status !== 200) throw new BenchError(`GET ${urlPath} answered ${res.status}`)
    pages.push({ name, urlPath, file: urlPath.slice(1), body: res.body })
  }
  return pages
}

/** Cached public pages must be the same for everyone: no cookie, and (when cached) the bytes saved for nginx. */
async function checkPage(server: ServerProcess, page: Page, mode: Mode): Promise<void> {
  const res = await httpGet(`${server.url}${page.urlPath}`)
  if (res.status !== 200) throw new BenchError(`${mode} ${page.urlPath}: HTTP ${res.status}`)
  if (res.headers['set-cookie']) throw new BenchError(`${page.urlPath} sets a cookie: it must not be a shared cached page`)
  if (!res.body.equals(page.body)) throw new BenchError(`${mode} ${page.urlPath}: ${res.body.length} bytes differ from the ${page.body.length} saved for nginx`)
  const cacheHeader = res.headers['x-page-cache']
  if ((mode === 'cached') !== (cacheHeader === 'hit')) throw new BenchError(`${mode} ${page.urlPath}: x-page-cache is ${String(cacheHeader)}`)
}

runMain('bench/portal-pages', async () => {
  const started = performance.now()
  requireTools()
  const loadAtStart = loadNote()
  const dataDir = tempDir('gongkai-bench-pages-data-')
  let pages: Page[] = []
  let nginx: ServerProcess | undefined
  const rows: Array<Array<string | number>> = []
  const figures: Figures[] = []
  const warnings: string[] = []
  const starts: Record<string, number> = {}

  for (const { mode, label, env } of MODES) {
    const { server, startMs } = await startGongkai(dataDir, env)
    starts[mode] = round(startMs)
    console.log(`${label}: Gongkai ${server.url} (pid ${server.pid}, ${mode === 'uncached' ? 'first start with the demo catalogue' : 'restart'} ${round(startMs / 1000, 1)} s)`)
    if (!nginx) {
      pages = await pickPages(server.url)
      nginx = await startNginx(pages)
      console.log(`nginx ${nginx.url} (pid ${nginx.pid}) serves the saved bytes; wrk -t${WRK_OPTIONS.threads} -c${WRK_OPTIONS.connections} -d${SECONDS}s --latency, alternating gongkai/nginx`)
    }
    for (const page of pages) {
      // Warm-up: JIT, the database's buffers and, when cached, the cache entry.
      for (let i = 0; i < WARMUP_REQUESTS; i++) await httpGet(`${server.url}${page.urlPath}`)
      await checkPage(server, page, mode)
      const runs: Array<{ target: 'gongkai' | 'nginx'; result: WrkResult }> = []
      for (const target of ['gongkai', 'nginx', 'gongkai', 'nginx'] as const) {
        const result = await runWrk(`${target === 'gongkai' ? server.url : nginx.url}${page.urlPath}`, WRK_OPTIONS)
        runs.push({ target, result })
        for (const error of result.errors) warnings.push(`${mode} ${target} ${page.urlPath}: ${error}`)
        rows.push([page.name, mode, target, round(result.rps), round(result.p50Ms, 2), round(result.p99Ms, 2), result.requests])
        console.log(`  ${mode} ${page.urlPath} ${target}: ${round(result.rps)} req/s`)
      }
      const gk = runs.filter((r) => r.target === 'gongkai').map((r) => r.result)
      const ng = runs.filter((r) => r.target === 'nginx').map((r) => r.result)
      const pairRatios = gk.map((g, i) => g.rps / ng[i]!.rps)
      figures.push({
        page: page.urlPath, mode, bytes: page.body.length,
        gongkaiRps: round(median(gk.map((r) => r.rps))), nginxRps: round(median(ng.map((r) => r.rps))),
        ratio: round(median(pairRatios), 4), pairRatios: pairRatios.map((r) => round(r, 4)),
        gongkaiP50Ms: round(median(gk.map((r) => r.p50Ms)), 2), gongkaiP99Ms: round(median(gk.map((r) => r.p99Ms)), 2),
        nginxP50Ms: round(median(ng.map((r) => r.p50Ms)), 2), nginxP99Ms: round(median(ng.map((r) => r.p99Ms)), 2),
      })
    }
    if (server.child.exitCode !== null) throw new BenchError(`Gongkai exited during the ${mode} runs`)
    await server.stop()
  }

  console.log('\n逐次结果 / each wrk run')
  printTable(['页面 / page', 'mode', 'target', 'req/s', 'p50 ms', 'p99 ms', 'requests'], rows)
  console.log('\n汇总 / summary (median of 2 runs; ratio = median of the adjacent gongkai÷nginx pairs)')
  printTable(
    ['页面 / page', 'mode', 'bytes', 'gongkai req/s', 'nginx req/s', 'gongkai÷nginx', 'gk p50/p99 ms', 'nginx p50/p99 ms'],
    figures.map((f) => [f.page, f.mode, f.bytes, f.gongkaiRps, f.nginxRps, `${round(f.ratio, 3)}×`, `${f.gongkaiP50Ms} / ${f.gongkaiP99Ms}`, `${f.nginxP50Ms} / ${f.nginxP99Ms}`]),
  )
  const cachedItem = figures.find((f) => f.mode === 'cached' && f.page.startsWith('/xxgk/xinxi/'))!
  const verdict = cachedItem.ratio >= GOAL_CACHED_ITEM ? '达到 / met' : '未达到 / NOT met'
  console.log(`\n目标 / goal: cached item page ≥ ${GOAL_CACHED_ITEM}× nginx — ${round(cachedItem.ratio, 3)}×, ${verdict}`)
  if (warnings.length) console.log(`\n注意 / warnings:\n  ${warnings.join('\n  ')}`)
  console.log(`\nat start: ${loadAtStart}; at end: ${loadNote()}`)
  console.log(`\n${JSON.stringify({
    bench: 'portal-pages', node: process.version, wrk: `-t${WRK_OPTIONS.threads} -c${WRK_OPTIONS.connections} -d${SECONDS}s`, startMs: starts,
    pages: pages.map((p) => ({ name: p.name, path: p.urlPath, bytes: p.body.length })), figures,
    goal: { cachedItemPage: GOAL_CACHED_ITEM, measured: cachedItem.ratio, met: cachedItem.ratio >= GOAL_CACHED_ITEM }, warnings,
    wallSeconds: round((performance.now() - started) / 1000, 1),
  })}`)
})
