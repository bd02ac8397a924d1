// Frozen in time: never import application code from a migration.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // 主题分类 an installation adds to the built-in gov.cn scheme (whose second level is partly recalled, [M]).
  // A row with second_level '' adds a first-level class. Removal is recorded, never deleted: who changed what.
  await db.schema
    .createTable('catalogue_topics')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('first_level', 'varchar(40)', (c) => c.notNull())
    .addColumn('second_level', 'varchar(40)', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('added_by_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull())
    .addColumn('removed_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('removed_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('catalogue_topics_live_uq').on('catalogue_topics').columns(['first_level', 'second_level']).unique()
    .where(sql.ref('removed_at'), 'is', null).execute()

  // 索引号 pattern per publisher (regulation.md §5.2), as a history: the latest row is in force. The counters in
  // index_no_counters go on across changes, so a new pattern never hands out a serial already used.
  await db.schema
    .createTable('index_no_patterns')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    // e.g. {unit}/{yyyy}-{serial:05} or {unit}/{yyyy}{mm}-{serial:05}
    .addColumn('pattern', 'varchar(80)', (c) => c.notNull())
    // uscc (统一社会信用代码, 18) | org_code (组织机构代码, 9) | local (the platform's unit code or a local scheme)
    .addColumn('code_kind', 'varchar(16)', (c) => c.notNull())
    // What {unit} stands for.
    .addColumn('code', 'varchar(32)', (c) => c.notNull())
    .addColumn('set_by_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('set_at', 'timestamptz', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('index_no_patterns_org_idx').on('index_no_patterns').columns(['organisation_id', 'id']).execute()

  // 敏感词 of the installation, checked by the privacy gate on submit and publish. word_key is the word folded for
  // matching (full-width → half-width, lower case, no spaces) so that one word cannot be listed twice. Empty until the
  // first change: until then the built-in list is in force, and the first change writes it here (no rows from a
  // migration, so that a freshly migrated database stays empty for a restore).
  await db.schema
    .createTable('sensitive_words')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('word', 'varchar(30)', (c) => c.notNull())
    .addColumn('word_key', 'varchar(30)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    // null for the built-in starting list
    .addColumn('added_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('removed_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('removed_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('sensitive_words_live_uq').on('sensitive_words').column('word_key').unique()
    .where(sql.ref('removed_at'), 'is', null).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sensitive_words').execute()
  await db.schema.dropTable('index_no_patterns').execute()
  await db.schema.dropTable('catalogue_topics').execute()
}
