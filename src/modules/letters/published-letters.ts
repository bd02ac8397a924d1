/**
 * 信件选登 on the portal: the letters the 公开办 approved (letter-publications.ts), with their replies, as approved —
 * anonymised and edited. Nothing is published by a release alone. `anonymise` is the first draft the office reviews:
 * the writer's name becomes "X某", and the publishing wing's privacy scan masks 身份证/手机/银行卡 numbers, 敏感词 and
 * 住址 (down to a house, flat or village group).
 */
import type { Executor } from '../../database.ts'
import { DEFAULT_SENSITIVE_WORDS, scanText } from '../publishing/index.ts'
import type { CategoryKey } from './rules/index.ts'

export interface PublishedLetter {
  caseNo: string
  category: CategoryKey
  subject: string
  content: string
  reply: string
  receivedOn: string
  unitId: number | null
  publishedAt: Date
}

/** The text with every finding of the privacy scan (addresses included) replaced by its masked form, and the writer's name hidden. */
export function anonymise(text: string, writerName: string, today: string): string {
  let out = text
  const name = writerName.trim()
  if ([...name].length >= 2) out = out.split(name).join(`${[...name][0]}某`)
  const findings = scanText(out, { sensitiveWords: DEFAULT_SENSITIVE_WORDS, today, addresses: true })
  for (const f of [...findings].sort((a, b) => b.start - a.start)) out = out.slice(0, f.start) + f.masked + out.slice(f.end)
  return out
}

/** Approved letters of a region, newest publication first. */
export async function publishedLetters(db: Executor, regionId: number, limit = 20): Promise<PublishedLetter[]> {
  const rows = await db.selectFrom('letter_publications as p').innerJoin('letter_cases as c', 'c.id', 'p.case_id')
    .select(['c.case_no', 'c.category', 'p.subject', 'p.content', 'p.reply', 'c.received_on', 'c.unit_id', 'p.published_at'])
    .where('p.region_id', '=', regionId).where('p.state', '=', 'approved')
    .orderBy('p.published_at', 'desc').limit(limit).execute()
  return rows.map((r) => ({
    caseNo: r.case_no, category: r.category as CategoryKey, subject: r.subject, content: r.content, reply: r.reply, receivedOn: r.received_on, unitId: r.unit_id, publishedAt: r.published_at!,
  }))
}
