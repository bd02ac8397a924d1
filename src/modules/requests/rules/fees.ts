/**
 * 信息处理费 (processing fee): 条例 第四十二条 and 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号). Providing
 * information is free; a fee may be charged only when the number or frequency of applications clearly exceeds a
 * reasonable range, 按件 or 按量, "均按照超额累进方式计算收费金额 … 不得同时按照两种标准重复计算" (第三条).
 *
 * The tiers are verbatim (regulation.md §2 [V]). The effective date, the payment period, the clock treatment and the
 * exemptions are RECALLED, NOT VERIFIED (regulation.md §2 [M]): they live in FEE_SCHEDULE as data, to be checked
 * against the gov.cn text of 国办函〔2020〕109号 and changed there, not in code.
 */
import { type Calendar, type IsoDate, addWorkingDays } from '../../calendar/index.ts'
import { isIsoDate, monthOfDate } from './dates.ts'

/** 按件计收 or 按量计收. */
export type FeeMethod = 'per_application' | 'per_page'

/** How the applicant asked to obtain the information; 按量 applies only to paper, email and copied electronic data. */
export type ProvisionForm = 'paper' | 'email' | 'electronic_copy' | 'online' | 'inspection'

/** One band of a progressive tariff: units from `from` to `to` (inclusive; null = no upper end) at `yuanEach`. */
export interface FeeBand {
  readonly from: number
  readonly to: number | null
  readonly yuanEach: number
}

export interface FeeExemption {
  readonly code: string
  readonly label: string
  readonly citation: string
}

/** A fee tariff as data. */
export interface FeeSchedule {
  readonly id: string
  readonly citation: string
  /** First receipt date the tariff applies to. [M] */
  readonly effectiveFrom: IsoDate
  /** 按件: bands of the applicant's applications in one natural month; after the listed bands, `beyond` applies. */
  readonly perApplication: { readonly bands: readonly FeeBand[]; readonly beyond: { readonly bandSize: number; readonly stepYuan: number } }
  /** 按量: bands of pages of one application. */
  readonly perPage: { readonly bands: readonly FeeBand[]; readonly forms: readonly ProvisionForm[] }
  /** Working days the applicant has to pay, from the day after receiving the notice. [M] */
  readonly paymentWorkingDays: number
  /** Grounds on which the agency may waive the fee. [M] */
  readonly exemptions: readonly FeeExemption[]
}

/** Labels of the provision forms. */
export const PROVISION_FORMS: Readonly<Record<ProvisionForm, string>> = Object.freeze({
  paper: '纸质件',
  email: '电子邮件',
  electronic_copy: '复制电子数据',
  online: '网上下载',
  inspection: '查阅、抄录',
})

/** 国办函〔2020〕109号 as recalled and partly verified; see the file comment for which parts are [M]. */
export const FEE_SCHEDULE: FeeSchedule = Object.freeze({
  id: 'gbh-2020-109',
  citation: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
  // [M] believed 2021-01-01; the calendar's fee_notice pause rule uses the same date.
  effectiveFrom: '2021-01-01',
  perApplication: {
    // 第四条 [V]: 1–10件 0; 11–30件 100元/件; 31件以上 "以10件为一档，每增加一档，收费标准提高100元/件".
    bands: [
      { from: 1, to: 10, yuanEach: 0 },
      { from: 11, to: 30, yuanEach: 100 },
    ],
    beyond: { bandSize: 10, stepYuan: 100 },
  },
  perPage: {
    // 第五条 [V]: 30页以下（含30页）不收费; 31–100页 10元/页; 101–200页 20元/页; 201页以上 40元/页.
    bands: [
      { from: 1, to: 30, yuanEach: 0 },
      { from: 31, to: 100, yuanEach: 10 },
      { from: 101, to: 200, yuanEach: 20 },
      { from: 201, to: null, yuanEach: 40 },
    ],
    // 第五条 [V]: 按量 "适用于申请人要求以提供纸质件、发送电子邮件、复制电子数据等方式获取政府信息的情形".
    forms: ['paper', 'email', 'electronic_copy'],
  },
  // [M] recalled: pay within 20 working days from the day after receiving the notice, else 视为放弃.
  paymentWorkingDays: 20,
  // [M] recalled: agencies may reduce or waive the fee for applicants in hardship.
  exemptions: [{ code: 'hardship', label: '申请人生活确有困难', citation: '国办函〔2020〕109号（减免规定，待核实）' }],
} satisfies FeeSchedule)

