/**
 * The letters a step sends (条例: the applicant is told of the receipt, 补正, consultation, extension, 第三十五条, fees,
 * the answer). Built by the documents module from the case, kept SM4-sealed in request_documents (they carry the
 * applicant's name): the issued text is a legal record, so the rendered HTML is kept as issued, with the letter model
 * for the DOCX. Written in the transaction of the step.
 */
import { renderToString } from 'preact-render-to-string'
import type { Executor, Trx } from '../../database.ts'
import { findDisclosureSettings } from '../guide/index.ts'
import type { FieldCipher } from '../../platform/crypto/sm.ts'
import { currentCalendar, evaluateClock, findClock, getRegime, type ClockEvaluation } from '../calendar/index.ts'
import { findOrganisation, type Organisation } from '../orgs/index.ts'
import { openApplicant } from './applicant-privacy.ts'
import {
  answerLetter, chineseDate, consultationNoticeLetter, correctionNoticeLetter, extensionNoticeLetter, feeNoticeLetter, LetterView, receiptLetter, thirdPartyConsultationLetter,
  volumeLaterDateLetter, volumeReasonsRequestLetter, type DispositionInput, type Letter,
} from './documents/index.ts'
import type { AnswerFacts } from './answer-facts.ts'
import { formatQueryCode } from './query-code.ts'
import { CLOCK_SUBJECT, type RequestsContext } from './requests.context.ts'
import { applicantOf, documentsOf, findCase, insertDocument, type CaseDocument, type RequestCase } from './requests.repository.ts'
import { dispositionRule, type Decision, type ReceiptChannel, type RequestCase as CaseState, type RequestEvent } from './rules/index.ts'

/** Where applicants follow their case (printed on the receipt). */
export const TRACKING_PATH = '/xxgk/ysqgk/chaxun'

// [M] The bodies named in the remedies paragraph. 行政复议法 (2023) 第二十四条: the 县级 人民政府 hears complaints
// against its departments; the court with jurisdiction varies with local 集中管辖 arrangements — confirm locally.
function remedyBodies(regionName: string) {
  return { reviewBody: `${regionName}人民政府`, court: `${regionName}人民法院` }
}


/** Letters of one step, with what they are for. */
export interface PlannedLetter {
  letter: Letter
  forApplicant: boolean
}

/** What the step form added for the letters (free text the rules do not keep). */
export interface LetterExtras extends AnswerFacts {
  /** The unit's phone / address typed on the step form because its 指南 gives none (printed in this step's letters). */
  unitPhone?: string
  unitAddress?: string
  guidance?: string
  submitTo?: string
  thirdParty?: string
  harm?: string
  agencies?: string[]
  extensionReason?: string
  volumeFacts?: string
  whyLater?: string
  paymentMethod?: string
  /** The payment period the fee notice's 缴费期限 was computed with (the 公开办's setting, fee-settings.ts). */
  paymentWorkingDays?: number
  feeLines?: { from: number; to: number; units: number; yuanEach: number; yuan: number }[]
  feeMethod?: { kind: 'per_application'; month: string; applicationsInMonth: number } | { kind: 'per_page'; pages: number; form: 'paper' | 'email' | 'electronic_copy' }
}

interface LetterContext {
  record: RequestCase
  state: CaseState
  unit: Organisation
  regionName: string
  applicantName: string
  today: string
  clock: ClockEvaluation | null
  /** The due date before this step (the extension notice prints it). */
  beforeDueOn: string | null
  serial: number
  feeNotice: IssuedFeeNotice | null
  contact: UnitContact
}

/**
 * The unit's contact as its 政府信息公开指南 states it (条例 第十二条: 工作机构的名称、办公地址、联系电话), else the unit's
 * own record; a detail known from neither is left out of the letter (never a stand-in). The case page says which
 * are missing and links to the 指南 settings (unitContactGaps).
 */
export interface UnitContact { office: string | null; phone: string | null; address: string | null }

export async function unitContact(db: Executor, unit: Organisation): Promise<UnitContact> {
  const guide = await findDisclosureSettings(db, unit.id)
  const known = (...values: (string | null | undefined)[]) => values.map((v) => v?.trim()).find((v) => v) ?? null
  const office = known(guide?.officeName)
  return { office: office && office !== unit.name ? office : null, phone: known(guide?.phone, unit.phone), address: known(guide?.address, unit.address) }
}

/** The 指南's contact, completed by what the step form asked for where the 指南 gives nothing. */
function withTyped(contact: UnitContact, extras: LetterExtras): UnitContact {
  return { ...contact, phone: contact.phone ?? (extras.unitPhone?.trim() || null), address: contact.address ?? (extras.unitAddress?.trim() || null) }
}

