import { CalendarInputError } from './calendar.errors.ts'
import { messages } from './calendar.messages.ts'
import { type IsoDate, toDayNumber } from './iso-date.ts'
import type { PauseReason, SilenceOutcome } from './pause-reasons.ts'

export type { PauseReason, SilenceOutcome } from './pause-reasons.ts'

/** A pause a regime allows, with the consulted party's reply period when the law sets one (a sub-clock). */
export interface PauseRule {
  /** Working days the consulted party has, from its receipt of the 征求意见书; null when the law sets none. */
  readonly replyWorkingDays: number | null
  /** What silence means once the reply period ends; the pause then ends by itself. */
  readonly silence: SilenceOutcome | null
  /** First date the rule applies, when later than the regime. */
  readonly availableFrom?: IsoDate
  readonly citation: string
}

/**
 * A set of statutory deadlines for 依申请公开, as data. Adding a regime (a provincial rule, a future revision) is
 * adding an entry to REGIMES; the clock reads nothing else.
 */
export interface Regime {
  readonly id: string
  readonly title: string
  /** Receipt dates the regime governs: from `from` to `until` inclusive (null = still in force). */
  readonly inForce: { readonly from: IsoDate; readonly until: IsoDate | null }
  /** 答复期限 */
  readonly answer: { readonly workingDays: number; readonly citation: string }
  /** 延期: at most `maxWorkingDays`, granted once. */
  readonly extension: { readonly maxWorkingDays: number; readonly citation: string }
  /** 补正: notice period (null when the law sets none); receipt of the corrected application restarts the clock. */
  readonly correction: { readonly noticeWorkingDays: number | null; readonly citation: string }
  readonly pauses: Readonly<Partial<Record<PauseReason, PauseRule>>>
}

/** Identifiers of the shipped regimes. */
export type RegimeId = keyof typeof REGIMES

const CN_2019 = {
  id: 'cn-2019',
  title: '《中华人民共和国政府信息公开条例》（2019年修订，国务院令第711号）',
  // 第五十六条: "本条例自2019年5月15日起施行。"
  inForce: { from: '2019-05-15', until: null },
  answer: { workingDays: 20, citation: '《政府信息公开条例》第三十三条第二款：自收到申请之日起20个工作日内予以答复' },
  extension: { maxWorkingDays: 20, citation: '《政府信息公开条例》第三十三条第二款：延长的期限最长不得超过20个工作日' },
  correction: {
    noticeWorkingDays: 7,
    citation: '《政府信息公开条例》第三十条：自收到申请之日起7个工作日内一次性告知申请人作出补正；答复期限自行政机关收到补正的申请之日起计算',
  },
  pauses: {
    third_party_consultation: {
      replyWorkingDays: 15,
      silence: 'agency_decides',
      citation: '《政府信息公开条例》第三十二条（第三方自收到征求意见书之日起15个工作日内提出意见，逾期未提出的由行政机关决定是否公开）、第三十三条第三款（征求意见所需时间不计算在答复期限内）',
    },
    agency_consultation: {
      replyWorkingDays: 15,
      silence: 'deemed_consent',
      citation: '《政府信息公开条例》第三十四条（被征求意见机关自收到征求意见书之日起15个工作日内提出意见，逾期未提出意见的视为同意公开）、第三十三条第三款',
    },
    // regulation.md §2 [M]: that the fee-notice period is not counted, and the 2021-01-01 start, are recalled,
    // not verified against the text of 国办函〔2020〕109号. Counsel must confirm before this is relied on.
    fee_notice: {
      replyWorkingDays: null,
      silence: null,
      availableFrom: '2021-01-01',
      citation: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）：发出收费通知至申请人缴费期间不计算在答复期限内（待核实）',
    },
  },
} as const satisfies Regime

