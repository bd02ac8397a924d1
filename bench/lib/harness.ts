/**
 * Shared helpers of the benchmark scripts: free loopback ports, spawning `node bin/gongkai.js start` as a separate
 * process, waiting for its first 200, RSS from /proc, clean shutdown and temp-dir cleanup.
 * Everything targets 127.0.0.1 only; every wait is bounded in time.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const HOST = '127.0.0.1'
/** How long a server may take to answer its first 200: 60 s, or BENCH_START_TIMEOUT_S on a very slow machine. */
export const START_TIMEOUT_MS = positiveNumber(process.env.BENCH_START_TIMEOUT_S, 60) * 1000
/** A first start that loads the demo catalogue (3,150 documents, about 40 s on 2 shared cores): at least 180 s. */
export const SEEDING_START_TIMEOUT_MS = Math.max(START_TIMEOUT_MS, 180_000)

function positiveNumber(raw: string | undefined, fallback: number): number {
  const n = Number(raw)
  return raw && Number.isFinite(n) && n > 0 ? n : fallback
}

/** Thrown for a failure the script reports in one clear line and exits 1 for. */
export class BenchError extends Error {}

// ---------------------------------------------------------------- cleanup

const cleanups: Array<() => void | Promise<void>> = []
let cleaningUp: Promise<void> | undefined

/** Registers a cleanup step; steps run in reverse order on normal exit, failure and SIGINT/SIGTERM. */
export function onCleanup(fn: () => void | Promise<void>): void {
  cleanups.push(fn)
}

export function cleanup(): Promise<void> {
  cleaningUp ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop()!
      try {
        await fn()
      } catch (error) {
        console.error(`cleanup: ${(error as Error).message}`)
      }
    }
  })()
  return cleaningUp
}

/** Runs a benchmark's main function: cleanup always, clear message and exit 1 on failure. */
export function runMain(name: string, main: () => Promise<void>): void {
  const interrupted = (signal: NodeJS.Signals) => {
    console.error(`\n${name}: interrupted (${signal}), cleaning up`)
    void cleanup().then(() => process.exit(130))
  }
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  main().then(
    async () => {
      await cleanup()
      process.exit(0)
    },
    async (error: unknown) => {
      console.error(`\n${name} 失败 / FAILED: ${error instanceof BenchError ? error.message : (error as Error)?.stack ?? String(error)}`)
      await cleanup()
      process.exit(1)
    },
  )
}

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  onCleanup(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

// ---------------------------------------------------------------- ports and HTTP

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, HOST, () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export interface HttpResult {
  status: number
  body: Buffer
  headers: http.IncomingHttpHeaders
}

/** One GET on a fresh connection (no keep-alive), bounded by `timeoutMs`. */
export function httpGet(url: string, timeoutMs = 5_000): Promise<HttpResult> {
  const target = new URL(url)
  if (target.hostname !== HOST) throw new BenchError(`refusing a non-loopback target: ${url}`)
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }))
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)))
    req.on('error', reject)
  })
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

// ---------------------------------------------------------------- the Gongkai server as a child process

export interface ServerProcess {
  child: ChildProcess
  pid: number
  port: number
  url: string
  /** Collected stdout+stderr (for error messages). */
  output(): string
  /** Resolves with the exit code/signal once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  stop(): Promise<void>
}

export interface SpawnOptions {
  dataDir: string
  port: number
  nodeEnv?: 'development' | 'production' | 'test'
  /** Extra environment (e.g. for a bare-node baseline). */
  env?: Record<string, string>
  /** Arguments to run instead of `bin/gongkai.js start`. */
  argv?: string[]
  /** Executable instead of this node binary (e.g. /usr/sbin/nginx). */
  command?: string
}

