/**
 * 办理情况统计 for oversight (公开办: every unit; a unit: its own): per channel, unit and period, every figure with its
 * denominator and a link to the letters it counts. Tables, no charts and no JavaScript; units in their usual order,
 * never ranked (anchors-portal.md §0.6).
 */
import type { FieldMessage } from '../../../platform/http/errors.ts'
import { Breadcrumbs, ErrorSummary, Form, Select, SummaryList, TableWrap, TextField } from '../../../platform/views/components.tsx'
import type { LetterCase } from '../letters.repository.ts'
import type { Measure, StatisticsRow } from '../letter-statistics.ts'
import { CHANNEL_KEYS, CHANNELS, SATISFACTION, SATISFACTION_KEYS, STATE_LABELS, SUPERVISION_GRADE_KEYS, SUPERVISION_GRADES } from '../rules/index.ts'

export interface OversightQuery { from: string; to: string; channel: string; unit: string; group: 'channel' | 'unit' | 'channel_unit' }

export const GROUP_LABELS = { channel: '按渠道', unit: '按承办单位', channel_unit: '按渠道和承办单位' } as const

export function queryString(q: OversightQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ from: q.from, to: q.to, ...(q.channel ? { channel: q.channel } : {}), ...(q.unit ? { unit: q.unit } : {}), group: q.group, ...extra })
  return params.toString()
}

