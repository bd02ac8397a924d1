/** Back-office routes of 依申请公开: case list (per unit; the 公开办 sees all), registration, case page, steps, letters. */
import { randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ComponentChildren } from 'preact'
import { ConflictError, InvalidInputError, NotFoundError, type FieldMessage } from '../../platform/http/errors.ts'
import { fieldErrors, formBody } from '../../platform/http/forms.ts'
import { addWorkingDays, currentCalendar, evaluateClock, findClock, getRegime, officialCalendar } from '../calendar/index.ts'
import { findOrganisation, listOrganisations, recordAudit, requireStaff, StaffPage, contextOf, type StaffDeps } from '../orgs/index.ts'
import { openApplicant } from './applicant-privacy.ts'
import { authoriseCase } from './authorise-case.ts'
import { isSelectableDisposition, isStepType, offeredSteps, readStepForm, TAKES_IDENTITY, withheldRowCount } from './case-steps.ts'
import { addApplicantIdentity, identityProblems } from './add-applicant-identity.ts'
import { letterDocx } from './documents/index.ts'
import { openLetter, unitContact, unitContactGaps } from './issue-letters.tsx'
import { prepareFeeNotice } from './prepare-fee-notice.ts'
import { recordStep, StepRefusedError } from './record-step.ts'
import { registerRequest } from './register-request.ts'
import type { RequestsContext } from './requests.context.ts'
import { StaffRegistrationForm } from './requests.forms.ts'
import { canOnCase, isCaseStaff, isDisclosureOffice } from './requests.policy.ts'
import { draftProactiveItem, proactiveSuggestions, repeatsOf } from './repeat-requests.ts'
import { lacksIdentity, applicantOf, countOpenByUnit, documentsOf, eventsOf, findCase, findDocument, listCases, remediesOf, type CaseDocument, type CaseEvent, type CaseListFilter, type RequestCase } from './requests.repository.ts'
import { CASE_STATUS_LABELS, isOpenCase, type CaseStatus, type RequestCase as CaseState } from './rules/index.ts'
import { CaseListPage, CasePage, FILTERS, RegisterPage, StaffLetterPage, type CaseView } from './views/staff-pages.tsx'
import type { UnitOption } from './views/public-pages.tsx'
import { stepOf } from './case-steps.ts'
import { countSupervisedOpen, countSupervisedOpenByUnit, superviseCase, SuperviseForm, supervisedAmong } from './supervise-case.ts'
import { statisticsRoutes } from './statistics.routes.tsx'
import { importHistoryRoutes } from './import-history.routes.tsx'
import { feeSettingsRoutes } from './fee-settings.routes.tsx'
import { loadFeeSchedule } from './fee-settings.ts'

/** What the requests routes are built with: the staff deps and the key of the applicant identity HMAC. */
export interface RequestsDeps extends StaffDeps {
  identityKey: string
}

/** Statuses in which a case is still open (its clock matters). */
export const OPEN_STATES: readonly CaseStatus[] = ['awaiting_receipt', 'in_progress', 'awaiting_correction', 'consulting', 'awaiting_reasons', 'awaiting_fee']
/** "即将到期": due within this many working days. */
export const DUE_SOON_WORKING_DAYS = 5

const DONE: Record<string, string> = { registered: '申请已登记。', step: '已记录。需要告知申请人的文书已生成，可在“文书”中下载。', identity: '已补充申请人的身份证明。', supervised: '已督办，承办单位在案件和申请列表中都能看到。' }

/** The 补正 item a case without 身份证明 starts its notice with (条例 第二十九条第二款第（一）项). */
const IDENTITY_CORRECTION_ITEM = '申请人的身份证明（身份证件的种类和号码；法人或者其他组织提供统一社会信用代码）（《政府信息公开条例》第二十九条第二款第（一）项）'

