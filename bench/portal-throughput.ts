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
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { BenchError, HOST, freePort, httpGet, median, onCleanup, printTable, round, runMain, spawnServer, tempDir, waitForOk } from './lib/harness.ts'

const WRK = '/usr/bin/wrk'
const NGINX = '/usr/sbin/nginx'
const THREADS = 2
const CONNECTIONS = 32
// -d10s as specified; BENCH_WRK_SECONDS shortens it for a quick check (bounded to 1…60 s).
const DURATION_S = Math.min(60, Math.max(1, Math.round(Number(process.env.BENCH_WRK_SECONDS) || 10)))
const WARMUP_REQUESTS = 100
const PAGES = [
  { path: '/', file: 'index.html', name: '首页 / home' },
  { path: '/xxgk/zhinan', file: 'xxgk/zhinan', name: '公开指南 / guide' },
] as const

interface WrkResult {
  rps: number
  p50Ms: number
  p99Ms: number
  requests: number
  errors: string[]
}

function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s|m|h)$/.exec(value.trim())
  if (!match) return NaN
  const n = Number(match[1])
  return n * ({ us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const)[match[2] as 'us' | 'ms' | 's' | 'm' | 'h']
}

function parseWrk(output: string): WrkResult {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output)
  const p50 = /^\s+50%\s+(\S+)/m.exec(output)
  const p99 = /^\s+99%\s+(\S+)/m.exec(output)
  const requests = /(\d+) requests in/.exec(output)
  if (!rps || !p50 || !p99 || !requests) throw new BenchError(`could not read wrk's output:\n${output}`)
  const errors: string[] = []
  const socket = /Socket errors: (.*)/.exec(output)
  if (socket) errors.push(`socket errors: ${socket[1]}`)
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(output)
  if (non2xx) errors.push(`non-2xx/3xx: ${non2xx[1]}`)
  return { rps: Number(rps[1]), p50Ms: toMs(p50[1]!), p99Ms: toMs(p99[1]!), requests: Number(requests[1]), errors }
}

/** Runs wrk once; killed after DURATION_S + 30 s whatever happens. */
function runWrk(url: string): Promise<WrkResult> {
  if (new URL(url).hostname !== HOST) throw new BenchError(`refusing a non-loopback target: ${url}`)
  return new Promise((resolve, reject) => {
    const child = spawn(WRK, [`-t${THREADS}`, `-c${CONNECTIONS}`, `-d${DURATION_S}s`, '--latency', url], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: (DURATION_S + 30) * 1000,
      killSignal: 'SIGKILL',
    })
    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }
    onCleanup(kill)
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', (error) => reject(new BenchError(`wrk: ${error.message}`)))
    child.on('exit', (code, signal) => {
      if (code !== 0) reject(new BenchError(`wrk exited with ${code ?? signal}:\n${out}`))
      else {
        try {
          resolve(parseWrk(out))
        } catch (error) {
          reject(error)
        }
      }
    })
  })
}

async function main() {
  const started = performance.now()
  for (const tool of [WRK, NGINX]) if (!existsSync(tool)) throw new BenchError(`${tool} is not installed`)

  // Gongkai, as a separate process on a fresh embedded database (first start creates and seeds it).
  const dataDir = tempDir('gongkai-bench-portal-data-')
  const gongkaiPort = await freePort()
  const t0 = performance.now()
  const gongkai = spawnServer({ dataDir, port: gongkaiPort, nodeEnv: 'development' })
  const startMs = await waitForOk(gongkai, t0)
  console.log(`门户吞吐基准 / portal throughput — Gongkai ${gongkai.url} (pid ${gongkai.pid}, first start ${round(startMs / 1000, 1)} s)`)

  // The exact bytes of each page, served by nginx from a temp root.
  const tmp = tempDir('gongkai-bench-nginx-')
  const www = path.join(tmp, 'www')
  const sizes: Record<string, number> = {}
  for (const page of PAGES) {
    const res = await httpGet(`${gongkai.url}${page.path}`)
    if (res.status !== 200) throw new BenchError(`GET ${page.path} answered ${res.status}`)
    const file = path.join(www, page.file)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, res.body)
    sizes[page.path] = res.body.length
  }
  const nginxPort = await freePort()
  const conf = path.join(tmp, 'nginx.conf')
  writeFileSync(
    conf,
    [
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      'daemon off;',
      'worker_processes 1;',
      `pid ${tmp}/nginx.pid;`,
      `error_log ${tmp}/error.log;`,
      'events {}',
      'http {',
      '  access_log off;',
      // Debian's compiled-in temp paths live under /var/lib/nginx; keep everything in the temp dir.
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${tmp}/${t}_temp;`),
      `  server { listen ${HOST}:${nginxPort}; root ${www}; location / { default_type text/html; } }`,
      '}',
      '',
    ].join('\n'),
  )
  const nginxStart = performance.now()
  const nginx = spawnServer({ dataDir: tmp, port: nginxPort, command: NGINX, argv: ['-c', conf, '-p', `${tmp}/`, '-e', `${tmp}/error.log`] })
  try {
    await waitForOk(nginx, nginxStart)
  } catch (error) {
    const log = existsSync(`${tmp}/error.log`) ? readFileSync(`${tmp}/error.log`, 'utf8') : ''
    throw new BenchError(`nginx did not start: ${(error as Error).message}\n${log}`)
  }
  for (const page of PAGES) {
    const res = await httpGet(`${nginx.url}${page.path}`)
    if (res.status !== 200 || res.body.length !== sizes[page.path]) throw new BenchError(`nginx ${page.path}: HTTP ${res.status}, ${res.body.length} bytes`)
  }
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
      const result = await runWrk(`${base}${page.path}`)
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
