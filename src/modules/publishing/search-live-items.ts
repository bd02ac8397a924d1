/**
 * 站内搜索 over the live catalogue: jieba tokens of the query against the token index, the 文号 looked up exactly,
 * titles compared with pg_trgm; facets, highlighted snippets, relevance or date order, and a zero-result page that
 * suggests dropping filters and shows near matches.
 *
 * Bounded work per query, so that a common word costs the same at 1M items as at 10k (bench/search.ts):
 * - matches are read up to SEARCH_COUNT_CAP + 1 (a LIMIT over the GIN bitmap, no ORDER BY); when that many exist the
 *   page says "1,000 条以上" instead of counting every match, and ranks that sample plus the items whose title holds
 *   the query words (trigram index) and the item with that 文号 (btree) — so the documents a visitor is most likely
 *   after are always among the candidates;
 * - when the matches fit under the cap (most real queries), every count, facet and the order are exact and come from
 *   that one read; above it, the facets list the values seen in the sample without counts (the page says so);
 * - date order above the cap is a real ORDER BY published_at over all matches.
 */
import { type RawBuilder, sql } from 'kysely'
import type { Executor } from '../../database.ts'
import { highlight, MAX_QUERY_LENGTH, queryTokens, toTsqueryText, wholeQueryDocNo } from '../search/index.ts'
import { htmlText } from './body.ts'
import type { Facet, PublicFilter, PublicItem } from './public-catalogue.ts'
import { splitTopic } from './topics.ts'

/** Matches counted and ranked exactly up to this many; beyond it the total reads "1,000 条以上". */
export const SEARCH_COUNT_CAP = 1000
/** Items whose title holds every query word of three or more characters, added to the ranked sample. */
const TITLE_CANDIDATES = 200
/** Candidates read for the near matches of a zero-result page (any of the words), of which NEAR_MATCHES are shown. */
const NEAR_CANDIDATES = SEARCH_COUNT_CAP
const NEAR_MATCHES = 5
const FACET_VALUES = 30

export type { Facet }

export type SearchOrder = 'relevance' | 'date'

export interface SearchResult {
  items: (PublicItem & { rank: number; snippetHtml: string })[]
  /** Matches under the filters; when totalIsLowerBound, there are more than this (SEARCH_COUNT_CAP). */
  total: number
  totalIsLowerBound: boolean
  /** The query read as a 文号, when it is one. */
  docNo: string | null
  /** Matches by 发布机构, 目录栏目, 主题分类, year and 有效性, each under every filter but its own. */
  facets: { organisation: Facet[]; section: Facet[]; topic: Facet[]; subtopic: Facet[]; year: Facet[]; validity: Facet[] }
  /** True when the matches exceed the cap: the facets then list values seen in the first SEARCH_COUNT_CAP matches and their counts are not totals. */
  facetsSampled: boolean
  /** Matches without any filter (a lower bound when unfilteredIsLowerBound): what dropping the filters would give. */
  unfilteredTotal: number
  unfilteredIsLowerBound: boolean
  /** When nothing matched: items holding all the words but one, or failing that some of them. */
  nearMatches: PublicItem[]
  /** When nothing matched: items whose title is close to the query as typed (pg_trgm word similarity). */
  similarTitles: PublicItem[]
}

const NO_FACETS: SearchResult['facets'] = { organisation: [], section: [], topic: [], subtopic: [], year: [], validity: [] }

/** A result with nothing in it (no query, or a query without words). */
export function emptySearchResult(docNo: string | null = null): SearchResult {
  return { items: [], total: 0, totalIsLowerBound: false, docNo, facets: NO_FACETS, facetsSampled: false, unfilteredTotal: 0, unfilteredIsLowerBound: false, nearMatches: [], similarTitles: [] }
}

/** A matched item as read for ranking and facets: no text, no title. */
interface Candidate {
  item_id: number
  organisation_id: number
  section: string
  topic: string
  validity: string | null
  year: number
  published_at: Date | string
  rank: number
}

