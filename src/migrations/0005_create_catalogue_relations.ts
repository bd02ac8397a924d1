// Frozen in time: never import application code from a migration.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // An edition that amends or repeals other catalogue items (by their 索引号 at the time of entry).
  await db.schema
    .createTable('catalogue_relations')
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('catalogue_editions.id'))
    .addColumn('target_item_id', 'integer', (c) => c.notNull().references('catalogue_items.id'))
    // amends | repeals
    .addColumn('relation', 'varchar(16)', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalogue_relations_pk', ['edition_id', 'target_item_id'])
    .execute()
  await db.schema.createIndex('catalogue_relations_target_idx').on('catalogue_relations').column('target_item_id').execute()
}
