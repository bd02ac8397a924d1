// Frozen in time: never import application code from a migration.
import { sql, type Kysely } from 'kysely'

// 公众诉求 operations (issue 6): the 办理时限 table, the 转办目录 and the follow-up settings become data the 公开办
// edits; attachments on replies and calls; 好差评 整改 and 申诉复核 (国办发〔2019〕51号).
// The three settings tables start empty: until the 公开办 first changes one, the rules use the code defaults of
// letters/rules (reply-limits.ts, routing.ts, follow-up.ts), which the first change copies in (letter-config.ts).
// A migrated database stays empty, as backup restore requires.
export async function up(db: Kysely<any>): Promise<void> {
  // 办理时限 per channel × category ('' = any): the most specific row applies (channel beats category beats default).
  await db.schema
    .createTable('letter_reply_limits')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('channel', 'varchar(32)', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'varchar(16)', (c) => c.notNull().defaultTo(''))
    .addColumn('working_days', 'integer', (c) => c.notNull().check(sql`working_days between 1 and 60`))
    .addColumn('citation', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('letter_reply_limits_key', ['channel', 'category'])
    .execute()

  // 转办目录: the unit (by organisation code) a letter with these words probably belongs to; only a suggestion.
  await db.schema
    .createTable('letter_routing_rows')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('unit_code', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('keywords', 'jsonb', (c) => c.notNull())
    // Only letters of these categories; empty = every category.
    .addColumn('categories', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  // Numbers of the wing that are local choices ([M]): extension limit, follow-up window, reopen limit, 整改 period.
  await db.schema
    .createTable('letter_settings')
    .addColumn('key', 'varchar(48)', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  // Every change of the three tables above: who, when, what before and after (also in the audit log).
  await db.schema
    .createTable('letter_config_changes')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .execute()

  await db.schema.alterTable('letter_cases')
    // The 办理时限 the case was given at its latest dispatch (a later change of the table does not move it).
    .addColumn('limit_working_days', 'integer')
    .addColumn('limit_citation', 'text')
    // When the writer last rated; 申诉复核 may void the rating (then it is left out of satisfaction statistics).
    .addColumn('rated_at', 'timestamptz')
    .addColumn('satisfaction_voided', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute()

  await db.schema.alterTable('letter_attachments')
    // letter: the writer's; reply: the unit's reply (event_id = the reply event); call: the operator's.
    .addColumn('kind', 'varchar(8)', (c) => c.notNull().defaultTo('letter'))
    .addColumn('event_id', 'integer', (c) => c.references('letter_events.id'))
    .execute()

  // 差评整改 and 申诉复核: one task per 差评; the rated case may be a letter merged into the handled case.
  await db.schema
    .createTable('letter_rectifications')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('letter_cases.id'))
    .addColumn('rated_case_id', 'integer', (c) => c.notNull().references('letter_cases.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('satisfaction', 'varchar(24)', (c) => c.notNull())
    // open → rectified | appealed; appealed → open (评价维持) | voided (评价撤销).
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('opened_on', 'date', (c) => c.notNull())
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('rectification_note', 'text')
    .addColumn('follow_up_result', 'text')
    .addColumn('rectified_at', 'timestamptz')
    .addColumn('appeal_reason', 'text')
    .addColumn('appealed_at', 'timestamptz')
    .addColumn('review_note', 'text')
    .addColumn('reviewed_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('letter_rectifications_case_idx').on('letter_rectifications').columns(['case_id']).execute()
  await db.schema.createIndex('letter_rectifications_unit_idx').on('letter_rectifications').columns(['unit_id', 'state']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('letter_rectifications').execute()
  await db.schema.alterTable('letter_attachments').dropColumn('event_id').dropColumn('kind').execute()
  await db.schema.alterTable('letter_cases').dropColumn('satisfaction_voided').dropColumn('rated_at').dropColumn('limit_citation').dropColumn('limit_working_days').execute()
  await db.schema.dropTable('letter_config_changes').execute()
  await db.schema.dropTable('letter_settings').execute()
  await db.schema.dropTable('letter_routing_rows').execute()
  await db.schema.dropTable('letter_reply_limits').execute()
}
