/** Public pages of the 区长信箱: write, receipt, follow-up with rating and "没有解决". No account, no JavaScript needed. */
import { formatQueryCode as formatRequestCode } from '../../requests/index.ts'
import type { FieldMessage } from '../../../platform/http/errors.ts'
import { Button, ErrorSummary, Form, Notice, SummaryList, TextField } from '../../../platform/views/components.tsx'
import { PortalLayout, type ShellModel } from '../../../platform/views/layout.tsx'
import { formatQueryCode } from '../contact.ts'
import { formatSize } from '../../publishing/index.ts'
import { LETTER_ATTACHMENT_HINT } from '../letter-attachments.ts'
import type { LetterCase } from '../letters.repository.ts'
import { CONTENT_MAX, SUBJECT_MAX } from '../letters.forms.ts'
import { ACCEPTED_SCOPE, CATEGORIES, CATEGORY_KEYS, CHANNELS, NOT_ACCEPTED, PUBLIC_STATE_LABELS, SATISFACTION, SATISFACTION_KEYS } from '../rules/index.ts'
import { LongText, Paragraphs, Radios } from './form-parts.tsx'

const COLUMN = '区长信箱'

const USUAL_LIMITS = '一般在10个工作日内答复（咨询类5个工作日）'

/** `limits`: the reply limits as the writer reads them (from the 办理时限 table). */
export function MailboxHome({ shell, contact, limits = USUAL_LIMITS }: { shell: ShellModel; contact: string; limits?: string }) {
  return (
    <PortalLayout shell={shell} title="区长信箱" column={COLUMN}>
      <h1>区长信箱</h1>
      <p class="lead">区长信箱受理对本区政府工作的咨询、求助、投诉、建议和举报。来信由区政务公开办公室受理，转交承办单位办理，{limits}。</p>
      <p><a class="button button--primary" href="/hudong/qzxx/xiexin">给区长写信</a>　<a class="button button--secondary" href="/hudong/qzxx/chaxun">查询办理结果</a></p>
      <p><a href="/hudong/qzxx/xuandeng">信件选登</a>　<a href="/hudong/qzxx/tongji">信件办理情况统计</a></p>
      <h2>受理范围</h2>
      <ul>{ACCEPTED_SCOPE.map((s) => <li>{s}</li>)}</ul>
      <h2>不予受理的事项</h2>
      <p>以下事项请通过相应途径反映，我们会在答复中告诉您去哪里办：</p>
      <ul>
        <li>要获取政府信息的，请提出<a href="/xxgk/ysqgk">政府信息公开申请</a>（我们可以帮您把来信转为申请）；</li>
        <li>信访事项、已信访终结的事项，请向信访部门提出；</li>
        <li>应当通过诉讼、仲裁、行政复议解决的事项；</li>
        <li>党委、人大、政协、法院、检察院、部队和纪检监察事项（举报党员干部违纪违法请向纪检监察机关反映）。</li>
      </ul>
      <h2>电话</h2>
      <p>区长公开电话：{contact}（工作日受理）。紧急情况请拨打 110、119、120。</p>
    </PortalLayout>
  )
}

export interface LetterFormModel {
  csrf: string
  idempotencyKey: string
  units: { value: string; label: string }[]
  values: Record<string, string>
  errors?: FieldMessage[]
}

