/** Back-office pages of 依申请公开: the case list, registration, and the case page with its clock and steps. */
import type { ComponentChildren } from 'preact'
import { formatInstant } from '../../../platform/clock.ts'
import type { FieldMessage } from '../../../platform/http/errors.ts'
import { Button, Checkboxes, EmptyState, ErrorSummary, fieldId, Form, Notice, Pagination, Select, SummaryList, TableWrap, TextArea, TextField } from '../../../platform/views/components.tsx'
import type { ClockEvaluation } from '../../calendar/index.ts'
import { decisionChoices, decisionStep, WITHHELD_ROWS, withheldRowCount, type SelectableDisposition, type StepDefinition } from '../case-steps.ts'
import { formatQueryCode } from '../query-code.ts'
import { ID_TYPES } from '../requests.forms.ts'
import { APPLICANT_LABELS, CHANNEL_LABELS, DELIVERY_LABELS, ID_TYPE_LABELS, WANTED_FORM_LABELS, labelOf } from '../requests.labels.ts'
import type { CaseDocument, CaseEvent, CaseListFilter, CaseListRow, RequestCase, Remedy } from '../requests.repository.ts'
import { CASE_STATUS_LABELS, DISPOSITION_GROUPS, DISPOSITIONS, RECEIPT_CHANNELS, REMEDY_OUTCOMES, RECEIPT_FACT_LABELS, WITHHOLDING_GROUNDS, type CaseStatus } from '../rules/index.ts'
import { ApplicationFields, type UnitOption } from './public-pages.tsx'
import { SupervisionPanel, type SupervisionView } from './supervision-panel.tsx'

const statusLabel = (s: string) => CASE_STATUS_LABELS[s as CaseStatus] ?? s
const DISPOSITION_CHOICE_LABEL = (code: string) => { const d = DISPOSITIONS.find((x) => x.code === code); return d ? `${DISPOSITION_GROUPS[d.group].replace(/（区分处理.*）$/, '')} ${d.label}` : code }
const dispositionLabel = (code: string | null) => (code ? DISPOSITIONS.find((d) => d.code === code)?.label ?? code : '')

export const FILTERS: { value: CaseListFilter; label: string }[] = [
  { value: 'open', label: '在办' }, { value: 'due_soon', label: '即将到期' }, { value: 'overdue', label: '已逾期' }, { value: 'closed', label: '已办结' }, { value: 'all', label: '全部' },
]

function DueTag({ dueOn, today, dueSoonOn, open }: { dueOn: string | null; today: string; dueSoonOn: string; open: boolean }) {
  if (!dueOn) return <span>尚未起算</span>
  if (!open) return <span>{dueOn}</span>
  if (dueOn < today) return <span>{dueOn} <span class="tag tag--red">已逾期</span></span>
  if (dueOn <= dueSoonOn) return <span>{dueOn} <span class="tag tag--amber">即将到期</span></span>
  return <span>{dueOn}</span>
}

export interface UnitCount { organisationId: number; name: string; open: number; dueSoon: number; overdue: number; /** Open cases under 督办. */ supervised?: number }

export interface Suggestion { requestIds: readonly string[]; applicantCount: number; description: string; explanation: string }

