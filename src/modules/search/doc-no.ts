// 发文字号 (docNo): parsing, normalisation and finding them in running text.
//
// The canonical form follows GB/T 9704-2012 §7.2.4: 机关代字 + year in full inside 六角括号 〔〕 + serial + 号, the
// serial without padding ("不编虚位", so 051 is 51) and without 第. Real data writes the same number as
// 国办发[2019]51号, 国办发（2019）51号, 国办发【2019】51号, 豫政 〔2023〕27号, 晋政办发(2017〕109号 or with full-width
// digits (regulation.md §5.3); all of these normalise to one value, so a 文号 typed in any style finds the document.
//
// Ordinal numbers (令 and 公告 series: 国务院令第711号, 国家税务总局公告2015年第41号) keep their 第 and are recognised
// when the issuer ends in 令/公告/通告 or, with a year, in an organ (部 委 局 …); "豫政 第1号" and "附件第3号" are not.

/** A 发文字号 in canonical form, with its parts. */
export interface DocNo {
  /** Canonical text: 国办发〔2019〕51号, 国务院令第711号, 国家税务总局公告2015年第41号. */
  readonly normalised: string
  /** 机关代字 with its document kind, as written before the year: 国办发, 渝北府发, 国务院令. */
  readonly issuer: string
  /** Year in the brackets (or before 年 in an ordinal number); null for 国务院令第711号. */
  readonly year: number | null
  /** 发文顺序号. */
  readonly serial: number
}

/** A 文号 found in running text: the parsed number and where it stands (UTF-16 offsets into the text given). */
export interface DocNoMatch extends DocNo {
  readonly start: number
  readonly end: number
}

// Opening and closing brackets seen in real 文号. Mismatched pairs (晋政办发(2017〕109号) count: the data has them.
// ﹝﹞ (small tortoise shell) and ［］（） (full-width) are what editors produce when 〔〕 is not on the keyboard.
const OPEN = '〔\\[（(【［〖〘﹝'
const CLOSE = '〕\\]）)】］〗〙﹞'
const DIGIT = '0-9０-９'
// Whitespace, including the ideographic space and the zero-width characters that web editors leave behind.
const GAP = '[\\s\\u200b-\\u200d\\u2060\\ufeff]*'
const HAN = '\\p{Script=Han}'
const YEAR = `[12１２][${DIGIT}]{3}`
const SERIAL = `[${DIGIT}]{1,6}`
/** Longest issuer taken from running text; real ones run to 17 characters (中华人民共和国国家发展计划委员会令). */
const MAX_ISSUER = 24

// The part after the issuer. Bracket form: the two "lost bracket" branches accept 国办发〔201747号 and 国办发2017〕47号;
// years are always four digits (GB/T 9704 "年份应标全称"), so the serial is what follows the year and nothing is
// guessed. Ordinal form: 国务院令第711号, 公安部令第 149 号, 国家税务总局公告2015年第41号.
const BRACKETED = `(?:[${OPEN}]${GAP}(?<year>${YEAR})${GAP}[${CLOSE}]|[${OPEN}]${GAP}(?<yearNoClose>${YEAR})(?=[${DIGIT}])|(?<yearNoOpen>${YEAR})${GAP}[${CLOSE}])${GAP}(?<serial>${SERIAL})`
const ORDINAL = `(?:(?<ordYear>${YEAR})${GAP}年${GAP})?第${GAP}(?<ordSerial>${SERIAL})`

// In running text 号 is required, so "(2019)5" inside a sentence is not taken for a 文号. The issuer is looked up
// backwards from each match: a pattern that starts with a run of Chinese characters would be tried at every character.
const AFTER_ISSUER_IN_TEXT = new RegExp(`${GAP}(?:${BRACKETED}|${ORDINAL})${GAP}[号號]`, 'gu')
const ISSUER_BEFORE = new RegExp(`${HAN}{1,${MAX_ISSUER}}$`, 'u')
// A whole value (a form field, a search query) may leave out the final 号: 国办发〔2019〕51 is still a 文号. The issuer
// may be longer here because leading noise is dropped afterwards.
const WHOLE = new RegExp(`^(?<issuer>${HAN}{1,64})(?:${BRACKETED}|${ORDINAL})[号號]?$`, 'u')

// Labels copied along with the value: "发文字号：晋政函〔2023〕83号" (doc-numbers-ptc2024, Shanxi and Chongqing).
const LABEL = /^(?:发文字号|发文文号|文号|字号)[:：]/u
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]+/gu
const EDGE_INVISIBLE = /^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/gu

// Words that end a sentence fragment scraped or written in front of the issuer: "…的通知沪发改价管〔2023〕27号",
// "根据国办公开办函〔2019〕60号", "按国办发(1985)49号", "号市人大公告1996年第40号", "的批复国函〔2023〕12号". No real
// 机关代字 contains them; 办法 is not among them because 国中医药办法监发 (办 + 法监 + 发) does.
// 和/与/经/对 may stand inside an issuer (国家发展和改革委员会令, 对外贸易经济合作部令); connectives are dropped only at the
// start ("国办发〔2019〕51号和渝北府发〔2017〕7号"), which costs an issuer that really starts with one (和平区).
const LEADING_NOISE = /^.*(?:的|号|根据|依据|依照|按照|按|据|参照|落实|执行|贯彻|关于|印发|转发|废止|通知|发布|见|批复|以)/u
const LEADING_CONNECTIVE = /^(?:以及|和|与|及|或|并)/u
// 中华人民共和国国务院令第656号 and 国务院令第656号 are the same order; the national prefix is dropped so they compare equal.
const NATIONAL_PREFIX = '中华人民共和国'
// Ordinal numbers are 文号 only in the 令 and 公告 series (国务院令第711号) or, with a year, after an organ's name
// (国家发展改革委2017年第9号); "关于做好2019年第9号台风防御工作" and "附件第3号" are not.
const ORDINAL_SERIES = /(?:令|公告|通告)$/u
const ORGAN = /(?:令|公告|通告|部|委|局|署|院|办|会|厅|府|室|行)$/u

