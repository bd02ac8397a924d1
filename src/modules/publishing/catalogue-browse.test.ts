/**
 * Browsing 法定主动公开内容 outside search (countLiveBy, the topicGroup and statutoryOnly filters) on PGlite, and on
 * PostgreSQL when TEST_DATABASE_URL is set. 主题分类 may be stored as a first level or as 综合政务\政务公开.
 */
import { expect, it } from 'vitest'
import { describeEachDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { findOrganisationByCode } from '../orgs/index.ts'
import { topicGroupOf } from './catalogue-terms.ts'
import { importCatalogue, type ImportRow } from './import-items.ts'
import { countLiveBy, countLiveBySection, listLiveItems } from './public-catalogue.ts'

const row = (n: number, over: Partial<ImportRow>): ImportRow => ({
  名称: `测试信息${n}`, 发布机构: 'czj', 成文日期: '2025-03-01', 发布日期: '2025-03-02', 主题分类: '财政、金融、审计', 体裁: '通知', 目录栏目: 'czyjs', 正文: '正文', ...over,
})

describeEachDatabase('browsing the live catalogue', (database) => {
  it('counts by unit, 主题分类 first level and year, and lists each group', async () => {
    const db = database().db
    const result = await importCatalogue(db, [
      row(1, {}), row(2, { 成文日期: '2024-06-01', 发布日期: '2024-06-02' }),
      row(3, { 发布机构: 'fgw', 主题分类: '综合政务', 目录栏目: 'ghjh' }), row(4, { 发布机构: 'fgw', 主题分类: '综合政务', 目录栏目: 'ghjh' }),
      row(5, { 发布机构: 'kzq-bgs', 主题分类: '综合政务', 目录栏目: 'gkzd', 文号: '开州府办发〔2019〕56号' }),
    ], { dryRun: false, clock: fixedClock('2026-11-27T02:00:00Z'), actorLabel: 'test', audit: false })
    expect(result.rejected).toEqual([])
    // A second-level value as another engineer's importer will store it (gov.cn writes 综合政务\政务公开).
    await db.updateTable('catalogue_search').set({ topic: '综合政务\\政务公开' }).where('title', '=', '测试信息4').execute()

    const czj = (await findOrganisationByCode(db, 'czj'))!.id
    const fgw = (await findOrganisationByCode(db, 'fgw'))!.id
    const office = (await findOrganisationByCode(db, 'kzq-bgs'))!.id
    expect(await countLiveBy(db, 'organisation')).toEqual(expect.arrayContaining([{ value: String(czj), count: 2 }, { value: String(fgw), count: 2 }, { value: String(office), count: 1 }]))
    // 法定主动公开内容 only: the 制度 document is not counted.
    expect((await countLiveBy(db, 'organisation', { statutoryOnly: true })).find((f) => f.value === String(office))).toBeUndefined()
    expect(await countLiveBy(db, 'topicGroup', { statutoryOnly: true })).toEqual([{ value: '综合政务', count: 2 }, { value: '财政、金融、审计', count: 2 }])
    expect(await countLiveBy(db, 'year', { statutoryOnly: true })).toEqual([{ value: '2025', count: 3 }, { value: '2024', count: 1 }])

    const general = await listLiveItems(db, { topicGroup: '综合政务', statutoryOnly: true }, { limit: 10, offset: 0 })
    expect(general.items.map((i) => i.title).sort()).toEqual(['测试信息3', '测试信息4'])
    expect(general.items.map((i) => topicGroupOf(i.topic))).toEqual(['综合政务', '综合政务'])
    // A first level never matches another that merely starts with the same characters.
    expect((await listLiveItems(db, { topicGroup: '综合' }, { limit: 10, offset: 0 })).total).toBe(0)
    expect((await listLiveItems(db, { year: 2024 }, { limit: 10, offset: 0 })).items.map((i) => i.title)).toEqual(['测试信息2'])
    expect((await countLiveBySection(db, { organisationId: office })).get('gkzd')).toBe(1)
  })

  it('pages a list without losing or repeating an item', async () => {
    const db = database().db
    const all = await listLiveItems(db, {}, { limit: 100, offset: 0 })
    const pages = [await listLiveItems(db, {}, { limit: 2, offset: 0 }), await listLiveItems(db, {}, { limit: 2, offset: 2 }), await listLiveItems(db, {}, { limit: 2, offset: 4 })]
    expect(pages.flatMap((p) => p.items.map((i) => i.itemId))).toEqual(all.items.map((i) => i.itemId))
    expect(pages.every((p) => p.total === all.total)).toBe(true)
  })
})

it.each([['综合政务', '综合政务'], ['综合政务\\政务公开', '综合政务'], ['科技、教育\\知识产权', '科技、教育'], ['', '']])('topicGroupOf(%s) = %s', (topic, group) => {
  expect(topicGroupOf(topic)).toBe(group)
})
