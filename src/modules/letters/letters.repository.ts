/** Kysely queries of the letters wing: rows in, domain values out. Contact details stay sealed here. */
import { sql } from 'kysely'
import type { Executor } from '../../database.ts'
import type { CaseState, CategoryKey, ChannelKey, NotAcceptedReason, Satisfaction, SupervisionGrade } from './rules/index.ts'

/** 公众诉求 case: a letter or a call, with a channel. */
export interface LetterCase {
  id: number
  regionId: number
  caseNo: string
  channel: ChannelKey
  category: CategoryKey
  addressedUnitId: number | null
  unitId: number | null
  subject: string
  content: string
  publishConsent: boolean
  state: CaseState
  contactNameMasked: string
  contactPhoneMasked: string
  receivedOn: string
  receivedAt: Date
  dueOn: string | null
  extended: boolean
  replyText: string | null
  repliedAt: Date | null
  releasedAt: Date | null
  closedAt: Date | null
  notAcceptedReason: NotAcceptedReason | null
  screeningNote: string | null
  mergedIntoId: number | null
  satisfaction: Satisfaction | null
  supervisionGrade: SupervisionGrade | null
  answeredOnSpot: boolean
  reopenCount: number
  escalatedAt: Date | null
  /** The 话务员 who registered a call (null for written letters). */
  registeredByUserId: number | null
  /** The 办理时限 given at the latest dispatch and its basis (null before migration 0033 or before dispatch). */
  limitWorkingDays: number | null
  limitCitation: string | null
  ratedAt: Date | null
  /** 申诉复核 voided the rating: it is left out of satisfaction statistics (rules countsInSatisfaction). */
  satisfactionVoided: boolean
}

/** One change of a case. */
export interface LetterEvent {
  id: number
  caseId: number
  type: string
  fromState: CaseState | null
  toState: CaseState
  unitId: number | null
  actorUserId: number | null
  actorKind: 'staff' | 'public' | 'system'
  effectiveOn: string
  recordedAt: Date
  reason: string
  details: Record<string, unknown>
}

const CASE_COLUMNS = [
  'id', 'region_id', 'case_no', 'channel', 'category', 'addressed_unit_id', 'unit_id', 'subject', 'content', 'publish_consent', 'state', 'contact_name_masked', 'contact_phone_masked',
  'received_on', 'received_at', 'extended', 'reply_text', 'replied_at', 'released_at', 'closed_at', 'not_accepted_reason', 'screening_note', 'merged_into_id',
  'satisfaction', 'supervision_grade', 'answered_on_spot', 'reopen_count', 'escalated_at', 'registered_by_user_id', 'limit_working_days', 'limit_citation', 'rated_at', 'satisfaction_voided',
] as const

const CASES = 'letter_cases' as const

/** Cases with the due date of their running reply clock (tracked_clocks, kept current by calendar amendments). */
function casesWithClock(db: Executor) {
  return db.selectFrom(CASES)
    .leftJoin('tracked_clocks as tc', (join) => join.on('tc.subject_type', '=', 'letter_case').on(sql<boolean>`tc.subject_id = letter_cases.id::text`))
    .select(CASE_COLUMNS.map((c) => `letter_cases.${c}` as const))
    .select(sql<string | null>`case when tc.state = 'stopped' then null else tc.due_on end`.as('due_on'))
}

function toCase(r: any): LetterCase {
  return {
    id: r.id, regionId: r.region_id, caseNo: r.case_no, channel: r.channel, category: r.category, addressedUnitId: r.addressed_unit_id, unitId: r.unit_id, subject: r.subject,
    content: r.content, publishConsent: r.publish_consent, state: r.state, contactNameMasked: r.contact_name_masked, contactPhoneMasked: r.contact_phone_masked,
    receivedOn: r.received_on, receivedAt: r.received_at, dueOn: r.due_on ?? null, extended: r.extended, replyText: r.reply_text, repliedAt: r.replied_at, releasedAt: r.released_at,
    closedAt: r.closed_at, notAcceptedReason: r.not_accepted_reason, screeningNote: r.screening_note, mergedIntoId: r.merged_into_id, satisfaction: r.satisfaction,
    supervisionGrade: r.supervision_grade, answeredOnSpot: r.answered_on_spot, reopenCount: r.reopen_count, escalatedAt: r.escalated_at,
    registeredByUserId: r.registered_by_user_id, limitWorkingDays: r.limit_working_days, limitCitation: r.limit_citation, ratedAt: r.rated_at, satisfactionVoided: r.satisfaction_voided,
  }
}

