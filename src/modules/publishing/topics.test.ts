/** 主题分类: the gov.cn two-level scheme as data, the stored values and how they are shown. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TOPIC_SCHEME, TOPICS } from './catalogue-terms.ts'
import { formatTopic, isBuiltInTopic, isKnownTopic, splitTopic, topicOptionGroups, topicValue, topicVocabulary, TOPIC_SEPARATOR } from './topics.ts'

describe('the built-in scheme', () => {
  it('has the 22 first-level classes of regulation.md §5.4: 17 observed and 5 recalled', () => {
    expect(TOPICS.length).toBe(22)
    expect(TOPIC_SCHEME.filter((t) => t.recalled).map((t) => t.label)).toEqual(['国民经济管理、国有资产监管', '国土资源、能源', '人口与计划生育、妇女儿童工作', '民族、宗教', '对外事务'])
  })

  it('holds every second-level value observed on gov.cn as observed, the rest marked recalled', () => {
    const observed = [
      '综合政务\\政务公开', '综合政务\\应急管理', '综合政务\\政务督查', '综合政务\\文秘工作', '综合政务\\其他', '科技、教育\\科技', '科技、教育\\教育', '科技、教育\\知识产权',
      '卫生、体育\\医药管理', '卫生、体育\\体育', '卫生、体育\\卫生', '市场监管、安全生产监管\\工商', '市场监管、安全生产监管\\安全生产监管', '财政、金融、审计\\税务',
      '财政、金融、审计\\银行', '财政、金融、审计\\其他', '农业、林业、水利\\农业、畜牧业、渔业', '城乡建设、环境保护\\气象、水文、测绘、地震', '城乡建设、环境保护\\节能与资源综合利用',
      '城乡建设、环境保护\\城市规划', '民政、扶贫、救灾\\扶贫', '民政、扶贫、救灾\\社团管理', '商贸、海关、旅游\\海关', '商贸、海关、旅游\\对外经贸合作', '港澳台侨工作\\港澳工作',
      '国防\\国防动员', '国防\\国防建设', '文化、广电、新闻出版\\文化', '工业、交通\\民航', '公安、安全、司法\\司法', '劳动、人事、监察\\劳动就业', '国务院组织机构\\其他',
    ]
    const unverified = TOPIC_SCHEME.flatMap((t) => t.children.filter((c) => !c.recalled).map((c) => topicValue(t.label, c.label)))
    expect(unverified.sort()).toEqual([...observed].sort())
  })

  it('names no class twice and no name holds the separator', () => {
    for (const t of TOPIC_SCHEME) {
      expect(new Set(t.children.map((c) => c.label)).size).toBe(t.children.length)
      expect([t.label, ...t.children.map((c) => c.label)].some((l) => l.includes(TOPIC_SEPARATOR))).toBe(false)
    }
    expect(new Set(TOPICS).size).toBe(TOPICS.length)
  })
})

describe('topic values', () => {
  it.each([
    ['综合政务', { first: '综合政务', second: null }, '综合政务'],
    ['综合政务\\政务公开', { first: '综合政务', second: '政务公开' }, '综合政务 > 政务公开'],
  ])('%s splits into %o and shows as %s', (value, parts, shown) => {
    expect(splitTopic(value)).toEqual(parts)
    expect(formatTopic(value)).toBe(shown)
  })

  it('joins and splits back for any names without the separator', () => {
    const name = fc.string({ minLength: 1, maxLength: 10 }).filter((s) => !s.includes(TOPIC_SEPARATOR))
    fc.assert(fc.property(name, fc.option(name, { nil: null }), (first, second) => {
      expect(splitTopic(topicValue(first, second))).toEqual({ first, second })
    }))
  })

  it('accepts every first level alone (items classified before the second level existed) and every listed pair', () => {
    const vocabulary = topicVocabulary()
    for (const t of TOPIC_SCHEME) {
      expect(isKnownTopic(vocabulary, t.label)).toBe(true)
      for (const c of t.children) expect(isKnownTopic(vocabulary, topicValue(t.label, c.label))).toBe(true)
    }
    expect(isKnownTopic(vocabulary, '综合政务\\天气')).toBe(false)
    expect(isKnownTopic(vocabulary, '天气')).toBe(false)
    expect(isKnownTopic(vocabulary, '')).toBe(false)
  })

  it('adds the installation\'s classes: new second levels under their first level, new first levels at the end', () => {
    const vocabulary = topicVocabulary([{ first: '农业、林业、水利', second: '乡村振兴' }, { first: '区情概况', second: '' }, { first: '区情概况', second: '历史沿革' }, { first: '不存在', second: '孤儿' }])
    expect(isKnownTopic(vocabulary, '农业、林业、水利\\乡村振兴')).toBe(true)
    expect(isKnownTopic(vocabulary, '区情概况\\历史沿革')).toBe(true)
    expect(isKnownTopic(vocabulary, '不存在\\孤儿')).toBe(false)
    expect(vocabulary.groups.at(-1)).toEqual({ first: '区情概况', seconds: ['历史沿革'] })
    expect(isBuiltInTopic('综合政务', '')).toBe(true)
    expect(isBuiltInTopic('综合政务', '政务公开')).toBe(true)
    expect(isBuiltInTopic('区情概况', '')).toBe(false)
  })

  it('offers each first level as an option group, its own value first', () => {
    const groups = topicOptionGroups(topicVocabulary())
    expect(groups.length).toBe(22)
    expect(groups[1]!.label).toBe('综合政务')
    expect(groups[1]!.options[0]).toEqual({ value: '综合政务', label: '综合政务（不细分）' })
    expect(groups[1]!.options[1]).toEqual({ value: '综合政务\\政务公开', label: '政务公开' })
    expect(groups.at(-1)!.options).toEqual([{ value: '其他', label: '其他' }])
  })
})
