/**
 * The demo catalogue: real government documents spread over the 开州区 demo units as published items, loaded through
 * the same importer a unit uses to migrate from its old site (importCatalogue). Two sources, both shipped in
 * data/gov-documents/ (see its PROVENANCE.md):
 *
 * - 3,000 real 发文字号 with their dates and page URLs from the State Council and ten provincial-level governments
 *   (doc-numbers-ptc2024). That data set has no titles and no text, so the title says whose document it is and its
 *   number, and the body says plainly that this is demo data and links to the original page.
 * - 150 laws and administrative regulations a district applies every day, with their real text (lawrefbook-laws),
 *   in 规章和规范性文件 (fggz) of the department that applies them.
 *
 * Left out on purpose: items of 区发展改革委 (fgw), 天然气 and 国办发〔2019〕51号 — the browser tests publish and search
 * for those on a fresh demo installation and expect to find only their own (see scripts/extract-demo-gov-documents.ts).
 */
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import type { Db } from '../database.ts'
import type { Clock } from '../platform/clock.ts'
import { currentRegion, listOrganisations, type Organisation } from '../modules/orgs/index.ts'
import { importCatalogue, type ImportResult, type ImportRow } from '../modules/publishing/index.ts'
import { normaliseDocNo } from '../modules/search/index.ts'

const DATA = new URL('./data/gov-documents/', import.meta.url)
const RESERVED_UNITS = new Set(['fgw'])

const DEMO_NOTE = '本条目为演示数据：文号、日期和原文地址来自公开的政府文件数据集（Policy Transparency China 2024，抓取自发文机关网站）。该数据集不含标题和正文，标题按发文机关和文号拟写，正文从略。'

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function csv(name: string): Record<string, string>[] {
  return parse(readFileSync(new URL(name, DATA), 'utf8'), { columns: true })
}

/** Units existing on a date (the 开县 bodies before 2016), without the ones the browser tests keep for themselves. */
function unitsOn(units: Organisation[], on: string): Organisation[] {
  const open = units.filter((u) => !RESERVED_UNITS.has(u.code) && u.validFrom <= on && (!u.validTo || u.validTo >= on))
  return open.length ? open : units.filter((u) => u.code === 'kx-bgs')
}

function docNumberRows(units: Organisation[]): ImportRow[] {
  const counters = new Map<string, number>()
  return csv('doc-numbers.csv').map((r) => {
    const open = unitsOn(units, r.date!)
    const key = open.map((u) => u.code).join()
    const n = counters.get(key) ?? 0
    counters.set(key, n + 1)
    const docNo = normaliseDocNo(r.doc_number!)?.normalised ?? r.doc_number!
    const genre = /函$/.test(normaliseDocNo(r.doc_number!)?.issuer ?? '') ? '函' : '其他'
    return {
      名称: `${r.issuing_body}文件（${docNo}）`, 发布机构: open[n % open.length]!.code, 发文机关: r.issuing_body, 文号: r.doc_number, 成文日期: r.date, 发布日期: r.date,
      主题分类: '综合政务', 体裁: genre, 目录栏目: 'qtfd',
      正文: `<p>${escapeHtml(DEMO_NOTE)}</p>\n<p>原文地址：<a href="${escapeHtml(r.url!)}">${escapeHtml(r.url!)}</a></p>`,
    }
  })
}

/** 主题分类 and the department that applies a law, by words of its title; the first rule that matches wins. */
const LAW_RULES: [RegExp, string, string][] = [
  [/政府信息公开|信访|督查|机构设置|楼堂馆所|保守国家秘密|个人信息|数据安全|网络数据|关键信息/, '综合政务', 'kzq-bgs'],
  [/档案/, '综合政务', 'daj'],
  [/烈士|退役/, '民政、扶贫、救灾', 'tyjrswj'],
  [/地名|行政区划|殡葬|社会团体|志愿|收养|救助|残疾人|无障碍/, '民政、扶贫、救灾', 'mzj'],
  [/行政许可|行政处罚|行政强制|行政复议|行政诉讼|国家赔偿|法律援助|法规|规章|重大行政决策|执法/, '公安、安全、司法', 'sfj2019'],
  [/医疗保障/, '卫生、体育', 'ybj'],
  [/统计|普查/, '国民经济管理、国有资产监管', 'tjj'],
  [/国有资产|预算|采购|财政|税|审计|债券|保险|社会保障基金|住房公积金/, '财政、金融、审计', 'czj'],
  [/公务员|处分|劳动|工资|就业|人力资源|社会保险|女职工/, '劳动、人事、监察', 'rlsbj'],
  [/安全生产|煤矿|危险化学品|烟花爆竹|应急|事故|突发事件|地震|气象灾害|防灾|自然灾害/, '市场监管、安全生产监管', 'yjj'],
  [/道路交通|公安|治安|视频图像|机动车/, '公安、安全、司法', 'gaj'],
  [/食品|药品|医疗器械|产品质量|市场主体|个体工商户|企业|中药|麻醉|登记管理/, '市场监管、安全生产监管', 'scjgj'],
  [/环境|污染|放射|排水|污水|废物/, '城乡建设、环境保护', 'sthjj'],
  [/土地|不动产|测绘|森林|退耕|矿|地质|复垦/, '国土资源、能源', 'ghzrj'],
  [/道路|公路|交通|运输|水路|内河|校车/, '工业、交通', 'jtj'],
  [/城乡规划|房屋|物业|住房|建设工程|城市|城镇|建筑|抗震|房地产/, '城乡建设、环境保护', 'zfcxjw'],
  [/教育|学校|学位|考试|体育/, '科技、教育', 'jw'],
  [/卫生|医疗|疾病|疫|残疾预防|病原|医疗机构/, '卫生、体育', 'wsjkw'],
  [/水库|水文|取水|节约用水|地下水|供水|水利|农田水利/, '农业、林业、水利', 'swj'],
  [/农业|农村|草|渔|动物|植物|种子|野生/, '农业、林业、水利', 'nyncw'],
  [/文物|文化|图书|广播|电影|出版|旅游/, '文化、广电、新闻出版', 'wlw'],
  [/气象/, '农业、林业、水利', 'qxj'],
  [/投资|营商|中小企业|价格/, '国民经济管理、国有资产监管', 'jxw'],
]

