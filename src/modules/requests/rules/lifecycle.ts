/**
 * The 依申请公开 case as a state machine (条例 第四十五条: 登记、审核、办理、答复、归档). `transition(state, event)` is
 * pure: it returns the next state and the clock events the calendar engine must record (`recordClockEvent`, in order),
 * or refuses with a Chinese reason and leaves the state as it was. The answer clock itself — due dates, pauses,
 * restarts, extensions — is the calendar module's (`checkClockEvent`/`evaluateClock`); this module never counts days,
 * it only decides which clock event a case event means and asks the clock whether it is allowed.
 */
import {
  type Calendar,
  type ClockEvent,
  type IsoDate,
  type PauseReason,
  type RegimeId,
  checkClockEvent,
  evaluateClock,
  getRegime,
  regimeInForceOn,
} from '../../calendar/index.ts'
import { type ReceiptChannel, type ReceiptFacts, receiptDate } from './channels.ts'
import { isIsoDate } from './dates.ts'
import { type Decision, type DecisionInput, type DispositionCode, dispositionRule, validateDecision } from './dispositions.ts'

/** Where a case stands. */
export type CaseStatus =
  | 'awaiting_receipt' // 待确认收到: 第三十一条 needs a confirmation before the application counts as received
  | 'in_progress' // 办理中
  | 'awaiting_correction' // 待补正 (第三十条)
  | 'consulting' // 征求意见中: third party (第三十二条) or other agency (第三十四条)
  | 'awaiting_reasons' // 待说明理由 (第三十五条)
  | 'awaiting_fee' // 待缴费 (第四十二条, 国办函〔2020〕109号)
  | 'answered' // 已答复
  | 'delivered' // 已送达
  | 'deemed_withdrawn' // 视为放弃申请 (第三十条), 其他处理 1
  | 'fee_lapsed' // 逾期未缴费，不再处理, 其他处理 2
  | 'withdrawn' // 申请人撤回申请, 其他处理 3 其他
  | 'archived' // 已归档

/** Labels of the statuses, for lists and case pages. */
export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = Object.freeze({
  awaiting_receipt: '待确认收到',
  in_progress: '办理中',
  awaiting_correction: '待补正',
  consulting: '征求意见中',
  awaiting_reasons: '待说明理由',
  awaiting_fee: '待缴费',
  answered: '已答复',
  delivered: '已送达',
  deemed_withdrawn: '视为放弃申请',
  fee_lapsed: '逾期未缴费，不再处理',
  withdrawn: '申请人已撤回',
  archived: '已归档',
})

/** Whose opinion is sought: a third party (第三十二条) or a co-producing agency (第三十四条). */
export type ConsultedParty = 'third_party' | 'agency'

/** How the answer was delivered (送达). */
export type DeliveryMethod = 'online_download' | 'post' | 'email' | 'in_person'

/** Labels of the delivery methods. */
export const DELIVERY_METHODS: Readonly<Record<DeliveryMethod, string>> = Object.freeze({
  online_download: '网上下载',
  post: '邮寄',
  email: '电子邮件',
  in_person: '当面领取',
})

/** How the applicant withdrew: online on the tracking page (with the 查询码), by letter, or in person. */
export type WithdrawalChannel = 'online' | 'letter' | 'in_person'

/** Labels of the withdrawal channels. */
export const WITHDRAWAL_CHANNELS: Readonly<Record<WithdrawalChannel, string>> = Object.freeze({
  online: '在查询页面网上撤回',
  letter: '以信函书面撤回',
  in_person: '当面撤回',
})

/** 行政复议 or 行政诉讼. */
export type RemedyKind = 'review' | 'litigation'

/** Outcome columns of table 四: 结果维持, 结果纠正, 其他结果, 尚未审结. */
export type RemedyOutcome = 'upheld' | 'corrected' | 'other' | 'pending'

/** Labels of the remedy outcomes as printed in table 四. */
export const REMEDY_OUTCOMES: Readonly<Record<RemedyOutcome, string>> = Object.freeze({
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
})

/** A 行政复议 or 行政诉讼 about the case; litigation records whether a 复议 came first (table 四's two litigation blocks). */
export interface Remedy {
  readonly kind: RemedyKind
  readonly filedOn: IsoDate
  /** Litigation only: 复议后起诉 (true) or 未经复议直接起诉 (false). */
  readonly afterReview: boolean
  readonly outcome: RemedyOutcome
  readonly decidedOn: IsoDate | null
}

