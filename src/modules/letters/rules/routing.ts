/**
 * 转办目录: which unit a letter most likely belongs to, from its category and the words in it (FixMyStreet routes
 * by category × area, anchors-portal.md §0.6). The 公开办 always decides; this only suggests, and says why.
 * The catalogue is data an installation edits; the rows below are the demo district's.
 */
import type { CategoryKey } from './categories.ts'

export interface RoutingRow {
  /** The unit's organisation code. */
  readonly unitCode: string
  readonly keywords: readonly string[]
  /** Only letters of these categories (all when omitted). */
  readonly categories?: readonly CategoryKey[]
}

export const DEMO_ROUTING: readonly RoutingRow[] = Object.freeze([
  { unitCode: 'fgw', keywords: ['物价', '价格', '收费标准', '项目审批', '立项', '发展规划', '粮食', '能源', '天然气'] },
  { unitCode: 'czj', keywords: ['财政', '补贴', '预算', '资金', '专项资金', '政府采购', '惠民惠农'] },
  { unitCode: 'rlsbj', keywords: ['社保', '养老保险', '工资', '欠薪', '就业', '劳动合同', '招聘', '失业'] },
  { unitCode: 'jw', keywords: ['学校', '入学', '学位', '教师', '幼儿园', '学生', '招生'] },
  { unitCode: 'cgj', keywords: ['路灯', '垃圾', '占道', '噪音', '城管', '违章搭建', '井盖', '绿化'] },
  { unitCode: 'sthjj', keywords: ['污染', '排污', '环境', '异味', '废水', '扬尘'] },
  { unitCode: 'zfcxjw', keywords: ['物业', '房屋', '小区', '电梯', '拆迁', '安置房', '建筑'] },
  { unitCode: 'jtj', keywords: ['公交', '道路', '交通', '客运', '出租车', '桥梁'] },
  { unitCode: 'scjgj', keywords: ['食品', '商家', '消费者', '假冒', '过期', '市场'], categories: ['complaint', 'report', 'help', 'consultation'] },
  { unitCode: 'wsjkw', keywords: ['医院', '医生', '疫苗', '卫生', '诊所'] },
  { unitCode: 'ybj', keywords: ['医保', '报销', '医疗保险'] },
  { unitCode: 'mzj', keywords: ['低保', '养老院', '救助', '婚姻登记', '殡葬'] },
  { unitCode: 'swj', keywords: ['停水', '自来水', '水质', '河道', '防洪'] },
  { unitCode: '500154001', keywords: ['汉丰街道', '汉丰'] },
].map((row) => Object.freeze(row)) as RoutingRow[])

export interface RoutingSuggestion {
  readonly unitCode: string
  /** The keywords found, in the order of the catalogue row: the reason shown to the 公开办. */
  readonly matched: readonly string[]
  readonly score: number
}

/**
 * Units ranked by how many of their keywords occur in the subject and content (a keyword in the subject counts
 * twice); ties keep catalogue order. Units whose row excludes the category are left out.
 */
export function suggestUnits(letter: { subject: string; content: string; category: CategoryKey }, catalogue: readonly RoutingRow[] = DEMO_ROUTING): RoutingSuggestion[] {
  const out: RoutingSuggestion[] = []
  for (const row of catalogue) {
    if (row.categories && !row.categories.includes(letter.category)) continue
    const matched = row.keywords.filter((k) => letter.subject.includes(k) || letter.content.includes(k))
    if (matched.length === 0) continue
    const score = matched.reduce((sum, k) => sum + (letter.subject.includes(k) ? 2 : 1), 0)
    out.push({ unitCode: row.unitCode, matched, score })
  }
  return out.map((s, i) => ({ s, i })).sort((a, b) => b.s.score - a.s.score || a.i - b.i).map(({ s }) => s)
}
