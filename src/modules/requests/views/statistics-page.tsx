/**
 * 统计: for a unit or the whole region and a year, every cell of table 三 in the 2021 format (国办公开办函〔2021〕30号)
 * and the 2019 trial format (国办公开办函〔2019〕60号), table 四, and the 2014-era rows (国办发〔2014〕32号 统计表 三–五);
 * the carry-over from and to the adjacent years; the consistency checks. Every number above zero opens the list of
 * exactly its cases. Plain tables with caption and scoped headers; each scrolls sideways inside a labelled region.
 */
import { Button, Form, Select, TableWrap } from '../../../platform/views/components.tsx'
import {
  LEGACY_ROW_LABELS, LEGACY_ROWS, REMEDY_OUTCOMES, TABLE3_COLUMN_LABELS, TABLE3_COLUMNS, TABLE3_LAYOUT_2019, TABLE3_LAYOUT_2021, TABLE4_BLOCKS, TABLE4_COLUMNS,
  type Cell, type ConsistencyProblem, type LayoutLine,
} from '../rules/index.ts'

/** Which table a drill-down link points into. */
export type StatisticsTable = '2021' | '2019' | '4' | '2014' | 'carry'
export const STATISTICS_TABLES: readonly StatisticsTable[] = ['2021', '2019', '4', '2014', 'carry']

export const STATISTICS_TABLE_TITLES: Readonly<Record<StatisticsTable, string>> = {
  '2021': '表三（2021 年格式）',
  '2019': '表三（2019 年试行格式）',
  '4': '表四 行政复议、行政诉讼',
  '2014': '2014 年格式统计表 三至五',
  carry: '跨年度结转',
}

/** The carry-over lines, with their labels. */
export const CARRY_ROWS = {
  carried_over: '上年结转（本年表三“二、上年结转政府信息公开申请数量”）',
  previous_forward: '上一年度表三“四、结转下年度继续办理”',
  carried_over_decided: '其中：本年办结',
  carried_over_open: '其中：本年仍未办结，再结转下年度',
  carried_forward: '结转下年度（本年表三“四、结转下年度继续办理”）',
} as const
export type CarryRow = keyof typeof CARRY_ROWS

export interface StatisticsView {
  year: number
  unitId: string
  unitName: string
  unitOptions: { value: string; label: string }[]
  yearOptions: number[]
  table2021: Record<string, Record<string, Cell>>
  table2019: Record<string, Record<string, Cell>>
  table4: Record<string, Record<string, Cell>>
  legacy: Record<string, Cell>
  carry: Record<CarryRow, Cell>
  problems: ConsistencyProblem[]
  /** Cases whose records cannot be counted, and why. */
  rejected: { id: string; reason: string }[]
}

export function drillHref(view: Pick<StatisticsView, 'year' | 'unitId'>, table: StatisticsTable, row: string, col: string): string {
  return `/admin/requests/tongji/anjian?year=${view.year}&unit=${view.unitId}&table=${table}&row=${encodeURIComponent(row)}&col=${col}`
}

/** A number; above zero, a link to its cases. */
function Num({ cell, href }: { cell: Cell | undefined; href: string }) {
  if (!cell) return <>—</>
  if (cell.count === 0) return <>0</>
  return <a href={href}>{cell.count}<span class="visually-hidden"> 件，查看这些申请</span></a>
}

/** The full label of a line of table 三 (a numbered row with its group, e.g. "（三）不予公开 1.属于国家秘密"). */
export function table3LineLabel(layout: readonly LayoutLine<string>[], key: string): string {
  const index = layout.findIndex((line) => line.key === key)
  if (index < 0) return key
  const label = layout[index]!.label
  if (!/^\d/.test(label)) return label
  const group = layout.slice(0, index).reverse().find((line) => line.key === null)
  return group ? `${group.label} ${label}` : label
}

