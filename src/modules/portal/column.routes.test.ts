/**
 * The 政府信息公开专栏's columns over HTTP: the region 指南 index and each unit's generated 指南, 制度, and browsing
 * 法定主动公开内容 by unit, 主题分类 and year — with counts, pagination, 404s for what does not exist, and the page cache.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, html, text } from '../../../test/support/test-app.ts'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { importCatalogue, type ImportRow } from '../publishing/import-items.ts'

let database: TestDatabase
let app: Awaited<ReturnType<typeof buildTestApp>>['app']

const row = (title: string, over: Partial<ImportRow> = {}): ImportRow => ({
  名称: title, 发布机构: 'czj', 成文日期: '2025-03-01', 发布日期: '2025-03-02', 主题分类: '财政、金融、审计', 体裁: '通知', 目录栏目: 'czyjs', 正文: '正文', ...over,
})

beforeAll(async () => {
  database = await openTestPglite()
  app = (await buildTestApp(database.db)).app
  const rows: ImportRow[] = [
    // 25 budget items of 区财政局 in 2025: two pages of 20.
    ...Array.from({ length: 25 }, (_, i) => row(`开州区财政局2025年部门预算公开第${i + 1}号`, { 发布日期: `2025-03-${String(i + 2).padStart(2, '0')}` })),
    row('开州区财政局关于政府采购意向公开的通知', { 目录栏目: 'zfcg', 成文日期: '2024-05-06', 发布日期: '2024-05-07' }),
    row('开州区发展改革委2026年重点项目计划', { 发布机构: 'fgw', 目录栏目: 'ghjh', 主题分类: '综合政务', 成文日期: '2026-01-10', 发布日期: '2026-01-12' }),
    row('开州区食品药品监督管理局2018年抽检信息', { 发布机构: 'syjj', 目录栏目: 'jdjc', 主题分类: '市场监管、安全生产监管', 成文日期: '2018-07-01', 发布日期: '2018-07-02' }),
    row('重庆市开州区政府信息公开保密审查制度', { 发布机构: 'kzq-bgs', 目录栏目: 'gkzd', 主题分类: '综合政务', 文号: '开州府办发〔2019〕56号', 成文日期: '2019-08-15', 发布日期: '2019-08-20' }),
  ]
  const result = await importCatalogue(database.db, rows, { dryRun: false, clock: fixedClock('2026-11-27T02:00:00Z'), actorLabel: 'test', audit: false })
  expect(result.rejected).toEqual([])
  // A second-level 主题分类 as stored by the two-level scheme (综合政务\政务公开): browsed under 综合政务.
  await database.db.updateTable('catalogue_search').set({ topic: '综合政务\\政务公开' }).where('title', '=', '开州区发展改革委2026年重点项目计划').execute()
})
afterAll(async () => {
  await app.close()
  await database.close()
})

const PAGES: [string, string][] = [
  ['/xxgk/zhinan', '政府信息公开指南'],
  ['/xxgk/zhinan/czj', '重庆市开州区财政局政府信息公开指南'],
  ['/xxgk/zhinan/kzq-bgs', '重庆市开州区人民政府办公室政府信息公开指南'],
  ['/xxgk/zhidu', '政府信息公开制度'],
  ['/xxgk/fdzdgknr/danwei', '按发布单位浏览'],
  ['/xxgk/fdzdgknr/danwei/czj', '重庆市开州区财政局'],
  ['/xxgk/fdzdgknr/zhuti', '按主题分类浏览'],
  [`/xxgk/fdzdgknr/zhuti/${encodeURIComponent('综合政务')}`, '主题分类：综合政务'],
  ['/xxgk/fdzdgknr/niandu', '按年份浏览'],
  ['/xxgk/fdzdgknr/niandu/2025', '2025 年的政府信息'],
]

describe('every page of the column', () => {
  for (const [url, heading] of PAGES) {
    it(`serves ${decodeURI(url)} in Chinese with one h1, from the cache the second time`, async () => {
      const res = await app.inject(url)
      expect(res.statusCode).toBe(200)
      const doc = html(res)
      expect(doc.querySelector('html')?.getAttribute('lang')).toBe('zh-CN')
      expect(doc.querySelectorAll('h1').map((h) => h.text)).toEqual([heading])
      expect(res.body).not.toMatch(/undefined|null|NaN|TODO/)
      expect((await app.inject(url)).headers['x-page-cache']).toBe('hit')
    })
  }

  it('links the four ways to browse from each 法定主动公开内容 page, marking the current one', async () => {
    const cases: [string, string][] = [['/xxgk/fdzdgknr', '按栏目'], ['/xxgk/fdzdgknr/danwei', '按发布单位'], ['/xxgk/fdzdgknr/zhuti', '按主题分类'], ['/xxgk/fdzdgknr/niandu/2025', '按年份']]
    for (const [url, current] of cases) {
      const nav = html(await app.inject(url)).querySelector('nav[aria-label="浏览方式"]')!
      expect(nav.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(['/xxgk/fdzdgknr', '/xxgk/fdzdgknr/danwei', '/xxgk/fdzdgknr/zhuti', '/xxgk/fdzdgknr/niandu'])
      expect(nav.querySelector('[aria-current="page"]')?.text).toBe(current)
    }
  })
})

describe('政府信息公开指南', () => {
  it('lists every current unit with the date of its guide, or says it is not filled in', async () => {
    const res = await app.inject('/xxgk/zhinan')
    const rows = html(res).querySelectorAll('tbody tr').map((r) => r.text)
    expect(rows.find((r) => r.includes('重庆市开州区财政局'))).toContain('尚未填写')
    expect(rows.find((r) => r.includes('重庆市开州区人民政府办公室'))).toMatch(/\d{4}-\d{2}-\d{2}/)
    expect(rows.some((r) => r.includes('食品药品监督管理局'))).toBe(false)
    expect(res.body).toContain('href="/xxgk/zhinan/czj"')
    expect(text(res, 'main')).toContain('镇乡街道（40 个）')
  })

  it('generates an unfilled unit’s guide from its real catalogue, with a notice instead of empty fields', async () => {
    const res = await app.inject('/xxgk/zhinan/czj')
    const main = text(res, 'main')
    expect(text(res, '.notice')).toContain('本单位尚未填写政府信息公开指南')
    expect(main).toContain('本单位尚未填写政府信息公开工作机构的名称、办公地址、办公时间和联系方式')
    expect(html(res).querySelector('.summary-list')).toBeNull()
    expect(main).not.toContain('更新日期')
    // The sections it publishes in, with counts, linked to the unit's browse page.
    const sections = html(res).querySelectorAll('main section li').map((l) => l.text)
    expect(sections).toEqual(['财政预决算（第二十条（七），25 条）', '政府采购（第二十条（九），1 条）'])
    expect(res.body).toContain('href="/xxgk/fdzdgknr/danwei/czj?lanmu=czyjs"')
    expect(res.body).toContain('href="/xxgk/ysqgk"')
    expect(main).toContain('国办函〔2020〕109号')
    expect(main).toContain('60 日内向重庆市开州区人民政府提出')
  })

  it('shows a filled-in guide with every contact and its update date', async () => {
    const res = await app.inject('/xxgk/zhinan/kzq-bgs')
    const main = text(res, 'main')
    expect(main).toMatch(/更新日期：\d{4}-\d{2}-\d{2}/)
    const rows = Object.fromEntries(html(res).querySelectorAll('.summary-list__row').map((r) => [r.querySelector('dt')!.text, r.querySelector('dd')!.text]))
    expect(rows).toMatchObject({ 联系电话: '023-52222196', 邮政编码: '405400', 传真号码: '未提供', 受理渠道: '当面提交、信函' })
    expect(main).toContain('寄至重庆市开州区汉丰街道开州大道中段233号（邮政编码 405400）')
    // The 制度 column is not 法定主动公开内容: it is not listed as a catalogue section of the guide.
    expect(main).toContain('本单位目前还没有在本平台发布信息')
  })

  it('keeps a dissolved unit’s guide and points to its successor', async () => {
    const res = await app.inject('/xxgk/zhinan/syjj')
    expect(res.statusCode).toBe(200)
    expect(text(res, '.notice')).toContain('本单位已于 2019-02-28 撤销')
    expect(res.body).toContain('href="/xxgk/zhinan/scjgj"')
  })

  it('answers an unknown or malformed unit code with 404', async () => {
    expect((await app.inject('/xxgk/zhinan/nope')).statusCode).toBe(404)
    expect((await app.inject('/xxgk/zhinan/%3Cx%3E')).statusCode).toBe(404)
  })
})

describe('政府信息公开制度', () => {
  it('lists the 制度 documents with their 文号, and keeps them out of 法定主动公开内容', async () => {
    const res = await app.inject('/xxgk/zhidu')
    expect(text(res, '.item-list')).toContain('重庆市开州区政府信息公开保密审查制度')
    expect(text(res, '.item-list')).toContain('开州府办发〔2019〕56号')
    const catalogue = await app.inject('/xxgk/fdzdgknr')
    expect(html(catalogue).querySelectorAll('tbody tr').map((r) => r.text).join()).not.toContain('政府信息公开制度')
    const units = await app.inject('/xxgk/fdzdgknr/danwei')
    expect(html(units).querySelectorAll('tbody tr').find((r) => r.text.includes('重庆市开州区人民政府办公室'))?.text).toContain('0 条')
  })

  it('leads from a 制度 document back to the 制度 column, not to 法定主动公开内容', async () => {
    const href = html(await app.inject('/xxgk/zhidu')).querySelector('.item-list a')!.getAttribute('href')!
    const crumbs = html(await app.inject(href)).querySelectorAll('nav.breadcrumbs a').map((a) => a.getAttribute('href'))
    expect(crumbs).toEqual(['/', '/xxgk', '/xxgk/zhidu'])
  })
})

describe('sitemap', () => {
  it('lists the browse pages and every unit’s guide and catalogue page', async () => {
    const xml = (await app.inject('/sitemap.xml')).body
    for (const path of ['/xxgk/fdzdgknr/danwei', '/xxgk/fdzdgknr/zhuti', '/xxgk/fdzdgknr/niandu', '/xxgk/zhinan/czj', '/xxgk/fdzdgknr/danwei/czj']) expect(xml).toContain(`${path}</loc>`)
    expect(text(await app.inject('/sitemap'), 'main')).toContain('法定主动公开内容：按年份')
  })
})

describe('法定主动公开内容 by unit', () => {
  it('lists units with their counts, dissolved units with information under their own name', async () => {
    const res = await app.inject('/xxgk/fdzdgknr/danwei')
    const rows = html(res).querySelectorAll('tbody tr').map((r) => r.text)
    expect(rows.find((r) => r.includes('重庆市开州区财政局'))).toContain('26 条')
    expect(rows.find((r) => r.includes('重庆市开州区食品药品监督管理局'))).toContain('1 条')
    expect(text(res, 'main')).toContain('已撤销的单位（1 个）')
    expect(res.body).toContain('href="/xxgk/fdzdgknr/danwei/czj"')
  })

  it('shows a unit’s sections and pages its items, 20 to a page', async () => {
    const first = await app.inject('/xxgk/fdzdgknr/danwei/czj')
    expect(html(first).querySelectorAll('.item-list li')).toHaveLength(20)
    expect(text(first, '.pagination')).toContain('第 1 页，共 2 页（26 条）')
    expect(first.body).toContain('href="/xxgk/fdzdgknr/danwei/czj?page=2"')
    const second = await app.inject('/xxgk/fdzdgknr/danwei/czj?page=2')
    expect(html(second).querySelectorAll('.item-list li')).toHaveLength(6)
    const firstTitles = html(first).querySelectorAll('.item-list a').map((a) => a.text)
    const secondTitles = html(second).querySelectorAll('.item-list a').map((a) => a.text)
    expect(new Set([...firstTitles, ...secondTitles]).size).toBe(26)
  })

  it('narrows to one section, and ignores an unknown one', async () => {
    const res = await app.inject('/xxgk/fdzdgknr/danwei/czj?lanmu=zfcg')
    expect(html(res).querySelectorAll('.item-list li').map((l) => l.querySelector('a')!.text)).toEqual(['开州区财政局关于政府采购意向公开的通知'])
    expect(html((await app.inject('/xxgk/fdzdgknr/danwei/czj?lanmu=nope'))).querySelectorAll('.item-list li')).toHaveLength(20)
  })

  it('shows an honest empty state for a unit with nothing published, and 404 for an unknown unit', async () => {
    expect(text(await app.inject('/xxgk/fdzdgknr/danwei/jw'), '.empty-state')).toContain('本单位暂无已发布的信息')
    expect((await app.inject('/xxgk/fdzdgknr/danwei/nope')).statusCode).toBe(404)
  })
})

describe('法定主动公开内容 by 主题分类 and by year', () => {
  it('lists every first-level 主题分类 with its count, second-level values counted under their first level', async () => {
    const res = await app.inject('/xxgk/fdzdgknr/zhuti')
    const rows = html(res).querySelectorAll('tbody tr').map((r) => r.text)
    expect(rows).toHaveLength(22)
    expect(rows.find((r) => r.startsWith('财政、金融、审计'))).toContain('26 条')
    expect(rows.find((r) => r.startsWith('综合政务'))).toContain('1 条')
    expect(rows.find((r) => r.startsWith('国防'))).toContain('0 条')
    expect(res.body).toContain(`href="/xxgk/fdzdgknr/zhuti/${encodeURIComponent('综合政务')}"`)
  })

  it('lists the items of one 主题分类, and answers an unknown one with 404', async () => {
    const res = await app.inject(`/xxgk/fdzdgknr/zhuti/${encodeURIComponent('综合政务')}`)
    expect(html(res).querySelectorAll('.item-list a').map((a) => a.text)).toEqual(['开州区发展改革委2026年重点项目计划'])
    expect((await app.inject(`/xxgk/fdzdgknr/zhuti/${encodeURIComponent('不存在的分类')}`)).statusCode).toBe(404)
  })

  it('counts items per year, newest first, and pages a year’s list', async () => {
    const res = await app.inject('/xxgk/fdzdgknr/niandu')
    expect(html(res).querySelectorAll('tbody tr').map((r) => r.text)).toEqual(['2026 年1 条', '2025 年25 条', '2024 年1 条', '2018 年1 条'])
    const page2 = await app.inject('/xxgk/fdzdgknr/niandu/2025?page=2')
    expect(html(page2).querySelectorAll('.item-list li')).toHaveLength(5)
    expect(text(await app.inject('/xxgk/fdzdgknr/niandu/2019'), '.empty-state')).toContain('暂无 2019 年的已发布信息')
  })

  it.each(['/xxgk/fdzdgknr/niandu/1800', '/xxgk/fdzdgknr/niandu/3000', '/xxgk/fdzdgknr/niandu/20x5', '/xxgk/fdzdgknr/niandu/02025'])('answers %s with 404', async (url) => {
    expect((await app.inject(url)).statusCode).toBe(404)
  })
})
