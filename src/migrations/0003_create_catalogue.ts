// Frozen in time: never import application code from a migration.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // 索引号 serials per publisher and year: never reused, even when a draft is deleted or withdrawn.
  await db.schema
    .createTable('index_no_counters')
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('index_no_counters_pk', ['organisation_id', 'year'])
    .execute()

  // A catalogue item (政府信息公开目录 entry): identity that outlives its editions.
  await db.schema
    .createTable('catalogue_items')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    // 发布机构 as of the item's date (a dissolved body stays the publisher of its records).
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('index_no', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('first_published_at', 'timestamptz')
    // The edition the public sees (null until first published).
    .addColumn('live_edition_id', 'integer')
    // published | withdrawn | unpublished (never published yet)
    .addColumn('public_state', 'varchar(16)', (c) => c.notNull().defaultTo('unpublished'))
    .addColumn('created_by_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('catalogue_items_org_idx').on('catalogue_items').columns(['organisation_id', 'public_state']).execute()

  // An edition: the content and metadata at one point of the workflow (Whitehall's Edition).
  await db.schema
    .createTable('catalogue_editions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('catalogue_items.id'))
    // 1, 2, … in order of creation; the public version number counts published editions only.
    .addColumn('edition_no', 'integer', (c) => c.notNull())
    // draft | submitted | rejected | approved | scheduled | published | superseded | withdrawn
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issuing_body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('doc_no', 'text')
    .addColumn('written_on', 'date', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('genre', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('section', 'varchar(16)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    // proactive | on_request | not_disclosed, with the basis when not proactive
    .addColumn('disclosure', 'varchar(16)', (c) => c.notNull().defaultTo('proactive'))
    .addColumn('disclosure_basis', 'text', (c) => c.notNull().defaultTo(''))
    // in_force | expired | repealed | null (not a normative document)
    .addColumn('validity', 'varchar(16)')
    .addColumn('effective_on', 'date')
    .addColumn('expires_on', 'date')
    .addColumn('change_kind', 'varchar(8)', (c) => c.notNull().defaultTo('major'))
    .addColumn('change_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('publish_at', 'timestamptz')
    .addColumn('published_at', 'timestamptz')
    .addColumn('version_no', 'integer')
    // Force-published by a 单位负责人: listed for review until someone else approves it retrospectively.
    .addColumn('needs_review', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('withdrawal_kind', 'varchar(24)')
    .addColumn('withdrawal_explanation', 'text')
    .addColumn('created_by_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('approved_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('published_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('catalogue_editions_no', ['item_id', 'edition_no'])
    .execute()
  await db.schema.createIndex('catalogue_editions_state_idx').on('catalogue_editions').columns(['state', 'item_id']).execute()
  await db.schema.createIndex('catalogue_editions_doc_no_idx').on('catalogue_editions').column('doc_no').execute()

  // Every workflow step, with legal and recorded time.
  await db.schema
    .createTable('catalogue_events')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('catalogue_items.id'))
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('catalogue_editions.id'))
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute()
  await db.schema.createIndex('catalogue_events_item_idx').on('catalogue_events').column('item_id').execute()

  // Privacy gate results per edition; an override records who accepted a finding and why.
  await db.schema
    .createTable('privacy_reviews')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('catalogue_editions.id'))
    .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('findings', 'jsonb', (c) => c.notNull())
    .addColumn('scanned_at', 'timestamptz', (c) => c.notNull())
    .addColumn('overridden_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('override_reason', 'text')
    .execute()
  await db.schema.createIndex('privacy_reviews_edition_idx').on('privacy_reviews').column('edition_id').execute()

  // Channels an item also went out on (年度报告 statistics): 网站, 政务微博, 政务微信, 政府公报, 公告栏/电子屏, 报刊广播电视.
  await db.schema
    .createTable('catalogue_channels')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('catalogue_items.id'))
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('published_on', 'date', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull().defaultTo(''))
    .execute()

  // The public search index of live editions: jieba tokens in a 'simple' tsvector, trigram on title and 文号.
  await db.schema
    .createTable('catalogue_search')
    .addColumn('item_id', 'integer', (c) => c.primaryKey().references('catalogue_items.id'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull())
    .addColumn('section', 'varchar(16)', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('validity', 'varchar(16)')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text')
    .addColumn('tokens', sql`tsvector`, (c) => c.notNull())
    .execute()
  await sql`create index catalogue_search_tokens_idx on catalogue_search using gin (tokens)`.execute(db)
  await sql`create index catalogue_search_title_trgm_idx on catalogue_search using gin (title gin_trgm_ops)`.execute(db)
  await sql`create index catalogue_search_doc_no_trgm_idx on catalogue_search using gin (doc_no gin_trgm_ops)`.execute(db)
  await db.schema.createIndex('catalogue_search_published_idx').on('catalogue_search').column('published_at').execute()
}