/** The parsed query: tokens for the index, the 文号, and the text as typed for comparing titles. */
export interface SearchQuery {
  tsquery: string
  docNo: string | null
  /** The query as typed, whitespace collapsed: compared with titles (equality and trigram similarity). */
  text: string
  /** Parts of the typed query of three or more characters: a title holding all of them ranks high (and the trigram index can find it). */
  titleWords: string[]
  tokens: string[]
}

/** Reads a search box: null when it holds nothing to search for. */
export function parseSearchQuery(query: string): SearchQuery | null {
  const text = query.trim().replace(/\s+/g, ' ').slice(0, MAX_QUERY_LENGTH)
  const docNo = wholeQueryDocNo(text)?.normalised ?? null
  const tokens = queryTokens(text)
  const tsquery = tokens.length ? toTsqueryText(tokens, 'and') : ''
  if (!tsquery) return null
  // pg_trgm finds a LIKE pattern through its index only with at least one trigram, that is three characters.
  const titleWords = [...new Set(text.split(' ').filter((w) => [...w].length >= 3))]
  return { tsquery, docNo, text, titleWords, tokens }
}

function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, '\\$&')}%`
}

/**
 * How well an item answers the query. The 文号 hit is worth more than anything else, then a title equal to the query,
 * then a title holding the words; ts_rank (0…1 for these token vectors) and the trigram similarity of the title break
 * ties. Written out so that bench/search.ts can send exactly the same SQL.
 */
export function rankSql(q: SearchQuery): RawBuilder<number> {
  const parts: RawBuilder<unknown>[] = [sql`ts_rank(s.tokens, to_tsquery('simple', ${q.tsquery}))`, sql`similarity(s.title, ${q.text})`, sql`case when s.title = ${q.text} then 10 else 0 end`]
  if (q.docNo) parts.push(sql`case when s.doc_no = ${q.docNo} then 100 else 0 end`)
  if (q.titleWords.length) parts.push(sql`3.0 * (${sql.join(q.titleWords.map((w) => sql`(s.title ilike ${likePattern(w)})::int`), sql` + `)}) / ${sql.lit(q.titleWords.length)}`)
  return sql<number>`(${sql.join(parts, sql` + `)})::float8`
}

const CANDIDATE_COLUMNS = sql`s.item_id, s.organisation_id, s.section, s.topic, s.validity, s.year, s.published_at`

function filterSql(filter: PublicFilter): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = []
  if (filter.section) conditions.push(sql`s.section = ${filter.section}`)
  if (filter.organisationId) conditions.push(sql`s.organisation_id = ${filter.organisationId}`)
  if (filter.year) conditions.push(sql`s.year = ${filter.year}`)
  // 主题分类: the first level matches items under it with or without a second level; the second level matches exactly.
  if (filter.topic) conditions.push(sql`split_part(s.topic, chr(92), 1) = ${filter.topic}`)
  if (filter.subtopic) conditions.push(sql`s.topic = ${filter.subtopic}`)
  if (filter.validity) conditions.push(sql`s.validity = ${filter.validity}`)
  return conditions.length ? sql` and ${sql.join(conditions, sql` and `)}` : sql``
}

/**
 * Runs `read` with sequential scans of catalogue_search discouraged (set_config(…, true): until the end of the
 * transaction only). With LIMIT 1,001 the planner often prefers reading the table in order and testing every row until
 * 1,001 match — on PGlite at 100k items it did so for words in 1–5% of the items and took 150–250 ms where the GIN
 * bitmap takes 10–30 ms, because its estimate of how many rows match is rough.
 */
export async function withIndexScans<T>(db: Executor, read: (trx: Executor) => Promise<T>): Promise<T> {
  const run = async (trx: Executor) => {
    await sql`select set_config('enable_seqscan', 'off', true)`.execute(trx)
    return read(trx)
  }
  return db.isTransaction ? run(db) : db.transaction().execute(run)
}

/** Up to `limit` items holding every query token, in no particular order (a LIMIT over the GIN bitmap), ranked. */
export function matchSampleSql(q: SearchQuery, filter: PublicFilter, limit: number): RawBuilder<Candidate> {
  return sql<Candidate>`select ${CANDIDATE_COLUMNS}, ${rankSql(q)} as rank from catalogue_search s
    where s.tokens @@ to_tsquery('simple', ${q.tsquery})${filterSql(filter)} limit ${limit}`
}

/** The items with exactly this 文号 (btree on the normalised doc_no). */
export function docNoHitsSql(q: SearchQuery & { docNo: string }): RawBuilder<Candidate> {
  return sql<Candidate>`select ${CANDIDATE_COLUMNS}, ${rankSql(q)} as rank from catalogue_search s where s.doc_no = ${q.docNo}`
}

/** Items whose title holds every query word of three or more characters (trigram index on title) and every token. */
export function titleCandidatesSql(q: SearchQuery, filter: PublicFilter): RawBuilder<Candidate> {
  const titleHolds = sql.join(q.titleWords.map((w) => sql`s.title ilike ${likePattern(w)}`), sql` and `)
  // The token check is wrapped in CASE so that the planner finds these rows through the title's trigram index alone:
  // ANDed with the token index as well, it would read the long posting lists the sample has just read.
  return sql<Candidate>`select ${CANDIDATE_COLUMNS}, ${rankSql(q)} as rank from catalogue_search s
    where ${titleHolds} and case when s.tokens @@ to_tsquery('simple', ${q.tsquery}) then true else false end${filterSql(filter)} limit ${TITLE_CANDIDATES}`
}

function passes(row: Candidate, filter: PublicFilter, except?: keyof PublicFilter): boolean {
  return (except === 'section' || !filter.section || row.section === filter.section)
    && (except === 'organisationId' || !filter.organisationId || row.organisation_id === filter.organisationId)
    && (except === 'year' || !filter.year || row.year === filter.year)
    && (except === 'topic' || !filter.topic || splitTopic(row.topic).first === filter.topic)
    && (except === 'subtopic' || !filter.subtopic || row.topic === filter.subtopic)
    && (except === 'validity' || !filter.validity || row.validity === filter.validity)
}

function hasFilter(filter: PublicFilter): boolean {
  return Boolean(filter.section || filter.organisationId || filter.year || filter.topic || filter.subtopic || filter.validity)
}

function time(row: Candidate): number {
  return new Date(row.published_at).getTime()
}

function byRelevance(a: Candidate, b: Candidate): number {
  return b.rank - a.rank || time(b) - time(a) || b.item_id - a.item_id
}

function byDate(a: Candidate, b: Candidate): number {
  return time(b) - time(a) || b.item_id - a.item_id
}

/** Each facet counts the rows under every other filter, so choosing one value never hides the others. */
function facetsOf(rows: readonly Candidate[], filter: PublicFilter): SearchResult['facets'] {
  const count = (pick: (r: Candidate) => string | number | null, except: keyof PublicFilter): Facet[] => {
    const counts = new Map<string, number>()
    for (const row of rows) {
      const value = pick(row)
      if (value !== null && passes(row, filter, except)) counts.set(String(value), (counts.get(String(value)) ?? 0) + 1)
    }
    return [...counts].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, FACET_VALUES)
  }
  return {
    organisation: count((r) => r.organisation_id, 'organisationId'),
    section: count((r) => r.section, 'section'),
    topic: count((r) => splitTopic(r.topic).first, 'topic'),
    // Second levels once a first level is chosen; an item classified by its first level alone has none.
    subtopic: filter.topic ? count((r) => (splitTopic(r.topic).second ? r.topic : null), 'subtopic') : [],
    year: count((r) => r.year, 'year').sort((a, b) => Number(b.value) - Number(a.value)),
    validity: count((r) => r.validity, 'validity'),
  }
}

function merged(...lists: readonly Candidate[][]): Candidate[] {
  const byId = new Map<number, Candidate>()
  for (const list of lists) for (const row of list) if (!byId.has(row.item_id)) byId.set(row.item_id, { ...row, rank: Number(row.rank) })
  return [...byId.values()]
}

const ITEM_COLUMNS = sql`s.item_id, i.index_no, s.organisation_id, s.title, s.doc_no, s.section, s.topic, s.validity, s.year, s.published_at`

function toPublicItem(r: any): PublicItem {
  return { itemId: r.item_id, indexNo: r.index_no, organisationId: r.organisation_id, title: r.title, docNo: r.doc_no, section: r.section, topic: r.topic, validity: r.validity, year: r.year, publishedAt: new Date(r.published_at) }
}

/** The page's items in the order given, with the live text's best snippet. */
async function pageItems(db: Executor, rows: Candidate[], tokens: string[]): Promise<SearchResult['items']> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.item_id)
  const texts = await sql<any>`select ${ITEM_COLUMNS}, e.summary, e.body_html from catalogue_search s
    join catalogue_items i on i.id = s.item_id left join catalogue_editions e on e.id = i.live_edition_id
    where s.item_id in (${sql.join(ids)})`.execute(db)
  const byId = new Map(texts.rows.map((t) => [t.item_id as number, t]))
  return rows.flatMap((r) => {
    const t = byId.get(r.item_id)
    if (!t) return []
    return [{ ...toPublicItem(t), rank: r.rank, snippetHtml: highlight(`${t.summary ?? ''}\n${htmlText(t.body_html ?? '')}`, tokens, { maxLength: 120 }).snippetHtml }]
  })
}

/** Most tokens used for the near matches: each of them may be the one left out. */
const NEAR_TOKENS = 8

/**
 * Items holding all the words but one (a misspelt or surplus word is the usual reason for no results), or failing
 * that any of them: a bounded sample, best first.
 */
async function nearMatches(db: Executor, q: SearchQuery): Promise<PublicItem[]> {
  const tokens = q.tokens.slice(0, NEAR_TOKENS)
  if (tokens.length < 2) return []
  // Lexemes are letters and digits only (toTsqueryText), so the parentheses and | added here cannot clash with them.
  const allButOne = [...new Set(tokens.map((_, i) => toTsqueryText(tokens.filter((__, j) => j !== i), 'and')).filter(Boolean))].map((t) => `(${t})`).join(' | ')
  const read = (tsquery: string) => withIndexScans(db, (trx) => sql<any>`select ${ITEM_COLUMNS}, rank from (
      select s.item_id, ts_rank(s.tokens, to_tsquery('simple', ${tsquery})) + similarity(s.title, ${q.text}) as rank
      from catalogue_search s where s.tokens @@ to_tsquery('simple', ${tsquery}) limit ${NEAR_CANDIDATES}) c
    join catalogue_search s on s.item_id = c.item_id join catalogue_items i on i.id = s.item_id
    order by rank desc, s.published_at desc, s.item_id desc limit ${NEAR_MATCHES}`.execute(trx))
  let rows = allButOne ? (await read(allButOne)).rows : []
  if (rows.length === 0 && tokens.length > 2) rows = (await read(toTsqueryText(tokens, 'or'))).rows
  return rows.map(toPublicItem)
}

/**
 * How much of the query's trigrams a title must share. pg_trgm's default, 0.6, misses one wrong character in a
 * Chinese title: 政府信息公开条列 shares 5 of its 9 trigrams (two are padding) with 中华人民共和国政府信息公开条例.
 */
const TITLE_SIMILARITY = 0.5

/** Titles close to the query as typed (a misspelt or half-remembered title), through the trigram index on title. */
async function similarTitles(db: Executor, q: SearchQuery): Promise<PublicItem[]> {
  if ([...q.text].length < 3) return []
  const read = async (trx: Executor) => {
    // set_config(…, true) lasts until the end of the transaction, so a pooled connection keeps pg_trgm's default.
    await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(TITLE_SIMILARITY)}, true)`.execute(trx)
    return (await sql<any>`select ${ITEM_COLUMNS}, word_similarity(${q.text}, s.title) as rank
      from catalogue_search s join catalogue_items i on i.id = s.item_id
      where ${q.text} <% s.title order by rank desc, s.published_at desc, s.item_id desc limit ${NEAR_MATCHES}`.execute(trx)).rows
  }
  const rows = db.isTransaction ? await read(db) : await db.transaction().execute(read)
  return rows.map(toPublicItem)
}

