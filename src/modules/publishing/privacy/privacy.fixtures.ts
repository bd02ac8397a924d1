import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  Packer,
  Paragraph,
  TextRun,
} from 'docx'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { luhnCheckDigit } from './bank-card.ts'
import { idCheckChar } from './id-card.ts'

/**
 * Test fixtures for the privacy gate. Every number here is synthetic: region codes are real GB/T 2260 codes, dates
 * and sequence numbers are made up, and check characters are computed — never copy a real person's number into a
 * test. Attachments (DOCX, XLSX, PDF) are built in memory so no binary files live in the repository.
 */

/** A valid 18-character 身份证号码 for a region (6 digits), birth date (yyyymmdd) and sequence number (3 digits). */
export function syntheticIdNumber(region = '500103', birth = '19850615', sequence = '123'): string {
  const first17 = region + birth + sequence
  return first17 + idCheckChar(first17)
}

/** The same number with a wrong check character. */
export function withWrongCheckChar(id: string): string {
  const right = id[17]!
  const wrong = '10X98765432'.split('').find((c) => c !== right)!
  return id.slice(0, 17) + wrong
}

/** A Luhn-valid card number: `prefix` padded with `filler` digits to length - 1, then the check digit. */
export function syntheticCardNumber(prefix = '622848', length = 16, filler = '0123456789'): string {
  let body = prefix
  for (let i = 0; body.length < length - 1; i++) body += filler[i % filler.length]
  return body + luhnCheckDigit(body)
}

/** The same card number with its last digit changed, so that it fails Luhn. */
export function withWrongLuhnDigit(card: string): string {
  const last = Number(card.at(-1))
  return card.slice(0, -1) + String((last + 1) % 10)
}

/** Full-width digits and letters (０-９, Ｘ), as typed with a Chinese input method in full-width mode. */
export function toFullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
}

// ---------------------------------------------------------------------------------------------------------------
// fast-check arbitraries
// ---------------------------------------------------------------------------------------------------------------

const REGIONS = ['110105', '120101', '130102', '310115', '320102', '350203', '440305', '500103', '510107', '620102', '650102', '810000']

/** Any valid 18-character ID number with a birth date from 1900 up to 2025-12-31. */
export const validIdNumber = fc
  .record({
    region: fc.constantFrom(...REGIONS),
    birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, birth, sequence }) =>
    syntheticIdNumber(region, birth.toISOString().slice(0, 10).replaceAll('-', ''), String(sequence).padStart(3, '0')))

/** Chinese text without digits or ASCII letters: common characters and Chinese punctuation. */
export const chineseText = fc
  .array(fc.constantFrom(...'关于公布二〇一九年度政府信息公开工作报告的通知各单位请按照要求认真落实，。、；：“”（）《》 \n'), { maxLength: 40 })
  .map((chars) => chars.join(''))

/** Any Luhn-valid 16-digit number starting with 62 (银联). */
export const unionPayCardNumber = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 13 })
  .map((digits) => {
    const body = '62' + digits.join('')
    return body + luhnCheckDigit(body)
  })

// ---------------------------------------------------------------------------------------------------------------
// Attachments
// ---------------------------------------------------------------------------------------------------------------

/** A DOCX with one paragraph per string (empty strings make empty paragraphs). */
export async function buildDocx(paragraphs: readonly string[]): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }] })
  return new Uint8Array(await Packer.toBuffer(document))
}

/** Text a DOCX carries outside its body. */
export interface DocxOutsideBody {
  header: string
  footer: string
  footnote: string
  comment: string
  /** Deleted with track changes on: no longer shown, still in the file. */
  deleted: string
}

/** A DOCX with one body paragraph plus a header, footer, footnote, comment and tracked deletion. */
export async function buildDocxOutsideBody(body: string, parts: DocxOutsideBody): Promise<Uint8Array> {
  const date = '2026-01-05T00:00:00Z'
  const document = new Document({
    footnotes: { 1: { children: [new Paragraph(parts.footnote)] } },
    comments: { children: [{ id: 0, author: '审核人', children: [new Paragraph(parts.comment)] }] },
    sections: [{
      headers: { default: new Header({ children: [new Paragraph(parts.header)] }) },
      footers: { default: new Footer({ children: [new Paragraph(parts.footer)] }) },
      children: [
        new Paragraph({
          children: [
            new CommentRangeStart(0),
            new TextRun(body),
            new CommentRangeEnd(0),
            new TextRun({ children: [new CommentReference(0)] }),
            new FootnoteReferenceRun(1),
            new DeletedTextRun({ text: parts.deleted, id: 1, author: '起草人', date }),
          ],
        }),
      ],
    }],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}

/** One sheet of an XLSX: cell values by address, notes by address, hidden or not, merged ranges. */
export interface SheetFixture {
  name: string
  cells: Readonly<Record<string, string | number>>
  notes?: Readonly<Record<string, string>>
  hidden?: boolean
  merges?: readonly string[]
}

/** An XLSX built with exceljs. */
export async function buildXlsx(sheets: readonly SheetFixture[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  for (const fixture of sheets) {
    const sheet = workbook.addWorksheet(fixture.name, { state: fixture.hidden ? 'hidden' : 'visible' })
    for (const [address, value] of Object.entries(fixture.cells)) sheet.getCell(address).value = value
    for (const [address, note] of Object.entries(fixture.notes ?? {})) sheet.getCell(address).note = note
    for (const range of fixture.merges ?? []) sheet.mergeCells(range)
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

/**
 * A minimal valid PDF written by hand: one page per string, each shown with the standard Helvetica font, so only
 * ASCII text. Offsets in the cross-reference table are computed, as PDF readers expect.
 */
export function buildPdf(pages: readonly string[]): Uint8Array {
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${4 + 2 * i} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ]
  for (const [i, text] of pages.entries()) {
    const escaped = text.replace(/[\\()]/g, (c) => `\\${c}`)
    const content = text === '' ? '' : `BT /F1 12 Tf 72 720 Td (${escaped}) Tj ET`
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`)
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`)
  }
  let pdf = '%PDF-1.4\n'
  const offsets: number[] = []
  for (const [i, object] of objects.entries()) {
    offsets.push(pdf.length)
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`
  }
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(pdf)
}
