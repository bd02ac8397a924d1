/**
 * 附件: PDF, DOCX, XLSX and images. The type is sniffed from the bytes (a .pdf that is really an .exe is
 * refused), the size is limited, and attachments are scanned by the privacy gate with the rest.
 */
import { createHash } from 'node:crypto'
import { fileTypeFromBuffer } from 'file-type'
import type { Executor } from '../../database.ts'
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.ts'
import { appendAudit, requireActor, type UseCaseContext } from '../orgs/index.ts'
import { findItem, workingEdition } from './publishing.repository.ts'
import { workflowRefusal } from './workflow.ts'

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
export const MAX_ATTACHMENTS = 20

/** What may be attached, by sniffed type, with the label the public sees. */
export const ATTACHMENT_TYPES: Record<string, { label: string; extensions: string[] }> = {
  'application/pdf': { label: 'PDF', extensions: ['pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'Word', extensions: ['docx'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'Excel', extensions: ['xlsx'] },
  'image/png': { label: 'PNG 图片', extensions: ['png'] },
  'image/jpeg': { label: 'JPEG 图片', extensions: ['jpg', 'jpeg'] },
}

export interface Attachment {
  id: number
  itemId: number
  editionId: number
  fileName: string
  mediaType: string
  sizeBytes: number
  sha256: string
  position: number
}

const META = ['id', 'item_id', 'edition_id', 'file_name', 'media_type', 'size_bytes', 'sha256', 'position'] as const
function toAttachment(r: any): Attachment {
  return { id: r.id, itemId: r.item_id, editionId: r.edition_id, fileName: r.file_name, mediaType: r.media_type, sizeBytes: r.size_bytes, sha256: r.sha256, position: r.position }
}

export async function attachmentsOf(db: Executor, editionId: number): Promise<Attachment[]> {
  return (await db.selectFrom('catalogue_attachments').select(META).where('edition_id', '=', editionId).orderBy('position').execute()).map(toAttachment)
}

export async function attachmentContent(db: Executor, editionId: number, attachmentId: number): Promise<(Attachment & { content: Buffer }) | undefined> {
  const r = await db.selectFrom('catalogue_attachments').selectAll().where('edition_id', '=', editionId).where('id', '=', attachmentId).executeTakeFirst()
  return r ? { ...toAttachment(r), content: Buffer.from(r.content) } : undefined
}

/** The bytes of every attachment of an edition, for the privacy gate. */
export async function attachmentBytes(db: Executor, editionId: number): Promise<{ name: string; mediaType: string; bytes: Uint8Array; sha256: string }[]> {
  const rows = await db.selectFrom('catalogue_attachments').select(['file_name', 'media_type', 'content', 'sha256']).where('edition_id', '=', editionId).orderBy('position').execute()
  return rows.map((r) => ({ name: r.file_name, mediaType: r.media_type, bytes: new Uint8Array(r.content), sha256: r.sha256 }))
}

/** Copies the attachments of one edition to another (a new edition starts with its predecessor's files). */
export async function copyAttachments(trx: Executor, fromEditionId: number, toEditionId: number): Promise<void> {
  const rows = await trx.selectFrom('catalogue_attachments').selectAll().where('edition_id', '=', fromEditionId).execute()
  for (const { id: _id, created_at: _c, ...row } of rows) await trx.insertInto('catalogue_attachments').values({ ...row, edition_id: toEditionId }).execute()
}

function cleanName(name: string): string {
  // Keep the name people gave the file, minus path parts and control characters.
  return name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 120)
}

/** Adds an uploaded file to the working edition of an item, after sniffing its type. */
export async function addAttachment(ctx: UseCaseContext, itemId: number, upload: { fileName: string; bytes: Buffer }): Promise<number> {
  const actor = requireActor(ctx)
  const item = await findItem(ctx.db, itemId)
  if (!item || item.organisationId !== actor.organisationId) throw new NotFoundError()
  const edition = await workingEdition(ctx.db, item.id)
  if (!edition) throw new InvalidInputError([{ field: 'file', message: '这条信息没有可以修改的版本，请先开始修订' }])
  const refusal = workflowRefusal(actor, 'edit', { ...edition, organisationId: item.organisationId })
  if (refusal) throw new InvalidInputError([{ field: 'file', message: refusal }])
  const fileName = cleanName(upload.fileName)
  if (!fileName) throw new InvalidInputError([{ field: 'file', message: '请选择要上传的文件' }])
  if (upload.bytes.length === 0) throw new InvalidInputError([{ field: 'file', message: `文件“${fileName}”是空的` }])
  if (upload.bytes.length > MAX_ATTACHMENT_BYTES) throw new InvalidInputError([{ field: 'file', message: `文件“${fileName}”超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB，请压缩或拆分后上传` }])
  const sniffed = await fileTypeFromBuffer(upload.bytes)
  const allowed = sniffed ? ATTACHMENT_TYPES[sniffed.mime] : undefined
  if (!sniffed || !allowed) throw new InvalidInputError([{ field: 'file', message: `文件“${fileName}”不是 PDF、Word（.docx）、Excel（.xlsx）或 PNG、JPEG 图片，不能上传。旧版 .doc、.xls 请另存为新格式` }])
  const extension = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : ''
  const name = allowed.extensions.includes(extension) ? fileName : `${fileName}.${allowed.extensions[0]}`
  const existing = await attachmentsOf(ctx.db, edition.id)
  if (existing.length >= MAX_ATTACHMENTS) throw new InvalidInputError([{ field: 'file', message: `每条信息最多 ${MAX_ATTACHMENTS} 个附件` }])
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex')
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('catalogue_attachments').values({
      item_id: item.id, edition_id: edition.id, file_name: name, media_type: sniffed.mime, size_bytes: upload.bytes.length, sha256, content: upload.bytes, position: existing.length,
    }).returning('id').executeTakeFirstOrThrow()
    await trx.insertInto('catalogue_events').values({ item_id: item.id, edition_id: edition.id, type: 'attachment_added', actor_user_id: actor.userId, recorded_at: ctx.clock.now(), reason: name, details: JSON.stringify({ sha256, size: upload.bytes.length }) }).execute()
    await appendAudit(trx, { actorUserId: actor.userId, actorUsername: actor.username, organisationId: item.organisationId, action: 'catalogue.attachment_added', outcome: 'success', targetType: 'catalogue_item', targetId: item.id, ip: ctx.ip, details: { editionId: edition.id, sha256 } }, ctx.clock.now())
    return row.id
  })
}

