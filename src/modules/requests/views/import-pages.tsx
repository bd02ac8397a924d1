/** 导入历史案件: the upload form, the dry-run result with every rejected row, the confirmation, and the column notes. */
import type { FieldMessage } from '../../../platform/http/errors.ts'
import { Breadcrumbs, Button, ErrorSummary, Form, Notice, TableWrap } from '../../../platform/views/components.tsx'
import type { HistoryColumnDoc } from '../history-columns.ts'

const CRUMBS = [{ href: '/admin/requests', label: '依申请公开' }, { href: '/admin/requests/import', label: '导入历史案件' }]

function Templates() {
  return (
    <ul>
      <li><a href="/admin/requests/import/columns">列说明：每一列填什么、可用的值和示例</a></li>
      <li><a href="/admin/requests/import/template.xlsx" download>下载模板（Excel 工作簿 .xlsx）</a></li>
      <li><a href="/admin/requests/import/template.csv" download>下载模板（CSV，UTF-8）</a></li>
    </ul>
  )
}

export function ImportPage({ csrf, errors, maxMegabytes, regionWide, unitName }: { csrf: string; errors?: FieldMessage[]; maxMegabytes: number; regionWide: boolean; unitName: string }) {
  const error = errors?.find((e) => e.field === 'file')?.message
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin/requests', label: '依申请公开' }, { label: '导入历史案件' }]} />
      <h1>导入历史案件</h1>
      <ErrorSummary errors={errors} />
      <p>把本平台启用之前办理的依申请公开案件导入，使年度报告表三、表四的统计和重复申请的提示包括它们。{regionWide ? '公开办可以导入各单位的案件。' : `只能导入本单位（${unitName}）的案件。`}</p>
      <ol>
        <li>按模板填写，每行一件申请，第 1 行是表头。</li>
        <li>上传文件：平台逐行检查，列出可以导入的行数和每个有问题的行及原因，此时不写入任何数据。</li>
        <li>没有问题的，确认导入：所有行一次导入；有一行不通过则整份文件都不导入。同一份文件再次导入，已导入的行会跳过，不会重复。</li>
      </ol>
      <Templates />
      <h2>上传文件</h2>
      <form action="/admin/requests/import" method="post" encType="multipart/form-data" class="upload-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <div class={`form-group${error ? ' form-group--error' : ''}`}>
          <label class="label" for="f-file">历史案件文件</label>
          <p class="hint" id="f-file-hint">CSV（UTF-8 或 Excel 另存的 GB18030）或 Excel 工作簿（.xlsx，读第一个工作表），不超过 {maxMegabytes} MB。</p>
          {error ? <p class="error-message" id="f-file-error"><span class="visually-hidden">错误：</span>{error}</p> : null}
          <input class="file-input" type="file" id="f-file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={error ? 'f-file-hint f-file-error' : 'f-file-hint'} aria-invalid={error ? 'true' : undefined} />
        </div>
        <Button>上传并检查</Button>
      </form>
    </>
  )
}

export interface ImportResultView {
  uploadId: number
  fileName: string
  uploadedAt: string
  importedAt: string | null
  importedCount: number | null
  total: number
  accepted: number
  toImport: number
  skipped: number[]
  rejected: { line: number; reasons: string[] }[]
  /** The years of the imported cases, for links to the statistics. */
  years: number[]
  done?: 'imported' | 'nothing-new'
  conflict?: string
}

