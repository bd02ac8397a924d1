/**
 * HTTP tests of 信息处理费设置: the 公开办 edits the [M] fee facts (CSRF, zod, Chinese errors, history, audit); unit
 * users get 403; bad input changes nothing; the fee notice of a case then uses the new payment period.
 */
import { beforeAll, expect, it } from 'vitest'
import { html, staffClients, text, useTestApp, type Client } from '../../../test/support/test-app.ts'
import { FEE_SETTINGS_PATH } from './fee-settings.routes.tsx'
import { loadFeeSchedule } from './fee-settings.ts'
import { FEE_SCHEDULE } from './rules/index.ts'

const t = useTestApp()
let staff: (username: string) => Promise<Client>
beforeAll(() => { staff = staffClients(() => t.app, '192.0.2.') })

const GOOD = { paymentWorkingDays: '15', effectiveFrom: '2021-01-01', exemptions: 'hardship｜申请人生活确有困难｜国办函〔2020〕109号第六条\nlow_income|享受最低生活保障的申请人|本地收费目录' }

it('lets the 公开办 set the payment period and exemptions, shows the tariff read-only and the change history, and audits it', async () => {
  const gkb = await staff('gkb')
  const list = await gkb.get('/admin/requests')
  expect(html(list).querySelector(`a[href="${FEE_SETTINGS_PATH}"]`)).not.toBeNull()
  const form = await gkb.get(FEE_SETTINGS_PATH)
  expect(form.statusCode).toBe(200)
  expect(form.body).toContain('尚未修改，使用系统默认值。')
  expect(form.body).toContain('第 31—100 页：10 元/页')
  expect(html(form).querySelector('input[name="paymentWorkingDays"]')!.getAttribute('value')).toBe(String(FEE_SCHEDULE.paymentWorkingDays))
  const saved = await gkb.post(FEE_SETTINGS_PATH, GOOD)
  expect(saved.statusCode).toBe(303)
  const schedule = await loadFeeSchedule(t.db)
  expect(schedule.paymentWorkingDays).toBe(15)
  expect(schedule.exemptions.map((e) => e.code)).toEqual(['hardship', 'low_income'])
  expect(schedule.perPage).toEqual(FEE_SCHEDULE.perPage)
  const after = await gkb.get(`${FEE_SETTINGS_PATH}?done=saved`)
  expect(text(after, 'table')).toContain('缴费期限 20 → 15 个工作日')
  expect(text(after, 'table')).toContain('gkb')
  const audit = await t.db.selectFrom('audit_log').select(['action', 'outcome']).where('action', '=', 'request.fee_settings').execute()
  expect(audit).toEqual([{ action: 'request.fee_settings', outcome: 'success' }])
  // The same values again: nothing new in the history.
  expect((await gkb.post(FEE_SETTINGS_PATH, GOOD)).statusCode).toBe(303)
  expect(await t.db.selectFrom('request_fee_settings').select('id').execute()).toHaveLength(1)
})

it('changes nothing on bad input, with Chinese errors', async () => {
  const gkb = await staff('gkb')
  await gkb.get(FEE_SETTINGS_PATH)
  const before = await t.db.selectFrom('request_fee_settings').select('id').execute()
  for (const [field, value, message] of [
    ['paymentWorkingDays', '0', '缴费期限应为 1 到 60 之间的整数'], ['paymentWorkingDays', '二十', '缴费期限应为 1 到 60 之间的整数'],
    ['effectiveFrom', '2021-02-30', '施行日期应为真实日期'], ['exemptions', '生活困难', '格式不对'], ['exemptions', 'a1｜甲｜乙\na1｜丙｜丁', '代码不能重复'],
  ] as const) {
    const res = await gkb.post(FEE_SETTINGS_PATH, { ...GOOD, [field]: value })
    expect(res.statusCode, `${field}=${value}`).toBe(400)
    expect(text(res, '.error-summary')).toContain(message)
  }
  expect((await gkb.post(FEE_SETTINGS_PATH, { ...GOOD, paymentWorkingDays: '30' }, { csrf: false })).statusCode).toBe(403)
  expect(await t.db.selectFrom('request_fee_settings').select('id').execute()).toEqual(before)
})

it('refuses unit users (403, audited) and shows them no link', async () => {
  const czj = await staff('czj.admin')
  expect(html(await czj.get('/admin/requests')).querySelector(`a[href="${FEE_SETTINGS_PATH}"]`)).toBeNull()
  expect((await czj.get(FEE_SETTINGS_PATH)).statusCode).toBe(403)
  const before = await loadFeeSchedule(t.db)
  expect((await czj.post(FEE_SETTINGS_PATH, { ...GOOD, paymentWorkingDays: '5' })).statusCode).toBe(403)
  expect(await loadFeeSchedule(t.db)).toEqual(before)
  const denied = await t.db.selectFrom('audit_log').select('actor_username').where('action', '=', 'request.supervise').where('outcome', '=', 'denied').execute()
  expect(denied.map((d) => d.actor_username)).toContain('czj.admin')
})
