/**
 * How an application reached the agency, and 收到申请之日 (receivedOn) per channel under 条例 第三十一条:
 * （一）当面提交的，以提交之日为收到申请之日；
 * （二）以邮寄方式提交的，以行政机关签收之日为收到申请之日；以平常信函等无需签收的邮寄方式提交的，政府信息公开工作机构
 *      应当于收到申请的当日与申请人确认，确认之日为收到申请之日；
 * （三）通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日。
 * The rule returns the date, or names the confirmation still missing; it never guesses a date the law ties to an event.
 */
import type { IsoDate } from '../../calendar/index.ts'
import { isIsoDate } from './dates.ts'

/** 当面, 邮政挂号/EMS（签收）, 平常信函, 传真, 电子邮件, 网络/在线平台. */
export type ReceiptChannel = 'in_person' | 'registered_mail' | 'ordinary_mail' | 'fax' | 'email' | 'online'

/** The 2014-era statistics rows 三（一）1–4: 当面申请数, 传真申请数, 网络申请数, 信函申请数 (regulation.md §4.2). */
export type LegacyChannelRow = 'in_person' | 'fax' | 'online' | 'letter'

/** A fact the receipt rule may need, each a date. */
export type ReceiptFact = 'submittedOn' | 'signedForOn' | 'arrivedOn' | 'confirmedOn'

/** What staff know about an application's arrival; which fields count depends on the channel. */
export interface ReceiptFacts {
  /** 提交之日: handed in at the counter, or sent (fax, email, online form). */
  readonly submittedOn?: IsoDate | null
  /** 签收之日: the agency signed for a registered or EMS item. */
  readonly signedForOn?: IsoDate | null
  /** 收到之日: an ordinary letter reached the 政府信息公开工作机构. */
  readonly arrivedOn?: IsoDate | null
  /** 确认之日: the agency and the applicant confirmed the application (ordinary letter, fax, internet). */
  readonly confirmedOn?: IsoDate | null
}

export interface ChannelRule {
  readonly code: ReceiptChannel
  readonly label: string
  /** The fact whose date is 收到申请之日. */
  readonly receivedOnFact: ReceiptFact
  /** Facts the rule reads, in the order they happen; the last is `receivedOnFact`. */
  readonly facts: readonly ReceiptFact[]
  /** The 2014-era row (当面/传真/网络/信函). */
  readonly legacyRow: LegacyChannelRow
  readonly citation: string
}

const ART_31_1 = '《政府信息公开条例》第三十一条第（一）项：申请人当面提交政府信息公开申请的，以提交之日为收到申请之日'
const ART_31_2_SIGNED = '《政府信息公开条例》第三十一条第（二）项：申请人以邮寄方式提交政府信息公开申请的，以行政机关签收之日为收到申请之日'
const ART_31_2_UNSIGNED =
  '《政府信息公开条例》第三十一条第（二）项：以平常信函等无需签收的邮寄方式提交政府信息公开申请的，政府信息公开工作机构应当于收到申请的当日与申请人确认，确认之日为收到申请之日'
const ART_31_3 = '《政府信息公开条例》第三十一条第（三）项：申请人通过互联网渠道或者政府信息公开工作机构的传真提交政府信息公开申请的，以双方确认之日为收到申请之日'

/** The six receipt channels with their 第三十一条 rule, in form order. Email is an 互联网渠道 (第三十一条第（三）项). */
export const RECEIPT_CHANNELS: readonly ChannelRule[] = Object.freeze([
  { code: 'in_person', label: '当面提交', receivedOnFact: 'submittedOn', facts: ['submittedOn'], legacyRow: 'in_person', citation: ART_31_1 },
  { code: 'registered_mail', label: '邮政挂号、EMS 等需签收的邮寄', receivedOnFact: 'signedForOn', facts: ['signedForOn'], legacyRow: 'letter', citation: ART_31_2_SIGNED },
  { code: 'ordinary_mail', label: '平常信函等无需签收的邮寄', receivedOnFact: 'confirmedOn', facts: ['arrivedOn', 'confirmedOn'], legacyRow: 'letter', citation: ART_31_2_UNSIGNED },
  { code: 'fax', label: '传真', receivedOnFact: 'confirmedOn', facts: ['submittedOn', 'confirmedOn'], legacyRow: 'fax', citation: ART_31_3 },
  { code: 'email', label: '电子邮件', receivedOnFact: 'confirmedOn', facts: ['submittedOn', 'confirmedOn'], legacyRow: 'online', citation: ART_31_3 },
  { code: 'online', label: '网络（在线申请平台）', receivedOnFact: 'confirmedOn', facts: ['submittedOn', 'confirmedOn'], legacyRow: 'online', citation: ART_31_3 },
].map((rule) => Object.freeze(rule as ChannelRule)))

