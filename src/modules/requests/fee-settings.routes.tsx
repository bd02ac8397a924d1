/**
 * 信息处理费设置 for the 公开办 (fee-settings.ts): the [M] facts of 国办函〔2020〕109号 — payment period, effective date,
 * exemptions — are edited here; the verbatim tariff bands are shown read-only with their citation, and the change
 * history below. Unit users get 403 (audited).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ComponentChildren } from 'preact'
import { formatInstant } from '../../platform/clock.ts'
import type { FieldMessage } from '../../platform/http/errors.ts'
import { fieldErrors, formBody } from '../../platform/http/forms.ts'
import { Button, ErrorSummary, Form, Notice, TableWrap, TextArea, TextField } from '../../platform/views/components.tsx'
import { contextOf, requireStaff, StaffPage, type StaffDeps } from '../orgs/index.ts'
import { authoriseCase } from './authorise-case.ts'
import { exemptionsText, FeeSettingsForm, listFeeSettingsChanges, loadFeeSchedule, saveFeeSettings, type FeeSettingsChange } from './fee-settings.ts'
import { PROVISION_FORMS, type FeeBand, type FeeSchedule } from './rules/index.ts'

export const FEE_SETTINGS_PATH = '/admin/requests/settings/fees'

const bandText = (b: FeeBand, unit: string) => `第 ${b.from}${b.to === null ? ` ${unit}以上` : `—${b.to} ${unit}`}：${b.yuanEach ? `${b.yuanEach} 元/${unit}` : '不收费'}`

function FeeSettingsPage({ csrf, schedule, values, errors, changes, done }: { csrf: string; schedule: FeeSchedule; values: Record<string, string>; errors?: FieldMessage[]; changes: FeeSettingsChange[]; done?: string }) {
  return (
    <>
      <p><a href="/admin/requests">返回依申请公开</a></p>
      <h1>信息处理费设置</h1>
      {done ? <Notice>{done}</Notice> : null}
      <p>收费标准依据{schedule.citation}。下列缴费期限、施行日期和减免事由凭记忆整理、尚待核实，请按国务院办公厅公布的文本（或本地收费目录）核对后设置；设置后新发出的收费通知书按新的设置计算缴费期限，已发出的通知书不变。</p>
      <ErrorSummary errors={errors} />
      <Form action={FEE_SETTINGS_PATH} csrf={csrf}>
        <TextField name="paymentWorkingDays" label="缴费期限（工作日）" hint="自申请人收到收费通知书之次日起计算，1 到 60" value={values.paymentWorkingDays} errors={errors} width="short" inputmode="numeric" />
        <TextField name="effectiveFrom" label="施行日期" hint="收到申请之日在此日期及以后的申请适用收费标准，格式 YYYY-MM-DD" value={values.effectiveFrom} errors={errors} width="short" />
        <TextArea name="exemptions" label="减免事由（每行一项）" hint="每行写“代码｜名称｜依据”，如 hardship｜申请人生活确有困难｜国办函〔2020〕109号；没有减免事由时留空" value={values.exemptions} errors={errors} rows={4} />
        <Button>保存设置</Button>
      </Form>
      <h2>收费标准（原文，不可修改）</h2>
      <p>{schedule.citation}第四条（按件计收，本人本自然月申请件数）：{schedule.perApplication.bands.map((b) => bandText(b, '件')).join('；')}；此后以 {schedule.perApplication.beyond.bandSize} 件为一档，每增加一档，收费标准提高 {schedule.perApplication.beyond.stepYuan} 元/件。</p>
      <p>{schedule.citation}第五条（按量计收，适用于{schedule.perPage.forms.map((f) => PROVISION_FORMS[f]).join('、')}）：{schedule.perPage.bands.map((b) => bandText(b, '页')).join('；')}。</p>
      <h2>修改记录</h2>
      {changes.length ? (
        <TableWrap label="信息处理费设置的修改记录">
          <table class="table">
            <thead><tr><th scope="col">时间</th><th scope="col">修改人</th><th scope="col">修改内容</th></tr></thead>
            <tbody>{changes.map((c) => <tr><td>{formatInstant(c.changedAt)}</td><td>{c.username}</td><td>{c.summary}</td></tr>)}</tbody>
          </table>
        </TableWrap>
      ) : <p>尚未修改，使用系统默认值。</p>}
    </>
  )
}

export async function feeSettingsRoutes(app: FastifyInstance, deps: StaffDeps): Promise<void> {
  const staff = requireStaff(deps)
  const page = (request: FastifyRequest, reply: FastifyReply, body: ComponentChildren, status = 200) =>
    reply.page(<StaffPage deps={deps} request={request} title="信息处理费设置">{body}</StaffPage>, status)
  const current = async () => {
    const schedule = await loadFeeSchedule(deps.db)
    return { schedule, values: { paymentWorkingDays: String(schedule.paymentWorkingDays), effectiveFrom: schedule.effectiveFrom, exemptions: exemptionsText(schedule.exemptions) } }
  }

  app.get(FEE_SETTINGS_PATH, { preHandler: staff }, async (request, reply) => {
    await authoriseCase(contextOf(deps, request), 'supervise')
    const { schedule, values } = await current()
    const done = (request.query as Record<string, unknown>).done === 'saved' ? '已保存。新发出的收费通知书按新的设置计算。' : undefined
    return page(request, reply, <FeeSettingsPage csrf={request.csrfToken()} schedule={schedule} values={values} changes={await listFeeSettingsChanges(deps.db)} done={done} />)
  })

  app.post(FEE_SETTINGS_PATH, { preHandler: staff }, async (request, reply) => {
    const ctx = contextOf(deps, request)
    await authoriseCase(ctx, 'supervise')
    const body = formBody(request.body)
    const form = FeeSettingsForm.safeParse(body)
    if (!form.success) {
      const values = Object.fromEntries(['paymentWorkingDays', 'effectiveFrom', 'exemptions'].map((k) => [k, typeof body[k] === 'string' ? body[k] : '']))
      return page(request, reply, <FeeSettingsPage csrf={request.csrfToken()} schedule={(await current()).schedule} values={values} errors={fieldErrors(form.error)} changes={await listFeeSettingsChanges(deps.db)} />, 400)
    }
    await saveFeeSettings(ctx, form.data)
    return reply.redirect(`${FEE_SETTINGS_PATH}?done=saved`, 303)
  })
}
