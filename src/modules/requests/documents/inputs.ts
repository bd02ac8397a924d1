/**
 * What each letter is made from: neutral input types (zod schemas, so a caller's data is checked at this boundary
 * and a bad value gets a Chinese message naming the field). Every variable word of a letter comes from here; the
 * letters add only the fixed wording of the law.
 */
import { z } from 'zod'
import { dateField, fieldErrors } from '../../../platform/http/forms.ts'
import { InvalidInputError } from '../../../platform/http/errors.ts'
import { REGIMES } from '../../calendar/index.ts'
import { DELIVERY_METHODS, PROVISION_FORMS, RECEIPT_CHANNELS, WITHHOLDING_GROUNDS } from '../rules/index.ts'
import type { DeliveryMethod as RulesDeliveryMethod, ProvisionForm, ReceiptChannel as RulesReceiptChannel, WithholdingGround } from '../rules/index.ts'

// Free text is inserted into sentences, so trailing sentence punctuation is dropped here and the letter adds its own.
const text = (message: string, max = 2000) => z.string({ error: message }).transform((s) => s.trim().replace(/[。；，、.;,\s]+$/u, ''))
  .pipe(z.string().min(1, message).max(max, `内容过长（最多${max}字）`))
const date = (what: string) => dateField(`${what}应写成 YYYY-MM-DD`)
const positiveInt = (message: string) => z.number({ error: message }).int(message).positive(message)

/** A legal provision cited by a letter beyond the fixed ones: law title without 书名号, and the provision. */
export const CitationInput = z.object({
  law: text('请填写法律法规名称', 100).refine((s) => !/[《》]/.test(s), '法律法规名称不要带书名号'),
  provision: text('请填写条款，如 第九条', 60),
})

/** 发文机关 and its contact details (printed in the 附注). */
export const IssuingUnit = z.object({
  /** 行政机关名称: the 版头 and the 署名. */
  name: text('请填写行政机关名称', 60),
  /** 政府信息公开工作机构 (条例 第十二条: the 指南 names it), when it is not the unit itself (optional). */
  office: text('请填写政府信息公开工作机构名称', 60).optional(),
  /** 联系人 (optional). */
  contactPerson: text('请填写联系人', 30).optional(),
  /** 联系电话 (optional: a letter prints the contact details that are known, never a stand-in). */
  phone: text('请填写联系电话', 60).optional(),
  /** 通信地址 (optional). */
  address: text('请填写通信地址', 120).optional(),
})
export type IssuingUnit = z.infer<typeof IssuingUnit>

/** Where the applicant can seek a remedy: the 行政复议机关 and the court, both by name. */
export const RemedyBodies = z.object({
  /** 行政复议机关, e.g. 重庆市开州区人民政府 (行政复议法 第二十四条). */
  reviewBody: text('请填写行政复议机关名称', 60),
  /** The court with jurisdiction for 行政诉讼. */
  court: text('请填写人民法院名称', 60),
})
export type RemedyBodies = z.infer<typeof RemedyBodies>

/** A deadline and how it was computed (the calendar trace's summary, in Chinese). */
export const Deadline = z.object({
  dueOn: date('期限日期'),
  explanation: text('请说明期限的计算方法', 400),
})
export type Deadline = z.infer<typeof Deadline>

/** What every letter to the applicant has: the unit, the 发文字号, the 成文日期, the applicant and the request. */
const applicantLetter = {
  unit: IssuingUnit,
  /** 发文字号, e.g. 开州发改依复〔2026〕3号. */
  docNo: text('请填写发文字号', 40),
  /** 成文日期 */
  writtenOn: date('成文日期'),
  /** The applicant's name or the organisation's name, printed as given (the letter goes to the applicant). */
  applicant: z.object({ name: text('请填写申请人姓名或者名称', 100) }),
  request: z.object({
    /** 收到申请之日 (条例 第三十一条). */
    receivedOn: date('收到申请日期'),
    /** The information asked for, as the applicant described it (条例 第二十九条第二款第（二）项). */
    description: text('请填写申请公开的政府信息', 2000),
  }),
}

