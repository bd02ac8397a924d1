/**
 * A browser-like HTTP client for the benchmarks that work through the back office: keeps cookies, reads the CSRF
 * token from the last form it saw, follows no redirects. Loopback only; every request is bounded in time.
 */
import http from 'node:http'
import { BenchError, HOST } from './harness.ts'

export const DEMO_PASSWORD = 'Kaizhou#2026'

export interface Answer {
  status: number
  body: string
  headers: http.IncomingHttpHeaders
}

export class StaffClient {
  private readonly cookies = new Map<string, string>()
  private csrf = ''
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 })

  constructor(readonly base: string, readonly timeoutMs = 10_000) {
    if (new URL(base).hostname !== HOST) throw new BenchError(`refusing a non-loopback target: ${base}`)
  }

  get(path: string): Promise<Answer> {
    return this.send('GET', path)
  }

  /** A form POST with the CSRF token of the last page seen. */
  post(path: string, form: Record<string, string> = {}): Promise<Answer> {
    return this.send('POST', path, new URLSearchParams({ ...form, _csrf: this.csrf }).toString())
  }

  /** Signs in as a demo user; fails unless the sign-in redirects (303). */
  async signIn(username: string, password = DEMO_PASSWORD): Promise<void> {
    await this.get('/admin/login')
    const res = await this.post('/admin/login', { username, password })
    if (res.status !== 303) throw new BenchError(`sign-in of ${username} answered ${res.status}`)
    // A new CSRF seed after sign-in: the next page carries its token.
    await this.get('/admin')
  }

  close(): void {
    this.agent.destroy()
  }

  private send(method: 'GET' | 'POST', path: string, body?: string): Promise<Answer> {
    const headers: Record<string, string> = {}
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      headers['content-length'] = String(Buffer.byteLength(body))
    }
    return new Promise((resolve, reject) => {
      const req = http.request(`${this.base}${path}`, { method, headers, agent: this.agent, timeout: this.timeoutMs }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', reject)
        res.on('end', () => {
          for (const line of res.headers['set-cookie'] ?? []) {
            const [pair, ...attributes] = line.split(';')
            const at = pair!.indexOf('=')
            const name = pair!.slice(0, at).trim()
            const value = pair!.slice(at + 1).trim()
            const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && new Date(a.split('=')[1]!) < new Date()))
            if (!value || expired) this.cookies.delete(name)
            else this.cookies.set(name, value)
          }
          const text = Buffer.concat(chunks).toString('utf8')
          const token = /name="_csrf" value="([^"]+)"/.exec(text)
          if (token) this.csrf = token[1]!
          resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers })
        })
      })
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timeout after ${this.timeoutMs} ms`)))
      req.on('error', reject)
      req.end(body)
    })
  }
}
