import { describe, expect, it } from 'vitest'
import { buildDocx, buildDocxOutsideBody, buildPdf, buildXlsx, syntheticCardNumber, syntheticIdNumber } from './privacy.fixtures.ts'
import { scanDocument, type DocumentInput } from './scan-document.ts'

const TODAY = '2026-06-01'
const ID = syntheticIdNumber('500103', '19850615', '123')
const PDF_ID = syntheticIdNumber('110105', '19491231', '002')
const CARD = syntheticCardNumber('622848', 16)
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

describe('scanDocument', () => {
  it('says where each finding is: title, summary, body and each kind of attachment', async () => {
    const document: DocumentInput = {
      title: '关于张某（身份证号' + ID + '）补助申请的公示',
      summary: '联系电话 13800138000',
      bodyHtml: '<p>经审核，现予公示。</p><p>本文件为<b>内部资料</b>。</p>',
      attachments: [
        { name: '公示名单.docx', mediaType: DOCX, bytes: await buildDocx(['公示名单', '', '一、张某', `收款账号 ${CARD}`]) },
        { name: '表.xlsx', mediaType: XLSX, bytes: await buildXlsx([{ name: 'Sheet1', cells: { A1: '姓名', B4: '13900139000' } }]) },
        { name: '文件.pdf', mediaType: 'application/pdf', bytes: buildPdf(['Page one', `ID ${PDF_ID}`]) },
        { name: '说明.txt', mediaType: 'text/plain', bytes: new TextEncoder().encode('第一行\n第二行 绝密') },
      ],
    }
    const { findings, unscanned } = await scanDocument(document, { today: TODAY })
    expect(unscanned).toEqual([])
    expect(findings.map((f) => [f.where, f.kind, f.masked])).toEqual([
      ['标题', 'id_card', `5001**********${ID.slice(14)}`],
      ['摘要', 'mobile', '138****8000'],
      ['正文', 'sensitive_word', '内部资料'],
      ['附件《公示名单.docx》第 3 段', 'bank_card', `6228********${CARD.slice(12)}`],
      ['附件《表.xlsx》Sheet1!B4', 'mobile', '139****9000'],
      ['附件《文件.pdf》第 2 页', 'id_card', `1101**********${PDF_ID.slice(14)}`],
      ['附件《说明.txt》第 2 行', 'sensitive_word', '绝密'],
    ])
    expect(findings[3]!.location).toEqual({ part: 'attachment', attachment: 0, name: '公示名单.docx', paragraph: 3 })
    expect(findings[4]!.location).toEqual({ part: 'attachment', attachment: 1, name: '表.xlsx', sheet: 'Sheet1', cell: 'B4', note: false })
    expect(findings[5]!.location).toEqual({ part: 'attachment', attachment: 2, name: '文件.pdf', page: 2 })
  })

  it('names the DOCX part outside the body where a finding is', async () => {
    const bytes = await buildDocxOutsideBody('正文', {
      header: '内部资料',
      footer: '页脚',
      footnote: '电话13800138000',
      comment: '批注',
      deleted: `身份证${ID}`,
    })
    const { findings } = await scanDocument({ title: '无', bodyHtml: '', attachments: [{ name: '通知.docx', mediaType: DOCX, bytes }] }, { today: TODAY })
    expect(findings.map((f) => [f.where, f.kind])).toEqual([
      ['附件《通知.docx》页眉', 'sensitive_word'],
      ['附件《通知.docx》脚注', 'mobile'],
      ['附件《通知.docx》修订记录中已删除的文字', 'id_card'],
    ])
    expect(findings[2]!.location).toEqual({ part: 'attachment', attachment: 0, name: '通知.docx', docxPart: 'deletion' })
  })

  it('gives offsets in the text of the part, so that the match can be found again', async () => {
    const pdf = buildPdf(['Page one', `ID ${PDF_ID}`])
    const { findings } = await scanDocument(
      { title: '无', bodyHtml: '<p>电话</p><p>13800138000</p>', attachments: [{ name: '文件.pdf', mediaType: 'application/pdf', bytes: pdf }] },
      { today: TODAY },
    )
    const [body, attachment] = findings
    expect(body).toMatchObject({ where: '正文', start: 3, end: 14, match: '13800138000' })
    // 'Page one' + '\n' + 'ID ' = 12 characters before the number in the extracted text.
    expect(attachment).toMatchObject({ where: '附件《文件.pdf》第 2 页', start: 12, end: 30, match: PDF_ID })
  })

  it('lists attachments it cannot read instead of stopping, and reads the rest', async () => {
    const { findings, unscanned } = await scanDocument(
      {
        title: '通知',
        bodyHtml: '',
        attachments: [
          { name: '旧文件.doc', mediaType: 'application/msword', bytes: new Uint8Array([0xd0, 0xcf]) },
          { name: '扫描件.pdf', mediaType: 'application/pdf', bytes: buildPdf(['']) },
          { name: '名单.xlsx', mediaType: 'application/octet-stream', bytes: await buildXlsx([{ name: '名单', cells: { C2: ID } }]) },
          { name: '坏文件.docx', mediaType: DOCX, bytes: new TextEncoder().encode('broken') },
        ],
      },
      { today: TODAY },
    )
    expect(unscanned).toEqual([
      { attachment: 0, name: '旧文件.doc', message: '旧版 Word 文档（.doc）无法自动审查，请另存为 .docx 后重新上传' },
      { attachment: 1, name: '扫描件.pdf', message: '附件中没有可提取的文字（可能是扫描件或图片），无法自动审查，请人工核对或上传带文字层的版本' },
      { attachment: 3, name: '坏文件.docx', message: '附件无法按 DOCX 格式读取，可能已损坏或扩展名与内容不符，请检查后重新上传' },
    ])
    expect(findings.map((f) => f.where)).toEqual(['附件《名单.xlsx》名单!C2'])
  })

  it('applies the configured sensitive words and approved values to every part', async () => {
    const { findings } = await scanDocument(
      {
        title: '征求意见稿',
        bodyHtml: '<p>咨询电话 13800138000</p>',
        attachments: [{ name: 'a.txt', mediaType: 'text/plain', bytes: new TextEncoder().encode('征求意见稿 内部资料') }],
      },
      { today: TODAY, sensitiveWords: ['征求意见稿'], allowedValues: ['13800138000'] },
    )
    expect(findings.map((f) => [f.where, f.value])).toEqual([
      ['标题', '征求意见稿'],
      ['附件《a.txt》第 1 行', '征求意见稿'],
    ])
  })

  it('finds nothing in a clean document', async () => {
    const result = await scanDocument(
      { title: '国务院办公厅关于印发《政府网站发展指引》的通知', summary: '国办发〔2017〕47号', bodyHtml: '<p>2017年5月15日</p>' },
      { today: TODAY },
    )
    expect(result).toEqual({ findings: [], unscanned: [] })
  })
})