// Enumerations of the rules module (src/modules/requests/rules), checked here at the letters' boundary.
const keysOf = <K extends string>(record: Readonly<Record<K, unknown>>) => Object.keys(record) as [K, ...K[]]

/** The channels of 条例 第三十一条 (the rules module's codes), each with its own receipt-date rule. */
export const ReceiptChannel = z.enum(RECEIPT_CHANNELS.map((c) => c.code) as [RulesReceiptChannel, ...RulesReceiptChannel[]], { error: '请选择申请渠道' })
export type ReceiptChannel = RulesReceiptChannel

/** 受理回执: the receipt with the 查询码 and the SM3 fingerprint of the application as submitted. */
export const ReceiptInput = z.object({
  ...applicantLetter,
  docNo: applicantLetter.docNo.nullable(),
  channel: ReceiptChannel,
  /** 答复期限 (条例 第三十三条第二款). */
  answerDeadline: Deadline,
  /** 查询码 */
  queryCode: text('请填写查询码', 40),
  /** SM3 digest (64 hex characters) of the application content. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, '内容指纹应为64位小写十六进制SM3杂凑值'),
  /** Where to follow the case with the query code. */
  trackingUrl: text('请填写查询网址', 200),
})
export type ReceiptInput = z.infer<typeof ReceiptInput>

/** 补正申请告知书 (条例 第三十条). */
export const CorrectionNoticeInput = z.object({
  ...applicantLetter,
  /** Everything to supply, in one notice (一次性告知). */
  items: z.array(text('请填写需要补正的事项', 400)).min(1, '请至少列出一项需要补正的事项'),
  /** 指导和释明: how to make the application clear. */
  guidance: text('请填写对申请人的指导和释明', 1000),
  /** 合理的补正期限 */
  correctionDeadline: Deadline,
  /** How and where to hand in the correction. */
  submitTo: text('请填写提交补正的方式和地点', 300),
})
export type CorrectionNoticeInput = z.infer<typeof CorrectionNoticeInput>

/** 征求第三方意见书 (条例 第三十二条), addressed to the third party; the applicant is not named. */
export const ThirdPartyConsultationInput = z.object({
  unit: IssuingUnit,
  docNo: applicantLetter.docNo,
  writtenOn: applicantLetter.writtenOn,
  /** The third party, by name. */
  thirdParty: text('请填写第三方名称或者姓名', 100),
  receivedOn: date('收到申请日期'),
  /** The information asked for. */
  description: applicantLetter.request.shape.description,
  /** Why disclosure may harm the third party's lawful rights (商业秘密、个人隐私…). */
  harm: text('请说明公开可能损害第三方合法权益的情形', 1000),
  /** How and where to send the opinion. */
  replyTo: text('请填写提交意见的方式和地点', 300),
  /** Enclosed copies of the information concerned (optional). */
  attachments: z.array(text('请填写附件名称', 200)).default([]),
})
export type ThirdPartyConsultationInput = z.input<typeof ThirdPartyConsultationInput>

/** 征求意见告知书 to the applicant: a third party (第三十二条) or other agencies (第三十四条) are consulted. */
export const ConsultationNoticeInput = z.object({
  ...applicantLetter,
  consulted: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('third_party') }),
    /** The agencies that made the information together with this unit. */
    z.object({ kind: z.literal('agencies'), agencies: z.array(text('请填写被征求意见机关名称', 60)).min(1, '请填写被征求意见机关') }),
  ]),
  /** The day the 征求意见书 was sent. */
  consultedOn: date('征求意见日期'),
  /** Working days of the answer period used and left when the clock paused. */
  workingDaysUsed: z.number().int().min(0, '已用工作日不能为负数'),
  workingDaysLeft: z.number().int().min(0, '剩余工作日不能为负数'),
})
export type ConsultationNoticeInput = z.infer<typeof ConsultationNoticeInput>

