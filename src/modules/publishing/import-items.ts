/**
 * 导入公开信息: a unit moving from its old website brings its catalogue along as published items. Every row is checked
 * with the rules of the item form (EditionForm) plus the catalogue's own: the unit must exist, a 索引号 may be used
 * once, and a 文号 once per unit — against the database and within the file. A dry run only reports; a real run
 * imports the rows that pass, in batched transactions, each item as edition 1 / version 1 already published, with an
 * 'imported' catalogue event and its search-index row built exactly as publication builds it (goLive).
 *
 * Imported items do not pass through the privacy gate: they were public already on the old site. A unit that wants
 * them scanned can revise them one by one (修订 runs the gate).
 */
import { sql } from 'kysely'
import type { Db, Executor, Trx } from '../../database.ts'
import type { Clock } from '../../platform/clock.ts'
import { InvalidInputError } from '../../platform/http/errors.ts'
import { appendAudit, findOrganisationByCode, listUsers, type Organisation } from '../orgs/index.ts'
import { indexTokens, normaliseDocNo, toTsvectorText } from '../search/index.ts'
import { bodyToHtml, htmlText } from './body.ts'
import { CATALOGUE_SECTIONS, GENRES, VALIDITY_LABELS } from './catalogue-terms.ts'
import { formatIndexNo } from './index-no.ts'
import { indexSettingOf, type IndexSetting } from './index-pattern.ts'
import { loadTopicVocabulary } from './manage-topics.ts'
import { editionForm } from './publishing.forms.ts'
import { isKnownTopic, splitTopic, TOPIC_SEPARATOR } from './topics.ts'

/** The columns of an import file, as its header row names them (the order of the downloadable template). */
export const IMPORT_COLUMNS = [
  '索引号', '名称', '发布机构', '发文机关', '文号', '成文日期', '发布日期', '主题分类', '体裁', '目录栏目', '内容概述', '正文', '有效性', '施行日期', '失效日期',
] as const
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]

/** A cell as a parser hands it over: text, a number, or a date (XLSX date cells). */
export type ImportCell = string | number | Date | null | undefined

/** One data row, keyed by column name; `line` is its row number in the file (the header is row 1). */
export type ImportRow = Partial<Record<ImportColumn, ImportCell>> & { line?: number }

/** A reason a row was not imported, in Chinese, with the column it is about ('' for the row as a whole). */
export interface RejectedRow {
  row: number
  field: ImportColumn | ''
  message: string
}

export interface ImportOptions {
  /** 发布机构 of every row (the CLI's --unit); without it each row names its unit in the 发布机构 column. */
  organisationCode?: string
  /** Check every row and report, write nothing. */
  dryRun: boolean
  clock: Clock
  /** Who ran the import, for the audit log and the items' events (e.g. 'cli', 'demo'). */
  actorLabel: string
  /** The user recorded as creator and publisher; by default the first 公开办 or system administrator. */
  actorUserId?: number
  /** Rows per transaction (500). */
  batchSize?: number
  /** One audit-log row per batch (default true; the demo seed, like the rest of the demo data, writes none). */
  audit?: boolean
}

export interface ImportResult {
  dryRun: boolean
  /** Data rows read. */
  total: number
  /** Rows that passed every check (imported, unless this was a dry run). */
  accepted: number
  imported: number
  rejected: RejectedRow[]
  /** Wall time of the whole call, and imported items per second (0 for a dry run). */
  elapsedMs: number
  itemsPerSecond: number
}

const FORM_FIELD_COLUMNS: Record<string, ImportColumn> = {
  title: '名称', issuingBody: '发文机关', docNo: '文号', writtenOn: '成文日期', topic: '主题分类', genre: '体裁', section: '目录栏目',
  summary: '内容概述', body: '正文', validity: '有效性', effectiveOn: '施行日期', expiresOn: '失效日期',
}

