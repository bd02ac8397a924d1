/** Public pages of 依申请公开: the online application (no account), the receipt, and the tracking page. */
import type { ComponentChildren } from 'preact'
import { Breadcrumbs, Button, Checkboxes, ErrorSummary, Form, Notice, Select, SummaryList, TextArea, TextField } from '../../../platform/views/components.tsx'
import { PortalLayout, type ShellModel } from '../../../platform/views/layout.tsx'
import type { FieldMessage } from '../../../platform/http/errors.ts'
import { DELIVERY_METHODS, ID_TYPES, WANTED_FORMS } from '../requests.forms.ts'
import { APPLICANT_CATEGORIES } from '../rules/index.ts'
import { formatQueryCode } from '../query-code.ts'

const CRUMBS = [{ href: '/', label: '首页' }, { href: '/xxgk', label: '政府信息公开' }, { href: '/xxgk/ysqgk', label: '依申请公开' }]

function Page({ shell, title, children }: { shell: ShellModel; title: string; children: ComponentChildren }) {
  return (
    <PortalLayout shell={shell} title={title} column="依申请公开">
      <Breadcrumbs items={[...CRUMBS, { label: title }]} />
      {children}
    </PortalLayout>
  )
}

export interface UnitOption { id: number; name: string; group: string }

/** The fields of the application, in the order of 第二十九条. Values are echoed back after an error. */
export function ApplicationFields({ values, errors, units }: { values: Record<string, string>; errors?: FieldMessage[]; units: UnitOption[] }) {
  return (
    <>
      <fieldset class="fieldset">
        <legend class="label label--section"><h2>一、向哪个单位申请</h2></legend>
        <Select name="organisationId" label="受理申请的单位" value={values.organisationId} errors={errors} placeholder="请选择"
          hint="请选择制作或者保存该信息的行政机关。不确定时可以选择“区政府办公室”，或先在下方填写所需信息，提交前我们会列出各单位已公开的相关信息供您参考。"
          options={units.map((u) => ({ value: u.id, label: `${u.name}（${u.group}）` }))} />
      </fieldset>
      <fieldset class="fieldset">
        <legend class="label label--section"><h2>二、申请人信息</h2></legend>
        <Select name="applicantCategory" label="申请人类型" value={values.applicantCategory ?? 'natural_person'} errors={errors}
          options={APPLICANT_CATEGORIES.map((c) => ({ value: c.code, label: c.formLabel }))} />
        <TextField name="name" label="姓名或者名称" hint="自然人填写本人姓名；法人或其他组织填写单位全称" value={values.name} errors={errors} autocomplete="name" />
        <TextField name="contactPerson" label="联系人（法人或其他组织填写）" value={values.contactPerson} errors={errors} />
        <Select name="idType" label="身份证明种类" value={values.idType ?? 'resident_id'} errors={errors} options={ID_TYPES.map((t) => ({ value: t.value, label: t.label }))} />
        <TextField name="idNumber" label="身份证明号码" hint="身份证号码只用于办理您的申请，加密保存，不会公开" value={values.idNumber} errors={errors} autocomplete="off" />
        <TextField name="phone" label="联系电话" hint="查询办理进度时需要输入电话号码后 4 位" value={values.phone} errors={errors} type="tel" autocomplete="tel" inputmode="tel" />
        <TextField name="email" label="电子邮箱（选填）" value={values.email} errors={errors} type="email" autocomplete="email" />
        <TextField name="address" label="通信地址（选择邮寄时必填）" value={values.address} errors={errors} autocomplete="street-address" />
        <TextField name="postcode" label="邮政编码（选填）" value={values.postcode} errors={errors} width="short" inputmode="numeric" />
      </fieldset>
      <fieldset class="fieldset">
        <legend class="label label--section"><h2>三、所需信息</h2></legend>
        <p class="hint">请至少填写一项：信息的名称、文号，或者便于查找的其他特征性描述（如制作单位、大致时间、涉及的项目或地点）。</p>
        <TextField name="informationName" label="所需信息的名称" value={values.informationName} errors={errors} />
        <TextField name="docNo" label="文号（如知道）" hint="如 开州府发〔2026〕12号" value={values.docNo} errors={errors} />
        <TextArea name="description" label="特征性描述" value={values.description} errors={errors} rows={5} />
      </fieldset>
      <fieldset class="fieldset">
        <legend class="label label--section"><h2>四、获取信息的方式</h2></legend>
        <Select name="wantedForm" label="所需信息的形式" value={values.wantedForm ?? 'electronic'} errors={errors} options={WANTED_FORMS.map((f) => ({ value: f.value, label: f.label }))} />
        <Select name="delivery" label="获取信息的途径" value={values.delivery ?? 'online'} errors={errors} options={DELIVERY_METHODS.map((f) => ({ value: f.value, label: f.label }))} />
      </fieldset>
    </>
  )
}

