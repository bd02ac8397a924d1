/** Form schemas of the letters wing, with Chinese field messages. Fields in the order of their forms. */
import { z } from 'zod'
import { CALL_CHANNELS, CATEGORY_KEYS, isCategory, isChannel, isNotAcceptedReason, isSatisfaction, isSupervisionGrade, SETTING_KEYS, type CategoryKey } from './rules/index.ts'
import { normalisePhone } from './contact.ts'

/** 信件 limits: a subject line, and a body long enough for a real letter but not a book. */
export const SUBJECT_MAX = 60
export const CONTENT_MIN = 10
export const CONTENT_MAX = 2000

const category = z.string({ message: '请选择诉求类别' }).refine((v) => (CATEGORY_KEYS as string[]).includes(v), '请选择诉求类别').transform((v) => v as CategoryKey)
const phone = z.string({ message: '请填写联系电话，承办单位可能需要向您了解情况' }).trim().min(1, '请填写联系电话，承办单位可能需要向您了解情况').refine((v) => normalisePhone(v) !== null, '请填写正确的电话号码，例如 13812345678 或 023-52012345').transform((v) => normalisePhone(v)!)

export const LetterForm = z.object({
  unit: z.string().optional().default(''),
  category,
  subject: z.string({ message: '请填写信件标题' }).trim().min(1, '请填写信件标题').max(SUBJECT_MAX, `标题不能超过 ${SUBJECT_MAX} 个字，请精简`),
  content: z.string({ message: '请填写信件内容' }).trim().min(1, '请填写信件内容').min(CONTENT_MIN, `信件内容太短，请至少写 ${CONTENT_MIN} 个字，说明事情经过和您的诉求`).max(CONTENT_MAX, `信件内容不能超过 ${CONTENT_MAX} 个字，请精简，或把详细材料作为附件上传`),
  name: z.string({ message: '请填写您的姓名' }).trim().min(1, '请填写您的姓名').max(20, '姓名不能超过 20 个字'),
  phone,
  publishConsent: z.enum(['yes', 'no'], { message: '请选择是否同意公开您的来信和答复' }),
  idempotencyKey: z.string({ message: '页面已过期，请刷新后重新提交' }).regex(/^[A-Za-z0-9_-]{16,64}$/, '页面已过期，请刷新后重新提交'),
})
export type LetterFormValues = z.infer<typeof LetterForm>

export const FollowUpForm = z.object({
  code: z.string().trim().min(1, '请填写查询码'),
  phoneLast4: z.string().trim().regex(/^\d{4}$/, '请填写写信时所留电话号码的后四位数字'),
})

export const RatingForm = FollowUpForm.extend({
  satisfaction: z.string({ message: '请选择您对答复的评价' }).refine(isSatisfaction, '请选择您对答复的评价'),
  comment: z.string().trim().max(500, '意见不能超过 500 个字').optional().default(''),
})

export const ReopenForm = FollowUpForm.extend({
  reason: z.string().trim().min(2, '请说明哪些问题没有解决').max(500, '说明不能超过 500 个字'),
})

export const CallForm = z.object({
  channel: z.string({ message: '请选择来电渠道' }).refine((v) => (CALL_CHANNELS as string[]).includes(v), '请选择来电渠道'),
  category,
  name: z.string().trim().max(20, '姓名不能超过 20 个字').optional().default(''),
  phone,
  subject: z.string().trim().min(1, '请填写来电事项（标题）').max(SUBJECT_MAX, `标题不能超过 ${SUBJECT_MAX} 个字`),
  content: z.string().trim().min(CONTENT_MIN, `请记录来电内容（至少 ${CONTENT_MIN} 个字）`).max(CONTENT_MAX, `来电内容不能超过 ${CONTENT_MAX} 个字`),
  outcome: z.enum(['answered', 'dispatch'], { message: '请选择当场答复或转办' }),
  answer: z.string().trim().max(CONTENT_MAX, `答复不能超过 ${CONTENT_MAX} 个字`).optional().default(''),
  unit: z.string().optional().default(''),
}).superRefine((f, ctx) => {
  if (f.outcome === 'answered' && f.answer.length < 2) ctx.addIssue({ code: 'custom', path: ['answer'], message: '当场答复的，请记录答复内容' })
  if (f.outcome === 'dispatch' && !/^\d+$/.test(f.unit)) ctx.addIssue({ code: 'custom', path: ['unit'], message: '转办的，请选择承办单位' })
})

export const ScreenForm = z.object({
  decision: z.string({ message: '请选择受理或不予受理的理由' }).refine((v) => v === 'accept' || isNotAcceptedReason(v), '请选择受理或不予受理的理由'),
  note: z.string().trim().max(500, '说明不能超过 500 个字').optional().default(''),
  unit: z.string().optional().default(''),
}).superRefine((f, ctx) => {
  if (f.decision !== 'accept' && f.note.length < 2) ctx.addIssue({ code: 'custom', path: ['note'], message: '不予受理的，请写明告知来信人的说明' })
})

