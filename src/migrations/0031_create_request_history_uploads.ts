// Frozen in time: never import application code from a migration.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // 历史案件导入 in the back office: the uploaded file is kept between the dry run (检查) and the confirmation
  // (确认导入), so the cases imported are exactly the rows that were checked and shown. Only its uploader may confirm
  // it, once; imported_at and imported_count record the outcome.
  await db.schema
    .createTable('request_history_uploads')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    // 'csv' or 'xlsx', sniffed from the bytes, never the browser's claim.
    .addColumn('format', 'varchar(8)', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('content', sql`bytea`, (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('imported_at', 'timestamptz')
    .addColumn('imported_count', 'integer')
    .execute()
  await db.schema.createIndex('request_history_uploads_user_idx').on('request_history_uploads').columns(['user_id', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('request_history_uploads').execute()
}
