import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-lock-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('lockDataDir', () => {
  it('stops a second process from opening the same data directory', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
    await new Promise((r) => child.once('spawn', r))
    writeFileSync(path.join(dir, 'gongkai.lock'), String(child.pid))
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError)
      expect(() => lockDataDir(dir)).toThrow('正被另一个 Gongkai 进程')
    } finally {
      child.kill()
      await new Promise((r) => child.once('exit', r))
    }
  })

  it('takes over a lock left by a process that is gone, and releases it', () => {
    writeFileSync(path.join(dir, 'gongkai.lock'), '999999999')
    const release = lockDataDir(dir)
    expect(readFileSync(path.join(dir, 'gongkai.lock'), 'utf8')).toBe(String(process.pid))
    release()
    expect(existsSync(path.join(dir, 'gongkai.lock'))).toBe(false)
  })
})
