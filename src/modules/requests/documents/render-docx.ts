/**
 * A letter as DOCX in 公文 layout (GB/T 9704-2012 《党政机关公文格式》):
 * - A4 paper, margins 天头 37 mm, 下白边 35 mm, 订口 28 mm, 翻口 26 mm (5.2), giving a 156 × 225 mm 版心;
 * - 22 lines of 28 characters (5.2.2): a document grid with a 28.95 pt line pitch (225 mm / 22) and a character
 *   pitch of 156 mm / 28 = 15.79 pt, i.e. 0.21 pt narrower than the 16 pt (3号) body font;
 * - 版头: 发文机关标志 in red 小标宋, centred; 发文字号 centred below it; a red 分隔线 across the 版心 (7.2);
 * - 标题 2号小标宋 centred; 主送机关 flush left; 正文 3号仿宋 with a two-character first-line indent (7.3);
 * - 成文日期 in Arabic numerals, 右空四字, with the 印章 position noted (7.3.5); 附注 in parentheses;
 * - page numbers 4号 "— 1 —", 单页码居右空一字、双页码居左空一字 (7.5).
 */
import {
  AlignmentType, BorderStyle, Document, DocumentGridType, Footer, LineRuleType, Packer, PageNumber, Paragraph,
  Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx'
import { type Letter, SEAL_NOTE, addresseeLine, attachmentLines, chineseDate, noteLines } from './letter.ts'

/** Fonts named as Chinese government templates name them (Windows font names). */
export const DOCX_FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const

/** Page set-up in millimetres and the document grid (twentieths of a point and 1/4096 pt). */
export const DOCX_PAGE = {
  widthMm: 210,
  heightMm: 297,
  marginMm: { top: 37, bottom: 35, left: 28, right: 26 },
  linesPerPage: 22,
  charsPerLine: 28,
  // 225 mm / 22 lines = 28.95 pt = 579 twips.
  linePitchTwips: 579,
  // (156 mm / 28 − 16 pt) × 4096 ≈ −849: w:charSpace is the difference from the default font size in 1/4096 pt.
  charSpace: -849,
} as const

// Millimetres to twips, rounded (docx's own helper truncates: A4 would come out 11905 × 16837 instead of 11906 × 16838).
const mm = (millimetres: number) => Math.round((millimetres / 25.4) * 1440)

// Font sizes in half-points: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt.
const SIZE = { title: 44, body: 32, pageNumber: 28 } as const
const RED = 'FF0000'
const CHAR = 320 // one 3号 character, in twips
const exactLine = { line: DOCX_PAGE.linePitchTwips, lineRule: LineRuleType.EXACT }

function run(text: string, font: string = DOCX_FONTS.body, size: number = SIZE.body, color?: string): TextRun {
  return new TextRun({ text, font: { eastAsia: font, ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin }, size, color })
}

function body(text: string, options: { indent?: boolean; right?: boolean; center?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: [run(text)],
    spacing: exactLine,
    alignment: options.center ? AlignmentType.CENTER : options.right ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    indent: options.indent ? { firstLine: 2 * CHAR } : options.right ? { right: 4 * CHAR } : undefined,
  })
}

const blank = () => new Paragraph({ children: [], spacing: exactLine })

// 发文机关标志: as large as the 版心 allows, at most 小初 (36 pt), so a long unit name stays on one line.
function letterheadSize(name: string): number {
  const widthPt = (DOCX_PAGE.widthMm - DOCX_PAGE.marginMm.left - DOCX_PAGE.marginMm.right) / 25.4 * 72
  return Math.min(72, Math.floor((widthPt - 4) / name.length) * 2)
}

function fieldsTable(rows: { label: string; value: string }[]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
  const borders = { top: border, bottom: border, left: border, right: border }
  const cell = (text: string, widthPct: number) => new TableCell({
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    borders,
    children: [new Paragraph({ children: [run(text)], spacing: exactLine })],
  })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((r) => new TableRow({ children: [cell(r.label, 30), cell(r.value, 70)] })),
  })
}

