/**
 * Reading a 历史案件 file: CSV (UTF-8, or GB18030 as Excel saves it on a Chinese Windows) or XLSX (first worksheet),
 * header row first with the columns of HISTORY_COLUMNS in any order. Row numbers are those a spreadsheet shows.
 */
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { InvalidInputError } from '../../platform/http/errors.ts'
import type { HistoryRow } from './import-history.ts'

/** The documented columns; the first four are required. */
export const HISTORY_COLUMNS = ['收到申请日期', '渠道', '申请人类型', '单位', '答复日期', '办理结果', '延期工作日数', '不予公开依据', '第三方权益', '行政复议', '行政诉讼', '诉讼前是否复议'] as const
const REQUIRED = HISTORY_COLUMNS.slice(0, 4)

function rowsOf(records: readonly (readonly string[])[]): HistoryRow[] {
  if (records.length === 0) throw new InvalidInputError([{ field: 'file', message: '文件是空的：第 1 行应是表头' }])
  const header = records[0]!.map((h) => String(h ?? '').replace(/^\uFEFF/, '').trim())
  const missing = REQUIRED.filter((c) => !header.includes(c))
  if (missing.length) throw new InvalidInputError([{ field: 'file', message: `第 1 行应是表头，缺少这些列：${missing.join('、')}（可用的列：${HISTORY_COLUMNS.join('、')}）` }])
  const rows: HistoryRow[] = []
  records.slice(1).forEach((cells, i) => {
    if (cells.every((c) => String(c ?? '').trim() === '')) return
    const row: HistoryRow = { line: i + 2 }
    header.forEach((h, j) => { if ((HISTORY_COLUMNS as readonly string[]).includes(h)) row[h] = String(cells[j] ?? '').trim() })
    rows.push(row)
  })
  return rows
}

export function parseHistoryCsv(bytes: Uint8Array): HistoryRow[] {
  let text: string
  try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes) } catch { text = new TextDecoder('gb18030').decode(bytes) }
  try {
    return rowsOf(parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: false }))
  } catch (error) {
    if (error instanceof InvalidInputError) throw error
    throw new InvalidInputError([{ field: 'file', message: `无法读取 CSV 文件：${(error as Error).message}` }])
  }
}

export async function parseHistoryXlsx(bytes: Uint8Array): Promise<HistoryRow[]> {
  const workbook = new ExcelJS.Workbook()
  try { await workbook.xlsx.load(bytes as any) } catch (error) { throw new InvalidInputError([{ field: 'file', message: `无法读取 XLSX 文件：${(error as Error).message}` }]) }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new InvalidInputError([{ field: 'file', message: '工作簿没有工作表' }])
  const records: string[][] = []
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    records.push(Array.from({ length: sheet.columnCount }, (_, c) => {
      const v = row.getCell(c + 1).value
      return v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((t) => t.text).join('') : String(v)
    }))
  }
  return rowsOf(records)
}
