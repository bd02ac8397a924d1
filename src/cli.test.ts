/** The gongkai command as an administrator runs it: real processes on real data directories. */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from './platform/database/database.ts'

const root = mkdtempSync(path.join(tmpdir(), 'gongkai-cli-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
const bin = new URL('../bin/gongkai.js', import.meta.url).pathname

// Asynchronous on purpose: a blocking spawn would stall the test worker's own messages.
function gongkai(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: stdout, err: stderr })
    })
  })
}

describe('gongkai CLI', () => {
  const dirA = path.join(root, 'a')
  const dirB = path.join(root, 'b')
  const backup = path.join(root, 'backup.ndjson')

  it('loads the demo data, creates an administrator, backs up, restores, and verifies the audit chain', { timeout: 300_000 }, async () => {
    const seeded = await gongkai(['seed-demo'], { DATA_DIR: dirA })
    expect(seeded.err).toBe('')
    expect(seeded.out).toMatch(/已载入演示数据：\d+ 个单位，13 个演示账号/)

    const admin = await gongkai(['create-admin', '--username', 'ops.admin', '--name', '运维', '--role', 'system_admin'], { DATA_DIR: dirA })
    expect(admin.out).toContain('已创建系统管理员账号 ops.admin')
    expect(admin.out).toMatch(/初始密码（只显示这一次）：\S{10,}/)
    expect((await gongkai(['create-admin', '--username', 'ops.admin', '--name', '运维'], { DATA_DIR: dirA })).err).toContain('已存在')
    expect((await gongkai(['create-admin', '--username', 'ops.other', '--name', '运维', '--password', 'weak'], { DATA_DIR: dirA })).err).toContain('密码至少需要 10 个字符')

    const saved = await gongkai(['backup', backup], { DATA_DIR: dirA })
    expect(saved.out).toContain(`已从嵌入式数据库备份到 ${backup}`)
    const restored = await gongkai(['restore', backup], { DATA_DIR: dirB })
    expect(restored.out).toMatch(/已恢复到嵌入式数据库：.*users 14/)
    const verified = await gongkai(['audit', 'verify'], { DATA_DIR: dirB })
    expect(verified.code).toBe(0)
    expect(verified.out).toContain('审计日志完整：已校验 1 条记录')
  })

  it('exits 1 and names the row when the audit log was edited behind its back', { timeout: 120_000 }, async () => {
    const opened = await openDatabase({ dataDir: path.join(dirB, 'pgdata') })
    await sql`alter table audit_log disable trigger audit_log_no_change`.execute(opened.db)
    await sql`update audit_log set actor_username = 'mallory' where seq = 1`.execute(opened.db)
    await opened.close()
    const verified = await gongkai(['audit', 'verify'], { DATA_DIR: dirB })
    expect(verified.code).toBe(1)
    expect(verified.out).toContain('审计日志被篡改')
    expect(verified.out).toContain('第 1 条：记录内容与其哈希不符（记录被改动）')
  })

  it('refuses to start in production on a database with demo data, and with default secrets', { timeout: 120_000 }, async () => {
    const production = {
      NODE_ENV: 'production', DATA_DIR: dirA, PORT: '0', PUBLIC_URL: 'https://gk.example.gov.cn', SESSION_SECRET: 's'.repeat(40),
      DATA_ENCRYPTION_KEY: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', SITE_ID_CODE: '5002340001', SITE_ICP: '渝ICP备1号',
    }
    const demo = await gongkai(['start'], production)
    expect(demo.code).toBe(1)
    expect(demo.err).toContain('生产环境拒绝使用演示数据')
    const defaults = await gongkai(['start'], { NODE_ENV: 'production', DATA_DIR: dirA })
    expect(defaults.code).toBe(1)
    expect(defaults.err).toContain('生产环境必须设置 SESSION_SECRET')
    expect((await gongkai(['seed-demo'], production)).err).toContain('生产环境不能载入演示数据')
  })

  it('explains an unknown command', { timeout: 60_000 }, async () => {
    const r = await gongkai(['frobnicate'], { DATA_DIR: dirA })
    expect(r.code).not.toBe(0)
    expect(r.err).toContain('frobnicate')
  })
})
