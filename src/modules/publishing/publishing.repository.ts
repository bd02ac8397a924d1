/** Kysely queries for catalogue items and editions; rows in, domain values out. */
import { sql } from 'kysely'
import type { Executor } from '../../database.ts'
import type { EditionState } from './workflow.ts'

export interface Edition {
  id: number
  itemId: number
  editionNo: number
  state: EditionState
  title: string
  issuingBody: string
  docNo: string | null
  writtenOn: string
  topic: string
  genre: string
  section: string
  summary: string
  bodyHtml: string
  disclosure: string
  disclosureBasis: string
  validity: string | null
  effectiveOn: string | null
  expiresOn: string | null
  changeKind: 'major' | 'minor'
  changeNote: string
  publishAt: Date | null
  publishedAt: Date | null
  versionNo: number | null
  needsReview: boolean
  withdrawalKind: string | null
  withdrawalExplanation: string | null
  createdByUserId: number
  submittedByUserId: number | null
  approvedByUserId: number | null
  publishedByUserId: number | null
  updatedAt: Date
}

export interface CatalogueItem {
  id: number
  organisationId: number
  indexNo: string
  firstPublishedAt: Date | null
  liveEditionId: number | null
  publicState: 'unpublished' | 'published' | 'withdrawn'
  createdByUserId: number
  createdAt: Date
}

export function toEdition(r: any): Edition {
  return {
    id: r.id, itemId: r.item_id, editionNo: r.edition_no, state: r.state, title: r.title, issuingBody: r.issuing_body, docNo: r.doc_no,
    writtenOn: r.written_on, topic: r.topic, genre: r.genre, section: r.section, summary: r.summary, bodyHtml: r.body_html,
    disclosure: r.disclosure, disclosureBasis: r.disclosure_basis, validity: r.validity, effectiveOn: r.effective_on, expiresOn: r.expires_on,
    changeKind: r.change_kind, changeNote: r.change_note, publishAt: r.publish_at ? new Date(r.publish_at) : null,
    publishedAt: r.published_at ? new Date(r.published_at) : null, versionNo: r.version_no, needsReview: r.needs_review,
    withdrawalKind: r.withdrawal_kind, withdrawalExplanation: r.withdrawal_explanation, createdByUserId: r.created_by_user_id,
    submittedByUserId: r.submitted_by_user_id, approvedByUserId: r.approved_by_user_id, publishedByUserId: r.published_by_user_id,
    updatedAt: new Date(r.updated_at),
  }
}

function toItem(r: any): CatalogueItem {
  return {
    id: r.id, organisationId: r.organisation_id, indexNo: r.index_no, firstPublishedAt: r.first_published_at ? new Date(r.first_published_at) : null,
    liveEditionId: r.live_edition_id, publicState: r.public_state, createdByUserId: r.created_by_user_id, createdAt: new Date(r.created_at),
  }
}

export async function findItem(db: Executor, id: number): Promise<CatalogueItem | undefined> {
  const r = await db.selectFrom('catalogue_items').selectAll().where('id', '=', id).executeTakeFirst()
  return r && toItem(r)
}

