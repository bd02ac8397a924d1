/**
 * The step forms of a case page, as data: which steps a status offers, the fields each asks for, and how the form
 * becomes a lifecycle event (rules/lifecycle.ts decides whether it is allowed). Field messages say what to do.
 */
import { dateField, isRealDate } from '../../platform/http/forms.ts'
import type { FieldMessage } from '../../platform/http/errors.ts'
import type { Actor } from '../orgs/index.ts'
import { checkAnswerFacts, combinedWithheld, type AnswerFacts, type WithheldPartFacts } from './answer-facts.ts'
import type { LetterExtras } from './issue-letters.tsx'
import type { FeeNoticeForm } from './prepare-fee-notice.ts'
import { ID_TYPES } from './requests.forms.ts'
import { canOnCase } from './requests.policy.ts'
import { isOpenCase } from './rules/index.ts'
import {
  ANSWER_FORMS, DELIVERY_METHODS, PROVISION_FORMS, DISPOSITIONS, DISPOSITION_GROUPS, dispositionRule, type DispositionCode, REMEDY_OUTCOMES, WITHDRAWAL_CHANNELS, type RequestCase as CaseState, type RequestEvent, type RequestEventType,
} from './rules/index.ts'

export type FieldKind = 'date' | 'text' | 'textarea' | 'select' | 'checkboxes' | 'number' | 'withheldRows'

export interface StepField {
  name: string
  label: string
  kind: FieldKind
  hint?: string
  required?: boolean
  options?: { value: string; label: string }[]
}

export interface StepDefinition {
  type: RequestEventType
  /** Button and heading. */
  label: string
  /** What the step means, with its article. */
  explanation: string
  fields: StepField[]
  /** Whether the step sends a letter to the applicant. */
  informsApplicant: boolean
}

const on = (label = '日期'): StepField => ({ name: 'on', label, kind: 'date', hint: '格式 YYYY-MM-DD，填写实际发生的日期', required: true })
const partyOptions = [{ value: 'third_party', label: '第三方（第三十二条）' }, { value: 'agency', label: '其他行政机关（第三十四条）' }]

const decisionOptions = DISPOSITIONS.filter((d) => !d.byEventOnly).map((d) => ({ value: d.code, label: `${DISPOSITION_GROUPS[d.group].replace(/（区分处理.*）$/, '')}：${d.label}` }))

/**
 * The step forms by event type. Partial on purpose: an event type gets a form only when staff record it by hand, so
 * a new lifecycle event (one recorded by a job, or by the applicant on the tracking page) needs no entry here.
 */