/** The Markdown of a LawRefBook text: `# 标题`, event lines, `<!-- INFO END -->`, then the body with ## headings. */
function lawParts(markdown: string): { title: string; events: string[]; bodyHtml: string } {
  const [head, body = ''] = markdown.split('<!-- INFO END -->')
  const headLines = head!.split('\n').map((l) => l.trim()).filter(Boolean)
  const title = headLines[0]!.replace(/^#\s*/, '')
  const bodyHtml = body.split('\n').map((l) => l.trim()).filter(Boolean).map((line) => {
    const heading = /^(#{2,4})\s*(.+)$/.exec(line)
    if (heading) return `<h${heading[1]!.length}>${escapeHtml(heading[2]!)}</h${heading[1]!.length}>`
    return `<p>${escapeHtml(line)}</p>`
  }).join('\n')
  return { title, events: headLines.slice(1), bodyHtml }
}

function chineseDate(text: string): string | null {
  const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text)
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null
}

function lawRows(): ImportRow[] {
  const used = new Set<string>()
  return csv('laws.csv').map((law) => {
    const { title, events, bodyHtml } = lawParts(readFileSync(new URL(law.file!, DATA), 'utf8'))
    const [, topic, unit] = LAW_RULES.find(([words]) => words.test(law.name!)) ?? [null, '综合政务', 'sfj2019']
    // The 国务院令 that published (or re-published) the version in force; a revision by a 《决定》 keeps the older one.
    const order = events.filter((e) => !/决定/.test(e)).map((e) => /国务院令第\s*(\d+)\s*号(公布|修订|发布)/.exec(e)).filter((m) => m !== null).at(-1)
    let docNo = order ? `国务院令第${order[1]}号` : ''
    if (used.has(`${unit}/${docNo}`)) docNo = ''
    if (docNo) used.add(`${unit}/${docNo}`)
    const last = events.at(-1) ?? ''
    const issuingBody = /中共中央、国务院/.test(last) ? '中共中央、国务院'
      : /全国人民代表大会常务委员会/.test(last) ? '全国人民代表大会常务委员会'
        : /全国人民代表大会/.test(last) ? '全国人民代表大会'
          : law.level === '法律' ? '全国人民代表大会常务委员会' : '国务院'
    const inForce = events.map((e) => (/施行$/.test(e) ? chineseDate(e) : null)).filter((d) => d !== null).at(-1) ?? law.valid_from!
    return {
      名称: title, 发布机构: unit, 发文机关: issuingBody, 文号: docNo, 成文日期: law.publish, 发布日期: law.publish, 主题分类: topic, 体裁: docNo ? '命令（令）' : '其他',
      目录栏目: 'fggz', 内容概述: events.join('；').slice(0, 1000), 正文: bodyHtml, 有效性: '有效', 施行日期: inForce >= law.publish! ? inForce : '',
    }
  })
}

/** The import rows of the demo catalogue for the demo region's units (none without a region); also the benchmarks' corpus. */
export async function demoCatalogueRows(db: Db): Promise<ImportRow[]> {
  const region = await currentRegion(db)
  if (!region) return []
  return [...docNumberRows(await listOrganisations(db, region.id)), ...lawRows()]
}

/**
 * Loads the demo catalogue (3,150 published items) when the catalogue is empty; otherwise leaves it alone and
 * returns null. Writes no audit rows, like the rest of the demo data.
 */
export async function seedDemoCatalogue(db: Db, clock: Clock): Promise<ImportResult | null> {
  const existing = await db.selectFrom('catalogue_items').select('id').limit(1).executeTakeFirst()
  if (existing) return null
  const rows = await demoCatalogueRows(db)
  if (rows.length === 0) return null
  const result = await importCatalogue(db, rows, { dryRun: false, clock, actorLabel: 'demo', audit: false })
  if (result.rejected.length) throw new Error(`演示公开信息有 ${result.rejected.length} 行未能导入：${result.rejected.slice(0, 5).map((r) => `第 ${r.row} 行 ${r.field}：${r.message}`).join('；')}`)
  return result
}