/** Locks the item row for a workflow step (PostgreSQL; PGlite has one connection anyway). */
export async function lockItem(trx: Executor, id: number): Promise<CatalogueItem | undefined> {
  const r = await trx.selectFrom('catalogue_items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
  return r && toItem(r)
}

export async function editionsOf(db: Executor, itemId: number): Promise<Edition[]> {
  return (await db.selectFrom('catalogue_editions').selectAll().where('item_id', '=', itemId).orderBy('edition_no').execute()).map(toEdition)
}

export async function findEdition(db: Executor, id: number): Promise<Edition | undefined> {
  const r = await db.selectFrom('catalogue_editions').selectAll().where('id', '=', id).executeTakeFirst()
  return r && toEdition(r)
}

const WORKING_STATES = ['draft', 'submitted', 'rejected', 'approved', 'scheduled']

/** The edition being worked on (at most one per item), if any. */
export async function workingEdition(db: Executor, itemId: number): Promise<Edition | undefined> {
  const r = await db.selectFrom('catalogue_editions').selectAll().where('item_id', '=', itemId).where('state', 'in', WORKING_STATES).orderBy('edition_no', 'desc').executeTakeFirst()
  return r && toEdition(r)
}

/** Another item of the same unit already carrying this 文号 (normalised), for the uniqueness rule. */
export async function itemWithDocNo(db: Executor, organisationId: number, docNo: string, exceptItemId?: number): Promise<{ itemId: number; title: string } | undefined> {
  let q = db.selectFrom('catalogue_editions as e').innerJoin('catalogue_items as i', 'i.id', 'e.item_id')
    .select(['i.id as itemId', 'e.title']).where('i.organisation_id', '=', organisationId).where('e.doc_no', '=', docNo)
    .where('e.state', 'not in', ['superseded'])
  if (exceptItemId !== undefined) q = q.where('i.id', '<>', exceptItemId)
  return q.executeTakeFirst()
}

export interface ItemRow {
  item: CatalogueItem
  edition: Edition
}

/** Items of one unit (or all units), each with its latest edition, newest first. */
export async function listItems(db: Executor, opts: { organisationId?: number; state?: string; limit: number; offset: number }): Promise<{ rows: ItemRow[]; total: number }> {
  const latest = db.selectFrom('catalogue_editions').select(['item_id', sql<number>`max(edition_no)`.as('edition_no')]).groupBy('item_id').as('latest')
  let q = db.selectFrom('catalogue_items as i')
    .innerJoin(latest, 'latest.item_id', 'i.id')
    .innerJoin('catalogue_editions as e', (j) => j.onRef('e.item_id', '=', 'i.id').onRef('e.edition_no', '=', 'latest.edition_no'))
  if (opts.organisationId !== undefined) q = q.where('i.organisation_id', '=', opts.organisationId)
  if (opts.state) q = q.where('e.state', '=', opts.state)
  const [rows, count] = await Promise.all([
    q.selectAll('e').select(['i.id as i_id', 'i.organisation_id as i_organisation_id', 'i.index_no as i_index_no', 'i.first_published_at as i_first_published_at', 'i.live_edition_id as i_live_edition_id', 'i.public_state as i_public_state', 'i.created_by_user_id as i_created_by_user_id', 'i.created_at as i_created_at'])
      .orderBy('e.updated_at', 'desc').limit(opts.limit).offset(opts.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return {
    total: Number(count.n),
    rows: rows.map((r: any) => ({
      item: toItem({ id: r.i_id, organisation_id: r.i_organisation_id, index_no: r.i_index_no, first_published_at: r.i_first_published_at, live_edition_id: r.i_live_edition_id, public_state: r.i_public_state, created_by_user_id: r.i_created_by_user_id, created_at: r.i_created_at }),
      edition: toEdition(r),
    })),
  }
}

export interface CatalogueEvent {
  id: number
  editionId: number
  type: string
  actorUserId: number | null
  recordedAt: Date
  reason: string
  details: Record<string, unknown>
}

export async function eventsOf(db: Executor, itemId: number): Promise<CatalogueEvent[]> {
  const rows = await db.selectFrom('catalogue_events').selectAll().where('item_id', '=', itemId).orderBy('id').execute()
  return rows.map((r) => ({ id: r.id, editionId: r.edition_id, type: r.type, actorUserId: r.actor_user_id, recordedAt: new Date(r.recorded_at), reason: r.reason, details: r.details as Record<string, unknown> }))
}

export interface PrivacyReview {
  id: number
  editionId: number
  contentHash: string
  findings: { kind: string; masked: string; where: string; message: string; context: string }[]
  scannedAt: Date
  overriddenByUserId: number | null
  overrideReason: string | null
}

export async function latestPrivacyReview(db: Executor, editionId: number): Promise<PrivacyReview | undefined> {
  const r = await db.selectFrom('privacy_reviews').selectAll().where('edition_id', '=', editionId).orderBy('id', 'desc').executeTakeFirst()
  if (!r) return undefined
  return { id: r.id, editionId: r.edition_id, contentHash: r.content_hash, findings: r.findings as PrivacyReview['findings'], scannedAt: new Date(r.scanned_at), overriddenByUserId: r.overridden_by_user_id, overrideReason: r.override_reason }
}