export function WriteLetterPage({ shell, model }: { shell: ShellModel; model: LetterFormModel }) {
  const { values, errors } = model
  const toUnit = model.units.find((u) => u.value === values.unit)
  return (
    <PortalLayout shell={shell} title={errors?.length ? '错误：给区长写信' : '给区长写信'} column={COLUMN}>
      <p><a href="/hudong/qzxx">返回区长信箱</a></p>
      <h1>{toUnit ? `写信给${toUnit.label}` : '给区长写信'}</h1>
      <ErrorSummary errors={errors} />
      <p>带 * 的项目必须填写。您的姓名和电话只用于办理和回访，加密保存，不会公开。</p>
      <form action="/hudong/qzxx/xiexin" method="post" encType="multipart/form-data" novalidate class="letter-form">
        <input type="hidden" name="_csrf" value={model.csrf} />
        <input type="hidden" name="idempotencyKey" value={model.idempotencyKey} />
        <div class="form-group">
          <label class="label" for="f-unit">收信单位</label>
          <p class="hint" id="f-unit-hint">不清楚该找哪个部门的，请选“区长信箱”，我们会转给承办单位。</p>
          <select class="select" id="f-unit" name="unit" aria-describedby="f-unit-hint">
            <option value="">区长信箱（由区政务公开办公室转办）</option>
            {model.units.map((u) => <option value={u.value} selected={u.value === values.unit}>{u.label}</option>)}
          </select>
        </div>
        <Radios name="category" label="诉求类别 *" errors={errors} value={values.category} options={CATEGORY_KEYS.map((k) => ({ value: k, label: CATEGORIES[k].label, hint: CATEGORIES[k].hint }))} />
        <TextField name="subject" label="标题 *" hint={`用一句话概括您的事情，不超过 ${SUBJECT_MAX} 个字`} errors={errors} value={values.subject} maxLength={SUBJECT_MAX} />
        <LongText name="content" label="内容 *" hint={`写明时间、地点、事情经过和您的诉求，不超过 ${CONTENT_MAX} 个字。请不要在内容里写身份证号码等个人信息。`} errors={errors} value={values.content} rows={10} maxLength={CONTENT_MAX} />
        <div class={`form-group${errors?.some((e) => e.field === 'file') ? ' form-group--error' : ''}`}>
          <label class="label" for="f-file">附件（可选）</label>
          <p class="hint" id="f-file-hint">{LETTER_ATTACHMENT_HINT}可以一次选择多个文件。</p>
          {errors?.find((e) => e.field === 'file') ? <p class="error-message" id="f-file-error"><span class="visually-hidden">错误：</span>{errors.find((e) => e.field === 'file')!.message}</p> : null}
          <input class="file-input" type="file" id="f-file" name="file" multiple accept=".jpg,.jpeg,.png,.pdf,.docx,.xlsx" aria-describedby={errors?.some((e) => e.field === 'file') ? 'f-file-hint f-file-error' : 'f-file-hint'} />
        </div>
        <TextField name="name" label="姓名 *" errors={errors} value={values.name} width="short" autocomplete="name" maxLength={20} />
        <TextField name="phone" label="联系电话 *" hint="承办单位可能打电话向您了解情况；查询办理结果时需要输入电话号码后四位" errors={errors} value={values.phone} width="short" type="tel" autocomplete="tel" inputmode="tel" maxLength={20} />
        <Radios name="publishConsent" label="是否同意公开您的来信和答复？ *" hint="同意的，来信和答复可能在“信件选登”中公开；公开时隐去姓名、电话、地址、身份证号码等个人信息。" errors={errors}
          value={values.publishConsent ?? 'no'} options={[{ value: 'no', label: '不同意公开' }, { value: 'yes', label: '同意公开' }]} />
        <Button>提交信件</Button>
      </form>
    </PortalLayout>
  )
}

export function ReceiptPage({ shell, caseNo, queryCode, repeated, channel, limits = USUAL_LIMITS }: { shell: ShellModel; caseNo: string; queryCode: string; repeated: boolean; channel: string; limits?: string }) {
  return (
    <PortalLayout shell={shell} title="信件已提交" column={COLUMN}>
      <div class="panel panel--success" role="status">
        <h1>信件已提交</h1>
        <p>信件编号：<strong>{caseNo}</strong></p>
        <p>查询码：<strong class="query-code">{formatQueryCode(queryCode)}</strong></p>
      </div>
      {repeated ? <Notice kind="info">这封信刚才已经提交过，没有重复登记。下面是第一次提交时的编号和查询码。</Notice> : null}
      <p>请记下查询码。查询办理结果时，需要输入查询码和您所留电话号码的后四位。为保护您的信息，查询码只显示这一次。</p>
      <h2>接下来</h2>
      <ol>
        <li>区政务公开办公室在1个工作日内受理（{CHANNELS[channel as keyof typeof CHANNELS]?.label ?? '区长信箱'}）；</li>
        <li>转交承办单位办理，{limits}；</li>
        <li>答复经审核后发布，您可以查看答复并评价；问题没有解决的，可以反馈“没有解决”。</li>
      </ol>
      <p><a href="/hudong/qzxx/chaxun">查询办理结果</a>　<a href="/hudong/qzxx">返回区长信箱</a></p>
    </PortalLayout>
  )
}

