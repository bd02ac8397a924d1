/**
 * Form schemas of the requests wing, with their field messages in Chinese (what to do, not what went wrong).
 * The application form follows 条例 第二十九条: （一）姓名或者名称、身份证明、联系方式；（二）所需信息的名称、文号或者
 * 其他特征性描述；（三）获取信息的方式、途径.
 */
import { z } from 'zod'
import { dateField } from '../../platform/http/forms.ts'
import { APPLICANT_CATEGORY_CODES, RECEIPT_CHANNELS } from './rules/index.ts'

/** 身份证明 kinds. */
export const ID_TYPES = [
  { value: 'resident_id', label: '居民身份证' },
  { value: 'passport', label: '护照' },
  { value: 'hk_macao_taiwan', label: '港澳台居民居住证或通行证' },
  { value: 'credit_code', label: '统一社会信用代码（法人或其他组织）' },
  { value: 'other', label: '其他身份证明' },
] as const

/** 所需信息的形式 (第二十九条（三）, 第四十条). */
export const WANTED_FORMS = [
  { value: 'electronic', label: '电子文本' },
  { value: 'paper', label: '纸质文本' },
  { value: 'either', label: '均可' },
] as const

/** 获取信息的途径 (第二十九条（三）). */
export const DELIVERY_METHODS = [
  { value: 'online', label: '在本网站下载（凭查询码）' },
  { value: 'email', label: '电子邮件' },
  { value: 'post', label: '邮寄' },
  { value: 'in_person', label: '当面领取' },
] as const

const values = <T extends readonly { value: string }[]>(list: T) => list.map((x) => x.value) as [T[number]['value'], ...T[number]['value'][]]

const optionalText = (max: number) => z.string().trim().max(max, `内容过长，最多 ${max} 个字`).default('')

/** 居民身份证: 18 characters, the last a check digit (GB 11643); other documents: 4–40 letters and digits. */
export function idNumberProblem(idType: string, value: string): string | null {
  const v = value.replace(/\s+/g, '').toUpperCase()
  if (!v) return '请填写身份证明号码'
  if (idType === 'resident_id') {
    if (!/^\d{17}[\dX]$/.test(v)) return '居民身份证号码应为 18 位，最后一位可以是数字或 X'
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    const sum = weights.reduce((s, w, i) => s + w * Number(v[i]), 0)
    if ('10X98765432'[sum % 11] !== v[17]) return '居民身份证号码的校验位不对，请核对后重新填写'
    return null
  }
  if (idType === 'credit_code' && !/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v)) return '统一社会信用代码应为 18 位数字或大写字母'
  if (!/^[0-9A-Z()（）-]{4,40}$/.test(v)) return '身份证明号码应为 4 到 40 位字母或数字'
  return null
}

/** What every application carries, whoever keys it in. */
const applicationFields = {
  organisationId: z.coerce.number({ error: '请选择受理申请的单位' }).int().positive('请选择受理申请的单位'),
  applicantCategory: z.enum(APPLICANT_CATEGORY_CODES as unknown as [string, ...string[]], { error: '请选择申请人类型' }),
  name: z.string().trim().min(1, '请填写申请人姓名或者单位名称').max(100, '姓名或名称最多 100 个字'),
  contactPerson: optionalText(30),
  idType: z.enum(values(ID_TYPES), { error: '请选择身份证明的种类' }),
  idNumber: z.string().trim().max(40, '身份证明号码最多 40 位').default(''),
  phone: z.string().trim().regex(/^[0-9+\-\s()]{7,20}$/, '请填写联系电话，如 13912345678 或 023-52212345'),
  email: z.string().trim().max(120, '电子邮箱最多 120 个字符').default(''),
  address: optionalText(200),
  postcode: z.string().trim().regex(/^(\d{6})?$/, '邮政编码应为 6 位数字').default(''),
  informationName: optionalText(200),
  docNo: optionalText(60),
  description: optionalText(2000),
  wantedForm: z.enum(values(WANTED_FORMS), { error: '请选择所需信息的形式' }),
  delivery: z.enum(values(DELIVERY_METHODS), { error: '请选择获取信息的途径' }),
}

