// Frozen in time: never import application code from a migration.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // The case as the lifecycle rules see it after its last event (status, receipt facts, clock events, 补正, consultations,
  // extension, fee, decision, delivery, remedies). Written with each event in the same transaction; request_events
  // keeps every event, so the snapshot can always be rebuilt.
  await db.schema.alterTable('request_cases').addColumn('rules_state', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('request_cases').dropColumn('rules_state').execute()
}
