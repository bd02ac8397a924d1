/**
 * PGlite has no cross-process lock: two processes on one data directory would corrupt it.
 * A lock file holding the owner's pid stops a second process; a lock left by a dead process is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import path from 'node:path'

export class DataDirLockedError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Takes the lock on `dir`; returns a release function. Throws DataDirLockedError if another live process holds it. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'gongkai.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      let released = false
      const release = () => {
        if (released) return
        released = true
        try { if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file) } catch { /* already gone */ }
      }
      process.once('exit', release)
      return release
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const pid = Number(readFileSync(file, 'utf8').trim())
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new DataDirLockedError(`数据目录 ${dir} 正被另一个 Gongkai 进程（pid ${pid}）使用。嵌入式数据库只能由一个进程打开；请先停止那个进程，或改用 PostgreSQL（设置 DATABASE_URL）。`)
      }
      unlinkSync(file) // stale: its owner is gone
    }
  }
  throw new DataDirLockedError(`无法锁定数据目录 ${dir}`)
}
