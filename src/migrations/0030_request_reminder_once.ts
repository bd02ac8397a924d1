// Frozen in time: never import application code from a migration.
import { sql, type Kysely } from 'kysely'

// 依申请公开 reminders (due soon → overdue → 督办) are written by one INSERT … SELECT … ON CONFLICT DO NOTHING over all
// open cases (the reminder job). This index is what makes that idempotent under concurrency: a case gets at most one
// event of each reminder kind per due date, however often and in however many processes the job runs. Before it,
// the job locked each case in a transaction of its own: 27–50 s for a first run over 10,000 open cases
// (bench/requests-lists.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create unique index request_events_reminder_once on request_events (case_id, type, (details->>'dueOn'))
    where type in ('reminder_due_soon', 'reminder_overdue', 'supervision_requested')`.execute(db)
  // Cases under 督办 (the 公开办's automatic supervision_requested and manual supervised events), for the unit's list.
  await sql`create index request_events_supervision_idx on request_events (case_id) where type in ('supervision_requested', 'supervised')`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('request_events_supervision_idx').execute()
  await db.schema.dropIndex('request_events_reminder_once').execute()
}
