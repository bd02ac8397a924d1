/**
 * The public read side of the catalogue: live items by section, unit and year, one item with its
 * published versions. The portal reads these; search is in search-live-items.ts.
 */
import { sql } from 'kysely'
import type { Executor } from '../../database.ts'
import { CATALOGUE_SECTIONS } from './catalogue-terms.ts'
import { toEdition, type Edition } from './publishing.repository.ts'

/** One value of a facet or a browse list, with its count. */
export interface Facet {
  value: string
  count: number
}

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
  /** 主题分类, first level: matches items classified under it, with or without a second level. */
  topic?: string
  /** 主题分类, both levels ("综合政务\\政务公开"): matches exactly. */
  subtopic?: string
  validity?: string
  /** 主题分类 first level: matches '综合政务' and every '综合政务\…' below it. */
  topicGroup?: string
  /** Only 法定主动公开内容: leave out the 专栏's other columns (政府信息公开制度). */
  statutoryOnly?: boolean
}

function toPublicItem(r: any): PublicItem {
  return { itemId: r.item_id, indexNo: r.index_no, organisationId: r.organisation_id, title: r.title, docNo: r.doc_no, section: r.section, topic: r.topic, validity: r.validity, year: r.year, publishedAt: new Date(r.published_at) }
}

// The first level of a stored 主题分类 (the part before gov.cn's backslash; the whole value when there is none).
// chr(92) is the backslash (TOPIC_SEPARATOR), written without a parameter so that SELECT and GROUP BY are one expression.
const firstLevel = sql<string>`split_part(s.topic, chr(92), 1)`
// 指南 and browse pages call the first level a topic group.
const TOPIC_GROUP = firstLevel

function filtered(db: Executor, filter: PublicFilter) {
  let q = db.selectFrom('catalogue_search as s').innerJoin('catalogue_items as i', 'i.id', 's.item_id')
  if (filter.section) q = q.where('s.section', '=', filter.section)
  if (filter.organisationId) q = q.where('s.organisation_id', '=', filter.organisationId)
  if (filter.year) q = q.where('s.year', '=', filter.year)
  if (filter.topic) q = q.where(firstLevel, '=', filter.topic)
  if (filter.subtopic) q = q.where('s.topic', '=', filter.subtopic)
  if (filter.validity) q = q.where('s.validity', '=', filter.validity)
  if (filter.topicGroup) q = q.where(TOPIC_GROUP, '=', filter.topicGroup)
  if (filter.statutoryOnly) q = q.where('s.section', 'not in', CATALOGUE_SECTIONS.filter((c) => c.column).map((c) => c.key))
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

/**
 * Live items counted by 发布机构, by 主题分类 first level or by 成文年份 (for browsing outside search), largest
 * first; years newest first.
 */
export async function countLiveBy(db: Executor, by: 'organisation' | 'topicGroup' | 'year', filter: PublicFilter = {}): Promise<Facet[]> {
  const column = by === 'organisation' ? sql<string>`s.organisation_id::text` : by === 'year' ? sql<string>`s.year::text` : TOPIC_GROUP
  const rows = await filtered(db, filter).select([column.as('value'), (eb) => eb.fn.countAll<number>().as('n')]).groupBy(column).execute()
  const facets = rows.map((r) => ({ value: String(r.value), count: Number(r.n) }))
  return by === 'year' ? facets.sort((a, b) => Number(b.value) - Number(a.value)) : facets.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
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
