// Frozen in time: never import application code from a migration.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // A calendar version is a whole snapshot: every declared date and the notices it rests on.
  // The newest version is the calendar in force; older versions stay for the trail of every deadline.
  await db.schema
    .createTable('calendar_versions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    // official_import | notice | amendment
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    // Why this version exists, e.g. 国办发明电〔2020〕1号 延长春节假期
    .addColumn('basis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by_user_id', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('calendar_entries')
    .addColumn('version_id', 'integer', (c) => c.notNull().references('calendar_versions.id'))
    .addColumn('date', 'date', (c) => c.notNull())
    // holiday | worked_weekend; every other date follows Monday–Friday
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('calendar_entries_pk', ['version_id', 'date'])
    .addCheckConstraint('calendar_entries_kind', sql`kind in ('holiday', 'worked_weekend')`)
    .execute()

  await db.schema
    .createTable('calendar_notices')
    .addColumn('version_id', 'integer', (c) => c.notNull().references('calendar_versions.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text')
    .addColumn('url', 'text')
    .addPrimaryKeyConstraint('calendar_notices_pk', ['version_id', 'position'])
    .execute()

  // Every statutory clock of every wing (requests, letters, publishing) is tracked here, so that an
  // amended calendar can recompute each open deadline and record the change on its case.
  await db.schema
    .createTable('tracked_clocks')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('subject_type', 'varchar(32)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('regime', 'varchar(16)', (c) => c.notNull())
    .addColumn('events', 'jsonb', (c) => c.notNull())
    // running | paused | stopped
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('due_on', 'date')
    .addColumn('provisional', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('calendar_version_id', 'integer', (c) => c.notNull().references('calendar_versions.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('tracked_clocks_subject', ['subject_type', 'subject_id'])
    .execute()
  await db.schema.createIndex('tracked_clocks_open_idx').on('tracked_clocks').columns(['state', 'due_on']).execute()

  await db.schema
    .createTable('clock_changes')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('clock_id', 'integer', (c) => c.notNull().references('tracked_clocks.id'))
    .addColumn('calendar_version_id', 'integer', (c) => c.notNull().references('calendar_versions.id'))
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    // deadline_changed | provisional_resolved
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('old_due_on', 'date')
    .addColumn('new_due_on', 'date')
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('clock_changes_clock_idx').on('clock_changes').column('clock_id').execute()
}
