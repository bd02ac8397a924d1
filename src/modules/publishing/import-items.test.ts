import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { parseCatalogueCsv, parseCatalogueXlsx } from './import-file.ts'
import { importCatalogue, type ImportRow } from './import-items.ts'
import { searchLiveItems } from './search-live-items.ts'

const clock = fixedClock('2026-11-27T02:00:00Z')
const options = { dryRun: false, clock, actorLabel: 'test' }

// Real 文号 and dates from doc-numbers-ptc2024 (see src/demo/data/gov-documents/PROVENANCE.md); titles written for the test.
const GOOD: ImportRow = {
  名称: '关于做好2023年城乡居民基本医疗保险工作的通知', 发布机构: 'czj', 发文机关: '重庆市人民政府办公厅', 文号: '渝府办发〔2023〕44号', 成文日期: '2023-05-29',
  发布日期: '2023/5/30', 主题分类: '财政、金融、审计', 体裁: '通知', 目录栏目: '财政预决算', 内容概述: '部署城乡居民医保筹资工作。', 正文: '各区县人民政府：\n\n现将有关事项通知如下。',
}

let database: TestDatabase
beforeAll(async () => {
  database = await openTestPglite()
})
afterAll(async () => database?.close())

async function count(table: 'catalogue_items' | 'catalogue_search' | 'catalogue_events' | 'index_no_counters' | 'audit_log'): Promise<number> {
  const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('importCatalogue', () => {
  it('lists every rejected row with its column and a Chinese reason in a dry run, and writes nothing', async () => {
    const before = await Promise.all([count('catalogue_items'), count('index_no_counters'), count('audit_log')])
    const result = await importCatalogue(database.db, [
      GOOD,
      { ...GOOD, 文号: '渝府办发〔2023〕45号', 发布机构: 'no-such-unit' },
      { ...GOOD, 文号: '渝府办发〔2023〕46号', 成文日期: '2023-02-30', 主题分类: '天气' },
      { ...GOOD, 文号: '渝府办发〔2023〕47号', 目录栏目: 'fggz', 有效性: '' },
      { ...GOOD, 文号: '渝府办发(2023)44号' },
      { ...GOOD, 文号: '渝府办发〔2023〕48号', 有效性: '作废', 发布日期: '2027-01-01' },
    ], { ...options, dryRun: true })
    expect(result).toMatchObject({ dryRun: true, total: 6, accepted: 1, imported: 0 })
    expect(result.rejected).toEqual([
      { row: 3, field: '发布机构', message: '找不到代码为“no-such-unit”的单位，请填写系统中的单位代码' },
      { row: 4, field: '主题分类', message: expect.stringMatching(/^主题分类“天气”不在分类表中，请填写一级分类（国务院组织机构、/) },
      { row: 4, field: '成文日期', message: '这个日期不存在，请检查年月日' },
      { row: 5, field: '有效性', message: '规章和规范性文件须标注有效性' },
      { row: 6, field: '文号', message: '文号“渝府办发〔2023〕44号”与第 2 行重复（同一单位的文号不能重复使用）' },
      { row: 7, field: '有效性', message: '有效性“作废”无法识别，请填写“有效”“失效”“废止”或留空' },
      { row: 7, field: '发布日期', message: '发布日期 2027-01-01 晚于今天，导入的信息须是已经发布的' },
    ])
    expect(await Promise.all([count('catalogue_items'), count('index_no_counters'), count('audit_log')])).toEqual(before)
  })

  it('imports accepted rows as published items that search finds by 文号 written with other brackets', async () => {
    const result = await importCatalogue(database.db, [
      GOOD,
      { ...GOOD, 名称: '山西省人民政府关于印发山西省加快推进数字经济发展若干政策的通知', 发布机构: '', 文号: '晋政发（2023）16号', 成文日期: '2023年8月10日', 发布日期: '', 索引号: 'old-site/2023-0042', 目录栏目: 'fggz', 有效性: '有效', 施行日期: '2023-09-01' },
      { ...GOOD, 名称: '缺少单位' , 文号: '渝府办发〔2023〕49号', 发布机构: 'nowhere' },
    ], { ...options, organisationCode: undefined })
    expect(result).toMatchObject({ dryRun: false, total: 3, accepted: 1, imported: 1 })
    expect(result.rejected.map((r) => [r.row, r.field])).toEqual([[3, '发布机构'], [4, '发布机构']])

    const found = await searchLiveItems(database.db, '渝府办发[2023]44号', {}, { limit: 10, offset: 0 })
    expect(found.docNo).toBe('渝府办发〔2023〕44号')
    expect(found.items.map((i) => [i.title, i.docNo, i.indexNo, i.section])).toEqual([[GOOD.名称, '渝府办发〔2023〕44号', 'czj/2023-00001', 'czyjs']])
    expect(found.items[0]!.publishedAt.toISOString()).toBe('2023-05-30T01:00:00.000Z') // 09:00 Beijing time
    expect((await searchLiveItems(database.db, '城乡居民 医疗保险', {}, { limit: 10, offset: 0 })).items.map((i) => i.title)).toEqual([GOOD.名称])

    const itemId = found.items[0]!.itemId
    const edition = await database.db.selectFrom('catalogue_editions').selectAll().where('item_id', '=', itemId).executeTakeFirstOrThrow()
    expect(edition).toMatchObject({ state: 'published', edition_no: 1, version_no: 1, written_on: '2023-05-29', body_html: '<p>各区县人民政府：</p>\n<p>现将有关事项通知如下。</p>', disclosure: 'proactive' })
    const events = await database.db.selectFrom('catalogue_events').select(['type', 'details']).where('item_id', '=', itemId).execute()
    expect(events).toEqual([{ type: 'imported', details: { indexNo: 'czj/2023-00001', row: 2, source: 'test' } }])
    const item = await database.db.selectFrom('catalogue_items').selectAll().where('id', '=', itemId).executeTakeFirstOrThrow()
    expect(item).toMatchObject({ public_state: 'published', live_edition_id: edition.id })
    expect(await count('audit_log')).toBeGreaterThan(0)
  })

  it('keeps a 索引号 the file brings, fixes a unit for the whole file, and refuses a 文号 the unit already used', async () => {
    const rows: ImportRow[] = [
      { ...GOOD, 名称: '山西省人民政府关于印发山西省加快推进数字经济发展若干政策的通知', 发布机构: '', 文号: '晋政发（2023）16号', 成文日期: '2023年8月10日', 发布日期: '', 索引号: 'old-site/2023-0042', 目录栏目: 'fggz', 有效性: '有效', 施行日期: '2023-09-01' },
      { ...GOOD, 发布机构: '', 文号: '渝府办发 [2023] 44号', 索引号: 'czj/2023-00007' },
      { ...GOOD, 发布机构: 'czj', 名称: '另一条', 文号: '', 索引号: 'old-site/2023-0042' },
    ]
    const result = await importCatalogue(database.db, rows, { ...options, organisationCode: 'czj' })
    expect(result.rejected).toEqual([
      { row: 3, field: '文号', message: `文号“渝府办发〔2023〕44号”在本单位已被《${GOOD.名称}》使用` },
      { row: 4, field: '索引号', message: '索引号“old-site/2023-0042”与第 2 行重复' },
    ])
    expect(result.imported).toBe(1)
    const found = await searchLiveItems(database.db, '晋政发〔2023〕16号', {}, { limit: 10, offset: 0 })
    expect(found.items.map((i) => [i.indexNo, i.validity, i.publishedAt.toISOString()])).toEqual([['old-site/2023-0042', 'in_force', clock.now().toISOString()]])
    // The same 文号 may be used by another unit.
    const other = await importCatalogue(database.db, [{ ...GOOD, 发布机构: 'jw' }], options)
    expect(other).toMatchObject({ imported: 1, rejected: [] })
  })

  it('moves the unit counter past imported 索引号 so that later items do not collide with them', async () => {
    const result = await importCatalogue(database.db, [
      { ...GOOD, 发布机构: 'mzj', 文号: '', 索引号: 'mzj/2023-00002' },
      { ...GOOD, 发布机构: 'mzj', 文号: '' },
      { ...GOOD, 发布机构: 'mzj', 文号: '', 索引号: 'mzj/2023-00005' },
    ], options)
    expect(result.imported).toBe(3)
    const numbers = await database.db.selectFrom('catalogue_items').innerJoin('organisations', 'organisations.id', 'catalogue_items.organisation_id')
      .select('index_no').where('organisations.code', '=', 'mzj').orderBy('index_no').execute()
    expect(numbers.map((n) => n.index_no)).toEqual(['mzj/2023-00002', 'mzj/2023-00005', 'mzj/2023-00006'])
  })

  it('reads 主题分类 in one level or two (gov.cn\'s backslash, or "一级 > 二级") and names the second levels a first level has', async () => {
    const result = await importCatalogue(database.db, [
      { ...GOOD, 文号: '渝府办发〔2023〕61号', 主题分类: '财政、金融、审计\\税务' },
      { ...GOOD, 文号: '渝府办发〔2023〕62号', 主题分类: '财政、金融、审计 > 银行' },
      { ...GOOD, 文号: '渝府办发〔2023〕63号', 主题分类: '财政、金融、审计\\彩票' },
    ], { ...options, dryRun: true })
    expect(result.accepted).toBe(2)
    expect(result.rejected).toEqual([{ row: 4, field: '主题分类', message: expect.stringMatching(/^“财政、金融、审计”下没有二级分类“彩票”，请填写其中之一：财政、税务、银行/) }])
  })
})

describe('reading import files', () => {
  it('reads a UTF-8 CSV with a byte-order mark, quoted line breaks and header aliases, numbering rows as a spreadsheet does', async () => {
    const csv = '\uFEFF标题,发布机构,发文字号,成文日期,主题分类,体裁,目录栏目,正文,备注\n'
      + '"关于印发开州区2023年政务公开工作要点的通知",wsjkw,开州卫健发〔2023〕12号,2023-03-01,综合政务,通知,qtfd,"第一段\n第二段",x\n'
      + ',,,,,,,,\n'
      + '无效日期的一行,wsjkw,,2023-13-01,综合政务,通知,qtfd,,\n'
    const parsed = parseCatalogueCsv(new TextEncoder().encode(csv))
    expect(parsed.ignoredColumns).toEqual(['备注'])
    expect(parsed.rows.map((r) => [r.line, r.名称, r.文号])).toEqual([[2, '关于印发开州区2023年政务公开工作要点的通知', '开州卫健发〔2023〕12号'], [4, '无效日期的一行', '']])
    const result = await importCatalogue(database.db, parsed.rows, options)
    expect(result.imported).toBe(1)
    expect(result.rejected).toEqual([{ row: 4, field: '成文日期', message: '这个日期不存在，请检查年月日' }])
    expect((await searchLiveItems(database.db, '开州卫健发(2023)12号', {}, { limit: 5, offset: 0 })).total).toBe(1)
  })

  it('reads a CSV saved as GB18030 by Excel on a Chinese Windows', () => {
    // 名称,成文日期,主题分类,体裁,目录栏目 / 测试,2023-01-01,其他,函,qtfd in GB18030.
    const bytes = Buffer.from('c3fbb3c62cb3c9cec4c8d5c6da2cd6f7cce2b7d6c0e02ccce5b2c32cc4bfc2bcc0b8c4bf0ab2e2cad42c323032332d30312d30312cc6e4cbfb2cbaaf2c717466640a', 'hex')
    expect(parseCatalogueCsv(bytes).rows).toEqual([{ line: 2, 名称: '测试', 成文日期: '2023-01-01', 主题分类: '其他', 体裁: '函', 目录栏目: 'qtfd' }])
  })

  it('refuses a file whose header lacks required columns, naming them', () => {
    expect(() => parseCatalogueCsv(new TextEncoder().encode('名称,文号\n甲,乙\n'))).toThrow('缺少这些列：成文日期、主题分类、体裁、目录栏目')
  })

  it('reads an XLSX with date cells, rich text and formulas, and imports it', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('公开信息')
    sheet.addRow(['名称', '发布机构', '文号', '成文日期', '发布日期', '主题分类', '体裁', '目录栏目', '有效性'])
    sheet.addRow([{ richText: [{ text: '开州区城乡居民' }, { text: '最低生活保障实施办法', font: { bold: true } }] }, 'mzj', '开州民政发[2022]3号', new Date(Date.UTC(2022, 2, 15)), new Date(Date.UTC(2022, 2, 16)), '民政、扶贫、救灾', '通知', 'fggz', '有效'])
    sheet.addRow([{ formula: 'CONCAT("开州区","临时救助办法")', result: '开州区临时救助办法' }, 'mzj', '开州民政发[2022]4号', '2022-04-01', '', '民政、扶贫、救灾', '通知', 'fggz', '废止'])
    const parsed = await parseCatalogueXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()))
    expect(parsed.rows.map((r) => [r.line, r.名称, r.成文日期])).toEqual([[2, '开州区城乡居民最低生活保障实施办法', new Date(Date.UTC(2022, 2, 15))], [3, '开州区临时救助办法', '2022-04-01']])
    const result = await importCatalogue(database.db, parsed.rows, options)
    expect(result).toMatchObject({ imported: 2, rejected: [] })
    const found = await searchLiveItems(database.db, '开州民政发〔2022〕3号', {}, { limit: 5, offset: 0 })
    expect(found.items.map((i) => [i.title, i.validity, i.publishedAt.toISOString()])).toEqual([['开州区城乡居民最低生活保障实施办法', 'in_force', '2022-03-16T01:00:00.000Z']])
  })
})