/** Labels of the 2014-era rows, as printed in 《政府信息公开情况统计表》 三（一）. */
export const LEGACY_CHANNEL_ROWS: Readonly<Record<LegacyChannelRow, string>> = Object.freeze({
  in_person: '当面申请数',
  fax: '传真申请数',
  online: '网络申请数',
  letter: '信函申请数',
})

/** Labels of the receipt facts, for field messages and explanations. */
export const RECEIPT_FACT_LABELS: Readonly<Record<ReceiptFact, string>> = Object.freeze({
  submittedOn: '提交日期',
  signedForOn: '签收日期',
  arrivedOn: '信函收到日期',
  confirmedOn: '与申请人确认日期',
})

/** True for one of the six channel codes. */
export function isReceiptChannel(value: unknown): value is ReceiptChannel {
  return typeof value === 'string' && RECEIPT_CHANNELS.some((rule) => rule.code === value)
}

/** The rule of a channel. */
export function channelRule(channel: ReceiptChannel): ChannelRule {
  return RECEIPT_CHANNELS.find((rule) => rule.code === channel)!
}

/** The 2014-era row a channel is counted in: 邮寄 (either kind) is 信函, email and the online form are 网络. */
export function legacyChannelRow(channel: ReceiptChannel): LegacyChannelRow {
  return channelRule(channel).legacyRow
}

/** The result of the receipt rule. */
export type ReceiptDate =
  /** 收到申请之日 is known; `notes` flag departures from the rule that do not change the date (a late confirmation). */
  | { readonly status: 'received'; readonly receivedOn: IsoDate; readonly explanation: string; readonly citation: string; readonly notes: readonly string[] }
  /** The date depends on an event that has not happened (or not been recorded) yet: no answer period runs. */
  | { readonly status: 'awaiting'; readonly missing: ReceiptFact; readonly explanation: string; readonly citation: string }
  /** The facts contradict each other or are not dates; nothing can be computed. */
  | { readonly status: 'invalid'; readonly field: ReceiptFact | 'channel'; readonly reason: string }

/**
 * 收到申请之日 under 条例 第三十一条 for a channel and the facts known so far, with an explanation in Chinese citing the
 * article. An ordinary letter confirmed after the day it arrived still counts from the confirmation (the article
 * says so), but the note records that the agency should have confirmed on the day of arrival.
 */
export function receiptDate(channel: ReceiptChannel, facts: ReceiptFacts): ReceiptDate {
  if (!isReceiptChannel(channel)) return { status: 'invalid', field: 'channel', reason: `未知的申请渠道“${String(channel)}”，请选择${RECEIPT_CHANNELS.map((rule) => rule.label).join('、')}之一` }
  const rule = channelRule(channel)
  for (const fact of rule.facts) {
    const value = facts[fact]
    if (value !== undefined && value !== null && !isIsoDate(value)) {
      return { status: 'invalid', field: fact, reason: `${RECEIPT_FACT_LABELS[fact]}应为真实日期，格式 YYYY-MM-DD（收到的是“${String(value)}”）` }
    }
  }
  // Facts happen in order: a confirmation cannot precede the arrival or the sending it confirms.
  const [first, second] = rule.facts
  const firstOn = first ? facts[first] : null
  const secondOn = second ? facts[second] : null
  if (first && second && firstOn && secondOn && secondOn < firstOn) {
    return { status: 'invalid', field: second, reason: `${RECEIPT_FACT_LABELS[second]}（${secondOn}）早于${RECEIPT_FACT_LABELS[first]}（${firstOn}），请检查这两个日期` }
  }
  const receivedOn = facts[rule.receivedOnFact]
  if (!receivedOn) return { status: 'awaiting', missing: rule.receivedOnFact, explanation: awaitingText(rule, facts), citation: rule.citation }

  const notes: string[] = []
  if (channel === 'ordinary_mail' && facts.arrivedOn && facts.arrivedOn < receivedOn) {
    notes.push(`信函于 ${facts.arrivedOn} 收到，${receivedOn} 才与申请人确认；第三十一条要求于收到申请的当日确认。收到申请之日仍以确认之日计算。`)
  }
  return { status: 'received', receivedOn, explanation: receivedText(rule, receivedOn), citation: rule.citation, notes }
}