export interface Consultation {
  readonly party: ConsultedParty
  readonly sentOn: IsoDate
  /** The consulted party's receipt of the 征求意见书: its reply period runs from here. */
  readonly deliveredOn: IsoDate
  readonly endedOn: IsoDate | null
  /** open; consents / objects (a reply); deemed (silence past the reply period: 第三十二条 agency decides, 第三十四条 consent). */
  readonly outcome: 'open' | 'consents' | 'objects' | 'deemed'
}

/** One 依申请公开 case as the rules see it; the requests module stores it and its events. */
export interface RequestCase {
  readonly status: CaseStatus
  readonly channel: ReceiptChannel
  readonly receipt: ReceiptFacts
  /** The regime in force on 收到申请之日; null until the receipt is confirmed. */
  readonly regime: RegimeId | null
  readonly receivedOn: IsoDate | null
  /** The date of the last case event: events are recorded in the order they took effect. */
  readonly lastEventOn: IsoDate
  /** The answer clock's events so far, as the calendar engine records them. */
  readonly clock: readonly ClockEvent[]
  readonly correction: { readonly requestedOn: IsoDate; readonly items: readonly string[]; readonly dueOn: IsoDate; readonly receivedOn: IsoDate | null } | null
  readonly consultations: readonly Consultation[]
  readonly extension: { readonly on: IsoDate; readonly workingDays: number; readonly approvedBy: string; readonly reason: string | null } | null
  /** 第三十五条: reasons requested and received, and the reasonable later date if one was set. */
  readonly article35: { readonly requestedOn: IsoDate; readonly reasonsReceivedOn: IsoDate | null; readonly laterDueOn: IsoDate | null } | null
  readonly fee: { readonly noticeOn: IsoDate; readonly amountYuan: number; readonly payBy: IsoDate; readonly paidOn: IsoDate | null } | null
  readonly decision: Decision | null
  readonly decidedOn: IsoDate | null
  readonly delivery: { readonly on: IsoDate; readonly method: DeliveryMethod } | null
  readonly archivedOn: IsoDate | null
  readonly remedies: readonly Remedy[]
}

/** What can happen to a case; every event carries the date it took effect (`on`). */
export type RequestEvent =
  | { readonly type: 'receipt_confirmed'; readonly on: IsoDate }
  | { readonly type: 'correction_requested'; readonly on: IsoDate; readonly items: readonly string[]; readonly dueOn: IsoDate }
  | { readonly type: 'correction_received'; readonly on: IsoDate }
  | { readonly type: 'correction_lapsed'; readonly on: IsoDate }
  | { readonly type: 'consultation_sent'; readonly on: IsoDate; readonly party: ConsultedParty; readonly deliveredOn?: IsoDate }
  | { readonly type: 'consultation_answered'; readonly on: IsoDate; readonly party: ConsultedParty; readonly opinion: 'consents' | 'objects' }
  | { readonly type: 'consultation_deemed'; readonly on: IsoDate; readonly party: ConsultedParty }
  | { readonly type: 'extension_granted'; readonly on: IsoDate; readonly workingDays: number; readonly approvedBy: string; readonly reason?: string | null }
  | { readonly type: 'reasons_requested'; readonly on: IsoDate }
  | { readonly type: 'reasons_received'; readonly on: IsoDate }
  | { readonly type: 'later_date_set'; readonly on: IsoDate; readonly dueOn: IsoDate }
  | { readonly type: 'fee_notice_sent'; readonly on: IsoDate; readonly amountYuan: number; readonly payBy: IsoDate }
  | { readonly type: 'fee_paid'; readonly on: IsoDate }
  | { readonly type: 'fee_lapsed'; readonly on: IsoDate }
  | { readonly type: 'decided'; readonly on: IsoDate; readonly decision: DecisionInput }
  | { readonly type: 'delivered'; readonly on: IsoDate; readonly method: DeliveryMethod }
  | { readonly type: 'archived'; readonly on: IsoDate }
  | { readonly type: 'withdrawn'; readonly on: IsoDate; readonly channel: WithdrawalChannel }
  | { readonly type: 'review_filed'; readonly on: IsoDate }
  | { readonly type: 'litigation_filed'; readonly on: IsoDate; readonly afterReview: boolean }
  | { readonly type: 'remedy_decided'; readonly on: IsoDate; readonly kind: RemedyKind; readonly outcome: Exclude<RemedyOutcome, 'pending'> }

/** The kinds of case events. */
export type RequestEventType = RequestEvent['type']

/** An accepted event: the new state, the clock events to record (in order) and notes for the case history. */
export type Transition =
  | { readonly ok: true; readonly state: RequestCase; readonly clockEvents: readonly ClockEvent[]; readonly notes: readonly string[] }
  | { readonly ok: false; readonly reason: string }