/**
 * Normalises a 发文字号 typed or scraped in any style: brackets 〔〕 [] （） () 【】 ［］ ﹝﹞ (even mismatched), spaces
 * anywhere, full-width digits, zero-width characters, a leading "发文字号：" label, a missing final 号, a padded
 * serial (051号). A bracket lost on one side of the year (国办发〔201747号) is repaired, because the year is always four
 * digits. Returns null for anything else: a serial without a year bracket (国办发201951号), 2-digit years (〔94〕),
 * junk after 号 (渝府发〔2000〕48号〔〕), 号 before the serial (晋政发〔2014〕号16), a year outside 1900–2099, serial 0.
 *
 * Noise in front of the issuer that no 机关代字 contains is dropped ("的通知沪发改价管〔2023〕27号" → 沪发改价管); other
 * noise is kept, since it cannot be told from an issuer ("日辽政发〔1985〕146号" keeps 日辽政发).
 */
export function normaliseDocNo(raw: string): DocNo | null {
  const compact = raw.normalize('NFKC').replace(INVISIBLE, '').replace(LABEL, '')
  const match = WHOLE.exec(compact)
  return match ? fromParts(match.groups!.issuer!, match.groups!) : null
}

/**
 * True when a search query is, as a whole, one 文号 in any bracket style: 国办发[2019]51号, 国办发 （2019） 51, 国务院令第711号.
 * Stricter than normaliseDocNo about spaces: "好差评 国办发〔2019〕51号" is two search terms, not the issuer 好差评国办发.
 */
export function looksLikeDocNo(query: string): boolean {
  return wholeQueryDocNo(query) !== null
}

/** The 文号 a query consists of, or null; a missing final 号 is allowed (国办发〔2019〕51). */
export function wholeQueryDocNo(query: string): DocNoMatch | null {
  const trimmed = query.replace(EDGE_INVISIBLE, '')
  const probe = /[号號]$/u.test(trimmed) ? trimmed : `${trimmed}号`
  const found = findDocNos(probe)
  return found.length === 1 && found[0]!.start === 0 && found[0]!.end === probe.length ? found[0]! : null
}

/**
 * Every 文号 in a text, in order, with offsets into the text as given (before any normalisation). In running text the
 * final 号 is required. The issuer is the run of Chinese characters before the year, at most 16, with leading sentence
 * words dropped (see normaliseDocNo) and a date's 日 dropped (2014年11月24日国务院令第656号).
 */
export function findDocNos(text: string): DocNoMatch[] {
  const found: DocNoMatch[] = []
  for (const match of text.matchAll(AFTER_ISSUER_IN_TEXT)) {
    const written = ISSUER_BEFORE.exec(text.slice(Math.max(0, match.index - 2 * MAX_ISSUER), match.index))?.[0]
    if (!written) continue
    const writtenAt = match.index - written.length
    // "24日国务院令": a 年/月/日 right after a digit ends a date, it does not start an issuer.
    const issuer = /^[年月日]/u.test(written) && /[0-9０-９]/u.test(text.charAt(writtenAt - 1)) ? written.slice(1) : written
    const docNo = fromParts(issuer, match.groups!)
    if (!docNo) continue
    found.push({ ...docNo, start: match.index - cleanIssuer(issuer).written.length, end: match.index + match[0].length })
  }
  return found
}

function fromParts(writtenIssuer: string, groups: Record<string, string | undefined>): DocNo | null {
  const { issuer } = cleanIssuer(writtenIssuer)
  if (!issuer) return null
  if (groups.ordSerial !== undefined) {
    const year = groups.ordYear !== undefined ? toNumber(groups.ordYear) : null
    const serial = toNumber(groups.ordSerial)
    if (serial === 0 || (year !== null && !plausibleYear(year))) return null
    if (!(year === null ? ORDINAL_SERIES : ORGAN).test(issuer)) return null
    return { normalised: `${issuer}${year !== null ? `${year}年` : ''}第${serial}号`, issuer, year, serial }
  }
  const year = toNumber((groups.year ?? groups.yearNoClose ?? groups.yearNoOpen)!)
  const serial = toNumber(groups.serial!)
  if (serial === 0 || !plausibleYear(year)) return null
  return { normalised: `${issuer}〔${year}〕${serial}号`, issuer, year, serial }
}

/** The issuer without leading sentence words; `written` is the part of the original text it came from. */
function cleanIssuer(written: string): { issuer: string; written: string } {
  const kept = written.replace(LEADING_NOISE, '').replace(LEADING_CONNECTIVE, '')
  const issuer = kept.startsWith(NATIONAL_PREFIX) && kept.length > NATIONAL_PREFIX.length ? kept.slice(NATIONAL_PREFIX.length) : kept
  return { issuer, written: kept }
}

function toNumber(digits: string): number {
  return Number(digits.normalize('NFKC'))
}

function plausibleYear(year: number): boolean {
  return year >= 1900 && year <= 2099
}