function pct(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((part / whole) * 1000) / 10}%`
}

function rowKey(r: StatisticsRow): { channel: string; unit: string } {
  return { channel: r.channel === 'all' ? '' : r.channel, unit: r.unitId === 'all' ? '' : r.unitId === null ? 'none' : String(r.unitId) }
}

export function OversightStatisticsPage({ query, rows, unitNames, unitOptions, office, presets, errors }: {
  query: OversightQuery; rows: StatisticsRow[]; unitNames: Map<number, string>; unitOptions: { value: string; label: string }[]; office: boolean
  presets: { label: string; from: string; to: string }[]; errors?: FieldMessage[]
}) {
  const total = rows[0]
  const body = rows.slice(1)
  const link = (r: StatisticsRow, measure: Measure, n: number) => {
    if (n === 0) return <>0</>
    const k = rowKey(r)
    const href = `/admin/letters/tongji/xinjian?${queryString({ ...query, channel: k.channel || query.channel, unit: k.unit || query.unit }, { measure })}`
    return <a href={href}>{n}</a>
  }
  const name = (r: StatisticsRow) => {
    const channel = r.channel === 'all' ? '' : CHANNELS[r.channel].label
    const unit = r.unitId === 'all' ? '' : r.unitId === null ? '未转办（当场答复或不予受理）' : unitNames.get(r.unitId) ?? ''
    return [channel, unit].filter(Boolean).join(' · ') || '合计'
  }
  const rated = (r: StatisticsRow) => SATISFACTION_KEYS.reduce((n, s) => n + r.satisfaction[s], 0)
  const graded = (r: StatisticsRow) => SUPERVISION_GRADE_KEYS.reduce((n, g) => n + r.supervision[g], 0)
  const Row = ({ r, head }: { r: StatisticsRow; head?: boolean }) => {
    const replied = r.repliedOnTime + r.repliedLate
    return (
      <tr>
        {head ? <th scope="row">合计</th> : <th scope="row">{name(r)}</th>}
        <td>{link(r, 'received', r.received)}</td>
        <td>{link(r, 'handled', r.handled)}<span class="hint">（{pct(r.handled, r.received)}，{r.handled}/{r.received}）</span></td>
        <td>{link(r, 'carriedOver', r.carriedOver)}</td>
        <td>{link(r, 'carriedIn', r.carriedIn)}{r.carriedIn ? <span class="hint">（本期办结 {link(r, 'carriedInHandled', r.carriedInHandled)}）</span> : null}</td>
        <td>{link(r, 'repliedOnTime', r.repliedOnTime)}<span class="hint">（{pct(r.repliedOnTime, replied)}，{r.repliedOnTime}/{replied}）</span></td>
        <td>{link(r, 'repliedLate', r.repliedLate)}</td>
        {SUPERVISION_GRADE_KEYS.map((g) => <td>{link(r, `grade:${g}`, r.supervision[g])}</td>)}
        <td>{graded(r)}</td>
        <td>{r.medianWorkingDays === null ? '—' : `${r.medianWorkingDays} 个工作日`}<span class="hint">（{r.handled} 件）</span></td>
      </tr>
    )
  }
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin/letters', label: '公众诉求' }, { label: '办理情况统计' }]} />
      <h1>{office ? '公众诉求办理情况统计' : '本单位公众诉求办理情况统计'}</h1>
      <ErrorSummary errors={errors} />
      <p>
        {presets.map((p, i) => <>{i ? '　' : ''}<a href={`/admin/letters/tongji?${queryString({ ...query, from: p.from, to: p.to })}`}>{p.label}</a></>)}
      </p>
      <Form action="/admin/letters/tongji" csrf="" method="get" class="filter-form">
        <TextField name="from" label="开始日期" type="date" value={query.from} errors={errors} width="short" hint="按收件日期统计，例如 2017-01-01" />
        <TextField name="to" label="结束日期" type="date" value={query.to} errors={errors} width="short" />
        <Select name="channel" label="渠道" value={query.channel} options={[{ value: '', label: '全部渠道' }, ...CHANNEL_KEYS.map((k) => ({ value: k, label: CHANNELS[k].label }))]} />
        {office ? <Select name="unit" label="承办单位" value={query.unit} options={[{ value: '', label: '全部单位' }, ...unitOptions]} /> : null}
        <Select name="group" label="分组" value={query.group} options={(Object.keys(GROUP_LABELS) as (keyof typeof GROUP_LABELS)[]).map((k) => ({ value: k, label: GROUP_LABELS[k] }))} />
        <button type="submit" class="button button--secondary">统计</button>
      </Form>
      <p>
        统计 {query.from} 至 {query.to} 收到的来信和来电，截至 {query.to} 的办理情况。办结包括答复发布、当场答复和不予受理；结转下期是本期收到、期末未办结的；
        上期结转是此前收到、期初仍未办结的（不计入本期收件）。按期和超期按承办单位的答复计，分母是已答复的件数；办理用时是从收件到办结的工作日数，取中位数。数字可点开，查看所统计的信件。
      </p>
      <p><a href={`/admin/letters/tongji.xlsx?${queryString(query)}`} download>下载 Excel 表格（.xlsx）</a></p>
      {total ? (
        <>
          <SummaryList rows={[
            { key: '收件', value: <span id="total-received">{total.received}</span> },
            { key: '办结', value: <span id="total-handled">{total.handled}（{pct(total.handled, total.received)}，{total.handled}/{total.received}）</span> },
            { key: '监评', value: <span id="total-supervision">{graded(total)} 件：{SUPERVISION_GRADE_KEYS.map((g) => `${SUPERVISION_GRADES[g].label}${total.supervision[g]}`).join('、')}</span> },
          ]} />
          <TableWrap label="办理情况">
            <table class="table table--compact">
              <caption>办理情况（{GROUP_LABELS[query.group]}）</caption>
              <thead>
                <tr>
                  <th scope="col">{query.group === 'unit' ? '承办单位' : query.group === 'channel' ? '渠道' : '渠道 · 承办单位'}</th><th scope="col">收件</th><th scope="col">办结</th><th scope="col">结转下期</th><th scope="col">上期结转</th>
                  <th scope="col">按期答复</th><th scope="col">超期答复</th>{SUPERVISION_GRADE_KEYS.map((g) => <th scope="col">监评{SUPERVISION_GRADES[g].label}</th>)}<th scope="col">监评合计</th><th scope="col">办理用时中位数</th>
                </tr>
              </thead>
              <tbody>
                {body.map((r) => <Row r={r} />)}
                <Row r={total} head />
              </tbody>
            </table>
          </TableWrap>
          <TableWrap label="好差评">
            <table class="table table--compact">
              <caption>来信人评价（好差评，五级；分母为已评价件数）</caption>
              <thead><tr><th scope="col">{query.group === 'unit' ? '承办单位' : query.group === 'channel' ? '渠道' : '渠道 · 承办单位'}</th>{SATISFACTION_KEYS.map((s) => <th scope="col">{SATISFACTION[s].label}</th>)}<th scope="col">已评价</th></tr></thead>
              <tbody>
                {[...body, total].map((r, i) => (
                  <tr>
                    <th scope="row">{i === body.length ? '合计' : name(r)}</th>
                    {SATISFACTION_KEYS.map((s) => <td>{link(r, `rating:${s}`, r.satisfaction[s])}<span class="hint">（{pct(r.satisfaction[s], rated(r))}，{r.satisfaction[s]}/{rated(r)}）</span></td>)}
                    <td>{rated(r)}<span class="hint">（占办结 {pct(rated(r), r.handled)}，{rated(r)}/{r.handled}）</span></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : null}
    </>
  )
}

export function StatisticsCasesPage({ query, title, rows, total, page, pageSize, unitNames }: {
  query: OversightQuery & { measure: string }; title: string; rows: LetterCase[]; total: number; page: number; pageSize: number; unitNames: Map<number, string>
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const back = `/admin/letters/tongji?${queryString(query)}`
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin/letters', label: '公众诉求' }, { href: back, label: '办理情况统计' }, { label: title }]} />
      <h1>{title}</h1>
      <p>{query.from} 至 {query.to}，共 <span id="drill-total">{total}</span> 件。<a href={back}>返回统计</a></p>
      {rows.length ? (
        <TableWrap label="所统计的信件">
          <table class="table">
            <caption>所统计的信件（第 {page} 页，共 {pages} 页）</caption>
            <thead><tr><th scope="col">编号</th><th scope="col">标题</th><th scope="col">渠道</th><th scope="col">承办单位</th><th scope="col">收件日期</th><th scope="col">当前状态</th></tr></thead>
            <tbody>{rows.map((c) => (
              <tr><td>{c.caseNo}</td><td><a href={`/admin/letters/${c.id}`}>{c.subject}</a></td><td>{CHANNELS[c.channel].label}</td><td>{c.unitId ? unitNames.get(c.unitId) ?? '' : '—'}</td><td>{c.receivedOn}</td><td>{STATE_LABELS[c.state]}</td></tr>
            ))}</tbody>
          </table>
        </TableWrap>
      ) : <p>没有信件。</p>}
      {pages > 1 ? (
        <nav class="pagination" aria-label="分页">
          {page > 1 ? <a href={`/admin/letters/tongji/xinjian?${queryString(query, { measure: query.measure, page: String(page - 1) })}`} rel="prev">上一页</a> : null}
          <span class="pagination__status">第 {page} 页，共 {pages} 页（{total} 件）</span>
          {page < pages ? <a href={`/admin/letters/tongji/xinjian?${queryString(query, { measure: query.measure, page: String(page + 1) })}`} rel="next">下一页</a> : null}
        </nav>
      ) : null}
    </>
  )
}