/** Registering an application: channel and the receipt facts known so far. */
export interface OpenCaseInput {
  readonly channel: ReceiptChannel
  readonly receipt: ReceiptFacts
  /** The day the case is registered (the first event's date when the receipt date is not known yet). */
  readonly registeredOn: IsoDate
}

const CLOSED: readonly CaseStatus[] = ['answered', 'delivered', 'deemed_withdrawn', 'fee_lapsed', 'withdrawn', 'archived']
const PAUSE_OF: Readonly<Record<ConsultedParty, PauseReason>> = { third_party: 'third_party_consultation', agency: 'agency_consultation' }
const PARTY_NAMES: Readonly<Record<ConsultedParty, string>> = { third_party: '征求第三方意见', agency: '征求其他机关意见' }

const refuse = (reason: string): Transition => ({ ok: false, reason })

/**
 * A new case from its channel and receipt facts: 办理中 with the clock started on 收到申请之日 when 第三十一条 fixes it,
 * else 待确认收到 (ordinary letter, fax, internet before the confirmation).
 */
export function openCase(input: OpenCaseInput): Transition {
  if (!isIsoDate(input.registeredOn)) return refuse(`登记日期应为真实日期，格式 YYYY-MM-DD（收到的是“${String(input.registeredOn)}”）`)
  const receipt = receiptDate(input.channel, input.receipt)
  if (receipt.status === 'invalid') return refuse(receipt.reason)
  const base: RequestCase = {
    status: 'awaiting_receipt',
    channel: input.channel,
    receipt: { ...input.receipt },
    regime: null,
    receivedOn: null,
    lastEventOn: input.registeredOn,
    clock: [],
    correction: null,
    consultations: [],
    extension: null,
    article35: null,
    fee: null,
    decision: null,
    decidedOn: null,
    delivery: null,
    archivedOn: null,
    remedies: [],
  }
  if (receipt.status === 'awaiting') return { ok: true, state: base, clockEvents: [], notes: [receipt.explanation] }
  return startClock(base, receipt.receivedOn, [receipt.explanation, ...receipt.notes])
}

function startClock(state: RequestCase, receivedOn: IsoDate, notes: string[]): Transition {
  let regime: RegimeId
  try {
    regime = regimeInForceOn(receivedOn).id as RegimeId
  } catch (error) {
    return refuse(error instanceof Error ? error.message : String(error))
  }
  const start: ClockEvent = { type: 'start', on: receivedOn }
  const lastEventOn = receivedOn > state.lastEventOn ? receivedOn : state.lastEventOn
  return { ok: true, state: { ...state, status: 'in_progress', regime, receivedOn, lastEventOn, clock: [start] }, clockEvents: [start], notes }
}

/**
 * Applies one event to a case. Refusals name the reason in Chinese (deciding a case that waits for 补正, a second
 * extension, an unknown disposition …) and the state is unchanged: the caller keeps the state it passed in.
 */
export function transition(state: RequestCase, event: RequestEvent, calendar: Calendar): Transition {
  const result = apply(state, event, calendar)
  if (!result.ok || result.state.lastEventOn >= event.on || event.type === 'review_filed' || event.type === 'litigation_filed' || event.type === 'remedy_decided') return result
  return { ...result, state: { ...result.state, lastEventOn: event.on } }
}