export function CaseListPage({ rows, total, page, pageSize, filter, today, dueSoonOn, unitNames, showUnit, canRegister, canImport, overview, openStates, done, suggestions, csrf, supervised }: {
  rows: CaseListRow[]; total: number; page: number; pageSize: number; filter: CaseListFilter; today: string; dueSoonOn: string; unitNames: Map<number, string>
  showUnit: boolean; canRegister: boolean; canImport?: boolean; overview?: UnitCount[]; openStates: readonly string[]; done?: string; suggestions?: Suggestion[]; csrf?: string
  /** 督办: open cases under it (count) and which rows of this page are (supervise-case.ts). */
  supervised?: { count: number; ids: ReadonlySet<number> }
}) {
  return (
    <>
      <h1>依申请公开</h1>
      {done ? <Notice>{done}</Notice> : null}
      <p>{canRegister ? <><a class="button button--primary" href="/admin/requests/new">登记申请</a>　</> : null}<a href="/admin/requests/tongji">统计（年度报告表三、表四）</a>{canImport ? <>　<a href="/admin/requests/import">导入历史案件</a></> : null}{overview ? <>　<a href="/admin/requests/settings/fees">信息处理费设置</a></> : null}</p>
      {overview ? (
        <section aria-labelledby="overview-title">
          <h2 id="overview-title">各单位办理情况</h2>
          <TableWrap label="各单位在办申请">
            <table class="table">
              <thead><tr><th scope="col">单位</th><th scope="col">在办</th><th scope="col">即将到期</th><th scope="col">已逾期</th><th scope="col">督办中</th></tr></thead>
              <tbody>{overview.map((u) => <tr><td>{u.name}</td><td>{u.open}</td><td>{u.dueSoon}</td><td>{u.overdue ? <span class="tag tag--red">{u.overdue}</span> : 0}</td><td>{u.supervised ?? 0}</td></tr>)}</tbody>
            </table>
          </TableWrap>
        </section>
      ) : null}
      {suggestions?.length && csrf !== undefined ? (
        <section aria-labelledby="suggest-title">
          <h2 id="suggest-title">建议纳入主动公开（第四十四条）</h2>
          <ul class="item-list">{suggestions.map((g) => (
            <li>
              <strong>{g.description}</strong>
              <span class="item-list__meta">{g.explanation}</span>
              <Form action="/admin/requests/zhudong" csrf={csrf}>
                {g.requestIds.map((id) => <input type="hidden" name="requestIds" value={id} />)}
                <Button variant="secondary">生成主动公开草稿<span class="visually-hidden">：{g.description}</span></Button>
              </Form>
            </li>
          ))}</ul>
        </section>
      ) : null}
      {supervised?.count ? <Notice kind="warning">{showUnit ? '全区' : '本单位'}有 <strong>{supervised.count}</strong> 件在办申请正被公开办督办，列表中标有“督办”。</Notice> : null}
      <nav class="tabs" aria-label="按办理情况筛选">
        <ul>{FILTERS.map((f) => <li><a href={`/admin/requests?filter=${f.value}`} aria-current={f.value === filter ? 'page' : undefined}>{f.label}</a></li>)}</ul>
      </nav>
      {rows.length === 0 ? <EmptyState title="没有符合条件的申请">收到的申请登记后会显示在这里，按答复期限排序。</EmptyState> : (
        <TableWrap label="申请列表">
          <table class="table">
            <caption class="visually-hidden">依申请公开申请，按答复期限排序</caption>
            <thead><tr><th scope="col">编号</th>{showUnit ? <th scope="col">受理单位</th> : null}<th scope="col">申请人</th><th scope="col">所需信息</th><th scope="col">状态</th><th scope="col">收到申请之日</th><th scope="col">答复期限</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td><a href={`/admin/requests/${r.id}`}>第 {r.id} 号</a>{supervised?.ids.has(r.id) ? <> <span class="tag tag--red">督办</span></> : null}</td>
                  {showUnit ? <td>{unitNames.get(r.organisationId) ?? ''}</td> : null}
                  <td>{r.applicantNameMasked}</td>
                  <td>{(r.informationName || r.description).slice(0, 40)}</td>
                  <td>{statusLabel(r.state)}</td>
                  <td>{r.receivedOn ?? '待确认'}</td>
                  <td><DueTag dueOn={r.dueOn} today={today} dueSoonOn={dueSoonOn} open={openStates.includes(r.state)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} href={(p) => `/admin/requests?filter=${filter}&page=${p}`} />
    </>
  )
}

export function RegisterPage({ csrf, values, errors, units }: { csrf: string; values: Record<string, string>; errors?: FieldMessage[]; units: UnitOption[] }) {
  return (
    <>
      <h1>登记申请</h1>
      <p>登记当面、邮寄、传真、电子邮件等渠道收到的申请。收到申请之日按《政府信息公开条例》第三十一条确定：当面提交以提交之日为准，需签收的邮寄以签收之日为准，平常信函、传真、电子邮件和网络以双方确认之日为准。</p>
      <ErrorSummary errors={errors} />
      <Form action="/admin/requests/new" csrf={csrf}>
        <input type="hidden" name="formKey" value={values.formKey} />
        <fieldset class="fieldset">
          <legend class="label label--section"><h2>收到申请</h2></legend>
          <Select name="channel" label="申请渠道" value={values.channel ?? 'in_person'} errors={errors} options={RECEIPT_CHANNELS.map((c) => ({ value: c.code, label: c.label }))} />
          <TextField name="submittedOn" label={`${RECEIPT_FACT_LABELS.submittedOn}（当面、传真、电子邮件）`} hint="格式 YYYY-MM-DD" value={values.submittedOn} errors={errors} width="short" />
          <TextField name="signedForOn" label={`${RECEIPT_FACT_LABELS.signedForOn}（需签收的邮寄）`} value={values.signedForOn} errors={errors} width="short" />
          <TextField name="arrivedOn" label={`${RECEIPT_FACT_LABELS.arrivedOn}（平常信函）`} value={values.arrivedOn} errors={errors} width="short" />
          <TextField name="confirmedOn" label={`${RECEIPT_FACT_LABELS.confirmedOn}（平常信函、传真、电子邮件；已确认时填写）`} value={values.confirmedOn} errors={errors} width="short" />
        </fieldset>
        <ApplicationFields values={values} errors={errors} units={units} />
        <Button>登记</Button>
      </Form>
    </>
  )
}

export interface CaseView {
  record: RequestCase
  unitName: string
  applicant: { name: string; idType: string; idNumber: string; phone: string; address: string; email?: string; revealed: boolean }
  clock: ClockEvaluation | null
  events: CaseEvent[]
  documents: CaseDocument[]
  /** Consultation reply / silence events → the consulted party's name (from the sealed consultation letters). */
  consulted?: ReadonlyMap<number, string>
  remedies: Remedy[]
  steps: StepDefinition[]
  /** Earlier answered requests of the same applicant that this one may repeat (第三十六条第（六）项). */
  repeats: { requestId: string; explanation: string }[]
  /** Values the decision form starts with (the earlier answer of a repeated request). */
  decisionDefaults?: Record<string, string>
  canReveal: boolean
  today: string
  /** 督办: whether the case is under it, and the 公开办's form (supervision-panel.tsx). */
  supervision?: SupervisionView
  /** The applicant gave no 身份证明 (第二十九条第二款第（一）项): the page says so and offers to add it or ask for it. */
  lacksIdentity?: boolean
  /** Contact details of the unit its 指南 does not give (the letters leave them out). */
  contactGaps?: string[]
  /** Whether this actor may act on the (open) case. */
  canAct?: boolean
  /** Values a step form starts with, by step type (the 补正 notice of a case without 身份证明). */
  stepDefaults?: Record<string, Record<string, string>>
}

/** 补充身份证明: the applicant's identity document, when the application came without one. */
function IdentityForm({ csrf, caseId, values, errors }: { csrf: string; caseId: number; values?: Record<string, string | string[]>; errors?: FieldMessage[] }) {
  const v = (name: string) => { const x = values?.[name]; return Array.isArray(x) ? x[0] ?? '' : x ?? '' }
  const named = errors?.map((e) => ({ ...e, field: e.field ? `identity.${e.field}` : '' }))
  return (
    <details class="step" open={errors !== undefined}>
      <summary>补充身份证明</summary>
      <Form action={`/admin/requests/${caseId}/identity`} csrf={csrf}>
        <Select name="identity.idType" label="身份证明种类" value={v('idType')} errors={named} options={ID_TYPES.map((t) => ({ value: t.value, label: t.label }))} />
        <TextField name="identity.idNumber" label="身份证明号码" hint="加密保存，页面只显示部分号码；查看完整号码记入审计日志" value={v('idNumber')} errors={named} width="full" />
        <Button>保存身份证明</Button>
      </Form>
    </details>
  )
}

/**
 * 部分公开: the withheld parts as rows (what, on which grounds, why — 第三十七条). Three rows at first; “添加一行”
 * resubmits the form with one more row and records nothing, so it works without JavaScript.
 */
function WithheldRows({ name, label, hint, values, errors }: { name: string; label: string; hint?: string; values: Record<string, string | string[]>; errors?: FieldMessage[] }) {
  const rows = withheldRowCount(values)
  const one = (key: string) => { const x = values[key]; return Array.isArray(x) ? x[0] ?? '' : x ?? '' }
  const prefix = name.slice(0, -'withheld'.length)
  return (
    <fieldset class="fieldset withheld-rows">
      <legend class="label label--section">{label}</legend>
      {hint ? <p class="hint">{hint}</p> : null}
      <input type="hidden" name={`${prefix}withheldRows`} value={String(rows)} />
      {Array.from({ length: rows }, (_, i) => {
        const n = i + 1
        return (
          <fieldset class="fieldset withheld-row">
            <legend class="label">不予公开的第 {n} 部分</legend>
            <TextArea name={`${prefix}withheldPart${n}`} label={`第 ${n} 部分：不予公开的内容`} value={one(`withheldPart${n}`)} errors={errors} rows={2} />
            <Checkboxes name={`${prefix}withheldGrounds${n}`} label={`第 ${n} 部分：依据`} values={([] as string[]).concat(values[`withheldGrounds${n}`] ?? [])} errors={errors}
              options={Object.entries(WITHHOLDING_GROUNDS).map(([value, g]) => ({ value, label: `${g.label}（${g.article}）` }))} />
            <TextArea name={`${prefix}withheldReason${n}`} label={`第 ${n} 部分：不予公开的理由`} value={one(`withheldReason${n}`)} errors={errors} rows={2} />
          </fieldset>
        )
      })}
      {rows < WITHHELD_ROWS.max ? <Button variant="secondary" name={`${prefix}more`} value="1">添加一行（不会保存）</Button> : null}
    </fieldset>
  )
}

/**
 * 作出答复, first step: choose the disposition (a GET form: nothing is recorded). One fieldset per outcome group of
 * table 三, one radio per row with its articles; the second step shows only that disposition's fields.
 */
function DecisionChoice({ caseId, step, error, chosen, open }: { caseId: number; step: StepDefinition; error?: string; chosen?: string; open?: boolean }) {
  const name = 'jueding'
  return (
    <details class="step" id="decision" open={open || error !== undefined}>
      <summary>{step.label}</summary>
      <p class="hint">{step.explanation} 第一步选择办理结果，第二步只填写这一结果的答复书需要的内容。</p>
      {error ? <ErrorSummary errors={[{ field: name, message: error }]} /> : null}
      <form action={`/admin/requests/${caseId}`} method="get" novalidate>
        <input type="hidden" name="xuanze" value="1" />
        <div class={`form-group${error ? ' form-group--error' : ''}`}>
          <fieldset class="fieldset" aria-describedby={error ? `${fieldId(name)}-error` : undefined}>
            <legend class="label label--section">第一步：办理结果（年度报告表三的分类）</legend>
            {error ? <p class="error-message" id={`${fieldId(name)}-error`}><span class="visually-hidden">错误：</span>{error}</p> : null}
            {decisionChoices().map((g, gi) => (
              <fieldset class="fieldset decision-group">
                <legend class="label">{g.group}</legend>
                <div class="checkboxes">
                  {g.options.map((o, i) => {
                    const id = gi === 0 && i === 0 ? fieldId(name) : `${fieldId(name)}-${o.value}`
                    return (
                      <div class="checkbox">
                        <input type="radio" id={id} name={name} value={o.value} checked={chosen === o.value} />
                        <label for={id}>{o.label}<span class="hint hint--inline">（{o.hint}）</span></label>
                      </div>
                    )
                  })}
                </div>
              </fieldset>
            ))}
          </fieldset>
        </div>
        <Button>下一步：填写答复内容</Button>
      </form>
    </details>
  )
}

function StepForm({ csrf, caseId, step, values, errors, decisionCode }: { csrf: string; caseId: number; step: StepDefinition; values: Record<string, string | string[]>; errors?: FieldMessage[]; decisionCode?: SelectableDisposition }) {
  const v = (name: string) => { const x = values[name.slice(step.type.length + 1)]; return Array.isArray(x) ? x[0] ?? '' : x ?? '' }
  errors = errors?.map((e) => ({ ...e, field: e.field ? `${step.type}.${e.field}` : '' }))
  return (
    <details class="step" id={decisionCode ? 'decision' : undefined} open={errors !== undefined || decisionCode !== undefined}>
      <summary>{step.label}</summary>
      <p class="hint">{step.explanation}{step.informsApplicant ? ' 将生成告知申请人的文书。' : ''}</p>
      {decisionCode ? <p>第二步：办理结果为<strong>{DISPOSITION_CHOICE_LABEL(decisionCode)}</strong>（<a href={`/admin/requests/${caseId}?gaixuan=1#decision`}>更改办理结果</a>）</p> : null}
      <Form action={`/admin/requests/${caseId}/steps/${step.type}`} csrf={csrf}>
        {decisionCode ? <input type="hidden" name="decided.code" value={decisionCode} /> : null}
        {step.fields.map((f) => {
          // Field names carry the step (receipt_confirmed.on): several step forms share a page, ids must be unique.
          const name = `${step.type}.${f.name}`
          const label = f.label
          switch (f.kind) {
            case 'textarea': return <TextArea name={name} label={label} hint={f.hint} value={v(name)} errors={errors} rows={3} />
            case 'select': return <Select name={name} label={label} hint={f.hint} value={v(name)} errors={errors} placeholder={f.required ? undefined : '（不适用）'} options={f.options ?? []} />
            case 'withheldRows': return <WithheldRows name={name} label={label} hint={f.hint} values={values} errors={errors} />
            case 'checkboxes': return <Checkboxes name={name} label={label} hint={f.hint} values={([] as string[]).concat(values[f.name] ?? [])} errors={errors} options={f.options ?? []} />
            default: return <TextField name={name} label={label} hint={f.hint} value={v(name)} errors={errors} width={f.kind === 'text' ? 'full' : 'short'} inputmode={f.kind === 'number' ? 'numeric' : undefined} />
          }
        })}
        <Button>{step.label}</Button>
      </Form>
    </details>
  )
}

function ClockPanel({ clock, record, withdrawn }: { clock: ClockEvaluation | null; record: RequestCase; /** Withdrawn by the applicant (also once archived). */ withdrawn: boolean }) {
  if (!clock) return <p>尚未确定收到申请之日，答复期限尚未起算（《政府信息公开条例》第三十一条）。</p>
  const paused = clock.consultations
  return (
    <>
      <SummaryList rows={[
        { key: '答复期限', value: <strong>{clock.dueOn ?? '—'}{clock.dueOnProjected ? '（暂停中，按恢复计算推算）' : ''}{clock.provisional ? '（依赖尚未公布的节假日安排）' : ''}</strong> },
        { key: '期限', value: `${clock.totalWorkingDays} 个工作日${clock.extensionWorkingDays ? `（含延期 ${clock.extensionWorkingDays} 个工作日）` : ''}` },
        { key: '已用工作日', value: String(clock.workingDaysUsed) },
        { key: '剩余工作日', value: clock.overdueWorkingDays > 0 ? <span class="tag tag--red">已逾期 {clock.overdueWorkingDays} 个工作日</span> : String(clock.workingDaysRemaining) },
        { key: '计时状态', value: clock.state === 'running' ? '计时中' : clock.state === 'paused' ? '暂停（不计入答复期限）' : withdrawn ? `已停止（${record.decidedOn ?? ''} 申请人撤回）` : `已停止（${clock.answeredOn ?? ''} 答复${clock.answeredOnTime === false ? '，逾期' : clock.answeredOnTime ? '，按时' : ''}）` },
        ...(clock.correction.noticeDueOn ? [{ key: '补正告知期限', value: `${clock.correction.noticeDueOn}${clock.correction.late ? '（告知晚于期限）' : ''}` }] : []),
        ...(record.decidedOn ? [{ key: withdrawn ? '撤回日期' : '答复日期', value: record.decidedOn }] : []),
      ]} />
      {paused.length ? (
        <>
          <h3>暂停期间</h3>
          <ul>{paused.map((p) => <li>{p.startedOn} 起{p.endedOn ? ` 至 ${p.endedOn}` : '，尚未结束'}：{p.reason === 'third_party_consultation' ? '征求第三方意见' : p.reason === 'agency_consultation' ? '征求其他机关意见' : '收费通知'}{p.dueOn ? `（对方答复期限 ${p.dueOn}）` : ''}{p.outcome === 'agency_decides' ? '，逾期未提出意见，由本机关决定' : p.outcome === 'deemed_consent' ? '，逾期视为同意' : ''}</li>)}</ul>
        </>
      ) : null}
      <details class="trace-box">
        <summary>期限计算过程</summary>
        <p>{clock.trace.summary}</p>
        <ol class="trace">{clock.trace.lines.map((l) => <li>{l}</li>)}</ol>
      </details>
    </>
  )
}

export function CasePage({ csrf, view, errors, refused, stepValues, openStep, done, decision }: {
  csrf: string; view: CaseView; errors?: FieldMessage[]; refused?: string; stepValues?: Record<string, string | string[]>; openStep?: string; done?: string
  /** The decision form's step: the chosen disposition (second step), or a choice error (first step). */
  decision?: { code?: SelectableDisposition; error?: string; open?: boolean }
}) {
  const r = view.record
  const a = view.applicant
  // Withdrawn (申请人撤回), also after archiving: the trace keeps the event when the state moves on.
  const withdrawn = r.state === 'withdrawn' || view.events.some((e) => e.type === 'withdrawn')
  return (
    <>
      <p><a href="/admin/requests">返回申请列表</a></p>
      <h1>依申请公开 第 {r.id} 号</h1>
      <p><span class="tag">{statusLabel(r.state)}</span> {view.unitName}</p>
      {done ? <Notice>{done}</Notice> : null}
      {errors?.length
        // Field problems: the summary links each message to its field (the step's fields are named `${step}.${field}`).
        ? <ErrorSummary errors={errors.map((e) => ({ ...e, field: e.field ? `${openStep}.${e.field}` : '' }))} />
        : refused ? <div class="error-summary" role="alert" tabIndex={-1}><h2 class="error-summary__title">不能办理这一步</h2><p>{refused}</p><p>案件没有任何改变。</p></div> : null}
      <div class="two-columns">
        <div>
          <h2>申请内容</h2>
          <SummaryList rows={[
            { key: '申请渠道', value: labelOf(CHANNEL_LABELS, r.channel) },
            { key: '提交日期', value: r.submittedOn },
            { key: '收到申请之日', value: r.receivedOn ?? '尚待确认' },
            { key: '所需信息名称', value: r.informationName || '—' },
            { key: '文号', value: r.docNo || '—' },
            { key: '特征性描述', value: r.description || '—' },
            { key: '所需信息的形式', value: labelOf(WANTED_FORM_LABELS, r.wantedForm) },
            { key: '获取途径', value: labelOf(DELIVERY_LABELS, r.delivery) },
            { key: '办理结果', value: withdrawn ? '申请人撤回（其他处理 3.其他）' : dispositionLabel(r.disposition) || '尚未答复' },
            { key: '查询码', value: formatQueryCode(r.queryCode) },
            { key: '内容指纹（SM3）', value: <code class="fingerprint">{r.fingerprint}</code> },
          ]} />
          <h2>申请人</h2>
          <SummaryList rows={[
            { key: '申请人类型', value: labelOf(APPLICANT_LABELS, r.applicantType) },
            { key: '姓名或名称', value: a.name },
            { key: labelOf(ID_TYPE_LABELS, a.idType) || '身份证明', value: a.idNumber || '未提供（待与申请人确认时补充）' },
            { key: '联系电话', value: a.phone },
            { key: '通信地址', value: a.address || '—' },
            ...(a.revealed && a.email ? [{ key: '电子邮箱', value: a.email }] : []),
          ]} />
          {view.canReveal && !a.revealed ? (
            <Form action={`/admin/requests/${r.id}/applicant`} csrf={csrf}><Button variant="secondary">查看完整身份信息（将记入审计日志）</Button></Form>
          ) : null}
        </div>
        <div>
          <h2>答复期限</h2>
          <ClockPanel clock={view.clock} record={r} withdrawn={withdrawn} />
        </div>
      </div>
      {view.repeats.length ? (
        <Notice kind="warning">
          <strong>可能属于重复申请：</strong>
          <ul>{view.repeats.map((m) => <li><a href={`/admin/requests/${m.requestId}`}>第 {m.requestId} 号</a>：{m.explanation}</li>)}</ul>
        </Notice>
      ) : null}
      {view.supervision ? <SupervisionPanel csrf={csrf} caseId={r.id} view={view.supervision} /> : null}
      <h2>办理</h2>
      {view.contactGaps?.length && view.canAct ? (
        <Notice kind="warning">
          本单位的政府信息公开指南尚未写明{view.contactGaps.join('、')}。发出文书的步骤会请您填写，印在该次文书的附注；不填的，文书不写这些内容。请到<a href={`/admin/disclosure-guides/${r.organisationId}`}>政府信息公开指南设置</a>中填写（《政府信息公开条例》第十二条）。
        </Notice>
      ) : null}
      {view.lacksIdentity ? (
        <Notice kind="warning">
          <strong>申请缺少身份证明。</strong>《政府信息公开条例》第二十九条第二款第（一）项要求申请包括申请人的身份证明。请在确认收到时补充；申请人未提供的，请告知补正（补正告知书已预填这一事项）。
        </Notice>
      ) : null}
      {view.lacksIdentity && view.canAct ? <IdentityForm csrf={csrf} caseId={r.id} values={openStep === 'identity' ? stepValues : undefined} errors={openStep === 'identity' ? errors ?? [] : undefined} /> : null}
      {view.steps.length ? view.steps.map((s) => {
        if (s.type === 'decided') {
          // Without JavaScript the decision is two steps: the disposition (GET ?jueding=…), then only its fields.
          const code = decision?.code
          if (!code) return <DecisionChoice caseId={r.id} step={s} error={decision?.error} open={decision !== undefined} chosen={view.repeats.length ? 'not_processed_repeated' : undefined} />
          return <StepForm csrf={csrf} caseId={r.id} step={decisionStep(code, s.fields.filter((f) => f.name.startsWith('unit')))} decisionCode={code} values={openStep === s.type ? stepValues ?? {} : view.decisionDefaults ?? {}} errors={openStep === s.type ? errors ?? [] : undefined} />
        }
        return <StepForm csrf={csrf} caseId={r.id} step={s} values={openStep === s.type ? stepValues ?? {} : view.stepDefaults?.[s.type] ?? {}} errors={openStep === s.type ? errors ?? [] : undefined} />
      }) : <p>本案件没有可以办理的步骤。</p>}
      <h2>文书</h2>
      {view.documents.length ? (
        <TableWrap label="已出具的文书">
          <table class="table">
            <thead><tr><th scope="col">文书</th><th scope="col">出具日期</th><th scope="col">送达对象</th><th scope="col">下载</th></tr></thead>
            <tbody>{view.documents.map((d) => <tr><td><a href={`/admin/requests/${r.id}/documents/${d.id}`}>{d.title}</a></td><td>{d.issuedOn}</td><td>{d.forApplicant ? '申请人' : '第三方或其他机关'}</td><td><a href={`/admin/requests/${r.id}/documents/${d.id}.docx`} download>DOCX<span class="visually-hidden">：{d.title}</span></a></td></tr>)}</tbody>
          </table>
        </TableWrap>
      ) : <p>尚未出具文书。</p>}
      {view.remedies.length ? (
        <>
          <h2>行政复议和行政诉讼</h2>
          <ul>{view.remedies.map((m) => <li>{m.filedOn} {m.kind === 'review' ? '行政复议' : `行政诉讼（${m.afterReview ? '复议后起诉' : '未经复议直接起诉'}）`}：{REMEDY_OUTCOMES[m.outcome]}{m.concludedOn ? `（${m.concludedOn} 审结）` : ''}</li>)}</ul>
        </>
      ) : null}
      <h2>办理记录</h2>
      <TableWrap label="办理记录">
        <table class="table">
          <thead><tr><th scope="col">生效日期</th><th scope="col">事项</th><th scope="col">说明</th><th scope="col">经办人</th><th scope="col">记录时间</th></tr></thead>
          <tbody>{view.events.map((e) => <tr><td>{e.effectiveOn}</td><td>{EVENT_LABELS[e.type] ?? e.type}</td><td>{((e.details.notes as string[] | undefined) ?? []).join('；')}{view.consulted?.get(e.id) ? `（征求意见对象：${view.consulted.get(e.id)}）` : ''}</td><td>{e.actorName ?? (e.type === 'registered' ? '申请人（网上提交）' : e.details.byApplicant ? '申请人（查询页面）' : '系统')}</td><td>{formatInstant(e.recordedAt)}</td></tr>)}</tbody>
        </table>
      </TableWrap>
    </>
  )
}

export const EVENT_LABELS: Record<string, string> = {
  registered: '登记', receipt_confirmed: '确认收到', correction_requested: '告知补正', correction_received: '收到补正', correction_lapsed: '逾期未补正',
  consultation_sent: '征求意见', consultation_answered: '收到意见', consultation_deemed: '逾期未提出意见', extension_granted: '延长答复期限',
  reasons_requested: '要求说明理由', reasons_received: '收到理由', later_date_set: '确定延迟答复期限', fee_notice_sent: '发出收费通知', fee_paid: '已缴费',
  fee_lapsed: '逾期未缴费', withdrawn: '申请人撤回申请', decided: '作出答复', delivered: '送达', archived: '归档', review_filed: '行政复议', litigation_filed: '行政诉讼', remedy_decided: '复议或诉讼结果',
  identity_added: '补充身份证明', reminder_due_soon: '即将到期提醒', reminder_overdue: '逾期提醒', supervision_requested: '公开办督办',
  supervised: '公开办督办',
}

export function StaffLetterPage({ caseId, title, html }: { caseId: number; title: string; html: string }): ComponentChildren {
  return (
    <>
      <p><a href={`/admin/requests/${caseId}`}>返回第 {caseId} 号申请</a></p>
      <h1 class="visually-hidden">{title}</h1>
      <div class="letter-frame" dangerouslySetInnerHTML={{ __html: html }} />
    </>
  )
}
