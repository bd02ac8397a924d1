/** The catalogue item form: statutory metadata with field-level Chinese messages. */
import { z } from 'zod'
import { dateField } from '../../platform/http/forms.ts'
import { CATALOGUE_SECTIONS, GENRES } from './catalogue-terms.ts'
import { isKnownTopic, topicVocabulary, TOPIC_SEPARATOR, type TopicVocabulary } from './topics.ts'

const date = dateField
const optionalDate = z.union([z.literal(''), date('请按“2026-01-31”的格式填写日期')])

// Fields in the order of the form (views/admin-pages.tsx): the error summary lists problems in this order.
// 主题分类 is checked against the classes in force (built-in plus those the installation added): `editionForm(vocabulary)`.
export function editionForm(topics: TopicVocabulary) {
  return z.object({
    title: z.string().trim().min(2, '请填写信息名称（标题）').max(300, '名称不能超过 300 个字'),
    docNo: z.string().trim().max(60, '文号不能超过 60 个字'),
    issuingBody: z.string().trim().max(100, '发文机关不能超过 100 个字'),
    writtenOn: date('请填写成文日期，例如 2026-11-20'),
    section: z.string().refine((v) => CATALOGUE_SECTIONS.some((s) => s.key === v), '请选择目录栏目'),
    topic: z.string().refine((v) => isKnownTopic(topics, v), '请选择主题分类'),
    genre: z.string().refine((v) => GENRES.includes(v), '请选择体裁（公文种类）'),
    summary: z.string().trim().max(1000, '内容概述不能超过 1000 个字'),
    body: z.string().max(500_000, '正文过长，请改为附件'),
    disclosure: z.enum(['proactive', 'on_request', 'not_disclosed'], { message: '请选择公开方式' }),
    disclosureBasis: z.string().trim().max(300, '依据不能超过 300 个字'),
    validity: z.enum(['', 'in_force', 'expired', 'repealed'], { message: '请选择有效性' }),
    effectiveOn: optionalDate,
    expiresOn: optionalDate,
    amends: z.string().trim().max(2000, '内容过长').optional().default(''),
    repeals: z.string().trim().max(2000, '内容过长').optional().default(''),
    changeKind: z.enum(['major', 'minor']).optional(),
    changeNote: z.string().trim().max(500, '修订说明不能超过 500 个字').optional(),
  }).superRefine((f, ctx) => {
    if (f.disclosure !== 'proactive' && f.disclosureBasis.length < 2) ctx.addIssue({ code: 'custom', path: ['disclosureBasis'], message: '依申请公开或不予公开的，请写明依据，例如“《条例》第十五条”' })
    if (f.expiresOn && f.effectiveOn && f.expiresOn < f.effectiveOn) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: '失效日期不能早于施行日期' })
    if (f.effectiveOn && f.effectiveOn < f.writtenOn) ctx.addIssue({ code: 'custom', path: ['effectiveOn'], message: '施行日期不能早于成文日期' })
    if (f.section === 'fggz' && !f.validity) ctx.addIssue({ code: 'custom', path: ['validity'], message: '规章和规范性文件须标注有效性' })
  })
}

/** The item form with the built-in 主题分类 only (tests, and callers without a database). */
export const EditionForm = editionForm(topicVocabulary())
export type EditionFormValues = z.infer<typeof EditionForm>

export const ReasonForm = z.object({ reason: z.string().trim().max(500, '理由不能超过 500 个字').default('') })
export const WithdrawForm = z.object({
  kind: z.enum(['published_in_error', 'replaced', 'expired_repealed'], { message: '请选择撤回的类型' }),
  explanation: z.string().trim().max(500, '说明不能超过 500 个字'),
})
export const ScheduleForm = z.object({
  publishAt: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$/, '请按“2026-12-01 09:00”的格式填写发布时间')]).default(''),
})

// 主题分类维护: a class name is short, plain text; the backslash separates the two levels, so it cannot be part of a name.
const topicName = (required: string) => z.string().trim().min(1, required).max(40, '分类名称不能超过 40 个字').refine((v) => !v.includes(TOPIC_SEPARATOR), '分类名称中不能有反斜杠“\\”')
export const AddSecondLevelForm = z.object({
  first: z.string().min(1, '请选择二级分类所属的一级分类'),
  second: topicName('请填写二级分类的名称'),
  note: z.string().trim().max(200, '说明不能超过 200 个字').default(''),
})
export const AddFirstLevelForm = z.object({
  newFirst: topicName('请填写一级分类的名称'),
  newFirstNote: z.string().trim().max(200, '说明不能超过 200 个字').default(''),
})