const VALIDITY_BY_LABEL: Record<string, 'in_force' | 'expired' | 'repealed'> = Object.fromEntries(
  Object.entries(VALIDITY_LABELS).map(([key, label]) => [label, key as 'in_force' | 'expired' | 'repealed']),
)
const GENRE_ALIASES: Record<string, string> = { 命令: '命令（令）', 令: '命令（令）', '命令(令)': '命令（令）' }

/** A checked row, ready to insert. */
interface AcceptedRow {
  row: number
  organisation: Organisation
  indexNo: string | null
  publishedAt: Date
  values: {
    title: string; issuing_body: string; doc_no: string | null; written_on: string; topic: string; genre: string; section: string; summary: string
    body_html: string; validity: string | null; effective_on: string | null; expires_on: string | null
  }
}

/** Text of a cell: dates as YYYY-MM-DD (an XLSX date cell is midnight UTC of its date), numbers as written. */
function cellText(cell: ImportCell): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10)
  return String(cell).trim()
}

/** 2023/9/5, 2023.9.5, 2023年9月5日 and 2023-09-05 00:00:00 become 2023-09-05; anything else is left for the form to refuse. */
export function importDate(text: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(text.trim())
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : text.trim()
}

/** The stored form of a 文号, as the item form stores it (edition-workflow.ts editionValues). */
function storedDocNo(text: string): string | null {
  return text ? normaliseDocNo(text)?.normalised ?? text.replace(/\s+/g, '') : null
}

