/** Form schemas of the letters wing, with Chinese field messages. Fields in the order of their forms. */
import { z } from 'zod'
import { CALL_CHANNELS, CATEGORY_KEYS, isNotAcceptedReason, isSatisfaction, isSupervisionGrade, type CategoryKey } from './rules/index.ts'
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
  workingDays: z.coerce.number({ message: '请填写延长的工作日数' }).int('请填写整数').min(1, '至少延长 1 个工作日').max(10, '最多延长 10 个工作日'),
  reason: z.string().trim().min(2, '请写明延期理由').max(500, '理由不能超过 500 个字'),
})
export const ReplyForm = z.object({ reply: z.string().trim().min(10, '请填写答复内容（至少 10 个字）').max(CONTENT_MAX * 2, `答复不能超过 ${CONTENT_MAX * 2} 个字`) })
export const EvaluateForm = z.object({
  grade: z.string({ message: '请选择监评等级' }).refine(isSupervisionGrade, '请选择监评等级'),
  note: z.string().trim().max(500, '回访记录不能超过 500 个字').optional().default(''),
})
export const MergeForm = z.object({ target: z.string().trim().regex(/^\d{10}$/, '请填写要并入的信件编号（10 位数字）'), reason: z.string().trim().min(2, '请写明并单理由').max(500, '理由不能超过 500 个字') })