export async function removeAttachment(ctx: UseCaseContext, itemId: number, attachmentId: number): Promise<void> {
  const actor = requireActor(ctx)
  const item = await findItem(ctx.db, itemId)
  if (!item || item.organisationId !== actor.organisationId) throw new NotFoundError()
  const edition = await workingEdition(ctx.db, item.id)
  if (!edition) throw new InvalidInputError([{ field: '', message: '这条信息没有可以修改的版本' }])
  const refusal = workflowRefusal(actor, 'edit', { ...edition, organisationId: item.organisationId })
  if (refusal) throw new InvalidInputError([{ field: '', message: refusal }])
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('catalogue_attachments').where('id', '=', attachmentId).where('edition_id', '=', edition.id).returning('file_name').executeTakeFirst()
    if (!removed) throw new NotFoundError()
    await trx.insertInto('catalogue_events').values({ item_id: item.id, edition_id: edition.id, type: 'attachment_removed', actor_user_id: actor.userId, recorded_at: ctx.clock.now(), reason: removed.file_name, details: '{}' }).execute()
    await appendAudit(trx, { actorUserId: actor.userId, actorUsername: actor.username, organisationId: item.organisationId, action: 'catalogue.attachment_removed', outcome: 'success', targetType: 'catalogue_item', targetId: item.id, ip: ctx.ip, details: { attachmentId } }, ctx.clock.now())
  })
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
