/**
 * Back-office parts of 公众诉求 operations (issue 6): file fields and multipart forms, the 差评整改 section of a case and
 * the 整改台账, and the 公众诉求设置 page (办理时限表, 转办目录, local numbers, change history).
 */
import type { ComponentChildren } from 'preact'
import { formatInstant } from '../../../platform/clock.ts'
import type { FieldMessage } from '../../../platform/http/errors.ts'
import { Breadcrumbs, Button, EmptyState, ErrorSummary, Form, Notice, Select, TableWrap, TextField, fieldId, messageFor } from '../../../platform/views/components.tsx'
import { LETTER_ATTACHMENT_HINT } from '../letter-attachments.ts'
import type { ConfigChange, LimitTableRow, RoutingTableRow } from '../letter-config.ts'
import type { Rectification, RectificationListRow } from '../rectify-rating.ts'
import {
  availableRectificationActions, CATEGORIES, CATEGORY_KEYS, CHANNEL_KEYS, CHANNELS, RECTIFICATION_STATE_LABELS, SATISFACTION, SETTING_KEYS, type LetterSettings,
} from '../rules/index.ts'
import { LongText, Radios } from './form-parts.tsx'

/** A form that carries files (multipart); the CSRF token travels as a field. */
export function UploadForm({ action, csrf, children }: { action: string; csrf: string; children: ComponentChildren }) {
  return (
    <form action={action} method="post" encType="multipart/form-data" novalidate>
      <input type="hidden" name="_csrf" value={csrf} />
      {children}
    </form>
  )
}

/** A file input for several attachments, with the allowed types, count and sizes in its hint. */
export function FileField({ name = 'file', label, errors }: { name?: string; label: string; errors?: FieldMessage[] }) {
  const id = fieldId(name)
  const error = messageFor(errors, name)
  return (
    <div class={`form-group${error ? ' form-group--error' : ''}`}>
      <label class="label" for={id}>{label}</label>
      <p class="hint" id={`${id}-hint`}>{LETTER_ATTACHMENT_HINT}</p>
      {error ? <p class="error-message" id={`${id}-error`}><span class="visually-hidden">错误：</span>{error}</p> : null}
      <input class="file-input" type="file" id={id} name={name} multiple accept=".jpg,.jpeg,.png,.pdf,.docx,.xlsx" aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`} />
    </div>
  )
}

const overdue = (t: Rectification, today: string) => t.state === 'open' && t.dueOn < today

/** 差评整改 on a case page: each task with its state, and the forms of the viewer's party. */
export function RectificationSection({ tasks, party, csrf, today, errors, errorTask, values = {}, viewerUnitId }: {
  tasks: Rectification[]; party: string; csrf: string; today: string; errors?: FieldMessage[]; errorTask?: number; values?: Record<string, string>; viewerUnitId?: number
}) {
  if (!tasks.length || (party !== 'office' && party !== 'unit')) return null
  return (
    <section aria-labelledby="rectification">
      <h2 id="rectification">差评整改</h2>
      {tasks.map((t) => {
        const actions = availableRectificationActions(t.state, party as 'office' | 'unit')
        // The 公开办's own task (a call answered on the spot): it records the 整改 (rectify-rating.ts officeOwnsTask).
        if (party === 'office' && t.unitId === viewerUnitId) actions.push(...availableRectificationActions(t.state, 'unit').filter((a) => a === 'rectify'))
        const errs = errorTask === t.id ? errors : undefined
        const v = errorTask === t.id ? values : {}
        return (
          <div class="panel">
            <p><strong>{SATISFACTION[t.satisfaction].label}</strong>：{RECTIFICATION_STATE_LABELS[t.state]}；整改期限 {t.dueOn}{overdue(t, today) ? <span class="tag tag--red">已超期</span> : null}{t.escalatedAt ? <span class="tag tag--red">已督办</span> : null}</p>
            {t.rectificationNote ? <p>整改情况：{t.rectificationNote}</p> : null}
            {t.followUpResult ? <p>回访结果：{t.followUpResult}</p> : null}
            {t.appealReason ? <p>申诉理由：{t.appealReason}</p> : null}
            {t.reviewNote ? <p>复核意见：{t.reviewNote}</p> : null}
            {actions.includes('rectify') ? (
              <Form action={`/admin/letters/zhenggai/${t.id}/rectify`} csrf={csrf}>
                <LongText name="note" label="整改情况" hint="核实情况、已经采取的整改措施；缺乏依据的，写明向来信人解释说明的内容。" errors={errs} value={v.note} rows={3} maxLength={1000} />
                <LongText name="followUpResult" label="回访结果" hint="整改后回访来信人的时间、方式和来信人的意见。" errors={errs} value={v.followUpResult} rows={2} maxLength={500} />
                <Button>提交整改情况</Button>
              </Form>
            ) : null}
            {actions.includes('appeal') ? (
              <Form action={`/admin/letters/zhenggai/${t.id}/appeal`} csrf={csrf}>
                <LongText name="reason" label="申诉理由" hint="认为属于误评或不实差评的，写明理由和依据，由区政务公开办公室复核。" errors={errs} value={v.reason} rows={2} maxLength={500} />
                <Button variant="secondary">提出申诉</Button>
              </Form>
            ) : null}
            {actions.includes('uphold') ? (
              <Form action={`/admin/letters/zhenggai/${t.id}/review`} csrf={csrf}>
                <Radios name="decision" label="复核结论" errors={errs} value={v.decision} options={[
                  { value: 'uphold', label: '维持评价', hint: '申诉不成立，承办单位继续整改' },
                  { value: 'void', label: '撤销评价', hint: '属于误评或不实差评，该评价不计入满意度统计' },
                ]} />
                <LongText name="reviewNote" label="复核意见" errors={errs} value={v.reviewNote} rows={2} maxLength={500} />
                <Button>提交复核结论</Button>
              </Form>
            ) : null}
          </div>
        )
      })}
    </section>
  )
}

/** 整改台账: the 公开办 sees every unit's tasks, a unit its own. */
export function RectificationsPage({ rows, unitNames, showUnit, today }: { rows: RectificationListRow[]; unitNames: Map<number, string>; showUnit: boolean; today: string }) {
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin/letters', label: '公众诉求' }, { label: '差评整改' }]} />
      <h1>差评整改</h1>
      <p>来信人给出“不满意”或“非常不满意”评价的，承办单位核实整改并回访；认为属于误评的，可以申诉，由区政务公开办公室复核（国办发〔2019〕51号）。</p>
      {rows.length === 0 ? <EmptyState title="没有差评整改任务">收到差评时，这里会出现整改任务。</EmptyState> : (
        <TableWrap label="差评整改任务">
          <table class="table">
            <caption>共 {rows.length} 件</caption>
            <thead><tr><th scope="col">信件</th><th scope="col">评价</th>{showUnit ? <th scope="col">承办单位</th> : null}<th scope="col">状态</th><th scope="col">整改期限</th></tr></thead>
            <tbody>{rows.map((r) => (
              <tr>
                <td><a href={`/admin/letters/${r.caseId}#rectification`}>{r.caseNo} {r.subject}</a></td>
                <td>{SATISFACTION[r.satisfaction].label}</td>
                {showUnit ? <td>{unitNames.get(r.unitId) ?? '—'}</td> : null}
                <td>{RECTIFICATION_STATE_LABELS[r.state]}</td>
                <td>{r.dueOn}{overdue(r, today) ? <span class="tag tag--red">已超期</span> : null}{r.escalatedAt ? <span class="tag tag--red">已督办</span> : null}</td>
              </tr>
            ))}</tbody>
          </table>
        </TableWrap>
      )}
    </>
  )
}

