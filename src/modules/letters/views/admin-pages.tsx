/** Back-office pages of 公众诉求: the 公开办's queues, a unit's inbox, the case page with its steps, and call registration. */
import { formatQueryCode as formatRequestCode } from '../../requests/index.ts'
import { formatInstant } from '../../../platform/clock.ts'
import type { FieldMessage } from '../../../platform/http/errors.ts'
import { Breadcrumbs, Button, EmptyState, ErrorSummary, Form, Notice, Pagination, Select, SummaryList, TableWrap, TextField } from '../../../platform/views/components.tsx'
import { formatSize } from '../../publishing/index.ts'
import type { LetterAttachment } from '../letter-attachments.ts'
import type { LetterCase, LetterEvent } from '../letters.repository.ts'
import { CONTENT_MAX, SUBJECT_MAX } from '../letters.forms.ts'
import {
  ACTION_LABELS, CALL_CHANNELS, CATEGORIES, CATEGORY_KEYS, CHANNELS, EXTENSION_MAX_WORKING_DAYS, NOT_ACCEPTED, NOT_ACCEPTED_REASONS, SATISFACTION, STATE_LABELS,
  SUPERVISION_GRADE_KEYS, SUPERVISION_GRADES, type CaseAction, type CaseState,
} from '../rules/index.ts'
import { LongText, Paragraphs, Radios } from './form-parts.tsx'
import type { Viewer } from '../case-actions.ts'
import type { Rectification } from '../rectify-rating.ts'
import { FileField, RectificationSection, UploadForm } from './ops-pages.tsx'

export type DueFlag = 'overdue' | 'due_soon' | null

/** A queue tab; `countText` replaces the count when it stopped counting ("1,000+"). */
export interface Queue { key: string; label: string; count: number; countText?: string }

function DueTag({ flag }: { flag: DueFlag }) {
  if (flag === 'overdue') return <span class="tag tag--red">已超期</span>
  if (flag === 'due_soon') return <span class="tag">即将到期</span>
  return null
}