function Table3({ view, format }: { view: StatisticsView; format: '2021' | '2019' }) {
  const layout = (format === '2021' ? TABLE3_LAYOUT_2021 : TABLE3_LAYOUT_2019) as readonly LayoutLine<string>[]
  const cells = format === '2021' ? view.table2021 : view.table2019
  const kinds = TABLE3_COLUMNS.filter((c) => c !== 'natural_person' && c !== 'total')
  const title = format === '2021' ? '表三 收到和处理政府信息公开申请情况（2021 年格式）' : '表三 收到和处理政府信息公开申请情况（2019 年试行格式）'
  return (
    <TableWrap label={title}>
      <table class="table table--stats">
        <caption>{title}（{view.unitName}，{view.year} 年）<span class="hint">本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和</span></caption>
        <thead>
          <tr><th scope="col" rowSpan={3}>项目</th><th scope="colgroup" colSpan={7}>申请人情况</th></tr>
          <tr><th scope="col" rowSpan={2}>{TABLE3_COLUMN_LABELS.natural_person}</th><th scope="colgroup" colSpan={5}>法人或其他组织</th><th scope="col" rowSpan={2}>{TABLE3_COLUMN_LABELS.total}</th></tr>
          <tr>{kinds.map((c) => <th scope="col">{TABLE3_COLUMN_LABELS[c]}</th>)}</tr>
        </thead>
        <tbody>
          {layout.map((line) => line.key === null
            ? <tr><th scope="rowgroup" colSpan={8}>{line.label}</th></tr>
            : <tr><th scope="row">{/^\d/.test(line.label) ? `\u3000${line.label}` : line.label}</th>{TABLE3_COLUMNS.map((c) => <td class="num"><Num cell={cells[line.key!]?.[c]} href={drillHref(view, format, line.key!, c)} /></td>)}</tr>)}
        </tbody>
      </table>
    </TableWrap>
  )
}

function Table4({ view }: { view: StatisticsView }) {
  const title = '表四 政府信息公开行政复议、行政诉讼情况'
  return (
    <TableWrap label={title}>
      <table class="table table--stats">
        <caption>{title}（{view.unitName}，{view.year} 年）</caption>
        <thead><tr><th scope="col">类别</th>{TABLE4_COLUMNS.map((c) => <th scope="col">{c === 'total' ? '总计' : REMEDY_OUTCOMES[c]}</th>)}</tr></thead>
        <tbody>{(Object.keys(TABLE4_BLOCKS) as (keyof typeof TABLE4_BLOCKS)[]).map((b) => (
          <tr><th scope="row">{TABLE4_BLOCKS[b]}</th>{TABLE4_COLUMNS.map((c) => <td class="num"><Num cell={view.table4[b]?.[c]} href={drillHref(view, '4', b, c)} /></td>)}</tr>
        ))}</tbody>
      </table>
    </TableWrap>
  )
}

/** Indentation as the printed table shows it: （一） rows, then 1. rows, then 其中 rows. */
const indent = (label: string) => (/^[一二三四五六七八九]、/.test(label) ? '' : /^（/.test(label) ? '\u3000' : /^\d/.test(label) ? '\u3000\u3000' : '\u3000\u3000\u3000')