/**
 * Full-text search over title, 文号 and body (all query tokens must match), plus the 文号 typed in any bracket style,
 * which puts that document first in relevance order. Facets, highlighted snippets, relevance or date order; on a page
 * with no results, how many dropping the filters would give, items with some of the words and similar titles.
 */
export async function searchLiveItems(db: Executor, query: string, filter: PublicFilter, page: { limit: number; offset: number }, order: SearchOrder = 'relevance'): Promise<SearchResult> {
  const q = parseSearchQuery(query)
  if (!q) return emptySearchResult(wholeQueryDocNo(query)?.normalised ?? null)

  const [matched, docNoHits] = await withIndexScans(db, async (trx) => [
    (await matchSampleSql(q, {}, SEARCH_COUNT_CAP + 1).execute(trx)).rows,
    q.docNo ? (await docNoHitsSql({ ...q, docNo: q.docNo }).execute(trx)).rows : [],
  ])
  const sampled = matched.length > SEARCH_COUNT_CAP
  const unfiltered = merged(docNoHits, matched.slice(0, SEARCH_COUNT_CAP))
  let inFilter: Candidate[]
  let total: number
  let totalIsLowerBound = false
  let pageRows: Candidate[]
  if (!sampled) {
    // Every match is in hand: counts, facets and order are exact.
    inFilter = unfiltered.filter((r) => passes(r, filter))
    total = inFilter.length
    pageRows = inFilter.sort(order === 'date' ? byDate : byRelevance).slice(page.offset, page.offset + page.limit)
  } else {
    const filteredMatches = hasFilter(filter) ? await withIndexScans(db, async (trx) => (await matchSampleSql(q, filter, SEARCH_COUNT_CAP + 1).execute(trx)).rows) : matched
    totalIsLowerBound = filteredMatches.length > SEARCH_COUNT_CAP
    inFilter = merged(docNoHits.filter((r) => passes(r, filter)), filteredMatches.slice(0, SEARCH_COUNT_CAP))
    total = totalIsLowerBound ? SEARCH_COUNT_CAP : inFilter.length
    if (order === 'date') {
      const rows = await sql<Candidate>`select ${CANDIDATE_COLUMNS}, 0 as rank from catalogue_search s
        where s.tokens @@ to_tsquery('simple', ${q.tsquery})${filterSql(filter)}
        order by s.published_at desc, s.item_id desc limit ${page.limit} offset ${page.offset}`.execute(db)
      pageRows = rows.rows
    } else {
      // A 文号 query has its document from the btree; its brackets as typed are not those of any title.
      const titled = q.titleWords.length && !q.docNo ? (await titleCandidatesSql(q, filter).execute(db)).rows : []
      pageRows = merged(titled, inFilter).sort(byRelevance).slice(page.offset, page.offset + page.limit)
    }
  }

  const items = await pageItems(db, pageRows, q.tokens)
  const none = total === 0
  const [near, similar] = none ? await Promise.all([nearMatches(db, q), similarTitles(db, q)]) : [[], []]
  return {
    items, total, totalIsLowerBound, docNo: q.docNo,
    facets: none ? NO_FACETS : facetsOf(unfiltered, filter), facetsSampled: sampled,
    unfilteredTotal: unfiltered.length, unfilteredIsLowerBound: sampled,
    similarTitles: similar, nearMatches: near.filter((n) => !similar.some((s) => s.itemId === n.itemId)),
  }
}