export function LettersList({ title, queues, current, rows, total, totalText, page, pageSize, unitNames, dueFlags, showUnit, canRegisterCall, done, links = [] }: {
  title: string; queues: Queue[]; current: string; rows: LetterCase[]; total: number; totalText?: string; page: number; pageSize: number; unitNames: Map<number, string>
  dueFlags: Map<number, DueFlag>; showUnit: boolean; canRegisterCall: boolean; done?: string
  /** Further pages of the wing for this user (差评整改, 办理时限与转办目录). */
  links?: { href: string; label: string }[]
}) {
  return (
    <>
      <h1>{title}</h1>
      {done ? <Notice>{done}</Notice> : null}
      {canRegisterCall ? <p><a class="button button--secondary" href="/admin/letters/calls/new">登记热线来电</a></p> : null}
      {links.length ? <p class="letters-links">{links.map((l, i) => <>{i ? '　' : ''}<a href={l.href}>{l.label}</a></>)}</p> : null}
      <nav aria-label="信件分类">
        <ul class="queue-tabs">
          {queues.map((q) => <li><a href={`/admin/letters?queue=${q.key}`} aria-current={q.key === current ? 'page' : undefined}>{q.label}（{q.countText ?? q.count}）</a></li>)}
        </ul>
      </nav>
      {rows.length === 0 ? <EmptyState title="这里没有信件">新的来信和来电会按办理环节出现在这里。</EmptyState> : (
        <TableWrap label="信件列表">
          <table class="table">
            <caption>共 {totalText ?? `${total} 件`}</caption>
            <thead><tr><th scope="col">编号</th><th scope="col">标题</th><th scope="col">渠道</th><th scope="col">类别</th>{showUnit ? <th scope="col">承办单位</th> : null}<th scope="col">来信人</th><th scope="col">状态</th><th scope="col">答复期限</th></tr></thead>
            <tbody>{rows.map((c) => (
              <tr>
                <td>{c.caseNo}</td>
                <td><a href={`/admin/letters/${c.id}`}>{c.subject}</a></td>
                <td>{CHANNELS[c.channel].label}</td>
                <td>{CATEGORIES[c.category].label}</td>
                {showUnit ? <td>{c.unitId ? unitNames.get(c.unitId) : '—'}</td> : null}
                <td>{c.contactNameMasked} {c.contactPhoneMasked}</td>
                <td>{STATE_LABELS[c.state]}</td>
                <td>{c.dueOn ?? '—'} <DueTag flag={dueFlags.get(c.id) ?? null} />{c.escalatedAt && c.state === 'dispatched' ? <span class="tag tag--red">已督办</span> : null}</td>
              </tr>
            ))}</tbody>
          </table>
        </TableWrap>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} totalText={totalText} href={(p) => `/admin/letters?queue=${current}&page=${p}`} />
    </>
  )
}

export interface PrivacyWarning { masked: string; message: string }

export interface CaseModel {
  c: LetterCase
  party: Viewer
  actions: CaseAction[]
  /** The full name and phone, only after an audited 查看完整姓名和电话 (POST …/contact); null otherwise. */
  contact: { name: string; phone: string } | null
  unitName: string | null
  addressedUnitName: string | null
  events: (LetterEvent & { actorName: string; unitName: string | null })[]
  attachments: LetterAttachment[]
  units: { value: string; label: string }[]
  suggestions: { unitId: number; unitName: string; matched: readonly string[] }[]
  /** The 依申请公开 case this letter was converted into (转为依申请公开). */
  conversion?: { requestCaseId: number; queryCode: string; unitName: string }
  mergedLetters: LetterCase[]
  mergedIntoNo: string | null
  dueFlag: DueFlag
  csrf: string
  done?: string
  errors?: FieldMessage[]
  /** The action whose form the errors belong to. */
  errorAction?: string
  values?: Record<string, string>
  privacyWarnings?: PrivacyWarning[]
  /** 差评整改 tasks of the case (rectify-rating.ts). */
  rectifications?: Rectification[]
  /** The viewer's own unit: the 公开办 records the 整改 of its own tasks (calls answered on the spot). */
  viewerUnitId?: number
  /** The task whose form the errors belong to. */
  errorTask?: number
  /** The 办理时限 the case was given, and why it stays (its clock). */
  limitNote?: string | null
  /** The case's own extension limit (from its clock). */
  extensionMaxWorkingDays?: number
  today?: string
}

const EVENT_LABELS: Record<string, string> = {
  ...ACTION_LABELS, received: '收到', answer_on_spot: '当场答复', merged_in: '并入来信', split_off: '拆分出来信', escalate: '督办',
  rectification_opened: '差评整改', rectification_rectify: '整改', rectification_appeal: '申诉', rectification_uphold: '复核维持评价', rectification_void: '复核撤销评价', rectification_escalate: '整改督办', publication_retracted: '撤下选登',
}

const ATTACHMENT_KIND_LABELS: Record<string, string> = { letter: '来信附件', reply: '答复附件', call: '来电记录附件' }

export function CasePage({ model }: { model: CaseModel }) {
  const { c, actions, errors, values = {} } = model
  const has = (a: CaseAction) => actions.includes(a)
  const errs = (action: string) => (model.errorAction === action ? errors : undefined)
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin/letters', label: '公众诉求' }, { label: c.caseNo }]} />
      <h1>{c.subject}</h1>
      {model.done ? <Notice>{model.done}</Notice> : null}
      <ErrorSummary errors={errors} />
      <SummaryList rows={[
        { key: '信件编号', value: c.caseNo },
        { key: '状态', value: <>{STATE_LABELS[c.state]} <DueTag flag={model.dueFlag} /></> },
        { key: '渠道', value: CHANNELS[c.channel].label + (model.addressedUnitName ? `（写给${model.addressedUnitName}）` : '') },
        { key: '类别', value: CATEGORIES[c.category].label },
        { key: '来信（来电）时间', value: formatInstant(c.receivedAt) },
        { key: '来信人', value: <>{c.contactNameMasked}　{c.contactPhoneMasked}{model.party === 'operator' ? null : model.contact
          ? <p class="contact-details"><strong>{model.contact.name}　{model.contact.phone}</strong><br />（仅用于办理和回访；本次查看已记入审计日志）</p>
          : <Form action={`/admin/letters/${c.id}/contact`} csrf={model.csrf} class="contact-details"><Button variant="link">查看完整姓名和电话</Button><span class="hint">（仅用于办理和回访，查看会记入审计日志）</span></Form>}</> },
        { key: '同意公开', value: c.publishConsent ? '同意' : '不同意' },
        ...(model.unitName ? [{ key: '承办单位', value: model.unitName }] : []),
        ...(c.dueOn ? [{ key: '答复期限', value: `${c.dueOn}${c.extended ? '（已延期）' : ''}` }] : []),
        ...(model.limitNote ? [{ key: '办理时限', value: model.limitNote }] : []),
        ...(c.satisfaction ? [{ key: '来信人评价', value: SATISFACTION[c.satisfaction].label + (c.satisfactionVoided ? '（经申诉复核撤销，不计入满意度统计）' : '') }] : []),
        ...(c.supervisionGrade ? [{ key: '监评', value: SUPERVISION_GRADES[c.supervisionGrade].label }] : []),
        ...(c.notAcceptedReason ? [{ key: '不予受理', value: `${NOT_ACCEPTED[c.notAcceptedReason].label}：${c.screeningNote ?? ''}` }] : []),
        ...(model.conversion ? [{ key: '转为依申请公开', value: <><a href={`/admin/requests/${model.conversion.requestCaseId}`}>依申请公开申请（查询码 {formatRequestCode(model.conversion.queryCode)}）</a>，{model.conversion.unitName}办理</> }] : []),
        ...(model.mergedIntoNo ? [{ key: '并入', value: model.mergedIntoNo }] : []),
      ]} />
      <h2>来信内容</h2>
      <Paragraphs text={c.content} />
      {model.attachments.length && model.party !== 'operator' ? (
        <>
          <h2>附件</h2>
          <ul>{model.attachments.map((a) => <li>{ATTACHMENT_KIND_LABELS[a.kind] ?? '附件'}：<a href={`/admin/letters/${c.id}/attachments/${a.id}`}>{a.fileName}</a>（{formatSize(a.sizeBytes)}）</li>)}</ul>
        </>
      ) : null}
      {model.mergedLetters.length ? (
        <>
          <h2>并入的来信</h2>
          <ul>{model.mergedLetters.map((m) => <li><a href={`/admin/letters/${m.id}`}>{m.caseNo} {m.subject}</a></li>)}</ul>
        </>
      ) : null}
      {c.replyText ? (
        <>
          <h2>{c.answeredOnSpot ? '当场答复' : '答复'}</h2>
          <Paragraphs text={c.replyText} />
        </>
      ) : null}

      {has('accept') ? (
        <section aria-labelledby="screen">
          <h2 id="screen">受理</h2>
          <Form action={`/admin/letters/${c.id}/screen`} csrf={model.csrf}>
            <Radios name="decision" label="受理意见" errors={errs('screen')} value={values.decision}
              options={[{ value: 'accept', label: '受理' }, ...NOT_ACCEPTED_REASONS.map((r) => ({ value: r, label: `不予受理：${NOT_ACCEPTED[r].label}` }))]} />
            <LongText name="note" label="说明" hint="不予受理的，写明告知来信人的说明；系统会附上应当去哪里办理。" errors={errs('screen')} value={values.note} rows={3} maxLength={500} />
            <Button>提交受理意见</Button>
          </Form>
        </section>
      ) : null}

      {has('convert') ? (
        <section aria-labelledby="convert">
          <h2 id="convert">转为依申请公开</h2>
          <p>来信要获取政府信息的，可以把来信转为政府信息公开申请：来信内容作为申请内容，由您选择的单位办理。来信没有身份证明，申请先处于“待确认收到”，请与来信人确认并补充身份证明后再确认收到，答复期限从确认之日起算（《政府信息公开条例》第二十九条、第三十一条）。</p>
          <Form action={`/admin/letters/${c.id}/convert`} csrf={model.csrf}>
            <Select name="requestUnit" label="受理申请的单位" errors={errs('convert')} value={values.requestUnit ?? ''} placeholder="请选择" options={model.units} />
            <Button variant="secondary">转为依申请公开申请</Button>
          </Form>
        </section>
      ) : null}

      {has('dispatch') || has('reassign') ? (
        <section aria-labelledby="dispatch">
          <h2 id="dispatch">{has('dispatch') ? '转办' : '改派'}</h2>
          {model.suggestions.length ? (
            <p>按转办目录建议：{model.suggestions.map((s, i) => <>{i ? '；' : ''}<strong>{s.unitName}</strong>（关键词：{s.matched.join('、')}）</>)}</p>
          ) : <p>转办目录没有匹配的单位，请根据内容选择。</p>}
          <Form action={`/admin/letters/${c.id}/${has('dispatch') ? 'dispatch' : 'reassign'}`} csrf={model.csrf}>
            <Select name="unit" label="承办单位" errors={errs('dispatch') ?? errs('reassign')} value={values.unit ?? (model.suggestions[0] ? String(model.suggestions[0].unitId) : '')} placeholder="请选择" options={model.units} />
            {has('reassign') ? <LongText name="reason" label="改派理由" errors={errs('reassign')} value={values.reason} rows={2} maxLength={500} /> : null}
            <Button>{has('dispatch') ? '转办' : '改派'}</Button>
          </Form>
        </section>
      ) : null}

      {has('reply') ? (
        <section aria-labelledby="reply-form">
          <h2 id="reply-form">答复</h2>
          {model.privacyWarnings?.length ? (
            <div class="panel panel--warning" role="alert">
              <p><strong>答复中可能含有个人信息，答复可能公开（选登），请核对：</strong></p>
              <ul>{model.privacyWarnings.map((w) => <li>{w.masked}：{w.message}</li>)}</ul>
            </div>
          ) : null}
          <UploadForm action={`/admin/letters/${c.id}/reply`} csrf={model.csrf}>
            <LongText name="reply" label="答复内容" hint="答复经区政务公开办公室审核后发给来信人。" errors={errs('reply')} value={values.reply} rows={8} maxLength={CONTENT_MAX * 2} />
            <FileField label="答复附件（可选）" errors={errs('reply')} />
            {model.privacyWarnings?.length ? (
              <div class="checkbox"><input type="checkbox" id="f-confirmPrivacy" name="confirmPrivacy" value="yes" /><label for="f-confirmPrivacy">已核对，上述内容确需保留</label></div>
            ) : null}
            <Button>提交答复</Button>
          </UploadForm>
          <h3>延期</h3>
          <Form action={`/admin/letters/${c.id}/extend`} csrf={model.csrf}>
            <TextField name="workingDays" label="延长工作日数" hint={`最多 ${model.extensionMaxWorkingDays ?? EXTENSION_MAX_WORKING_DAYS} 个工作日，只能延期一次`} errors={errs('extend')} value={values.workingDays} width="short" inputmode="numeric" />
            <LongText name="reason" label="延期理由" errors={errs('extend')} value={model.errorAction === 'extend' ? values.reason : undefined} rows={2} maxLength={500} />
            <Button variant="secondary">申请延期</Button>
          </Form>
          <h3>退回</h3>
          <Form action={`/admin/letters/${c.id}/return`} csrf={model.csrf}>
            <LongText name="reason" label="退回理由" hint="不属于本单位职责的，写明理由，最好写明应由哪个单位办理。" errors={errs('return')} value={model.errorAction === 'return' ? values.reason : undefined} rows={2} maxLength={500} />
            <Button variant="warning">退回公开办</Button>
          </Form>
        </section>
      ) : null}

      {has('release') ? (
        <section aria-labelledby="review">
          <h2 id="review">审核答复</h2>
          {model.privacyWarnings?.length ? (
            <div class="panel panel--warning" role="alert">
              <p><strong>答复中可能含有个人信息：</strong></p>
              <ul>{model.privacyWarnings.map((w) => <li>{w.masked}：{w.message}</li>)}</ul>
            </div>
          ) : null}
          <Form action={`/admin/letters/${c.id}/release`} csrf={model.csrf}><Button>审核通过并发布答复</Button></Form>
          <Form action={`/admin/letters/${c.id}/send_back`} csrf={model.csrf}>
            <LongText name="reason" label="退回承办单位的理由" errors={errs('send_back')} value={values.reason} rows={2} maxLength={500} />
            <Button variant="secondary">退回修改</Button>
          </Form>
        </section>
      ) : null}

      {has('evaluate') ? (
        <section aria-labelledby="evaluate">
          <h2 id="evaluate">回访与监评</h2>
          <Form action={`/admin/letters/${c.id}/evaluate`} csrf={model.csrf}>
            <Radios name="grade" label="监评等级" errors={errs('evaluate')} value={values.grade} options={SUPERVISION_GRADE_KEYS.map((g) => ({ value: g, label: SUPERVISION_GRADES[g].label }))} />
            <LongText name="note" label="回访记录" errors={errs('evaluate')} value={values.note} rows={2} maxLength={500} />
            <Button>监评并办结</Button>
          </Form>
          <Form action={`/admin/letters/${c.id}/close`} csrf={model.csrf}><Button variant="secondary">不监评，直接办结</Button></Form>
        </section>
      ) : null}

      {has('reopen') ? (
        <section aria-labelledby="reopen">
          <h2 id="reopen">重新办理</h2>
          <Form action={`/admin/letters/${c.id}/reopen`} csrf={model.csrf}>
            <LongText name="reason" label="重新办理的理由" hint="回访发现问题没有解决的，退回原承办单位重新办理，答复期限重新计算；已选登的信件从网站撤下，新的答复发布后重新审核。" errors={errs('reopen')} value={model.errorAction === 'reopen' ? values.reason : undefined} rows={2} maxLength={500} />
            <Button variant="warning">退回承办单位重新办理</Button>
          </Form>
        </section>
      ) : null}

      {has('merge') ? (
        <section aria-labelledby="merge">
          <h2 id="merge">并单</h2>
          <Form action={`/admin/letters/${c.id}/merge`} csrf={model.csrf}>
            <TextField name="target" label="并入信件编号" hint="同一事项的来信并入主办信件一并办理，可以再拆分" errors={errs('merge')} value={values.target} width="short" inputmode="numeric" maxLength={10} />
            <LongText name="reason" label="并单理由" errors={errs('merge')} value={model.errorAction === 'merge' ? values.reason : undefined} rows={2} maxLength={500} />
            <Button variant="secondary">并单</Button>
          </Form>
        </section>
      ) : null}

      {has('split') ? (
        <section aria-labelledby="split">
          <h2 id="split">拆分</h2>
          <Form action={`/admin/letters/${c.id}/split`} csrf={model.csrf}>
            <LongText name="reason" label="拆分理由" errors={errs('split')} value={values.reason} rows={2} maxLength={500} />
            <Button variant="secondary">拆分为单独信件</Button>
          </Form>
        </section>
      ) : null}

      <RectificationSection tasks={model.rectifications ?? []} party={model.party} viewerUnitId={model.viewerUnitId} csrf={model.csrf} today={model.today ?? ''} errors={errors} errorTask={model.errorTask} values={values} />

      <h2>办理记录</h2>
      <TableWrap label="办理记录">
        <table class="table">
          <thead><tr><th scope="col">日期</th><th scope="col">环节</th><th scope="col">经办</th><th scope="col">单位</th><th scope="col">理由或说明</th></tr></thead>
          <tbody>{model.events.map((e) => (
            <tr><td>{e.effectiveOn}<br /><span class="hint">记录于 {formatInstant(e.recordedAt)}</span></td><td>{EVENT_LABELS[e.type] ?? e.type}</td><td>{e.actorName}</td><td>{e.unitName ?? '—'}</td><td>{e.reason}{detailText(e)}</td></tr>
          ))}</tbody>
        </table>
      </TableWrap>
    </>
  )
}

