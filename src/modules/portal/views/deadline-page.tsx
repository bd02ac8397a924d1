/** 答复期限计算: anyone can check a 依申请公开 deadline and see how it was counted. */
import type { DueDateAnswer } from '../../calendar/index.ts'
import type { FieldMessage } from '../../../platform/http/errors.ts'
import { Breadcrumbs, Button, ErrorSummary, Notice, Select, TextField } from '../../../platform/views/components.tsx'
import { PortalLayout, type ShellModel } from '../../../platform/views/layout.tsx'

export function DeadlinePage({ shell, values, answer, errors }: { shell: ShellModel; values: Record<string, string>; answer?: DueDateAnswer; errors?: FieldMessage[] }) {
  return (
    <PortalLayout shell={shell} title="答复期限计算">
      <Breadcrumbs items={[{ href: '/', label: '首页' }, { href: '/xxgk', label: '政府信息公开' }, { href: '/xxgk/ysqgk', label: '依申请公开' }, { label: '答复期限计算' }]} />
      <h1>答复期限计算</h1>
      <p>输入行政机关收到申请的日期，即可算出答复期限的最后一天。按照《民法典》第二百零一条，收到申请的当日不计入；工作日按国务院办公厅每年公布的放假和调休安排计算，调休上班的周末算作工作日。</p>
      <ErrorSummary errors={errors} />
      <form action="/gongju/dqjs" method="get" novalidate>
        <TextField name="from" label="收到申请的日期" value={values.from} width="short" errors={errors} hint="例如 2025-09-30" inputmode="numeric" />
        <TextField name="days" label="工作日数（可不填）" value={values.days} width="short" errors={errors} hint="不填则按收到申请时施行的条例：2019 年 5 月 15 日起为 20 个工作日，此前为 15 个工作日" inputmode="numeric" />
        <Select name="regime" label="适用的条例" value={values.regime} placeholder="按收到申请的日期自动选择"
          options={[{ value: 'cn-2019', label: '2019 年修订的《政府信息公开条例》（20 + 20 个工作日）' }, { value: 'cn-2007', label: '2007 年《政府信息公开条例》（15 + 15 个工作日）' }]} errors={errors} />
        <Button>计算</Button>
      </form>
      {answer ? (
        <section aria-labelledby="deadline-result">
          <h2 id="deadline-result">计算结果</h2>
          {answer.provisional ? (
            <Notice kind="warning">这个期限是暂定的：{answer.missingYears.length ? `${answer.missingYears.join('、')} 年` : '所涉年份'}的放假安排尚未公布或尚未录入，公布后期限可能变化。</Notice>
          ) : null}
          <p class="deadline-answer">收到申请 {answer.from}，{answer.days} 个工作日，答复期限的最后一天是 <strong>{answer.due}</strong>{answer.provisional ? '（暂定）' : ''}。</p>
          <p class="hint">依据：{answer.regime.citation}。</p>
          <h3>逐日说明</h3>
          <ol class="trace">{answer.trace.lines.map((line) => <li>{line}</li>)}</ol>
          <p class="hint">日历版本：{answer.calendarVersion}。也可以通过接口查询：<code>{`/api/v1/calendar/due?from=${answer.from}&days=${answer.days}`}</code></p>
        </section>
      ) : null}
    </PortalLayout>
  )
}
