/**
 * Every user-facing string of the privacy gate (保密审查 / 隐私审查), in one place so the wording can be reviewed.
 * Finding messages say what was found and what to do (STYLE.md §3); the number in a message is always masked, so a
 * message can be logged or shown in a list without spreading the personal information it warns about.
 */

import type { DocxPart } from './text-segments.ts'

const DOCX_PART_NAMES: Readonly<Record<DocxPart, string>> = {
  header: '页眉',
  footer: '页脚',
  footnote: '脚注',
  endnote: '尾注',
  comment: '批注',
  deletion: '修订记录中已删除的文字',
}

// 条例 第十五条: 个人隐私 may not be published unless the person agrees or the public interest requires it,
// hence "确需公开的请说明理由" rather than a flat ban.
const REMOVE_OR_JUSTIFY = '公开前请删除或遮盖，确需公开的请说明理由'

export const messages = {
  // Findings
  idCard: (masked: string) => `发现疑似居民身份证号码 ${masked}：${REMOVE_OR_JUSTIFY}`,
  oldIdCard: (masked: string) => `发现疑似15位旧版居民身份证号码 ${masked}（把握较低，请人工核对）：${REMOVE_OR_JUSTIFY}`,
  mobile: (masked: string) => `发现疑似手机号码 ${masked}：${REMOVE_OR_JUSTIFY}`,
  bankCard: (masked: string) => `发现疑似银行卡号 ${masked}：${REMOVE_OR_JUSTIFY}`,
  address: (masked: string) => `发现疑似个人住址 ${masked}：${REMOVE_OR_JUSTIFY}`,
  // 条例 第十四条 (国家秘密 不予公开) and 第十七条 (unsure → 报保密行政管理部门确定).
  sensitiveWord: (word: string) =>
    `发现敏感词“${word}”：涉密或内部信息不得公开，请核实后删除；无法确定是否涉密的，请报保密行政管理部门确定`,

  // Where a finding is (LocatedFinding.where)
  title: '标题',
  summary: '摘要',
  body: '正文',
  attachment: (name: string) => `附件《${name}》`,
  attachmentPage: (name: string, page: number) => `附件《${name}》第 ${page} 页`,
  attachmentParagraph: (name: string, paragraph: number) => `附件《${name}》第 ${paragraph} 段`,
  attachmentCell: (name: string, sheet: string, address: string) => `附件《${name}》${sheet}!${address}`,
  attachmentCellNote: (name: string, sheet: string, address: string) => `附件《${name}》${sheet}!${address} 的批注`,
  attachmentLine: (name: string, line: number) => `附件《${name}》第 ${line} 行`,
  attachmentDocxPart: (name: string, part: DocxPart) => `附件《${name}》${DOCX_PART_NAMES[part]}`,

  // Text extraction
  unsupportedType: (mediaType: string) =>
    `无法识别的附件格式（${mediaType || '未注明'}），无法进行隐私审查。请转换为 PDF、DOCX、XLSX、TXT 或 HTML 后重新上传`,
  legacyWord: '旧版 Word 文档（.doc）无法自动审查，请另存为 .docx 后重新上传',
  legacyExcel: '旧版 Excel 表格（.xls）无法自动审查，请另存为 .xlsx 后重新上传',
  wpsFormat: 'WPS 格式文件无法自动审查，请另存为 .docx、.xlsx 或 PDF 后重新上传',
  ofdFormat: 'OFD 版式文件暂不能自动审查，请同时上传 PDF 版本，或人工审查后说明理由',
  tooLarge: (bytes: number, limit: number) => `附件大小 ${formatBytes(bytes)} 超过可自动审查的上限 ${formatBytes(limit)}，请拆分后重新上传`,
  expandsTooLarge: (limit: number) => `附件解压后超过 ${formatBytes(limit)}，可能已损坏或被构造过，无法自动审查`,
  encrypted: '附件已加密，无法读取内容进行隐私审查。请上传未加密的版本',
  unreadable: (format: string) => `附件无法按 ${format} 格式读取，可能已损坏或扩展名与内容不符，请检查后重新上传`,
  noText: '附件中没有可提取的文字（可能是扫描件或图片），无法自动审查，请人工核对或上传带文字层的版本',
} as const

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`
  return `${bytes} 字节`
}