export const UnitForm = z.object({ unit: z.string().regex(/^\d+$/, '请选择承办单位'), reason: z.string().trim().max(500, '理由不能超过 500 个字').optional().default('') })
/** 转为依申请公开: the unit that will handle the application (the 公开办 chooses). */
export const ConvertForm = z.object({ requestUnit: z.string({ message: '请选择受理申请的单位' }).regex(/^\d+$/, '请选择受理申请的单位') })
export const ReasonForm = z.object({ reason: z.string().trim().min(2, '请写明理由').max(500, '理由不能超过 500 个字') })
export const ExtendForm = z.object({
  // The case's own limit (its clock, from 公众诉求设置) refuses more; this only bounds the input.
  workingDays: z.coerce.number({ message: '请填写延长的工作日数' }).int('请填写整数').min(1, '至少延长 1 个工作日').max(SETTING_KEYS.extensionMaxWorkingDays.max, `最多延长 ${SETTING_KEYS.extensionMaxWorkingDays.max} 个工作日`),
  reason: z.string().trim().min(2, '请写明延期理由').max(500, '理由不能超过 500 个字'),
})
export const ReplyForm = z.object({ reply: z.string().trim().min(10, '请填写答复内容（至少 10 个字）').max(CONTENT_MAX * 2, `答复不能超过 ${CONTENT_MAX * 2} 个字`) })
export const EvaluateForm = z.object({
  grade: z.string({ message: '请选择监评等级' }).refine(isSupervisionGrade, '请选择监评等级'),
  note: z.string().trim().max(500, '回访记录不能超过 500 个字').optional().default(''),
})
export const MergeForm = z.object({ target: z.string().trim().regex(/^\d{10}$/, '请填写要并入的信件编号（10 位数字）'), reason: z.string().trim().min(2, '请写明并单理由').max(500, '理由不能超过 500 个字') })

/** 差评整改: what the unit changed and the 回访 result. */
export const RectifyForm = z.object({
  note: z.string().trim().min(2, '请写明整改情况').max(1000, '整改情况不能超过 1000 个字'),
  followUpResult: z.string().trim().min(2, '请写明回访结果').max(500, '回访结果不能超过 500 个字'),
})
/** 申诉: why the unit considers the rating unfounded. */
export const AppealForm = z.object({ reason: z.string().trim().min(2, '请写明申诉理由').max(500, '申诉理由不能超过 500 个字') })
/** 复核 of an appeal by the 公开办. */
export const ReviewAppealForm = z.object({
  decision: z.enum(['uphold', 'void'], { message: '请选择复核结论' }),
  reviewNote: z.string().trim().min(2, '请写明复核意见').max(500, '复核意见不能超过 500 个字'),
})

/** A row of the 办理时限 table ('' = any channel / category). */
export const LimitForm = z.object({
  channel: z.string().optional().default('').refine((v) => v === '' || isChannel(v), '请选择渠道'),
  category: z.string().optional().default('').refine((v) => v === '' || isCategory(v), '请选择类别'),
  workingDays: z.string({ message: '请填写办理时限' }).trim().regex(/^\d{1,2}$/, '请填写 1 至 60 之间的整数').transform(Number).refine((n) => n >= 1 && n <= 60, '办理时限应为 1 至 60 个工作日'),
  citation: z.string({ message: '请写明依据' }).trim().min(2, '请写明依据，没有明确依据的写“本区默认值”').max(300, '依据不能超过 300 个字'),
})

const settingNumber = (label: string, min: number, max: number) =>
  z.string({ message: `请填写${label}` }).trim().regex(/^\d{1,3}$/, `${label}请填写 ${min} 至 ${max} 之间的整数`).transform(Number).refine((n) => n >= min && n <= max, `${label}应为 ${min} 至 ${max}`)

/** The local numbers of the wing (rules/follow-up.ts SETTING_KEYS). */
export const SettingsForm = z.object({
  extensionMaxWorkingDays: settingNumber(SETTING_KEYS.extensionMaxWorkingDays.label, SETTING_KEYS.extensionMaxWorkingDays.min, SETTING_KEYS.extensionMaxWorkingDays.max),
  followUpWindowDays: settingNumber('评价和反馈的天数', SETTING_KEYS.followUpWindowDays.min, SETTING_KEYS.followUpWindowDays.max),
  maxReopens: settingNumber(SETTING_KEYS.maxReopens.label, SETTING_KEYS.maxReopens.min, SETTING_KEYS.maxReopens.max),
  rectificationWorkingDays: settingNumber(SETTING_KEYS.rectificationWorkingDays.label, SETTING_KEYS.rectificationWorkingDays.min, SETTING_KEYS.rectificationWorkingDays.max),
})

/** A 转办目录 row: a unit, its keywords (separated by 、，, or spaces) and the categories it takes (none = all). */
export const RoutingForm = z.object({
  unitCode: z.string({ message: '请选择承办单位' }).trim().min(1, '请选择承办单位').max(64, '请选择承办单位'),
  keywords: z.string({ message: '请填写关键词' }).trim().max(500, '关键词合计不能超过 500 个字')
    .transform((v) => [...new Set(v.split(/[、，,;；\s]+/).map((k) => k.trim()).filter(Boolean))])
    .refine((list) => list.length > 0, '请至少填写一个关键词')
    .refine((list) => list.every((k) => k.length <= 20), '每个关键词不能超过 20 个字'),
  categories: z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .refine((list) => list.every(isCategory), '请选择有效的类别').transform((list) => list as CategoryKey[]),
})

/** The key of a 办理时限 row to remove. */
export const LimitKeyForm = z.object({ channel: z.string().optional().default(''), category: z.string().optional().default('') })
/** The unit whose 转办目录 row to remove. */
export const RoutingKeyForm = z.object({ unitCode: z.string({ message: '请选择承办单位' }).trim().min(1, '请选择承办单位').max(64, '请选择承办单位') })
