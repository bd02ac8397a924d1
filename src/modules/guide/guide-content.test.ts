/** The generated 指南 (条例 第十二条): its contents follow the settings and the real catalogue, never empty fields. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildUnitGuide, paragraphsOf, reviewBodyFor, type GuideInput, type Inline } from './guide-content.ts'
import { CHANNEL_KEYS, type ChannelKey } from './guide.forms.ts'
import type { DisclosureSettings } from './guide.repository.ts'

const SETTINGS: DisclosureSettings = {
  organisationId: 9, officeName: '区财政局办公室', address: '开州大道中段1号', postcode: '405400', officeHours: '工作日 9:00—17:00', phone: '023-52220000',
  fax: '023-52220001', email: 'czj@example.gov.cn', channels: ['in_person', 'post', 'fax', 'email'], introduction: '第一段\n续行\n\n第二段', additionalNotes: '',
  updatedAt: new Date('2026-11-26T17:30:00Z'), updatedByUserId: 1,
}

const INPUT: GuideInput = {
  unit: { name: '重庆市开州区财政局', code: 'czj', kind: 'department' },
  settings: SETTINGS,
  sections: [{ key: 'czyjs', label: '财政预决算', basis: '第二十条（七）', count: 3, href: '/xxgk/fdzdgknr/danwei/czj?lanmu=czyjs' }],
  supervisor: { name: '重庆市开州区人民政府办公室', href: '/xxgk/zhinan/kzq-bgs' },
  reviewBody: '重庆市开州区人民政府',
  catalogueHref: '/xxgk/fdzdgknr/danwei/czj',
  requestsHref: '/xxgk/ysqgk',
}

const plain = (parts: Inline[]) => parts.map((p) => (typeof p === 'string' ? p : p.text)).join('')
const allText = (input: GuideInput) => {
  const g = buildUnitGuide(input)
  return [...g.introduction, ...g.chapters.flatMap((c) => [c.title, ...c.paragraphs.map(plain), ...(c.parts ?? []).flatMap((p) => [p.title, ...p.paragraphs.map(plain)]), ...(c.list ?? []).map(plain), ...(c.rows ?? []).map((r) => `${r.key}${r.value}`), c.missing ?? ''])].join('\n')
}

describe('buildUnitGuide', () => {
  it('has the chapters 条例 第十二条 names: 分类与编排体系, 获取方式, 工作机构, and the remedies', () => {
    expect(buildUnitGuide(INPUT).chapters.map((c) => c.title)).toEqual(['一、政府信息的分类与编排体系', '二、政府信息的获取方式', '三、政府信息公开工作机构', '四、监督和救济'])
  })

  it('lists the sections the unit really publishes in, with counts and links', () => {
    const list = buildUnitGuide(INPUT).chapters[0]!.list!
    expect(list).toHaveLength(1)
    expect(list[0]![0]).toEqual({ href: '/xxgk/fdzdgknr/danwei/czj?lanmu=czyjs', text: '财政预决算' })
    expect(plain(list[0]!)).toBe('财政预决算（第二十条（七），3 条）')
  })

  it('says so when the unit has published nothing yet', () => {
    const text = allText({ ...INPUT, sections: [] })
    expect(text).toContain('本单位目前还没有在本平台发布信息')
  })

  it('shows the working body with every contact of 第十二条 and the date of the last save in Beijing time', () => {
    const guide = buildUnitGuide(INPUT)
    expect(guide.updatedOn).toBe('2026-11-27')
    expect(guide.chapters[2]!.rows).toEqual([
      { key: '机构名称', value: '区财政局办公室' }, { key: '办公地址', value: '开州大道中段1号' }, { key: '邮政编码', value: '405400' },
      { key: '办公时间', value: '工作日 9:00—17:00' }, { key: '联系电话', value: '023-52220000' }, { key: '传真号码', value: '023-52220001' },
      { key: '电子邮箱', value: 'czj@example.gov.cn' }, { key: '受理渠道', value: '当面提交、信函、传真、电子邮件' },
    ])
  })

  it('tells a visitor how to send an application by each channel the unit accepts', () => {
    const text = allText(INPUT)
    expect(text).toContain('寄至开州大道中段1号（邮政编码 405400）')
    expect(text).toContain('发送至 023-52220001')
    expect(text).toContain('发送至 czj@example.gov.cn')
    expect(text).not.toContain('网上申请')
  })

  it('links 网上申请 to the online form and the tracking page when the unit accepts it', () => {
    const guide = buildUnitGuide({ ...INPUT, settings: { ...SETTINGS, channels: ['online', 'in_person'] } })
    const sentence = guide.chapters[1]!.parts![1]!.paragraphs[1]!
    expect(sentence).toContainEqual({ href: '/xxgk/ysqgk/shenqing', text: '在线提交政府信息公开申请' })
    expect(sentence).toContainEqual({ href: '/xxgk/ysqgk/chaxun', text: '申请查询' })
    expect(plain(sentence)).toMatch(/^本单位受理申请的渠道：网上申请：在本网站在线提交政府信息公开申请，.*；当面提交：在办公时间内到开州大道中段1号提交书面申请。$/)
    expect(guide.chapters[2]!.rows!.at(-1)).toEqual({ key: '受理渠道', value: '网上申请、当面提交' })
  })

  it('states the fee rule of 国办函〔2020〕109号 and the remedies with their periods', () => {
    const text = allText(INPUT)
    expect(text).toContain('国办函〔2020〕109号')
    expect(text).toContain('60 日内向重庆市开州区人民政府提出')
    expect(text).toContain('6 个月内')
    expect(text).toContain('重庆市开州区人民政府办公室')
  })

  it('explains 主动公开 and 依申请公开 under their own headings', () => {
    expect(buildUnitGuide(INPUT).chapters[1]!.parts!.map((p) => p.title)).toEqual(['（一）主动公开', '（二）依申请公开'])
  })

  it('points applications to the 依申请公开 page', () => {
    const paragraphs = buildUnitGuide(INPUT).chapters[1]!.parts!.flatMap((p) => p.paragraphs.flat())
    expect(paragraphs).toContainEqual({ href: '/xxgk/ysqgk', text: '依申请公开' })
  })

  it('for a unit without settings: an honest notice instead of empty rows, and no date', () => {
    const guide = buildUnitGuide({ ...INPUT, settings: undefined })
    expect(guide.filled).toBe(false)
    expect(guide.updatedOn).toBeNull()
    expect(guide.chapters[2]!.rows).toBeUndefined()
    expect(guide.chapters[2]!.missing).toContain('本单位尚未填写')
    expect(allText({ ...INPUT, settings: undefined })).toContain('本单位尚未填写受理申请的渠道')
  })

  it('splits the unit’s own text into paragraphs and adds 其他说明 only when there is some', () => {
    expect(buildUnitGuide(INPUT).introduction).toEqual(['第一段 续行', '第二段'])
    expect(buildUnitGuide(INPUT).chapters.map((c) => c.title)).not.toContain('五、其他说明')
    const withNotes = buildUnitGuide({ ...INPUT, settings: { ...SETTINGS, additionalNotes: '查阅场所：区图书馆一楼。' } })
    expect(withNotes.chapters.at(-1)).toEqual({ title: '五、其他说明', paragraphs: [['查阅场所：区图书馆一楼。']] })
  })

  it('never shows a blank value, whatever optional fields and channels a unit leaves out', () => {
    const optional = fc.record({ fax: fc.constantFrom('', '023-52220001'), email: fc.constantFrom('', 'a@example.gov.cn'), postcode: fc.constantFrom('', '405400') })
    const channels = fc.subarray(CHANNEL_KEYS as ChannelKey[], { minLength: 1 })
    fc.assert(fc.property(optional, channels, (o, c) => {
      const guide = buildUnitGuide({ ...INPUT, settings: { ...SETTINGS, ...o, channels: c } })
      for (const row of guide.chapters[2]!.rows!) expect(row.value.trim()).not.toBe('')
      expect(allText({ ...INPUT, settings: { ...SETTINGS, ...o, channels: c } })).not.toMatch(/undefined|null/)
    }))
  })
})

describe('reviewBodyFor (行政复议法 2023 第二十四条)', () => {
  it.each([
    ['department', '重庆市开州区人民政府'], ['office', '重庆市开州区人民政府'], ['town', '重庆市开州区人民政府'], ['subdistrict', '重庆市开州区人民政府'],
    ['government', '上一级人民政府'],
  ])('a %s → %s', (kind, body) => {
    expect(reviewBodyFor(kind, '重庆市开州区人民政府')).toBe(body)
  })
})

describe('paragraphsOf', () => {
  it('never yields an empty paragraph and keeps every word', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('甲', '乙', ' ', '\n', '\n\n'), { maxLength: 30 }), (chars) => {
      const text = chars.join('')
      const paragraphs = paragraphsOf(text)
      for (const p of paragraphs) expect(p.trim()).not.toBe('')
      expect(paragraphs.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''))
    }))
  })
})