export const STEPS: { readonly [T in RequestEventType]?: StepDefinition & { readonly type: T } } = {
  receipt_confirmed: { type: 'receipt_confirmed', label: '确认收到申请', explanation: '与申请人确认收到申请；确认之日为收到申请之日，答复期限从此起算（《政府信息公开条例》第三十一条）。', fields: [on('确认日期')], informsApplicant: true },
  correction_requested: {
    type: 'correction_requested', label: '告知补正', explanation: '申请内容不明确的，自收到申请之日起 7 个工作日内一次性告知补正事项和合理的补正期限（第三十条）。只能告知一次。', informsApplicant: true,
    fields: [on('告知日期'), { name: 'items', label: '需要补正的事项（每行一项）', kind: 'textarea', required: true }, { name: 'dueOn', label: '补正期限', kind: 'date', required: true, hint: '申请人应在此日期前提交补正' },
      { name: 'guidance', label: '指导和释明（选填）', kind: 'textarea' }],
  },
  correction_received: { type: 'correction_received', label: '收到补正', explanation: '答复期限自收到补正的申请之日起重新计算（第三十条）。', fields: [on('收到补正日期')], informsApplicant: false },
  correction_lapsed: { type: 'correction_lapsed', label: '逾期未补正', explanation: '补正期限届满，申请人无正当理由未补正的，视为放弃申请（第三十条；其他处理 1）。', fields: [on('记录日期')], informsApplicant: true },
  consultation_sent: {
    type: 'consultation_sent', label: '征求意见', explanation: '征求第三方（第三十二条，15 个工作日）或其他机关（第三十四条，15 个工作日，逾期视为同意）意见；所需时间不计入答复期限（第三十三条第三款）。', informsApplicant: true,
    fields: [on('发出征求意见书日期'), { name: 'party', label: '征求谁的意见', kind: 'select', options: partyOptions, required: true },
      { name: 'deliveredOn', label: '对方收到征求意见书日期（选填）', kind: 'date', hint: '不填则按发出当日计算对方的答复期限' },
      { name: 'thirdParty', label: '第三方名称或姓名（征求第三方意见时填写）', kind: 'text', hint: '写在征求意见书的主送位置' }, { name: 'harm', label: '公开可能损害第三方合法权益的情形（征求第三方意见时填写）', kind: 'textarea' },
      { name: 'agencies', label: '被征求意见机关（每行一个，征求其他机关意见时填写）', kind: 'textarea' }],
  },
  consultation_answered: {
    type: 'consultation_answered', label: '收到意见', explanation: '记录对方的意见，答复期限恢复计算。', informsApplicant: false,
    fields: [on('收到意见日期'), { name: 'party', label: '谁的意见', kind: 'select', options: partyOptions, required: true },
      { name: 'opinion', label: '意见', kind: 'select', options: [{ value: 'consents', label: '同意公开' }, { value: 'objects', label: '不同意公开' }], required: true }],
  },
  consultation_deemed: {
    type: 'consultation_deemed', label: '逾期未提出意见', explanation: '第三方逾期未提出意见的由行政机关决定是否公开（第三十二条）；其他机关逾期未提出意见的视为同意公开（第三十四条）。', informsApplicant: false,
    fields: [on('记录日期'), { name: 'party', label: '谁逾期', kind: 'select', options: partyOptions, required: true }],
  },
  extension_granted: {
    type: 'extension_granted', label: '延长答复期限', explanation: '经政府信息公开工作机构负责人同意，延长最长不超过 20 个工作日，只能延长一次，并告知申请人（第三十三条第二款）。', informsApplicant: true,
    fields: [on('负责人同意日期'), { name: 'workingDays', label: '延长的工作日数', kind: 'number', required: true, hint: '1 到 20' }, { name: 'reason', label: '延期理由', kind: 'textarea', required: true }],
  },
  reasons_requested: { type: 'reasons_requested', label: '要求说明理由', explanation: '申请数量、频次明显超过合理范围的，可以要求申请人说明理由（第三十五条）。', fields: [on('通知日期'), { name: 'volumeFacts', label: '申请的数量、频次情况', kind: 'textarea', required: true }], informsApplicant: true },
  reasons_received: { type: 'reasons_received', label: '收到理由', explanation: '记录申请人说明理由的日期。', fields: [on('收到日期')], informsApplicant: false },
  later_date_set: {
    type: 'later_date_set', label: '确定延迟答复期限', explanation: '申请理由合理但无法在法定期限内答复的，确定延迟答复的合理期限并告知申请人（第三十五条）。', informsApplicant: true,
    fields: [on('决定日期'), { name: 'dueOn', label: '延迟答复期限', kind: 'date', required: true }, { name: 'whyLater', label: '无法在法定期限内答复的原因', kind: 'textarea', required: true }],
  },
  fee_notice_sent: {
    type: 'fee_notice_sent', label: '发出收费通知', explanation: '数量、频次明显超过合理范围的，可以收取信息处理费（第四十二条，国办函〔2020〕109号：按件或按量，不得同时适用）。', informsApplicant: true,
    fields: [on('通知日期'), { name: 'method', label: '计费方式', kind: 'select', required: true, options: [{ value: 'per_application', label: '按件计收（本人本自然月申请件数）' }, { value: 'per_page', label: '按量计收（页数）' }] },
      { name: 'pages', label: '页数（按量计收时填写）', kind: 'number' },
      { name: 'form', label: '获取形式（按量计收时选择）', kind: 'select', options: Object.entries(PROVISION_FORMS).map(([value, label]) => ({ value, label: String(label) })) },
      { name: 'paymentMethod', label: '缴费方式', kind: 'textarea', required: true }],
  },
  fee_paid: { type: 'fee_paid', label: '已缴费', explanation: '申请人缴费后答复期限恢复计算。', fields: [on('缴费日期')], informsApplicant: false },
  fee_lapsed: { type: 'fee_lapsed', label: '逾期未缴费', explanation: '逾期未缴费的，不再处理该申请（其他处理 2）。', fields: [on('记录日期')], informsApplicant: true },
  decided: {
    type: 'decided', label: '作出答复', explanation: '选择一项办理结果（年度报告格式的分类），写明理由；部分公开须写明不予公开的内容、依据和理由（第三十六条、第三十七条）。答复书会写明行政复议和行政诉讼的途径。', informsApplicant: true,
    fields: [on('答复日期'), { name: 'code', label: '办理结果', kind: 'select', options: decisionOptions, required: true },
      { name: 'answerForm', label: '答复形式（予以公开或本机关不掌握时选择）', kind: 'select', options: Object.entries(ANSWER_FORMS).map(([value, f]) => ({ value, label: `${f.article}：${f.label}` })) },
      { name: 'reasons', label: '理由或说明', kind: 'textarea', hint: '不予公开、不属于本机关负责公开的，必须说明理由' },
      { name: 'provided', label: '提供的信息内容（予以公开、部分公开时填写）', kind: 'textarea' },
      { name: 'howProvided', label: '提供或获取的方式', kind: 'text', hint: '予以公开、部分公开、已主动公开、公开出版物、行政查询时填写，如“随本答复书提供纸质复印件”' },
      { name: 'withheld', label: '不予公开的部分（部分公开时逐项填写）', kind: 'withheldRows', hint: '每一部分写明不予公开的内容、依据和理由（第三十七条）；不够时点“添加一行”' },
      { name: 'basisLaw', label: '依据的法律、法规名称（法律法规禁止公开、要求确认或重新出具、其他处理时填写）', kind: 'text', hint: '写全称，不带书名号，如 中华人民共和国保守国家秘密法' },
      { name: 'basisProvision', label: '依据的具体条款', kind: 'text', hint: '如 第九条第一款' },
      { name: 'previousDocNo', label: '已作答复的发文字号（重复申请时填写）', kind: 'text', hint: '发现重复申请时已按先前的案件预填，请核对' },
      { name: 'previousAnswerOn', label: '已作答复的日期（重复申请时填写）', kind: 'date', hint: '格式 YYYY-MM-DD' },
      { name: 'applicantResponse', label: '申请人说明理由的情况（申请数量、频次明显超过合理范围不予处理时填写）', kind: 'textarea' },
      { name: 'thirdPartyInterest', label: '保护的第三方权益（涉及第三方时选择）', kind: 'select', options: [{ value: 'trade_secret', label: '商业秘密' }, { value: 'privacy', label: '个人隐私' }, { value: 'other', label: '其他合法权益' }] },
      { name: 'agencyName', label: '负责公开的机关名称（不属于本机关负责公开且能确定时填写）', kind: 'text' }, { name: 'agencyContact', label: '该机关联系方式', kind: 'text' }],
  },
  delivered: {
    type: 'delivered', label: '记录送达', explanation: '记录答复书送达的日期和方式。', informsApplicant: false,
    fields: [on('送达日期'), { name: 'method', label: '送达方式', kind: 'select', options: Object.entries(DELIVERY_METHODS).map(([value, label]) => ({ value, label })), required: true }],
  },
  withdrawn: {
    type: 'withdrawn', label: '申请人撤回申请', explanation: '申请人以信函或当面撤回申请的，记录收到撤回的日期和方式；案件终止办理，年度报告计入“其他处理 3.其他”。申请人也可以在查询页面凭查询码自行撤回。作出答复后不能撤回。', informsApplicant: false,
    fields: [on('收到撤回的日期'), { name: 'channel', label: '撤回方式', kind: 'select', required: true, options: Object.entries(WITHDRAWAL_CHANNELS).filter(([value]) => value !== 'online').map(([value, label]) => ({ value, label })) }],
  },
  archived: { type: 'archived', label: '归档', explanation: '办结的案件归档（第四十五条）。', fields: [on('归档日期')], informsApplicant: false },
  review_filed: { type: 'review_filed', label: '登记行政复议', explanation: '申请人就本申请的处理申请行政复议（年度报告表四）。', fields: [on('申请复议日期')], informsApplicant: false },
  litigation_filed: {
    type: 'litigation_filed', label: '登记行政诉讼', explanation: '申请人就本申请的处理提起行政诉讼（年度报告表四：未经复议直接起诉 / 复议后起诉）。', informsApplicant: false,
    fields: [on('起诉日期'), { name: 'afterReview', label: '是否经过行政复议', kind: 'select', options: [{ value: 'no', label: '未经复议直接起诉' }, { value: 'yes', label: '复议后起诉' }], required: true }],
  },
  remedy_decided: {
    type: 'remedy_decided', label: '登记复议或诉讼结果', explanation: '记录行政复议决定或判决的结果：维持、纠正或其他。', informsApplicant: false,
    fields: [on('审结日期'), { name: 'kind', label: '类别', kind: 'select', options: [{ value: 'review', label: '行政复议' }, { value: 'litigation', label: '行政诉讼' }], required: true },
      { name: 'outcome', label: '结果', kind: 'select', options: Object.entries(REMEDY_OUTCOMES).filter(([k]) => k !== 'pending').map(([value, label]) => ({ value, label })), required: true }],
  },
}

