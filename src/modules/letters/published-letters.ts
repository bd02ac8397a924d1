/**
 * 信件选登: letters whose writers agreed to publication, with their released replies, anonymised. The privacy scan
 * of the publishing wing masks 身份证/手机/银行卡 numbers and 敏感词; the writer's own name is replaced by "X某".
 * Addresses written into the text are not detected automatically — the 公开办 reads the reply before release.
 */
import type { Executor } from '../../database.ts'
import type { FieldCipher } from '../../platform/crypto/sm.ts'
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
  releasedAt: Date
}

/** The text with every finding of the privacy scan replaced by its masked form, and the writer's name hidden. */
export function anonymise(text: string, writerName: string, today: string): string {
  let out = text
  const name = writerName.trim()
  if ([...name].length >= 2) out = out.split(name).join(`${[...name][0]}某`)
  const findings = scanText(out, { sensitiveWords: DEFAULT_SENSITIVE_WORDS, today })
  for (const f of [...findings].sort((a, b) => b.start - a.start)) out = out.slice(0, f.start) + f.masked + out.slice(f.end)
  return out
}

export async function publishedLetters(db: Executor, cipher: FieldCipher, regionId: number, today: string, limit = 20): Promise<PublishedLetter[]> {
  const rows = await db.selectFrom('letter_cases')
    .select(['case_no', 'category', 'subject', 'content', 'reply_text', 'received_on', 'unit_id', 'released_at', 'contact_name_sealed'])
    .where('region_id', '=', regionId).where('publish_consent', '=', true).where('state', 'in', ['released', 'closed']).where('reply_text', 'is not', null).where('released_at', 'is not', null)
    .orderBy('released_at', 'desc').limit(limit).execute()
  return rows.map((r) => {
    const name = cipher.decrypt(r.contact_name_sealed)
    return {
      caseNo: r.case_no, category: r.category as CategoryKey, subject: anonymise(r.subject, name, today), content: anonymise(r.content, name, today), reply: anonymise(r.reply_text!, name, today),
      receivedOn: r.received_on, unitId: r.unit_id, releasedAt: r.released_at!,
    }
  })
}
