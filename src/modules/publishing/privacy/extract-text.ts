import { htmlToText } from './html-text.ts'
import { TextExtractionError } from './privacy.errors.ts'
import { messages } from './privacy.messages.ts'
import type { DocxPart, SegmentLocator, TextSegment } from './text-segments.ts'

export type { DocxPart, SegmentLocator, TextSegment } from './text-segments.ts'

/** The text of an attachment, cut into segments (pages, paragraphs, cells) joined by line breaks. */
export interface ExtractedText {
  text: string
  /** Number of pages, for PDF. */
  pages?: number
  segments: TextSegment[]
}

/** Limits on what is read: attachments are uploaded by staff, but a corrupt or hostile file must not exhaust memory. */
export interface ExtractOptions {
  /** Largest attachment read, in bytes. Default 50 MiB. */
  maxBytes?: number
  /** Largest total uncompressed size of a DOCX or XLSX (both are ZIP files), in bytes. Default 200 MiB. */
  maxExpandedBytes?: number
}

/** The formats whose text can be read. */
export type TextFormat = 'pdf' | 'docx' | 'xlsx' | 'text' | 'html'

const DEFAULT_MAX_BYTES = 50 * 1024 * 1024
const DEFAULT_MAX_EXPANDED_BYTES = 200 * 1024 * 1024

const FORMATS: Readonly<Record<string, TextFormat>> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/plain': 'text',
  'text/csv': 'text',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
}

// Formats that come up in government offices and deserve a message that says how to convert them.
const KNOWN_UNSUPPORTED: Readonly<Record<string, string>> = {
  'application/msword': messages.legacyWord,
  'application/vnd.ms-excel': messages.legacyExcel,
  'application/vnd.ms-works': messages.wpsFormat,
  'application/wps-office.wps': messages.wpsFormat,
  'application/wps-office.et': messages.wpsFormat,
  'application/ofd': messages.ofdFormat,
  'application/vnd.ofd': messages.ofdFormat,
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain',
  csv: 'text/csv',
  htm: 'text/html',
  html: 'text/html',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  wps: 'application/wps-office.wps',
  et: 'application/wps-office.et',
  ofd: 'application/ofd',
}

// What browsers send when they do not know better; some send a ZIP type for .docx and .xlsx.
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/zip', 'application/x-zip-compressed'])

/**
 * The media type to read a file as: the declared one, or, when the browser sent none or a generic one
 * (application/octet-stream is common for .ofd and .wps), the one its extension implies.
 */
export function effectiveMediaType(declared: string | undefined, fileName: string): string {
  const type = bareMediaType(declared ?? '')
  if (!GENERIC_TYPES.has(type)) return type
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? ''
  return EXTENSIONS[extension] ?? type
}

/** The format a media type is read as; throws TextExtractionError('unsupported_type') with a Chinese message. */
export function textFormatOf(mediaType: string): TextFormat {
  const type = bareMediaType(mediaType)
  const format = FORMATS[type]
  if (format) return format
  throw new TextExtractionError('unsupported_type', KNOWN_UNSUPPORTED[type] ?? messages.unsupportedType(type))
}

function bareMediaType(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase()
}

/**
 * Reads the text of an attachment: PDF (per page), DOCX (per paragraph), XLSX (every cell of every sheet, hidden
 * ones included, and cell notes), plain text and HTML. Throws TextExtractionError for an unknown type, a file over
 * the size limit, an encrypted or a corrupt file. The parsers are loaded on first use, so importing this module
 * costs nothing at start-up.
 */
export async function extractText(buffer: Uint8Array, mediaType: string, options: ExtractOptions = {}): Promise<ExtractedText> {
  const format = textFormatOf(mediaType)
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  if (buffer.byteLength > maxBytes) throw new TextExtractionError('too_large', messages.tooLarge(buffer.byteLength, maxBytes))
  switch (format) {
    case 'pdf':
      return extractPdf(buffer)
    case 'docx':
      assertZipExpandsWithin(buffer, options.maxExpandedBytes ?? DEFAULT_MAX_EXPANDED_BYTES, 'DOCX')
      return extractDocx(buffer)
    case 'xlsx':
      assertZipExpandsWithin(buffer, options.maxExpandedBytes ?? DEFAULT_MAX_EXPANDED_BYTES, 'XLSX')
      return extractXlsx(buffer)
    case 'text': {
      const text = decodeText(buffer)
      return { text, segments: [{ start: 0, end: text.length, locator: { kind: 'lines' } }] }
    }
    case 'html': {
      const text = htmlToText(decodeText(buffer))
      return { text, segments: [{ start: 0, end: text.length, locator: { kind: 'whole' } }] }
    }
  }
}