/** 身份证明 fields added to 确认收到 and 收到补正 while the applicant has none (add-applicant-identity.ts checks them). */
export const IDENTITY_FIELDS: StepField[] = [
  { name: 'idType', label: '申请人身份证明种类（申请时未提供的，在此补充）', kind: 'select', options: ID_TYPES.map((t) => ({ value: t.value, label: t.label })) },
  { name: 'idNumber', label: '身份证明号码', kind: 'text', hint: '加密保存，页面只显示部分号码' },
]

/**
 * Asked on every step that sends a letter while the unit's 指南 lacks them (条例 第十二条: 联系电话、办公地址): the
 * letters print what is typed here, or leave the detail out — never a stand-in.
 */
export const UNIT_CONTACT_FIELDS: Readonly<Record<'phone' | 'address', StepField>> = {
  phone: { name: 'unitPhone', label: '本机关联系电话（指南尚未填写，印在本次文书的附注）', kind: 'text', hint: '如 023-52221234；请同时到政府信息公开指南设置中填写' },
  address: { name: 'unitAddress', label: '本机关办公地址（指南尚未填写，印在本次文书的附注）', kind: 'text' },
}

/** The step types that can carry the applicant's 身份证明 when it is missing. */
export const TAKES_IDENTITY: readonly RequestEventType[] = ['receipt_confirmed', 'correction_received']

