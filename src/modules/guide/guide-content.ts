/**
 * The 政府信息公开指南 of one unit, generated from its settings and its real catalogue (条例 第十二条: "政府信息
 * 公开指南包括政府信息的分类、编排体系、获取方式和政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、
 * 互联网联系方式等内容"). Pure: the same inputs always give the same guide; the portal renders it.
 */
import { statutoryDate } from '../../platform/clock.ts'
import { APPLICATION_TRACKING_HREF, CHANNELS, ONLINE_APPLICATION_HREF, type ChannelKey } from './guide.forms.ts'
import type { DisclosureSettings } from './guide.repository.ts'

/** A piece of running text: plain text, or a link. */
export type Inline = string | { href: string; text: string }

export interface GuideChapter {
  title: string
  paragraphs: Inline[][]
  /** Label/value rows (the working body's contact details). */
  rows?: { key: string; value: string }[]
  /** A bulleted list (the catalogue's sections). */
  list?: Inline[][]
  /** Shown instead of `rows` when the unit has not filled them in. */
  missing?: string
  /** Numbered parts with their own heading, e.g. （一）主动公开. */
  parts?: { title: string; paragraphs: Inline[][] }[]
}

export interface UnitGuide {
  unitName: string
  unitCode: string
  filled: boolean
  /** The date the unit last saved its guide (Asia/Shanghai), null while it has none. */
  updatedOn: string | null
  introduction: string[]
  chapters: GuideChapter[]
}

export interface GuideInput {
  unit: { name: string; code: string; kind: string }
  settings: DisclosureSettings | undefined
  /** The 目录栏目 the unit has published in, with live counts, in catalogue order. */
  sections: { key: string; label: string; basis: string; count: number; href: string }[]
  /** The 政府信息公开工作主管部门 (the region's 公开办), for complaints. */
  supervisor: { name: string; href: string } | undefined
  /** The body that hears an administrative review of this unit's decisions. */
  reviewBody: string
  /** The unit's page of published information. */
  catalogueHref: string
  /** The 依申请公开 page. */
  requestsHref: string
}

/** Plain text typed into a textarea → paragraphs (blank lines separate them). */
export function paragraphsOf(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean)
}

/**
 * 行政复议 and 行政诉讼 periods (regulation.md §1.12 [V]): 行政复议法 (2023 修订) 第二十条 — 60 days from knowing of the
 * act; 行政诉讼法 第四十六条 — 6 months.
 */
export const REMEDY_PERIODS = { reviewDays: 60, litigationMonths: 6 } as const

/**
 * Who hears an administrative review of a unit's act (行政复议法 2023 第二十四条): the county-level government for its
 * departments, the towns below it and its 派出机关 (街道办事处); for the county government itself, the government one
 * level up.
 */
export function reviewBodyFor(unitKind: string, regionGovernmentName: string): string {
  return unitKind === 'government' ? '上一级人民政府' : regionGovernmentName
}

function channelSentence(channels: ChannelKey[], s: DisclosureSettings): Inline[] {
  const parts: Inline[][] = channels.map((c) => {
    switch (c) {
      case 'in_person': return [`当面提交：在办公时间内到${s.address}提交书面申请`]
      case 'post': return [`信函：寄至${s.address}（邮政编码 ${s.postcode}），信封上请注明“政府信息公开申请”`]
      case 'fax': return [`传真：发送至 ${s.fax}，请注明“政府信息公开申请”`]
      case 'email': return [`电子邮件：发送至 ${s.email}，邮件主题请注明“政府信息公开申请”`]
      case 'online': return ['网上申请：在本网站', { href: ONLINE_APPLICATION_HREF, text: '在线提交政府信息公开申请' }, '，提交后凭查询码和电话号码后 4 位在', { href: APPLICATION_TRACKING_HREF, text: '申请查询' }, '页面查看办理进度']
    }
  })
  return ['本单位受理申请的渠道：', ...parts.flatMap((p, i) => (i ? ['；', ...p] : p)), '。']
}