/** Untrusted fee input: one method and its quantity. */
export interface FeeInput {
  readonly method: string
  /** 按件: how many pieces of this applicant's applications the agency received earlier in the same natural month. */
  readonly earlierInMonth?: number | null
  /** 按件: pieces this application counts as after 一事一申请 splitting (第四条); 1 by default. */
  readonly pieces?: number | null
  /** 按量: pages provided. */
  readonly pages?: number | null
  /** 按量: how the applicant obtains the information. */
  readonly form?: string | null
  /** Exemption code, when the agency waives the fee. */
  readonly exemption?: string | null
}

/** One band of the computation: units in the band, unit price and subtotal. */
export interface FeeLine {
  readonly from: number
  readonly to: number
  readonly units: number
  readonly yuanEach: number
  readonly yuan: number
}

export type FeeResult =
  | { readonly ok: true; readonly method: FeeMethod; readonly amountYuan: number; readonly chargedYuan: number; readonly exemption: FeeExemption | null; readonly lines: readonly FeeLine[]; readonly explanation: string }
  | { readonly ok: false; readonly reason: string }

const refuse = (reason: string): FeeResult => ({ ok: false, reason })
const isCount = (value: unknown, min: number): value is number => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= 1_000_000

/** The price of unit n (1-based) under the 按件 tariff. */
function perApplicationPrice(n: number, schedule: FeeSchedule): number {
  const band = schedule.perApplication.bands.find((candidate) => n >= candidate.from && (candidate.to === null || n <= candidate.to))
  if (band) return band.yuanEach
  const last = schedule.perApplication.bands.at(-1)!
  const { bandSize, stepYuan } = schedule.perApplication.beyond
  return last.yuanEach + stepYuan * Math.ceil((n - last.to!) / bandSize)
}

function perPagePrice(n: number, schedule: FeeSchedule): number {
  return schedule.perPage.bands.find((band) => n >= band.from && (band.to === null || n <= band.to))?.yuanEach ?? 0
}

/** Groups units first..last into lines of equal price. */
function linesFor(first: number, last: number, price: (n: number) => number): FeeLine[] {
  const lines: FeeLine[] = []
  for (let n = first; n <= last; n++) {
    const yuanEach = price(n)
    const line = lines.at(-1)
    if (line && line.yuanEach === yuanEach) lines[lines.length - 1] = { ...line, to: n, units: line.units + 1, yuan: line.yuan + yuanEach }
    else lines.push({ from: n, to: n, units: 1, yuanEach, yuan: yuanEach })
  }
  return lines
}

/**
 * The processing fee of one application, 按件 or 按量 (never both: 第三条), progressive over the bands, with an
 * explanation in Chinese. A waiver keeps the computed amount and charges nothing.
 */
