/**
 * 历史案件导入 in the back office: an uploaded CSV or XLSX is checked (type sniffed from the bytes, size limited),
 * kept, and dry-run; its uploader then confirms it, once, and the cases are written in one transaction with the
 * upload marked as imported. The rows themselves are checked by importHistory.
 */
import { createHash } from 'node:crypto'
import { fileTypeFromBuffer } from 'file-type'
import { sql } from 'kysely'
import type { Executor } from '../../database.ts'
import type { Clock } from '../../platform/clock.ts'
import { ConflictError, InvalidInputError, NotFoundError } from '../../platform/http/errors.ts'
import { requireActor } from '../orgs/index.ts'
import { authoriseCase } from './authorise-case.ts'
import { parseHistoryCsv, parseHistoryXlsx } from './import-history-file.ts'
import { importHistory, type HistoryResult, type HistoryRow } from './import-history.ts'
import type { RequestsContext } from './requests.context.ts'

/** Largest history file accepted (a unit's cases of many years fit in far less). */
export const MAX_HISTORY_BYTES = 5 * 1024 * 1024
/** Unconfirmed uploads are removed after this long. */
const KEEP_UNCONFIRMED_HOURS = 24

export interface HistoryUpload {
  id: number
  userId: number
  fileName: string
  format: 'csv' | 'xlsx'
  sizeBytes: number
  sha256: string
  createdAt: Date
  importedAt: Date | null
  importedCount: number | null
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function cleanName(name: string): string {
  return name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 120)
}

/** 'csv' or 'xlsx' from the bytes: a zip that is an XLSX workbook, or text without NUL bytes named .csv/.txt. */
async function formatOf(fileName: string, bytes: Uint8Array): Promise<'csv' | 'xlsx'> {
  const sniffed = await fileTypeFromBuffer(bytes)
  if (sniffed?.mime === XLSX_TYPE) return 'xlsx'
  if (!sniffed && /\.(csv|txt)$/i.test(fileName) && !bytes.subarray(0, 65_536).includes(0)) return 'csv'
  const what = sniffed ? `${sniffed.ext.toUpperCase()} 文件` : '不是 CSV 或 XLSX 的文件'
  throw new InvalidInputError([{ field: 'file', message: `“${fileName}”是${what}：请上传 CSV（.csv，UTF-8 或 GB18030）或 Excel 工作簿（.xlsx）。旧版 Excel 的 .xls 请先另存为 .xlsx` }])
}

async function rowsOf(format: 'csv' | 'xlsx', bytes: Uint8Array): Promise<HistoryRow[]> {
  const rows = format === 'xlsx' ? await parseHistoryXlsx(bytes) : parseHistoryCsv(bytes)
  if (rows.length === 0) throw new InvalidInputError([{ field: 'file', message: '文件只有表头，没有案件行：请从第 2 行起每行填写一件申请' }])
  return rows
}

/**
 * Checks and keeps an uploaded file for its dry run. A bad file (wrong type, too large, unreadable, header missing)
 * is refused with a Chinese message and nothing is kept.
 */
export async function uploadHistoryFile(ctx: RequestsContext, upload: { fileName: string; bytes: Buffer }): Promise<number> {
  const actor = requireActor(ctx)
  await authoriseCase(ctx, 'import')
  const fileName = cleanName(upload.fileName)
  if (!fileName) throw new InvalidInputError([{ field: 'file', message: '请选择要导入的 CSV 或 XLSX 文件' }])
  if (upload.bytes.length === 0) throw new InvalidInputError([{ field: 'file', message: `文件“${fileName}”是空的` }])
  if (upload.bytes.length > MAX_HISTORY_BYTES) throw new InvalidInputError([{ field: 'file', message: `文件“${fileName}”超过 ${MAX_HISTORY_BYTES / 1024 / 1024} MB，请拆分后分批导入` }])
  const format = await formatOf(fileName, upload.bytes)
  await rowsOf(format, new Uint8Array(upload.bytes))
  const now = ctx.clock.now()
  const row = await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('request_history_uploads').where('user_id', '=', actor.userId).where('imported_at', 'is', null)
      .where('created_at', '<', new Date(now.getTime() - KEEP_UNCONFIRMED_HOURS * 3_600_000)).execute()
    return trx.insertInto('request_history_uploads').values({
      user_id: actor.userId, file_name: fileName, format, size_bytes: upload.bytes.length, sha256: createHash('sha256').update(upload.bytes).digest('hex'), content: upload.bytes, created_at: now,
    }).returning('id').executeTakeFirstOrThrow()
  })
  return row.id
}

