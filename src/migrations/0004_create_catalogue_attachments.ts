// Frozen in time: never import application code from a migration.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // 附件 of an edition. Bytes live in the database so that backup and restore carry them (a file store
  // for large installations is a later step); a new edition copies its predecessor's attachments.
  await db.schema
    .createTable('catalogue_attachments')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('catalogue_items.id'))
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('catalogue_editions.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    // The type sniffed from the bytes, never the browser's claim.
    .addColumn('media_type', 'varchar(128)', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('content', sql`bytea`, (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('catalogue_attachments_edition_idx').on('catalogue_attachments').columns(['edition_id', 'position']).execute()
}