function apply(state: RequestCase, event: RequestEvent, calendar: Calendar): Transition {
  if (!event || typeof event !== 'object' || !isIsoDate(event.on)) return refuse(`事件日期应为真实日期，格式 YYYY-MM-DD（收到的是“${String(event?.on)}”）`)
  if (event.type === 'review_filed' || event.type === 'litigation_filed' || event.type === 'remedy_decided') return remedyTransition(state, event)
  if (event.on < state.lastEventOn) return refuse(`事件日期 ${event.on} 早于上一个事件（${state.lastEventOn}），请按时间顺序记录`)
  const rules = new Rules(state, calendar)
  switch (event.type) {
    case 'receipt_confirmed': {
      if (state.status !== 'awaiting_receipt') return refuse(state.receivedOn ? `已确定 ${state.receivedOn} 为收到申请之日，不需要再确认` : statusRefusal(state, '确认收到'))
      const receipt = receiptDate(state.channel, { ...state.receipt, confirmedOn: event.on })
      if (receipt.status !== 'received') return refuse(receipt.status === 'invalid' ? receipt.reason : receipt.explanation)
      return startClock({ ...state, receipt: { ...state.receipt, confirmedOn: event.on }, lastEventOn: event.on }, receipt.receivedOn, [receipt.explanation, ...receipt.notes])
    }

    case 'correction_requested': {
      if (state.correction) return refuse(`已于 ${state.correction.requestedOn} 告知补正；《政府信息公开条例》第三十条要求一次性告知，不能再次告知补正`)
      if (state.status !== 'in_progress') return refuse(statusRefusal(state, '告知补正'))
      const items = (event.items ?? []).map((item) => (typeof item === 'string' ? item.trim() : '')).filter((item) => item !== '')
      if (items.length === 0) return refuse('请列出需要补正的全部事项（《政府信息公开条例》第三十条：一次性告知，说明需要补正的事项）')
      if (!isIsoDate(event.dueOn) || event.dueOn <= event.on) return refuse('请给出晚于告知日期的补正期限（《政府信息公开条例》第三十条：说明合理的补正期限）')
      // 第三十条 "自收到申请之日起7个工作日内一次性告知": the 7 days bind the agency, not the applicant. A late notice is
      // recorded, not refused — refusing it would leave an unclear application with no lawful way to ask for the
      // missing items — and the lateness is kept as a note in the case history and on the clock panel
      // (补正告知期限 …（告知晚于期限）), where supervision (第四十七条) can see it. Test: lifecycle.test.ts "records a
      // 补正 notice sent after the 7 working days".
      return rules.withClock({ type: 'correction_requested', on: event.on }, (clockState, evaluation) => {
        const notes = evaluation?.correction.late ? [`告知补正的日期 ${event.on} 晚于第三十条规定的期限 ${evaluation.correction.noticeDueOn}（收到申请之日起7个工作日内）`] : []
        return { state: { ...clockState, status: 'awaiting_correction', correction: { requestedOn: event.on, items, dueOn: event.dueOn, receivedOn: null } }, notes }
      })
    }

    case 'correction_received': {
      if (state.status !== 'awaiting_correction' || !state.correction) return refuse(statusRefusal(state, '记录收到补正'))
      const late = event.on > state.correction.dueOn
      return rules.withClock({ type: 'restart', on: event.on }, (clockState) => ({
        state: { ...clockState, status: 'in_progress', correction: { ...state.correction!, receivedOn: event.on } },
        notes: [
          `${event.on} 收到补正，答复期限自收到补正的申请之日起重新计算（《政府信息公开条例》第三十条）`,
          ...(late ? [`补正晚于补正期限 ${state.correction!.dueOn}；受理逾期补正须有正当理由`] : []),
        ],
      }))
    }

    case 'correction_lapsed': {
      if (state.status !== 'awaiting_correction' || !state.correction) return refuse(statusRefusal(state, '记录逾期未补正'))
      if (event.on <= state.correction.dueOn) return refuse(`补正期限 ${state.correction.dueOn} 尚未届满，届满后才能视为放弃申请`)
      return rules.close(event.on, 'deemed_withdrawn', 'other_overdue_correction', '申请人无正当理由逾期不补正，视为放弃申请，行政机关不再处理（《政府信息公开条例》第三十条）')
    }

    case 'consultation_sent': {
      if (state.status !== 'in_progress' && state.status !== 'consulting') return refuse(statusRefusal(state, PARTY_NAMES[event.party] ?? '征求意见'))
      if (!(event.party in PAUSE_OF)) return refuse(`未知的征求意见对象“${String(event.party)}”`)
      if (state.consultations.some((consultation) => consultation.party === event.party && consultation.outcome === 'open')) return refuse(`${PARTY_NAMES[event.party]}尚未结束，不能重复发出`)
      const deliveredOn = event.deliveredOn ?? event.on
      if (!isIsoDate(deliveredOn)) return refuse(`征求意见书送达日期应为真实日期（收到的是“${String(deliveredOn)}”）`)
      return rules.withClock({ type: 'pause', on: event.on, reason: PAUSE_OF[event.party], ...(event.deliveredOn ? { deliveredOn } : {}) }, (clockState) => ({
        state: { ...clockState, status: 'consulting', consultations: [...state.consultations, { party: event.party, sentOn: event.on, deliveredOn, endedOn: null, outcome: 'open' }] },
        notes: [`${event.on} ${PARTY_NAMES[event.party]}，所需时间不计算在答复期限内（《政府信息公开条例》第三十三条第三款）`],
      }))
    }

    case 'consultation_answered':
    case 'consultation_deemed': {
      const index = state.consultations.findIndex((consultation) => consultation.party === event.party && consultation.outcome === 'open')
      if (state.status !== 'consulting' || index < 0) return refuse(`没有进行中的${PARTY_NAMES[event.party] ?? '征求意见'}`)
      let outcome: Consultation['outcome']
      let note: string
      if (event.type === 'consultation_answered') {
        if (event.opinion !== 'consents' && event.opinion !== 'objects') return refuse('请记录对方的意见：同意公开或不同意公开')
        outcome = event.opinion
        note = `${event.on} 收到${event.party === 'third_party' ? '第三方' : '被征求意见机关'}意见：${event.opinion === 'consents' ? '同意公开' : '不同意公开'}`
      } else {
        const replyDue = rules.replyDueOn(event.party, event.on)
        if (replyDue === undefined) return refuse(`${getRegime(state.regime!).title}没有规定${event.party === 'third_party' ? '第三方' : '被征求意见机关'}的答复期限，请记录其意见`)
        if (event.on <= replyDue) return refuse(`答复期限 ${replyDue} 尚未届满，届满后仍未提出意见的才能按逾期处理`)
        outcome = 'deemed'
        note =
          event.party === 'third_party'
            ? `第三方逾期（${replyDue}）未提出意见，由行政机关依照条例决定是否公开（《政府信息公开条例》第三十二条）`
            : `被征求意见机关逾期（${replyDue}）未提出意见，视为同意公开（《政府信息公开条例》第三十四条）`
      }
      const consultations = state.consultations.map((consultation, at) => (at === index ? { ...consultation, endedOn: event.on, outcome } : consultation))
      const stillOpen = consultations.some((consultation) => consultation.outcome === 'open')
      return rules.withClock({ type: 'resume', on: event.on, reason: PAUSE_OF[event.party] }, (clockState) => ({
        state: { ...clockState, status: stillOpen ? 'consulting' : 'in_progress', consultations },
        notes: [note],
      }))
    }

    case 'extension_granted': {
      if (state.extension) return refuse(`答复期限已于 ${state.extension.on} 延长，只能延长一次（《政府信息公开条例》第三十三条第二款）`)
      if (!['in_progress', 'consulting', 'awaiting_reasons'].includes(state.status)) return refuse(statusRefusal(state, '延期'))
      const approvedBy = typeof event.approvedBy === 'string' ? event.approvedBy.trim() : ''
      if (approvedBy === '') return refuse('延期须经政府信息公开工作机构负责人同意，请填写批准人（《政府信息公开条例》第三十三条第二款）')
      return rules.withClock({ type: 'extension', on: event.on, workingDays: event.workingDays }, (clockState) => ({
        state: { ...clockState, extension: { on: event.on, workingDays: event.workingDays, approvedBy, reason: typeof event.reason === 'string' && event.reason.trim() !== '' ? event.reason.trim() : null } },
        notes: [`${event.on} 经${approvedBy}同意，答复期限延长 ${event.workingDays} 个工作日，须告知申请人（《政府信息公开条例》第三十三条第二款）`],
      }))
    }

    case 'reasons_requested': {
      if (state.regime === 'cn-2007') return refuse('2007年《政府信息公开条例》没有要求申请人说明理由的规定（现行条例第三十五条自2019年5月15日起施行）')
      if (state.article35) return refuse(`已于 ${state.article35.requestedOn} 要求申请人说明理由`)
      if (state.status !== 'in_progress') return refuse(statusRefusal(state, '要求说明理由'))
      return rules.accept({ ...state, status: 'awaiting_reasons', article35: { requestedOn: event.on, reasonsReceivedOn: null, laterDueOn: null } }, [
        `${event.on} 申请数量、频次明显超过合理范围，要求申请人说明理由（《政府信息公开条例》第三十五条）`,
      ])
    }

    case 'reasons_received': {
      if (state.status !== 'awaiting_reasons' || !state.article35) return refuse(statusRefusal(state, '记录收到理由'))
      return rules.accept({ ...state, status: 'in_progress', article35: { ...state.article35, reasonsReceivedOn: event.on } }, [`${event.on} 收到申请人说明的理由`])
    }

    case 'later_date_set': {
      if (!state.article35?.reasonsReceivedOn || state.status !== 'in_progress') return refuse('确定延迟答复的合理期限前，须已要求并收到申请人说明的理由（《政府信息公开条例》第三十五条）')
      if (state.article35.laterDueOn) return refuse(`已确定延迟答复期限 ${state.article35.laterDueOn}`)
      const due = rules.evaluation(event.on).dueOn
      if (!isIsoDate(event.dueOn) || (due !== null && event.dueOn <= due)) return refuse(`延迟答复的期限应晚于第三十三条的答复期限${due ? ` ${due}` : ''}（《政府信息公开条例》第三十五条：无法在第三十三条规定的期限内答复的）`)
      return rules.accept({ ...state, article35: { ...state.article35, laterDueOn: event.dueOn } }, [
        `${event.on} 申请理由合理，确定延迟答复的合理期限至 ${event.dueOn}，须告知申请人（《政府信息公开条例》第三十五条）`,
      ])
    }

    case 'fee_notice_sent': {
      if (state.fee) return refuse(`已于 ${state.fee.noticeOn} 发出收费通知`)
      if (state.status !== 'in_progress') return refuse(statusRefusal(state, '发出收费通知'))
      if (typeof event.amountYuan !== 'number' || !Number.isFinite(event.amountYuan) || event.amountYuan <= 0) return refuse('收费金额应为大于零的数额（元）；不收费的不必发出收费通知')
      if (!isIsoDate(event.payBy) || event.payBy <= event.on) return refuse('请给出晚于通知日期的缴费期限')
      return rules.withClock({ type: 'pause', on: event.on, reason: 'fee_notice' }, (clockState) => ({
        state: { ...clockState, status: 'awaiting_fee', fee: { noticeOn: event.on, amountYuan: event.amountYuan, payBy: event.payBy, paidOn: null } },
        notes: [`${event.on} 发出收费通知，金额 ${event.amountYuan} 元，缴费期限至 ${event.payBy}（国办函〔2020〕109号）`],
      }))
    }

    case 'fee_paid': {
      if (state.status !== 'awaiting_fee' || !state.fee) return refuse(statusRefusal(state, '记录缴费'))
      return rules.withClock({ type: 'resume', on: event.on, reason: 'fee_notice' }, (clockState) => ({
        state: { ...clockState, status: 'in_progress', fee: { ...state.fee!, paidOn: event.on } },
        notes: [`${event.on} 申请人缴纳信息处理费`],
      }))
    }

    case 'fee_lapsed': {
      if (state.status !== 'awaiting_fee' || !state.fee) return refuse(statusRefusal(state, '记录逾期未缴费'))
      if (event.on <= state.fee.payBy) return refuse(`缴费期限 ${state.fee.payBy} 尚未届满`)
      return rules.close(event.on, 'fee_lapsed', 'other_overdue_fee', '申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请（国办函〔2020〕109号）')
    }

    case 'decided': {
      if (state.status !== 'in_progress' && state.status !== 'awaiting_reasons') return refuse(statusRefusal(state, '作出答复'))
      const check = validateDecision(event.decision ?? { code: '' })
      if (!check.ok) return refuse(check.reason)
      const { decision } = check
      if (state.status === 'awaiting_reasons' && decision.code !== 'not_processed_unreasonable_volume') {
        return refuse('正在等待申请人说明理由；此时只能告知不予处理（《政府信息公开条例》第三十五条），或先记录收到理由')
      }
      if (decision.code === 'not_processed_unreasonable_volume' && !state.article35) return refuse('以“无正当理由大量反复申请”不予处理前，须先要求申请人说明理由（《政府信息公开条例》第三十五条）')
      if (decision.code === 'unable_unclear_after_correction' && !state.correction?.receivedOn) return refuse('“补正后申请内容仍不明确”须先告知补正并收到补正（《政府信息公开条例》第三十条）')
      return rules.withClock({ type: 'stop', on: event.on }, (clockState) => ({
        state: { ...clockState, status: 'answered', decision, decidedOn: event.on },
        notes: [`${event.on} 作出答复：${dispositionRule(decision.code).label}`],
      }))
    }

    case 'delivered': {
      if (state.status !== 'answered') return refuse(statusRefusal(state, '记录送达'))
      if (!(event.method in DELIVERY_METHODS)) return refuse(`未知的送达方式“${String(event.method)}”，请选择${Object.values(DELIVERY_METHODS).join('、')}之一`)
      return rules.accept({ ...state, status: 'delivered', delivery: { on: event.on, method: event.method } }, [`${event.on} ${DELIVERY_METHODS[event.method]}送达`])
    }

    case 'withdrawn': {
      // The 条例 has no article on withdrawal: an application is the applicant's to withdraw until it is answered
      // (an answer already given is an administrative act the withdrawal cannot undo). The 2021 format has no row for
      // it, so it is （六）其他处理 3 其他 (regulation.md §1.6: "anything else"), the 2019 trial format's single
      // 其他处理 row, and the 2014-era residual row (rules/dispositions.ts legacyAnswerCell).
      if (!isOpenCase(state)) return refuse(statusRefusal(state, '撤回申请'))
      if (!(event.channel in WITHDRAWAL_CHANNELS)) return refuse(`未知的撤回方式“${String(event.channel)}”，请选择${Object.values(WITHDRAWAL_CHANNELS).join('、')}之一`)
      const decision: Decision = { code: 'other', answerForm: null, reasons: '申请人撤回申请', withheld: null, thirdPartyInterest: null, responsibleAgency: null }
      const note = `${event.on} 申请人撤回申请（${WITHDRAWAL_CHANNELS[event.channel]}），终止办理；年度报告计入“其他处理 3.其他”`
      // Not yet received (第三十一条): no clock runs and the case is counted nowhere; it just closes.
      if (!state.regime || state.clock.length === 0) return rules.accept({ ...state, status: 'withdrawn', decision, decidedOn: event.on }, [note])
      return rules.withClock({ type: 'stop', on: event.on }, (clockState) => ({ state: { ...clockState, status: 'withdrawn', decision, decidedOn: event.on }, notes: [note] }))
    }

    case 'archived': {
      if (!['delivered', 'deemed_withdrawn', 'fee_lapsed', 'withdrawn'].includes(state.status)) return refuse(state.status === 'answered' ? '请先记录答复的送达，再归档' : statusRefusal(state, '归档'))
      return rules.accept({ ...state, status: 'archived', archivedOn: event.on }, [`${event.on} 归档`])
    }

    default:
      return refuse(`未知的事件类型“${String((event as { type?: unknown }).type)}”`)
  }
}