function detailText(e: LetterEvent): string {
  const d = e.details
  const parts: string[] = []
  if (typeof d.dueOn === 'string') parts.push(`答复期限 ${d.dueOn}`)
  if (typeof d.label === 'string') parts.push(d.label)
  if (typeof d.into === 'string') parts.push(`并入 ${d.into}`)
  if (typeof d.from === 'string') parts.push(`来自 ${d.from}`)
  if (typeof d.split === 'string') parts.push(`拆分出 ${d.split}`)
  return parts.length ? `（${parts.join('，')}）` : ''
}

export function CallFormPage({ csrf, values, errors, units }: { csrf: string; values: Record<string, string>; errors?: FieldMessage[]; units: { value: string; label: string }[] }) {
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin/letters', label: '公众诉求' }, { label: '登记热线来电' }]} />
      <h1>登记热线来电</h1>
      <ErrorSummary errors={errors} />
      <UploadForm action="/admin/letters/calls/new" csrf={csrf}>
        <Select name="channel" label="来电渠道" errors={errors} value={values.channel ?? 'district_hotline'} options={CALL_CHANNELS.map((k) => ({ value: k, label: CHANNELS[k].label }))} />
        <Radios name="category" label="类别" errors={errors} value={values.category} options={CATEGORY_KEYS.map((k) => ({ value: k, label: CATEGORIES[k].label }))} />
        <TextField name="name" label="来电人（可不填）" errors={errors} value={values.name} width="short" maxLength={20} />
        <TextField name="phone" label="来电号码" hint="加密保存，列表中只显示部分号码" errors={errors} value={values.phone} width="short" type="tel" inputmode="tel" maxLength={20} />
        <TextField name="subject" label="事项" errors={errors} value={values.subject} maxLength={SUBJECT_MAX} />
        <LongText name="content" label="来电内容" errors={errors} value={values.content} rows={6} maxLength={CONTENT_MAX} />
        <Radios name="outcome" label="处理方式" errors={errors} value={values.outcome} options={[{ value: 'answered', label: '当场答复' }, { value: 'dispatch', label: '转办承办单位' }]} />
        <LongText name="answer" label="当场答复内容" hint="选择“当场答复”时填写" errors={errors} value={values.answer} rows={3} maxLength={CONTENT_MAX} />
        <Select name="unit" label="承办单位" hint="选择“转办”时选择" errors={errors} value={values.unit} placeholder="请选择" options={units} />
        <FileField label="来电记录附件（可选）" errors={errors} />
        <Button>登记</Button>
      </UploadForm>
    </>
  )
}

export const STATE_QUEUE_LABELS: Record<string, { label: string; states: CaseState[] }> = {
  received: { label: '待受理', states: ['received'] },
  to_dispatch: { label: '待转办', states: ['accepted', 'returned'] },
  dispatched: { label: '办理中', states: ['dispatched'] },
  replied: { label: '待审核', states: ['replied'] },
  released: { label: '待回访', states: ['released'] },
  closed: { label: '已办结', states: ['closed', 'not_accepted', 'merged'] },
}
