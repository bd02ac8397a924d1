/**
 * Cold start to first response on the embedded database (PGlite).
 *
 *   npx tsx bench/cold-start.ts
 *
 * (a) first run: `node bin/gongkai.js start` on a fresh DATA_DIR — create, migrate, seed the demo data, listen —
 *     timed from spawn to the first HTTP 200 of GET / (polled every 20 ms);
 * (b) three later runs on the same, already seeded DATA_DIR (min / median);
 * (c) VmRSS of the server idle after start, and after 200 requests to /.
 * For the noise of a shared machine, a bare `node -e http.createServer(...)` is started the same way between the
 * (b) runs; the ratios to it are comparable across runs, the absolute times less so.
 */
import { BenchError, type ServerProcess, freePort, httpGet, median, printTable, round, rssKiB, runMain, SEEDING_START_TIMEOUT_MS, sleep, spawnServer, tempDir, waitForOk } from './lib/harness.ts'

const WARM_RUNS = 3
const REQUESTS = 200
const CONCURRENCY = 4
const SETTLE_MS = 1_000

const BARE_NODE = `require('node:http').createServer((q, s) => { s.setHeader('content-type', 'text/html'); s.end('ok') }).listen(Number(process.env.PORT), process.env.HOST)`

interface Run {
  label: string
  ms: number
  /** The server's own "用时 N 毫秒" (start() until listening), when it printed one. */
  innerMs: number | null
  idleRssKiB: number
  server: ServerProcess
}

async function timedStart(label: string, dataDir: string, argv?: string[]): Promise<Run> {
  const port = await freePort()
  const t0 = performance.now()
  const server = spawnServer({ dataDir, port, ...(argv ? { argv } : {}) })
  const ms = await waitForOk(server, t0, '/', 20, SEEDING_START_TIMEOUT_MS)
  await sleep(SETTLE_MS)
  const idleRssKiB = rssKiB(server.pid)
  const inner = /用时 (\d+) 毫秒/.exec(server.output())
  return { label, ms, innerMs: inner ? Number(inner[1]) : null, idleRssKiB, server }
}

async function hammer(url: string, total: number, concurrency: number): Promise<number> {
  let next = 0
  let failures = 0
  const worker = async () => {
    while (next < total) {
      next++
      const res = await httpGet(url, 10_000)
      if (res.status !== 200) failures++
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return failures
}

async function main() {
  const started = performance.now()
  const dataDir = tempDir('gongkai-bench-cold-')
  const bareDir = tempDir('gongkai-bench-bare-')
  console.log(`冷启动基准 / cold-start benchmark — node ${process.version}, DATA_DIR ${dataDir}`)

  // (a) first run: creation, migration, demo data.
  const first = await timedStart('(a) 首次启动（建库+迁移+演示数据）/ first run, create+seed', dataDir)
  await first.server.stop()

  // (b) later runs, interleaved with the bare-node baseline so both see the same noise.
  const warm: Run[] = []
  const bare: Run[] = []
  let rssAfter = NaN
  let hwmAfter = NaN
  let failures = 0
  for (let i = 0; i < WARM_RUNS; i++) {
    const run = await timedStart(`(b) 再次启动 #${i + 1} / later run #${i + 1}`, dataDir)
    warm.push(run)
    if (i === WARM_RUNS - 1) {
      // (c) RSS after 200 requests to /, on the last warm run.
      failures = await hammer(`${run.server.url}/`, REQUESTS, CONCURRENCY)
      await sleep(SETTLE_MS)
      rssAfter = rssKiB(run.server.pid)
      hwmAfter = rssKiB(run.server.pid, 'VmHWM')
    }
    await run.server.stop()
    const base = await timedStart(`    基线 bare node http #${i + 1}`, bareDir, ['-e', BARE_NODE])
    bare.push(base)
    await base.server.stop()
  }
  if (failures) throw new BenchError(`${failures} of ${REQUESTS} requests to / did not answer 200`)

  const warmMs = warm.map((r) => r.ms)
  const bareMs = bare.map((r) => r.ms)
  const warmMin = Math.min(...warmMs)
  const warmMedian = median(warmMs)
  const bareMedian = median(bareMs)
  const lastWarm = warm[warm.length - 1]!
  const bareRss = median(bare.map((r) => r.idleRssKiB))

  console.log('\n启动时间 / start-up time (spawn → first 200 of GET /, polled every 20 ms)')
  printTable(
    ['运行 / run', '墙钟 wall ms', 'start() ms', '空闲 RSS MiB', '÷ 裸 node'],
    [first, ...warm.flatMap((run, i) => [run, bare[i]!])].map((run) => [
      run.label,
      round(run.ms),
      run.innerMs ?? '—',
      round(run.idleRssKiB / 1024, 1),
      `${round(run.ms / bareMedian, 1)}×`,
    ]),
  )

  console.log('\n汇总 / summary')
  printTable(
    ['指标 / metric', '值 / value'],
    [
      ['(a) 首次启动 / first run (ms)', round(first.ms)],
      ['(b) 再次启动 最小 / later run min (ms)', round(warmMin)],
      ['(b) 再次启动 中位 / later run median (ms)', round(warmMedian)],
      ['裸 node 中位 / bare node median (ms)', round(bareMedian)],
      ['比值 (a)÷(b)中位 / first ÷ later', `${round(first.ms / warmMedian, 2)}×`],
      ['比值 (b)中位÷裸 node / later ÷ bare node', `${round(warmMedian / bareMedian, 1)}×`],
      ['(c) RSS 空闲 / idle (MiB)', round(lastWarm.idleRssKiB / 1024, 1)],
      [`(c) RSS ${REQUESTS} 次请求后 / after ${REQUESTS} GET / (MiB)`, round(rssAfter / 1024, 1)],
      ['(c) 峰值 VmHWM / peak (MiB)', round(hwmAfter / 1024, 1)],
      ['比值 请求后÷空闲 / after ÷ idle', `${round(rssAfter / lastWarm.idleRssKiB, 2)}×`],
      ['比值 空闲÷裸 node / idle ÷ bare node', `${round(lastWarm.idleRssKiB / bareRss, 1)}×`],
    ],
  )

  const summary = {
    bench: 'cold-start',
    node: process.version,
    firstRunMs: round(first.ms),
    laterRunMs: warmMs.map((ms) => round(ms)),
    laterRunMinMs: round(warmMin),
    laterRunMedianMs: round(warmMedian),
    bareNodeMedianMs: round(bareMedian),
    ratioFirstToLater: round(first.ms / warmMedian, 2),
    ratioLaterToBareNode: round(warmMedian / bareMedian, 2),
    idleRssMiB: round(lastWarm.idleRssKiB / 1024, 1),
    rssAfterRequestsMiB: round(rssAfter / 1024, 1),
    peakRssMiB: round(hwmAfter / 1024, 1),
    requests: REQUESTS,
    ratioRssAfterToIdle: round(rssAfter / lastWarm.idleRssKiB, 2),
    bareNodeIdleRssMiB: round(bareRss / 1024, 1),
    ratioIdleRssToBareNode: round(lastWarm.idleRssKiB / bareRss, 2),
    wallSeconds: round((performance.now() - started) / 1000, 1),
  }
  console.log(`\n${JSON.stringify(summary)}`)
}

runMain('bench/cold-start', main)