export function spawnServer(options: SpawnOptions): ServerProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: options.nodeEnv ?? 'development',
    DATA_DIR: options.dataDir,
    PORT: String(options.port),
    HOST,
    PUBLIC_URL: `http://${HOST}:${options.port}`,
    LOG_LEVEL: 'silent',
    // Never inherit a PostgreSQL URL from the caller: these benchmarks measure the embedded database.
    DATABASE_URL: '',
    ...options.env,
  }
  const argv = options.argv ?? [path.join(ROOT, 'bin/gongkai.js'), 'start']
  const command = options.command ?? process.execPath
  const child = spawn(command, argv, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const keep = (chunk: Buffer) => {
    output += chunk.toString('utf8')
    if (output.length > 20_000) output = output.slice(-20_000)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode })
    else child.once('exit', (code, signal) => resolve({ code, signal }))
  })
  child.on('error', (error) => keep(Buffer.from(`${error.message}\n`)))
  if (child.pid === undefined) throw new BenchError(`could not spawn ${command} ${argv.join(' ')}`)
  const server: ServerProcess = {
    child,
    pid: child.pid,
    port: options.port,
    url: `http://${HOST}:${options.port}`,
    output: () => output,
    exited,
    stop: () => stopProcess(child, exited),
  }
  onCleanup(() => server.stop())
  return server
}

/** SIGTERM, wait up to 10 s for the exit, then SIGKILL. Safe to call twice. */
export async function stopProcess(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const timer = sleep(10_000).then(() => 'timeout' as const)
  if ((await Promise.race([exited, timer])) === 'timeout') {
    console.error(`pid ${child.pid} did not exit 10 s after SIGTERM; sending SIGKILL`)
    child.kill('SIGKILL')
    await exited
  }
}

/**
 * Polls GET `path` every `intervalMs` until the first 200; returns the wall time since `t0` (performance.now()).
 * Fails clearly if the process exits first or nothing answers 200 within `timeoutMs` (START_TIMEOUT_MS).
 */
export async function waitForOk(server: ServerProcess, t0: number, urlPath = '/', intervalMs = 20, timeoutMs = START_TIMEOUT_MS): Promise<number> {
  let gone = false
  void server.exited.then(() => (gone = true))
  let lastError = ''
  while (performance.now() - t0 < timeoutMs) {
    if (gone) {
      throw new BenchError(`服务器进程在响应前退出 / server exited before answering (code ${server.child.exitCode}, signal ${server.child.signalCode})\n${tail(server.output())}`)
    }
    const attemptAt = performance.now()
    try {
      const res = await httpGet(`${server.url}${urlPath}`, 5_000)
      if (res.status === 200) return performance.now() - t0
      lastError = `HTTP ${res.status}`
    } catch (error) {
      lastError = (error as Error).message
    }
    const wait = intervalMs - (performance.now() - attemptAt)
    if (wait > 0) await sleep(wait)
  }
  throw new BenchError(
    `服务器在 ${timeoutMs / 1000} 秒内没有启动 / server did not answer 200 on ${server.url}${urlPath} within ${timeoutMs / 1000} s (last: ${lastError})\n${tail(server.output())}`,
  )
}

function tail(text: string): string {
  const lines = text.trim().split('\n').slice(-15)
  return lines.length && lines[0] ? `--- server output (last lines) ---\n${lines.join('\n')}` : '(no server output)'
}

/** Resident set size of a process in KiB, from /proc/<pid>/status (VmRSS). */
export function rssKiB(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status)
  if (!match) throw new BenchError(`no ${field} in /proc/${pid}/status`)
  return Number(match[1])
}

// ---------------------------------------------------------------- numbers and tables

/** The machine's load when a figure was taken (absolute times on a shared machine mean little without it). */
export function loadNote(): string {
  const [one, five, fifteen] = loadavg().map((n) => n.toFixed(1))
  return `load average ${one} / ${five} / ${fifteen} (1 / 5 / 15 min) on ${availableParallelism()} cores`
}

export function median(values: readonly number[]): number {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export const round = (n: number, digits = 0) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n)

/** Display width of a string, counting CJK characters as two columns. */
function width(text: string): number {
  let w = 0
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return w
}

/** Prints a plain table whose columns line up with mixed Chinese and ASCII text. */
export function printTable(header: readonly string[], rows: ReadonlyArray<readonly (string | number)[]>): void {
  const cells = [header, ...rows].map((row) => row.map(String))
  const widths = header.map((_, i) => Math.max(...cells.map((row) => width(row[i] ?? ''))))
  const line = (row: readonly string[]) =>
    row.map((cell, i) => (i === 0 ? cell + ' '.repeat(widths[i]! - width(cell)) : ' '.repeat(widths[i]! - width(cell)) + cell)).join('  ')
  console.log(line(cells[0]!))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of cells.slice(1)) console.log(line(row))
}
