// Frozen in time: never import application code from a migration.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // 公众诉求: one case per letter (区长/部门信箱, 市长信箱转办) or call (区长公开电话, 市长公开电话转办, 114阳光政务).
  await db.schema
    .createTable('letter_cases')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
    // 信件编号 shown to staff and to the writer: year + sequence.
    .addColumn('case_no', 'varchar(20)', (c) => c.notNull().unique())
    .addColumn('channel', 'varchar(32)', (c) => c.notNull())
    .addColumn('category', 'varchar(16)', (c) => c.notNull())
    // The department mailbox written to (部门信箱); null for the 区长信箱 and calls.
    .addColumn('addressed_unit_id', 'integer', (c) => c.references('organisations.id'))
    // The unit the case is dispatched to (承办单位), null until dispatched.
    .addColumn('unit_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    // Whether the writer agreed to the letter and its reply being published (选登); default no.
    .addColumn('publish_consent', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    // Contact details, SM4-sealed (platform/crypto/sm.ts); the masked forms are for lists.
    .addColumn('contact_name_sealed', 'text', (c) => c.notNull())
    .addColumn('contact_phone_sealed', 'text', (c) => c.notNull())
    .addColumn('contact_name_masked', 'varchar(40)', (c) => c.notNull())
    .addColumn('contact_phone_masked', 'varchar(24)', (c) => c.notNull())
    // 查询码: random, shown once on the receipt; with the last four digits of the phone it opens the follow-up page.
    .addColumn('query_code', 'varchar(16)', (c) => c.notNull().unique())
    // A token of the form the letter came from: a double submission finds the same case.
    .addColumn('idempotency_key', 'varchar(64)', (c) => c.unique())
    // SM3 of the sender's address with a secret: flood protection without storing the address.
    .addColumn('source_hash', 'varchar(64)')
    .addColumn('received_on', 'date', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('extended', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('reply_text', 'text')
    .addColumn('replied_at', 'timestamptz')
    .addColumn('released_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('not_accepted_reason', 'varchar(32)')
    .addColumn('screening_note', 'text')
    // 并单: the case this one was merged into.
    .addColumn('merged_into_id', 'integer', (c) => c.references('letter_cases.id'))
    .addColumn('satisfaction', 'varchar(24)')
    .addColumn('supervision_grade', 'varchar(16)')
    .addColumn('answered_on_spot', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    // 督办: when the overdue case was escalated (null = never).
    .addColumn('escalated_at', 'timestamptz')
    .addColumn('registered_by_user_id', 'integer', (c) => c.references('users.id'))
    .execute()
  await db.schema.createIndex('letter_cases_state_idx').on('letter_cases').columns(['state', 'received_on']).execute()
  // The due date lives in tracked_clocks (subject_type 'letter_case'), which calendar amendments recompute.
  await db.schema.createIndex('letter_cases_unit_idx').on('letter_cases').columns(['unit_id', 'state']).execute()
  await db.schema.createIndex('letter_cases_source_idx').on('letter_cases').columns(['source_hash', 'received_at']).execute()

  // Every change of a case, in the transaction that makes it: legal date (effective_on) and recorded time.
  await db.schema
    .createTable('letter_events')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('letter_cases.id'))
    .addColumn('type', 'varchar(24)', (c) => c.notNull())
    .addColumn('from_state', 'varchar(16)')
    .addColumn('to_state', 'varchar(16)', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    // public: the writer (rating, 没有解决); system: the scheduler (督办).
    .addColumn('actor_kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('effective_on', 'date', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute()
  await db.schema.createIndex('letter_events_case_idx').on('letter_events').columns(['case_id', 'id']).execute()

  // 附件 of a letter, sniffed and size-limited like the catalogue's.
  await db.schema
    .createTable('letter_attachments')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('letter_cases.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'varchar(128)', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('content', sql`bytea`, (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('letter_attachments_case_idx').on('letter_attachments').columns(['case_id', 'position']).execute()
}