/** 行政复议 / 行政诉讼: recorded against the case in any state once it has a receipt date; they never change its status. */
function remedyTransition(state: RequestCase, event: Extract<RequestEvent, { type: 'review_filed' | 'litigation_filed' | 'remedy_decided' }>): Transition {
  if (!state.receivedOn) return refuse('尚未确定收到申请之日，不能记录行政复议或行政诉讼')
  if (event.on < state.receivedOn) return refuse(`日期 ${event.on} 早于收到申请之日 ${state.receivedOn}`)
  const accept = (remedies: Remedy[], note: string): Transition => ({ ok: true, state: { ...state, remedies }, clockEvents: [], notes: [note] })
  switch (event.type) {
    case 'review_filed':
      return accept([...state.remedies, { kind: 'review', filedOn: event.on, afterReview: false, outcome: 'pending', decidedOn: null }], `${event.on} 申请人申请行政复议`)
    case 'litigation_filed': {
      if (typeof event.afterReview !== 'boolean') return refuse('请说明是否经过行政复议后起诉')
      if (event.afterReview && !state.remedies.some((remedy) => remedy.kind === 'review' && remedy.filedOn <= event.on)) return refuse('没有记录此前的行政复议，不能记为“复议后起诉”')
      return accept([...state.remedies, { kind: 'litigation', filedOn: event.on, afterReview: event.afterReview, outcome: 'pending', decidedOn: null }], `${event.on} 申请人提起行政诉讼（${event.afterReview ? '复议后起诉' : '未经复议直接起诉'}）`)
    }
    case 'remedy_decided': {
      if (!['upheld', 'corrected', 'other'].includes(event.outcome)) return refuse('结果应为维持、纠正或其他')
      const index = state.remedies.findIndex((remedy) => remedy.kind === event.kind && remedy.outcome === 'pending')
      if (index < 0) return refuse(`没有尚未审结的${event.kind === 'review' ? '行政复议' : '行政诉讼'}`)
      const remedy = state.remedies[index]!
      if (event.on < remedy.filedOn) return refuse(`审结日期 ${event.on} 早于${event.kind === 'review' ? '申请复议' : '起诉'}日期 ${remedy.filedOn}`)
      return accept(
        state.remedies.map((candidate, at) => (at === index ? { ...candidate, outcome: event.outcome, decidedOn: event.on } : candidate)),
        `${event.on} ${event.kind === 'review' ? '行政复议' : '行政诉讼'}审结：${REMEDY_OUTCOMES[event.outcome]}`,
      )
    }
  }
}