/** Joins pieces with line breaks and records where each one lies. Empty pieces are left out. */
function joinSegments(pieces: readonly { text: string; locator: SegmentLocator }[]): Pick<ExtractedText, 'text' | 'segments'> {
  let text = ''
  const segments: TextSegment[] = []
  for (const piece of pieces) {
    if (piece.text.trim() === '') continue
    if (text !== '') text += '\n'
    segments.push({ start: text.length, end: text.length + piece.text.length, locator: piece.locator })
    text += piece.text
  }
  return { text, segments }
}

// ---------------------------------------------------------------------------------------------------------------
// PDF: unpdf's build of PDF.js, without a worker. Pages are read one at a time to keep memory flat on long files.
// ---------------------------------------------------------------------------------------------------------------

async function extractPdf(buffer: Uint8Array): Promise<ExtractedText> {
  const { getDocumentProxy } = await import('unpdf')
  // PDF.js may transfer (detach) the array it is given; the caller's buffer must stay usable.
  const data = new Uint8Array(buffer)
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>
  try {
    pdf = await getDocumentProxy(data, { isEvalSupported: false, verbosity: 0 })
  } catch (error) {
    if ((error as Error | undefined)?.name === 'PasswordException') throw new TextExtractionError('encrypted', messages.encrypted)
    throw new TextExtractionError('unreadable', messages.unreadable('PDF'))
  }
  try {
    const pages: { text: string; locator: SegmentLocator }[] = []
    for (let page = 1; page <= pdf.numPages; page++) {
      const content = await (await pdf.getPage(page)).getTextContent()
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('')
      pages.push({ text, locator: { kind: 'page', page } })
    }
    return { ...joinSegments(pages), pages: pdf.numPages }
  } catch (error) {
    throw new TextExtractionError('unreadable', messages.unreadable('PDF'), { cause: error })
  } finally {
    await pdf.destroy()
  }
}

// ---------------------------------------------------------------------------------------------------------------
// DOCX: the body comes from mammoth, whose raw text ends every paragraph (table cells included) with a blank line;
// paragraphs are numbered as a reader counts them, empty ones skipped. mammoth leaves out headers, footers, notes,
// comments and tracked deletions, yet all of them ship inside the file (a "内部资料" header, a phone number in a
// footnote, a name deleted with track changes on), so those parts are read from the XML directly.
// ---------------------------------------------------------------------------------------------------------------

async function extractDocx(buffer: Uint8Array): Promise<ExtractedText> {
  const mammoth = (await import('mammoth')).default
  let raw: string
  let extraParts: { text: string; locator: SegmentLocator }[]
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength) })).value
    extraParts = await docxPartsOutsideBody(buffer)
  } catch (error) {
    throw new TextExtractionError('unreadable', messages.unreadable('DOCX'), { cause: error })
  }
  const paragraphs = raw.split(/\n\n/).filter((p) => p.trim() !== '')
  return joinSegments([...paragraphs.map((text, i) => ({ text, locator: { kind: 'paragraph', paragraph: i + 1 } as const })), ...extraParts])
}

const DOCX_PARTS: readonly { path: RegExp; part: DocxPart; element: 't' | 'delText' }[] = [
  { path: /^word\/header\d*\.xml$/, part: 'header', element: 't' },
  { path: /^word\/footer\d*\.xml$/, part: 'footer', element: 't' },
  { path: /^word\/footnotes\.xml$/, part: 'footnote', element: 't' },
  { path: /^word\/endnotes\.xml$/, part: 'endnote', element: 't' },
  { path: /^word\/comments\.xml$/, part: 'comment', element: 't' },
  { path: /^word\/document\.xml$/, part: 'deletion', element: 'delText' },
]