export async function requestsRoutes(app: FastifyInstance, deps: RequestsDeps): Promise<void> {
  const staff = requireStaff(deps)
  const ctx = (request: FastifyRequest): RequestsContext => ({ ...contextOf(deps, request), identityKey: deps.identityKey })
  const page = (request: FastifyRequest, reply: FastifyReply, title: string, body: ComponentChildren, status = 200) =>
    reply.page(<StaffPage deps={deps} request={request} title={title}>{body}</StaffPage>, status)
  const calendarInForce = async () => (await currentCalendar(deps.db))?.calendar ?? officialCalendar()
  const doneOf = (request: FastifyRequest) => DONE[String((request.query as Record<string, unknown>).done ?? '')]

  async function units(request: FastifyRequest): Promise<UnitOption[]> {
    const actor = request.actor!
    const list = await listOrganisations(deps.db, actor.regionId, { on: deps.clock.today() })
    return list.filter((o) => o.id === actor.organisationId).map((o) => ({ id: o.id, name: o.name, group: '本单位' }))
  }

  /** The case of the URL, when this actor may see it (404 otherwise, audited). */
  async function visibleCase(request: FastifyRequest): Promise<RequestCase> {
    const id = Number((request.params as { id: string }).id)
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError()
    const record = await findCase(deps.db, id)
    if (!record) throw new NotFoundError()
    await authoriseCase(ctx(request), 'view', { organisationId: record.organisationId, caseId: record.id })
    return record
  }

  app.get('/admin/requests', { preHandler: staff }, async (request, reply) => {
    await authoriseCase(ctx(request), 'list')
    const actor = request.actor!
    const q = request.query as Record<string, unknown>
    const filter = (FILTERS.some((f) => f.value === q.filter) ? q.filter : 'open') as CaseListFilter
    const pageNo = Math.max(1, Math.min(10_000, Number(q.page ?? 1) || 1))
    const pageSize = 30
    const today = deps.clock.today()
    const dueSoonOn = addWorkingDays(today, DUE_SOON_WORKING_DAYS, await calendarInForce()).date
    const regionWide = isDisclosureOffice(actor)
    const { rows, total } = await listCases(deps.db, {
      organisationIds: regionWide ? undefined : [actor.organisationId], filter, openStates: OPEN_STATES, today, dueSoonOn, limit: pageSize, offset: (pageNo - 1) * pageSize,
    })
    const orgs = await listOrganisations(deps.db, actor.regionId)
    const names = new Map(orgs.map((o) => [o.id, o.shortName || o.name]))
    const supervisedByUnit = regionWide ? await countSupervisedOpenByUnit(deps.db, OPEN_STATES) : undefined
    const overview = regionWide
      ? (await countOpenByUnit(deps.db, OPEN_STATES, today, dueSoonOn)).map((c) => ({ ...c, name: names.get(c.organisationId) ?? '', supervised: supervisedByUnit?.get(c.organisationId) ?? 0 })).sort((a, b) => b.overdue - a.overdue || b.open - a.open)
      : undefined
    const supervised = { count: await countSupervisedOpen(deps.db, regionWide ? undefined : [actor.organisationId], OPEN_STATES), ids: await supervisedAmong(deps.db, rows.map((r) => r.id)) }
    return page(request, reply, '依申请公开', <CaseListPage rows={rows} total={total} page={pageNo} pageSize={pageSize} filter={filter} today={today} dueSoonOn={dueSoonOn} supervised={supervised}
      unitNames={names} showUnit={regionWide} canRegister={canOnCase(actor, 'register')} canImport={canOnCase(actor, 'import')} overview={overview} openStates={OPEN_STATES} done={doneOf(request)}
      suggestions={isCaseStaff(actor) ? await proactiveSuggestions(deps.db, [actor.organisationId]) : undefined} csrf={request.csrfToken()} />)
  })

  // 第四十四条: a draft catalogue item for a group of requests of the actor's own unit.
  app.post('/admin/requests/zhudong', { preHandler: staff }, async (request, reply) => {
    await authoriseCase(ctx(request), 'register')
    const raw = formBody(request.body).requestIds
    const ids = ([] as string[]).concat(raw ?? []).filter((x) => /^\d{1,12}$/.test(x))
    try {
      const itemId = await draftProactiveItem(ctx(request), ids)
      return reply.redirect(`/admin/catalogue/${itemId}?done=created`, 303)
    } catch (error) {
      if (error instanceof InvalidInputError || error instanceof ConflictError) throw new ConflictError(error.message)
      throw error
    }
  })

  app.get('/admin/requests/new', { preHandler: staff }, async (request, reply) => {
    await authoriseCase(ctx(request), 'register')
    return page(request, reply, '登记申请', <RegisterPage csrf={request.csrfToken()} values={{ formKey: randomBytes(16).toString('hex'), submittedOn: deps.clock.today(), organisationId: String(request.actor!.organisationId) }} units={await units(request)} />)
  })

  app.post('/admin/requests/new', { preHandler: staff }, async (request, reply) => {
    await authoriseCase(ctx(request), 'register')
    const body = formBody(request.body)
    const values = Object.fromEntries(Object.entries(body).filter(([k, v]) => typeof v === 'string' && k !== '_csrf')) as Record<string, string>
    const render = async (errors: FieldMessage[], status = 400) => page(request, reply, '登记申请', <RegisterPage csrf={request.csrfToken()} values={values} errors={errors} units={await units(request)} />, status)
    const form = StaffRegistrationForm.safeParse(body)
    if (!form.success) return render(fieldErrors(form.error))
    const f = form.data
    if (!canOnCase(request.actor!, 'register', f.organisationId)) return render([{ field: 'organisationId', message: '只能登记本单位收到的申请' }])
    const date = (v: string) => (v ? v : null)
    try {
      const { case: c } = await registerRequest(ctx(request), {
        organisationId: f.organisationId, applicantCategory: f.applicantCategory as 'natural_person',
        applicant: { name: f.name, contactPerson: f.contactPerson, idType: f.idType, idNumber: f.idNumber, phone: f.phone, email: f.email, address: f.address, postcode: f.postcode },
        informationName: f.informationName, docNo: f.docNo, description: f.description, wantedForm: f.wantedForm, delivery: f.delivery,
        channel: f.channel as 'in_person', facts: { submittedOn: date(f.submittedOn), signedForOn: date(f.signedForOn), arrivedOn: date(f.arrivedOn), confirmedOn: date(f.confirmedOn) },
        idempotencyKey: f.formKey,
      })
      return reply.redirect(`/admin/requests/${c.id}?done=registered`, 303)
    } catch (error) {
      if (error instanceof InvalidInputError) return render(error.fields)
      throw error
    }
  })

  // 统计 (tables of a year with drill-down) and 历史案件导入 live in their own route files.
  await statisticsRoutes(app, deps)
  await importHistoryRoutes(app, deps)
  await feeSettingsRoutes(app, deps)

  /** 重复申请: the decision form starts with the earlier case's answer (its 发文字号 and date), for staff to check. */
  async function earlierAnswer(repeats: { requestId: string }[]): Promise<Record<string, string>> {
    for (const match of repeats) {
      const earlier = await findCase(deps.db, Number(match.requestId))
      const answer = earlier ? (await documentsOf(deps.db, earlier.id)).filter((d) => d.kind === 'answer').at(-1) : undefined
      if (!earlier || !answer) continue
      const { letter } = openLetter(deps.cipher, answer)
      if (letter.docNo) return { previousDocNo: letter.docNo, previousAnswerOn: letter.signature?.date ?? answer.issuedOn }
    }
    return {}
  }

  /**
   * Whom each consultation reply or silence answers (the trace names the consulted party): the name comes from the
   * sealed letters of the consultation_sent before it — the 征求意见书's addressee (第三十二条) or the agencies named in
   * the applicant's notice (第三十四条) — opened for the staff page only, never stored in the event. Agencies (public bodies)
   * are kept on the event since record-step stores them (details.consultedAgencies); the notice is read only for events
   * recorded before that.
   */
  function consultedNames(events: CaseEvent[], documents: CaseDocument[]): Map<number, string> {
    const names = new Map<number, string>()
    const latest = new Map<string, string>()
    for (const e of events) {
      const party = String((e.details.event as { party?: unknown } | undefined)?.party ?? '')
      if (e.type === 'consultation_sent') {
        const letters = documents.filter((d) => d.eventId === e.id)
        const third = letters.find((d) => d.kind === 'third_party_consultation')
        const notice = letters.find((d) => d.kind === 'consultation_notice')
        const agencies = e.details.consultedAgencies
        const name = third ? openLetter(deps.cipher, third).letter.addressee ?? ''
          : Array.isArray(agencies) && agencies.length ? agencies.join('、')
          : notice ? /已于.{1,20}?征求(.+?)的意见/.exec(openLetter(deps.cipher, notice).html.replace(/<[^>]+>/g, ''))?.[1] ?? '' : ''
        if (name && !name.includes('第三方')) latest.set(party, name)
      } else if ((e.type === 'consultation_answered' || e.type === 'consultation_deemed') && latest.has(party)) {
        names.set(e.id, latest.get(party)!)
      }
    }
    return names
  }

  async function caseView(request: FastifyRequest, record: RequestCase, reveal: boolean): Promise<CaseView> {
    const actor = request.actor!
    const unit = await findOrganisation(deps.db, record.organisationId)
    const sealed = (await applicantOf(deps.db, record.id))!
    const tracked = await findClock(deps.db, 'request_case', String(record.id))
    const today = deps.clock.today()
    let clock = null
    if (tracked) {
      const last = tracked.events.at(-1)?.on ?? today
      clock = evaluateClock(tracked.events, getRegime(tracked.regime), await calendarInForce(), last > today ? last : today)
    }
    const open = reveal ? openApplicant(deps.cipher, sealed) : null
    const repeats = await repeatsOf(deps.db, record.id, record.organisationId)
    const missingIdentity = lacksIdentity(sealed)
    const contact = unit ? await unitContact(deps.db, unit) : null
    const contactKeys = contact ? ([contact.phone ? null : 'phone', contact.address ? null : 'address'] as const).filter((k) => k !== null) : []
    const state = record.rulesState as unknown as CaseState
    const events = await eventsOf(deps.db, record.id)
    const documents = await documentsOf(deps.db, record.id)
    return {
      record, unitName: unit?.name ?? '', today, clock,
      applicant: open
        ? { name: open.name, idType: open.idType, idNumber: open.idNumber, phone: open.phone, address: [open.address, open.postcode].filter(Boolean).join(' '), email: open.email, revealed: true }
        : { name: sealed.name_masked, idType: sealed.id_type, idNumber: sealed.id_number_masked, phone: sealed.phone_masked, address: sealed.address_masked, revealed: false },
      events, documents, consulted: consultedNames(events, documents), remedies: await remediesOf(deps.db, record.id),
      steps: offeredSteps(state, actor, record.organisationId, { lacksIdentity: missingIdentity, contactGaps: contactKeys }), repeats, decisionDefaults: await earlierAnswer(repeats), canReveal: canOnCase(actor, 'reveal_identity', record.organisationId),
      // 第二十九条第二款第（一）项 requires a 身份证明: while it is missing the case says so and the 补正 notice starts with it.
      contactGaps: contact ? unitContactGaps(contact) : [],
      lacksIdentity: missingIdentity, canAct: canOnCase(actor, 'act', record.organisationId) && isOpenCase(state),
      stepDefaults: missingIdentity && !state.correction ? { correction_requested: { items: IDENTITY_CORRECTION_ITEM } } : {},
      supervision: {
        underSupervision: (await supervisedAmong(deps.db, [record.id])).has(record.id),
        canSupervise: canOnCase(actor, 'supervise', record.organisationId) && OPEN_STATES.includes(record.state as CaseStatus),
      },
    }
  }

  const title = (record: RequestCase) => `依申请公开 第 ${record.id} 号（${CASE_STATUS_LABELS[record.state as CaseStatus] ?? record.state}）`

  app.get('/admin/requests/:id', { preHandler: staff }, async (request, reply) => {
    const record = await visibleCase(request)
    // 作出答复 in two steps without JavaScript: ?jueding=<disposition> opens the second step with only its fields.
    const q = request.query as Record<string, unknown>
    // `xuanze` travels with the choice form, so a submission with no radio chosen is told to choose one.
    const decision = q.jueding !== undefined || q.xuanze !== undefined ? (isSelectableDisposition(q.jueding) ? { code: q.jueding } : { error: '请选择一项办理结果' })
      : q.gaixuan !== undefined ? { open: true } : undefined
    return page(request, reply, title(record), <CasePage csrf={request.csrfToken()} view={await caseView(request, record, false)} done={doneOf(request)} decision={decision} />)
  })

  // 身份证明 unmasked: only the handling unit and the 公开办, and every look is audited.
  app.post('/admin/requests/:id/applicant', { preHandler: staff }, async (request, reply) => {
    const record = await visibleCase(request)
    await authoriseCase(ctx(request), 'reveal_identity', { organisationId: record.organisationId, caseId: record.id })
    const actor = request.actor!
    await recordAudit(deps.db, {
      actorUserId: actor.userId, actorUsername: actor.username, organisationId: actor.organisationId, action: 'request.reveal_identity', outcome: 'success',
      targetType: 'request_case', targetId: record.id, ip: request.ip, details: { fields: ['name', 'id_number', 'phone', 'address', 'email'] },
    }, deps.clock.now())
    reply.header('cache-control', 'no-store')
    return page(request, reply, title(record), <CasePage csrf={request.csrfToken()} view={await caseView(request, record, true)} />)
  })

  app.post('/admin/requests/:id/steps/:type', { preHandler: staff }, async (request, reply) => {
    const record = await visibleCase(request)
    const type = (request.params as { type: string }).type
    if (!isStepType(type)) throw new NotFoundError()
    const prefix = `${type}.`
    const body = Object.fromEntries(Object.entries(formBody(request.body)).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]))
    const render = async (status: number, opts: { errors?: FieldMessage[]; refused?: string }) => {
      const fresh = (await findCase(deps.db, record.id))!
      const chosen = type === 'decided' ? String(([] as string[]).concat(body.code ?? '')[0] ?? '') : ''
      return page(request, reply, title(fresh), <CasePage csrf={request.csrfToken()} view={await caseView(request, fresh, false)} errors={opts.errors} refused={opts.refused} stepValues={body} openStep={type}
        decision={type === 'decided' ? (isSelectableDisposition(chosen) ? { code: chosen } : { error: '请选择一项办理结果' }) : undefined} />, status)
    }
    if (type === 'decided' && body.more) {
      // “添加一行”: the same form with one more withheld row; nothing is recorded.
      body.withheldRows = String(withheldRowCount(body) + 1)
      delete body.more
      return render(200, {})
    }
    const read = readStepForm(type, body, request.actor!)
    // 身份证明 given with 确认收到 / 收到补正 (only offered while it is missing): checked with the form, sealed with the step.
    const one = (name: string) => String(([] as string[]).concat(body[name] ?? '')[0] ?? '').trim()
    const identity = TAKES_IDENTITY.includes(type) && (one('idType') || one('idNumber')) ? { idType: one('idType'), idNumber: one('idNumber') } : undefined
    const formErrors = identity ? identityProblems(identity) : []
    // The unit's phone / address typed on the step (asked only while its 指南 lacks them): printed in this step's letters.
    const typedContact = { unitPhone: one('unitPhone').slice(0, 60), unitAddress: one('unitAddress').slice(0, 120) }
    if (typedContact.unitPhone && !/^[0-9+\-（）() ,，、转]{5,60}$/.test(typedContact.unitPhone)) formErrors.push({ field: 'unitPhone', message: '本机关联系电话只能包含数字、空格和“-”，如 023-52221234' })
    if (!read.ok || formErrors.length) return render(400, { errors: [...(read.ok ? [] : read.errors), ...formErrors], refused: `${stepOf(type).label}：请按提示修改后重新提交。` })
    try {
      let { event, extras } = read
      // The 公开办's [M] fee facts (fee-settings.ts), the code defaults until it has set them.
      if (read.feeForm) ({ event, extras } = await prepareFeeNotice({ ...ctx(request), feeSchedule: await loadFeeSchedule(deps.db) }, record, read.feeForm))
      extras = { ...extras, ...(typedContact.unitPhone ? { unitPhone: typedContact.unitPhone } : {}), ...(typedContact.unitAddress ? { unitAddress: typedContact.unitAddress } : {}) }
      await recordStep(ctx(request), record.id, event, extras, { identity })
      return reply.redirect(`/admin/requests/${record.id}?done=step`, 303)
    } catch (error) {
      if (error instanceof StepRefusedError || error instanceof ConflictError) return render(409, { refused: error.message })
      if (error instanceof InvalidInputError) return render(400, { errors: error.fields, refused: error.fields.map((f) => f.message).join('；') })
      throw error
    }
  })

  // 督办 by the 公开办 (supervise-case.ts): reason required; a refusal (unit users) is audited, bad input changes nothing.
  app.post('/admin/requests/:id/supervise', { preHandler: staff }, async (request, reply) => {
    const record = await visibleCase(request)
    await authoriseCase(ctx(request), 'supervise', { organisationId: record.organisationId, caseId: record.id })
    const body = formBody(request.body)
    const form = SuperviseForm.safeParse(body)
    const render = async (status: number, errors: FieldMessage[]) => {
      const view = await caseView(request, record, false)
      view.supervision = { ...view.supervision!, errors, reason: typeof body.reason === 'string' ? body.reason : '' }
      return page(request, reply, title(record), <CasePage csrf={request.csrfToken()} view={view} />, status)
    }
    if (!form.success) return render(400, fieldErrors(form.error))
    try {
      await superviseCase(ctx(request), record.id, form.data)
    } catch (error) {
      if (error instanceof ConflictError) return render(409, [{ field: '', message: error.message }])
      throw error
    }
    return reply.redirect(`/admin/requests/${record.id}?done=supervised`, 303)
  })

  // 补充身份证明 on its own (after receipt): the handling unit only; sealed, masked, audited (add-applicant-identity.ts).
  app.post('/admin/requests/:id/identity', { preHandler: staff }, async (request, reply) => {
    const record = await visibleCase(request)
    const body = formBody(request.body)
    const one = (name: string) => String(([] as string[]).concat(body[`identity.${name}`] ?? '')[0] ?? '').trim()
    const input = { idType: one('idType'), idNumber: one('idNumber') }
    const render = async (status: number, opts: { errors?: FieldMessage[]; refused?: string }) => {
      const fresh = (await findCase(deps.db, record.id))!
      return page(request, reply, title(fresh), <CasePage csrf={request.csrfToken()} view={await caseView(request, fresh, false)} errors={opts.errors} refused={opts.refused} stepValues={input} openStep="identity" />, status)
    }
    try {
      await addApplicantIdentity(ctx(request), record.id, input)
      return reply.redirect(`/admin/requests/${record.id}?done=identity`, 303)
    } catch (error) {
      if (error instanceof InvalidInputError) return render(400, { errors: error.fields })
      if (error instanceof ConflictError) return render(409, { refused: error.message })
      throw error
    }
  })

  app.get('/admin/requests/:id/documents/:doc', { preHandler: staff }, async (request, reply) => {
    const record = await visibleCase(request)
    const raw = (request.params as { doc: string }).doc
    const asDocx = raw.endsWith('.docx')
    const id = Number(asDocx ? raw.slice(0, -5) : raw)
    const document = Number.isSafeInteger(id) ? await findDocument(deps.db, record.id, id) : undefined
    if (!document) throw new NotFoundError()
    const { letter, html } = openLetter(deps.cipher, document)
    reply.header('cache-control', 'no-store')
    if (asDocx) {
      const bytes = await letterDocx(letter)
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="request-${record.id}-${document.id}.docx"; filename*=UTF-8''${encodeURIComponent(`${document.title}.docx`)}`)
        .send(bytes)
    }
    return page(request, reply, document.title, <StaffLetterPage caseId={record.id} title={document.title} html={html} />)
  })

}