function receivedText(rule: ChannelRule, receivedOn: IsoDate): string {
  switch (rule.code) {
    case 'in_person':
      return `申请人当面提交申请，以提交之日 ${receivedOn} 为收到申请之日（《政府信息公开条例》第三十一条第（一）项）。`
    case 'registered_mail':
      return `申请以需签收的邮寄方式提交，以行政机关签收之日 ${receivedOn} 为收到申请之日（《政府信息公开条例》第三十一条第（二）项）。`
    case 'ordinary_mail':
      return `申请以平常信函提交，以与申请人确认之日 ${receivedOn} 为收到申请之日（《政府信息公开条例》第三十一条第（二）项）。`
    default:
      return `申请通过${rule.label}提交，以双方确认之日 ${receivedOn} 为收到申请之日（《政府信息公开条例》第三十一条第（三）项）。`
  }
}

function awaitingText(rule: ChannelRule, facts: ReceiptFacts): string {
  switch (rule.code) {
    case 'in_person':
      return '请填写申请人当面提交申请的日期：提交之日即收到申请之日（《政府信息公开条例》第三十一条第（一）项）。'
    case 'registered_mail':
      return '请填写行政机关签收邮件的日期：签收之日即收到申请之日（《政府信息公开条例》第三十一条第（二）项）。'
    case 'ordinary_mail':
      return facts.arrivedOn
        ? `信函已于 ${facts.arrivedOn} 收到，尚未与申请人确认。应当于收到申请的当日与申请人确认，确认之日为收到申请之日（《政府信息公开条例》第三十一条第（二）项）；确认前答复期限不起算。`
        : '平常信函须于收到当日与申请人确认，确认之日为收到申请之日（《政府信息公开条例》第三十一条第（二）项）；请填写信函收到日期和确认日期。'
    default:
      return `申请通过${rule.label}提交${facts.submittedOn ? `（${facts.submittedOn}）` : ''}，尚待行政机关与申请人双方确认；双方确认之日为收到申请之日（《政府信息公开条例》第三十一条第（三）项），确认前答复期限不起算。`
  }
}

// Words used for channels in registers and old spreadsheets. 信函/邮寄 without saying whether it was signed for is
// read as 需签收的邮寄: for imported history the receipt date is given anyway, and both kinds count as 信函 (2014-era).
const CHANNEL_WORDS: readonly (readonly [RegExp, ReceiptChannel])[] = [
  [/^(?:当面|当面提交|当面申请|现场|现场申请|窗口)$/u, 'in_person'],
  [/^(?:平信|平常信函|平常信函等无需签收的邮寄|普通信函)$/u, 'ordinary_mail'],
  [/^(?:挂号信|挂号|ems|邮政挂号|快递|邮寄|信函|来信|邮政挂号、ems等需签收的邮寄|需签收的邮寄)$/u, 'registered_mail'],
  [/^(?:传真|传真申请)$/u, 'fax'],
  [/^(?:电子邮件|电子邮箱|邮件|email|e-mail)$/u, 'email'],
  [/^(?:网络|网上|在线|在线申请|网上申请|网络申请|互联网|政府网站|网络（在线申请平台）|在线申请平台)$/u, 'online'],
]

/** Reads a channel written as a code or in words (当面, 挂号信, 平信, 传真, 电子邮件, 网上申请 …); null when unknown. */
export function parseReceiptChannel(text: string): ReceiptChannel | null {
  const value = text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase()
  if (isReceiptChannel(value)) return value
  const rule = RECEIPT_CHANNELS.find((candidate) => candidate.label.normalize('NFKC').replace(/\s+/gu, '').toLowerCase() === value)
  if (rule) return rule.code
  return CHANNEL_WORDS.find(([pattern]) => pattern.test(value))?.[1] ?? null
}
