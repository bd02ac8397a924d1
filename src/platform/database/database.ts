/**
 * One code path for both databases: `pg` + Kysely's PostgresDialect. PostgreSQL when a URL is given,
 * otherwise PGlite (embedded, PG semantics) through its node-postgres adapter.
 */
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { Kysely, PostgresDialect, type KyselyConfig } from 'kysely'
import pg from 'pg'

// DATE columns stay 'YYYY-MM-DD' strings: a due date is a calendar date, not an instant.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value)
// COUNT(*) and bigserial come back as int8; our counts and sequence numbers fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value))


/** The platform knows no module's tables: the application's Database type lives in src/database.ts. */
export interface OpenedDatabase {
  readonly db: Kysely<any>
  readonly kind: 'pglite' | 'postgres'
  /** The PGlite instance, when embedded (for dumps in tests). */
  readonly pglite?: PGlite
  close(): Promise<void>
}

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; empty means PGlite. */
  url?: string
  /** PGlite data directory; 'memory://' or undefined keeps it in memory. */
  dataDir?: string
  /** A PGlite data-dir tarball to start from (test golden image). */
  loadDataDir?: Blob | File
  /** Search path for PostgreSQL (isolated test schemas). */
  schema?: string
  log?: KyselyConfig['log']
  poolSize?: number
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema},public` } : {}),
    })
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }), log: options.log })
    await db.selectNoFrom((eb) => eb.val(1).as('one')).execute()
    return { db, kind: 'postgres', close: () => db.destroy() }
  }
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    extensions: { pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  })
  // PGlite has a single connection: the pool must never hold a client across another query.
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 })
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }), log: options.log })
  return {
    db,
    kind: 'pglite',
    pglite,
    async close() {
      await db.destroy()
      await pglite.close()
    },
  }
}
