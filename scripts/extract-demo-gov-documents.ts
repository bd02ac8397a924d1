/**
 * Builds src/demo/data/gov-documents/ (the demo catalogue's real content) from the shared data set
 * shared/data/gov-documents (see its PROVENANCE.md): about 3,000 发文字号 with their dates and URLs from
 * doc-numbers-ptc2024, and about 150 law and administrative-regulation texts from lawrefbook-laws, copied byte for
 * byte. Deterministic: the same source gives the same selection.
 *   npx tsx scripts/extract-demo-gov-documents.ts [path/to/shared/data/gov-documents]
 */
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { normaliseDocNo } from '../src/modules/search/index.ts'

// The project's shared reference folder sits beside the repository (../shared); a path argument overrides it.
const SOURCE = path.resolve(process.argv[2] ?? new URL('../../shared/data/gov-documents', import.meta.url).pathname)
const TARGET = new URL('../src/demo/data/gov-documents/', import.meta.url).pathname
const DOC_NUMBER_TARGET = 3000
const LAW_TARGET = 150
const LAW_MAX_BYTES = 120_000

// The browser tests start the real server with the demo data and expect these to be absent from the demo catalogue
// (test/e2e: an empty search for 国办发〔2019〕51号; 天然气 finds only the item the test itself publishes).
const E2E_RESERVED_DOC_NOS = new Set(['国办发〔2019〕51号'])
const E2E_RESERVED_WORDS = ['天然气']