/** 延长答复期限告知书 (条例 第三十三条第二款): at most 20 working days, approved by the head of the disclosure office. */
export const ExtensionNoticeInput = z.object({
  ...applicantLetter,
  originalDueOn: date('原答复期限'),
  /** 延长的工作日数: at most the regime's maximum (20, 条例 第三十三条第二款). */
  extraWorkingDays: positiveInt('请填写延长的工作日数').max(REGIMES['cn-2019'].extension.maxWorkingDays, `延长的期限最长不得超过${REGIMES['cn-2019'].extension.maxWorkingDays}个工作日`),
  /** Why the answer cannot be given in time. */
  reason: text('请说明延期的理由', 600),
  /** The day the 政府信息公开工作机构负责人 approved. */
  approvedOn: date('负责人同意日期'),
  newDeadline: Deadline,
})
export type ExtensionNoticeInput = z.infer<typeof ExtensionNoticeInput>

/** 说明理由通知书 (条例 第三十五条): volume or frequency clearly beyond reason; the applicant is asked why. */
export const VolumeReasonsRequestInput = z.object({
  ...applicantLetter,
  /** The facts: how many applications over which period, in the unit's words. */
  volumeFacts: text('请写明申请的数量、频次情况', 600),
  replyDeadline: Deadline,
  /** How and where to send the reasons. */
  replyTo: text('请填写说明理由的方式和地点', 300),
})
export type VolumeReasonsRequestInput = z.infer<typeof VolumeReasonsRequestInput>

/** 延迟答复告知书 (条例 第三十五条): the reasons are reasonable, the answer comes at a later reasonable date. */
export const VolumeLaterDateInput = z.object({
  ...applicantLetter,
  askedOn: date('要求说明理由的日期'),
  /** When and how the applicant explained. */
  reasonsGivenOn: date('申请人说明理由的日期'),
  /** Why the 第三十三条 period cannot be met. */
  whyLater: text('请说明无法在法定期限内答复的原因', 600),
  newDeadline: Deadline,
})
export type VolumeLaterDateInput = z.infer<typeof VolumeLaterDateInput>

/** One band of the progressive scale (超额累进), as the rules module's computeFee returns it. */
export const FeeLine = z.object({
  /** First and last unit (件 or 页) of the band, 1-based. */
  from: positiveInt('计费区间应为正整数'),
  to: positiveInt('计费区间应为正整数'),
  units: positiveInt('数量应为正整数'),
  /** 元/件 or 元/页 */
  yuanEach: z.number().int().min(0, '收费标准不能为负数'),
  /** 元 */
  yuan: z.number().int().min(0, '金额不能为负数'),
}).refine((l) => l.units === l.to - l.from + 1, { message: '数量应等于计费区间的件数或页数', path: ['units'] })
  .refine((l) => l.yuan === l.units * l.yuanEach, { message: '金额应等于数量乘以收费标准', path: ['yuan'] })
export type FeeLine = z.infer<typeof FeeLine>

