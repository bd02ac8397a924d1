// Frozen in time: never import application code from a migration.
import type { Kysely } from 'kysely'

// The back-office lists of 公众诉求 page through cases newest first (received_at desc, id desc). Measured with
// bench/letters-lists.ts on 100,000 letters: without these indexes every list page sorted the whole queue and the
// 公开办's 已办结 page took 140–350 ms (PostgreSQL / PGlite) in the list query alone.
export async function up(db: Kysely<any>): Promise<void> {
  // A queue of the whole region (one state, or the majority states of 已办结) in page order; also counts per state.
  await db.schema.createIndex('letter_cases_queue_idx').on('letter_cases').columns(['region_id', 'state', 'received_at desc', 'id desc']).execute()
  // Queues of several states (待转办, 已办结): read in page order, filtered by state.
  await db.schema.createIndex('letter_cases_received_idx').on('letter_cases').columns(['region_id', 'received_at desc', 'id desc']).execute()
  // A unit's queues in page order; supersedes (unit_id, state).
  await db.schema.createIndex('letter_cases_unit_queue_idx').on('letter_cases').columns(['unit_id', 'state', 'received_at desc', 'id desc']).execute()
  await db.schema.dropIndex('letter_cases_unit_idx').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('letter_cases_unit_idx').on('letter_cases').columns(['unit_id', 'state']).execute()
  await db.schema.dropIndex('letter_cases_unit_queue_idx').execute()
  await db.schema.dropIndex('letter_cases_received_idx').execute()
  await db.schema.dropIndex('letter_cases_queue_idx').execute()
}