/** The contact details a letter would leave out, in Chinese (for the case page's warning). */
export function unitContactGaps(contact: UnitContact): string[] {
  return [contact.phone ? null : '联系电话', contact.address ? null : '办公地址'].filter((x): x is string => x !== null)
}

function issuingUnit(c: LetterContext) {
  const { office, phone, address } = c.contact
  return { name: c.unit.name, ...(office ? { office } : {}), ...(phone ? { phone } : {}), ...(address ? { address } : {}) }
}

/** "区发展改革委办公室（开州大道中段233号；电话 023-52222196）": the office and the contact details that are known. */
function replyPlace(c: LetterContext): string {
  const details = [c.contact.address, c.contact.phone ? `电话 ${c.contact.phone}` : null].filter(Boolean).join('；')
  return `${c.contact.office ?? c.unit.name}${details ? `（${details}）` : ''}`
}

function docNo(c: LetterContext, kind: string): string {
  return `${c.unit.shortName || c.unit.name}依申${kind}〔${c.today.slice(0, 4)}〕${c.record.id}-${c.serial}号`
}

function base(c: LetterContext, kind: string) {
  return {
    unit: issuingUnit(c), docNo: docNo(c, kind), writtenOn: c.today, applicant: { name: c.applicantName },
    request: { receivedOn: c.state.receivedOn ?? c.record.submittedOn, description: requestText(c.record) },
  }
}

function requestText(r: RequestCase): string {
  return [r.informationName, r.docNo ? `（${r.docNo}）` : '', r.description ? `${r.informationName ? '：' : ''}${r.description}` : ''].join('').slice(0, 2000) || '（未填写）'
}

function deadline(c: LetterContext) {
  const dueOn = c.clock?.dueOn ?? c.today
  return { dueOn, explanation: (c.clock?.trace.summary ?? `答复期限为 ${dueOn}`).slice(0, 400) }
}

/** A fact the letter states; the step form made sure it was entered (answer-facts.ts, case-steps.ts), so a gap here is a bug, never a placeholder. */
function fact(value: string | null | undefined, what: string): string {
  if (!value?.trim()) throw new Error(`答复书缺少${what}`)
  return value.trim()
}

/** The fee notice issued on this case (its real 发文字号 and date), for the 逾期未缴费 answer. */
export interface IssuedFeeNotice { docNo: string; writtenOn: string }

/**
 * The documents module's disposition input, from the rules' validated decision and the facts the decision form
 * asked for (answer-facts.ts). Every sentence states an entered or recorded fact.
 */
export function dispositionInput(decision: Decision, state: CaseState, extras: LetterExtras, feeNotice: IssuedFeeNotice | null = null): DispositionInput {
  const reason = () => fact(decision.reasons, '理由或说明')
  const how = () => fact(extras.howProvided, '提供或获取的方式')
  const basis = () => [{ law: fact(extras.basisLaw, '依据的法律、法规名称'), provision: fact(extras.basisProvision, '依据的条款') }]
  switch (decision.code) {
    case 'granted':
      return decision.answerForm === 'already_published'
        ? { code: 'granted', route: { kind: 'already_published', howToObtain: how() } }
        : { code: 'granted', route: { kind: 'provided', howProvided: how() } }
    case 'partial': {
      const parts = extras.withheldParts ?? []
      if (!parts.length) throw new Error('答复书缺少不予公开的部分')
      return { code: 'partial', provided: fact(extras.provided, '提供的信息内容'), howProvided: how(), withheld: parts.map((p) => ({ part: p.part, grounds: [...p.grounds], reason: p.reason })) }
    }
    case 'denied_law_forbidden': return { code: decision.code, reason: reason(), prohibitingLaw: basis() }
    case 'denied_state_secret': case 'denied_three_safety_one_stability': case 'denied_third_party': case 'denied_internal_affairs':
    case 'denied_process_information': case 'denied_enforcement_file': case 'unable_needs_creation':
      return { code: decision.code, reason: reason() }
    case 'denied_administrative_query': return { code: decision.code, specialRules: reason(), howToObtain: how() }
    case 'unable_not_held':
      return decision.answerForm === 'not_this_agency'
        ? { code: decision.code, route: { kind: 'not_this_agency', reason: reason(), agency: decision.responsibleAgency ? { name: decision.responsibleAgency.name, contact: decision.responsibleAgency.contact } : null } }
        : { code: decision.code, route: { kind: 'not_exist', search: reason() } }
    case 'unable_unclear_after_correction':
      return { code: decision.code, correctionNoticeOn: state.correction!.requestedOn, correctedOn: state.correction!.receivedOn!, reason: reason() }
    case 'not_processed_petition': return { code: decision.code, reason: reason(), channel: extras.howProvided?.trim() || null }
    case 'not_processed_repeated': return { code: decision.code, previousAnswerOn: fact(extras.previousAnswerOn, '已作答复的日期'), previousDocNo: fact(extras.previousDocNo, '已作答复的发文字号') }
    case 'not_processed_publication': return { code: decision.code, publication: reason(), howToObtain: how() }
    case 'not_processed_unreasonable_volume':
      return { code: decision.code, askedOn: state.article35!.requestedOn, applicantResponse: fact(extras.applicantResponse, '申请人说明理由的情况'), assessment: reason() }
    case 'not_processed_confirm_or_reissue': return { code: decision.code, reason: reason(), legalBasis: basis() }
    case 'other_overdue_correction': return { code: decision.code, correctionNoticeOn: state.correction!.requestedOn, correctionDueOn: state.correction!.dueOn }
    case 'other_overdue_fee': {
      if (!feeNotice) throw new Error('答复书缺少本案收费通知书的发文字号')
      return { code: decision.code, feeNoticeOn: feeNotice.writtenOn, feeNoticeDocNo: feeNotice.docNo, amount: Math.round(state.fee!.amountYuan), paymentDueOn: state.fee!.payBy }
    }
    case 'other': return { code: decision.code, statement: reason(), legalBasis: basis() }
  }
}

