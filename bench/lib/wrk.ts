/**
 * wrk and nginx for the HTTP benchmarks: run wrk against a loopback URL and read its figures, and serve a set of
 * saved pages with a temporary nginx (one worker, no access log) as the yardstick of what this machine can do.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { BenchError, HOST, freePort, httpGet, onCleanup, spawnServer, tempDir, waitForOk, type ServerProcess } from './harness.ts'

export const WRK = '/usr/bin/wrk'
export const NGINX = '/usr/sbin/nginx'

export interface WrkOptions {
  threads: number
  connections: number
  seconds: number
}

export interface WrkResult {
  rps: number
  p50Ms: number
  p99Ms: number
  requests: number
  errors: string[]
}

export function requireTools(): void {
  for (const tool of [WRK, NGINX]) if (!existsSync(tool)) throw new BenchError(`${tool} is not installed`)
}

function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s|m|h)$/.exec(value.trim())
  if (!match) return NaN
  const n = Number(match[1])
  return n * ({ us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const)[match[2] as 'us' | 'ms' | 's' | 'm' | 'h']
}

export function parseWrk(output: string): WrkResult {
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

/** Runs wrk once with --latency; killed after `seconds` + 30 s whatever happens. */
export function runWrk(url: string, options: WrkOptions): Promise<WrkResult> {
  if (new URL(url).hostname !== HOST) throw new BenchError(`refusing a non-loopback target: ${url}`)
  return new Promise((resolve, reject) => {
    const child = spawn(WRK, [`-t${options.threads}`, `-c${options.connections}`, `-d${options.seconds}s`, '--latency', url], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: (options.seconds + 30) * 1000,
      killSignal: 'SIGKILL',
    })
    onCleanup(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', (error) => reject(new BenchError(`wrk: ${error.message}`)))
    child.on('exit', (code, signal) => {
      if (code !== 0) return reject(new BenchError(`wrk exited with ${code ?? signal}:\n${out}`))
      try {
        resolve(parseWrk(out))
      } catch (error) {
        reject(error)
      }
    })
  })
}

/** A page saved for nginx: its URL path, the file it is served from, and the exact bytes. */
export interface SavedPage {
  urlPath: string
  file: string
  body: Buffer
}

/**
 * Serves `pages` from a temp root with a temporary nginx (one worker, access log off, text/html, sendfile as
 * Debian ships it) on a free loopback port; checks that every page comes back byte for byte.
 */
export async function startNginx(pages: readonly SavedPage[]): Promise<ServerProcess> {
  const tmp = tempDir('gongkai-bench-nginx-')
  const www = path.join(tmp, 'www')
  for (const page of pages) {
    const file = path.join(www, page.file)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, page.body)
  }
  const port = await freePort()
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
      `  server { listen ${HOST}:${port}; root ${www}; location / { default_type text/html; } }`,
      '}',
      '',
    ].join('\n'),
  )
  const t0 = performance.now()
  const nginx = spawnServer({ dataDir: tmp, port, command: NGINX, argv: ['-c', conf, '-p', `${tmp}/`, '-e', `${tmp}/error.log`] })
  try {
    await waitForOk(nginx, t0, pages[0]?.urlPath ?? '/')
  } catch (error) {
    const log = existsSync(`${tmp}/error.log`) ? readFileSync(`${tmp}/error.log`, 'utf8') : ''
    throw new BenchError(`nginx did not start: ${(error as Error).message}\n${log}`)
  }
  for (const page of pages) {
    const res = await httpGet(`${nginx.url}${page.urlPath}`)
    if (res.status !== 200 || !res.body.equals(page.body)) throw new BenchError(`nginx ${page.urlPath}: HTTP ${res.status}, ${res.body.length} bytes, expected ${page.body.length}`)
  }
  return nginx
}
