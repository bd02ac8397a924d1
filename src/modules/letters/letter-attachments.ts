/**
 * 附件 of a letter: the type is sniffed from the bytes (a .pdf that is really an .exe is refused) and the size is
 * limited, as for catalogue attachments (publishing/attachments.ts). Checked before anything is stored.
 */
import { createHash } from 'node:crypto'
import { fileTypeFromBuffer } from 'file-type'
import type { Executor } from '../../database.ts'
import { InvalidInputError } from '../../platform/http/errors.ts'
import { ATTACHMENT_TYPES } from '../publishing/index.ts'

/** A citizen's attachment: photos and documents, smaller than the catalogue's. */
export const LETTER_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
/** At most this many files per letter, reply or call, and this much in all. */
export const LETTER_ATTACHMENT_MAX_COUNT = 5
export const LETTER_ATTACHMENTS_MAX_TOTAL_BYTES = 20 * 1024 * 1024
/** The allowed types as the forms list them (checked by sniffing the bytes, not by the name). */
export const LETTER_ATTACHMENT_TYPES_TEXT = '照片（JPEG、PNG）、PDF、Word（.docx）或 Excel（.xlsx）'
/** The form's hint: types, count and sizes. */
export const LETTER_ATTACHMENT_HINT = `可以上传 ${LETTER_ATTACHMENT_MAX_COUNT} 个以内的${LETTER_ATTACHMENT_TYPES_TEXT}文件，每个不超过 ${LETTER_ATTACHMENT_MAX_BYTES / 1024 / 1024} MB，合计不超过 ${LETTER_ATTACHMENTS_MAX_TOTAL_BYTES / 1024 / 1024} MB。`

/** Whose file: the writer's letter, the unit's reply, or the operator's record of a call. */
export type AttachmentKind = 'letter' | 'reply' | 'call'

export interface LetterUpload {
  fileName: string
  bytes: Buffer
}

export interface CheckedUpload {
  fileName: string
  mediaType: string
  bytes: Buffer
  sha256: string
}

export interface LetterAttachment {
  id: number
  caseId: number
  fileName: string
  mediaType: string
  sizeBytes: number
  kind: AttachmentKind
  /** The reply event a reply attachment belongs to. */
  eventId: number | null
}

function cleanName(name: string): string {
  return name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 120)
}

/** Sniffs and size-checks an upload; bad files get a clear Chinese message on the `file` field. */
export async function checkUpload(upload: LetterUpload): Promise<CheckedUpload> {
  const fileName = cleanName(upload.fileName) || '附件'
  if (upload.bytes.length === 0) throw new InvalidInputError([{ field: 'file', message: `文件“${fileName}”是空的，请重新选择` }])
  if (upload.bytes.length > LETTER_ATTACHMENT_MAX_BYTES) throw new InvalidInputError([{ field: 'file', message: `文件“${fileName}”超过 ${LETTER_ATTACHMENT_MAX_BYTES / 1024 / 1024} MB，请压缩后上传` }])
  const sniffed = await fileTypeFromBuffer(upload.bytes)
  const allowed = sniffed ? ATTACHMENT_TYPES[sniffed.mime] : undefined
  if (!sniffed || !allowed) throw new InvalidInputError([{ field: 'file', message: `文件“${fileName}”不是${LETTER_ATTACHMENT_TYPES_TEXT}文件，不能上传` }])
  const extension = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : ''
  const name = allowed.extensions.includes(extension) ? fileName : `${fileName}.${allowed.extensions[0]}`
  return { fileName: name, mediaType: sniffed.mime, bytes: upload.bytes, sha256: createHash('sha256').update(upload.bytes).digest('hex') }
}

/** Checks several uploads: count, total size, then each file; nothing is stored when one is refused. */
export async function checkUploads(uploads: readonly LetterUpload[]): Promise<CheckedUpload[]> {
  if (uploads.length > LETTER_ATTACHMENT_MAX_COUNT) throw new InvalidInputError([{ field: 'file', message: `最多上传 ${LETTER_ATTACHMENT_MAX_COUNT} 个附件，您选择了 ${uploads.length} 个，请合并或删减后重新选择` }])
  const total = uploads.reduce((n, u) => n + u.bytes.length, 0)
  if (total > LETTER_ATTACHMENTS_MAX_TOTAL_BYTES) throw new InvalidInputError([{ field: 'file', message: `附件合计超过 ${LETTER_ATTACHMENTS_MAX_TOTAL_BYTES / 1024 / 1024} MB，请压缩或删减后重新上传` }])
  const out: CheckedUpload[] = []
  for (const u of uploads) out.push(await checkUpload(u))
  return out
}

export async function storeAttachment(trx: Executor, caseId: number, file: CheckedUpload, position: number, kind: AttachmentKind = 'letter', eventId: number | null = null): Promise<void> {
  await trx.insertInto('letter_attachments').values({
    case_id: caseId, file_name: file.fileName, media_type: file.mediaType, size_bytes: file.bytes.length, sha256: file.sha256, content: file.bytes, position, kind, event_id: eventId,
  }).execute()
}

/** Stores checked files after the case's existing ones. */
export async function storeAttachments(trx: Executor, caseId: number, files: readonly CheckedUpload[], kind: AttachmentKind, eventId: number | null = null): Promise<void> {
  if (!files.length) return
  const last = await trx.selectFrom('letter_attachments').select((eb) => eb.fn.max('position').as('p')).where('case_id', '=', caseId).executeTakeFirst()
  let position = last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1
  for (const f of files) await storeAttachment(trx, caseId, f, position++, kind, eventId)
}

export async function attachmentsOfCase(db: Executor, caseId: number): Promise<LetterAttachment[]> {
  const rows = await db.selectFrom('letter_attachments').select(['id', 'case_id', 'file_name', 'media_type', 'size_bytes', 'kind', 'event_id']).where('case_id', '=', caseId).orderBy('position').execute()
  return rows.map((r) => ({ id: r.id, caseId: r.case_id, fileName: r.file_name, mediaType: r.media_type, sizeBytes: r.size_bytes, kind: r.kind as AttachmentKind, eventId: r.event_id }))
}

/** The attachments of the latest reply of a case: what the writer sees with the released reply. */
export async function releasedReplyAttachments(db: Executor, caseId: number): Promise<LetterAttachment[]> {
  const latest = await db.selectFrom('letter_events').select((eb) => eb.fn.max('id').as('id')).where('case_id', '=', caseId).where('type', '=', 'reply').executeTakeFirst()
  if (!latest?.id) return []
  return (await attachmentsOfCase(db, caseId)).filter((a) => a.kind === 'reply' && a.eventId === Number(latest.id))
}

export async function letterAttachmentContent(db: Executor, caseId: number, attachmentId: number): Promise<{ fileName: string; mediaType: string; content: Buffer } | undefined> {
  const r = await db.selectFrom('letter_attachments').select(['file_name', 'media_type', 'content']).where('case_id', '=', caseId).where('id', '=', attachmentId).executeTakeFirst()
  return r ? { fileName: r.file_name, mediaType: r.media_type, content: Buffer.from(r.content) } : undefined
}
