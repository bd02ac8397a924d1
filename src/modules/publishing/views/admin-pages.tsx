/** Back-office pages of 主动公开: the unit's list, the item form, and the item page with its workflow. */
import { formatInstant } from '../../../platform/clock.ts'
import type { FieldMessage } from '../../../platform/http/errors.ts'
import { Breadcrumbs, Button, EmptyState, ErrorSummary, Form, Notice, Pagination, Select, SummaryList, TableWrap, TextArea, TextField } from '../../../platform/views/components.tsx'
import { CATALOGUE_SECTIONS, CHANNEL_LABELS, DISCLOSURE_LABELS, GENRES, VALIDITY_LABELS, sectionOf } from '../catalogue-terms.ts'
import { formatTopic, topicOptionGroups, type TopicVocabulary } from '../topics.ts'
import { ATTACHMENT_TYPES, formatSize, type Attachment } from '../attachments.ts'
import type { ChannelRecord } from '../channels.ts'
import type { CatalogueEvent, CatalogueItem, Edition, ItemRow, PrivacyReview } from '../publishing.repository.ts'
import { ACTION_LABELS, STATE_LABELS, WITHDRAWAL_KINDS, type WorkflowAction } from '../workflow.ts'

export interface PublicationClock {
  dueOn: string
  late: boolean
  provisional: boolean
}

const EVENT_LABELS: Record<string, string> = {
  created: '新建', edited: '修改', submitted: '提交审核', privacy_blocked: '隐私审查发现问题', privacy_overridden: '隐私审查放行', rejected: '退回', approved: '审核通过',
  scheduled: '定时发布', published: '发布', force_published: '直接发布', approved_retrospectively: '补审通过', withdrawn: '撤回', new_edition: '开始修订',
}

