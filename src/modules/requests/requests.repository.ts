/** Kysely queries for request cases, their applicants, events, letters and remedies; rows in, domain values out. */
import { sql } from 'kysely'
import type { Executor, Trx } from '../../database.ts'
import type { SealedApplicant } from './applicant-privacy.ts'

export interface RequestCase {
  id: number
  organisationId: number
  regime: string
  state: string
  channel: string
  submittedOn: string
  receivedOn: string | null
  applicantType: string
  informationName: string
  docNo: string
  description: string
  wantedForm: string
  delivery: string
  queryCode: string
  fingerprint: string
  dueOn: string | null
  disposition: string | null
  decidedOn: string | null
  closedOn: string | null
  /** The lifecycle rules' state after the last event (rules/lifecycle.ts). */
  rulesState: Record<string, unknown>
  createdAt: Date
}

export interface CaseEvent {
  id: number
  caseId: number
  type: string
  fromState: string | null
  toState: string
  effectiveOn: string
  recordedAt: Date
  actorUserId: number | null
  actorName: string | null
  details: Record<string, unknown>
}

export interface CaseDocument {
  id: number
  caseId: number
  eventId: number | null
  kind: string
  title: string
  forApplicant: boolean
  issuedOn: string
  model: Record<string, unknown>
  html: string
}

export interface Remedy {
  id: number
  caseId: number
  kind: 'review' | 'litigation'
  afterReview: boolean
  filedOn: string
  body: string
  outcome: 'pending' | 'upheld' | 'corrected' | 'other'
  concludedOn: string | null
}

function toCase(r: any): RequestCase {
  return {
    id: r.id, organisationId: r.organisation_id, regime: r.regime, state: r.state, channel: r.channel, submittedOn: r.submitted_on, receivedOn: r.received_on,
    applicantType: r.applicant_type, informationName: r.information_name, docNo: r.doc_no, description: r.description, wantedForm: r.wanted_form, delivery: r.delivery,
    queryCode: r.query_code, fingerprint: r.fingerprint, dueOn: r.due_on, disposition: r.disposition, decidedOn: r.decided_on, closedOn: r.closed_on,
    rulesState: typeof r.rules_state === 'string' ? JSON.parse(r.rules_state) : r.rules_state, createdAt: new Date(r.created_at),
  }
}

function toEvent(r: any): CaseEvent {
  return {
    id: r.id, caseId: r.case_id, type: r.type, fromState: r.from_state, toState: r.to_state, effectiveOn: r.effective_on, recordedAt: new Date(r.recorded_at),
    actorUserId: r.actor_user_id, actorName: r.actor_name ?? null, details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details,
  }
}

function toDocument(r: any): CaseDocument {
  return {
    id: r.id, caseId: r.case_id, eventId: r.event_id, kind: r.kind, title: r.title, forApplicant: r.for_applicant, issuedOn: r.issued_on,
    model: typeof r.model === 'string' ? JSON.parse(r.model) : r.model, html: r.html,
  }
}

export interface NewCase {
  organisation_id: number
  regime: string
  state: string
  channel: string
  submitted_on: string
  received_on: string | null
  applicant_type: string
  information_name: string
  doc_no: string
  description: string
  wanted_form: string
  delivery: string
  query_code: string
  fingerprint: string
  idempotency_key: string
  due_on: string | null
  registered_by_user_id: number | null
  rules_state: string
}

export async function insertCase(trx: Trx, values: NewCase, applicant: SealedApplicant): Promise<number> {
  const row = await trx.insertInto('request_cases').values(values).returning('id').executeTakeFirstOrThrow()
  await trx.insertInto('request_applicants').values({ case_id: row.id, ...applicant }).execute()
  return row.id
}

export async function findCase(db: Executor, id: number): Promise<RequestCase | undefined> {
  const r = await db.selectFrom('request_cases').selectAll().where('id', '=', id).executeTakeFirst()
  return r ? toCase(r) : undefined
}