function statusRefusal(state: RequestCase, action: string): string {
  switch (state.status) {
    case 'awaiting_receipt':
      return `尚未确认收到申请（《政府信息公开条例》第三十一条），不能${action}`
    case 'awaiting_correction':
      return `案件正在等待申请人补正（补正期限至 ${state.correction?.dueOn}），不能${action}；收到补正后再办理，逾期未补正的记录“逾期未补正”`
    case 'consulting':
      return `正在${state.consultations.filter((consultation) => consultation.outcome === 'open').map((consultation) => PARTY_NAMES[consultation.party]).join('、')}，不能${action}；请先记录意见，或答复期限届满后按逾期处理`
    case 'awaiting_reasons':
      return `正在等待申请人说明理由（《政府信息公开条例》第三十五条），不能${action}`
    case 'awaiting_fee':
      return `已发出收费通知（缴费期限至 ${state.fee?.payBy}），不能${action}；请先记录缴费或逾期未缴费`
    case 'answered':
    case 'delivered':
      return `案件已于 ${state.decidedOn} 答复，不能${action}`
    case 'deemed_withdrawn':
    case 'fee_lapsed':
    case 'withdrawn':
      return `案件已于 ${state.decidedOn} 终止办理（${CASE_STATUS_LABELS[state.status]}），不能${action}`
    case 'archived':
      return `案件已于 ${state.archivedOn} 归档，不能${action}`
    default:
      return `案件当前状态为“${CASE_STATUS_LABELS[state.status]}”，不能${action}`
  }
}

