/**
 * Search relevance on real documents: the demo catalogue (3,150 published items — 150 laws and administrative
 * regulations with their real text and 3,000 real 发文字号 of the State Council and ten provincial governments; see
 * src/demo/data/gov-documents/PROVENANCE.md, extracted from the shared data set gov-documents) loaded through the
 * importer, then a fixed set of real titles and 文号 typed as visitors type them. A 文号 in any bracket style must
 * bring its document first; a title, whole or without 中华人民共和国, must bring it into the top 3.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, html, text } from '../../../test/support/test-app.ts'
import { describeEachDatabase } from '../../../test/support/test-database.ts'
import { seedDemoCatalogue } from '../../demo/seed-catalogue.ts'
import { fixedClock } from '../../platform/clock.ts'
import { normaliseDocNo } from '../search/index.ts'
import { SEARCH_COUNT_CAP, searchLiveItems } from './search-live-items.ts'

const PAGE = { limit: 20, offset: 0 }

// Real 文号 from doc-numbers.csv (rows 2, 152, 302 … of the shipped extract, and two 国务院令 of the laws), each
// re-typed in a bracket style people use: [] () 【】 （） 〔〕 ［］, with and without the final 号, with stray spaces.
const DOC_NO_QUERIES: [query: string, stored: string][] = [
  ['渝府[2023]6号', '渝府〔2023〕6号'],
  ['渝府发(2011)31号', '渝府发〔2011〕31号'],
  ['粤办函【2021】26号', '粤办函〔2021〕26号'],
  ['粤府办（2007）59号', '粤府办〔2007〕59号'],
  ['豫政办 〔2020〕11号', '豫政办〔2020〕11号'],
  ['豫政[2010]13', '豫政〔2010〕13号'],
  ['鄂政办发［2020］39号', '鄂政办发〔2020〕39号'],
  ['鄂政办函(2014)53号', '鄂政办函〔2014〕53号'],
  ['辽政发【2015】25号', '辽政发〔2015〕25号'],
  ['宁政发 (2018) 18号', '宁政发〔2018〕18号'],
  ['沪府办发〔2011〕17号', '沪府办发〔2011〕17号'],
  ['晋政函[2020]87号', '晋政函〔2020〕87号'],
  ['川府函（2020）104号', '川府函〔2020〕104号'],
  ['国办发(2017)42号', '国办发〔2017〕42号'],
  ['国发【2007】7号', '国发〔2007〕7号'],
  ['云政发[2016]113号', '云政发〔2016〕113号'],
  ['国务院令第711号', '国务院令第711号'],
]

// Real titles of the laws and regulations in the corpus, as a visitor would type them: whole, or in the short form
// without 中华人民共和国 that people use in speech.
const TITLE_QUERIES: [query: string, title: string][] = [
  ['中华人民共和国政府信息公开条例', '中华人民共和国政府信息公开条例'],
  ['政府信息公开条例', '中华人民共和国政府信息公开条例'],
  ['不动产登记暂行条例', '不动产登记暂行条例'],
  ['优化营商环境条例', '优化营商环境条例'],
  ['信访工作条例', '信访工作条例'],
  ['国有土地上房屋征收与补偿条例', '国有土地上房屋征收与补偿条例'],
  ['地名管理条例', '地名管理条例'],
  ['中华人民共和国市场主体登记管理条例', '中华人民共和国市场主体登记管理条例'],
  ['招标投标法实施条例', '中华人民共和国招标投标法实施条例'],
  ['政府督查工作条例', '政府督查工作条例'],
  ['无障碍环境建设条例', '无障碍环境建设条例'],
  ['档案法实施条例', '中华人民共和国档案法实施条例'],
  ['煤矿安全生产条例', '煤矿安全生产条例'],
  ['中华人民共和国行政强制法', '中华人民共和国行政强制法'],
  ['行政许可法', '中华人民共和国行政许可法'],
  ['重大行政决策程序暂行条例', '重大行政决策程序暂行条例'],
]

describeEachDatabase('search relevance on the real demo catalogue', (database) => {
  const db = () => database().db
  const itemWith = async (column: 'title' | 'doc_no', value: string): Promise<number> => {
    const rows = await sql<{ item_id: number }>`select item_id from catalogue_search where ${sql.ref(column)} = ${value}`.execute(db())
    expect(rows.rows, `exactly one item has ${column} ${value}`).toHaveLength(1)
    return rows.rows[0]!.item_id
  }

  beforeAll(async () => {
    const loaded = await seedDemoCatalogue(db(), fixedClock('2026-11-27T02:00:00Z'))
    expect(loaded?.imported).toBe(3150)
  }, 120_000)

  it.each(DOC_NO_QUERIES)('puts the document numbered %s first', async (query, stored) => {
    expect(normaliseDocNo(query)?.normalised).toBe(stored)
    const expected = await itemWith('doc_no', stored)
    const result = await searchLiveItems(db(), query, {}, PAGE)
    expect(result.docNo).toBe(stored)
    expect(result.items[0]?.itemId).toBe(expected)
    expect(result.items[0]?.docNo).toBe(stored)
  })

  it.each(TITLE_QUERIES)('finds the title %s in the top 3', async (query, title) => {
    const expected = await itemWith('title', title)
    const result = await searchLiveItems(db(), query, {}, PAGE)
    expect(result.items.slice(0, 3).map((i) => i.title)).toContain(title)
    expect(result.items.slice(0, 3).map((i) => i.itemId)).toContain(expected)
  })

  it('stops counting past the cap, says so, and still ranks and pages the sample', async () => {
    // Every one of the 3,000 doc-number items says in its body that it is demo data.
    const result = await searchLiveItems(db(), '演示数据', {}, PAGE)
    expect(result).toMatchObject({ total: SEARCH_COUNT_CAP, totalIsLowerBound: true, facetsSampled: true })
    expect(result.items).toHaveLength(20)
    const second = await searchLiveItems(db(), '演示数据', {}, { limit: 20, offset: 20 })
    expect(second.items).toHaveLength(20)
    expect(second.items.map((i) => i.itemId).filter((id) => result.items.some((i) => i.itemId === id))).toEqual([])
    expect(result.facets.organisation.length).toBeGreaterThan(1)
  })

  it('counts exactly under the cap: facets add up to the total', async () => {
    const result = await searchLiveItems(db(), '行政复议', {}, PAGE)
    expect(result.totalIsLowerBound).toBe(false)
    expect(result.facetsSampled).toBe(false)
    expect(result.total).toBeGreaterThan(0)
    expect(result.facets.section.reduce((n, f) => n + f.count, 0)).toBe(result.total)
    const year = result.facets.year[0]!
    const narrowed = await searchLiveItems(db(), '行政复议', { year: Number(year.value) }, PAGE)
    expect(narrowed.total).toBe(year.count)
    expect(narrowed.items.every((i) => i.year === Number(year.value))).toBe(true)
  })

  it('orders by publication date, newest first, when asked', async () => {
    const result = await searchLiveItems(db(), '行政复议', {}, PAGE, 'date')
    const times = result.items.map((i) => i.publishedAt.getTime())
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  it('on a zero-result page offers what dropping the filters gives and titles close to a misspelt one', async () => {
    const filtered = await searchLiveItems(db(), '政府信息公开条例', { year: 1990 }, PAGE)
    expect(filtered.total).toBe(0)
    expect(filtered.unfilteredTotal).toBeGreaterThan(0)
    const misspelt = await searchLiveItems(db(), '政府信息公开条列', {}, PAGE)
    expect(misspelt.total).toBe(0)
    expect(misspelt.similarTitles.map((i) => i.title)).toContain('中华人民共和国政府信息公开条例')
  })

  describe('the portal search page', () => {
    let app: Awaited<ReturnType<typeof buildTestApp>>['app']
    beforeAll(async () => {
      app = (await buildTestApp(db())).app
    })
    afterAll(async () => app?.close())
    const page = async (query: string) => html(await app.inject(`/search?${new URLSearchParams({ q: query })}`))

    it('says "1,000 条以上" when it stopped counting, and shows the sampled facets without counts', async () => {
      const doc = await page('演示数据')
      expect(doc.querySelector('.search-results')?.text).toContain('找到 1,000 条以上与“演示数据”相关的信息')
      expect(doc.querySelector('.pagination__status')?.text).toContain('1,000 条以上')
      expect(doc.querySelector('.facet__note')?.text).toContain('不显示条数')
      expect(doc.querySelectorAll('.facets a').map((a) => a.text).some((t) => /（\d+）$/.test(t))).toBe(false)
    })

    it('shows counts when every match was counted', async () => {
      const doc = await page('行政复议')
      expect(doc.querySelector('.facet__note')).toBeNull()
      expect(doc.querySelectorAll('.facets a').map((a) => a.text).every((t) => /（\d+）$/.test(t))).toBe(true)
    })

    it('puts the 文号 hit first on the page', async () => {
      const doc = await page('国办发(2017)42号')
      expect(doc.querySelector('.item-list li .item-list__meta')?.text).toContain('国办发〔2017〕42号')
    })

    it('helps on a zero-result page: what dropping the filters gives, and similar titles', async () => {
      const filtered = await app.inject(`/search?${new URLSearchParams({ q: '政府信息公开条例', year: '1990' })}`)
      expect(text(filtered, '.empty-state')).toMatch(/取消全部筛选后再试（不加筛选可找到 \d+ 条）/)
      const misspelt = await page('政府信息公开条列')
      expect(misspelt.querySelector('.empty-state')?.text).toContain('标题相近的信息')
      expect(misspelt.querySelectorAll('.empty-state .item-list a').map((a) => a.text)).toContain('中华人民共和国政府信息公开条例')
    })
  })
})
