/**
 * The statistics of a year as an Excel workbook: one sheet per table, labels as printed, numbers as numbers, so a
 * unit can paste them into its annual report or check them against last year's file.
 */
import ExcelJS from 'exceljs'
import {
  LEGACY_ROW_LABELS, LEGACY_ROWS, REMEDY_OUTCOMES, TABLE3_COLUMN_LABELS, TABLE3_COLUMNS, TABLE3_LAYOUT_2019, TABLE3_LAYOUT_2021, TABLE4_BLOCKS, TABLE4_COLUMNS, type LayoutLine,
} from './rules/index.ts'
import { CARRY_ROWS, type CarryRow, type StatisticsView } from './views/statistics-page.tsx'

export async function statisticsWorkbook(view: StatisticsView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const title = (sheet: ExcelJS.Worksheet, text: string) => {
    sheet.addRow([`${text}（${view.unitName}，${view.year} 年）`]).font = { bold: true }
  }
  const table3 = (name: string, label: string, layout: readonly LayoutLine<string>[], cells: StatisticsView['table2021']) => {
    const sheet = workbook.addWorksheet(name)
    title(sheet, label)
    sheet.addRow(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'])
    sheet.addRow(['项目', ...TABLE3_COLUMNS.map((c) => (c === 'natural_person' || c === 'total' ? TABLE3_COLUMN_LABELS[c] : `法人或其他组织：${TABLE3_COLUMN_LABELS[c]}`))]).font = { bold: true }
    for (const line of layout) sheet.addRow([line.label, ...(line.key === null ? [] : TABLE3_COLUMNS.map((c) => cells[line.key!]?.[c]?.count ?? null))])
    sheet.getColumn(1).width = 60
  }
  table3('表三（2021年格式）', '表三 收到和处理政府信息公开申请情况（2021 年格式）', TABLE3_LAYOUT_2021, view.table2021)
  const t4 = workbook.addWorksheet('表四')
  title(t4, '表四 政府信息公开行政复议、行政诉讼情况')
  t4.addRow(['类别', ...TABLE4_COLUMNS.map((c) => (c === 'total' ? '总计' : REMEDY_OUTCOMES[c]))]).font = { bold: true }
  for (const [block, label] of Object.entries(TABLE4_BLOCKS)) t4.addRow([label, ...TABLE4_COLUMNS.map((c) => view.table4[block]?.[c]?.count ?? null)])
  t4.getColumn(1).width = 30
  table3('表三（2019年试行格式）', '表三 收到和处理政府信息公开申请情况（2019 年试行格式）', TABLE3_LAYOUT_2019, view.table2019)
  const legacy = workbook.addWorksheet('2014年格式')
  title(legacy, '政府信息公开情况统计表（2014 年格式）三、依申请公开情况 四、行政复议 五、行政诉讼')
  legacy.addRow(['统计指标', '单位', '统计数']).font = { bold: true }
  legacy.addRow(['三、依申请公开情况'])
  for (const row of LEGACY_ROWS) legacy.addRow([LEGACY_ROW_LABELS[row], '件', view.legacy[row]?.count ?? null])
  legacy.getColumn(1).width = 50
  const carry = workbook.addWorksheet('跨年度结转')
  title(carry, '跨年度结转')
  carry.addRow(['项目', '件数']).font = { bold: true }
  for (const row of Object.keys(CARRY_ROWS) as CarryRow[]) carry.addRow([CARRY_ROWS[row], view.carry[row].count])
  carry.getColumn(1).width = 50
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