/** The case row locked for the rest of the transaction (one step at a time per case). */
export async function lockCase(trx: Trx, id: number): Promise<RequestCase | undefined> {
  const r = await trx.selectFrom('request_cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
  return r ? toCase(r) : undefined
}

export async function findCaseByIdempotencyKey(db: Executor, key: string): Promise<RequestCase | undefined> {
  const r = await db.selectFrom('request_cases').selectAll().where('idempotency_key', '=', key).executeTakeFirst()
  return r ? toCase(r) : undefined
}

export async function findCaseByQueryCode(db: Executor, code: string): Promise<RequestCase | undefined> {
  const r = await db.selectFrom('request_cases').selectAll().where('query_code', '=', code).executeTakeFirst()
  return r ? toCase(r) : undefined
}

export async function applicantOf(db: Executor, caseId: number): Promise<SealedApplicant | undefined> {
  return db.selectFrom('request_applicants').select([
    'name_enc', 'name_masked', 'contact_person_enc', 'id_type', 'id_number_enc', 'id_number_masked', 'id_number_hmac', 'phone_enc', 'phone_masked',
    'email_enc', 'address_enc', 'address_masked', 'postcode',
  ]).where('case_id', '=', caseId).executeTakeFirst()
}

/** Whether the applicant's 身份证明 number is missing (a converted 区长信箱 letter, a paper application without one). */
export function lacksIdentity(applicant: Pick<SealedApplicant, 'id_number_masked'>): boolean {
  return applicant.id_number_masked === ''
}

/** Seals the 身份证明 of an applicant registered without one (the values come from sealApplicant's rules). */
export async function setApplicantIdentity(trx: Trx, caseId: number, identity: Pick<SealedApplicant, 'id_type' | 'id_number_enc' | 'id_number_masked' | 'id_number_hmac'>): Promise<void> {
  await trx.updateTable('request_applicants').set(identity).where('case_id', '=', caseId).execute()
}

export interface CaseChange {
  state?: string
  regime?: string
  rules_state?: string
  received_on?: string | null
  due_on?: string | null
  disposition?: string | null
  decided_on?: string | null
  closed_on?: string | null
}

export async function updateCase(trx: Trx, id: number, change: CaseChange, at: Date): Promise<void> {
  await trx.updateTable('request_cases').set({ ...change, updated_at: at }).where('id', '=', id).execute()
}

export interface NewEvent {
  caseId: number
  type: string
  fromState: string | null
  toState: string
  effectiveOn: string
  recordedAt: Date
  actorUserId: number | null
  details?: Record<string, unknown>
}

export async function insertEvent(trx: Trx, e: NewEvent): Promise<number> {
  const row = await trx.insertInto('request_events').values({
    case_id: e.caseId, type: e.type, from_state: e.fromState, to_state: e.toState, effective_on: e.effectiveOn, recorded_at: e.recordedAt,
    actor_user_id: e.actorUserId, details: JSON.stringify(e.details ?? {}),
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function eventsOf(db: Executor, caseId: number): Promise<CaseEvent[]> {
  const rows = await db.selectFrom('request_events as e').leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .selectAll('e').select('u.display_name as actor_name').where('e.case_id', '=', caseId).orderBy('e.id').execute()
  return rows.map(toEvent)
}

export interface NewDocument {
  caseId: number
  eventId: number | null
  kind: string
  title: string
  forApplicant: boolean
  issuedOn: string
  model: Record<string, unknown>
  html: string
}

export async function insertDocument(trx: Trx, d: NewDocument): Promise<number> {
  const row = await trx.insertInto('request_documents').values({
    case_id: d.caseId, event_id: d.eventId, kind: d.kind, title: d.title, for_applicant: d.forApplicant, issued_on: d.issuedOn,
    model: JSON.stringify(d.model), html: d.html,
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function documentsOf(db: Executor, caseId: number, opts: { forApplicantOnly?: boolean } = {}): Promise<CaseDocument[]> {
  let q = db.selectFrom('request_documents').selectAll().where('case_id', '=', caseId)
  if (opts.forApplicantOnly) q = q.where('for_applicant', '=', true)
  return (await q.orderBy('id').execute()).map(toDocument)
}

export async function findDocument(db: Executor, caseId: number, documentId: number): Promise<CaseDocument | undefined> {
  const r = await db.selectFrom('request_documents').selectAll().where('case_id', '=', caseId).where('id', '=', documentId).executeTakeFirst()
  return r ? toDocument(r) : undefined
}

export async function remediesOf(db: Executor, caseId: number): Promise<Remedy[]> {
  const rows = await db.selectFrom('request_remedies').selectAll().where('case_id', '=', caseId).orderBy('id').execute()
  return rows.map((r) => ({ id: r.id, caseId: r.case_id, kind: r.kind as Remedy['kind'], afterReview: r.after_review, filedOn: r.filed_on, body: r.body, outcome: r.outcome as Remedy['outcome'], concludedOn: r.concluded_on }))
}

export async function insertRemedy(trx: Trx, r: { caseId: number; kind: string; afterReview: boolean; filedOn: string; body: string }): Promise<number> {
  const row = await trx.insertInto('request_remedies').values({ case_id: r.caseId, kind: r.kind, after_review: r.afterReview, filed_on: r.filedOn, body: r.body }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function concludeRemedy(trx: Trx, id: number, outcome: string, concludedOn: string): Promise<void> {
  await trx.updateTable('request_remedies').set({ outcome, concluded_on: concludedOn }).where('id', '=', id).execute()
}

/** A row of the case list: the case with its applicant's masked name. */
export interface CaseListRow extends RequestCase {
  applicantNameMasked: string
}

export type CaseListFilter = 'open' | 'due_soon' | 'overdue' | 'closed' | 'all'

export interface CaseListQuery {
  /** Undefined: every unit (公开办). */
  organisationIds?: number[]
  filter: CaseListFilter
  openStates: readonly string[]
  today: string
  /** Last date counted as "due soon" (e.g. today + 5 working days). */
  dueSoonOn: string
  limit: number
  offset: number
}

export async function listCases(db: Executor, q: CaseListQuery): Promise<{ rows: CaseListRow[]; total: number }> {
  // Every case has its applicant row (insertCase writes both in one transaction), so the filter and the count read
  // request_cases alone; the page is chosen on narrow rows (id, due date) and only its rows are joined to the applicant.
  // With 10,000 open cases, joining before counting and sorting cost 10,000 applicant lookups per query
  // (bench/requests-lists.ts, EXPLAIN ANALYZE).
  let base = db.selectFrom('request_cases as c')
  if (q.organisationIds) base = base.where('c.organisation_id', 'in', q.organisationIds.length ? q.organisationIds : [-1])
  const open = [...q.openStates]
  switch (q.filter) {
    case 'open': base = base.where('c.state', 'in', open); break
    case 'closed': base = base.where('c.state', 'not in', open); break
    case 'due_soon': base = base.where('c.state', 'in', open).where('c.due_on', '>=', q.today).where('c.due_on', '<=', q.dueSoonOn); break
    case 'overdue': base = base.where('c.state', 'in', open).where('c.due_on', '<', q.today); break
    case 'all': break
  }
  const total = Number((await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)
  const pageIds = base.select('c.id').orderBy(sql`c.due_on asc nulls last`).orderBy('c.id', 'desc').limit(q.limit).offset(q.offset)
  const rows = await db.selectFrom('request_cases as c').innerJoin('request_applicants as a', 'a.case_id', 'c.id').selectAll('c').select('a.name_masked')
    .where('c.id', 'in', pageIds).orderBy(sql`c.due_on asc nulls last`).orderBy('c.id', 'desc').execute()
  return { rows: rows.map((r: any) => ({ ...toCase(r), applicantNameMasked: r.name_masked })), total }
}

/** Open cases per unit: open, due soon and overdue counts (the 公开办 overview). */
export async function countOpenByUnit(db: Executor, openStates: readonly string[], today: string, dueSoonOn: string): Promise<{ organisationId: number; open: number; dueSoon: number; overdue: number }[]> {
  const rows = await db.selectFrom('request_cases').where('state', 'in', [...openStates])
    .select(['organisation_id'])
    .select(sql<string>`count(*)`.as('open'))
    .select(sql<string>`count(*) filter (where due_on >= ${today} and due_on <= ${dueSoonOn})`.as('due_soon'))
    .select(sql<string>`count(*) filter (where due_on < ${today})`.as('overdue'))
    .groupBy('organisation_id').execute()
  return rows.map((r) => ({ organisationId: r.organisation_id, open: Number(r.open), dueSoon: Number(r.due_soon), overdue: Number(r.overdue) }))
}

/** Applications by the same applicant (identity HMAC), newest first: repeated requests and monthly fee counts. */
export async function casesOfApplicant(db: Executor, identityHmac: string, excludeCaseId?: number): Promise<RequestCase[]> {
  let q = db.selectFrom('request_cases as c').innerJoin('request_applicants as a', 'a.case_id', 'c.id').selectAll('c').where('a.id_number_hmac', '=', identityHmac)
  if (excludeCaseId) q = q.where('c.id', '!=', excludeCaseId)
  return (await q.orderBy('c.id', 'desc').limit(200).execute()).map(toCase)
}

export async function countLookupFailures(db: Executor, sourceHash: string, since: Date): Promise<number> {
  const r = await db.selectFrom('request_lookup_failures').select((eb) => eb.fn.countAll<string>().as('n')).where('source_hash', '=', sourceHash).where('failed_at', '>=', since).executeTakeFirstOrThrow()
  return Number(r.n)
}

export async function recordLookupFailure(db: Executor, sourceHash: string, at: Date): Promise<void> {
  await db.insertInto('request_lookup_failures').values({ source_hash: sourceHash, failed_at: at }).execute()
}