function pageNumberFooter(align: 'right' | 'left'): Footer {
  return new Footer({
    children: [new Paragraph({
      alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: align === 'right' ? { right: 280 } : { left: 280 },
      children: [
        new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { eastAsia: DOCX_FONTS.pageNumber, ascii: DOCX_FONTS.pageNumber, hAnsi: DOCX_FONTS.pageNumber }, size: SIZE.pageNumber }),
      ],
    })],
  })
}

/** The paragraphs and tables of a letter, top to bottom. */
function letterChildren(letter: Letter): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = []
  if (letter.letterhead !== null) {
    out.push(new Paragraph({
      alignment: AlignmentType.CENTER,
      // Single line spacing: the document default (exact 28.95 pt) would clip a letterhead larger than 3号.
      spacing: { line: 240, lineRule: LineRuleType.AUTO },
      children: [run(letter.letterhead, DOCX_FONTS.title, letterheadSize(letter.letterhead), RED)],
    }))
    out.push(blank())
  }
  const separator = { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 6 } }
  if (letter.docNo !== null) {
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exactLine, border: letter.letterhead !== null ? separator : undefined, children: [run(letter.docNo)] }))
  } else if (letter.letterhead !== null) {
    out.push(new Paragraph({ spacing: exactLine, border: separator, children: [] }))
  }
  out.push(blank(), blank())
  out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT }, children: [run(letter.title, DOCX_FONTS.title, SIZE.title)] }))
  out.push(blank())
  const addressee = addresseeLine(letter)
  if (addressee !== null) out.push(body(addressee))
  for (const block of letter.body) {
    switch (block.kind) {
      case 'paragraph':
        out.push(body(block.text, { indent: true }))
        break
      case 'items':
        for (const item of block.items) out.push(body(item, { indent: true }))
        break
      case 'fields':
        out.push(fieldsTable(block.rows))
        break
    }
  }
  const attachments = attachmentLines(letter)
  if (attachments.length) {
    out.push(blank())
    // 附件说明: 正文下空一行左空二字; continuation lines align under the first attachment name.
    attachments.forEach((line, i) => out.push(new Paragraph({ spacing: exactLine, indent: { left: 2 * CHAR + (i === 0 ? 0 : 3 * CHAR) }, children: [run(line)] })))
  }
  if (letter.signature) {
    out.push(blank(), blank())
    out.push(body(SEAL_NOTE, { right: true }))
    out.push(body(letter.signature.unit, { right: true }))
    out.push(body(chineseDate(letter.signature.date), { right: true }))
  }
  for (const note of noteLines(letter)) out.push(body(note, { indent: true }))
  return out
}

/** The DOCX file of a letter, in 公文 layout. Pure: the same letter always gives the same document text. */
export async function letterDocx(letter: Letter): Promise<Buffer> {
  const m = DOCX_PAGE.marginMm
  const doc = new Document({
    creator: letter.signature?.unit ?? letter.title,
    title: letter.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: { eastAsia: DOCX_FONTS.body, ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin }, size: SIZE.body },
          paragraph: { spacing: exactLine },
        },
      },
    },
    sections: [{
      properties: {
        page: {
          size: { width: mm(DOCX_PAGE.widthMm), height: mm(DOCX_PAGE.heightMm) },
          margin: {
            top: mm(m.top),
            bottom: mm(m.bottom),
            left: mm(m.left),
            right: mm(m.right),
            // 页码 7 mm below the 版心 (GB/T 9704-2012 7.5): a 4号 line (≈5 mm) ending about 23 mm above the edge.
            footer: mm(23),
            header: mm(15),
          },
        },
        grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: DOCX_PAGE.linePitchTwips, charSpace: DOCX_PAGE.charSpace },
      },
      footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
      children: letterChildren(letter),
    }],
  })
  return Packer.toBuffer(doc)
}