export function ApplicationPage({ shell, csrf, values, errors, units }: { shell: ShellModel; csrf: string; values: Record<string, string>; errors?: FieldMessage[]; units: UnitOption[] }) {
  return (
    <Page shell={shell} title="在线申请政府信息公开">
      <h1>在线申请政府信息公开</h1>
      <p>无需注册。提交后您会得到一个<strong>查询码</strong>，凭查询码和联系电话后 4 位可以随时查询办理进度、下载答复文书。</p>
      <p>行政机关自收到申请之日起 20 个工作日内答复；需要延长的，延长期限最长不超过 20 个工作日（《政府信息公开条例》第三十三条）。有阅读困难或视听障碍的，可以电话联系，工作人员将提供必要帮助（第四十三条）。</p>
      <ErrorSummary errors={errors} />
      <Form action="/xxgk/ysqgk/shenqing" csrf={csrf}>
        <input type="hidden" name="formKey" value={values.formKey} />
        <ApplicationFields values={values} errors={errors} units={units} />
        <Button>下一步：检查并提交</Button>
      </Form>
      <p><a href="/xxgk/ysqgk/chaxun">已经提交过申请？查询办理进度</a></p>
    </Page>
  )
}

export interface PublishedMatch { itemId: number; title: string; docNo: string | null; unitName: string; publishedOn: string }

/** "这些已公开的信息是否就是您要的？" — before the case is made. Every field rides along hidden, never in the URL. */
export function CheckPublishedPage({ shell, csrf, values, matches }: { shell: ShellModel; csrf: string; values: Record<string, string>; matches: PublishedMatch[] }) {
  const hidden = Object.entries(values).filter(([k]) => k !== '_csrf' && k !== 'checked')
  return (
    <Page shell={shell} title="这些已公开的信息是否就是您要的？">
      <h1>这些已公开的信息是否就是您要的？</h1>
      <p>根据您填写的内容，我们找到了以下已经主动公开的政府信息。已公开的信息可以直接查看，不必再申请（《政府信息公开条例》第三十六条第（一）项）。</p>
      <ul class="item-list">
        {matches.map((m) => (
          <li><a href={`/xxgk/xinxi/${m.itemId}`}>{m.title}</a><span class="item-list__meta">{m.unitName}{m.docNo ? `　${m.docNo}` : ''}　{m.publishedOn} 发布</span></li>
        ))}
      </ul>
      <h2>不是您要的信息？</h2>
      <Form action="/xxgk/ysqgk/shenqing" csrf={csrf}>
        {hidden.map(([k, v]) => <input type="hidden" name={k} value={v} />)}
        <input type="hidden" name="checked" value="1" />
        <Button>不是，继续提交申请</Button>
      </Form>
      <Form action="/xxgk/ysqgk/shenqing" csrf={csrf}>
        {hidden.map(([k, v]) => <input type="hidden" name={k} value={v} />)}
        <input type="hidden" name="edit" value="1" />
        <Button variant="secondary">返回修改申请内容</Button>
      </Form>
    </Page>
  )
}

export interface ReceiptView {
  queryCode: string
  fingerprint: string
  unitName: string
  submittedOn: string
  summary: { key: string; value: string }[]
  duplicate: boolean
  letterHtml?: string
}

export function ReceiptPage({ shell, receipt }: { shell: ShellModel; receipt: ReceiptView }) {
  return (
    <Page shell={shell} title="申请已提交">
      <h1>申请已提交</h1>
      {receipt.duplicate ? <Notice kind="info">这份申请之前已经提交过，没有重复登记。以下是原申请的回执。</Notice> : null}
      <div class="panel panel--confirmation">
        <p>您的查询码</p>
        <p class="query-code" aria-label={`查询码 ${receipt.queryCode.split('').join(' ')}`}>{formatQueryCode(receipt.queryCode)}</p>
      </div>
      <p><strong>请抄写或截图保存查询码。</strong>凭查询码和联系电话后 4 位，可以在<a href="/xxgk/ysqgk/chaxun">查询办理进度</a>页面查看进度、下载答复文书。查询码不会再次显示。</p>
      <SummaryList rows={[
        { key: '受理单位', value: receipt.unitName },
        { key: '提交日期', value: receipt.submittedOn },
        ...receipt.summary,
        { key: '内容指纹（SM3）', value: <code class="fingerprint">{receipt.fingerprint}</code> },
      ]} />
      <p class="hint">内容指纹由申请内容计算得出，可以证明您提交的申请内容未被改动。</p>
      <h2>接下来会发生什么</h2>
      <ol>
        <li>受理单位与您确认收到申请；确认之日为收到申请之日（《政府信息公开条例》第三十一条）。</li>
        <li>自收到申请之日起 20 个工作日内答复；申请内容不明确的，会在 7 个工作日内一次性告知您补正。</li>
        <li>答复文书可以在查询页面下载，也会按您选择的途径送达。</li>
      </ol>
      {receipt.letterHtml ? <section aria-labelledby="receipt-letter"><h2 id="receipt-letter">回执</h2><div class="letter" dangerouslySetInnerHTML={{ __html: receipt.letterHtml }} /></section> : null}
    </Page>
  )
}

