/**
 * 信件办理情况 (monthly public statistics): per channel and per unit, each rate with its denominator, units in
 * their usual order — never a ranking (FixMyStreet removed its league tables because they mislead,
 * anchors-portal.md §0.6).
 */
import { TableWrap } from '../../../platform/views/components.tsx'
import { PortalLayout, type ShellModel } from '../../../platform/views/layout.tsx'
import type { StatisticsRow } from '../letter-statistics.ts'
import { CHANNELS } from '../rules/index.ts'

function rate(part: number, whole: number) {
  return whole === 0 ? '—' : `${Math.round((part / whole) * 1000) / 10}%`
}

/** The median with the number of letters it is taken over, so that a median of one letter reads as such. */
function medianText(r: StatisticsRow) {
  return r.medianWorkingDays === null ? '—' : `${r.medianWorkingDays} 个工作日（${r.handled} 件）`
}

export function StatisticsPage({ shell, month, months, byChannel, byUnit, unitNames }: {
  shell: ShellModel; month: string; months: string[]; byChannel: StatisticsRow[]; byUnit: StatisticsRow[]; unitNames: Map<number, string>
}) {
  const total = byChannel[0]
  const [year, mon] = month.split('-')
  return (
    <PortalLayout shell={shell} title={`${year}年${Number(mon)}月信件办理情况`} column="区长信箱">
      <p><a href="/hudong/qzxx">返回区长信箱</a></p>
      <h1>{year}年{Number(mon)}月信件办理情况</h1>
      <form action="/hudong/qzxx/tongji" method="get" class="inline-form">
        <label class="label" for="f-month">选择月份</label>
        <select class="select" id="f-month" name="month">{months.map((m) => <option value={m} selected={m === month}>{m.replace('-', '年')}月</option>)}</select>
        <button type="submit" class="button button--secondary">查看</button>
      </form>
      <p>统计本月收到的来信和来电（含区长公开电话、114阳光政务和上级转办件），截至本月最后一天的办理情况。办结率 = 已办结 ÷ 收件，括号里是分子和分母；办理用时按工作日计算，取中位数，括号里是计算所依据的件数。各单位按单位顺序排列，不排名：收件多少、事项难易不同，单看比率不能比较。</p>
      {total && total.received > 0 ? (
        <>
          <TableWrap label="按渠道统计">
            <table class="table">
              <caption>按渠道</caption>
              <thead><tr><th scope="col">渠道</th><th scope="col">收件</th><th scope="col">已办结</th><th scope="col">办结率</th><th scope="col">结转下月</th><th scope="col">办理用时中位数</th></tr></thead>
              <tbody>
                {byChannel.slice(1).map((r) => (
                  <tr><th scope="row">{r.channel === 'all' ? '合计' : CHANNELS[r.channel].label}</th><td>{r.received}</td><td>{r.handled}</td><td>{rate(r.handled, r.received)}（{r.handled}/{r.received}）</td><td>{r.carriedOver}</td><td>{medianText(r)}</td></tr>
                ))}
                <tr><th scope="row">合计</th><td>{total.received}</td><td>{total.handled}</td><td>{rate(total.handled, total.received)}（{total.handled}/{total.received}）</td><td>{total.carriedOver}</td><td>{medianText(total)}</td></tr>
              </tbody>
            </table>
          </TableWrap>
          <TableWrap label="按承办单位统计">
            <table class="table">
              <caption>按承办单位（按单位排列，不排名）</caption>
              <thead><tr><th scope="col">承办单位</th><th scope="col">收件</th><th scope="col">已答复并办结</th><th scope="col">答复率</th><th scope="col">按期答复</th><th scope="col">办理用时中位数</th></tr></thead>
              <tbody>
                {byUnit.slice(1).map((r) => (
                  <tr>
                    <th scope="row">{typeof r.unitId === 'number' ? <a href={`/hudong/qzxx/tongji/danwei/${r.unitId}`}>{unitNames.get(r.unitId) ?? ''}</a> : '未转办（当场答复或不予受理）'}</th>
                    <td>{r.received}</td><td>{r.handled}</td><td>{rate(r.handled, r.received)}（{r.handled}/{r.received}）</td>
                    <td>{r.repliedOnTime + r.repliedLate === 0 ? '—' : `${rate(r.repliedOnTime, r.repliedOnTime + r.repliedLate)}（${r.repliedOnTime}/${r.repliedOnTime + r.repliedLate}）`}</td>
                    <td>{medianText(r)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">合计</th><td>{total.received}</td><td>{total.handled}</td><td>{rate(total.handled, total.received)}（{total.handled}/{total.received}）</td>
                  <td>{total.repliedOnTime + total.repliedLate === 0 ? '—' : `${rate(total.repliedOnTime, total.repliedOnTime + total.repliedLate)}（${total.repliedOnTime}/${total.repliedOnTime + total.repliedLate}）`}</td>
                  <td>{medianText(total)}</td>
                </tr>
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : <p>本月还没有收到来信和来电。</p>}
    </PortalLayout>
  )
}

/** 信件选登: consented letters with their replies, anonymised. */
export function PublishedLettersPage({ shell, letters, unitNames }: { shell: ShellModel; letters: import('../published-letters.ts').PublishedLetter[]; unitNames: Map<number, string> }) {
  return (
    <PortalLayout shell={shell} title="信件选登" column="区长信箱">
      <p><a href="/hudong/qzxx">返回区长信箱</a></p>
      <h1>信件选登</h1>
      <p>这里选登来信人同意公开的来信和答复，经区政务公开办公室审核后公开。公开前隐去了姓名、电话、身份证号码、住址等个人信息。</p>
      {letters.length === 0 ? <p>暂无选登的信件。</p> : letters.map((l) => (
        <article class="published-letter" aria-labelledby={`l-${l.caseNo}`}>
          <h2 id={`l-${l.caseNo}`}>{l.subject}</h2>
          <p class="hint">信件编号 {l.caseNo}　来信日期 {l.receivedOn}{l.unitId ? `　承办单位 ${unitNames.get(l.unitId) ?? ''}` : ''}</p>
          <h3>来信</h3>
          {l.content.split(/\n+/).map((p) => <p>{p}</p>)}
          <h3>答复</h3>
          {l.reply.split(/\n+/).map((p) => <p>{p}</p>)}
        </article>
      ))}
    </PortalLayout>
  )
}

/** One unit's last twelve months (信件办理情况 of a 承办单位), every rate with its denominator. */
export function UnitStatisticsPage({ shell, unitName, months }: { shell: ShellModel; unitName: string; months: { month: string; row: StatisticsRow }[] }) {
  return (
    <PortalLayout shell={shell} title={`${unitName}信件办理情况`} column="区长信箱">
      <p><a href="/hudong/qzxx/tongji">返回信件办理情况</a></p>
      <h1>{unitName}信件办理情况</h1>
      <p>近十二个月转交{unitName}办理的来信和来电，每月截至月底（本月截至今天）的办理情况。答复率 = 已答复并办结 ÷ 收件，按期答复率 = 按期答复 ÷ 已答复，括号里是分子和分母；办理用时按工作日计算，取中位数，括号里是计算所依据的件数。</p>
      <TableWrap label={`${unitName}按月统计`}>
        <table class="table">
          <caption>{unitName}按月统计</caption>
          <thead><tr><th scope="col">月份</th><th scope="col">收件</th><th scope="col">已答复并办结</th><th scope="col">答复率</th><th scope="col">按期答复率</th><th scope="col">办理用时中位数</th></tr></thead>
          <tbody>{months.map(({ month, row: r }) => (
            <tr>
              <th scope="row"><a href={`/hudong/qzxx/tongji?month=${month}`}>{month.slice(0, 4)}年{Number(month.slice(5, 7))}月</a></th>
              <td>{r.received}</td><td>{r.handled}</td><td>{rate(r.handled, r.received)}（{r.handled}/{r.received}）</td>
              <td>{r.repliedOnTime + r.repliedLate === 0 ? '—' : `${rate(r.repliedOnTime, r.repliedOnTime + r.repliedLate)}（${r.repliedOnTime}/${r.repliedOnTime + r.repliedLate}）`}</td>
              <td>{medianText(r)}</td>
            </tr>
          ))}</tbody>
        </table>
      </TableWrap>
    </PortalLayout>
  )
}