/** Helpers bound to one state and calendar: the clock checks every event before it becomes part of the state. */
class Rules {
  constructor(
    private readonly state: RequestCase,
    private readonly calendar: Calendar,
  ) {}

  accept(next: RequestCase, notes: string[], clockEvents: ClockEvent[] = []): Transition {
    return { ok: true, state: next, clockEvents, notes }
  }

  /** Checks the clock event with the calendar engine, then builds the next state on the extended clock. */
  withClock(
    clockEvent: ClockEvent,
    build: (state: RequestCase, evaluation: ReturnType<typeof evaluateClock> | null) => { state: RequestCase; notes: string[] },
  ): Transition {
    if (!this.state.regime || this.state.clock.length === 0) return refuse('尚未确认收到申请，答复期限尚未起算')
    const regime = getRegime(this.state.regime)
    const check = checkClockEvent(this.state.clock, clockEvent, regime, this.calendar)
    if (!check.ok) return refuse(check.reason)
    const clock = [...this.state.clock, clockEvent]
    const evaluation = evaluateClock(clock, regime, this.calendar, clockEvent.on)
    const built = build({ ...this.state, clock }, evaluation)
    return this.accept(built.state, built.notes, [clockEvent])
  }

  /** Ends the case without an answer letter (视为放弃, 逾期未缴费): the disposition is fixed and the clock stops. */
  close(on: IsoDate, status: 'deemed_withdrawn' | 'fee_lapsed', code: DispositionCode, note: string): Transition {
    const decision: Decision = { code, answerForm: null, reasons: null, withheld: null, thirdPartyInterest: null, responsibleAgency: null }
    return this.withClock({ type: 'stop', on }, (state) => ({ state: { ...state, status, decision, decidedOn: on }, notes: [note] }))
  }