/** The letters an event sends. */
function plan(c: LetterContext, event: RequestEvent | { type: 'registered' }, extras: LetterExtras): PlannedLetter[] {
  switch (event.type) {
    case 'registered':
    case 'receipt_confirmed':
      if (!c.state.receivedOn) return []
      return [{ forApplicant: true, letter: receiptLetter({
        ...base(c, '受'), docNo: null, channel: c.record.channel as ReceiptChannel, answerDeadline: deadline(c), queryCode: formatQueryCode(c.record.queryCode),
        fingerprint: c.record.fingerprint, trackingUrl: TRACKING_PATH,
      }) }]
    case 'correction_requested':
      return [{ forApplicant: true, letter: correctionNoticeLetter({
        ...base(c, '补'), items: [...event.items], guidance: extras.guidance || '请按上述事项补充或者说明所需政府信息的名称、文号或者其他特征性描述。',
        // The letter prints 请您于<date>（<explanation>）前: the explanation says where the date comes from, once.
        correctionDeadline: { dueOn: event.dueOn, explanation: `本机关于${chineseDate(event.on)}确定的补正期限` },
        submitTo: extras.submitTo || `向${replyPlace(c)}提交，或通过本网站查询页面联系`,
      }) }]
    case 'consultation_sent': {
      const out: PlannedLetter[] = []
      if (event.party === 'third_party') {
        out.push({ forApplicant: false, letter: thirdPartyConsultationLetter({
          unit: issuingUnit(c), docNo: docNo(c, '征'), writtenOn: c.today, thirdParty: fact(extras.thirdParty, '第三方名称或姓名'), receivedOn: c.state.receivedOn!,
          description: requestText(c.record), harm: fact(extras.harm, '公开可能损害第三方合法权益的情形'), replyTo: `向${replyPlace(c)}书面提交`,
        }) })
      }
      out.push({ forApplicant: true, letter: consultationNoticeLetter({
        ...base(c, '告'),
        consulted: event.party === 'third_party' ? { kind: 'third_party' } : { kind: 'agencies', agencies: extras.agencies?.length ? extras.agencies : [fact(undefined, '被征求意见机关')] },
        consultedOn: event.on, workingDaysUsed: c.clock?.workingDaysUsed ?? 0, workingDaysLeft: c.clock?.workingDaysRemaining ?? 0,
      }) })
      return out
    }
    case 'extension_granted':
      return [{ forApplicant: true, letter: extensionNoticeLetter({
        ...base(c, '延'), originalDueOn: originalDue(c), extraWorkingDays: event.workingDays, reason: fact(event.reason || extras.extensionReason, '延期理由'),
        approvedOn: event.on, newDeadline: deadline(c),
      }) }]
    case 'reasons_requested':
      return [{ forApplicant: true, letter: volumeReasonsRequestLetter({
        ...base(c, '理'), volumeFacts: fact(extras.volumeFacts, '申请的数量、频次情况'),
        replyDeadline: deadline(c), replyTo: `向${replyPlace(c)}提交`,
      }) }]
    case 'later_date_set':
      return [{ forApplicant: true, letter: volumeLaterDateLetter({
        ...base(c, '迟'), askedOn: c.state.article35!.requestedOn, reasonsGivenOn: c.state.article35!.reasonsReceivedOn!, whyLater: fact(extras.whyLater, '无法在法定期限内答复的原因'),
        newDeadline: { dueOn: event.dueOn, explanation: `经审查申请理由合理，确定延迟答复的合理期限至 ${event.dueOn}（《政府信息公开条例》第三十五条）。` },
      }) }]
    case 'fee_notice_sent': {
      const amount = Math.round(event.amountYuan)
      return [{ forApplicant: true, letter: feeNoticeLetter({
        ...base(c, '费'), method: extras.feeMethod ?? { kind: 'per_application', month: event.on.slice(0, 7), applicationsInMonth: 1 },
        lines: extras.feeLines ?? [{ from: 1, to: 1, units: 1, yuanEach: amount, yuan: amount }], total: amount,
        paymentMethod: fact(extras.paymentMethod, '缴费方式'),
        paymentDeadline: { dueOn: event.payBy, explanation: extras.paymentWorkingDays ? `自收到本通知之次日起算${extras.paymentWorkingDays}个工作日` : '缴费期限' },
      }) }]
    }
    case 'decided':
    case 'correction_lapsed':
    case 'fee_lapsed': {
      const decision = c.state.decision!
      return [{ forApplicant: true, letter: answerLetter({
        ...base(c, '复'), correctedOn: c.state.correction?.receivedOn ?? null, disposition: dispositionInput(decision, c.state, extras, c.feeNotice),
        remedies: remedyBodies(c.regionName),
      }) }]
    }
    default:
      return []
  }
}

