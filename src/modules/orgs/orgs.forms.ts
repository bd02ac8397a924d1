/** Form schemas for the orgs module, with the Chinese messages a user sees. */
import { z } from 'zod'
import { dateField } from '../../platform/http/forms.ts'
import { ROLE_NAMES } from './roles.ts'

const dateString = dateField('请按“2026-01-31”的格式填写日期')

const list = (schema: z.ZodType) => z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(schema))

export const SignInForm = z.object({
  username: z.string().trim().min(1, '请填写用户名').max(64, '用户名不能超过 64 个字符'),
  password: z.string().min(1, '请填写密码').max(256, '密码过长'),
})

export const SecondFactorForm = z.object({
  code: z.string().trim().regex(/^\d{6}$/, '请填写验证器应用中显示的 6 位数字'),
})

export const ChangePasswordForm = z.object({
  currentPassword: z.string().min(1, '请填写当前密码').max(256),
  newPassword: z.string().min(1, '请填写新密码').max(256),
  confirmPassword: z.string().max(256),
}).refine((f) => f.newPassword === f.confirmPassword, { path: ['confirmPassword'], message: '两次填写的新密码不一致' })

export const CreateUserForm = z.object({
  username: z.string().trim().toLowerCase().regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名须以字母开头，由 3 到 32 个小写字母、数字、点、下划线或短横线组成'),
  displayName: z.string().trim().min(1, '请填写姓名').max(40, '姓名不能超过 40 个字'),
  organisationId: z.coerce.number({ message: '请选择所属单位' }).int().positive('请选择所属单位'),
  roles: list(z.enum(ROLE_NAMES as [string, ...string[]], { message: '请选择有效的角色' })).refine((r) => r.length > 0, '请至少选择一个角色'),
  password: z.string().min(1, '请设置初始密码').max(256),
})

export const UpdateUserForm = z.object({
  displayName: z.string().trim().min(1, '请填写姓名').max(40, '姓名不能超过 40 个字'),
  roles: list(z.enum(ROLE_NAMES as [string, ...string[]], { message: '请选择有效的角色' })).refine((r) => r.length > 0, '请至少选择一个角色'),
})

export const ResetPasswordForm = z.object({
  password: z.string().min(1, '请设置临时密码').max(256),
})

export const OrganisationProfileForm = z.object({
  address: z.string().trim().max(200, '地址不能超过 200 个字'),
  officeHours: z.string().trim().max(200, '办公时间不能超过 200 个字'),
  phone: z.string().trim().max(60, '电话不能超过 60 个字符').regex(/^[0-9+\-（）() ,，、]*$/, '电话只能包含数字、空格和“-”'),
  email: z.union([z.literal(''), z.string().trim().email('请填写有效的电子邮箱，例如 gkb@example.gov.cn')]),
  postcode: z.string().trim().regex(/^(\d{6})?$/, '邮政编码是 6 位数字'),
})

export const CreateOrganisationForm = z.object({
  name: z.string().trim().min(2, '请填写单位全称').max(80, '单位全称不能超过 80 个字'),
  shortName: z.string().trim().min(1, '请填写单位简称').max(30, '单位简称不能超过 30 个字'),
  code: z.string().trim().regex(/^[A-Za-z0-9-]{2,32}$/, '单位代码由 2 到 32 个字母、数字或短横线组成'),
  kind: z.enum(['government', 'office', 'department', 'town', 'subdistrict', 'other'], { message: '请选择单位类型' }),
  validFrom: dateString,
  predecessorIds: list(z.coerce.number().int().positive()),
  basis: z.string().trim().max(200, '依据不能超过 200 个字'),
})

export const DissolveOrganisationForm = z.object({
  validTo: dateString,
  successorId: z.union([z.literal(''), z.coerce.number().int().positive()]),
  basis: z.string().trim().min(1, '请填写撤销或合并的依据，例如机构改革方案的文号').max(200, '依据不能超过 200 个字'),
})

export const AuditFilterForm = z.object({
  actor: z.string().trim().max(64).optional().default(''),
  action: z.string().trim().max(64).regex(/^[a-z_.]*$/, '操作类型只能包含小写字母、点和下划线').optional().default(''),
  outcome: z.enum(['', 'success', 'failure', 'denied']).optional().default(''),
  from: z.union([z.literal(''), dateString]).optional().default(''),
  to: z.union([z.literal(''), dateString]).optional().default(''),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
})

export const KIND_LABELS: Record<string, string> = {
  government: '人民政府', office: '办公室', department: '政府部门', town: '镇乡', subdistrict: '街道', other: '其他单位',
}