export function TrackingFormPage({ shell, csrf, values, errors, notice }: { shell: ShellModel; csrf: string; values: Record<string, string>; errors?: FieldMessage[]; notice?: string }) {
  return (
    <Page shell={shell} title="查询办理进度">
      <h1>查询办理进度</h1>
      <p>请输入提交申请时得到的查询码和申请时所留联系电话的后 4 位。</p>
      {notice ? <Notice kind="warning">{notice}</Notice> : null}
      <ErrorSummary errors={errors} />
      <Form action="/xxgk/ysqgk/chaxun" csrf={csrf}>
        <TextField name="code" label="查询码" hint="12 位字母和数字，如 K7QF-3M9X-2PLA" value={values.code} errors={errors} autocomplete="off" />
        <TextField name="phoneLast4" label="联系电话后 4 位" value={values.phoneLast4} errors={errors} width="short" inputmode="numeric" autocomplete="off" />
        <Button>查询</Button>
      </Form>
      <p><a href="/xxgk/ysqgk/shenqing">还没有申请？在线提交申请</a></p>
    </Page>
  )
}

export interface TrackingView {
  queryCode: string
  unitName: string
  submittedOn: string
  receivedOn: string | null
  stateLabel: string
  statusText: string
  dueOn: string | null
  steps: { on: string; label: string }[]
  documents: { id: number; title: string; issuedOn: string }[]
}

/** What the public sees of a case: status, dates, steps and the letters meant for the applicant — no personal data. */
export function TrackingResultPage({ shell, csrf, view, done, canWithdraw = false }: { shell: ShellModel; csrf: string; view: TrackingView; done?: string; canWithdraw?: boolean }) {
  return (
    <Page shell={shell} title="办理进度">
      <h1>办理进度</h1>
      {done ? <Notice>{done}</Notice> : null}
      <SummaryList rows={[
        { key: '查询码', value: formatQueryCode(view.queryCode) },
        { key: '受理单位', value: view.unitName },
        { key: '提交日期', value: view.submittedOn },
        { key: '收到申请之日', value: view.receivedOn ?? '尚待确认' },
        { key: '当前状态', value: <strong>{view.stateLabel}</strong> },
        ...(view.dueOn ? [{ key: '答复期限', value: `${view.dueOn} 前` }] : []),
      ]} />
      <p>{view.statusText}</p>
      <h2>文书</h2>
      {view.documents.length ? (
        <ul class="item-list">
          {view.documents.map((d) => <li><a href={`/xxgk/ysqgk/chaxun/wenshu/${d.id}`}>{d.title}</a><span class="item-list__meta">{d.issuedOn}</span></li>)}
        </ul>
      ) : <p>暂无文书。受理单位发出告知书或答复书后，会显示在这里。</p>}
      <h2>办理过程</h2>
      <ol class="trace">{view.steps.map((s) => <li>{s.on}　{s.label}</li>)}</ol>
      {canWithdraw ? (
        <>
          <h2>撤回申请</h2>
          <p>受理单位作出答复前，您可以撤回这份申请。撤回后受理单位终止办理。</p>
          <p><a href="/xxgk/ysqgk/chaxun/chehui">撤回申请</a></p>
        </>
      ) : null}
      <Form action="/xxgk/ysqgk/chaxun/tuichu" csrf={csrf}><Button variant="secondary">退出查询</Button></Form>
    </Page>
  )
}

/** 撤回申请: says what withdrawing means and asks for an explicit confirmation before anything is recorded. */
export function WithdrawPage({ shell, csrf, queryCode, unitName, open, errors, refused }: { shell: ShellModel; csrf: string; queryCode: string; unitName: string; open: boolean; errors?: FieldMessage[]; refused?: string }) {
  return (
    <Page shell={shell} title="撤回申请">
      <p><a href="/xxgk/ysqgk/chaxun/jieguo">返回办理进度</a></p>
      <h1>撤回申请</h1>
      {refused ? <div class="error-summary" role="alert" tabIndex={-1}><h2 class="error-summary__title">不能撤回</h2><p>{refused}</p><p>申请没有任何改变。</p></div> : null}
      <ErrorSummary errors={errors} />
      <SummaryList rows={[{ key: '查询码', value: formatQueryCode(queryCode) }, { key: '受理单位', value: unitName }]} />
      {open ? (
        <>
          <p>撤回后，受理单位终止办理这份申请，不再作出答复；撤回记入办理过程，不能恢复。如仍需要这些信息，可以重新提出申请。</p>
          <Form action="/xxgk/ysqgk/chaxun/chehui" csrf={csrf}>
            <Checkboxes name="confirm" label="确认撤回" values={[]} errors={errors} options={[{ value: '1', label: '我确认撤回这份申请' }]} />
            <Button>撤回申请</Button>
          </Form>
        </>
      ) : <p>这份申请已经答复或者办结，不能撤回。</p>}
    </Page>
  )
}

export function LetterPage({ shell, title, html }: { shell: ShellModel; title: string; html: string }) {
  return (
    <Page shell={shell} title={title}>
      <p><a href="/xxgk/ysqgk/chaxun/jieguo">返回办理进度</a></p>
      <article class="letter" dangerouslySetInnerHTML={{ __html: html }} />
    </Page>
  )
}
