/** 信件选登 moderation pages of the 公开办: the queue by decision, and one letter to review, edit and decide. */
import { formatInstant } from '../../../platform/clock.ts'
import type { FieldMessage } from '../../../platform/http/errors.ts'
import { Breadcrumbs, Button, EmptyState, ErrorSummary, Form, Notice, Pagination, SummaryList, TableWrap, TextField } from '../../../platform/views/components.tsx'
import { PUBLICATION_STATE_LABELS, type PublicationDraft, type PublicationState, type QueueRow } from '../letter-publications.ts'
import { CATEGORIES } from '../rules/index.ts'
import { LongText, Paragraphs, Radios } from './form-parts.tsx'

export function PublicationQueuePage({ state, counts, rows, total, page, pageSize, unitNames, done }: {
  state: PublicationState; counts: Record<PublicationState, number>; rows: QueueRow[]; total: number; page: number; pageSize: number; unitNames: Map<number, string>; done?: string
}) {
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin/letters', label: '公众诉求' }, { label: '信件选登' }]} />
      <h1>信件选登审核</h1>
      {done ? <Notice>{done}</Notice> : null}
      <p>来信人同意公开的信件，答复发布后进入这里。审核时看到的是已隐去姓名、号码和住址的文本，可以再修改，选登后才会出现在门户的“信件选登”栏目。</p>
      <nav aria-label="选登分类">
        <ul class="queue-tabs">
          {(Object.keys(PUBLICATION_STATE_LABELS) as PublicationState[]).map((s) => (
            <li><a href={`/admin/letters/xuandeng?state=${s}`} aria-current={s === state ? 'page' : undefined}>{PUBLICATION_STATE_LABELS[s]}（{counts[s]}）</a></li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? <EmptyState title="这里没有信件">来信人同意公开的信件在答复发布后出现在“待审核”。</EmptyState> : (
        <TableWrap label="选登信件列表">
          <table class="table">
            <caption>{PUBLICATION_STATE_LABELS[state]}：共 {total} 件</caption>
            <thead><tr><th scope="col">编号</th><th scope="col">标题</th><th scope="col">承办单位</th><th scope="col">答复发布</th>{state === 'pending' ? null : <th scope="col">审核时间</th>}</tr></thead>
            <tbody>{rows.map((r) => (
              <tr>
                <td>{r.caseNo}</td>
                <td><a href={`/admin/letters/xuandeng/${r.caseId}`}>{r.subject}</a></td>
                <td>{r.unitId ? unitNames.get(r.unitId) ?? '' : '—'}</td>
                <td>{r.releasedAt ? formatInstant(r.releasedAt) : '—'}</td>
                {state === 'pending' ? null : <td>{r.decidedAt ? formatInstant(r.decidedAt) : '—'}</td>}
              </tr>
            ))}</tbody>
          </table>
        </TableWrap>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} href={(p) => `/admin/letters/xuandeng?state=${state}&page=${p}`} />
    </>
  )
}

const FIELD_LABELS = { subject: '标题', content: '来信', reply: '答复' } as const
const KIND_LABELS = { id_card: '身份证号码', mobile: '手机号码', bank_card: '银行卡号', sensitive_word: '敏感词', address: '住址' } as const

export function PublicationReviewPage({ draft, csrf, unitName, values, errors, done }: {
  draft: PublicationDraft; csrf: string; unitName: string | null; values?: Record<string, string>; errors?: FieldMessage[]; done?: string
}) {
  const { c, state, texts, findings } = draft
  const v = (name: 'subject' | 'content' | 'reply') => values?.[name] ?? texts[name]
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin/letters', label: '公众诉求' }, { href: `/admin/letters/xuandeng?state=${state}`, label: '信件选登' }, { label: c.caseNo }]} />
      <h1>选登审核：信件 {c.caseNo}</h1>
      {done ? <Notice>{done}</Notice> : null}
      <ErrorSummary errors={errors} />
      <SummaryList rows={[
        { key: '审核状态', value: <strong id="publication-state">{PUBLICATION_STATE_LABELS[state]}</strong> },
        { key: '类别', value: CATEGORIES[c.category].label },
        { key: '承办单位', value: unitName ?? '—' },
        { key: '来信日期', value: c.receivedOn },
        ...(draft.reason ? [{ key: state === 'withdrawn' ? '撤下理由' : '不选登理由', value: draft.reason }] : []),
        ...(draft.decidedAt ? [{ key: '审核时间', value: formatInstant(draft.decidedAt) }] : []),
        { key: '办理记录', value: <a href={`/admin/letters/${c.id}`}>查看信件和办理记录</a> },
      ]} />
      <h2>隐私审查</h2>
      {draft.masked.length ? (
        <>
          <p>已自动遮盖：</p>
          <ul id="privacy-masked">{draft.masked.map((m) => <li>{FIELD_LABELS[m.field]}中的{KIND_LABELS[m.kind]} {m.masked}</li>)}</ul>
        </>
      ) : null}
      {findings.length === 0
        ? <p id="privacy-clean">{state === 'pending' ? '遮盖后没有再发现个人信息。来信人的姓名已改为“某”。请通读全文，隐去其他可能识别来信人的内容。' : '公开的文本中没有发现个人信息。'}</p>
        : (
          <ul id="privacy-findings">{findings.map((f) => <li>{FIELD_LABELS[f.field]}：{f.finding.message}</li>)}</ul>
        )}
      {state === 'pending' ? (
        <Form action={`/admin/letters/xuandeng/${c.id}`} csrf={csrf}>
          <p class="hint">下面是将要公开的文本：姓名、身份证号码、手机号码和住址已按隐私审查遮盖。可以继续修改，例如隐去单位名称、小区名称等可能识别来信人的内容。</p>
          <TextField name="subject" label="公开的标题" value={v('subject')} errors={errors} width="full" />
          <LongText name="content" label="公开的来信" value={v('content')} errors={errors} rows={8} />
          <LongText name="reply" label="公开的答复" value={v('reply')} errors={errors} rows={8} />
          <Radios name="decision" label="审核意见" value={values?.decision} errors={errors} options={[{ value: 'approve', label: '选登', hint: '公开在门户“信件选登”栏目' }, { value: 'decline', label: '不选登' }]} />
          <LongText name="reason" label="不选登的理由" hint="选择“不选登”时填写，例如涉及他人隐私、内容与公共利益无关" value={values?.reason} errors={errors} rows={3} />
          <div class="form-group">
            <div class="checkbox">
              <input type="checkbox" id="f-confirmPrivacy" name="confirmPrivacy" value="yes" checked={values?.confirmPrivacy === 'yes'} />
              <label for="f-confirmPrivacy">已核对：隐私审查仍提示的内容可以公开</label>
            </div>
          </div>
          <Button>提交审核意见</Button>
        </Form>
      ) : (
        <>
          <h2>{state === 'approved' ? '门户上公开的内容' : '审核时的文本'}</h2>
          <section class="published-letter" aria-labelledby="pub-subject">
            <h3 id="pub-subject">{texts.subject}</h3>
            <h4>来信</h4>
            <Paragraphs text={texts.content} />
            <h4>答复</h4>
            <Paragraphs text={texts.reply} />
          </section>
          {state === 'approved' ? (
            <Form action={`/admin/letters/xuandeng/${c.id}/withdraw`} csrf={csrf}>
              <h2>从门户撤下</h2>
              <LongText name="reason" label="撤下的理由" value={values?.reason} errors={errors} rows={3} />
              <Button variant="warning">撤下</Button>
            </Form>
          ) : null}
        </>
      )}
    </>
  )
}