function toEvent(r: any): LetterEvent {
  return {
    id: r.id, caseId: r.case_id, type: r.type, fromState: r.from_state, toState: r.to_state, unitId: r.unit_id, actorUserId: r.actor_user_id, actorKind: r.actor_kind,
    effectiveOn: r.effective_on, recordedAt: r.recorded_at, reason: r.reason, details: r.details ?? {},
  }
}

export async function findCase(db: Executor, id: number): Promise<LetterCase | undefined> {
  const r = await casesWithClock(db).where('letter_cases.id', '=', id).executeTakeFirst()
  return r ? toCase(r) : undefined
}

/** The case row locked for an update (SELECT … FOR UPDATE), inside a transaction. */
export async function lockCase(trx: Executor, id: number): Promise<LetterCase | undefined> {
  const locked = await trx.selectFrom('letter_cases').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
  return locked ? findCase(trx, id) : undefined
}

export async function findCaseByQueryCode(db: Executor, queryCode: string): Promise<(LetterCase & { phoneSealed: string }) | undefined> {
  const r = await casesWithClock(db).select('letter_cases.contact_phone_sealed').where('letter_cases.query_code', '=', queryCode).executeTakeFirst()
  return r ? { ...toCase(r), phoneSealed: r.contact_phone_sealed } : undefined
}

export async function findCaseByIdempotencyKey(db: Executor, key: string): Promise<(LetterCase & { queryCode: string }) | undefined> {
  const r = await casesWithClock(db).select('letter_cases.query_code').where('letter_cases.idempotency_key', '=', key).executeTakeFirst()
  return r ? { ...toCase(r), queryCode: r.query_code } : undefined
}

/** The sealed contact details of a case, for staff who handle it. */
export async function sealedContact(db: Executor, id: number): Promise<{ nameSealed: string; phoneSealed: string } | undefined> {
  const r = await db.selectFrom('letter_cases').select(['contact_name_sealed', 'contact_phone_sealed']).where('id', '=', id).executeTakeFirst()
  return r ? { nameSealed: r.contact_name_sealed, phoneSealed: r.contact_phone_sealed } : undefined
}

export async function countFromSource(db: Executor, sourceHash: string, since: Date): Promise<number> {
  const r = await db.selectFrom('letter_cases').select((eb) => eb.fn.countAll<string>().as('n')).where('source_hash', '=', sourceHash).where('received_at', '>=', since).executeTakeFirstOrThrow()
  return Number(r.n)
}

export async function eventsOfCase(db: Executor, caseId: number): Promise<LetterEvent[]> {
  return (await db.selectFrom('letter_events').selectAll().where('case_id', '=', caseId).orderBy('id').execute()).map(toEvent)
}