/** The steps a case offers now, for this actor (the rules still check each when it is sent). */
export function offeredSteps(state: CaseState, actor: Actor, organisationId: number, options: { lacksIdentity?: boolean; contactGaps?: readonly ('phone' | 'address')[] } = {}): StepDefinition[] {
  const contactFields = (options.contactGaps ?? []).map((gap) => UNIT_CONTACT_FIELDS[gap])
  const withIdentity = (step: StepDefinition): StepDefinition => {
    const fields = [...step.fields, ...(options.lacksIdentity && TAKES_IDENTITY.includes(step.type) ? IDENTITY_FIELDS : []), ...(step.informsApplicant ? contactFields : [])]
    return fields.length === step.fields.length ? step : { ...step, fields }
  }
  const act = canOnCase(actor, 'act', organisationId)
  const extend = canOnCase(actor, 'extend', organisationId)
  const types: RequestEventType[] = []
  switch (state.status) {
    case 'awaiting_receipt': types.push('receipt_confirmed'); break
    case 'in_progress':
      if (!state.correction) types.push('correction_requested')
      types.push('consultation_sent')
      if (!state.article35) types.push('reasons_requested')
      if (state.article35?.reasonsReceivedOn && !state.article35.laterDueOn) types.push('later_date_set')
      if (!state.fee) types.push('fee_notice_sent')
      types.push('decided')
      break
    case 'awaiting_correction': types.push('correction_received', 'correction_lapsed'); break
    case 'consulting': types.push('consultation_answered', 'consultation_deemed', 'consultation_sent'); break
    case 'awaiting_reasons': types.push('reasons_received', 'decided'); break
    case 'awaiting_fee': types.push('fee_paid', 'fee_lapsed'); break
    case 'answered': types.push('delivered'); break
    case 'delivered': case 'deemed_withdrawn': case 'fee_lapsed': case 'withdrawn': types.push('archived'); break
    case 'archived': break
  }
  const result = types.filter(() => act).map(stepOf).map(withIdentity)
  if (!state.extension && ['in_progress', 'consulting', 'awaiting_reasons'].includes(state.status) && extend) result.splice(result.length - (result.at(-1)?.type === 'decided' ? 1 : 0), 0, withIdentity(stepOf('extension_granted')))
  // 撤回: any open case, until it is answered (rules/lifecycle.ts decides; the form is offered where it can succeed).
  if (act && isOpenCase(state)) result.push(stepOf('withdrawn'))
  if (state.receivedOn && act) {
    result.push(stepOf('review_filed'), stepOf('litigation_filed'))
    if (state.remedies.some((r) => r.outcome === 'pending')) result.push(stepOf('remedy_decided'))
  }
  return result
}

