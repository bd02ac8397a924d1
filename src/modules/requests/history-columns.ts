/**
 * The documented columns of a 历史案件 file (the page 列说明 and the downloadable templates): names, whether
 * required, allowed values and an example. The values are read from the rules, so the page cannot drift from what
 * importHistory accepts.
 */
import ExcelJS from 'exceljs'
import { HISTORY_COLUMNS } from './import-history-file.ts'
import { APPLICANT_CATEGORIES, DISPOSITIONS, DISPOSITION_GROUPS, WITHHOLDING_GROUNDS } from './rules/index.ts'

export interface HistoryColumnDoc {
  name: (typeof HISTORY_COLUMNS)[number]
  required: string
  values: string
  example: string
}

/** One entry per column, in template order. */
export const HISTORY_COLUMN_DOCS: readonly HistoryColumnDoc[] = [
  { name: '收到申请日期', required: '必填', values: '收到申请之日（《条例》第三十一条），写成 YYYY-MM-DD，不晚于今天', example: '2025-03-03' },
  { name: '渠道', required: '必填', values: '当面、信函（邮寄需签收）、平常信函、传真、电子邮件、网络。2014 年格式统计时，信函和平常信函计入“信函申请数”，电子邮件和网络计入“网络申请数”', example: '当面' },
  { name: '申请人类型', required: '必填', values: `${APPLICANT_CATEGORIES.map((c) => c.label).join('、')}（也可写“法人或其他组织：商业企业”）`, example: '自然人' },
  { name: '单位', required: '必填', values: '办理单位的单位代码或全称。单位管理员只能导入本单位的案件，公开办可导入各单位的案件', example: 'czj' },
  { name: '答复日期', required: '已办结的必填', values: '作出答复（或不再处理）的日期，写成 YYYY-MM-DD，不早于收到申请日期。留空表示尚未办结，计入“结转下年度继续办理”', example: '2025-03-20' },
  { name: '办理结果', required: '填写答复日期的必填', values: '年度报告表三的办理结果：名称（如“予以公开”“部分公开”“1.属于国家秘密”）或代码（如 granted、partial），见下方“办理结果”表', example: '予以公开' },
  { name: '延期工作日数', required: '选填', values: '经批准延长答复期限的工作日数（1–20，《条例》第三十三条）；留空或 0 表示未延期', example: '10' },
  { name: '不予公开依据', required: '部分公开的必填', values: `不予公开部分的依据，多项用顿号分隔：${Object.values(WITHHOLDING_GROUNDS).map((g) => g.label).join('、')}`, example: '保护第三方合法权益' },
  { name: '第三方权益', required: '选填', values: '保护第三方合法权益时涉及的权益：商业秘密、个人隐私、其他（2014 年格式的“其中”行按此计数）', example: '商业秘密' },
  { name: '行政复议', required: '选填', values: '申请人就本案申请行政复议的结果：维持、纠正、其他、尚未审结；留空表示没有复议', example: '维持' },
  { name: '行政诉讼', required: '选填', values: '申请人就本案提起行政诉讼的结果：维持、纠正、其他、尚未审结；留空表示没有诉讼', example: '' },
  { name: '诉讼前是否复议', required: '选填', values: '是 或 否（表四分“未经复议直接起诉”和“复议后起诉”）', example: '' },
]

/** The disposition codes a file may use, with their table 三 row. */
export const HISTORY_DISPOSITION_DOCS = DISPOSITIONS.map((d) => ({ code: d.code, group: DISPOSITION_GROUPS[d.group].replace(/（区分处理的.*）$/, ''), label: d.label }))

/** Example rows of the template, for a unit's code. */
function exampleRows(unitCode: string): string[][] {
  return [
    ['2025-03-03', '当面', '自然人', unitCode, '2025-03-20', '予以公开', '', '', '', '', '', ''],
    ['2025-05-06', '信函', '商业企业', unitCode, '2025-06-20', '部分公开', '10', '保护第三方合法权益', '商业秘密', '维持', '', ''],
    ['2025-12-22', '网络', '科研机构', unitCode, '', '', '', '', '', '', '', ''],
  ]
}

/** The template as CSV (UTF-8 with BOM, so that Excel opens it in Chinese). */
export function historyTemplateCsv(unitCode: string): Buffer {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  const lines = [[...HISTORY_COLUMNS], ...exampleRows(unitCode)].map((row) => row.map(quote).join(','))
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8')
}

/** The template as XLSX: the example rows, and a second sheet with the column notes. */
export async function historyTemplateXlsx(unitCode: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('历史案件')
  sheet.addRow([...HISTORY_COLUMNS]).font = { bold: true }
  for (const row of exampleRows(unitCode)) sheet.addRow(row)
  // Dates as text, so that Excel keeps YYYY-MM-DD as typed.
  for (const column of [1, 5]) sheet.getColumn(column).numFmt = '@'
  sheet.columns.forEach((column) => { column.width = 16 })
  const notes = workbook.addWorksheet('列说明')
  notes.addRow(['列', '是否必填', '内容和可用的值', '示例']).font = { bold: true }
  for (const doc of HISTORY_COLUMN_DOCS) notes.addRow([doc.name, doc.required, doc.values, doc.example])
  notes.addRow([])
  notes.addRow(['办理结果代码', '表三分组', '表三行']).font = { bold: true }
  for (const d of HISTORY_DISPOSITION_DOCS) notes.addRow([d.code, d.group, d.label])
  notes.getColumn(3).width = 80
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