export function buildUnitGuide(input: GuideInput): UnitGuide {
  const { unit, settings: s } = input
  const chapters: GuideChapter[] = []

  // 一、分类与编排体系: the catalogue as it really is for this unit.
  chapters.push({
    title: '一、政府信息的分类与编排体系',
    paragraphs: [
      ['本单位主动公开的政府信息按《中华人民共和国政府信息公开条例》（以下简称《条例》）第二十条、第二十一条规定的法定主动公开内容分栏目编排，同时标注主题分类。每条信息有唯一的索引号，并载明名称、发布机构、文号、成文日期、发布日期和有效性（《条例》第十二条）。'],
      input.sections.length
        ? ['本单位目前在以下栏目发布了信息：']
        : ['本单位目前还没有在本平台发布信息。信息发布后，所在栏目会自动列在这里。'],
    ],
    list: input.sections.map((sec) => [{ href: sec.href, text: sec.label }, `（${sec.basis}，${sec.count} 条）`]),
  })

  // 二、获取方式: proactive disclosure and applications. Articles 25, 26, 33, 42 and 51 are quoted from regulation.md
  // §1.4–§1.12 [V]; the wording of 第二十七条 and 第二十九条 (who may apply; written form, or oral with the office writing
  // it down) is recalled from the 2019 text, not in regulation.md — check it against gov.cn before relying on it.
  const request: Inline[][] = [
    ['公民、法人或者其他组织可以向本单位申请获取政府信息（《条例》第二十七条）。申请应当采用包括信件、数据电文在内的书面形式；采用书面形式确有困难的，可以口头提出，由政府信息公开工作机构代为填写申请。申请应当写明申请人的姓名或者名称、身份证明、联系方式，申请公开的政府信息的名称、文号或者便于查询的其他特征性描述，以及获取信息的方式、途径（《条例》第二十九条）。'],
    s ? channelSentence(s.channels, s) : ['本单位尚未填写受理申请的渠道，请通过区政府信息公开工作主管部门咨询。'],
    ['能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起 20 个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过 20 个工作日（《条例》第三十三条）。'],
    ['依申请提供政府信息不收取费用；申请数量、频次明显超过合理范围的，可以依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费（《条例》第四十二条）。'],
    ['申请的具体办法见', { href: input.requestsHref, text: '依申请公开' }, '栏目。'],
  ]
  chapters.push({
    title: '二、政府信息的获取方式',
    paragraphs: [],
    parts: [{ title: '（一）主动公开', paragraphs: [
      ['属于主动公开范围的政府信息，自形成或者变更之日起 20 个工作日内公开（《条例》第二十六条），集中发布在本网站', { href: input.catalogueHref, text: `${unit.name}的法定主动公开内容` }, '，并可在国家档案馆、公共图书馆和政务服务场所设置的查阅场所查阅（《条例》第二十五条）。'],
    ] }, { title: '（二）依申请公开', paragraphs: request }],
  })

  // 三、工作机构: exactly what the unit filled in; a missing optional item says so.
  const orNone = (v: string, none: string) => v || none
  chapters.push({
    title: '三、政府信息公开工作机构',
    paragraphs: [],
    rows: s ? [
      { key: '机构名称', value: s.officeName },
      { key: '办公地址', value: s.address },
      { key: '邮政编码', value: orNone(s.postcode, '未提供') },
      { key: '办公时间', value: s.officeHours },
      { key: '联系电话', value: s.phone },
      { key: '传真号码', value: orNone(s.fax, '未提供') },
      { key: '电子邮箱', value: orNone(s.email, '未提供') },
      { key: '受理渠道', value: s.channels.map((c) => CHANNELS[c].label).join('、') },
    ] : undefined,
    missing: s ? undefined : '本单位尚未填写政府信息公开工作机构的名称、办公地址、办公时间和联系方式。',
  })

  // 四、监督和救济.
  chapters.push({
    title: '四、监督和救济',
    paragraphs: [
      ['公民、法人或者其他组织认为本单位在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门',
        ...(input.supervisor ? ['（', { href: input.supervisor.href, text: input.supervisor.name }, '）'] : []),
        '投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。'],
      [`申请行政复议的，可以自知道该行政行为之日起 ${REMEDY_PERIODS.reviewDays} 日内向${input.reviewBody}提出（《中华人民共和国行政复议法》第二十条、第二十四条）；提起行政诉讼的，应当自知道或者应当知道作出行政行为之日起 ${REMEDY_PERIODS.litigationMonths} 个月内提出（《中华人民共和国行政诉讼法》第四十六条）。`],
    ],
  })

  const notes = s ? paragraphsOf(s.additionalNotes) : []
  if (notes.length) chapters.push({ title: '五、其他说明', paragraphs: notes.map((p) => [p]) })

  return {
    unitName: unit.name,
    unitCode: unit.code,
    filled: s !== undefined,
    updatedOn: s ? statutoryDate(s.updatedAt) : null,
    introduction: s ? paragraphsOf(s.introduction) : [],
    chapters,
  }
}
