/** Public routes of 依申请公开: apply online (no account), receipt, and the tracking page with its letters. */
import { randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { InvalidInputError, NotFoundError, TooManyRequestsError, type FieldMessage } from '../../platform/http/errors.ts'
import { fieldErrors, formBody } from '../../platform/http/forms.ts'
import { cookieOptions } from '../../platform/http/server.tsx'
import { currentRegion, findOrganisation, listOrganisations } from '../orgs/index.ts'
import { searchLiveItems } from '../publishing/index.ts'
import { statutoryDate } from '../../platform/clock.ts'
import { LETTER_CSS } from './documents/index.ts'
import { openLetter } from './issue-letters.tsx'
import { registerRequest } from './register-request.ts'
import type { RequestsContext } from './requests.context.ts'
import { OnlineApplicationForm, TrackingForm } from './requests.forms.ts'
import { APPLICANT_LABELS, DELIVERY_LABELS, WANTED_FORM_LABELS, labelOf } from './requests.labels.ts'
import { documentsOf, eventsOf, findDocument, type RequestCase } from './requests.repository.ts'
import type { RequestsDeps } from './requests.routes.tsx'
import { CASE_STATUS_LABELS, isOpenCase, type CaseStatus, type RequestCase as CaseState } from './rules/index.ts'
import { StepRefusedError } from './record-step.ts'
import { withdrawOnline } from './withdraw-request.ts'
import { caseOfTicket, issueTicket, lookUpCase, TICKET_MINUTES } from './track-request.ts'
import { ApplicationPage, CheckPublishedPage, LetterPage, ReceiptPage, TrackingFormPage, TrackingResultPage, WithdrawPage, type PublishedMatch, type UnitOption } from './views/public-pages.tsx'

const TICKET_COOKIE = 'gk_track'
const TICKET_PATH = '/xxgk/ysqgk/chaxun'

/** What the public sees for each status (no internal detail). */
const PUBLIC_STATUS_TEXT: Record<CaseStatus, string> = {
  awaiting_receipt: '申请已提交，等待受理单位确认收到。确认之日为收到申请之日。',
  in_progress: '受理单位正在办理您的申请。',
  awaiting_correction: '受理单位已告知您补正申请，请查看下方的补正告知书，并在补正期限内提交补正。',
  consulting: '受理单位正在征求有关方面的意见，所需时间不计入答复期限。',
  awaiting_reasons: '受理单位已请您说明申请理由，请查看下方的通知书。',
  awaiting_fee: '受理单位已发出收费通知，请查看下方的通知书。',
  answered: '受理单位已作出答复，请查看下方的答复书。',
  delivered: '受理单位已作出答复并送达，请查看下方的答复书。',
  deemed_withdrawn: '您未在补正期限内补正，申请视为放弃。',
  fee_lapsed: '您未在期限内缴纳信息处理费，受理单位不再处理该申请。',
  withdrawn: '您已撤回申请，受理单位终止办理。',
  archived: '申请已办结归档。',
}

/** Case events the applicant is told about on the tracking page. */
const PUBLIC_EVENT_LABELS: Record<string, string> = {
  registered: '提交申请', receipt_confirmed: '受理单位确认收到申请', correction_requested: '告知补正', correction_received: '收到补正',
  correction_lapsed: '逾期未补正，视为放弃申请', consultation_sent: '征求意见', consultation_answered: '征求意见结束', consultation_deemed: '征求意见期限届满',
  extension_granted: '延长答复期限', reasons_requested: '要求说明理由', reasons_received: '收到申请人说明的理由', later_date_set: '确定延迟答复期限',
  fee_notice_sent: '发出收费通知', fee_paid: '收到缴费', fee_lapsed: '逾期未缴费', decided: '作出答复', delivered: '送达', archived: '归档', withdrawn: '申请人撤回申请',
}

export async function requestsPublicRoutes(app: FastifyInstance, deps: RequestsDeps): Promise<void> {
  const ctx = (request: FastifyRequest): RequestsContext => ({ db: deps.db, clock: deps.clock, cipher: deps.cipher, security: deps.security, actor: null, ip: request.ip, identityKey: deps.identityKey })

  async function units(): Promise<UnitOption[]> {
    const region = await currentRegion(deps.db)
    if (!region) return []
    const list = await listOrganisations(deps.db, region.id, { on: deps.clock.today() })
    const group = (kind: string) => (['town', 'subdistrict'].includes(kind) ? '镇乡街道' : '区政府及部门')
    return list.sort((a, b) => group(a.kind).localeCompare(group(b.kind)) || a.sortOrder - b.sortOrder).map((o) => ({ id: o.id, name: o.name, group: group(o.kind) }))
  }

  const stringValues = (body: Record<string, string | string[]>) => Object.fromEntries(Object.entries(body).filter(([k, v]) => typeof v === 'string' && k !== '_csrf')) as Record<string, string>
  const renderForm = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors?: FieldMessage[], status = 200) =>
    reply.page(<ApplicationPage shell={request.shell} csrf={request.csrfToken()} values={values} errors={errors} units={await units()} />, status)

  // The letters' stylesheet (documents module), imported by site.css.
  app.get('/assets/letter.css', async (_request, reply) => reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(LETTER_CSS))

  app.get('/xxgk/ysqgk/shenqing', async (request, reply) => renderForm(request, reply, { formKey: randomBytes(16).toString('hex') }))

  app.post('/xxgk/ysqgk/shenqing', async (request, reply) => {
    const body = formBody(request.body)
    const values = stringValues(body)
    if (!/^[0-9a-f]{32}$/.test(values.formKey ?? '')) values.formKey = randomBytes(16).toString('hex')
    if (values.edit === '1') return renderForm(request, reply, { ...values, edit: '' })
    const form = OnlineApplicationForm.safeParse(body)
    if (!form.success) return renderForm(request, reply, values, fieldErrors(form.error), 400)
    const a = form.data
    if (a.checked !== '1') {
      const matches = await publishedMatches(a.docNo || a.informationName || a.description.slice(0, 40))
      if (matches.length > 0) return reply.page(<CheckPublishedPage shell={request.shell} csrf={request.csrfToken()} values={values} matches={matches} />)
    }
    try {
      const { case: c, created } = await registerRequest(ctx(request), {
        organisationId: a.organisationId, applicantCategory: a.applicantCategory as 'natural_person',
        applicant: { name: a.name, contactPerson: a.contactPerson, idType: a.idType, idNumber: a.idNumber, phone: a.phone, email: a.email, address: a.address, postcode: a.postcode },
        informationName: a.informationName, docNo: a.docNo, description: a.description, wantedForm: a.wantedForm, delivery: a.delivery,
        channel: 'online', facts: { submittedOn: deps.clock.today() }, idempotencyKey: a.formKey,
      })
      return reply.page(<ReceiptPage shell={request.shell} receipt={await receiptView(c, !created)} />)
    } catch (error) {
      if (error instanceof InvalidInputError) return renderForm(request, reply, values, error.fields, 400)
      throw error
    }
  })

  async function publishedMatches(query: string): Promise<PublishedMatch[]> {
    if (!query.trim()) return []
    const result = await searchLiveItems(deps.db, query, {}, { limit: 5, offset: 0 })
    const names = new Map<number, string>()
    for (const item of result.items) if (!names.has(item.organisationId)) names.set(item.organisationId, (await findOrganisation(deps.db, item.organisationId))?.name ?? '')
    return result.items.map((i) => ({ itemId: i.itemId, title: i.title, docNo: i.docNo, unitName: names.get(i.organisationId) ?? '', publishedOn: statutoryDate(i.publishedAt) }))
  }

  async function receiptView(c: RequestCase, duplicate: boolean) {
    const unit = await findOrganisation(deps.db, c.organisationId)
    return {
      queryCode: c.queryCode, fingerprint: c.fingerprint, unitName: unit?.name ?? '', submittedOn: c.submittedOn, duplicate,
      summary: [
        { key: '申请人类型', value: labelOf(APPLICANT_LABELS, c.applicantType) },
        { key: '所需信息', value: [c.informationName, c.docNo, c.description].filter(Boolean).join('；') },
        { key: '所需信息的形式', value: labelOf(WANTED_FORM_LABELS, c.wantedForm) },
        { key: '获取途径', value: labelOf(DELIVERY_LABELS, c.delivery) },
      ],
    }
  }

  app.get('/xxgk/ysqgk/chaxun', async (request, reply) =>
    reply.page(<TrackingFormPage shell={request.shell} csrf={request.csrfToken()} values={{}} notice={(request.query as Record<string, unknown>).expired ? '查询已超时，请重新输入查询码。' : undefined} />))

  app.post('/xxgk/ysqgk/chaxun', async (request, reply) => {
    const body = formBody(request.body)
    const values = stringValues(body)
    const render = (errors: FieldMessage[], status: number) => reply.page(<TrackingFormPage shell={request.shell} csrf={request.csrfToken()} values={values} errors={errors} />, status)
    const form = TrackingForm.safeParse(body)
    if (!form.success) return render(fieldErrors(form.error), 400)
    try {
      const found = await lookUpCase(ctx(request), form.data.code, form.data.phoneLast4)
      if (!found) return render([{ field: 'code', message: '查询码或联系电话后 4 位不正确，请核对后重新输入' }], 404)
      reply.setCookie(TICKET_COOKIE, issueTicket(ctx(request), found.id), cookieOptions(deps.https, { path: TICKET_PATH, maxAge: TICKET_MINUTES * 60 }))
      return reply.redirect(`${TICKET_PATH}/jieguo`, 303)
    } catch (error) {
      if (error instanceof TooManyRequestsError) return render([{ field: '', message: error.message }], 429)
      throw error
    }
  })

  async function ticketCase(request: FastifyRequest): Promise<RequestCase | null> {
    return caseOfTicket(ctx(request), request.cookies[TICKET_COOKIE])
  }

  app.get('/xxgk/ysqgk/chaxun/jieguo', async (request, reply) => {
    const c = await ticketCase(request)
    if (!c) return reply.redirect(`${TICKET_PATH}?expired=1`, 303)
    reply.header('cache-control', 'no-store')
    const unit = await findOrganisation(deps.db, c.organisationId)
    const status = c.state as CaseStatus
    const events = await eventsOf(deps.db, c.id)
    const documents = await documentsOf(deps.db, c.id, { forApplicantOnly: true })
    const open = isOpenCase(c.rulesState as unknown as CaseState)
    const done = (request.query as Record<string, unknown>).done === 'withdrawn' ? '您已撤回申请。受理单位终止办理，撤回已记入办理过程。' : undefined
    return reply.page(<TrackingResultPage shell={request.shell} csrf={request.csrfToken()} done={done} canWithdraw={open} view={{
      queryCode: c.queryCode, unitName: unit?.name ?? '', submittedOn: c.submittedOn, receivedOn: c.receivedOn, stateLabel: CASE_STATUS_LABELS[status] ?? c.state,
      statusText: PUBLIC_STATUS_TEXT[status] ?? '', dueOn: open ? c.dueOn : null,
      steps: events.filter((e) => PUBLIC_EVENT_LABELS[e.type]).map((e) => ({ on: e.effectiveOn, label: PUBLIC_EVENT_LABELS[e.type]! })),
      documents: documents.map((d) => ({ id: d.id, title: d.title, issuedOn: d.issuedOn })),
    }} />)
  })

  app.get('/xxgk/ysqgk/chaxun/wenshu/:id', async (request, reply) => {
    const c = await ticketCase(request)
    if (!c) return reply.redirect(`${TICKET_PATH}?expired=1`, 303)
    const id = Number((request.params as { id: string }).id)
    const document = Number.isSafeInteger(id) ? await findDocument(deps.db, c.id, id) : undefined
    if (!document || !document.forApplicant) throw new NotFoundError()
    reply.header('cache-control', 'no-store')
    return reply.page(<LetterPage shell={request.shell} title={document.title} html={openLetter(deps.cipher, document).html} />)
  })

  // 撤回申请: a confirmation page, then the withdrawal itself (CSRF-protected like every form; the ticket names the case).
  app.get('/xxgk/ysqgk/chaxun/chehui', async (request, reply) => {
    const c = await ticketCase(request)
    if (!c) return reply.redirect(`${TICKET_PATH}?expired=1`, 303)
    reply.header('cache-control', 'no-store')
    const unit = await findOrganisation(deps.db, c.organisationId)
    return reply.page(<WithdrawPage shell={request.shell} csrf={request.csrfToken()} queryCode={c.queryCode} unitName={unit?.name ?? ''} open={isOpenCase(c.rulesState as unknown as CaseState)} />)
  })

  app.post('/xxgk/ysqgk/chaxun/chehui', async (request, reply) => {
    const c = await ticketCase(request)
    if (!c) return reply.redirect(`${TICKET_PATH}?expired=1`, 303)
    reply.header('cache-control', 'no-store')
    const unit = await findOrganisation(deps.db, c.organisationId)
    const render = (status: number, opts: { errors?: FieldMessage[]; refused?: string }) =>
      reply.page(<WithdrawPage shell={request.shell} csrf={request.csrfToken()} queryCode={c.queryCode} unitName={unit?.name ?? ''} open={isOpenCase(c.rulesState as unknown as CaseState)} {...opts} />, status)
    if (formBody(request.body).confirm !== '1') return render(400, { errors: [{ field: 'confirm', message: '请勾选“我确认撤回这份申请”后再提交' }] })
    try {
      await withdrawOnline(ctx(request), c.id)
    } catch (error) {
      if (error instanceof StepRefusedError) return render(409, { refused: error.message })
      throw error
    }
    return reply.redirect(`${TICKET_PATH}/jieguo?done=withdrawn`, 303)
  })

  app.post('/xxgk/ysqgk/chaxun/tuichu', async (_request, reply) => {
    reply.clearCookie(TICKET_COOKIE, { path: TICKET_PATH })
    return reply.redirect(TICKET_PATH, 303)
  })
}