type ApplicationShape = { applicantCategory: string; contactPerson: string; idType: string; idNumber: string; email: string; address: string; postcode: string; informationName: string; docNo: string; description: string; delivery: string }

/** The checks across fields: an incomplete application gets every missing item listed at once. */
function completeness(v: ApplicationShape, ctx: z.RefinementCtx) {
  const problem = idNumberProblem(v.idType, v.idNumber)
  if (problem) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: problem })
  if (v.applicantCategory !== 'natural_person' && !v.contactPerson) ctx.addIssue({ code: 'custom', path: ['contactPerson'], message: '法人或其他组织申请的，请填写联系人姓名' })
  if (!v.informationName && !v.docNo && !v.description) {
    ctx.addIssue({ code: 'custom', path: ['informationName'], message: '请填写所需信息的名称、文号或者便于查询的特征性描述（至少一项）' })
  }
  if (v.delivery === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email)) ctx.addIssue({ code: 'custom', path: ['email'], message: '选择电子邮件获取的，请填写电子邮箱，如 name@example.com' })
  else if (v.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email)) ctx.addIssue({ code: 'custom', path: ['email'], message: '电子邮箱格式不正确，如 name@example.com' })
  if (v.delivery === 'post' && !v.address) ctx.addIssue({ code: 'custom', path: ['address'], message: '选择邮寄的，请填写通信地址' })
}

/** 网上申请 (no account). `formKey` is the one-time key against double submission. */
export const OnlineApplicationForm = z.object({
  ...applicationFields,
  formKey: z.string().regex(/^[0-9a-f]{32}$/, '表单已失效，请刷新页面后重新填写'),
  /** Set once the applicant has seen the published items that may answer the question. */
  checked: z.enum(['', '1']).default(''),
}).superRefine(completeness)
export type OnlineApplication = z.infer<typeof OnlineApplicationForm>

const channelCodes = RECEIPT_CHANNELS.map((c) => c.code) as [string, ...string[]]
const optionalDate = (message: string) => z.union([z.literal(''), dateField(message)]).default('')

/** 登记申请 by staff: the channel and the dated facts 第三十一条 reads for it. */
export const StaffRegistrationForm = z.object({
  ...applicationFields,
  formKey: z.string().regex(/^[0-9a-f]{32}$/, '表单已失效，请刷新页面后重新填写'),
  channel: z.enum(channelCodes, { error: '请选择申请渠道' }),
  submittedOn: optionalDate('提交日期应写成 YYYY-MM-DD，如 2026-11-27'),
  signedForOn: optionalDate('签收日期应写成 YYYY-MM-DD'),
  arrivedOn: optionalDate('信函收到日期应写成 YYYY-MM-DD'),
  confirmedOn: optionalDate('确认日期应写成 YYYY-MM-DD'),
}).superRefine(completeness)
export type StaffRegistration = z.infer<typeof StaffRegistrationForm>

/** 查询办理进度: 查询码 + the last four digits of the phone number given in the application. */
export const TrackingForm = z.object({
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{4}-?[A-Z0-9]{4}-?[A-Z0-9]{4}$/, '请填写 12 位查询码，如 K7QF-3M9X-2PLA'),
  phoneLast4: z.string().trim().regex(/^\d{4}$/, '请填写申请时所留联系电话的后 4 位数字'),
})

export const ORGANISATION_FIELD_LABELS: Record<string, string> = {
  organisationId: '受理单位', applicantCategory: '申请人类型', name: '姓名或名称', contactPerson: '联系人', idType: '身份证明种类', idNumber: '身份证明号码',
  phone: '联系电话', email: '电子邮箱', address: '通信地址', postcode: '邮政编码', informationName: '所需信息的名称', docNo: '文号', description: '特征性描述',
  wantedForm: '所需信息的形式', delivery: '获取途径',
}