async function docxPartsOutsideBody(buffer: Uint8Array): Promise<{ text: string; locator: SegmentLocator }[]> {
  const JSZip = (await import('jszip')).default
  const zip = await JSZip.loadAsync(buffer)
  const pieces: { text: string; locator: SegmentLocator }[] = []
  const seen = new Set<string>()
  for (const { path, part, element } of DOCX_PARTS) {
    const files = zip.file(path).sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))
    for (const file of files) {
      for (const text of wordParagraphs(await file.async('string'), element)) {
        // A header repeated in every section is reported once.
        if (seen.has(`${part}\u0000${text}`)) continue
        seen.add(`${part}\u0000${text}`)
        pieces.push({ text, locator: { kind: 'docx_part', part } })
      }
    }
  }
  return pieces
}

/** The text of each <w:p> in a WordprocessingML part, from its <w:t> (or <w:delText>) runs. */
function wordParagraphs(xml: string, element: 't' | 'delText'): string[] {
  const run = new RegExp(`<w:${element}(?:\\s[^>]*)?>([^<]*)</w:${element}>|<w:tab/>`, 'g')
  return xml
    .split('</w:p>')
    .map((paragraph) => [...paragraph.matchAll(run)].map((m) => (m[1] === undefined ? '\t' : decodeXml(m[1]))).join(''))
    .filter((text) => text.trim() !== '')
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, entity: string) => {
    switch (entity) {
      case 'lt': return '<'
      case 'gt': return '>'
      case 'amp': return '&'
      case 'quot': return '"'
      case 'apos': return "'"
      default: return String.fromCodePoint(entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10))
    }
  })
}

// ---------------------------------------------------------------------------------------------------------------
// XLSX: every cell with a value in every sheet, hidden sheets, rows and columns included (they are published with
// the file), and cell notes. A merged range is read once, from its top-left cell.
// ---------------------------------------------------------------------------------------------------------------

async function extractXlsx(buffer: Uint8Array): Promise<ExtractedText> {
  const ExcelJS = (await import('exceljs')).default
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength) as any)
  } catch (error) {
    throw new TextExtractionError('unreadable', messages.unreadable('XLSX'), { cause: error })
  }
  const cells: { text: string; locator: SegmentLocator }[] = []
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return
        cells.push({ text: cellText(cell), locator: { kind: 'cell', sheet: sheet.name, address: cell.address, note: false } })
        const note = noteText(cell.note)
        if (note !== '') cells.push({ text: note, locator: { kind: 'cell', sheet: sheet.name, address: cell.address, note: true } })
      })
    })
  })
  return joinSegments(cells)
}

function cellText(cell: { text: string; value: unknown }): string {
  try {
    return cell.text
  } catch {
    // exceljs throws on a few malformed values (a formula without a result); the raw value is still worth scanning.
    return String(cell.value ?? '')
  }
}

function noteText(note: unknown): string {
  if (typeof note === 'string') return note
  const texts = (note as { texts?: { text?: string }[] } | undefined)?.texts
  return Array.isArray(texts) ? texts.map((t) => t.text ?? '').join('') : ''
}

/**
 * Refuses a ZIP whose central directory declares more uncompressed bytes than the limit (a "zip bomb" would expand
 * in memory inside the parser). ZIP64 sizes are treated as over the limit: no office document needs them. This reads
 * the sizes the archive declares; a parser may still meet a lying archive, which the outer size limit bounds.
 */
export function assertZipExpandsWithin(bytes: Uint8Array, limit: number, format: string): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const eocd = findEndOfCentralDirectory(view)
  if (eocd < 0) throw new TextExtractionError('unreadable', messages.unreadable(format))
  const entries = view.getUint16(eocd + 10, true)
  let at = view.getUint32(eocd + 16, true)
  let total = 0
  for (let i = 0; i < entries; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== 0x02014b50) {
      throw new TextExtractionError('unreadable', messages.unreadable(format))
    }
    const size = view.getUint32(at + 24, true)
    total += size
    if (size === 0xffffffff || total > limit) throw new TextExtractionError('too_large', messages.expandsTooLarge(limit))
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
}

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff)
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === 0x06054b50) return at
  }
  return -1
}

/**
 * Decodes a text file: a byte-order mark decides; otherwise UTF-8 if the bytes are valid UTF-8, else GB18030 (a
 * superset of GBK and GB2312, which Windows in China still writes by default).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3))
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}