/** Source file → the government that published it and the 机关代字 its own documents begin with. */
const GOVERNMENTS: Record<string, { name: string; office: string; abbr: string }> = {
  'State_Council.csv': { name: '国务院', office: '国务院办公厅', abbr: '国' },
  'Chongqing_Municipal_Government.csv': { name: '重庆市人民政府', office: '重庆市人民政府办公厅', abbr: '渝' },
  'Guangdong_Provincial_Government_sql.csv': { name: '广东省人民政府', office: '广东省人民政府办公厅', abbr: '粤' },
  'Henan_Provincial_Government_sql.csv': { name: '河南省人民政府', office: '河南省人民政府办公厅', abbr: '豫' },
  'Hubei_Provincial_Government_sql.csv': { name: '湖北省人民政府', office: '湖北省人民政府办公厅', abbr: '鄂' },
  'Liaoning_Provincial_Government_sql.csv': { name: '辽宁省人民政府', office: '辽宁省人民政府办公厅', abbr: '辽' },
  'Ningxia_Provincial_Government.csv': { name: '宁夏回族自治区人民政府', office: '宁夏回族自治区人民政府办公厅', abbr: '宁' },
  'Shanghai_Municipal_Government_sql.csv': { name: '上海市人民政府', office: '上海市人民政府办公厅', abbr: '沪' },
  'Shanxi_Provincial_Government.csv': { name: '山西省人民政府', office: '山西省人民政府办公厅', abbr: '晋' },
  'Sichuan_Provincial_Government_sql.csv': { name: '四川省人民政府', office: '四川省人民政府办公厅', abbr: '川' },
  'Yunnan_Provincial_Government_sql.csv': { name: '云南省人民政府', office: '云南省人民政府办公厅', abbr: '云' },
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** The issuing body of a 文号 of this government's own series, or null when the 代字 is another body's (沪科, 金府办发). */
function issuerOf(issuer: string, gov: (typeof GOVERNMENTS)[string]): string | null {
  if (gov.abbr === '国') {
    if (/^国办(发|函|发明电)$/.test(issuer)) return gov.office
    if (/^国(发|函)$/.test(issuer)) return gov.name
    return null
  }
  const rest = issuer.slice(gov.abbr.length)
  if (!issuer.startsWith(gov.abbr)) return null
  if (/^(府|政)?办(发|函|电|发电|明电|规|规发)?$/.test(rest) || /^(府|政)办/.test(rest)) return gov.office
  if (/^(府|政)(发|函|规|令|文)?$/.test(rest)) return gov.name
  return null
}

interface DocNumberRow { source: string; url: string; date: string; docNo: string; issuingBody: string; normalised: string }

function docNumbers(): DocNumberRow[] {
  const dir = path.join(SOURCE, 'doc-numbers-ptc2024/doc-numbers')
  const eligibleByFile = new Map<string, DocNumberRow[]>()
  const seen = new Set<string>()
  for (const [file, gov] of Object.entries(GOVERNMENTS)) {
    const records: string[][] = parse(readFileSync(path.join(dir, file), 'utf8'), { relax_column_count: true })
    const header = records[0]!
    const urlAt = header.indexOf('url')
    const dateAt = header.findIndex((h) => /date/.test(h))
    const docAt = header.findIndex((h) => /number/.test(h))
    const eligible: DocNumberRow[] = []
    for (const r of records.slice(1)) {
      // Labels and times copied along by the scraper: "成文日期 ：2023-06-14", "发文字号：渝府发〔2023〕15号", "2023-09-04 00:00:00".
      const date = (r[dateAt] ?? '').replace(/^[^0-9]*/, '').replace(/\s.*$/, '').replace(/\//g, '-')
      const docNo = (r[docAt] ?? '').replace(/^(发文字号|文号)\s*[:：]\s*/, '').trim()
      const parsed = normaliseDocNo(docNo)
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !parsed || parsed.year === null) continue
      const issuingBody = issuerOf(parsed.issuer, gov)
      if (!issuingBody || seen.has(parsed.normalised) || E2E_RESERVED_DOC_NOS.has(parsed.normalised)) continue
      // The year in the 文号 and the date should agree (a 文号 is numbered in the year it is issued, a page may be later).
      if (Number(date.slice(0, 4)) < parsed.year || Number(date.slice(0, 4)) > parsed.year + 1) continue
      seen.add(parsed.normalised)
      eligible.push({ source: file, url: r[urlAt] ?? '', date, docNo, issuingBody, normalised: parsed.normalised })
    }
    eligibleByFile.set(file, eligible)
  }
  // An even share per government, years interleaved so that every share spans its years.
  const picked: DocNumberRow[] = []
  const files = [...eligibleByFile.keys()].sort((a, b) => eligibleByFile.get(a)!.length - eligibleByFile.get(b)!.length)
  let remaining = DOC_NUMBER_TARGET
  files.forEach((file, i) => {
    const share = Math.floor(remaining / (files.length - i))
    const byYear = new Map<string, DocNumberRow[]>()
    for (const row of eligibleByFile.get(file)!.sort((a, b) => hash(a.url + a.docNo).localeCompare(hash(b.url + b.docNo)))) {
      byYear.set(row.date.slice(0, 4), [...(byYear.get(row.date.slice(0, 4)) ?? []), row])
    }
    const years = [...byYear.keys()].sort()
    const taken: DocNumberRow[] = []
    for (let round = 0; taken.length < share && years.some((y) => byYear.get(y)!.length > round); round++) {
      for (const y of years) if (taken.length < share && byYear.get(y)![round]) taken.push(byYear.get(y)![round]!)
    }
    picked.push(...taken)
    remaining -= taken.length
  })
  return picked.sort((a, b) => a.source.localeCompare(b.source) || b.date.localeCompare(a.date) || a.docNo.localeCompare(b.docNo))
}

// Laws and regulations a district government and its departments apply every day; the rest are filled in from the
// administrative regulations by the words below.
const MUST_HAVE = [
  '政府信息公开条例', '行政许可法', '行政处罚法', '行政强制法', '行政复议法', '行政复议法实施条例', '行政诉讼法', '国家赔偿法', '信访工作条例', '优化营商环境条例',
  '重大行政决策程序暂行条例', '突发事件应对法', '安全生产法', '消防法', '食品安全法', '环境保护法', '土地管理法', '城乡规划法', '国有土地上房屋征收与补偿条例',
  '社会救助暂行办法', '不动产登记暂行条例', '物业管理条例', '保障农民工工资支付条例', '法律援助法', '公务员法', '档案法', '保守国家秘密法', '个人信息保护法',
  '数据安全法', '政府采购法', '政府采购法实施条例', '预算法实施条例', '招标投标法实施条例', '统计法实施条例', '行政法规制定程序条例', '规章制定程序条例',
  '法规规章备案条例', '地方各级人民政府机构设置和编制管理条例', '行政机关公务员处分条例', '信访条例', '政府督查工作条例', '企业信息公示暂行条例',
]
const RELEVANT = /政府|行政|公开|信访|救助|保障|征收|登记|安全|应急|消防|环境|污染|卫生|医疗|疫|教育|学校|就业|劳动|工资|社会保险|养老|残疾|农村|农业|土地|耕地|水|林|草原|城市|城镇|建设|住房|物业|道路|交通|价格|收费|财政|预算|审计|统计|税|采购|招标|市场|企业|个体|食品|药品|产品质量|殡葬|婚姻|收养|兵役|退役|烈士|抚恤|档案|地名|气象|地质灾害|防汛|抗旱|文物|公共文化|志愿|慈善/
const IRRELEVANT = /解放军|军用|救援衔|外债|奥林匹克|三峡|国际收支|股票|中介机构|农业化学物质|武装警察|军官|军人|军事|国防|海关|外国|外商|台湾|香港|澳门|驻外|领事|外交|核|航空|航天|民用爆炸|海洋|海上|船|渔业|铁路|邮政|证券|期货|银行|保险公司|外汇|人民币|专利|商标|著作权|集成电路|计算机软件|出口|进口|国境/

interface LawRow { name: string; level: string; publish: string; validFrom: string; file: string; bytes: number }

function laws(): LawRow[] {
  const root = path.join(SOURCE, 'lawrefbook-laws')
  const records: Record<string, string>[] = parse(readFileSync(path.join(root, 'law.csv'), 'utf8'), { columns: true })
  const current = new Map<string, LawRow>()
  for (const r of records) {
    if (r.expired !== '0' || !['法律', '行政法规'].includes(r.level!) || !r.path) continue
    const file = path.join(root, r.path)
    const text = readFileSync(file, 'utf8')
    if (E2E_RESERVED_WORDS.some((w) => text.includes(w))) continue
    const row = { name: r.name!, level: r.level!, publish: r.publish!, validFrom: r.valid_from!, file: r.path!, bytes: statSync(file).size }
    // The latest version of each law.
    if (!current.has(row.name) || current.get(row.name)!.publish < row.publish) current.set(row.name, row)
  }
  const all = [...current.values()].filter((l) => l.bytes <= LAW_MAX_BYTES)
  const chosen = new Map<string, LawRow>()
  for (const name of MUST_HAVE) {
    const law = all.find((l) => l.name === name)
    if (law) chosen.set(law.name, law)
    else console.log(`not available (absent, superseded, too long or reserved for e2e): ${name}`)
  }
  const fill = all.filter((l) => l.level === '行政法规' && !chosen.has(l.name) && RELEVANT.test(l.name) && !IRRELEVANT.test(l.name))
    .sort((a, b) => b.publish.localeCompare(a.publish) || a.name.localeCompare(b.name))
  for (const law of fill) {
    if (chosen.size >= LAW_TARGET) break
    chosen.set(law.name, law)
  }
  return [...chosen.values()]
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

rmSync(TARGET, { recursive: true, force: true })
mkdirSync(path.join(TARGET, 'laws'), { recursive: true })
const numbers = docNumbers()
writeFileSync(path.join(TARGET, 'doc-numbers.csv'), `source_file,url,date,doc_number,issuing_body\n${numbers.map((r) => [r.source, r.url, r.date, r.docNo, r.issuingBody].map(csvField).join(',')).join('\n')}\n`)
const chosenLaws = laws()
for (const law of chosenLaws) {
  const target = path.join(TARGET, 'laws', path.basename(law.file))
  copyFileSync(path.join(SOURCE, 'lawrefbook-laws', law.file), target)
}
writeFileSync(path.join(TARGET, 'laws.csv'), `name,level,publish,valid_from,source_path,file\n${chosenLaws.map((l) => [l.name, l.level, l.publish, l.validFrom, l.file, `laws/${path.basename(l.file)}`].map(csvField).join(',')).join('\n')}\n`)
const perSource = new Map<string, number>()
for (const r of numbers) perSource.set(r.source, (perSource.get(r.source) ?? 0) + 1)
console.log(`doc-numbers.csv: ${numbers.length} rows`, Object.fromEntries(perSource))
console.log(`laws: ${chosenLaws.length} texts, ${(chosenLaws.reduce((n, l) => n + l.bytes, 0) / 1e6).toFixed(2)} MB (${chosenLaws.filter((l) => l.level === '法律').length} 法律, ${chosenLaws.filter((l) => l.level === '行政法规').length} 行政法规)`)
