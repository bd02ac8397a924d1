// Frozen in time: never import application code from a migration.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // 整改督办: a 差评整改 task still open past its due date is escalated once by the hourly letters-escalation job; the
  // time it was (null = not yet). Set by one UPDATE … WHERE escalated_at IS NULL, so a second run writes nothing.
  await db.schema.alterTable('letter_rectifications').addColumn('escalated_at', 'timestamptz').execute()
  // The job's sweep: open tasks not yet escalated, by due date.
  await sql`create index letter_rectifications_due_idx on letter_rectifications (due_on) where state = 'open' and escalated_at is null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index letter_rectifications_due_idx`.execute(db)
  await db.schema.alterTable('letter_rectifications').dropColumn('escalated_at').execute()
}
