/**
 * 敏感词表 of the installation, kept by the 公开办 and the security administrator with their 保密 office. The privacy
 * gate checks every edition against the words in force on submit and on publish (edition-workflow.ts reviewPrivacy).
 * Until the first change the built-in DEFAULT_SENSITIVE_WORDS are in force and the table is empty; the first change
 * writes them into the table (added by 系统), so that from then on every word, built-in or not, can be removed.
 * Removed words stay in the table with who removed them and when, so the page shows who changed what, and every
 * change is audited in the same transaction.
 */
import type { Executor, Trx } from '../../database.ts'
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.ts'
import { appendAudit, requireActor, type UseCaseContext } from '../orgs/index.ts'
import { authoriseSetting } from './publishing.policy.ts'
import { DEFAULT_SENSITIVE_WORDS } from './privacy/index.ts'

export const MAX_SENSITIVE_WORD_LENGTH = 30

/** The form a word is compared in: full-width folded (NFKC), lower case, no spaces — as the scanner matches it. */
export function sensitiveWordKey(word: string): string {
  return word.normalize('NFKC').toLowerCase().replace(/\s+/g, '')
}

export interface SensitiveWordRow {
  id: number
  word: string
  note: string
  addedByUserId: number | null
  addedAt: Date
  removedByUserId: number | null
  removedAt: Date | null
}

const STARTING_NOTE = '系统初始词表'

async function untouched(db: Executor): Promise<boolean> {
  return !(await db.selectFrom('sensitive_words').select('id').limit(1).executeTakeFirst())
}

/** Writes the built-in list into the table before its first change (a no-op afterwards, and safe when two race). */
async function writeStartingList(trx: Trx, at: Date): Promise<void> {
  if (!(await untouched(trx))) return
  await trx.insertInto('sensitive_words').values(DEFAULT_SENSITIVE_WORDS.map((word) => ({ word, word_key: sensitiveWordKey(word), note: STARTING_NOTE, added_by_user_id: null, added_at: at })))
    .onConflict((oc) => oc.column('word_key').where('removed_at', 'is', null).doNothing()).execute()
}

/** The words in force, for the privacy gate: the built-in list until the first change, then the table's. */
export async function sensitiveWordsInForce(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('sensitive_words').select(['word', 'removed_at']).orderBy('id').execute()
  return rows.length === 0 ? [...DEFAULT_SENSITIVE_WORDS] : rows.filter((r) => r.removed_at === null).map((r) => r.word)
}

/** Every word ever listed, newest change first (in force and removed); before the first change, the built-in list. */
export async function listSensitiveWords(db: Executor): Promise<SensitiveWordRow[]> {
  const rows = await db.selectFrom('sensitive_words').selectAll().orderBy('id', 'desc').execute()
  if (rows.length === 0) {
    return DEFAULT_SENSITIVE_WORDS.map((word, i) => ({ id: -(i + 1), word, note: STARTING_NOTE, addedByUserId: null, addedAt: new Date(0), removedByUserId: null, removedAt: null })).reverse()
  }
  return rows.map((r) => ({
    id: r.id, word: r.word, note: r.note, addedByUserId: r.added_by_user_id, addedAt: new Date(r.added_at),
    removedByUserId: r.removed_by_user_id, removedAt: r.removed_at ? new Date(r.removed_at) : null,
  }))
}

/**
 * Adds words, one per line. Every line is checked first (empty lines are skipped); one bad line saves nothing, and
 * the message names the line: too long, a single character (it would flag ordinary text everywhere), listed twice,
 * or already in force.
 */
export async function addSensitiveWords(ctx: UseCaseContext, input: { words: string; note: string }): Promise<number> {
  await authoriseSetting(ctx, 'catalogue.sensitive_words.manage')
  const actor = requireActor(ctx)
  const lines = input.words.split(/\r?\n/).map((l, i) => ({ line: i + 1, word: l.trim() })).filter((l) => l.word)
  const lineLabel = (line: number) => (input.words.split(/\r?\n/).filter((l) => l.trim()).length > 1 ? `第 ${line} 行` : '')
  if (!lines.length) throw new InvalidInputError([{ field: 'words', message: '请填写要添加的敏感词，每行一个' }])
  if (lines.length > 500) throw new InvalidInputError([{ field: 'words', message: '一次最多添加 500 个词，请分批添加' }])
  const inForce = new Map((await sensitiveWordsInForce(ctx.db)).map((w) => [sensitiveWordKey(w), w]))
  const seen = new Map<string, number>()
  for (const { line, word } of lines) {
    const key = sensitiveWordKey(word)
    const at = lineLabel(line)
    if ([...word].length > MAX_SENSITIVE_WORD_LENGTH) throw new InvalidInputError([{ field: 'words', message: `${at}“${word.slice(0, 10)}…”超过 ${MAX_SENSITIVE_WORD_LENGTH} 个字，请只写需要查找的词` }])
    if ([...key].length < 2) throw new InvalidInputError([{ field: 'words', message: `${at}“${word}”只有一个字，会把大量正常文字当作敏感词，请填写完整的词` }])
    if (inForce.has(key)) throw new InvalidInputError([{ field: 'words', message: `${at}“${word}”已在敏感词表中${inForce.get(key) !== word ? `（写作“${inForce.get(key)}”）` : ''}` }])
    if (seen.has(key)) throw new InvalidInputError([{ field: 'words', message: `${at}“${word}”与第 ${seen.get(key)} 行重复` }])
    seen.set(key, line)
  }
  await ctx.db.transaction().execute(async (trx) => {
    const at = ctx.clock.now()
    await writeStartingList(trx, at)
    const rows = await trx.insertInto('sensitive_words').values(lines.map(({ word }) => ({ word, word_key: sensitiveWordKey(word), note: input.note, added_by_user_id: actor.userId, added_at: at }))).returning('id').execute()
    await appendAudit(trx, { actorUserId: actor.userId, actorUsername: actor.username, organisationId: actor.organisationId, action: 'catalogue.sensitive_words_added', outcome: 'success', targetType: 'sensitive_word', targetId: rows.map((r) => r.id).join(','), ip: ctx.ip, details: { count: rows.length, words: lines.map((l) => l.word) } }, at)
  })
  return lines.length
}

/** Removes a word from the list in force (the row stays, marked with who removed it and when). */
export async function removeSensitiveWord(ctx: UseCaseContext, word: string): Promise<void> {
  await authoriseSetting(ctx, 'catalogue.sensitive_words.manage')
  const actor = requireActor(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const at = ctx.clock.now()
    await writeStartingList(trx, at)
    const row = await trx.selectFrom('sensitive_words').select(['id', 'word']).where('word_key', '=', sensitiveWordKey(word)).where('removed_at', 'is', null).forUpdate().executeTakeFirst()
    if (!row) throw new NotFoundError()
    await trx.updateTable('sensitive_words').set({ removed_by_user_id: actor.userId, removed_at: at }).where('id', '=', row.id).execute()
    await appendAudit(trx, { actorUserId: actor.userId, actorUsername: actor.username, organisationId: actor.organisationId, action: 'catalogue.sensitive_word_removed', outcome: 'success', targetType: 'sensitive_word', targetId: row.id, ip: ctx.ip, details: { word: row.word } }, at)
  })
}
