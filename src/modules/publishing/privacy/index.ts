// The privacy gate (保密审查 / 隐私审查) of publishing: finds 身份证号码, 手机号码, 银行卡号 and 敏感词 in what is
// about to be published, and says where. Everything is pure except extractText() and scanDocument(), which parse
// attachments. Other parts of publishing import from here only.

/** 身份证号码 / 手机号码 / 银行卡号 / 敏感词. */
export type { FindingKind } from './findings.ts'
/** One finding: kind, matched text, canonical value, masked value, offsets, masked context, Chinese message, confidence. */
export type { Finding } from './findings.ts'
/** Options of scanText: 敏感词 list, approved values, today's date. */
export type { ScanOptions } from './findings.ts'
/** Scans a text for personal numbers and 敏感词; findings sorted by start, overlaps resolved. */
export { scanText } from './findings.ts'

/** 住址 down to a house, flat or village group, masked with the names kept (scanText finds them with `addresses: true`). */
export { findAddresses, maskAddress, type AddressMatch } from './address.ts'

/** The short built-in 敏感词 list (classification markings); installations configure their own. */
export { DEFAULT_SENSITIVE_WORDS } from './default-sensitive-words.ts'

/** Reads the text of a PDF, DOCX, XLSX, plain-text or HTML attachment, cut into located segments. */
export { extractText } from './extract-text.ts'
/** The media type to read an upload as: the declared type, or the one its file extension implies. */
export { effectiveMediaType } from './extract-text.ts'
/** The format an upload is read as (pdf, docx, xlsx, text, html); throws TextExtractionError for anything else. */
export { textFormatOf } from './extract-text.ts'
/** pdf / docx / xlsx / text / html. */
export type { TextFormat } from './extract-text.ts'
/** The text of extractText: `text`, `pages` for PDF, and `segments` (page, paragraph, DOCX part, cell or lines). */
export type { ExtractedText, TextSegment, SegmentLocator, DocxPart } from './extract-text.ts'
/** Size limits for extractText: maxBytes, maxExpandedBytes. */
export type { ExtractOptions } from './extract-text.ts'
/** The visible and exposed text of an HTML fragment (alt, title, tel: links, comments), tags removed. */
export { htmlToText } from './html-text.ts'

/** Scans a catalogue item before publication: title, summary, body and every attachment, with Chinese locations. */
export { scanDocument } from './scan-document.ts'
/** Input of scanDocument: title, summary, bodyHtml, attachments. */
export type { DocumentInput, AttachmentInput } from './scan-document.ts'
/** Output of scanDocument: located findings and attachments that could not be scanned. */
export type { DocumentScan, LocatedFinding, FindingLocation, UnscannedAttachment } from './scan-document.ts'
/** Options of scanDocument: ScanOptions and ExtractOptions together. */
export type { DocumentScanOptions } from './scan-document.ts'

/** An attachment whose text cannot be read (unsupported type, too large, encrypted, corrupt), with a Chinese message. */
export { TextExtractionError } from './privacy.errors.ts'
/** Why extraction failed: unsupported_type / too_large / encrypted / unreadable. */
export type { ExtractionFailure } from './privacy.errors.ts'

/** GB 11643-1999 check character of the first 17 digits of a 身份证号码 (ISO 7064 MOD 11-2). */
export { idCheckChar } from './id-card.ts'
/** True for an 18-character 身份证号码 with a real province code, a birth date up to today and a correct check character. */
export { isValidIdNumber } from './id-card.ts'