  evaluation(asOf: IsoDate) {
    return evaluateClock(this.state.clock, getRegime(this.state.regime!), this.calendar, asOf)
  }

  /** Last day of the open consultation's reply period, or undefined when the regime sets none. */
  replyDueOn(party: ConsultedParty, asOf: IsoDate): IsoDate | undefined {
    const sub = this.evaluation(asOf).consultations.findLast((candidate) => candidate.reason === PAUSE_OF[party])
    return sub?.dueOn ?? undefined
  }
}

/** True while the case can still be decided (not answered, closed or archived). */
export function isOpenCase(state: RequestCase): boolean {
  return !CLOSED.includes(state.status)
}

/**
 * The day the answer is due: the clock's due date, or the 第三十五条 later date when one was set (that date replaces
 * the 第三十三条 period; the calendar's clock has no event for it, so the case carries it). Null before receipt.
 */
export function answerDueOn(state: RequestCase, calendar: Calendar, asOf: IsoDate): IsoDate | null {
  if (!state.regime || state.clock.length === 0) return null
  const laterDueOn = state.article35?.laterDueOn ?? null
  if (laterDueOn) return laterDueOn
  const last = state.clock.at(-1)!.on
  return evaluateClock(state.clock, getRegime(state.regime), calendar, asOf > last ? asOf : last).dueOn
}

/** Whether a decided case was answered on time (the 第三十五条 later date counts when set); null while undecided. */
export function answeredOnTime(state: RequestCase, calendar: Calendar): boolean | null {
  if (!state.decidedOn || !state.regime) return null
  const due = answerDueOn(state, calendar, state.decidedOn)
  return due === null ? true : state.decidedOn <= due
}