export interface SettingsModel {
  limits: LimitTableRow[]
  routing: RoutingTableRow[]
  settings: LetterSettings
  changes: (ConfigChange & { userName: string })[]
  units: { code: string; label: string }[]
  csrf: string
  done?: string
  errors?: FieldMessage[]
  errorForm?: string
  values?: Record<string, string>
}

const channelLabel = (c: string | null) => (c ? CHANNELS[c as keyof typeof CHANNELS]?.label ?? c : '任何渠道')
const categoryLabel = (c: string | null) => (c ? CATEGORIES[c as keyof typeof CATEGORIES]?.label ?? c : '任何类别')

/** 公众诉求设置: what the rules read. Changes apply to cases dispatched afterwards; every change is recorded. */
export function SettingsPage({ model }: { model: SettingsModel }) {
  const { values = {} } = model
  const errs = (form: string) => (model.errorForm === form ? model.errors : undefined)
  const unitLabel = new Map(model.units.map((u) => [u.code, u.label]))
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin/letters', label: '公众诉求' }, { label: '办理时限与转办目录' }]} />
      <h1>办理时限与转办目录</h1>
      {model.done ? <Notice>{model.done}</Notice> : null}
      <ErrorSummary errors={model.errors} />
      <p>这里的设置由区政务公开办公室维护。修改办理时限只影响此后转办（改派、重新办理）的信件，已经转办的信件保留转办时的时限。每次修改都记入修改记录和审计日志。</p>

      <h2 id="limits">办理时限表</h2>
      <p>一件信件按最具体的一行确定时限：渠道和类别都符合的行优先，其次是只符合渠道的行，再次是只符合类别的行，最后是默认行。</p>
      <TableWrap label="办理时限表">
        <table class="table">
          <thead><tr><th scope="col">渠道</th><th scope="col">类别</th><th scope="col">办理时限</th><th scope="col">依据</th><th scope="col">操作</th></tr></thead>
          <tbody>{model.limits.map((r) => (
            <tr>
              <td>{channelLabel(r.channel)}</td><td>{categoryLabel(r.category)}</td><td>{r.workingDays} 个工作日</td><td>{r.citation}</td>
              <td>{r.channel || r.category ? (
                <Form action="/admin/letters/settings/limits/remove" csrf={model.csrf}><input type="hidden" name="channel" value={r.channel ?? ''} /><input type="hidden" name="category" value={r.category ?? ''} /><Button variant="link">删除<span class="visually-hidden">（{channelLabel(r.channel)} × {categoryLabel(r.category)}）</span></Button></Form>
              ) : '默认行'}</td>
            </tr>
          ))}</tbody>
        </table>
      </TableWrap>
      <h3>新增或修改一行</h3>
      <Form action="/admin/letters/settings/limits" csrf={model.csrf}>
        <Select name="channel" label="渠道" errors={errs('limits')} value={values.channel ?? ''} options={[{ value: '', label: '任何渠道' }, ...CHANNEL_KEYS.map((k) => ({ value: k, label: CHANNELS[k].label }))]} />
        <Select name="category" label="类别" errors={errs('limits')} value={values.category ?? ''} options={[{ value: '', label: '任何类别' }, ...CATEGORY_KEYS.map((k) => ({ value: k, label: CATEGORIES[k].label }))]} />
        <TextField name="workingDays" label="办理时限（工作日）" hint="1 至 60 个工作日；同一渠道和类别已有一行的，修改该行" errors={errs('limits')} value={values.workingDays} width="short" inputmode="numeric" maxLength={2} />
        <TextField name="citation" label="依据" hint="例如本地制度的文号和条款；没有明确依据的，写明“本区默认值”" errors={errs('limits')} value={values.citation} maxLength={300} />
        <Button>保存办理时限</Button>
      </Form>

      <h2 id="numbers">其他设置</h2>
      <Form action="/admin/letters/settings/numbers" csrf={model.csrf}>
        {(Object.entries(SETTING_KEYS) as [keyof LetterSettings, (typeof SETTING_KEYS)[keyof LetterSettings]][]).map(([name, meta]) => (
          <TextField name={name} label={`${meta.label}（${meta.unit}）`} hint={`${meta.min} 至 ${meta.max}；本地设置，待本地制度确认`} errors={errs('numbers')}
            value={model.errorForm === 'numbers' ? values[name] : String(model.settings[name])} width="short" inputmode="numeric" maxLength={3} />
        ))}
        <Button>保存设置</Button>
      </Form>

      <h2 id="routing">转办目录</h2>
      <p>受理信件时，系统按类别和关键词建议承办单位（只是建议，由区政务公开办公室决定）。标题中的关键词计两次。</p>
      <TableWrap label="转办目录">
        <table class="table">
          <thead><tr><th scope="col">承办单位</th><th scope="col">关键词</th><th scope="col">适用类别</th><th scope="col">操作</th></tr></thead>
          <tbody>{model.routing.map((r) => (
            <tr>
              <td>{unitLabel.get(r.unitCode) ?? r.unitCode}</td><td>{r.keywords.join('、')}</td><td>{r.categories?.length ? r.categories.map((c) => CATEGORIES[c].label).join('、') : '全部'}</td>
              <td><Form action="/admin/letters/settings/routing/remove" csrf={model.csrf}><input type="hidden" name="unitCode" value={r.unitCode} /><Button variant="link">删除<span class="visually-hidden">（{unitLabel.get(r.unitCode) ?? r.unitCode}）</span></Button></Form></td>
            </tr>
          ))}</tbody>
        </table>
      </TableWrap>
      <h3>新增或修改一个单位的关键词</h3>
      <Form action="/admin/letters/settings/routing" csrf={model.csrf}>
        <Select name="unitCode" label="承办单位" errors={errs('routing')} value={values.unitCode ?? ''} placeholder="请选择" options={model.units.map((u) => ({ value: u.code, label: u.label }))} />
        <TextField name="keywords" label="关键词" hint="用顿号、逗号或空格分开，例如：路灯、垃圾、噪音；单位已有一行的，替换原来的关键词" errors={errs('routing')} value={values.keywords} maxLength={500} />
        <div class="form-group">
          <fieldset class="fieldset" aria-describedby="f-categories-hint">
            <legend class="label">适用类别</legend>
            <p class="hint" id="f-categories-hint">都不选表示适用于全部类别。</p>
            <div class="checkboxes">
              {CATEGORY_KEYS.map((k, i) => (
                <div class="checkbox"><input type="checkbox" id={i === 0 ? 'f-categories' : `f-categories-${i}`} name="categories" value={k} /><label for={i === 0 ? 'f-categories' : `f-categories-${i}`}>{CATEGORIES[k].label}</label></div>
              ))}
            </div>
          </fieldset>
        </div>
        <Button>保存转办目录</Button>
      </Form>

      <h2 id="changes">修改记录</h2>
      {model.changes.length === 0 ? <p>还没有修改过。</p> : (
        <TableWrap label="修改记录">
          <table class="table">
            <thead><tr><th scope="col">时间</th><th scope="col">修改人</th><th scope="col">内容</th></tr></thead>
            <tbody>{model.changes.map((c) => <tr><td>{formatInstant(c.changedAt)}</td><td>{c.userName}</td><td>{c.summary}</td></tr>)}</tbody>
          </table>
        </TableWrap>
      )}
    </>
  )
}
