import { Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely'
import { migrations } from '../../migrations/index.ts'

/** Applies all pending migrations in order; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  // Kysely looks for its migration tables in every schema unless told which one: with a second schema on the same
  // server holding them (parallel test and benchmark schemas), it would skip creating its own and then fail.
  const schema = (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) })
  const result = await migrator.migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')
    throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${String((result.error as Error).message ?? result.error)}`)
  }
  return result
}