function originalDue(c: LetterContext): string {
  return c.beforeDueOn ?? c.clock?.dueOn ?? c.today
}

/**
 * Builds and stores the letters of one step (none when the step informs nobody). `beforeClock` is the clock as
 * it stood before the step where a letter needs the earlier due date (the extension notice).
 */
export async function issueLetters(trx: Trx, ctx: RequestsContext, caseId: number, eventId: number, event: RequestEvent | { type: 'registered' }, extras: LetterExtras = {}, beforeDueOn?: string | null): Promise<number> {
  const record = (await findCase(trx, caseId))!
  const unit = (await findOrganisation(trx, record.organisationId))!
  const region = await trx.selectFrom('regions').select('name').where('id', '=', unit.regionId).executeTakeFirst()
  const applicant = (await applicantOf(trx, caseId))!
  const tracked = await findClock(trx, CLOCK_SUBJECT, String(caseId))
  const calendar = (await currentCalendar(trx))?.calendar
  const today = ctx.clock.today()
  let clock: ClockEvaluation | null = null
  if (tracked && calendar) {
    const last = tracked.events.at(-1)?.on ?? today
    clock = evaluateClock(tracked.events, getRegime(tracked.regime), calendar, last > today ? last : today)
  }
  const existing = await trx.selectFrom('request_documents').select((eb) => eb.fn.countAll<string>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow()
  const c: LetterContext = {
    record, state: record.rulesState as unknown as CaseState, unit, regionName: region?.name ?? '', applicantName: openApplicant(ctx.cipher, applicant).name, today, clock,
    beforeDueOn: beforeDueOn ?? null, serial: Number(existing.n) + 1, feeNotice: event.type === 'fee_lapsed' ? await issuedFeeNotice(trx, ctx.cipher, caseId) : null,
    contact: withTyped(await unitContact(trx, unit), extras),
  }
  const letters = plan(c, event, extras)
  let n = 0
  for (const { letter, forApplicant } of letters) {
    await insertDocument(trx, {
      caseId, eventId, kind: letter.kind, title: letter.title, forApplicant, issuedOn: today,
      model: { sealed: ctx.cipher.encrypt(JSON.stringify(letter)) }, html: ctx.cipher.encrypt(renderToString(<LetterView letter={letter} titleLevel={2} />)),
    })
    n++
  }
  return n
}

async function issuedFeeNotice(trx: Trx, cipher: FieldCipher, caseId: number): Promise<IssuedFeeNotice | null> {
  const notice = (await documentsOf(trx, caseId)).filter((d) => d.kind === 'fee_notice').at(-1)
  if (!notice) return null
  const { letter } = openLetter(cipher, notice)
  return letter.docNo ? { docNo: letter.docNo, writtenOn: letter.signature?.date ?? notice.issuedOn } : null
}

/** The stored letter of a document, unsealed. */
export function openLetter(cipher: FieldCipher, document: CaseDocument): { letter: Letter; html: string } {
  return { letter: JSON.parse(cipher.decrypt(String(document.model.sealed))) as Letter, html: cipher.decrypt(document.html) }
}

export { dispositionRule }
