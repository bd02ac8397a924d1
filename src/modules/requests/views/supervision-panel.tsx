/** 督办 on the staff case page: the 公开办's form, and for everyone who sees the case, whether it is under 督办. */
import type { FieldMessage } from '../../../platform/http/errors.ts'
import { Button, ErrorSummary, Form, Notice, TextArea } from '../../../platform/views/components.tsx'

export interface SupervisionView {
  /** The case has a 督办 event (the 公开办's automatic or manual one). */
  underSupervision: boolean
  /** This user may 督办 this case (公开办, open case). */
  canSupervise: boolean
  errors?: FieldMessage[]
  reason?: string
}

export function SupervisionPanel({ csrf, caseId, view }: { csrf: string; caseId: number; view: SupervisionView }) {
  if (!view.underSupervision && !view.canSupervise && !view.errors?.length) return null
  return (
    <section aria-labelledby="supervision-title">
      <h2 id="supervision-title">督办</h2>
      <ErrorSummary errors={view.errors} />
      {view.underSupervision ? <Notice kind="warning">公开办已督办这件申请，请抓紧办理并依法答复。督办时间和理由见下方“办理记录”。</Notice> : null}
      {view.canSupervise ? (
        <details class="step" open={view.errors !== undefined}>
          <summary>督办这件申请</summary>
          <p class="hint">督办记入办理记录和审计日志，承办单位在案件和申请列表中都能看到。</p>
          <Form action={`/admin/requests/${caseId}/supervise`} csrf={csrf}>
            <TextArea name="reason" label="督办理由" hint="写明要求承办单位做什么、何时完成，如“请于三个工作日内答复申请人并报告办理情况”" value={view.reason} errors={view.errors} rows={3} />
            <Button>督办</Button>
          </Form>
        </details>
      ) : null}
    </section>
  )
}
