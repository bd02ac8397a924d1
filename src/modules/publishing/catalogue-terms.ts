/**
 * The controlled vocabularies of the catalogue, as data with their sources:
 * 目录栏目 from 条例 第二十条 and 第二十一条 (regulation.md §1.9), 主题分类 from the gov.cn two-level
 * scheme (regulation.md §5.4; entries not observed there are [M], and the installation can add to it), and 公文种类
 * from 《党政机关公文处理工作条例》 第八条 (15 kinds).
 */

export interface CatalogueSection {
  key: string
  label: string
  /** The item of the 条例 that makes this content statutory. */
  basis: string
  /**
   * A column of the 政府信息公开专栏 that is not 法定主动公开内容 (国办公开办函〔2019〕61号 lists 政府信息公开制度 beside it):
   * it takes catalogue items like any section, but the 法定主动公开内容 table leaves it out.
   */
  column?: 'zhidu'
}

export const CATALOGUE_SECTIONS: readonly CatalogueSection[] = [
  { key: 'fggz', label: '规章和规范性文件', basis: '第二十条（一）' },
  { key: 'jgzn', label: '机构职能', basis: '第二十条（二）' },
  { key: 'ghjh', label: '规划计划', basis: '第二十条（三）' },
  { key: 'tjxx', label: '统计信息', basis: '第二十条（四）' },
  { key: 'xzxk', label: '行政许可', basis: '第二十条（五）' },
  { key: 'xzcf', label: '行政处罚和行政强制', basis: '第二十条（六）' },
  { key: 'czyjs', label: '财政预决算', basis: '第二十条（七）' },
  { key: 'sfxm', label: '行政事业性收费', basis: '第二十条（八）' },
  { key: 'zfcg', label: '政府采购', basis: '第二十条（九）' },
  { key: 'zdjsxm', label: '重大建设项目', basis: '第二十条（十）' },
  { key: 'msly', label: '扶贫、教育、医疗、社会保障、促进就业', basis: '第二十条（十一）' },
  { key: 'yjgl', label: '突发公共事件应急管理', basis: '第二十条（十二）' },
  { key: 'jdjc', label: '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查', basis: '第二十条（十三）' },
  { key: 'gwyzk', label: '公务员招考', basis: '第二十条（十四）' },
  { key: 'qtfd', label: '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息', basis: '第二十条（十五）' },
  { key: 'xqjs', label: '县级政府及部门：市政建设、公共服务、公益事业、土地征收、房屋征收、治安管理、社会救助等', basis: '第二十一条' },
  { key: 'xzjd', label: '镇乡：农业农村政策、农田水利、土地承包经营权流转、宅基地审核、筹资筹劳、社会救助等', basis: '第二十一条' },
  // 政府信息公开制度 (保密审查、发布协调…): documents with 文号 and date, so catalogue items; shown in their own column /xxgk/zhidu.
  { key: 'gkzd', label: '政府信息公开制度', basis: '国办公开办函〔2019〕61号', column: 'zhidu' },
]

/** The 目录栏目 of 法定主动公开内容 (条例 第二十条、第二十一条), without the 专栏's other columns. */
export const STATUTORY_SECTIONS: readonly CatalogueSection[] = CATALOGUE_SECTIONS.filter((s) => !s.column)

/** The 主题分类 group of a stored value: the part before the backslash (gov.cn writes 综合政务\政务公开). */
export function topicGroupOf(topic: string): string {
  return topic.split('\\')[0]!
}

export function sectionOf(key: string): CatalogueSection | undefined {
  return CATALOGUE_SECTIONS.find((s) => s.key === key)
}

/** One first-level class of 主题分类 with its second-level classes; `recalled` marks [M] entries (see TOPIC_SCHEME). */
export interface TopicClass {
  label: string
  recalled: boolean
  children: readonly { label: string; recalled: boolean }[]
}

// v: observed on gov.cn policy pages [V]; m: recalled, not verified against an official list [M].
const v = (label: string) => ({ label, recalled: false })
const m = (label: string) => ({ label, recalled: true })
const cls = (label: string, recalled: boolean, ...children: { label: string; recalled: boolean }[]) => ({ label, recalled, children })