export function CatalogueList({ rows, total, page, pageSize, unitNames, clocks, showUnit, canCreate, done }: {
  rows: ItemRow[]; total: number; page: number; pageSize: number; unitNames: Map<number, string>; clocks: Map<number, PublicationClock>; showUnit: boolean; canCreate: boolean; done?: string
}) {
  return (
    <>
      <h1>主动公开</h1>
      {done ? <Notice>{done}</Notice> : null}
      {canCreate ? <p><a class="button button--primary" href="/admin/catalogue/new">新建公开信息</a></p> : null}
      {rows.length === 0 ? <EmptyState title="还没有公开信息">{canCreate ? '点击“新建公开信息”开始录入。' : '各单位录入的公开信息将显示在这里。'}</EmptyState> : (
        <TableWrap label="公开信息列表">
          <table class="table">
            <caption>共 {total} 条</caption>
            <thead><tr><th scope="col">名称</th>{showUnit ? <th scope="col">发布机构</th> : null}<th scope="col">索引号</th><th scope="col">状态</th><th scope="col">成文日期</th><th scope="col">公开期限（第二十六条）</th></tr></thead>
            <tbody>{rows.map(({ item, edition }) => {
              const clock = clocks.get(item.id)
              return (
                <tr>
                  <td><a href={`/admin/catalogue/${item.id}`}>{edition.title}</a>{edition.needsReview ? <span class="tag tag--red">待补审</span> : null}</td>
                  {showUnit ? <td>{unitNames.get(item.organisationId)}</td> : null}
                  <td>{item.indexNo}</td>
                  <td>{STATE_LABELS[edition.state]}</td>
                  <td>{edition.writtenOn}</td>
                  <td>{clock ? <>{clock.dueOn}{clock.provisional ? '（暂定）' : ''}{clock.late ? <span class="tag tag--red">逾期</span> : null}</> : ''}</td>
                </tr>
              )
            })}</tbody>
          </table>
        </TableWrap>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} href={(p) => `/admin/catalogue?page=${p}`} />
    </>
  )
}

export function EditionFormPage({ csrf, action, title, values, errors, revision, topics }: { csrf: string; action: string; title: string; values: Record<string, string>; errors?: FieldMessage[]; revision?: boolean; topics: TopicVocabulary }) {
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin/catalogue', label: '主动公开' }, { label: title }]} />
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <Form action={action} csrf={csrf}>
        <TextField name="title" label="名称" value={values.title} errors={errors} />
        <TextField name="docNo" label="文号" value={values.docNo} errors={errors} hint="例如 开州府办发〔2026〕12号；〔〕、[]、（）都可以，系统会统一。没有文号的不填" />
        <TextField name="issuingBody" label="发文机关" value={values.issuingBody} errors={errors} hint="与发布机构不同时填写，例如联合发文" />
        <TextField name="writtenOn" label="成文日期" value={values.writtenOn} width="short" errors={errors} hint="例如 2026-11-20。自成文之日起 20 个工作日内应当公开（《条例》第二十六条）" />
        <Select name="section" label="目录栏目" value={values.section} placeholder="请选择" options={CATALOGUE_SECTIONS.map((s) => ({ value: s.key, label: `${s.label}（${s.basis}）` }))} errors={errors} />
        <Select name="topic" label="主题分类" value={values.topic} placeholder="请选择" options={[]} groups={topicOptionGroups(topics)} errors={errors} hint="先找到一级分类，再选其下的二级分类；没有合适的二级分类时选“不细分”" />
        <Select name="genre" label="体裁（公文种类）" value={values.genre} placeholder="请选择" options={GENRES.map((g) => ({ value: g, label: g }))} errors={errors} />
        <TextArea name="summary" label="内容概述" value={values.summary} rows={3} errors={errors} />
        <TextArea name="body" label="正文" value={values.body} rows={14} errors={errors} hint="段落之间空一行。也可以粘贴网页格式的内容，系统只保留段落、标题、列表、表格和链接" />
        <Select name="disclosure" label="公开方式" value={values.disclosure ?? 'proactive'} options={Object.entries(DISCLOSURE_LABELS).map(([value, label]) => ({ value, label }))} errors={errors} />
        <TextField name="disclosureBasis" label="不主动公开的依据" value={values.disclosureBasis} errors={errors} hint="依申请公开或不予公开时填写，例如“《条例》第十五条”" />
        <Select name="validity" label="有效性" value={values.validity} placeholder="不适用" options={Object.entries(VALIDITY_LABELS).map(([value, label]) => ({ value, label }))} errors={errors} hint="规章和规范性文件必须标注" />
        <TextField name="effectiveOn" label="施行日期" value={values.effectiveOn} width="short" errors={errors} />
        <TextField name="expiresOn" label="失效日期" value={values.expiresOn} width="short" errors={errors} hint="到期后有效性自动变为“失效”" />
        <TextArea name="amends" label="本文件修改的文件（索引号）" value={values.amends} rows={2} errors={errors} hint="每行一个索引号，例如 fgw/2025-00012。被修改的文件页面会链接到本文件" />
        <TextArea name="repeals" label="本文件废止的文件（索引号）" value={values.repeals} rows={2} errors={errors} hint="本文件发布并施行后，被废止的文件显示为“废止”，并链接到本文件" />
        {revision ? (
          <>
            <Select name="changeKind" label="修订类型" value={values.changeKind ?? 'major'} options={[{ value: 'major', label: '重要修订（公众可见的修订说明）' }, { value: 'minor', label: '细微修改（如错别字）' }]} errors={errors} />
            <TextField name="changeNote" label="修订说明" value={values.changeNote} errors={errors} hint="向公众说明本次修改了什么" />
          </>
        ) : null}
        <Button>保存</Button>
      </Form>
    </>
  )
}

function ActionForm({ csrf, itemId, action, children, variant = 'secondary' }: { csrf: string; itemId: number; action: WorkflowAction; children?: preact.ComponentChildren; variant?: 'primary' | 'secondary' | 'warning' }) {
  return (
    <Form action={`/admin/catalogue/${itemId}/${action.replace(/_/g, '-')}`} csrf={csrf} class="action-form">
      {children}
      <Button variant={variant}>{ACTION_LABELS[action]}</Button>
    </Form>
  )
}