export async function insertEvent(trx: Executor, event: Omit<LetterEvent, 'id' | 'details'> & { details?: Record<string, unknown> }): Promise<number> {
  const row = await trx.insertInto('letter_events').values({
    case_id: event.caseId, type: event.type, from_state: event.fromState, to_state: event.toState, unit_id: event.unitId, actor_user_id: event.actorUserId,
    actor_kind: event.actorKind, effective_on: event.effectiveOn, recorded_at: event.recordedAt, reason: event.reason, details: JSON.stringify(event.details ?? {}),
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export interface CaseFilter {
  regionId: number
  /** Only cases dispatched to this unit. */
  unitId?: number
  states?: readonly CaseState[]
  /** Open cases whose due date is on or before this date. */
  dueBy?: string
  /** Only cases of these channels (the hotline queue). */
  channels?: readonly ChannelKey[]
  /** Only calls registered by this user (a 话务员's own calls). */
  registeredBy?: number
  limit: number
  offset: number
}

/**
 * A page of cases, newest first, with the total. The page of ids is chosen on letter_cases alone (indexes in page
 * order, migration 0021) and only those rows are joined to their clocks; the count needs no join either. A caller
 * that has already counted the queue (countByState) passes `knownTotal` and no count is run.
 */
export async function listCases(db: Executor, filter: CaseFilter & { knownTotal?: number }): Promise<{ rows: LetterCase[]; total: number }> {
  const newestFirst = <Q extends { orderBy: (...a: any[]) => any }>(q: Q) => q.orderBy('letter_cases.received_at', 'desc').orderBy('letter_cases.id', 'desc') as Q
  if (filter.dueBy) {
    let q = casesWithClock(db).where('letter_cases.region_id', '=', filter.regionId)
    if (filter.unitId !== undefined) q = q.where('letter_cases.unit_id', '=', filter.unitId)
    if (filter.states?.length) q = q.where('letter_cases.state', 'in', filter.states as CaseState[])
    q = q.where('tc.state', '<>', 'stopped').where('tc.due_on', '<=', filter.dueBy)
    // Sequential: PGlite has one connection (DESIGN.md §2).
    const rows = await newestFirst(q).limit(filter.limit).offset(filter.offset).execute()
    const total = await q.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    return { rows: rows.map(toCase), total: Number(total.n) }
  }
  let ids = db.selectFrom(CASES).where('letter_cases.region_id', '=', filter.regionId)
  if (filter.unitId !== undefined) ids = ids.where('letter_cases.unit_id', '=', filter.unitId)
  if (filter.channels) ids = ids.where('letter_cases.channel', 'in', filter.channels as ChannelKey[])
  if (filter.registeredBy !== undefined) ids = ids.where('letter_cases.registered_by_user_id', '=', filter.registeredBy)
  if (filter.states?.length) ids = ids.where('letter_cases.state', 'in', filter.states as CaseState[])
  const pageIds = newestFirst(ids.select('letter_cases.id')).limit(filter.limit).offset(filter.offset)
  const rows = await newestFirst(casesWithClock(db).where('letter_cases.id', 'in', pageIds)).execute()
  const total = filter.knownTotal ?? Number((await ids.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)
  return { rows: rows.map(toCase), total }
}

/** Counts of cases per state for a region, or one unit. */
export async function countByState(db: Executor, regionId: number, unitId?: number): Promise<Record<string, number>> {
  let q = db.selectFrom('letter_cases').select(['state', (eb) => eb.fn.countAll<string>().as('n')]).where('region_id', '=', regionId).groupBy('state')
  if (unitId !== undefined) q = q.where('unit_id', '=', unitId)
  return Object.fromEntries((await q.execute()).map((r) => [r.state, Number(r.n)]))
}

/** Cases merged into this one (并单). */
export async function mergedInto(db: Executor, caseId: number): Promise<LetterCase[]> {
  return (await casesWithClock(db).where('letter_cases.merged_into_id', '=', caseId).orderBy('letter_cases.id').execute()).map(toCase)
}

/** Queue counts stop at this many (the tabs then say "1,000+"): a count never reads more than COUNT_CAP + 1 index entries. */
export const COUNT_CAP = 1000

/**
 * Cases per queue (a queue is a set of states) of a region, each counted up to COUNT_CAP + 1 with a LIMIT over the
 * queue index (migration 0021) instead of a scan of the region (a unit's are counted exactly, and capped the same way): measured with bench/letters-lists.ts, the
 * uncapped count per state took 40–50 ms at 100,000 letters on PostgreSQL on every list page.
 */
export async function countQueuesCapped(db: Executor, regionId: number, unitId: number | undefined, queues: readonly { key: string; states: readonly CaseState[] }[], cap = COUNT_CAP): Promise<Record<string, { count: number; capped: boolean }>> {
  const out: Record<string, { count: number; capped: boolean }> = {}
  if (unitId !== undefined) {
    // A unit's letters are few (885 of 100,000 for 发展改革委 in the bench): one grouped count over its index range is
    // cheaper than a query per queue (measured: 0.6 ms against 1.5 ms on PostgreSQL, 1.5 against 24 ms on PGlite).
    const perState = await countByState(db, regionId, unitId)
    for (const queue of queues) {
      const n = queue.states.reduce((sum, state) => sum + (perState[state] ?? 0), 0)
      out[queue.key] = { count: Math.min(n, cap), capped: n > cap }
    }
    return out
  }
  // Sequential: PGlite has one connection (DESIGN.md §2).
  for (const queue of queues) {
    const inner = db.selectFrom('letter_cases').select(sql<number>`1`.as('one')).where('region_id', '=', regionId).where('state', 'in', queue.states as CaseState[])
    const r = await db.selectFrom(inner.limit(cap + 1).as('q')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    const n = Number(r.n)
    out[queue.key] = { count: Math.min(n, cap), capped: n > cap }
  }
  return out
}
