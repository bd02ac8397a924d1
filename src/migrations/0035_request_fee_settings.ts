// Frozen in time: never import application code from a migration.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // 信息处理费 facts the 公开办 sets (国办函〔2020〕109号 as recalled, regulation.md §2 [M]): each change is one row, a
  // full snapshot of the configurable facts; the newest row is in force, and the rows are the change history. An empty
  // table means the code defaults (rules/fees.ts FEE_SCHEDULE), so a freshly migrated database restores unchanged.
  await db.schema
    .createTable('request_fee_settings')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('payment_working_days', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'varchar(10)', (c) => c.notNull())
    // [{ code, label, citation }]
    .addColumn('exemptions', 'jsonb', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('request_fee_settings').execute()
}