export function computeFee(input: FeeInput, schedule: FeeSchedule = FEE_SCHEDULE): FeeResult {
  const perApplication = input.earlierInMonth !== undefined && input.earlierInMonth !== null
  const perPage = input.pages !== undefined && input.pages !== null
  if ((perApplication && perPage) || (input.method === 'per_application' && perPage) || (input.method === 'per_page' && perApplication)) {
    return refuse('按件计收和按量计收只能选择一种，不得同时按照两种标准重复计算（国办函〔2020〕109号第三条）')
  }
  let exemption: FeeExemption | null = null
  if (input.exemption) {
    exemption = schedule.exemptions.find((candidate) => candidate.code === input.exemption) ?? null
    if (!exemption) return refuse(`未知的减免事由“${input.exemption}”，可选：${schedule.exemptions.map((candidate) => candidate.label).join('、')}`)
  }

  let lines: FeeLine[]
  let method: FeeMethod
  let basis: string
  if (input.method === 'per_application') {
    method = 'per_application'
    const pieces = input.pieces ?? 1
    if (!isCount(input.earlierInMonth, 0)) return refuse('请填写该申请人本自然月内此前已提出的申请件数（0 或正整数）')
    if (!isCount(pieces, 1)) return refuse('本申请按“一事一申请”拆分后的件数应为正整数')
    const first = input.earlierInMonth + 1
    lines = linesFor(first, first + pieces - 1, (n) => perApplicationPrice(n, schedule))
    basis = `按件计收：本申请为该申请人本自然月第 ${first === first + pieces - 1 ? first : `${first}—${first + pieces - 1}`} 件`
  } else if (input.method === 'per_page') {
    method = 'per_page'
    if (!isCount(input.pages, 1)) return refuse('请填写提供的页数（正整数）')
    if (!input.form || !(schedule.perPage.forms as readonly string[]).includes(input.form)) {
      return refuse(`按量计收只适用于以${schedule.perPage.forms.map((form) => PROVISION_FORMS[form]).join('、')}等方式获取政府信息的情形（国办函〔2020〕109号第五条）`)
    }
    lines = linesFor(1, input.pages, (n) => perPagePrice(n, schedule))
    basis = `按量计收：共 ${input.pages} 页，以${PROVISION_FORMS[input.form as ProvisionForm]}方式提供`
  } else {
    return refuse('请选择计收方式：按件计收或按量计收（国办函〔2020〕109号第三条）')
  }

  const amountYuan = lines.reduce((sum, line) => sum + line.yuan, 0)
  const detail = lines.map((line) => `第${line.from === line.to ? line.from : `${line.from}—${line.to}`}${method === 'per_page' ? '页' : '件'} ${line.yuanEach} 元×${line.units}`).join('，')
  const chargedYuan = exemption ? 0 : amountYuan
  const explanation =
    `${basis}；超额累进计算：${detail}，合计 ${amountYuan} 元（${schedule.citation}第三条至第五条）。` +
    (amountYuan === 0 ? '未超过免费范围，不收取信息处理费。' : exemption ? `因${exemption.label}减免，实收 0 元。` : `应收 ${amountYuan} 元。`)
  return { ok: true, method, amountYuan, chargedYuan, exemption, lines, explanation }
}

/** An earlier application of an applicant, for counting 按件 within a natural month. */
export interface FeeHistoryEntry {
  readonly id: string
  readonly applicantKey: string
  readonly receivedOn: IsoDate
  /** Pieces after 一事一申请 splitting; 1 by default. */
  readonly pieces?: number
}

/**
 * How many pieces the same applicant filed before this application in the same 自然月 (the count restarts on the 1st,
 * not a rolling 30 days): ordered by 收到申请之日, then by id for applications received the same day.
 */
export function earlierInMonth(history: readonly FeeHistoryEntry[], current: Pick<FeeHistoryEntry, 'id' | 'applicantKey' | 'receivedOn'>): number {
  const month = monthOfDate(current.receivedOn)
  return history
    .filter((entry) => entry.id !== current.id && entry.applicantKey === current.applicantKey && monthOfDate(entry.receivedOn) === month)
    .filter((entry) => entry.receivedOn < current.receivedOn || (entry.receivedOn === current.receivedOn && entry.id < current.id))
    .reduce((sum, entry) => sum + (entry.pieces ?? 1), 0)
}

/** Whether the tariff applies to an application received on a date. [M: effective date recalled] */
export function feesApplyOn(receivedOn: IsoDate, schedule: FeeSchedule = FEE_SCHEDULE): boolean {
  return isIsoDate(receivedOn) && receivedOn >= schedule.effectiveFrom
}

/** The last day to pay a fee notice received on `noticeReceivedOn`. [M: the payment period is recalled] */
export function feePaymentDueOn(noticeReceivedOn: IsoDate, calendar: Calendar, schedule: FeeSchedule = FEE_SCHEDULE): IsoDate {
  return addWorkingDays(noticeReceivedOn, schedule.paymentWorkingDays, calendar).date
}
