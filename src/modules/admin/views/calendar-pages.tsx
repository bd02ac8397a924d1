/** The working-day calendar in the back office: a year view, notice import and amendment with confirmation. */
import { formatInstant } from '../../../platform/clock.ts'
import type { FieldMessage } from '../../../platform/http/errors.ts'
import { Breadcrumbs, Button, ErrorSummary, Form, Notice, TableWrap, TextArea, TextField } from '../../../platform/views/components.tsx'
import type { CalendarProposal, CalendarVersion, HolidayNotice } from '../../calendar/index.ts'

export interface DayCell {
  date: string
  day: number
  weekday: number
  kind: 'working' | 'weekend' | 'holiday' | 'worked_weekend'
  name?: string
}

const KIND_LABEL = { working: '工作日', weekend: '周末', holiday: '放假', worked_weekend: '调休上班' } as const
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']

function Month({ month, days }: { month: number; days: DayCell[] }) {
  const weeks: (DayCell | null)[][] = []
  let week: (DayCell | null)[] = Array.from({ length: days[0]!.weekday - 1 }, () => null)
  for (const d of days) {
    week.push(d)
    if (week.length === 7) { weeks.push(week); week = [] }
  }
  if (week.length) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)])
  return (
    <table class="calendar-month">
      <caption>{month} 月</caption>
      <thead><tr>{WEEKDAYS.map((w) => <th scope="col">{w}</th>)}</tr></thead>
      <tbody>{weeks.map((w) => (
        <tr>{w.map((d) => d ? (
          <td class={`day--${d.kind}`} title={d.name ? `${d.date} ${KIND_LABEL[d.kind]}（${d.name}）` : `${d.date} ${KIND_LABEL[d.kind]}`}>
            {d.day}{d.kind === 'holiday' ? <span class="day__mark">休</span> : d.kind === 'worked_weekend' ? <span class="day__mark">班</span> : null}
          </td>
        ) : <td></td>)}</tr>
      ))}</tbody>
    </table>
  )
}

export function CalendarYearPage({ year, days, covered, workingDays, notices, special, versions, canManage, done, years }: {
  year: number; days: DayCell[]; covered: boolean; workingDays: number; notices: HolidayNotice[]; special: DayCell[]; versions: CalendarVersion[]; canManage: boolean; done?: string; years: number[]
}) {
  return (
    <>
      <h1>{year} 年工作日历</h1>
      {done ? <Notice>{done}</Notice> : null}
      {!covered ? <Notice kind="warning">{year} 年的国务院放假安排尚未录入：本年度的日期暂按周一至周五计算，涉及本年的期限均标为“暂定”。{canManage ? <>请在通知发布后<a href={`/admin/calendar/notice?year=${year}`}>录入放假通知</a>。</> : null}</Notice> : null}
      <form action="/admin/calendar" method="get" class="filters">
        <div class="form-group">
          <label class="label" for="f-year">年份</label>
          <select class="select" id="f-year" name="year">{years.map((y) => <option value={String(y)} selected={y === year}>{y}</option>)}</select>
        </div>
        <div class="form-group"><Button variant="secondary">查看</Button></div>
      </form>
      {canManage ? <p><a class="button button--primary" href={`/admin/calendar/notice?year=${year}`}>录入放假通知</a> <a class="button button--secondary" href="/admin/calendar/amend">修订日历（如延长假期）</a></p> : null}
      <p>全年工作日 <strong>{workingDays}</strong> 天{covered ? '' : '（暂定）'}。</p>
      <h2>依据</h2>
      {notices.length ? <ul>{notices.map((n) => <li>{n.title}{n.docNo ? `（${n.docNo}）` : ''}{n.url ? <> <a href={n.url}>原文</a></> : null}</li>)}</ul> : <p>无</p>}
      <h2>放假和调休上班日</h2>
      {special.length ? (
        <TableWrap label="放假和调休上班日">
          <table class="table">
            <thead><tr><th scope="col">日期</th><th scope="col">星期</th><th scope="col">类型</th><th scope="col">节日</th></tr></thead>
            <tbody>{special.map((d) => <tr><td>{d.date}</td><td>星期{WEEKDAYS[d.weekday - 1]}</td><td>{KIND_LABEL[d.kind]}</td><td>{d.name}</td></tr>)}</tbody>
          </table>
        </TableWrap>
      ) : <p>本年度没有录入放假或调休上班日。</p>}
      <h2>全年日历</h2>
      <ul class="legend"><li><span class="day--holiday">休</span> 放假</li><li><span class="day--worked_weekend">班</span> 调休上班</li><li><span class="day--weekend">周</span> 周末</li></ul>
      <div class="calendar-months">
        {Array.from({ length: 12 }, (_, i) => <Month month={i + 1} days={days.filter((d) => Number(d.date.slice(5, 7)) === i + 1)} />)}
      </div>
      <h2>日历版本</h2>
      <TableWrap label="日历版本">
        <table class="table">
          <thead><tr><th scope="col">版本</th><th scope="col">时间</th><th scope="col">类型</th><th scope="col">依据和原因</th></tr></thead>
          <tbody>{versions.slice(0, 20).map((v) => <tr><td>v{v.id}</td><td>{formatInstant(v.createdAt)}</td><td>{{ official_import: '导入官方数据', notice: '录入通知', amendment: '修订' }[v.kind]}</td><td>{[v.basis, v.reason].filter(Boolean).join('：')}</td></tr>)}</tbody>
        </table>
      </TableWrap>
    </>
  )
}