function str(body: Record<string, string | string[]>, name: string): string {
  const v = body[name]
  return (Array.isArray(v) ? v[0] ?? '' : v ?? '').trim()
}

function list(body: Record<string, string | string[]>, name: string): string[] {
  const v = body[name]
  return (Array.isArray(v) ? v : v ? [v] : []).map((x) => x.trim()).filter(Boolean)
}

function lines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
}

/**
 * Reads a step form: the lifecycle event and the letter extras, or the field messages (nothing is recorded then).
 * Required fields, dates and numbers are checked here; everything the law decides is checked by the rules.
 */
export function readStepForm(type: RequestEventType, body: Record<string, string | string[]>, actor: Actor): { ok: true; event: RequestEvent; extras: LetterExtras; feeForm?: FeeNoticeForm } | { ok: false; errors: FieldMessage[] } {
  const step = stepOf(type)
  const errors: FieldMessage[] = []
  for (const f of step.fields) {
    if (f.kind === 'withheldRows') continue
    const value = f.kind === 'checkboxes' ? list(body, f.name).join(',') : str(body, f.name)
    if (f.required && !value) errors.push({ field: f.name, message: `请填写${f.label.replace(/（.*）$/, '')}` })
    else if (f.kind === 'date' && value && !(/^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value))) errors.push({ field: f.name, message: `${f.label.replace(/（.*）$/, '')}应写成 YYYY-MM-DD，如 2026-11-27` })
    else if (f.kind === 'number' && value && !(Number.isFinite(Number(value)) && Number(value) > 0)) errors.push({ field: f.name, message: `${f.label}应为大于零的数字` })
    else if (f.options && f.kind !== 'checkboxes' && value && !f.options.some((o) => o.value === value)) errors.push({ field: f.name, message: `请从列表中选择${f.label.replace(/（.*）$/, '')}` })
  }
  if (errors.length && type !== 'decided') return { ok: false, errors }
  const v = (name: string) => str(body, name)
  const date = v('on')
  const party = v('party') as 'third_party' | 'agency'
  switch (type) {
    case 'receipt_confirmed': case 'correction_received': case 'correction_lapsed': case 'reasons_received': case 'fee_paid': case 'fee_lapsed': case 'archived': case 'review_filed':
      return { ok: true, event: { type, on: date } as RequestEvent, extras: {} }
    case 'correction_requested':
      return { ok: true, event: { type, on: date, items: lines(v('items')), dueOn: v('dueOn') }, extras: { guidance: v('guidance') } }
    case 'consultation_sent': {
      // The letters name whom they consult (第三十二条 征求意见书 to the third party by name; 第三十四条 the agencies by
      // name in the applicant's notice): the form asks for the facts of the party chosen, never a stand-in.
      const missing: FieldMessage[] = party === 'third_party'
        ? [...(v('thirdParty') ? [] : [{ field: 'thirdParty', message: '征求第三方意见的，请填写第三方的名称或姓名' }]), ...(v('harm') ? [] : [{ field: 'harm', message: '请写明公开可能损害第三方合法权益的情形' }])]
        : lines(v('agencies')).length ? [] : [{ field: 'agencies', message: '征求其他机关意见的，请填写被征求意见机关的名称（每行一个）' }]
      if (missing.length) return { ok: false, errors: missing }
      return { ok: true, event: { type, on: date, party, ...(v('deliveredOn') ? { deliveredOn: v('deliveredOn') } : {}) }, extras: party === 'third_party' ? { thirdParty: v('thirdParty'), harm: v('harm') } : { agencies: lines(v('agencies')) } }
    }
    case 'consultation_answered':
      return { ok: true, event: { type, on: date, party, opinion: v('opinion') as 'consents' | 'objects' }, extras: {} }
    case 'consultation_deemed':
      return { ok: true, event: { type, on: date, party }, extras: {} }
    case 'extension_granted':
      return { ok: true, event: { type, on: date, workingDays: Number(v('workingDays')), approvedBy: `${actor.displayName}（${actor.organisationName}）`, reason: v('reason') }, extras: { extensionReason: v('reason') } }
    case 'reasons_requested':
      return { ok: true, event: { type, on: date }, extras: { volumeFacts: v('volumeFacts') } }
    case 'later_date_set':
      return { ok: true, event: { type, on: date, dueOn: v('dueOn') }, extras: { whyLater: v('whyLater') } }
    case 'fee_notice_sent':
      // The amount and the payment deadline are computed by prepareFeeNotice from the tariff (rules/fees.ts).
      return { ok: true, event: { type, on: date, amountYuan: 0, payBy: date }, extras: { paymentMethod: v('paymentMethod') },
        feeForm: { on: date, method: v('method'), pages: v('pages') ? Number(v('pages')) : null, form: v('form') || null, paymentMethod: v('paymentMethod') } }
    case 'decided': {
      const code = v('code')
      const rows = withheldRows(body)
      const parts = rows.filter((_, i) => rows.slice(i).some((r) => r.part || r.grounds.length || r.reason)) as WithheldPartFacts[]
      const facts: AnswerFacts = {
        provided: v('provided'), howProvided: v('howProvided'), basisLaw: v('basisLaw'), basisProvision: v('basisProvision'),
        previousDocNo: v('previousDocNo'), previousAnswerOn: v('previousAnswerOn'), applicantResponse: v('applicantResponse'), withheldParts: parts,
      }
      // The form's own checks and the letter's facts are reported together (one round of corrections).
      const checked = checkAnswerFacts(code, v('answerForm') || null, v('reasons') || null, facts)
      if (errors.length || !checked.ok) return { ok: false, errors: [...errors, ...(checked.ok ? [] : checked.errors.filter((e) => !errors.some((f) => f.field === e.field)))] }
      const withheld = code === 'partial' ? combinedWithheld(checked.facts.withheldParts ?? []) : parts.length ? combinedWithheld(parts) : null
      return {
        ok: true,
        event: {
          type, on: date,
          decision: {
            code, answerForm: v('answerForm') || null, reasons: v('reasons') || null, withheld, thirdPartyInterest: v('thirdPartyInterest') || null,
            responsibleAgency: v('agencyName') ? { name: v('agencyName'), contact: v('agencyContact') || null } : null,
          },
        },
        extras: { ...checked.facts, ...(code === 'not_processed_petition' && v('howProvided') ? { howProvided: v('howProvided') } : {}) },
      }
    }
    case 'delivered':
      return { ok: true, event: { type, on: date, method: v('method') as 'online_download' }, extras: {} }
    case 'litigation_filed':
      return { ok: true, event: { type, on: date, afterReview: v('afterReview') === 'yes' }, extras: {} }
    case 'remedy_decided':
      return { ok: true, event: { type, on: date, kind: v('kind') as 'review', outcome: v('outcome') as 'upheld' }, extras: {} }
    case 'withdrawn':
      return { ok: true, event: { type, on: date, channel: v('channel') as 'letter' }, extras: {} }
  }
}

