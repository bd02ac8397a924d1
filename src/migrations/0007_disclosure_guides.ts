// Frozen in time: never import application code from a migration.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Each unit's 政府信息公开指南 settings (条例 第十二条): the working body and how to reach it. One row per unit; a unit
  // without a row has not filled in its guide yet (the portal says so rather than showing empty fields).
  await db.schema
    .createTable('disclosure_guides')
    .addColumn('organisation_id', 'integer', (c) => c.primaryKey().references('organisations.id'))
    // 政府信息公开工作机构 name, e.g. 区财政局办公室
    .addColumn('office_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('address', 'varchar(200)', (c) => c.notNull())
    .addColumn('office_hours', 'varchar(200)', (c) => c.notNull())
    .addColumn('phone', 'varchar(60)', (c) => c.notNull())
    .addColumn('fax', 'varchar(60)', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'varchar(120)', (c) => c.notNull().defaultTo(''))
    .addColumn('postcode', 'varchar(6)', (c) => c.notNull().defaultTo(''))
    // 受理渠道 keys: in_person | post | fax | email
    .addColumn('channels', 'jsonb', (c) => c.notNull().defaultTo('[]'))
    // Free text the unit writes itself (plain text, paragraphs separated by blank lines; rendered escaped).
    .addColumn('introduction', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('additional_notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_by_user_id', 'integer', (c) => c.references('users.id'))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('disclosure_guides').execute()
}
