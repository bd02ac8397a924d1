/** 统计: table 三 (2021 format) and table 四 of a year for a unit or the region; every number opens its cases. */
import { Button, Form, Select, TableWrap } from '../../../platform/views/components.tsx'
import { REMEDY_OUTCOMES, TABLE3_COLUMN_LABELS, TABLE3_COLUMNS, TABLE3_LAYOUT_2021, TABLE4_BLOCKS, TABLE4_COLUMNS, type Cell } from '../rules/index.ts'

export interface StatisticsView {
  year: number
  unitId: string
  unitOptions: { value: string; label: string }[]
  table3: Record<string, Record<string, Cell>>
  table4: Record<string, Record<string, Cell>>
  drill?: { title: string; cases: { id: number; label: string }[] }
}

export function StatisticsPage({ view }: { view: StatisticsView }) {
  const href = (table: string, row: string, col: string) => `/admin/requests/tongji?year=${view.year}&unit=${view.unitId}&table=${table}&row=${row}&col=${col}#drill`
  const num = (table: string, row: string, col: string, cell: Cell | undefined) =>
    !cell ? '' : cell.count === 0 ? '0' : <a href={href(table, row, col)} aria-label={`${cell.count} 件，查看案件`}>{cell.count}</a>
  return (
    <>
      <h1>依申请公开统计</h1>
      <p>按《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）表三、表四，由案件的办理记录计算；点击数字可以查看对应的案件。</p>
      <Form action="/admin/requests/tongji" csrf="" method="get">
        <div class="filters">
          <Select name="year" label="年度" value={String(view.year)} options={Array.from({ length: 8 }, (_, i) => view.year + 1 - i).map((y) => ({ value: String(y), label: `${y} 年` }))} />
          <Select name="unit" label="单位" value={view.unitId} options={view.unitOptions} />
          <Button variant="secondary">查看</Button>
        </div>
      </Form>
      <h2>三、收到和处理政府信息公开申请情况</h2>
      <TableWrap label="表三">
        <table class="table table--stats">
          <thead><tr><th scope="col">项目</th>{TABLE3_COLUMNS.map((c) => <th scope="col">{TABLE3_COLUMN_LABELS[c]}</th>)}</tr></thead>
          <tbody>
            {TABLE3_LAYOUT_2021.map((line) => line.key === null
              ? <tr><th scope="row" colSpan={TABLE3_COLUMNS.length + 1}>{line.label}</th></tr>
              : <tr><th scope="row">{line.label}</th>{TABLE3_COLUMNS.map((c) => <td>{num('3', line.key!, c, view.table3[line.key!]?.[c])}</td>)}</tr>)}
          </tbody>
        </table>
      </TableWrap>
      <h2>四、政府信息公开行政复议、行政诉讼情况</h2>
      <TableWrap label="表四">
        <table class="table table--stats">
          <thead><tr><th scope="col">类别</th>{TABLE4_COLUMNS.map((c) => <th scope="col">{c === 'total' ? '总计' : REMEDY_OUTCOMES[c]}</th>)}</tr></thead>
          <tbody>{(Object.keys(TABLE4_BLOCKS) as (keyof typeof TABLE4_BLOCKS)[]).map((b) => <tr><th scope="row">{TABLE4_BLOCKS[b]}</th>{TABLE4_COLUMNS.map((c) => <td>{num('4', b, c, view.table4[b]?.[c])}</td>)}</tr>)}</tbody>
        </table>
      </TableWrap>
      {view.drill ? (
        <section id="drill" aria-labelledby="drill-title">
          <h2 id="drill-title">{view.drill.title}</h2>
          <ul>{view.drill.cases.map((c) => <li><a href={`/admin/requests/${c.id}`}>{c.label}</a></li>)}</ul>
        </section>
      ) : null}
    </>
  )
}