/**
 * The decision form, second step: the fact fields each disposition's letter needs (answer-facts.ts enforces them
 * on the server whatever the form shows; a test checks that every field it can ask for is shown here). Labels say
 * what the letter will state for that disposition.
 */
const DECISION_FIELDS: Readonly<Record<SelectableDisposition, readonly (string | [string, string])[]>> = {
  granted: ['answerForm', ['howProvided', '提供或获取的方式（已主动公开的，写明获取的方式、途径）']],
  partial: ['provided', 'howProvided', 'withheld', ['thirdPartyInterest', '保护的第三方权益（依据含“保护第三方合法权益”时选择）']],
  denied_state_secret: [['reasons', '不予公开的理由']],
  denied_law_forbidden: [['reasons', '禁止公开的理由'], 'basisLaw', 'basisProvision'],
  denied_three_safety_one_stability: [['reasons', '不予公开的理由']],
  denied_third_party: [['reasons', '不予公开的理由'], 'thirdPartyInterest'],
  denied_internal_affairs: [['reasons', '不予公开的理由']],
  denied_process_information: [['reasons', '不予公开的理由']],
  denied_enforcement_file: [['reasons', '不予公开的理由']],
  denied_administrative_query: [['reasons', '对信息获取有特别规定的法律、行政法规'], ['howProvided', '办理的机关和途径']],
  unable_not_held: ['answerForm', ['reasons', '检索的范围和方法，或不属于本机关负责公开的理由'], ['agencyName', '负责公开的机关名称（不属于本机关负责公开且能确定时填写）'], ['agencyContact', '该机关的联系方式（选填）']],
  unable_needs_creation: [['reasons', '需要加工、分析的情形']],
  unable_unclear_after_correction: [['reasons', '补正后申请内容仍不明确之处']],
  not_processed_petition: [['reasons', '属于信访、投诉、举报的情形'], ['howProvided', '可以提出的渠道（选填）']],
  not_processed_repeated: ['previousDocNo', 'previousAnswerOn'],
  not_processed_publication: [['reasons', '公开出版物名称'], ['howProvided', '获取的途径']],
  not_processed_unreasonable_volume: ['applicantResponse', ['reasons', '认为申请理由不合理的原因']],
  not_processed_confirm_or_reissue: [['reasons', '要求确认或者重新出具的信息'], 'basisLaw', 'basisProvision'],
  other: [['reasons', '处理情况'], 'basisLaw', 'basisProvision'],
}