function ProposalSummary({ proposal }: { proposal: CalendarProposal }) {
  return (
    <section aria-labelledby="proposal-title">
      <h2 id="proposal-title">请核对</h2>
      <p>识别出 {proposal.declared.length} 个日期。与现行日历相比，有 {proposal.changes.length} 个日期会改变；保存后将重新计算 {proposal.openDeadlines} 个未办结的期限，期限有变化的案件会记录“期限变更”。</p>
      <TableWrap label="识别出的日期">
        <table class="table">
          <caption>识别出的日期</caption>
          <thead><tr><th scope="col">日期</th><th scope="col">类型</th><th scope="col">节日</th></tr></thead>
          <tbody>{proposal.declared.map((e) => <tr><td>{e.date}</td><td>{e.kind === 'holiday' ? '放假' : '调休上班'}</td><td>{e.name}</td></tr>)}</tbody>
        </table>
      </TableWrap>
      {proposal.changes.length ? (
        <TableWrap label="会改变的日期">
          <table class="table">
            <caption>会改变的日期</caption>
            <thead><tr><th scope="col">日期</th><th scope="col">现在</th><th scope="col">保存后</th></tr></thead>
            <tbody>{proposal.changes.map((c) => <tr><td>{c.date}</td><td>{KIND_LABEL[c.before.kind]}{c.before.name ? `（${c.before.name}）` : ''}</td><td>{KIND_LABEL[c.after.kind]}{c.after.name ? `（${c.after.name}）` : ''}</td></tr>)}</tbody>
          </table>
        </TableWrap>
      ) : <p>没有日期会改变（可能是同一通知已录入）。</p>}
    </section>
  )
}

export function NoticeImportPage({ csrf, values, errors, proposal }: { csrf: string; values: Record<string, string>; errors?: FieldMessage[]; proposal?: CalendarProposal }) {
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin/calendar', label: '工作日历' }, { label: '录入放假通知' }]} />
      <h1>录入放假通知</h1>
      <p>把国务院办公厅《关于某年部分节假日安排的通知》的正文原样粘贴进来（可以包括“一、元旦：……”等各条）。系统识别后先给您核对，确认后才保存为新的日历版本。</p>
      <ErrorSummary errors={errors} />
      <Form action="/admin/calendar/notice" csrf={csrf}>
        <TextField name="year" label="通知安排的年份" value={values.year} width="short" inputmode="numeric" errors={errors} hint="例如 2027" />
        <TextField name="title" label="通知标题" value={values.title} errors={errors} hint="例如《国务院办公厅关于2027年部分节假日安排的通知》" />
        <TextField name="docNo" label="文号" value={values.docNo} width="short" errors={errors} hint="例如 国办发明电〔2026〕7号" />
        <TextField name="url" label="原文网址" value={values.url} errors={errors} />
        <TextArea name="text" label="通知正文" value={values.text} rows={12} errors={errors} />
        {proposal ? <ProposalSummary proposal={proposal} /> : null}
        {proposal ? <Button name="step" value="confirm">确认保存</Button> : null}
        <Button variant={proposal ? 'secondary' : 'primary'} name="step" value="preview">{proposal ? '重新识别' : '识别并核对'}</Button>
      </Form>
    </>
  )
}

export function AmendmentPage({ csrf, values, errors, proposal }: { csrf: string; values: Record<string, string>; errors?: FieldMessage[]; proposal?: CalendarProposal }) {
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin/calendar', label: '工作日历' }, { label: '修订日历' }]} />
      <h1>修订日历</h1>
      <p>国务院临时调整放假安排时（例如国办发明电〔2020〕1号延长 2020 年春节假期），在这里逐日填写调整。每行一天：日期、“休”（放假）、“班”（周末调休上班）或“常”（恢复正常），再加节日名称。</p>
      <ErrorSummary errors={errors} />
      <Form action="/admin/calendar/amend" csrf={csrf}>
        <TextField name="docNo" label="文号" value={values.docNo} width="short" errors={errors} hint="例如 国办发明电〔2020〕1号" />
        <TextField name="title" label="通知标题" value={values.title} errors={errors} hint="例如《国务院办公厅关于延长2020年春节假期的通知》" />
        <TextField name="url" label="原文网址" value={values.url} errors={errors} />
        <TextField name="reason" label="调整原因" value={values.reason} errors={errors} hint="例如 延长2020年春节假期" />
        <TextArea name="lines" label="调整的日期" value={values.lines} rows={8} errors={errors} hint="例如：2020-01-31 休 春节（换行）2020-02-01 休 春节（换行）2020-02-02 休 春节" />
        {proposal ? <ProposalSummary proposal={proposal} /> : null}
        {proposal ? <Button name="step" value="confirm">确认保存</Button> : null}
        <Button variant={proposal ? 'secondary' : 'primary'} name="step" value="preview">{proposal ? '重新核对' : '核对'}</Button>
      </Form>
    </>
  )
}
