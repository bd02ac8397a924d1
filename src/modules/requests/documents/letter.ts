/**
 * The content model every letter of the requests wing is written in. A letter is built once, from its input, as a
 * `Letter`; the DOCX renderer (公文 layout, GB/T 9704-2012) and the HTML renderer (for online applicants) both read
 * this one model, so the two documents say exactly the same words.
 */
import type { IsoDate } from '../../calendar/index.ts'

/** One block of a letter body. Every string is plain text: no markup, never HTML. */
export type LetterBlock =
  /** 正文段落: first line indented by two characters. */
  | { kind: 'paragraph'; text: string }
  /** A numbered list; each item carries its own number ("1.…") so both renderers print the same text. */
  | { kind: 'items'; items: string[] }
  /** A two-column table of labelled values (回执, 送达回证). An empty value is a blank to fill in by hand. */
  | { kind: 'fields'; rows: { label: string; value: string }[] }

/** The kinds of letter the requests wing issues. */
export type LetterKind =
  | 'receipt'
  | 'correction_notice'
  | 'third_party_consultation'
  | 'consultation_notice'
  | 'extension_notice'
  | 'volume_reasons_request'
  | 'volume_later_date_notice'
  | 'fee_notice'
  | 'answer'
  | 'delivery_record'

/** A letter ready to render. */
export interface Letter {
  kind: LetterKind
  /** 发文机关标志 in the 版头 (red); null for forms without a 版头 (送达回证). */
  letterhead: string | null
  /** 发文字号, e.g. 开州发改依复〔2026〕3号; null when the letter carries none. */
  docNo: string | null
  /** 标题 (小标宋 2号). */
  title: string
  /** 主送: the person or body the letter goes to, printed with a full-width colon; null for forms. */
  addressee: string | null
  body: LetterBlock[]
  /** 附件说明: one line per enclosure, numbered by the renderer's text ("1.…"). */
  attachments: string[]
  /** 发文机关署名 and 成文日期 with the seal position; null for forms signed in the table. */
  signature: { unit: string; date: IsoDate } | null
  /** 附注: contact lines printed in parentheses under the date. */
  notes: string[]
}

/** The words printed where the seal goes (印章 position, GB/T 9704-2012 7.3.5). */
export const SEAL_NOTE = '（印章）'

/** The label of the attachment block (附件说明). */
export const ATTACHMENT_LABEL = '附件：'

/**
 * 成文日期 as printed in a 公文: 2026-11-27 → 2026年11月27日. GB/T 9704-2012 7.3.5.1 writes the year, month and
 * day in full with Arabic numerals, with no leading zeros.
 */
export function chineseDate(date: IsoDate): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) throw new Error(`日期格式应为 YYYY-MM-DD：${date}`)
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`
}

/** The addressee line as printed: the name and a full-width colon. */
export function addresseeLine(letter: Letter): string | null {
  return letter.addressee === null ? null : `${letter.addressee}：`
}

/** The attachment lines as printed: "附件：1.…", continuation lines "2.…". */
export function attachmentLines(letter: Letter): string[] {
  return letter.attachments.map((a, i) => `${i === 0 ? ATTACHMENT_LABEL : ''}${letter.attachments.length > 1 ? `${i + 1}.` : ''}${a}`)
}

/** The note lines as printed: each in full-width parentheses. */
export function noteLines(letter: Letter): string[] {
  return letter.notes.map((n) => `（${n}）`)
}

/**
 * Every line of text of a letter, in reading order, exactly as both renderers print it. Tests compare the text
 * of the DOCX and of the HTML against this.
 */
export function letterText(letter: Letter): string[] {
  const lines: string[] = []
  if (letter.letterhead !== null) lines.push(letter.letterhead)
  if (letter.docNo !== null) lines.push(letter.docNo)
  lines.push(letter.title)
  const addressee = addresseeLine(letter)
  if (addressee !== null) lines.push(addressee)
  for (const block of letter.body) {
    switch (block.kind) {
      case 'paragraph':
        lines.push(block.text)
        break
      case 'items':
        lines.push(...block.items)
        break
      case 'fields':
        for (const row of block.rows) lines.push(row.label, row.value)
        break
    }
  }
  lines.push(...attachmentLines(letter))
  if (letter.signature) lines.push(SEAL_NOTE, letter.signature.unit, chineseDate(letter.signature.date))
  lines.push(...noteLines(letter))
  return lines
}

/** A numbered list block: "1.甲", "2.乙" (公文 层次序号 第三层 uses Arabic numerals and a full stop). */
export function numberedItems(items: readonly string[]): LetterBlock {
  return { kind: 'items', items: items.map((item, i) => `${i + 1}.${item}`) }
}

/** A paragraph block. */
export function paragraph(text: string): LetterBlock {
  return { kind: 'paragraph', text }
}

/**
 * A file name for a letter's DOCX or HTML download: the title, the 发文字号 when there is one, the extension.
 * Characters that file systems refuse (/ \ : * ? " < > |) become full-width or are dropped.
 */
export function letterFileName(letter: Letter, extension: 'docx' | 'html'): string {
  const base = letter.docNo ? `${letter.title}（${letter.docNo}）` : letter.title
  return `${base.replace(/[/\\:*?"<>|]/g, (c) => (c === ':' ? '：' : c === '?' ? '？' : c === '|' ? '｜' : ''))}.${extension}`
}
