/** The 政府信息公开指南 settings form, with the Chinese messages a user sees. */
import { z } from 'zod'

/**
 * 受理渠道: how a unit accepts 依申请公开 applications. 条例 第二十九条 asks for a written application
 * (including 数据电文), so every channel here carries one; 当面 means handing in the written form in person.
 */
export const CHANNELS = {
  in_person: { label: '当面提交', hint: '到办公地址当面提交书面申请' },
  post: { label: '信函', hint: '邮寄书面申请，需要填写办公地址和邮政编码' },
  fax: { label: '传真', hint: '需要填写传真号码' },
  email: { label: '电子邮件', hint: '需要填写电子邮箱' },
  // 网上申请: the platform's own online form (a 数据电文, 第二十九条), received on 双方确认之日 (第三十一条（三）).
  online: { label: '网上申请', hint: '申请人在本网站在线填写申请，凭查询码查询办理进度' },
} as const

/** The online application form and its tracking page (the requests wing's public routes). */
export const ONLINE_APPLICATION_HREF = '/xxgk/ysqgk/shenqing'
export const APPLICATION_TRACKING_HREF = '/xxgk/ysqgk/chaxun'
export type ChannelKey = keyof typeof CHANNELS
export const CHANNEL_KEYS = Object.keys(CHANNELS) as ChannelKey[]

const list = (schema: z.ZodType) => z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(schema))

/** A mainland phone number as printed on a government page: 023-52222196, 02352222196, 12345, 400-…, 13800000000. */
export const PHONE_PATTERN = /^(0\d{2,3}-?\d{7,8}(-\d{1,6})?|1[3-9]\d{9}|[1-9]\d{4,7}|400-?\d{3}-?\d{4})$/

/** Several numbers may be listed, separated by 、 ， , ；or spaces. */
export function isPhoneList(v: string): boolean {
  const numbers = v.split(/[、，,；;\s]+/).filter(Boolean)
  return numbers.length > 0 && numbers.every((p) => PHONE_PATTERN.test(p))
}

// Fields in the order of the form: the error summary lists problems in this order.
export const DisclosureSettingsForm = z.object({
  officeName: z.string().trim().min(2, '请填写政府信息公开工作机构的名称，例如“区财政局办公室”').max(100, '机构名称不能超过 100 个字'),
  address: z.string().trim().min(4, '请填写办公地址').max(200, '办公地址不能超过 200 个字'),
  postcode: z.string().trim().regex(/^(\d{6})?$/, '邮政编码是 6 位数字，例如 405400'),
  officeHours: z.string().trim().min(2, '请填写办公时间，例如“工作日 9:00—12:00，14:00—18:00”').max(200, '办公时间不能超过 200 个字'),
  phone: z.string().trim().min(1, '请填写联系电话').max(60, '联系电话不能超过 60 个字符')
    .refine(isPhoneList, '请填写有效的电话号码，例如 023-52222196；多个号码用顿号隔开'),
  fax: z.string().trim().max(60, '传真号码不能超过 60 个字符')
    .refine((v) => v === '' || isPhoneList(v), '请填写有效的传真号码，例如 023-52222197'),
  email: z.union([z.literal(''), z.string().trim().max(120, '电子邮箱不能超过 120 个字符').email('请填写有效的电子邮箱，例如 gkb@example.gov.cn')]),
  channels: list(z.enum(CHANNEL_KEYS as [ChannelKey, ...ChannelKey[]], { message: '请选择列出的受理渠道' })).refine((c) => c.length > 0, '请至少选择一种受理渠道'),
  introduction: z.string().trim().max(2000, '前言不能超过 2000 个字'),
  additionalNotes: z.string().trim().max(4000, '其他说明不能超过 4000 个字'),
}).superRefine((f, ctx) => {
  // A channel offered to the public must be usable: its address or number has to be on the guide.
  if (f.channels.includes('post') && !f.postcode) ctx.addIssue({ code: 'custom', path: ['postcode'], message: '受理信函申请的，请填写邮政编码' })
  if (f.channels.includes('fax') && !f.fax) ctx.addIssue({ code: 'custom', path: ['fax'], message: '受理传真申请的，请填写传真号码' })
  if (f.channels.includes('email') && !f.email) ctx.addIssue({ code: 'custom', path: ['email'], message: '受理电子邮件申请的，请填写电子邮箱' })
})
export type DisclosureSettingsInput = z.infer<typeof DisclosureSettingsForm>