/** 收费通知书 (条例 第四十二条, 国办函〔2020〕109号): 按件 or 按量, never both (第三条). */
export const FeeNoticeInput = z.object({
  ...applicantLetter,
  method: z.discriminatedUnion('kind', [
    /** 按件计收: the applicant's applications in the natural month (第四条). */
    z.object({ kind: z.literal('per_application'), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应写成 YYYY-MM'), applicationsInMonth: positiveInt('本月申请件数应为正整数') }),
    /** 按量计收: pages provided (第五条), in the form the applicant asked for. */
    z.object({ kind: z.literal('per_page'), pages: positiveInt('页数应为正整数'), form: z.enum(keysOf<ProvisionForm>(PROVISION_FORMS), { error: '请选择获取信息的形式' }) }),
  ]),
  lines: z.array(FeeLine).min(1, '请列出收费明细'),
  /** 元 */
  total: z.number().int().positive('收费金额应大于零'),
  /** How to pay: account, payee, place. */
  paymentMethod: text('请填写缴费方式', 400),
  paymentDeadline: Deadline,
}).refine((f) => f.total === f.lines.reduce((s, l) => s + l.yuan, 0), { message: '合计金额应等于各项金额之和', path: ['total'] })
export type FeeNoticeInput = z.infer<typeof FeeNoticeInput>

/** A part withheld in a partial disclosure: what, on which grounds (the rules module's codes) and why (第三十七条). */
export const WithheldPart = z.object({
  part: text('请写明不予公开的内容', 300),
  grounds: z.array(z.enum(keysOf<WithholdingGround>(WITHHOLDING_GROUNDS), { error: '请选择不予公开的依据' })).min(1, '请选择不予公开的依据'),
  reason: text('请说明不予公开的理由', 600),
  /** Provisions beyond those of the grounds (e.g. 《中华人民共和国保守国家秘密法》第九条). */
  citations: z.array(CitationInput).default([]),
})
export type WithheldPart = z.input<typeof WithheldPart>

const reasonField = (message: string) => text(message, 1000)

/** The disposition (the rules module's DispositionCode) and its particulars: exactly one of the 2021 taxonomy's rows. */
export const DispositionInput = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('granted'),
    route: z.discriminatedUnion('kind', [
      /** 第三十六条第（一）项: already published; how to get it. */
      z.object({ kind: z.literal('already_published'), howToObtain: reasonField('请写明获取该政府信息的方式、途径') }),
      /** 第三十六条第（二）项: provided now, or how, where and when to get it. */
      z.object({ kind: z.literal('provided'), howProvided: reasonField('请写明提供该政府信息的方式') }),
    ]),
  }),
  z.object({
    code: z.literal('partial'),
    provided: reasonField('请写明提供的政府信息内容'),
    howProvided: reasonField('请写明提供的方式'),
    withheld: z.array(WithheldPart).min(1, '部分公开应写明不予公开的内容及理由'),
  }),
  z.object({ code: z.literal('denied_state_secret'), reason: reasonField('请说明属于国家秘密的理由') }),
  z.object({ code: z.literal('denied_law_forbidden'), reason: reasonField('请说明禁止公开的理由'), prohibitingLaw: z.array(CitationInput).min(1, '请写明禁止公开的法律、行政法规条款') }),
  z.object({ code: z.literal('denied_three_safety_one_stability'), reason: reasonField('请说明公开可能危及的安全或者稳定') }),
  z.object({ code: z.literal('denied_third_party'), reason: reasonField('请说明公开会损害第三方合法权益的情形') }),
  z.object({ code: z.literal('denied_internal_affairs'), reason: reasonField('请说明属于哪一类内部事务信息') }),
  z.object({ code: z.literal('denied_process_information'), reason: reasonField('请说明属于哪一类过程性信息') }),
  z.object({ code: z.literal('denied_enforcement_file'), reason: reasonField('请说明属于行政执法案卷信息的情形') }),
  z.object({ code: z.literal('denied_administrative_query'), specialRules: reasonField('请写明对信息获取有特别规定的法律、行政法规'), howToObtain: reasonField('请写明办理的机关和途径') }),
  z.object({
    code: z.literal('unable_not_held'),
    route: z.discriminatedUnion('kind', [
      /** 第三十六条第（四）项: searched, does not exist. */
      z.object({ kind: z.literal('not_exist'), search: reasonField('请写明检索的范围和方法') }),
      /** 第三十六条第（五）项: not this unit's to disclose; the responsible agency when it can be determined. */
      z.object({
        kind: z.literal('not_this_agency'),
        reason: reasonField('请说明不属于本机关负责公开的理由'),
        agency: z.object({ name: text('请填写负责公开的行政机关名称', 60), contact: text('请填写该机关的联系方式', 200).nullable() }).nullable(),
      }),
    ]),
  }),
  z.object({ code: z.literal('unable_needs_creation'), reason: reasonField('请说明需要加工、分析的情形') }),
  z.object({
    code: z.literal('unable_unclear_after_correction'),
    correctionNoticeOn: date('补正告知日期'),
    correctedOn: date('收到补正日期'),
    reason: reasonField('请说明补正后申请内容仍不明确之处'),
  }),
  z.object({ code: z.literal('not_processed_petition'), reason: reasonField('请说明属于信访、投诉、举报的情形'), channel: text('请填写相应渠道', 300).nullable() }),
  z.object({ code: z.literal('not_processed_repeated'), previousAnswerOn: date('已作出答复的日期'), previousDocNo: text('请填写已作答复的发文字号', 40) }),
  z.object({ code: z.literal('not_processed_publication'), publication: reasonField('请写明公开出版物名称'), howToObtain: reasonField('请写明获取的途径') }),
  z.object({
    code: z.literal('not_processed_unreasonable_volume'),
    askedOn: date('要求说明理由的日期'),
    applicantResponse: reasonField('请写明申请人说明理由的情况'),
    assessment: reasonField('请说明认为申请理由不合理的原因'),
  }),
  z.object({ code: z.literal('not_processed_confirm_or_reissue'), reason: reasonField('请说明要求确认或者重新出具的信息'), legalBasis: z.array(CitationInput).min(1, '请写明法律依据') }),
  z.object({ code: z.literal('other_overdue_correction'), correctionNoticeOn: date('补正告知日期'), correctionDueOn: date('补正期限') }),
  z.object({
    code: z.literal('other_overdue_fee'),
    feeNoticeOn: date('收费通知日期'),
    feeNoticeDocNo: text('请填写收费通知书的发文字号', 40),
    amount: z.number().int().positive('收费金额应大于零'),
    paymentDueOn: date('缴费期限'),
  }),
  z.object({ code: z.literal('other'), statement: reasonField('请写明处理情况'), legalBasis: z.array(CitationInput).min(1, '请写明法律依据') }),
])
export type DispositionInput = z.input<typeof DispositionInput>
/** A disposition after parsing (defaults filled in). */
export type Disposition = z.output<typeof DispositionInput>