/** A disposition staff may choose in the decision form (the two 不再处理 rows come only from their own events). */
export type SelectableDisposition = Exclude<DispositionCode, 'other_overdue_correction' | 'other_overdue_fee'>

/** True for a disposition code the decision form offers. */
export function isSelectableDisposition(value: unknown): value is SelectableDisposition {
  return typeof value === 'string' && Object.hasOwn(DECISION_FIELDS, value)
}

/** The dispositions of the first step, by group, with their articles (fieldset per group, one radio each). */
export function decisionChoices(): { group: string; options: { value: SelectableDisposition; label: string; hint: string }[] }[] {
  return Object.entries(DISPOSITION_GROUPS).map(([group, label]) => ({
    group: label.replace(/（区分处理.*）$/, ''),
    options: DISPOSITIONS.filter((d) => d.group === group && !d.byEventOnly).map((d) => ({ value: d.code as SelectableDisposition, label: d.label.replace(/^\d\./, ''), hint: d.articles.join('、').replace(/《政府信息公开条例》/g, '') || '按实际情况写明依据' })),
  })).filter((g) => g.options.length > 0)
}

/** The decision step with only the fields of one disposition (the answer date first; the code travels hidden). */
export function decisionStep(code: SelectableDisposition, extra: readonly StepField[] = []): StepDefinition {
  const all = stepOf('decided')
  const byName = new Map(all.fields.map((f) => [f.name, f]))
  const fields = DECISION_FIELDS[code].map((entry) => {
    const [name, label] = typeof entry === 'string' ? [entry, null] : entry
    const field = byName.get(name)!
    const narrowed = name === 'answerForm' ? { ...field, required: true, options: dispositionRule(code).answerForms.map((form) => ({ value: form, label: `${ANSWER_FORMS[form].article}：${ANSWER_FORMS[form].label}` })) } : field
    // The first-step form lists when each field applies; the second step is already that disposition's, so those go.
    const hint = name === 'howProvided' ? '如“随本答复书提供纸质复印件”“可在开州区人民政府网站某栏目查阅”' : name === 'reasons' ? undefined : narrowed.hint
    return label ? { ...narrowed, label, hint } : { ...narrowed, label: narrowed.label.replace(/（[^（）]*时(?:填写|选择)）$/, ''), hint }
  })
  return { ...all, fields: [byName.get('on')!, ...fields, ...extra] }
}

