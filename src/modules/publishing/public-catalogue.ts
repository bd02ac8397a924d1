/**
 * The public read side of the catalogue: live items by section, unit and year, one item with its
 * published versions, and search over the jieba-token index with 文号 matching. The portal reads these.
 */
import { sql } from 'kysely'
import type { Executor } from '../../database.ts'
import { queryTokens, toTsqueryText, wholeQueryDocNo } from '../search/index.ts'
import { toEdition, type Edition } from './publishing.repository.ts'

export interface PublicItem {
  itemId: number
  indexNo: string
  organisationId: number
  title: string
  docNo: string | null
  section: string
  topic: string
  validity: string | null
  year: number
  publishedAt: Date
}

export interface PublicFilter {
  section?: string
  organisationId?: number
  year?: number
}

function toPublicItem(r: any): PublicItem {
  return { itemId: r.item_id, indexNo: r.index_no, organisationId: r.organisation_id, title: r.title, docNo: r.doc_no, section: r.section, topic: r.topic, validity: r.validity, year: r.year, publishedAt: new Date(r.published_at) }
}

function filtered(db: Executor, filter: PublicFilter) {
  let q = db.selectFrom('catalogue_search as s').innerJoin('catalogue_items as i', 'i.id', 's.item_id')
  if (filter.section) q = q.where('s.section', '=', filter.section)
  if (filter.organisationId) q = q.where('s.organisation_id', '=', filter.organisationId)
  if (filter.year) q = q.where('s.year', '=', filter.year)
  return q
}

/** Live items, newest first. */
export async function listLiveItems(db: Executor, filter: PublicFilter, page: { limit: number; offset: number }): Promise<{ items: PublicItem[]; total: number }> {
  const q = filtered(db, filter)
  const [rows, count] = await Promise.all([
    q.select(['s.item_id', 'i.index_no', 's.organisation_id', 's.title', 's.doc_no', 's.section', 's.topic', 's.validity', 's.year', 's.published_at'])
      .orderBy('s.published_at', 'desc').orderBy('s.item_id', 'desc').limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(toPublicItem), total: Number(count.n) }
}

/** Live items per 目录栏目. */
export async function countLiveBySection(db: Executor, filter: Omit<PublicFilter, 'section'> = {}): Promise<Map<string, number>> {
  const rows = await filtered(db, filter).select(['s.section', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('s.section').execute()
  return new Map(rows.map((r) => [r.section, Number(r.n)]))
}

export interface PublicItemPage {
  itemId: number
  indexNo: string
  organisationId: number
  publicState: 'published' | 'withdrawn'
  firstPublishedAt: Date
  live: Edition
  /** Published editions, oldest first (the public version history). */
  versions: Edition[]
}

/** One item as the public sees it; undefined when never published. */
export async function publicItem(db: Executor, itemId: number): Promise<PublicItemPage | undefined> {
  const item = await db.selectFrom('catalogue_items').selectAll().where('id', '=', itemId).where('public_state', 'in', ['published', 'withdrawn']).executeTakeFirst()
  if (!item || !item.live_edition_id || !item.first_published_at) return undefined
  const editions = (await db.selectFrom('catalogue_editions').selectAll().where('item_id', '=', itemId).where('version_no', 'is not', null).orderBy('version_no').execute()).map(toEdition)
  const live = editions.find((e) => e.id === item.live_edition_id)
  if (!live) return undefined
  return { itemId, indexNo: item.index_no, organisationId: item.organisation_id, publicState: item.public_state as 'published' | 'withdrawn', firstPublishedAt: new Date(item.first_published_at), live, versions: editions }
}

export interface SearchResult {
  items: (PublicItem & { rank: number })[]
  total: number
  /** The query read as a 文号, when it is one. */
  docNo: string | null
}

/**
 * Full-text search: jieba tokens of the query against the token index (all tokens must match), plus
 * 文号 matching in any bracket style, which puts that document first.
 */
export async function searchLiveItems(db: Executor, query: string, filter: PublicFilter, page: { limit: number; offset: number }): Promise<SearchResult> {
  const docNo = wholeQueryDocNo(query)?.normalised ?? null
  const tokens = queryTokens(query)
  if (tokens.length === 0 && !docNo) return { items: [], total: 0, docNo }
  const tsquery = tokens.length ? toTsqueryText(tokens, 'and') : ''
  const q = filtered(db, filter).where((eb) => {
    const ors = []
    if (tsquery) ors.push(sql<boolean>`s.tokens @@ to_tsquery('simple', ${tsquery})`)
    if (docNo) ors.push(eb('s.doc_no', '=', docNo))
    return eb.or(ors)
  })
  const rank = docNo
    ? sql<number>`(case when s.doc_no = ${docNo} then 100 else 0 end) + ${tsquery ? sql`ts_rank(s.tokens, to_tsquery('simple', ${tsquery}))` : sql`0`}`
    : sql<number>`ts_rank(s.tokens, to_tsquery('simple', ${tsquery}))`
  const [rows, count] = await Promise.all([
    q.select(['s.item_id', 'i.index_no', 's.organisation_id', 's.title', 's.doc_no', 's.section', 's.topic', 's.validity', 's.year', 's.published_at', rank.as('rank')])
      .orderBy('rank', 'desc').orderBy('s.published_at', 'desc').limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map((r: any) => ({ ...toPublicItem(r), rank: Number(r.rank) })), total: Number(count.n), docNo }
}
