import { describe, expect, it } from 'vitest'
import { assertZipExpandsWithin, decodeText, effectiveMediaType, extractText, textFormatOf } from './extract-text.ts'
import { TextExtractionError } from './privacy.errors.ts'
import { buildDocx, buildDocxOutsideBody, buildPdf, buildXlsx, syntheticIdNumber } from './privacy.fixtures.ts'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const ID = syntheticIdNumber('110105', '19491231', '002')

async function extractionError(promise: Promise<unknown>): Promise<TextExtractionError> {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(TextExtractionError)
  return error as TextExtractionError
}

describe('extractText', () => {
  it('reads a PDF page by page', async () => {
    const pdf = buildPdf(['Notice of results', `Applicant ID ${ID} tel 13800138000`])
    const extracted = await extractText(pdf, 'application/pdf')
    expect(extracted.pages).toBe(2)
    expect(extracted.segments.map((s) => [s.locator, extracted.text.slice(s.start, s.end)])).toEqual([
      [{ kind: 'page', page: 1 }, 'Notice of results'],
      [{ kind: 'page', page: 2 }, `Applicant ID ${ID} tel 13800138000`],
    ])
  })

  it('leaves the caller’s buffer usable after reading a PDF', async () => {
    const pdf = buildPdf(['text'])
    await extractText(pdf, 'application/pdf')
    expect(pdf.byteLength).toBeGreaterThan(0)
    expect(new TextDecoder().decode(pdf.subarray(0, 8))).toBe('%PDF-1.4')
  })

  it('reads a PDF without text as empty, with its page count', async () => {
    const extracted = await extractText(buildPdf(['', '']), 'application/pdf')
    expect(extracted).toEqual({ text: '', pages: 2, segments: [] })
  })

  it('numbers DOCX paragraphs as a reader counts them, skipping empty ones', async () => {
    const docx = await buildDocx(['关于公布某事项的通知', '', '各单位：', `联系人身份证号${ID}。`])
    const extracted = await extractText(docx, DOCX)
    expect(extracted.segments.map((s) => [s.locator, extracted.text.slice(s.start, s.end)])).toEqual([
      [{ kind: 'paragraph', paragraph: 1 }, '关于公布某事项的通知'],
      [{ kind: 'paragraph', paragraph: 2 }, '各单位：'],
      [{ kind: 'paragraph', paragraph: 3 }, `联系人身份证号${ID}。`],
    ])
  })

  it('reads DOCX headers, footers, footnotes, comments and tracked deletions, which mammoth leaves out', async () => {
    const docx = await buildDocxOutsideBody('正文', {
      header: '内部资料 注意保存',
      footer: '第 1 页',
      footnote: '联系人电话13800138000',
      comment: '请删去身份证号',
      deleted: `张某 ${ID}`,
    })
    const extracted = await extractText(docx, DOCX)
    expect(extracted.segments.map((s) => [s.locator, extracted.text.slice(s.start, s.end)])).toEqual([
      [{ kind: 'paragraph', paragraph: 1 }, '正文'],
      [{ kind: 'docx_part', part: 'header' }, '内部资料 注意保存'],
      [{ kind: 'docx_part', part: 'footer' }, '第 1 页'],
      [{ kind: 'docx_part', part: 'footnote' }, '联系人电话13800138000'],
      [{ kind: 'docx_part', part: 'comment' }, '请删去身份证号'],
      [{ kind: 'docx_part', part: 'deletion' }, `张某 ${ID}`],
    ])
  })

  it('reads every XLSX cell of every sheet, hidden sheets and notes included, merged ranges once', async () => {
    const xlsx = await buildXlsx([
      { name: 'Sheet1', cells: { A1: '姓名', B1: '电话', A4: '张某', B4: '13800138000', C4: 42 } },
      { name: '隐藏', cells: { A1: ID, C3: '合并单元格' }, hidden: true, merges: ['C3:D4'], notes: { A1: '备注：内部资料' } },
    ])
    const extracted = await extractText(xlsx, XLSX)
    expect(extracted.segments.map((s) => [s.locator, extracted.text.slice(s.start, s.end)])).toEqual([
      [{ kind: 'cell', sheet: 'Sheet1', address: 'A1', note: false }, '姓名'],
      [{ kind: 'cell', sheet: 'Sheet1', address: 'B1', note: false }, '电话'],
      [{ kind: 'cell', sheet: 'Sheet1', address: 'A4', note: false }, '张某'],
      [{ kind: 'cell', sheet: 'Sheet1', address: 'B4', note: false }, '13800138000'],
      [{ kind: 'cell', sheet: 'Sheet1', address: 'C4', note: false }, '42'],
      [{ kind: 'cell', sheet: '隐藏', address: 'A1', note: false }, ID],
      [{ kind: 'cell', sheet: '隐藏', address: 'A1', note: true }, '备注：内部资料'],
      [{ kind: 'cell', sheet: '隐藏', address: 'C3', note: false }, '合并单元格'],
    ])
  })

  it('reads plain text as UTF-8, or GB18030 when it is not valid UTF-8', async () => {
    const utf8 = new TextEncoder().encode('第一行\n电话13800138000')
    expect((await extractText(utf8, 'text/plain; charset=utf-8')).text).toBe('第一行\n电话13800138000')
    // '你好' in GBK, as Windows Notepad in China saves by default
    expect(decodeText(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]))).toBe('你好')
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a')
  })

  it('reads HTML as text', async () => {
    const html = new TextEncoder().encode('<html><body><p>联系人：<b>张某</b></p><p>电话13800138000</p></body></html>')
    const extracted = await extractText(html, 'text/html')
    expect(extracted.text).toBe('联系人：张某\n电话13800138000')
    expect(extracted.segments).toEqual([{ start: 0, end: extracted.text.length, locator: { kind: 'whole' } }])
  })

  it.each([
    ['image/png', '无法识别的附件格式（image/png），无法进行隐私审查。请转换为 PDF、DOCX、XLSX、TXT 或 HTML 后重新上传'],
    ['', '无法识别的附件格式（未注明），无法进行隐私审查。请转换为 PDF、DOCX、XLSX、TXT 或 HTML 后重新上传'],
    ['application/msword', '旧版 Word 文档（.doc）无法自动审查，请另存为 .docx 后重新上传'],
    ['application/vnd.ms-excel', '旧版 Excel 表格（.xls）无法自动审查，请另存为 .xlsx 后重新上传'],
    ['application/ofd', 'OFD 版式文件暂不能自动审查，请同时上传 PDF 版本，或人工审查后说明理由'],
  ])('refuses %s with a Chinese message', async (mediaType, message) => {
    const error = await extractionError(extractText(new Uint8Array([1, 2, 3]), mediaType))
    expect(error).toMatchObject({ reason: 'unsupported_type', code: 'PRIVACY_TEXT_EXTRACTION', message })
  })

  it('refuses a file over the size limit', async () => {
    const error = await extractionError(extractText(new Uint8Array(2048), 'text/plain', { maxBytes: 1024 }))
    expect(error).toMatchObject({ reason: 'too_large', message: '附件大小 2 KB 超过可自动审查的上限 1 KB，请拆分后重新上传' })
  })

  it('refuses a DOCX that would expand beyond the limit', async () => {
    const docx = await buildDocx(['正文'])
    const error = await extractionError(extractText(docx, DOCX, { maxExpandedBytes: 100 }))
    expect(error.reason).toBe('too_large')
    expect(error.message).toContain('解压后超过')
  })

  it.each([
    ['application/pdf', 'PDF'],
    [DOCX, 'DOCX'],
    [XLSX, 'XLSX'],
  ])('refuses a corrupt %s', async (mediaType, format) => {
    const error = await extractionError(extractText(new TextEncoder().encode('not really a file'), mediaType))
    expect(error).toMatchObject({ reason: 'unreadable', message: `附件无法按 ${format} 格式读取，可能已损坏或扩展名与内容不符，请检查后重新上传` })
  })
})

describe('effectiveMediaType', () => {
  it.each([
    ['application/pdf', 'a.docx', 'application/pdf'],
    ['', '通知.PDF', 'application/pdf'],
    [undefined, '表.xlsx', XLSX],
    ['application/octet-stream', '公文.ofd', 'application/ofd'],
    ['application/octet-stream', 'noextension', 'application/octet-stream'],
    ['application/x-zip-compressed', '名单.docx', DOCX],
    ['Text/HTML; charset=GBK', 'x', 'text/html'],
  ])('declared %s, name %s → %s', (declared, name, expected) => {
    expect(effectiveMediaType(declared, name)).toBe(expected)
  })
})

describe('textFormatOf', () => {
  it('ignores parameters and case', () => {
    expect(textFormatOf('TEXT/CSV; charset=gb18030')).toBe('text')
  })
})

describe('assertZipExpandsWithin', () => {
  it('accepts a small archive and refuses something that is not a ZIP', async () => {
    const docx = await buildDocx(['正文'])
    expect(() => assertZipExpandsWithin(docx, 10_000_000, 'DOCX')).not.toThrow()
    expect(() => assertZipExpandsWithin(new Uint8Array(100), 10_000_000, 'DOCX')).toThrow(TextExtractionError)
  })
})