export function ItemPage({ channels, attachments, csrf, item, unitName, edition, live, editions, events, review, actions, clock, userNames, errors, done, canOverride }: {
  channels: ChannelRecord[]; attachments: Attachment[]; csrf: string; item: CatalogueItem; unitName: string; edition: Edition; live: Edition | undefined; editions: Edition[]; events: CatalogueEvent[]; review: PrivacyReview | undefined
  actions: WorkflowAction[]; clock: PublicationClock; userNames: Map<number, string>; errors?: FieldMessage[]; done?: string; canOverride: boolean
}) {
  const has = (a: WorkflowAction) => actions.includes(a)
  const findings = review && review.findings.length > 0 ? review : undefined
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin/catalogue', label: '主动公开' }, { label: item.indexNo }]} />
      <h1>{edition.title}</h1>
      {done ? <Notice>{done}</Notice> : null}
      <ErrorSummary errors={errors} />
      {edition.needsReview ? <Notice kind="warning">本信息由单位负责人直接发布，尚待其他审核人补审。</Notice> : null}
      {clock.late ? <Notice kind="warning">已超过《条例》第二十六条规定的公开期限（{clock.dueOn}）。</Notice> : null}
      <SummaryList rows={[
        { key: '状态', value: `${STATE_LABELS[edition.state]}（第 ${edition.editionNo} 稿${edition.versionNo ? `，公开版本 ${edition.versionNo}` : ''}）` },
        { key: '索引号', value: item.indexNo },
        { key: '发布机构', value: unitName },
        { key: '文号', value: edition.docNo ?? '无' },
        { key: '成文日期', value: edition.writtenOn },
        { key: '公开期限', value: `${clock.dueOn}${clock.provisional ? '（暂定）' : ''}` },
        { key: '目录栏目', value: sectionOf(edition.section)?.label ?? edition.section },
        { key: '主题分类', value: formatTopic(edition.topic) },
        { key: '公开方式', value: DISCLOSURE_LABELS[edition.disclosure as keyof typeof DISCLOSURE_LABELS] ?? edition.disclosure },
        { key: '有效性', value: edition.validity ? VALIDITY_LABELS[edition.validity as keyof typeof VALIDITY_LABELS] : '不适用' },
        ...(live && live.id !== edition.id ? [{ key: '网上现行版本', value: <a href={`/xxgk/xinxi/${item.id}`}>公开版本 {live.versionNo}</a> }] : []),
        ...(item.publicState === 'published' ? [{ key: '公开页面', value: <a href={`/xxgk/xinxi/${item.id}`}>/xxgk/xinxi/{item.id}</a> }] : []),
      ]} />
      {findings ? (
        <section aria-labelledby="privacy-title" class="privacy">
          <h2 id="privacy-title">隐私审查发现的问题</h2>
          {findings.overriddenByUserId ? <Notice kind="info">已由{userNames.get(findings.overriddenByUserId) ?? '审核人'}放行：{findings.overrideReason}</Notice> : <p>以下问题修改或放行之前，这条信息不能提交或发布。</p>}
          <ul>{findings.findings.map((f) => <li><strong>{f.where}</strong>：{f.message}（上下文：{f.context}）</li>)}</ul>
          {!findings.overriddenByUserId && canOverride ? (
            <Form action={`/admin/catalogue/${item.id}/privacy-override`} csrf={csrf}>
              <TextField name="reason" label="放行理由" errors={errors} hint="例如“该号码为单位对外公布的办公电话”" />
              <Button variant="warning">放行</Button>
            </Form>
          ) : null}
        </section>
      ) : null}
      <h2>操作</h2>
      {actions.length === 0 ? <p>您对这条信息目前没有可做的操作。</p> : null}
      <div class="actions">
        {has('edit') ? <p><a class="button button--secondary" href={`/admin/catalogue/${item.id}/edit`}>修改</a></p> : null}
        {has('submit') ? <ActionForm csrf={csrf} itemId={item.id} action="submit" variant="primary" /> : null}
        {has('approve') ? <ActionForm csrf={csrf} itemId={item.id} action="approve" variant="primary" /> : null}
        {has('reject') ? <ActionForm csrf={csrf} itemId={item.id} action="reject"><TextField name="rejectReason" label="退回理由" errors={errors} /></ActionForm> : null}
        {has('publish') ? <ActionForm csrf={csrf} itemId={item.id} action="publish" variant="primary">
          <TextField name="publishAt" label="定时发布（可不填，立即发布）" width="short" errors={errors} hint="例如 2026-12-01 09:00（北京时间）" />
        </ActionForm> : null}
        {has('force_publish') ? <ActionForm csrf={csrf} itemId={item.id} action="force_publish" variant="warning"><TextField name="forceReason" label="直接发布的理由" errors={errors} hint="不经审核直接发布，事后须由其他审核人补审" /></ActionForm> : null}
        {has('approve_retrospectively') ? <ActionForm csrf={csrf} itemId={item.id} action="approve_retrospectively" /> : null}
        {has('new_edition') ? <ActionForm csrf={csrf} itemId={item.id} action="new_edition" /> : null}
        {has('withdraw') ? <ActionForm csrf={csrf} itemId={item.id} action="withdraw" variant="warning">
          <Select name="kind" label="撤回类型" placeholder="请选择" options={Object.entries(WITHDRAWAL_KINDS).map(([value, k]) => ({ value, label: k.label }))} errors={errors} />
          <TextField name="explanation" label="向公众说明的撤回原因" errors={errors} />
        </ActionForm> : null}
      </div>
      <h2>附件</h2>
      {attachments.length ? (
        <ul class="attachments">{attachments.map((a) => (
          <li>
            <a href={`/admin/catalogue/${item.id}/attachments/${a.id}`}>{a.fileName}</a>（{ATTACHMENT_TYPES[a.mediaType]?.label ?? a.mediaType}，{formatSize(a.sizeBytes)}）
            {has('edit') ? <Form action={`/admin/catalogue/${item.id}/attachments/${a.id}/remove`} csrf={csrf} class="inline-form"> <Button variant="link">删除 {a.fileName}</Button></Form> : null}
          </li>
        ))}</ul>
      ) : <p>没有附件。</p>}
      {has('edit') ? (
        <form action={`/admin/catalogue/${item.id}/attachments`} method="post" encType="multipart/form-data" class="upload-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <div class={`form-group${errors?.some((e) => e.field === 'file') ? ' form-group--error' : ''}`}>
            <label class="label" for="f-file">上传附件</label>
            <p class="hint" id="f-file-hint">PDF、Word（.docx）、Excel（.xlsx）或 PNG、JPEG 图片，每个不超过 20 MB。上传后与正文一起进行隐私审查。</p>
            {errors?.find((e) => e.field === 'file') ? <p class="error-message" id="f-file-error"><span class="visually-hidden">错误：</span>{errors.find((e) => e.field === 'file')!.message}</p> : null}
            <input class="file-input" type="file" id="f-file" name="file" aria-describedby={errors?.some((e) => e.field === 'file') ? 'f-file-hint f-file-error' : 'f-file-hint'} aria-invalid={errors?.some((e) => e.field === 'file') ? 'true' : undefined} accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg" />
          </div>
          <Button variant="secondary">上传</Button>
        </form>
      ) : null}
      <h2>正文预览</h2>
      {edition.summary ? <p class="summary">{edition.summary}</p> : null}
      <div class="body-preview" dangerouslySetInnerHTML={{ __html: edition.bodyHtml }} />
      {item.publicState !== 'unpublished' ? (
        <section aria-labelledby="channels-title">
          <h2 id="channels-title">发布渠道</h2>
          <p>除本网站外，本信息还通过以下渠道发布（用于年度报告统计）：</p>
          {channels.length ? <ul>{channels.map((c) => <li>{CHANNEL_LABELS[c.channel]}，{c.publishedOn}{c.reference ? `，${c.reference}` : ''}</li>)}</ul> : <p>尚未登记。</p>}
          {actions.includes('edit') || actions.includes('new_edition') || actions.includes('withdraw') ? (
            <Form action={`/admin/catalogue/${item.id}/channels`} csrf={csrf}>
              <Select name="channel" label="渠道" placeholder="请选择" options={Object.entries(CHANNEL_LABELS).filter(([k]) => k !== 'website').map(([value, label]) => ({ value, label }))} errors={errors} />
              <TextField name="publishedOn" label="发布日期" width="short" errors={errors} hint="例如 2026-11-27" />
              <TextField name="reference" label="说明" errors={errors} hint="例如 政务微信“开州发布”推文标题，或政府公报期号" />
              <Button variant="secondary">登记发布渠道</Button>
            </Form>
          ) : null}
        </section>
      ) : null}
      <h2>版本</h2>
      <TableWrap label="版本列表">
        <table class="table">
          <thead><tr><th scope="col">稿次</th><th scope="col">状态</th><th scope="col">公开版本</th><th scope="col">发布时间</th><th scope="col">修订说明</th></tr></thead>
          <tbody>{editions.map((e) => <tr><td>第 {e.editionNo} 稿</td><td>{STATE_LABELS[e.state]}</td><td>{e.versionNo ?? ''}</td><td>{formatInstant(e.publishedAt)}</td><td>{e.changeNote}</td></tr>)}</tbody>
        </table>
      </TableWrap>
      <h2>办理记录</h2>
      <ol class="events">{events.map((e) => <li>{formatInstant(e.recordedAt)} {userNames.get(e.actorUserId ?? 0) ?? ''} {EVENT_LABELS[e.type] ?? e.type}{e.reason ? `：${e.reason}` : ''}</li>)}</ol>
    </>
  )
}
