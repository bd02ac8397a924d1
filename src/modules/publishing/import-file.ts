/**
 * Reading an import file (导入公开信息): CSV or XLSX, one header row with the Chinese column names of IMPORT_COLUMNS
 * in any order, one item per row. Row numbers are those a spreadsheet shows (the header is row 1), so that a reason
 * like “第 12 行 文号：…” points at the row to fix.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { InvalidInputError } from '../../platform/http/errors.ts'
import { IMPORT_COLUMNS, type ImportCell, type ImportColumn, type ImportRow } from './import-items.ts'

/** Header names old sites and the form use for the same column. */
const HEADER_ALIASES: Record<string, ImportColumn> = {
  标题: '名称', 信息名称: '名称', 发文字号: '文号', 公文种类: '体裁', '体裁（公文种类）': '体裁', 发布单位: '发布机构', 栏目: '目录栏目', 主题: '主题分类', 摘要: '内容概述',
}
const REQUIRED: readonly ImportColumn[] = ['名称', '成文日期', '主题分类', '体裁', '目录栏目']

export interface ParsedImportFile {
  rows: ImportRow[]
  /** Header cells that name no column; their values are ignored. */
  ignoredColumns: string[]
}

function columnOf(header: string): ImportColumn | undefined {
  const name = header.replace(/^\uFEFF/, '').replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）')
  return (IMPORT_COLUMNS as readonly string[]).includes(name) ? (name as ImportColumn) : HEADER_ALIASES[name]
}

/** Maps the header row to columns; refuses a file that lacks a required column or names one twice. */
function readHeader(cells: readonly string[]): { columns: (ImportColumn | undefined)[]; ignoredColumns: string[] } {
  const columns = cells.map((c) => columnOf(String(c ?? '')))
  const ignoredColumns = cells.filter((c, i) => String(c ?? '').trim() && !columns[i]).map((c) => String(c).trim())
  const problems: string[] = []
  const missing = REQUIRED.filter((c) => !columns.includes(c))
  if (missing.length) problems.push(`第 1 行应是表头，缺少这些列：${missing.join('、')}（可用的列：${IMPORT_COLUMNS.join('、')}）`)
  const twice = IMPORT_COLUMNS.filter((c) => columns.filter((x) => x === c).length > 1)
  if (twice.length) problems.push(`表头中这些列出现了不止一次：${twice.join('、')}`)
  if (problems.length) throw new InvalidInputError(problems.map((message) => ({ field: 'file', message })))
  return { columns, ignoredColumns }
}

function toRows(records: readonly (readonly ImportCell[])[], firstLine: number, columns: readonly (ImportColumn | undefined)[]): ImportRow[] {
  const rows: ImportRow[] = []
  records.forEach((cells, i) => {
    if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) return
    const row: ImportRow = { line: firstLine + i }
    columns.forEach((column, j) => {
      if (column) row[column] = cells[j]
    })
    rows.push(row)
  })
  return rows
}

/**
 * Text of a CSV file: UTF-8, with or without a byte-order mark. A file saved by Excel as plain "CSV" on a Chinese
 * Windows is GB18030 (GBK); it is read as such rather than turned into mojibake.
 */
function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

/** Rows of a CSV import file (RFC 4180 quoting; a cell may hold line breaks). */
export function parseCatalogueCsv(bytes: Uint8Array): ParsedImportFile {
  let records: string[][]
  try {
    records = parse(decodeCsv(bytes), { relax_column_count: true, skip_empty_lines: false, trim: false })
  } catch (error) {
    throw new InvalidInputError([{ field: 'file', message: `无法读取 CSV 文件：${(error as Error).message}` }])
  }
  if (records.length === 0) throw new InvalidInputError([{ field: 'file', message: '文件是空的：第 1 行应是表头' }])
  const { columns, ignoredColumns } = readHeader(records[0]!)
  return { rows: toRows(records.slice(1), 2, columns), ignoredColumns }
}

/** A cell of exceljs as text, number or date: rich text joined, hyperlinks as their text, formulas as their result. */
function xlsxCell(value: ExcelJS.CellValue): ImportCell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : xlsxCell(value.text as ExcelJS.CellValue)
    if ('formula' in value || 'sharedFormula' in value) return xlsxCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue)
    if ('error' in value) return null
  }
  return String(value)
}

/** Rows of the first worksheet of an XLSX import file. */
export async function parseCatalogueXlsx(bytes: Uint8Array): Promise<ParsedImportFile> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as any)
  } catch (error) {
    throw new InvalidInputError([{ field: 'file', message: `无法读取 XLSX 文件：${(error as Error).message}` }])
  }
  const sheet = workbook.worksheets[0]
  if (!sheet || sheet.rowCount === 0) throw new InvalidInputError([{ field: 'file', message: '工作簿的第一个工作表是空的：第 1 行应是表头' }])
  const width = sheet.columnCount
  const records: ImportCell[][] = []
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    records.push(Array.from({ length: width }, (_, c) => xlsxCell(row.getCell(c + 1).value)))
  }
  const { columns, ignoredColumns } = readHeader(records[0]!.map((c) => (c === null || c === undefined ? '' : String(c))))
  return { rows: toRows(records.slice(1), 2, columns), ignoredColumns }
}

/** Reads an import file by its extension: .csv or .xlsx. */
export async function readCatalogueFile(file: string): Promise<ParsedImportFile> {
  const ext = path.extname(file).toLowerCase()
  if (ext !== '.csv' && ext !== '.xlsx') throw new InvalidInputError([{ field: 'file', message: `只能导入 .csv 或 .xlsx 文件，现为“${path.basename(file)}”` }])
  const bytes = new Uint8Array(await readFile(file))
  return ext === '.csv' ? parseCatalogueCsv(bytes) : parseCatalogueXlsx(bytes)
}