export function FollowUpLookup({ shell, csrf, errors, values = {} }: { shell: ShellModel; csrf: string; errors?: FieldMessage[]; values?: Record<string, string> }) {
  return (
    <PortalLayout shell={shell} title={errors?.length ? '错误：查询办理结果' : '查询办理结果'} column={COLUMN}>
      <p><a href="/hudong/qzxx">返回区长信箱</a></p>
      <h1>查询办理结果</h1>
      <ErrorSummary errors={errors} />
      <Form action="/hudong/qzxx/chaxun" csrf={csrf}>
        <TextField name="code" label="查询码" hint="写信后回执上的 10 位查询码，例如 ABCDE-FGHJK" errors={errors} value={values.code} width="short" autocomplete="off" maxLength={16} />
        <TextField name="phoneLast4" label="电话号码后四位" hint="写信时所留电话号码的最后四位数字" errors={errors} value={values.phoneLast4} width="short" inputmode="numeric" autocomplete="off" maxLength={4} />
        <Button>查询</Button>
      </Form>
    </PortalLayout>
  )
}

export interface FollowUpModel {
  c: LetterCase
  /** The 依申请公开 case the letter became (转为依申请公开), with its query code. */
  conversion?: { queryCode: string; unitName: string } | null
  unitName: string | null
  history: { on: string; type: string }[]
  csrf: string
  code: string
  phoneLast4: string
  done?: string
  errors?: FieldMessage[]
  /** The case whose reply answers the writer: their own, or the main case of a merged letter (并单). */
  handled?: LetterCase
  /** Why rating / "没有解决" is closed (follow-up window, reopen limit), or null. */
  rateBlock?: string | null
  reopenBlock?: string | null
  /** Attachments of the released reply. */
  replyFiles?: { id: number; fileName: string; sizeBytes: number }[]
}

const PUBLIC_STEP: Record<string, string> = {
  received: '收到来信', accept: '受理', not_accept: '不予受理', convert: '转为政府信息公开申请', dispatch: '转交承办单位', reassign: '转交承办单位', return: '承办单位退回，重新转办', extend: '延期办理',
  reply: '承办单位答复', send_back: '答复需要完善，承办单位继续办理', release: '发布答复', rate: '您评价了答复', reopen: '您反馈没有解决，重新办理',
  evaluate: '回访', close: '办结', merge: '与同一事项的来信合并办理', split: '单独办理', answer_on_spot: '当场答复',
  rectification_opened: '您的评价已转承办单位核实整改', rectification_rectify: '承办单位整改并回访',
}