/** Rows the decision form shows for withheld parts (three, more after “添加一行”). */
export const WITHHELD_ROWS = { initial: 3, max: 20 }

export function withheldRowCount(body: Record<string, string | string[]>): number {
  const n = Number(str(body, 'withheldRows'))
  return Number.isInteger(n) && n >= 1 ? Math.min(n, WITHHELD_ROWS.max) : WITHHELD_ROWS.initial
}

/** The withheld rows as entered (withheldPart1, withheldGrounds1, withheldReason1, …). */
function withheldRows(body: Record<string, string | string[]>): { part: string; grounds: string[]; reason: string }[] {
  return Array.from({ length: withheldRowCount(body) }, (_, i) => ({ part: str(body, `withheldPart${i + 1}`), grounds: list(body, `withheldGrounds${i + 1}`), reason: str(body, `withheldReason${i + 1}`) }))
}

/** True for a step type the forms know (an event type with a staff form). */
export function isStepType(value: string): value is RequestEventType {
  return Object.hasOwn(STEPS, value)
}

/** The form of a step type; only for types `isStepType` accepts (a missing form is a programming error). */
export function stepOf(type: RequestEventType): StepDefinition {
  const step = STEPS[type]
  if (!step) throw new Error(`no step form for event type ${type}`)
  return step
}

export { dateField }
