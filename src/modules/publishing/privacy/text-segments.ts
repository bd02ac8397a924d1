// Where each piece of an attachment's extracted text came from, so that a finding can be located in the file.

/** Parts of a DOCX besides the body that are published with the file. */
export type DocxPart = 'header' | 'footer' | 'footnote' | 'endnote' | 'comment' | 'deletion'

/** Where a piece of extracted text came from, so a finding can be located in the attachment. */
export type SegmentLocator =
  | { kind: 'page'; page: number }
  | { kind: 'paragraph'; paragraph: number }
  /** DOCX text outside the body: 页眉, 页脚, 脚注, 尾注, 批注, and tracked deletions (still in the file). */
  | { kind: 'docx_part'; part: DocxPart }
  | { kind: 'cell'; sheet: string; address: string; note: boolean }
  /** Plain text, located by line. */
  | { kind: 'lines' }
  /** Text taken out of HTML; its lines are not the source's lines, so only the file is named. */
  | { kind: 'whole' }

/** A stretch of the extracted text: text.slice(start, end) came from `locator`. Segments are scanned separately. */
export interface TextSegment {
  start: number
  end: number
  locator: SegmentLocator
}