function LegacyTable({ view }: { view: StatisticsView }) {
  const title = '政府信息公开情况统计表（2014 年格式）三、依申请公开情况 四、行政复议 五、行政诉讼'
  return (
    <TableWrap label="2014 年格式统计表">
      <table class="table table--stats">
        <caption>{title}（{view.unitName}，{view.year} 年）</caption>
        <thead><tr><th scope="col">统计指标</th><th scope="col">单位</th><th scope="col">统计数</th></tr></thead>
        <tbody>
          <tr><th scope="rowgroup" colSpan={3}>三、依申请公开情况</th></tr>
          {LEGACY_ROWS.map((row) => (
            <tr><th scope="row">{indent(LEGACY_ROW_LABELS[row])}{LEGACY_ROW_LABELS[row]}</th><td>件</td><td class="num"><Num cell={view.legacy[row]} href={drillHref(view, '2014', row, 'total')} /></td></tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}

function CarryTable({ view }: { view: StatisticsView }) {
  const title = '跨年度结转'
  return (
    <TableWrap label={title}>
      <table class="table table--stats">
        <caption>{title}（{view.unitName}，{view.year - 1} 年 → {view.year} 年 → {view.year + 1} 年）</caption>
        <thead><tr><th scope="col">项目</th><th scope="col">件数</th></tr></thead>
        <tbody>{(Object.keys(CARRY_ROWS) as CarryRow[]).map((row) => (
          <tr><th scope="row">{row.startsWith('carried_over_') ? `\u3000${CARRY_ROWS[row]}` : CARRY_ROWS[row]}</th><td class="num"><Num cell={view.carry[row]} href={drillHref(view, 'carry', row, 'total')} /></td></tr>
        ))}</tbody>
      </table>
    </TableWrap>
  )
}

export function StatisticsPage({ view }: { view: StatisticsView }) {
  const errors = view.problems.filter((p) => p.severity === 'error')
  const warnings = view.problems.filter((p) => p.severity === 'warning')
  return (
    <>
      <h1>依申请公开统计</h1>
      <p>由案件的办理记录计算：年度报告表三（2021 年格式和 2019 年试行格式）、表四，2014 年格式统计表的依申请公开、行政复议、行政诉讼各行，以及与上一年度、下一年度的结转。点击大于 0 的数字，可以查看对应的申请。</p>
      <Form action="/admin/requests/tongji" csrf="" method="get">
        <div class="filters">
          <Select name="year" label="年度" value={String(view.year)} options={view.yearOptions.map((y) => ({ value: String(y), label: `${y} 年` }))} />
          <Select name="unit" label="单位" value={view.unitId} options={view.unitOptions} />
          <Button variant="secondary">查看</Button>
        </div>
      </Form>
      <p><a href={`/admin/requests/tongji.xlsx?year=${view.year}&unit=${view.unitId}`} download>下载这些表格（Excel 工作簿 .xlsx）</a></p>
      <nav aria-label="本页的表格">
        <ul>
          <li><a href="#t2021">表三（2021 年格式）</a></li>
          <li><a href="#t4">表四</a></li>
          <li><a href="#t2019">表三（2019 年试行格式）</a></li>
          <li><a href="#t2014">2014 年格式统计表</a></li>
          <li><a href="#carry">跨年度结转</a></li>
          <li><a href="#checks">勾稽关系检查</a></li>
        </ul>
      </nav>
      <h2 id="t2021">三、收到和处理政府信息公开申请情况（2021 年格式）</h2>
      <Table3 view={view} format="2021" />
      <h2 id="t4">四、政府信息公开行政复议、行政诉讼情况</h2>
      <p>本年度提起的复议、诉讼，按 12 月 31 日的审理结果计数；此后才审结的计为“尚未审结”。</p>
      <Table4 view={view} />
      <h2 id="t2019">表三（2019 年试行格式）</h2>
      <p>2019、2020 年度报告使用的格式：与 2021 年格式相同，只是“（六）其他处理”为一行。</p>
      <Table3 view={view} format="2019" />
      <h2 id="t2014">2014 年格式统计表（依申请公开、行政复议、行政诉讼）</h2>
      <p>2014—2018 年度统计使用的格式：按收到日期计收到申请数（传真、网络、信函按渠道归并），按答复日期计办结数和答复数；经延期或逾期答复的计为延期办结。该表没有结转行，行政复议、行政诉讼尚未审结的计入“其他情形”。</p>
      <LegacyTable view={view} />
      <h2 id="carry">跨年度结转</h2>
      <p>上年结转是此前收到、到 {view.year - 1} 年 12 月 31 日仍未办结的申请；结转下年度是到 {view.year} 年 12 月 31 日仍未办结的申请。上年结转应等于上一年度的结转下年度。</p>
      <CarryTable view={view} />
      <h2 id="checks">勾稽关系检查</h2>
      {errors.length === 0 ? <p>表三、表四各项勾稽关系均相符{warnings.length ? `（另有 ${warnings.length} 条提示）` : ''}。</p> : <p>有 {errors.length} 处不相符：</p>}
      {view.problems.length ? <ul>{view.problems.map((p) => <li>{p.severity === 'error' ? '不相符' : '提示'}：{p.message}</li>)}</ul> : null}
      {view.rejected.length ? (
        <>
          <p>以下申请的记录不完整，没有计入统计：</p>
          <ul>{view.rejected.map((r) => <li><a href={`/admin/requests/${r.id}`}>第 {r.id} 号</a>：{r.reason}</li>)}</ul>
        </>
      ) : null}
    </>
  )
}

export interface DrillView {
  backHref: string
  title: string
  count: number
  cases: { id: number; unitName: string; receivedOn: string; channel: string; applicant: string; decidedOn: string; disposition: string; status: string }[]
}

/** The cases of one number, as many as the number says. */
export function DrillPage({ view }: { view: DrillView }) {
  return (
    <>
      <h1>{view.title}</h1>
      <p>共 <strong>{view.count}</strong> 件。<a href={view.backHref}>返回统计表</a></p>
      <TableWrap label="对应的申请">
        <table class="table">
          <caption class="visually-hidden">{view.title}：对应的申请</caption>
          <thead><tr><th scope="col">编号</th><th scope="col">办理单位</th><th scope="col">收到申请日期</th><th scope="col">渠道</th><th scope="col">申请人类型</th><th scope="col">答复日期</th><th scope="col">办理结果</th><th scope="col">状态</th></tr></thead>
          <tbody>{view.cases.map((c) => (
            <tr><th scope="row"><a href={`/admin/requests/${c.id}`}>第 {c.id} 号</a></th><td>{c.unitName}</td><td>{c.receivedOn}</td><td>{c.channel}</td><td>{c.applicant}</td><td>{c.decidedOn || '—'}</td><td>{c.disposition || '—'}</td><td>{c.status}</td></tr>
          ))}</tbody>
        </table>
      </TableWrap>
    </>
  )
}
