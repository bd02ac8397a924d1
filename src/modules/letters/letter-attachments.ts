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
  if (!sniffed || !allowed) throw new InvalidInputError([{ field: 'file', message: `文件“${fileName}”不是照片（JPEG、PNG）、PDF、Word（.docx）或 Excel（.xlsx）文件，不能上传` }])
  const extension = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : ''
  const name = allowed.extensions.includes(extension) ? fileName : `${fileName}.${allowed.extensions[0]}`
  return { fileName: name, mediaType: sniffed.mime, bytes: upload.bytes, sha256: createHash('sha256').update(upload.bytes).digest('hex') }
}

export async function storeAttachment(trx: Executor, caseId: number, file: CheckedUpload, position: number): Promise<void> {
  await trx.insertInto('letter_attachments').values({ case_id: caseId, file_name: file.fileName, media_type: file.mediaType, size_bytes: file.bytes.length, sha256: file.sha256, content: file.bytes, position }).execute()
}

export async function attachmentsOfCase(db: Executor, caseId: number): Promise<LetterAttachment[]> {
  const rows = await db.selectFrom('letter_attachments').select(['id', 'case_id', 'file_name', 'media_type', 'size_bytes']).where('case_id', '=', caseId).orderBy('position').execute()
  return rows.map((r) => ({ id: r.id, caseId: r.case_id, fileName: r.file_name, mediaType: r.media_type, sizeBytes: r.size_bytes }))
}

export async function letterAttachmentContent(db: Executor, caseId: number, attachmentId: number): Promise<{ fileName: string; mediaType: string; content: Buffer } | undefined> {
  const r = await db.selectFrom('letter_attachments').select(['file_name', 'media_type', 'content']).where('case_id', '=', caseId).where('id', '=', attachmentId).executeTakeFirst()
  return r ? { fileName: r.file_name, mediaType: r.media_type, content: Buffer.from(r.content) } : undefined
}