/**
 * gov.cn 主题分类, two levels (regulation.md §5.4), in gov.cn's order. First level: 17 observed [V] and 5 recalled
 * [M] (国民经济管理、国有资产监管; 国土资源、能源; 人口与计划生育、妇女儿童工作; 民族、宗教; 对外事务). Second level: the
 * values observed on gov.cn [V] and the rest of the list as recalled [M] — `m(...)` below. Because part of it is [M],
 * the 公开办 can add classes on the 主题分类 page (/admin/catalogue/settings/topics, table catalogue_topics); what is
 * listed here cannot be removed there, so that items already classified keep a valid 主题分类.
 * A stored 主题分类 is the first level alone ("综合政务") or both levels joined by a backslash ("综合政务\政务公开"),
 * as gov.cn prints it.
 */
export const TOPIC_SCHEME: readonly TopicClass[] = [
  cls('国务院组织机构', false, v('其他'), m('国务院组成部门'), m('国务院直属机构'), m('国务院办事机构'), m('国务院直属事业单位'), m('国务院部委管理的国家局')),
  cls('综合政务', false, v('政务公开'), v('应急管理'), v('政务督查'), v('文秘工作'), m('电子政务'), m('信访'), m('参事、文史'), v('其他')),
  cls('国民经济管理、国有资产监管', true, m('宏观经济'), m('发展规划'), m('经济体制改革'), m('国有资产监管'), m('统计'), m('物价'), m('其他')),
  cls('财政、金融、审计', false, m('财政'), v('税务'), v('银行'), m('保险'), m('证券'), m('审计'), v('其他')),
  cls('国土资源、能源', true, m('土地'), m('矿产'), m('海洋'), m('电力'), m('煤炭'), m('石油与天然气'), m('其他')),
  cls('农业、林业、水利', false, v('农业、畜牧业、渔业'), m('林业'), m('水利'), m('其他')),
  cls('工业、交通', false, m('工业'), m('信息产业（含电信）'), m('铁路'), m('公路'), m('水运'), v('民航'), m('邮政'), m('其他')),
  cls('商贸、海关、旅游', false, m('国内贸易（含供销）'), v('对外经贸合作'), v('海关'), m('旅游'), m('其他')),
  cls('市场监管、安全生产监管', false, v('工商'), m('质量监督'), m('食品药品监管'), v('安全生产监管'), m('其他')),
  cls('城乡建设、环境保护', false, v('城市规划'), m('城乡建设（含住房）'), m('环境监测、保护与治理'), v('节能与资源综合利用'), v('气象、水文、测绘、地震'), m('其他')),
  cls('科技、教育', false, v('科技'), v('教育'), v('知识产权'), m('其他')),
  cls('文化、广电、新闻出版', false, v('文化'), m('广播影视'), m('新闻出版'), m('文物'), m('其他')),
  cls('卫生、体育', false, v('卫生'), v('医药管理'), v('体育'), m('其他')),
  cls('人口与计划生育、妇女儿童工作', true, m('人口与计划生育'), m('妇女儿童'), m('其他')),
  cls('劳动、人事、监察', false, v('劳动就业'), m('社会保障'), m('人事工作'), m('监察'), m('其他')),
  cls('公安、安全、司法', false, m('公安'), m('安全'), v('司法'), m('其他')),
  cls('民政、扶贫、救灾', false, m('民政'), v('扶贫'), m('救灾'), v('社团管理'), m('其他')),
  cls('民族、宗教', true, m('民族事务'), m('宗教事务'), m('其他')),
  cls('对外事务', true, m('外交'), m('其他')),
  cls('港澳台侨工作', false, v('港澳工作'), m('台湾工作'), m('华侨工作'), m('其他')),
  cls('国防', false, v('国防建设'), v('国防动员'), m('其他')),
  cls('其他', false),
]

/** gov.cn 主题分类, first level (regulation.md §5.4: 17 observed [V] + 5 recalled [M]). */
export const TOPICS: readonly string[] = TOPIC_SCHEME.map((t) => t.label)

/** 《党政机关公文处理工作条例》第八条: the 15 kinds of official documents, plus 其他 for everything else. */
export const GENRES: readonly string[] = ['决议', '决定', '命令（令）', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要', '其他']

export const DISCLOSURE_LABELS = { proactive: '主动公开', on_request: '依申请公开', not_disclosed: '不予公开' } as const
export type Disclosure = keyof typeof DISCLOSURE_LABELS

export const VALIDITY_LABELS = { in_force: '有效', expired: '失效', repealed: '废止' } as const
export type Validity = keyof typeof VALIDITY_LABELS

export const CHANNEL_LABELS = { website: '政府网站', weibo: '政务微博', wechat: '政务微信', gazette: '政府公报', board: '公告栏、电子屏', media: '报刊、广播、电视' } as const
export type Channel = keyof typeof CHANNEL_LABELS