/**
 * The daily purge (src/app-jobs.ts): every uploader's unconfirmed uploads older than 24 h are deleted (the files may
 * hold personal data and were never imported). Idempotent: a second run finds nothing to delete.
 */
export async function purgeUnconfirmedHistoryUploads(ctx: { db: Executor; clock: Clock }): Promise<{ deleted: number }> {
  const cutoff = new Date(ctx.clock.now().getTime() - KEEP_UNCONFIRMED_HOURS * 3_600_000)
  const rows = await ctx.db.deleteFrom('request_history_uploads').where('imported_at', 'is', null).where('created_at', '<', cutoff).returning('id').execute()
  return { deleted: rows.length }
}

/** The upload of `id` when it is the actor's own (404 otherwise: uploads are private to their uploader). */
export async function findHistoryUpload(ctx: RequestsContext, id: number): Promise<HistoryUpload & { content: Buffer }> {
  const actor = requireActor(ctx)
  await authoriseCase(ctx, 'import')
  const r = Number.isSafeInteger(id) && id > 0 ? await ctx.db.selectFrom('request_history_uploads').selectAll().where('id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst() : undefined
  if (!r) throw new NotFoundError()
  return { ...toUpload(r), content: Buffer.from(r.content) }
}

function toUpload(r: { id: number; user_id: number; file_name: string; format: string; size_bytes: number; sha256: string; created_at: Date | string; imported_at: Date | string | null; imported_count: number | null }): HistoryUpload {
  return {
    id: r.id, userId: r.user_id, fileName: r.file_name, format: r.format as 'csv' | 'xlsx', sizeBytes: r.size_bytes, sha256: r.sha256, createdAt: new Date(r.created_at),
    importedAt: r.imported_at ? new Date(r.imported_at) : null, importedCount: r.imported_count,
  }
}

/** The dry run of an upload (nothing written), or — with `confirm` — the import itself, all or nothing. */
export async function runHistoryUpload(ctx: RequestsContext, id: number, options: { confirm: boolean }): Promise<{ upload: HistoryUpload; result: HistoryResult; years: number[] }> {
  const { content, ...upload } = await findHistoryUpload(ctx, id)
  if (options.confirm && upload.importedAt) throw new ConflictError('这份文件已经导入过，没有再次导入。')
  const rows = await rowsOf(upload.format, new Uint8Array(content))
  try {
    const result = await importHistory(ctx, rows, {
      dryRun: !options.confirm,
      source: { fileName: upload.fileName, sha256: upload.sha256, uploadId: upload.id },
      async within(trx, r) {
        const marked = await trx.updateTable('request_history_uploads').set({ imported_at: ctx.clock.now(), imported_count: r.imported })
          .where('id', '=', upload.id).where('imported_at', 'is', null).executeTakeFirst()
        if (Number(marked.numUpdatedRows) !== 1) throw new ConflictError('这份文件已经导入过，没有再次导入。')
      },
    })
    const years = [...new Set(rows.map((r) => String(r['收到申请日期'] ?? '').slice(0, 4)).filter((y) => /^\d{4}$/.test(y)).map(Number))].sort()
    if (options.confirm && result.imported === 0 && result.rejected.length === 0) await closeHistoryUpload(ctx, upload.id)
    // After a confirmation the upload carries its import time and count.
    const after = options.confirm ? await ctx.db.selectFrom('request_history_uploads').selectAll().where('id', '=', upload.id).executeTakeFirstOrThrow() : undefined
    return { upload: after ? toUpload(after) : upload, result, years }
  } catch (error) {
    // Two confirmations at once: the second meets the first's case keys and rolls back whole.
    if ((error as { code?: string }).code === '23505') throw new ConflictError('这份文件正在导入或已经导入，没有再次导入。')
    throw error
  }
}

/** Marks an upload as seen-through when a confirmation found nothing new to import (every row imported before). */
export async function closeHistoryUpload(ctx: RequestsContext, id: number): Promise<void> {
  const actor = requireActor(ctx)
  await ctx.db.updateTable('request_history_uploads').set({ imported_at: ctx.clock.now(), imported_count: sql<number>`0` })
    .where('id', '=', id).where('user_id', '=', actor.userId).where('imported_at', 'is', null).execute()
}
