// Frozen in time: never import application code from a migration.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // 信件选登: a letter whose writer agreed to publication is not published by its release; the 公开办 reviews the
  // anonymised letter and reply, may edit the redactions, and approves or declines with a reason. One row per case,
  // written at the decision; an approved row may later be withdrawn from the portal (with a reason).
  await db.schema
    .createTable('letter_publications')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull().unique().references('letter_cases.id'))
    .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
    // approved (on the portal), declined (never shown), withdrawn (was shown, taken down).
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    // The texts as published: anonymised by the scan and edited by the 公开办; never the originals.
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('reply', 'text', (c) => c.notNull())
    // Why it was declined or withdrawn; empty for an approval.
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_by_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz')
    .addColumn('withdrawn_at', 'timestamptz')
    .execute()
  // The portal's list: approved letters of a region, newest publication first.
  await db.schema.createIndex('letter_publications_portal_idx').on('letter_publications').columns(['region_id', 'state', 'published_at desc']).execute()
  // The 选登 queue: consenting letters, released or closed, that have no decision yet.
  await sql`create index letter_cases_consent_idx on letter_cases (region_id, released_at desc) where publish_consent`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index letter_cases_consent_idx`.execute(db)
  await db.schema.dropTable('letter_publications').execute()
}
