/**
 * Opening the configured database the way every command needs it: PGlite under DATA_DIR with its
 * lock file, or PostgreSQL from DATABASE_URL.
 */
import path from 'node:path'
import type { Config } from './config.ts'
import type { Db } from './database.ts'
import { lockDataDir } from './platform/database/data-dir-lock.ts'
import { openDatabase } from './platform/database/database.ts'

export interface Runtime {
  db: Db
  kind: 'pglite' | 'postgres'
  close(): Promise<void>
}

export async function openConfiguredDatabase(config: Config): Promise<Runtime> {
  if (config.databaseUrl) {
    const opened = await openDatabase({ url: config.databaseUrl })
    return { db: opened.db as Db, kind: 'postgres', close: () => opened.close() }
  }
  const release = lockDataDir(config.dataDir)
  try {
    const opened = await openDatabase({ dataDir: path.join(config.dataDir, 'pgdata') })
    return {
      db: opened.db as Db,
      kind: 'pglite',
      async close() {
        await opened.close()
        release()
      },
    }
  } catch (error) {
    release()
    throw error
  }
}