/** 政府信息公开申请答复书: one disposition, its cited provisions, and the remedies. */
export const AnswerLetterInput = z.object({
  ...applicantLetter,
  /** 收到补正的申请之日, when a correction restarted the clock (条例 第三十条). */
  correctedOn: date('收到补正日期').nullable().default(null),
  disposition: DispositionInput,
  /** Provisions cited beyond the fixed ones of the disposition (e.g. 《中华人民共和国保守国家秘密法》第九条). */
  additionalCitations: z.array(CitationInput).default([]),
  /** Documents enclosed with the answer. */
  attachments: z.array(text('请填写附件名称', 200)).default([]),
  remedies: RemedyBodies,
})
export type AnswerLetterInput = z.input<typeof AnswerLetterInput>

/** How a letter was delivered (送达方式, the rules module's codes). */
export const DeliveryMethod = z.enum(keysOf<RulesDeliveryMethod>(DELIVERY_METHODS), { error: '请选择送达方式' })
export type DeliveryMethod = RulesDeliveryMethod

/** 送达回证: the record of delivering one or more letters. Blanks are left for handwriting when not yet known. */
export const DeliveryRecordInput = z.object({
  /** The delivering unit: only its name is printed (the form carries no 附注). */
  unit: IssuingUnit.pick({ name: true }),
  documents: z.array(z.object({ title: text('请填写送达文书名称', 100), docNo: text('请填写发文字号', 40) })).min(1, '请填写送达的文书'),
  recipient: text('请填写受送达人', 100),
  address: text('请填写送达地址', 200),
  method: DeliveryMethod,
  /** 送达日期; null leaves the blank to be filled in by hand. */
  deliveredOn: date('送达日期').nullable(),
  /** 送达人 names. */
  servedBy: z.array(text('请填写送达人', 30)).min(1, '请填写送达人'),
  remarks: text('请填写备注', 300).nullable().default(null),
})
export type DeliveryRecordInput = z.input<typeof DeliveryRecordInput>

/** Parses a letter input; a bad value throws InvalidInputError with one Chinese message per field. */
export function parseLetterInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  throw new InvalidInputError(fieldErrors(result.error))
}
