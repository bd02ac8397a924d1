import { effectiveMediaType, extractText, type DocxPart, type ExtractOptions, type SegmentLocator } from './extract-text.ts'
import { scanText, type Finding, type ScanOptions } from './findings.ts'
import { htmlToText } from './html-text.ts'
import { TextExtractionError } from './privacy.errors.ts'
import { messages } from './privacy.messages.ts'

/** A file attached to a catalogue item, as uploaded. */
export interface AttachmentInput {
  name: string
  /** As declared by the browser; empty or application/octet-stream falls back to the file extension. */
  mediaType?: string
  bytes: Uint8Array
}

/** What is published for a catalogue item: title, optional summary (摘要), body (正文, HTML) and attachments. */
export interface DocumentInput {
  title: string
  summary?: string
  bodyHtml: string
  attachments?: readonly AttachmentInput[]
}

/** The part of the document a finding is in; offsets of the finding are offsets in that part's text. */
export type FindingLocation =
  | { part: 'title' }
  | { part: 'summary' }
  /** Offsets are in htmlToText(bodyHtml). */
  | { part: 'body' }
  /** Offsets are in extractText(bytes).text; `attachment` is the index in `attachments`. */
  | {
      part: 'attachment'
      attachment: number
      name: string
      page?: number
      paragraph?: number
      docxPart?: DocxPart
      sheet?: string
      cell?: string
      note?: boolean
      line?: number
    }

/** A finding with the place it was found, in Chinese for people ("附件《表.xlsx》Sheet1!B4") and as data. */
export interface LocatedFinding extends Finding {
  where: string
  location: FindingLocation
}

/** An attachment that could not be scanned, with the reason in Chinese; publishing must not treat it as clean. */
export interface UnscannedAttachment {
  attachment: number
  name: string
  message: string
}

/** The result of a privacy scan of a whole document. */
export interface DocumentScan {
  findings: LocatedFinding[]
  unscanned: UnscannedAttachment[]
}

/** Scanning options: what to look for (ScanOptions) and how much of an attachment to read (ExtractOptions). */
export type DocumentScanOptions = ScanOptions & ExtractOptions

/**
 * The privacy gate (保密审查) of one catalogue item before it is published: scans the title, summary, body and every
 * attachment. An attachment that cannot be read is listed in `unscanned` instead of stopping the scan, so the
 * reviewer sees every problem at once. Attachments are read one after another to keep memory bounded.
 */
export async function scanDocument(document: DocumentInput, options: DocumentScanOptions = {}): Promise<DocumentScan> {
  const findings: LocatedFinding[] = [
    ...locate(scanText(document.title, options), messages.title, { part: 'title' }),
    ...locate(scanText(document.summary ?? '', options), messages.summary, { part: 'summary' }),
    ...locate(scanText(htmlToText(document.bodyHtml), options), messages.body, { part: 'body' }),
  ]
  const unscanned: UnscannedAttachment[] = []
  for (const [index, attachment] of (document.attachments ?? []).entries()) {
    const name = attachment.name
    let extracted
    try {
      extracted = await extractText(attachment.bytes, effectiveMediaType(attachment.mediaType, name), options)
    } catch (error) {
      if (!(error instanceof TextExtractionError)) throw error
      unscanned.push({ attachment: index, name, message: error.message })
      continue
    }
    if (extracted.text.trim() === '') {
      unscanned.push({ attachment: index, name, message: messages.noText })
      continue
    }
    for (const segment of extracted.segments) {
      const text = extracted.text.slice(segment.start, segment.end)
      for (const finding of scanText(text, options)) {
        const shifted = { ...finding, start: finding.start + segment.start, end: finding.end + segment.start }
        const place = attachmentPlace(name, index, segment.locator, text, finding.start)
        findings.push({ ...shifted, where: place.where, location: place.location })
      }
    }
  }
  return { findings, unscanned }
}

function locate(found: Finding[], where: string, location: FindingLocation): LocatedFinding[] {
  return found.map((finding) => ({ ...finding, where, location }))
}

function attachmentPlace(
  name: string,
  attachment: number,
  locator: SegmentLocator,
  segmentText: string,
  offsetInSegment: number,
): { where: string; location: FindingLocation } {
  const base = { part: 'attachment' as const, attachment, name }
  switch (locator.kind) {
    case 'page':
      return { where: messages.attachmentPage(name, locator.page), location: { ...base, page: locator.page } }
    case 'paragraph':
      return { where: messages.attachmentParagraph(name, locator.paragraph), location: { ...base, paragraph: locator.paragraph } }
    case 'docx_part':
      return { where: messages.attachmentDocxPart(name, locator.part), location: { ...base, docxPart: locator.part } }
    case 'cell': {
      const where = locator.note
        ? messages.attachmentCellNote(name, locator.sheet, locator.address)
        : messages.attachmentCell(name, locator.sheet, locator.address)
      return { where, location: { ...base, sheet: locator.sheet, cell: locator.address, note: locator.note } }
    }
    case 'whole':
      return { where: messages.attachment(name), location: base }
    case 'lines': {
      const line = lineAt(segmentText, offsetInSegment)
      return { where: messages.attachmentLine(name, line), location: { ...base, line } }
    }
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++
  return line
}