export function ImportResultPage({ csrf, view }: { csrf: string; view: ImportResultView }) {
  const imported = view.importedAt !== null
  return (
    <>
      <Breadcrumbs items={[...CRUMBS, { label: imported ? '导入结果' : '检查结果' }]} />
      <h1>{imported ? '导入结果' : '检查结果'}：{view.fileName}</h1>
      {view.done === 'imported' ? <Notice>已导入 {view.importedCount} 件历史案件。</Notice> : null}
      {view.done === 'nothing-new' ? <Notice kind="info">文件中的行此前都已导入，这次没有新增案件。</Notice> : null}
      {view.conflict ? <Notice kind="warning">{view.conflict}</Notice> : null}
      <dl class="summary-list">
        <div class="summary-list__row"><dt>上传时间</dt><dd>{view.uploadedAt}</dd></div>
        <div class="summary-list__row"><dt>案件行数</dt><dd>{view.total} 行</dd></div>
        <div class="summary-list__row"><dt>检查通过</dt><dd>{view.accepted} 行</dd></div>
        <div class="summary-list__row"><dt>此前已导入（跳过）</dt><dd>{view.skipped.length} 行{view.skipped.length ? `（第 ${view.skipped.join('、')} 行）` : ''}</dd></div>
        <div class="summary-list__row"><dt>有问题</dt><dd>{view.rejected.length} 行</dd></div>
        {imported ? <div class="summary-list__row"><dt>导入时间</dt><dd>{view.importedAt}，导入 {view.importedCount} 件</dd></div> : null}
      </dl>
      {view.rejected.length ? (
        <>
          <h2>有问题的行</h2>
          <p>有一行不通过，整份文件都不导入。请按原因修改这些行（行号与表格软件显示的一致），然后重新上传。</p>
          <TableWrap label="有问题的行">
            <table class="table">
              <caption class="visually-hidden">有问题的行及原因</caption>
              <thead><tr><th scope="col">行号</th><th scope="col">原因</th></tr></thead>
              <tbody>{view.rejected.map((r) => <tr><th scope="row">第 {r.line} 行</th><td><ul class="list--plain">{r.reasons.map((reason) => <li>{reason}</li>)}</ul></td></tr>)}</tbody>
            </table>
          </TableWrap>
          <p><a href="/admin/requests/import">重新上传</a></p>
        </>
      ) : imported ? (
        <p>{view.years.map((y) => <><a href={`/admin/requests/tongji?year=${y}`}>查看 {y} 年统计</a>　</>)}<a href="/admin/requests/import">导入另一份文件</a></p>
      ) : view.toImport > 0 ? (
        <>
          <h2>确认导入</h2>
          <p>将导入 <strong>{view.toImport}</strong> 件案件{view.skipped.length ? `，跳过此前已导入的 ${view.skipped.length} 行` : ''}。导入的案件计入年度报告统计，不含申请人个人信息，不生成文书。</p>
          <Form action={`/admin/requests/import/${view.uploadId}`} csrf={csrf}>
            <Button>确认导入 {view.toImport} 件</Button>
          </Form>
          <p><a href="/admin/requests/import">不导入，重新上传</a></p>
        </>
      ) : (
        <p>文件中的行此前都已导入，没有需要导入的案件。<a href="/admin/requests/import">导入另一份文件</a></p>
      )}
    </>
  )
}

export function ColumnsPage({ columns, dispositions, unitCode }: { columns: readonly HistoryColumnDoc[]; dispositions: readonly { code: string; group: string; label: string }[]; unitCode: string }) {
  return (
    <>
      <Breadcrumbs items={[...CRUMBS, { label: '列说明' }]} />
      <h1>历史案件文件的列说明</h1>
      <p>文件为 CSV（UTF-8 或 GB18030）或 Excel 工作簿（.xlsx，读第一个工作表）。第 1 行是表头，写下列列名，顺序不限；不认识的列会被忽略。每行一件申请，空行跳过。本单位的单位代码是 <code>{unitCode}</code>。</p>
      <p><a href="/admin/requests/import/template.xlsx" download>下载模板（.xlsx）</a>　<a href="/admin/requests/import/template.csv" download>下载模板（.csv）</a>　<a href="/admin/requests/import">返回导入</a></p>
      <h2>列</h2>
      <TableWrap label="列说明">
        <table class="table">
          <caption class="visually-hidden">历史案件文件的列</caption>
          <thead><tr><th scope="col">列名</th><th scope="col">是否必填</th><th scope="col">内容和可用的值</th><th scope="col">示例</th></tr></thead>
          <tbody>{columns.map((c) => <tr><th scope="row">{c.name}</th><td>{c.required}</td><td>{c.values}</td><td>{c.example ? <code>{c.example === 'czj' ? unitCode : c.example}</code> : '（空）'}</td></tr>)}</tbody>
        </table>
      </TableWrap>
      <h2>办理结果</h2>
      <p>“办理结果”列写名称或代码均可；名称前的序号可写可不写（“属于国家秘密”与“1.属于国家秘密”相同）。“逾期不补正”和“逾期未缴费”两种不再处理的，答复日期写不再处理之日。旧记录不区分答复方式，在 2014 年格式统计表中，“予以公开”计为“同意公开答复数”，“本机关不掌握相关政府信息”计为“申请信息不存在数”。</p>
      <TableWrap label="办理结果及代码">
        <table class="table">
          <caption class="visually-hidden">办理结果的名称和代码（年度报告表三，2021 年格式）</caption>
          <thead><tr><th scope="col">代码</th><th scope="col">表三分组</th><th scope="col">名称</th></tr></thead>
          <tbody>{dispositions.map((d) => <tr><th scope="row"><code>{d.code}</code></th><td>{d.group}</td><td>{d.label}</td></tr>)}</tbody>
        </table>
      </TableWrap>
    </>
  )
}