/** The first 公开办 or system administrator, who is recorded as creator and publisher of imported items. */
async function importingUser(db: Executor): Promise<number> {
  const users = (await listUsers(db)).filter((u) => !u.disabledAt)
  const admin = users.find((u) => u.roles.includes('disclosure_admin')) ?? users.find((u) => u.roles.includes('system_admin')) ?? users[0]
  if (!admin) throw new InvalidInputError([{ field: '', message: '系统中还没有用户，请先用 npx gongkai create-admin 创建管理员，再导入公开信息' }])
  return admin.id
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * Checks every row; returns those that pass with their stored values, and the reasons for the rest. Reads the
 * database (units, 索引号 and 文号 in use) but writes nothing.
 */
async function checkRows(db: Executor, rows: readonly ImportRow[], options: ImportOptions): Promise<{ accepted: AcceptedRow[]; rejected: RejectedRow[] }> {
  const rejected: RejectedRow[] = []
  const units = new Map<string, Organisation | undefined>()
  const unitByCode = async (code: string) => {
    if (!units.has(code)) units.set(code, await findOrganisationByCode(db, code))
    return units.get(code)
  }
  let fixedUnit: Organisation | undefined
  if (options.organisationCode !== undefined) {
    fixedUnit = await unitByCode(options.organisationCode.trim())
    if (!fixedUnit) throw new InvalidInputError([{ field: 'unit', message: `找不到代码为“${options.organisationCode}”的单位，请检查单位代码` }])
  }
  const today = options.clock.today()
  const candidates: (AcceptedRow & { problems: number })[] = []
  const topics = await loadTopicVocabulary(db)
  const EditionForm = editionForm(topics)

  for (const [index, raw] of rows.entries()) {
    const row = raw.line ?? index + 2
    const text = (column: ImportColumn) => cellText(raw[column])
    const problems: RejectedRow[] = []
    const problem = (field: ImportColumn | '', message: string) => problems.push({ row, field, message })

    // 发布机构
    const unitText = text('发布机构')
    let organisation = fixedUnit
    if (fixedUnit) {
      if (unitText && unitText !== fixedUnit.code && unitText !== fixedUnit.name) problem('发布机构', `发布机构“${unitText}”与本次导入指定的单位“${fixedUnit.code}”不一致，请删去这一列或改为 ${fixedUnit.code}`)
    } else if (!unitText) {
      problem('发布机构', '请填写发布机构的单位代码，例如 czj；或在导入时指定单位')
    } else {
      organisation = await unitByCode(unitText)
      if (!organisation) problem('发布机构', `找不到代码为“${unitText}”的单位，请填写系统中的单位代码`)
    }

    // Controlled vocabularies: the form only says "请选择…", a file needs to be told what it may contain.
    // 主题分类: one level ("综合政务") or two, joined as gov.cn does ("综合政务\政务公开"); "综合政务 > 政务公开" is read too.
    const topic = text('主题分类').replace(/\s*[>＞＼]\s*/g, TOPIC_SEPARATOR)
    if (topic && !isKnownTopic(topics, topic)) {
      const group = topics.groups.find((g) => g.first === splitTopic(topic).first)
      problem('主题分类', group
        ? `“${group.first}”下没有二级分类“${splitTopic(topic).second}”，请填写其中之一：${group.seconds.join('、')}，或只填一级分类“${group.first}”`
        : `主题分类“${topic}”不在分类表中，请填写一级分类（${topics.groups.map((g) => g.first).join('、')}），或“一级\\二级”，例如“综合政务\\政务公开”`)
    }
    const genreText = text('体裁')
    const genre = GENRE_ALIASES[genreText] ?? genreText
    if (genre && !GENRES.includes(genre)) problem('体裁', `体裁“${genreText}”不是公文种类，请填写其中之一：${GENRES.join('、')}`)
    const sectionText = text('目录栏目')
    const section = CATALOGUE_SECTIONS.find((s) => s.key === sectionText || s.label === sectionText)?.key ?? sectionText
    if (sectionText && section === sectionText && !CATALOGUE_SECTIONS.some((s) => s.key === sectionText)) problem('目录栏目', `目录栏目“${sectionText}”不存在，请填写栏目代码（如 fggz）或栏目名称（如“规章和规范性文件”）`)
    const validityText = text('有效性')
    const validity = validityText ? VALIDITY_BY_LABEL[validityText] : ''
    if (validity === undefined) problem('有效性', `有效性“${validityText}”无法识别，请填写“有效”“失效”“废止”或留空`)
    const flagged = new Set(problems.map((p) => p.field))

    const form = EditionForm.safeParse({
      title: text('名称'), issuingBody: text('发文机关'), docNo: text('文号'), writtenOn: importDate(text('成文日期')), topic, genre, section,
      summary: text('内容概述'), body: text('正文'), disclosure: 'proactive', disclosureBasis: '', validity: validity ?? '',
      effectiveOn: text('施行日期') && importDate(text('施行日期')), expiresOn: text('失效日期') && importDate(text('失效日期')),
    })
    if (!form.success) {
      for (const issue of form.error.issues) {
        const field = FORM_FIELD_COLUMNS[String(issue.path[0] ?? '')] ?? ''
        if (!flagged.has(field)) problem(field, issue.message)
        flagged.add(field)
      }
    }

    // 索引号 and 发布日期
    const indexNo = text('索引号')
    if (indexNo.length > 64) problem('索引号', '索引号不能超过 64 个字符')
    const publishedText = text('发布日期') && importDate(text('发布日期'))
    let publishedAt = options.clock.now()
    if (publishedText) {
      const valid = /^\d{4}-\d{2}-\d{2}$/.test(publishedText) && new Date(`${publishedText}T00:00:00Z`).toISOString().slice(0, 10) === publishedText
      if (!valid) problem('发布日期', '请按“2026-01-31”的格式填写发布日期，或留空（按导入时间发布）')
      else if (publishedText > today) problem('发布日期', `发布日期 ${publishedText} 晚于今天，导入的信息须是已经发布的`)
      else if (form.success && publishedText < form.data.writtenOn) problem('发布日期', '发布日期不能早于成文日期')
      // 09:00 Beijing time: the old site did not keep the hour; the working day's start is the honest guess.
      else publishedAt = new Date(`${publishedText}T09:00:00+08:00`)
    }

    if (problems.length || !form.success || !organisation) {
      rejected.push(...problems)
      continue
    }
    const f = form.data
    candidates.push({
      row, organisation, indexNo: indexNo || null, publishedAt, problems: 0,
      values: {
        title: f.title, issuing_body: f.issuingBody, doc_no: storedDocNo(f.docNo), written_on: f.writtenOn, topic: f.topic, genre: f.genre, section: f.section,
        summary: f.summary, body_html: bodyToHtml(f.body), validity: f.validity || null, effective_on: f.effectiveOn || null, expires_on: f.expiresOn || null,
      },
    })
  }

  // 索引号 once, 文号 once per unit: first within the file (the earlier row wins), then against the database.
  const reject = (c: (typeof candidates)[number], field: ImportColumn, message: string) => {
    c.problems++
    rejected.push({ row: c.row, field, message })
  }
  const indexSeen = new Map<string, number>()
  const docSeen = new Map<string, number>()
  for (const c of candidates) {
    if (c.indexNo) {
      const first = indexSeen.get(c.indexNo)
      if (first !== undefined) reject(c, '索引号', `索引号“${c.indexNo}”与第 ${first} 行重复`)
      else indexSeen.set(c.indexNo, c.row)
    }
    if (c.values.doc_no) {
      const key = `${c.organisation.id}\u0000${c.values.doc_no}`
      const first = docSeen.get(key)
      if (first !== undefined) reject(c, '文号', `文号“${c.values.doc_no}”与第 ${first} 行重复（同一单位的文号不能重复使用）`)
      else docSeen.set(key, c.row)
    }
  }
  const withIndexNo = candidates.filter((c) => c.indexNo)
  for (const part of chunks(withIndexNo, 1000)) {
    const taken = new Set((await db.selectFrom('catalogue_items').select('index_no').where('index_no', 'in', part.map((c) => c.indexNo!)).execute()).map((r) => r.index_no))
    for (const c of part) if (taken.has(c.indexNo!)) reject(c, '索引号', `索引号“${c.indexNo}”已被系统中的其他信息使用`)
  }
  const withDocNo = candidates.filter((c) => c.values.doc_no)
  for (const part of chunks(withDocNo, 1000)) {
    const used = await db.selectFrom('catalogue_editions as e').innerJoin('catalogue_items as i', 'i.id', 'e.item_id')
      .select(['i.organisation_id', 'e.doc_no', 'e.title']).where('e.doc_no', 'in', [...new Set(part.map((c) => c.values.doc_no!))])
      .where('i.organisation_id', 'in', [...new Set(part.map((c) => c.organisation.id))]).where('e.state', 'not in', ['superseded']).execute()
    const byKey = new Map(used.map((u) => [`${u.organisation_id}\u0000${u.doc_no}`, u.title]))
    for (const c of part) {
      const title = byKey.get(`${c.organisation.id}\u0000${c.values.doc_no}`)
      if (title !== undefined) reject(c, '文号', `文号“${c.values.doc_no}”在本单位已被《${title}》使用`)
    }
  }
  rejected.sort((a, b) => a.row - b.row)
  return { accepted: candidates.filter((c) => c.problems === 0), rejected }
}

/**
 * 索引号 for rows without one: the unit's rule (by default {unit}/{yyyy}-{serial:05}), serials taken from the unit's yearly counter in blocks, skipping
 * any number already in use or named elsewhere in the file. Counters are first moved past the numbers the file
 * itself brings in that pattern, so that items created later do not collide with imported ones.
 */
async function assignIndexNos(trx: Trx, batch: AcceptedRow[], fileIndexNos: ReadonlySet<string>): Promise<void> {
  const bumps = new Map<string, { organisationId: number; year: number; serial: number }>()
  for (const r of batch) {
    if (!r.indexNo) continue
    const m = /^(.+)\/(\d{4})-(\d+)$/.exec(r.indexNo)
    if (!m || m[1] !== r.organisation.code) continue
    const key = `${r.organisation.id}/${m[2]}`
    const serial = Number(m[3])
    if ((bumps.get(key)?.serial ?? 0) < serial) bumps.set(key, { organisationId: r.organisation.id, year: Number(m[2]), serial })
  }
  for (const b of bumps.values()) {
    await trx.insertInto('index_no_counters').values({ organisation_id: b.organisationId, year: b.year, last_serial: b.serial })
      .onConflict((oc) => oc.columns(['organisation_id', 'year']).doUpdateSet({ last_serial: sql`greatest(index_no_counters.last_serial, excluded.last_serial)` })).execute()
  }

  // The rows still without a number, grouped by unit and year; one counter upsert and one lookup per round for all
  // groups of the batch (a round more only when a number turns out to be taken).
  let waiting = batch.filter((r) => !r.indexNo)
  // Each unit's 索引号 rule (index-pattern.ts); the default pattern and the unit's code until one is set.
  const settings = new Map<number, IndexSetting>()
  while (waiting.length) {
    const groups = new Map<string, AcceptedRow[]>()
    for (const r of waiting) {
      const key = `${r.organisation.id}/${r.values.written_on.slice(0, 4)}`
      groups.set(key, [...(groups.get(key) ?? []), r])
    }
    const blocks = [...groups.values()].map((rows) => ({ rows, organisationId: rows[0]!.organisation.id, year: Number(rows[0]!.values.written_on.slice(0, 4)) }))
    const taken = await trx.insertInto('index_no_counters').values(blocks.map((b) => ({ organisation_id: b.organisationId, year: b.year, last_serial: b.rows.length })))
      .onConflict((oc) => oc.columns(['organisation_id', 'year']).doUpdateSet({ last_serial: sql`index_no_counters.last_serial + excluded.last_serial` }))
      .returning(['organisation_id', 'year', 'last_serial']).execute()
    const last = new Map(taken.map((t) => [`${t.organisation_id}/${t.year}`, t.last_serial]))
    const proposed = new Map<AcceptedRow, string>()
    for (const b of blocks) {
      const first = last.get(`${b.organisationId}/${b.year}`)! - b.rows.length + 1
      const setting = settings.get(b.organisationId) ?? (await indexSettingOf(trx, b.rows[0]!.organisation))
      settings.set(b.organisationId, setting)
      b.rows.forEach((r, i) => proposed.set(r, formatIndexNo(setting.pattern, { unit: setting.code, year: b.year, month: Number(r.values.written_on.slice(5, 7)), serial: first + i })))
    }
    const inUse = new Set((await trx.selectFrom('catalogue_items').select('index_no').where('index_no', 'in', [...proposed.values()]).execute()).map((r) => r.index_no))
    for (const [r, no] of proposed) if (!inUse.has(no) && !fileIndexNos.has(no)) r.indexNo = no
    // Rows whose number was taken get fresh serials in the next round.
    waiting = waiting.filter((r) => !r.indexNo)
  }
}

async function nextIds(trx: Trx, table: 'catalogue_items' | 'catalogue_editions', n: number): Promise<number[]> {
  const result = await sql<{ id: number }>`select nextval(pg_get_serial_sequence(${table}, 'id'))::int as id from generate_series(1, ${n})`.execute(trx)
  return result.rows.map((r) => Number(r.id))
}

/** Writes one batch of checked rows as published items, in the caller's transaction. */
async function insertBatch(trx: Trx, batch: AcceptedRow[], tokens: string[], ctx: { userId: number; now: Date; actorLabel: string; audit: boolean }): Promise<void> {
  const [itemIds, editionIds] = [await nextIds(trx, 'catalogue_items', batch.length), await nextIds(trx, 'catalogue_editions', batch.length)]
  const { userId, now } = ctx
  await trx.insertInto('catalogue_items').values(batch.map((r, i) => ({
    id: itemIds[i]!, organisation_id: r.organisation.id, index_no: r.indexNo!, first_published_at: r.publishedAt, live_edition_id: editionIds[i]!,
    public_state: 'published', created_by_user_id: userId, created_at: now,
  }))).execute()
  await trx.insertInto('catalogue_editions').values(batch.map((r, i) => ({
    id: editionIds[i]!, item_id: itemIds[i]!, edition_no: 1, state: 'published', ...r.values, disclosure: 'proactive', disclosure_basis: '',
    change_kind: 'major', change_note: '', publish_at: null, published_at: r.publishedAt, version_no: 1, needs_review: false,
    created_by_user_id: userId, published_by_user_id: userId, created_at: now, updated_at: now,
  }))).execute()
  await trx.insertInto('catalogue_events').values(batch.map((r, i) => ({
    item_id: itemIds[i]!, edition_id: editionIds[i]!, type: 'imported', actor_user_id: userId, recorded_at: now, reason: '',
    details: JSON.stringify({ indexNo: r.indexNo, row: r.row, source: ctx.actorLabel }),
  }))).execute()
  // The search row as goLive writes it: same fields, same token text, published_at = first publication.
  await trx.insertInto('catalogue_search').values(batch.map((r, i) => ({
    item_id: itemIds[i]!, organisation_id: r.organisation.id, section: r.values.section, topic: r.values.topic, validity: r.values.validity,
    year: Number(r.values.written_on.slice(0, 4)), published_at: r.publishedAt, title: r.values.title, doc_no: r.values.doc_no,
    tokens: sql`to_tsvector('simple', ${tokens[i]!})` as any,
  }))).execute()
  if (ctx.audit) {
    const units = [...new Set(batch.map((r) => r.organisation.id))]
    await appendAudit(trx, {
      actorUserId: userId, actorUsername: ctx.actorLabel, organisationId: units.length === 1 ? units[0]! : null, action: 'catalogue.imported', outcome: 'success',
      targetType: 'catalogue_item', targetId: `${itemIds[0]}-${itemIds.at(-1)}`, details: { count: batch.length, firstIndexNo: batch[0]!.indexNo, lastIndexNo: batch.at(-1)!.indexNo },
    }, now)
  }
}

/**
 * 导入公开信息: checks every row and, unless `dryRun`, imports the rows that pass as published catalogue items (edition
 * 1, version 1, first published on the row's 发布日期 at 09:00 Beijing time or now), `batchSize` rows per transaction.
 * Rejected rows are reported with their row number, column and a Chinese reason; they never stop the other rows.
 */
export async function importCatalogue(db: Db, rows: readonly ImportRow[], options: ImportOptions): Promise<ImportResult> {
  const started = performance.now()
  const { accepted, rejected } = await checkRows(db, rows, options)
  const base = { dryRun: options.dryRun, total: rows.length, accepted: accepted.length, rejected }
  if (options.dryRun || accepted.length === 0) return { ...base, imported: 0, elapsedMs: Math.round(performance.now() - started), itemsPerSecond: 0 }

  const userId = options.actorUserId ?? (await importingUser(db))
  const fileIndexNos = new Set(accepted.flatMap((r) => (r.indexNo ? [r.indexNo] : [])))
  let imported = 0
  for (const batch of chunks(accepted, options.batchSize ?? 500)) {
    // Tokenising is the CPU-heavy part; it runs before the transaction so that the transaction stays short.
    const tokens = batch.map((r) => toTsvectorText(indexTokens([r.values.title, r.values.doc_no ?? '', r.values.summary, htmlText(r.values.body_html)].join('\n'))))
    await db.transaction().execute(async (trx) => {
      await assignIndexNos(trx, batch, fileIndexNos)
      await insertBatch(trx, batch, tokens, { userId, now: options.clock.now(), actorLabel: options.actorLabel, audit: options.audit ?? true })
    })
    imported += batch.length
  }
  const elapsedMs = performance.now() - started
  return { ...base, imported, elapsedMs: Math.round(elapsedMs), itemsPerSecond: Math.round(imported / (elapsedMs / 1000)) }
}