// regulation.md §1.14 [S]: 2007 条例 第二十四条 — 15 working days, extension at most 15, third-party consultation
// time not counted; no reply period for the third party and no agency-consultation or fee pause.
const CN_2007 = {
  id: 'cn-2007',
  title: '《中华人民共和国政府信息公开条例》（2007年，国务院令第492号）',
  inForce: { from: '2008-05-01', until: '2019-05-14' },
  answer: { workingDays: 15, citation: '《政府信息公开条例》（2007年）第二十四条第二款：自收到申请之日起15个工作日内予以答复' },
  extension: { maxWorkingDays: 15, citation: '《政府信息公开条例》（2007年）第二十四条第二款：延长答复的期限最长不得超过15个工作日' },
  // 第二十一条第（四）项 [M]: 告知申请人作出更改、补充 — no notice period. Restarting the clock on the corrected
  // application is the engine's convention for this regime, to be confirmed by counsel.
  correction: { noticeWorkingDays: null, citation: '《政府信息公开条例》（2007年）第二十一条第（四）项：申请内容不明确的，应当告知申请人作出更改、补充' },
  pauses: {
    third_party_consultation: {
      replyWorkingDays: null,
      silence: null,
      citation: '《政府信息公开条例》（2007年）第二十四条第三款：征求第三方意见所需时间不计算在答复期限内',
    },
  },
} as const satisfies Regime

/** The shipped regimes, by id; frozen all the way down, since they are law. */
export const REGIMES = freezeDeep({ 'cn-2019': CN_2019, 'cn-2007': CN_2007 })

/** A regime by id; an unknown id is an input error with the list of known ones. */
export function getRegime(id: string): Regime {
  const limit = /^wd:(\d{1,3}):(\d{1,3})$/.exec(id)
  if (limit) return workingDayLimitRegime(Number(limit[1]), Number(limit[2]))
  const regime = (REGIMES as Readonly<Record<string, Regime>>)[id]
  if (!regime) throw new CalendarInputError('regime', messages.unknownRegime(id, Object.keys(REGIMES)))
  return regime
}

/**
 * The regime in force on a receipt date. Which regime governs a request pending across 2019-05-15 is a
 * transitional question for counsel; this picks by the receipt date.
 */
export function regimeInForceOn(receivedOn: IsoDate): Regime {
  const day = toDayNumber(receivedOn, 'receivedOn')
  const regime = Object.values(REGIMES).find(
    (candidate: Regime) => toDayNumber(candidate.inForce.from) <= day && (candidate.inForce.until === null || day <= toDayNumber(candidate.inForce.until)),
  )
  if (!regime) throw new CalendarInputError('receivedOn', messages.noRegimeInForce(receivedOn))
  return regime
}

/**
 * A plain working-day limit with one extension and no pauses, for case clocks that are not 依申请公开 (the letters
 * wing's 办理时限: its limits are local data, letters/rules/reply-limits.ts). Id `wd:<days>:<extension days>`; never
 * picked by regimeInForceOn.
 */
export function workingDayLimitRegime(workingDays: number, extensionWorkingDays: number): Regime {
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > 365 || !Number.isInteger(extensionWorkingDays) || extensionWorkingDays < 0 || extensionWorkingDays > 365) {
    throw new CalendarInputError('regime', `办理时限应为1至365个工作日，延期0至365个工作日（收到 ${workingDays}/${extensionWorkingDays}）`)
  }
  return freezeDeep({
    id: `wd:${workingDays}:${extensionWorkingDays}`,
    title: `办理时限${workingDays}个工作日`,
    inForce: { from: '1949-10-01', until: null },
    answer: { workingDays, citation: `自转办之日起${workingDays}个工作日内办理答复（本地办理时限规则）` },
    extension: { maxWorkingDays: extensionWorkingDays, citation: `延期最多${extensionWorkingDays}个工作日（本地办理时限规则）` },
    correction: { noticeWorkingDays: null, citation: '办理时限规则不设补正' },
    pauses: {},
  })
}

function freezeDeep<T extends object>(value: T): T {
  for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) freezeDeep(child)
  return Object.freeze(value)
}