export function FollowUpPage({ shell, model }: { shell: ShellModel; model: FollowUpModel }) {
  const { c, errors } = model
  const handled = model.handled ?? c
  const mergedInto = handled.id !== c.id ? handled : null
  const rateable = handled.state === 'released' || handled.state === 'closed'
  const reason = c.notAcceptedReason ? NOT_ACCEPTED[c.notAcceptedReason] : null
  const hidden = <><input type="hidden" name="code" value={model.code} /><input type="hidden" name="phoneLast4" value={model.phoneLast4} /></>
  return (
    <PortalLayout shell={shell} title={errors?.length ? `错误：信件 ${c.caseNo}` : `信件 ${c.caseNo}`} column={COLUMN}>
      <p><a href="/hudong/qzxx">返回区长信箱</a></p>
      <h1>{c.subject}</h1>
      <ErrorSummary errors={errors} />
      {model.done ? <Notice>{model.done}</Notice> : null}
      <SummaryList rows={[
        { key: '信件编号', value: c.caseNo },
        { key: '渠道', value: CHANNELS[c.channel].label },
        { key: '类别', value: CATEGORIES[c.category].label },
        { key: '来信日期', value: c.receivedOn },
        { key: '办理状态', value: model.conversion ? '已转为政府信息公开申请' : PUBLIC_STATE_LABELS[c.state] },
        ...(model.unitName ? [{ key: '承办单位', value: model.unitName }] : []),
        ...(c.dueOn && c.state === 'dispatched' ? [{ key: '答复期限', value: `${c.dueOn} 前` }] : []),
      ]} />
      {model.conversion ? (
        <section aria-labelledby="converted">
          <h2 id="converted">已转为政府信息公开申请</h2>
          <p>您要获取的是政府信息，我们已把这封信转为政府信息公开申请，由{model.conversion.unitName}办理。</p>
          <p>申请查询码：<strong id="request-code">{formatRequestCode(model.conversion.queryCode)}</strong>（请记下）。</p>
          <p>《政府信息公开条例》要求申请写明身份证明。工作人员会按您留下的电话与您联系，确认申请并补充身份证明；答复期限从确认之日起计算，为20个工作日。</p>
          <p><a href="/xxgk/ysqgk/chaxun">查询申请办理进度</a>（输入查询码和电话号码后 4 位）</p>
        </section>
      ) : reason ? (
        <section aria-labelledby="not-accepted">
          <h2 id="not-accepted">不予受理的原因</h2>
          <p><strong>{reason.label}。</strong>{reason.guidance}</p>
          {c.screeningNote ? <p>说明：{c.screeningNote}</p> : null}
          {reason.offersRequestConversion ? <p><a href="/xxgk/ysqgk">提出政府信息公开申请</a></p> : null}
        </section>
      ) : null}
      <h2>来信内容</h2>
      <Paragraphs text={c.content} />
      {mergedInto ? <p>您的来信与同一事项的信件（编号 {mergedInto.caseNo}）合并办理，{rateable ? '下面是该信件的答复，您可以评价。' : '答复发布后会在这里显示。'}</p> : null}
      {rateable && handled.replyText ? (
        <section aria-labelledby="reply">
          <h2 id="reply">答复</h2>
          <Paragraphs text={handled.replyText} />
          {model.replyFiles?.length ? (
            <>
              <h3>答复附件</h3>
              <ul class="reply-files">{model.replyFiles.map((f) => (
                <li>
                  <Form action="/hudong/qzxx/fujian" csrf={model.csrf}>
                    {hidden}<input type="hidden" name="attachment" value={String(f.id)} />
                    <Button variant="link">下载 {f.fileName}</Button>（{formatSize(f.sizeBytes)}）
                  </Form>
                </li>
              ))}</ul>
            </>
          ) : null}
        </section>
      ) : null}
      {rateable ? (
        <section aria-labelledby="rate">
          <h2 id="rate">评价答复</h2>
          {c.satisfaction ? <p>您的评价：{SATISFACTION[c.satisfaction].label}。{model.rateBlock ? '' : '可以修改。'}</p> : null}
          {model.rateBlock ? <p class="follow-up-closed">{model.rateBlock}</p> : (
            <Form action="/hudong/qzxx/pingjia" csrf={model.csrf}>
              {hidden}
              <Radios name="satisfaction" label="您对答复是否满意？" errors={errors} value={c.satisfaction ?? undefined} options={SATISFACTION_KEYS.map((k) => ({ value: k, label: SATISFACTION[k].label }))} />
              <LongText name="comment" label="意见（可选）" errors={errors} rows={3} maxLength={500} />
              <Button>提交评价</Button>
            </Form>
          )}
          <h2 id="unresolved">问题没有解决？</h2>
          {model.reopenBlock ? <p class="follow-up-closed">{model.reopenBlock}</p> : (
            <Form action="/hudong/qzxx/weijiejue" csrf={model.csrf}>
              {hidden}
              <LongText name="reason" label="请说明哪些问题没有解决" hint="提交后，信件退回承办单位重新办理。" errors={errors} rows={4} maxLength={500} />
              <Button variant="secondary">反馈没有解决</Button>
            </Form>
          )}
        </section>
      ) : null}
      <h2>办理过程</h2>
      <ol class="timeline">
        {model.history.map((h) => <li><span>{h.on}</span>　{PUBLIC_STEP[h.type] ?? h.type}</li>)}
      </ol>
    </PortalLayout>
  )
}
