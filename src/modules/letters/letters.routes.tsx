/** Back-office routes of 公众诉求: queues, a unit's inbox, the case page and its steps, call registration. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { InvalidInputError, NotFoundError, type FieldMessage } from '../../platform/http/errors.ts'
import { fieldErrors, formBody } from '../../platform/http/forms.ts'
import { addWorkingDays, currentCalendar, officialCalendar } from '../calendar/index.ts'
import { authorise, contextOf, findOrganisation, listOrganisations, listUsers, requireActor, requireStaff, StaffPage, type Actor, type StaffDeps } from '../orgs/index.ts'
import { DEFAULT_SENSITIVE_WORDS, scanText, sendFile } from '../publishing/index.ts'
import {
  acceptCase, caseForActor, closeCase, dispatchCase, evaluateCase, extendCase, notAcceptCase, reassignCase, releaseReply, reopenCase, replyToCase, returnCase, sendBackReply,
} from './case-actions.ts'
import { attachmentsOfCase, letterAttachmentContent } from './letter-attachments.ts'
import { convertLetter, conversionOf } from './convert-letter.ts'
import {
  AppealForm, CallForm, ConvertForm, EvaluateForm, ExtendForm, LimitForm, LimitKeyForm, RoutingKeyForm, MergeForm, ReasonForm, RectifyForm, ReplyForm, ReviewAppealForm, RoutingForm, ScreenForm, SettingsForm, UnitForm,
} from './letters.forms.ts'
import {
  listConfigChanges, listLimitRows, loadLetterSettings, loadRoutingCatalogue, removeLimitRow, removeRoutingRow, saveLetterSettings, saveLimitRow, saveRoutingRow,
} from './letter-config.ts'
import { replyClockOf } from './letter-clock.ts'
import { ATTACHMENT_ROUTE_CONFIG, formWithFiles, uploadsOf, type FilePart } from './letters.multipart.ts'
import { appealRating, listRectifications, recordRectification, rectificationForActor, rectificationsOfCase, reviewAppeal } from './rectify-rating.ts'
import { RectificationsPage, SettingsPage, type SettingsModel } from './views/ops-pages.tsx'
import { COUNT_CAP, countQueuesCapped, eventsOfCase, findCase, listCases, mergedInto, type LetterCase } from './letters.repository.ts'
import { revealContact } from './reveal-contact.ts'
import { lettersPublicationRoutes } from './letters-publications.routes.tsx'
import { lettersStatisticsRoutes } from './letters-statistics.routes.tsx'
import { mergeCase, splitCase } from './merge-cases.ts'
import { registerCall } from './register-call.ts'
import { availableCaseActions, CALL_CHANNELS, limitOfRegime, suggestUnits, type CategoryKey, type ChannelKey, type NotAcceptedReason, type SupervisionGrade } from './rules/index.ts'
import { CallFormPage, CasePage, LettersList, STATE_QUEUE_LABELS, type CaseModel, type DueFlag } from './views/admin-pages.tsx'

const DONE: Record<string, string> = {
  screen: '受理意见已记录。', dispatch: '已转办，承办单位的答复期限已开始计算。', reassign: '已改派。', return: '已退回区政务公开办公室。', extend: '已延期。',
  reply: '答复已提交，等待区政务公开办公室审核。', send_back: '已退回承办单位修改。', release: '答复已发布，来信人可以查看和评价。', evaluate: '监评已记录，信件办结。',
  close: '信件已办结。', convert: '已转为政府信息公开申请，申请待与来信人确认收到并补充身份证明。', merge: '已并单。', split: '已拆分，回到待受理。', call: '来电已登记。',
  reopen: '已退回承办单位重新办理；已选登的，已从网站撤下。', rectify: '整改情况已提交。', appeal: '申诉已提交，等待区政务公开办公室复核。', review: '复核结论已记录。',
  limits: '办理时限已保存，此后转办的信件按新时限办理。', limit_removed: '已删除这一行。', numbers: '设置已保存。', routing: '转办目录已保存。', routing_removed: '已删除这一行。',
}

const isOperator = (actor: Actor) => actor.roles.includes('hotline_operator')

const isUnitStaff = (actor: Actor) => actor.roles.some((r) => r === 'unit_editor' || r === 'unit_reviewer' || r === 'unit_head')

/** The requests wing's identity key travels with the deps: converting a letter registers a 依申请公开 case. */
export type LettersDeps = StaffDeps & { identityKey: string }

export async function lettersRoutes(app: FastifyInstance, deps: LettersDeps): Promise<void> {
  const staff = requireStaff(deps)
  const ctx = (request: FastifyRequest) => contextOf(deps, request)
  const page = (request: FastifyRequest, reply: FastifyReply, title: string, body: preact.ComponentChildren, status = 200) =>
    reply.page(<StaffPage deps={deps} request={request} title={title}>{body}</StaffPage>, status)
  const idOf = (request: FastifyRequest) => {
    const id = Number((request.params as { id: string }).id)
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError()
    return id
  }

  // The 公开办 sees every case; unit staff their own unit's; a 话务员 the hotline queue; anyone else has no business here (403, audited).
  async function mayEnter(request: FastifyRequest) {
    const actor = request.actor!
    if (actor.roles.includes('disclosure_admin') || isUnitStaff(actor) || isOperator(actor)) return
    await authorise(ctx(request), 'letters.manage')
  }

  async function unitOptions(regionId: number) {
    const list = await listOrganisations(deps.db, regionId, { on: deps.clock.today() })
    return list.filter((o) => o.kind !== 'region').map((o) => ({ value: String(o.id), label: o.shortName, code: o.code, id: o.id }))
  }

  async function dueFlagOf(c: LetterCase, soonBy: string): Promise<DueFlag> {
    if (c.state !== 'dispatched' || !c.dueOn) return null
    if (c.dueOn < deps.clock.today()) return 'overdue'
    return c.dueOn <= soonBy ? 'due_soon' : null
  }
  async function soonDate() {
    const calendar = (await currentCalendar(deps.db))?.calendar ?? officialCalendar()
    return addWorkingDays(deps.clock.today(), 2, calendar).date
  }

  app.get('/admin/letters', { preHandler: staff }, async (request, reply) => {
    await mayEnter(request)
    const actor = request.actor!
    const office = actor.roles.includes('disclosure_admin')
    const q = request.query as Record<string, unknown>
    const pageNo = Math.max(1, Math.min(10_000, Number(q.page ?? 1) || 1))
    const pageSize = 30
    if (!office && !isUnitStaff(actor)) return operatorList(request, reply, q, pageNo, pageSize)
    const visible = Object.entries(STATE_QUEUE_LABELS).filter(([key]) => office || key === 'dispatched' || key === 'replied' || key === 'released' || key === 'closed')
    const counts = await countQueuesCapped(deps.db, actor.regionId, office ? undefined : actor.organisationId, visible.map(([key, q]) => ({ key, states: q.states })))
    const queues = visible.map(([key, q]) => ({
      key, label: office ? q.label : key === 'dispatched' ? '待办理' : q.label, count: counts[key]!.count, countText: counts[key]!.capped ? `${COUNT_CAP.toLocaleString('en-US')}+` : undefined, states: q.states,
    }))
    const queueKey = typeof q.queue === 'string' && queues.some((x) => x.key === q.queue) ? q.queue : office ? 'received' : 'dispatched'
    const queue = queues.find((x) => x.key === queueKey)!
    const offset = (pageNo - 1) * pageSize
    const listed = await listCases(deps.db, { regionId: actor.regionId, unitId: office ? undefined : actor.organisationId, states: queue.states, limit: pageSize, offset, knownTotal: queue.count })
    const rows = listed.rows
    // Past the cap the total is not known: a full page promises a next one, a short page is the last.
    const total = !queue.countText ? listed.total : rows.length < pageSize ? offset + rows.length : Math.max(COUNT_CAP + 1, offset + pageSize + 1)
    const totalText = queue.countText && !(rows.length < pageSize && offset + rows.length <= COUNT_CAP) ? `${queue.countText} 件` : undefined
    const units = new Map((await listOrganisations(deps.db, actor.regionId)).map((o) => [o.id, o.shortName]))
    const soon = await soonDate()
    const flags = new Map<number, DueFlag>()
    for (const c of rows) flags.set(c.id, await dueFlagOf(c, soon))
    const done = DONE[String(q.done ?? '')]
    return page(request, reply, '公众诉求', <LettersList title={office ? '公众诉求（区长信箱与热线）' : '公众诉求：本单位承办'} queues={queues} current={queueKey} rows={rows} total={total} totalText={totalText} page={pageNo} pageSize={pageSize}
      unitNames={units} dueFlags={flags} showUnit={office} canRegisterCall={office} done={done}
      links={[...(office ? [{ href: '/admin/letters/xuandeng', label: '信件选登审核' }] : []), { href: '/admin/letters/tongji', label: '办理情况统计' }, { href: '/admin/letters/zhenggai', label: '差评整改' }, ...(office ? [{ href: '/admin/letters/settings', label: '办理时限与转办目录' }] : [])]} />)
  })

  // 话务员: the calls they registered, and the hotline queue (every call of the region); nothing else.
  async function operatorList(request: FastifyRequest, reply: FastifyReply, q: Record<string, unknown>, pageNo: number, pageSize: number) {
    const actor = request.actor!
    const mine = q.queue !== 'calls'
    const filter = { regionId: actor.regionId, channels: CALL_CHANNELS, ...(mine ? { registeredBy: actor.userId } : {}) }
    const { rows, total } = await listCases(deps.db, { ...filter, limit: pageSize, offset: (pageNo - 1) * pageSize })
    const other = await listCases(deps.db, { regionId: actor.regionId, channels: CALL_CHANNELS, ...(mine ? {} : { registeredBy: actor.userId }), limit: 1, offset: 0 })
    const queues = [
      { key: 'mine', label: '我登记的来电', count: mine ? total : other.total },
      { key: 'calls', label: '全部来电', count: mine ? other.total : total },
    ]
    const units = new Map((await listOrganisations(deps.db, actor.regionId)).map((o) => [o.id, o.shortName]))
    const soon = await soonDate()
    const flags = new Map<number, DueFlag>()
    for (const c of rows) flags.set(c.id, await dueFlagOf(c, soon))
    return page(request, reply, '公众诉求', <LettersList title="热线来电" queues={queues} current={mine ? 'mine' : 'calls'} rows={rows} total={total} page={pageNo} pageSize={pageSize}
      unitNames={units} dueFlags={flags} showUnit canRegisterCall done={DONE[String(q.done ?? '')]} />)
  }

  async function renderCase(request: FastifyRequest, reply: FastifyReply, extra: Partial<CaseModel> = {}, status = 200) {
    const { c, party } = await caseForActor(ctx(request), idOf(request), { operator: true })
    const actor = requireActor(ctx(request))
    const units = await unitOptions(actor.regionId)
    const users = new Map((await listUsers(deps.db, {})).map((u) => [u.id, u.displayName]))
    const unitNames = new Map(units.map((u) => [u.id, u.label]))
    const events = (await eventsOfCase(deps.db, c.id)).map((e) => ({
      ...e, actorName: e.actorKind === 'public' ? '来信人' : e.actorKind === 'system' ? '系统' : users.get(e.actorUserId ?? -1) ?? '', unitName: e.unitId ? unitNames.get(e.unitId) ?? null : null,
    }))
    const byCode = new Map(units.map((u) => [u.code, u]))
    const suggestions = party === 'office'
      ? suggestUnits(c, await loadRoutingCatalogue(deps.db)).flatMap((s) => { const u = byCode.get(s.unitCode); return u ? [{ unitId: u.id, unitName: u.label, matched: s.matched }] : [] })
      : []
    const textToScan = extra.values?.reply ?? (c.state === 'replied' ? c.replyText ?? '' : '')
    const privacyWarnings = extra.privacyWarnings ?? (textToScan ? scanText(textToScan, { sensitiveWords: DEFAULT_SENSITIVE_WORDS, today: deps.clock.today() }).map((f) => ({ masked: f.masked, message: f.message })) : [])
    const mergedIntoCase = c.mergedIntoId ? await findCase(deps.db, c.mergedIntoId) : undefined
    const clock = await replyClockOf(deps.db, c.id)
    const regimeLimit = clock ? limitOfRegime(clock.regime) : null
    const limitDays = c.limitWorkingDays ?? regimeLimit?.workingDays ?? null
    const model: CaseModel = {
      c, party, actions: party === 'operator' ? [] : availableCaseActions({ state: c.state, extended: c.extended }, party).filter((a) => a !== 'rate' && (a !== 'reopen' || (party === 'office' && c.unitId !== null))),
      limitNote: limitDays ? `${limitDays} 个工作日${c.limitCitation ? `（${c.limitCitation}）` : ''}。按转办时的办理时限表确定，此后修改时限表不影响本件。` : null,
      extensionMaxWorkingDays: regimeLimit?.extensionMaxWorkingDays, today: deps.clock.today(),
      rectifications: party === 'office' || party === 'unit' ? await rectificationsOfCase(deps.db, c.id) : [],
      viewerUnitId: request.actor!.organisationId,
      contact: null,
      unitName: c.unitId ? unitNames.get(c.unitId) ?? null : null, addressedUnitName: c.addressedUnitId ? unitNames.get(c.addressedUnitId) ?? null : null,
      events, attachments: await attachmentsOfCase(deps.db, c.id), units: units.map(({ value, label }) => ({ value, label })), suggestions,
      conversion: await conversionOf(deps.db, c.id),
      mergedLetters: await mergedInto(deps.db, c.id), mergedIntoNo: mergedIntoCase?.caseNo ?? null, dueFlag: await dueFlagOf(c, await soonDate()),
      csrf: request.csrfToken(), done: DONE[String((request.query as Record<string, unknown>).done ?? '')], privacyWarnings, ...extra,
    }
    return page(request, reply, `信件 ${c.caseNo}`, <CasePage model={model} />, status)
  }

  app.get('/admin/letters/:id', { preHandler: staff }, async (request, reply) => renderCase(request, reply))

  // 查看完整姓名和电话: a POST (CSRF) that writes an audit entry, then shows the case page with the contact.
  app.post('/admin/letters/:id/contact', { preHandler: staff }, async (request, reply) => {
    const contact = await revealContact(ctx(request), idOf(request))
    return renderCase(request, reply, { contact })
  })

  app.get('/admin/letters/:id/attachments/:aid', { preHandler: staff }, async (request, reply) => {
    const { c } = await caseForActor(ctx(request), idOf(request))
    const aid = Number((request.params as { aid: string }).aid)
    const file = Number.isSafeInteger(aid) ? await letterAttachmentContent(deps.db, c.id, aid) : undefined
    if (!file) throw new NotFoundError()
    return sendFile(reply, file)
  })

  type Step = (request: FastifyRequest, id: number, body: Record<string, string | string[]>, files: FilePart[]) => Promise<FieldMessage[] | 'again' | void>
  const parse = <T,>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: any } }, body: unknown): T | FieldMessage[] => {
    const r = schema.safeParse(body)
    return r.success ? r.data : fieldErrors(r.error)
  }
  const steps: Record<string, Step> = {
    screen: async (request, id, body) => {
      const f = parse(ScreenForm, body); if (Array.isArray(f)) return f
      if (f.decision === 'accept') await acceptCase(ctx(request), id, f.note)
      else await notAcceptCase(ctx(request), id, f.decision as NotAcceptedReason, f.note)
    },
    convert: async (request, id, body) => {
      const f = parse(ConvertForm, body); if (Array.isArray(f)) return f
      await convertLetter({ ...ctx(request), identityKey: deps.identityKey }, id, Number(f.requestUnit))
    },
    dispatch: async (request, id, body) => { const f = parse(UnitForm, body); if (Array.isArray(f)) return f; await dispatchCase(ctx(request), id, Number(f.unit)) },
    reassign: async (request, id, body) => {
      const f = parse(UnitForm, body); if (Array.isArray(f)) return f
      if (f.reason.length < 2) return [{ field: 'reason', message: '请写明改派理由' }]
      await reassignCase(ctx(request), id, Number(f.unit), f.reason)
    },
    return: async (request, id, body) => { const f = parse(ReasonForm, body); if (Array.isArray(f)) return f; await returnCase(ctx(request), id, f.reason) },
    extend: async (request, id, body) => { const f = parse(ExtendForm, body); if (Array.isArray(f)) return f; await extendCase(ctx(request), id, f.workingDays, f.reason) },
    reply: async (request, id, body, files) => {
      const f = parse(ReplyForm, body); if (Array.isArray(f)) return f
      // 隐私审查 (publishing's scanner): a reply may be published with the letter (选登); findings need a confirmation.
      const findings = scanText(f.reply, { sensitiveWords: DEFAULT_SENSITIVE_WORDS, today: deps.clock.today() })
      if (findings.length && body.confirmPrivacy !== 'yes') return 'again'
      await replyToCase(ctx(request), id, f.reply, await uploadsOf(files))
    },
    send_back: async (request, id, body) => { const f = parse(ReasonForm, body); if (Array.isArray(f)) return f; await sendBackReply(ctx(request), id, f.reason) },
    release: async (request, id) => { await releaseReply(ctx(request), id) },
    evaluate: async (request, id, body) => { const f = parse(EvaluateForm, body); if (Array.isArray(f)) return f; await evaluateCase(ctx(request), id, f.grade as SupervisionGrade, f.note) },
    close: async (request, id) => { await closeCase(ctx(request), id) },
    reopen: async (request, id, body) => { const f = parse(ReasonForm, body); if (Array.isArray(f)) return f; await reopenCase(ctx(request), id, f.reason) },
    merge: async (request, id, body) => { const f = parse(MergeForm, body); if (Array.isArray(f)) return f; await mergeCase(ctx(request), id, f.target, f.reason) },
    split: async (request, id, body) => { const f = parse(ReasonForm, body); if (Array.isArray(f)) return f; await splitCase(ctx(request), id, f.reason) },
  }

  app.post('/admin/letters/:id/:step', { preHandler: staff, config: ATTACHMENT_ROUTE_CONFIG }, async (request, reply) => {
    const stepName = (request.params as { step: string }).step
    const run = Object.hasOwn(steps, stepName) ? steps[stepName]! : undefined
    if (!run) throw new NotFoundError()
    const id = idOf(request)
    await caseForActor(ctx(request), id) // another unit's user: 404 before anything else
    const multipart = formWithFiles(request.body)
    const body = request.isMultipart() ? multipart.fields : formBody(request.body)
    const values = Object.fromEntries(Object.entries(body).filter(([k, v]) => typeof v === 'string' && k !== '_csrf')) as Record<string, string>
    try {
      const result = await run(request, id, body, multipart.files)
      if (result === 'again') {
        const findings = scanText(values.reply ?? '', { sensitiveWords: DEFAULT_SENSITIVE_WORDS, today: deps.clock.today() })
        return renderCase(request, reply, { values, errorAction: stepName, errors: [{ field: 'reply', message: `答复中可能含有个人信息，请核对后勾选“已核对”再提交，或删去这些内容${multipart.files.length ? '；为安全起见，附件需要重新选择' : ''}` }], privacyWarnings: findings.map((f) => ({ masked: f.masked, message: f.message })) }, 400)
      }
      if (result) return renderCase(request, reply, { values, errors: result, errorAction: stepName }, 400)
      return reply.redirect(`/admin/letters/${id}?done=${stepName}`, 303)
    } catch (error) {
      if (error instanceof InvalidInputError) return renderCase(request, reply, { values, errors: error.fields, errorAction: stepName }, 400)
      throw error
    }
  })

  const callPage = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors?: FieldMessage[], status = 200) => {
    const units = (await unitOptions(request.actor!.regionId)).map(({ value, label }) => ({ value, label }))
    return page(request, reply, '登记热线来电', <CallFormPage csrf={request.csrfToken()} values={values} errors={errors} units={units} />, status)
  }
  app.get('/admin/letters/calls/new', { preHandler: staff }, async (request, reply) => {
    await authorise(ctx(request), 'letters.registerCall')
    return callPage(request, reply, { outcome: '' })
  })
  app.post('/admin/letters/calls/new', { preHandler: staff, config: ATTACHMENT_ROUTE_CONFIG }, async (request, reply) => {
    await authorise(ctx(request), 'letters.registerCall')
    const { fields: body, files } = formWithFiles(request.body)
    const values = Object.fromEntries(Object.entries(body).filter(([k, v]) => typeof v === 'string' && k !== '_csrf')) as Record<string, string>
    const form = CallForm.safeParse(body)
    if (!form.success) return callPage(request, reply, values, fieldErrors(form.error), 400)
    if (form.data.outcome === 'dispatch') {
      const unit = await findOrganisation(deps.db, Number(form.data.unit))
      if (!unit || unit.regionId !== request.actor!.regionId) return callPage(request, reply, values, [{ field: 'unit', message: '请选择承办单位' }], 400)
    }
    try {
      const created = await registerCall(ctx(request), {
        channel: form.data.channel as ChannelKey, category: form.data.category as CategoryKey, name: form.data.name, phone: form.data.phone, subject: form.data.subject,
        content: form.data.content, outcome: form.data.outcome, answer: form.data.answer, unitId: form.data.outcome === 'dispatch' ? Number(form.data.unit) : null,
      }, await uploadsOf(files))
      return reply.redirect(`/admin/letters/${created.caseId}?done=call`, 303)
    } catch (error) {
      if (error instanceof InvalidInputError) return callPage(request, reply, values, error.fields, 400)
      throw error
    }
  })

  // 差评整改 and 申诉复核: the unit rectifies or appeals, the 公开办 reviews; back to the case page.
  app.get('/admin/letters/zhenggai', { preHandler: staff }, async (request, reply) => {
    const actor = request.actor!
    const office = actor.roles.includes('disclosure_admin')
    if (!office && !isUnitStaff(actor)) await authorise(ctx(request), 'letters.manage')
    const rows = await listRectifications(deps.db, { regionId: actor.regionId, unitId: office ? undefined : actor.organisationId })
    const units = new Map((await listOrganisations(deps.db, actor.regionId)).map((o) => [o.id, o.shortName]))
    return page(request, reply, '差评整改', <RectificationsPage rows={rows} unitNames={units} showUnit={office} today={deps.clock.today()} />)
  })
  app.post('/admin/letters/zhenggai/:tid/:action', { preHandler: staff }, async (request, reply) => {
    const { tid, action } = request.params as { tid: string; action: string }
    const taskId = Number(tid)
    if (!Number.isSafeInteger(taskId) || taskId <= 0 || !['rectify', 'appeal', 'review'].includes(action)) throw new NotFoundError()
    const { task } = await rectificationForActor(ctx(request), taskId)
    const body = formBody(request.body)
    const values = Object.fromEntries(Object.entries(body).filter(([k, v]) => typeof v === 'string' && k !== '_csrf')) as Record<string, string>
    const again = (errors: FieldMessage[]) => {
      ;(request.params as { id: string }).id = String(task.caseId)
      return renderCase(request, reply, { values, errors, errorTask: task.id }, 400)
    }
    try {
      if (action === 'rectify') {
        const f = parse(RectifyForm, body); if (Array.isArray(f)) return again(f)
        await recordRectification(ctx(request), task.id, f)
      } else if (action === 'appeal') {
        const f = parse(AppealForm, body); if (Array.isArray(f)) return again(f)
        await appealRating(ctx(request), task.id, f.reason)
      } else {
        const f = parse(ReviewAppealForm, body); if (Array.isArray(f)) return again(f)
        await reviewAppeal(ctx(request), task.id, f.decision, f.reviewNote)
      }
    } catch (error) {
      if (error instanceof InvalidInputError) return again(error.fields)
      throw error
    }
    return reply.redirect(`/admin/letters/${task.caseId}?done=${action}#rectification`, 303)
  })

  // 办理时限与转办目录: the 公开办 edits what the rules read.
  const settingsPage = async (request: FastifyRequest, reply: FastifyReply, extra: Partial<SettingsModel> = {}, status = 200) => {
    await authorise(ctx(request), 'letters.manage')
    const units = (await unitOptions(request.actor!.regionId)).map((u) => ({ code: u.code, label: u.label }))
    const users = new Map((await listUsers(deps.db, {})).map((u) => [u.id, u.displayName]))
    const changes = (await listConfigChanges(deps.db)).map((c) => ({ ...c, userName: users.get(c.userId ?? -1) ?? '' }))
    const model: SettingsModel = {
      limits: await listLimitRows(deps.db), routing: await loadRoutingCatalogue(deps.db), settings: await loadLetterSettings(deps.db), changes, units,
      csrf: request.csrfToken(), done: DONE[String((request.query as Record<string, unknown>).done ?? '')], ...extra,
    }
    return page(request, reply, '办理时限与转办目录', <SettingsPage model={model} />, status)
  }
  app.get('/admin/letters/settings', { preHandler: staff }, async (request, reply) => settingsPage(request, reply))
  const settingsPost = (path: string, done: string, run: (request: FastifyRequest, body: Record<string, string | string[]>) => Promise<FieldMessage[] | void>) =>
    app.post(path, { preHandler: staff }, async (request, reply) => {
      await authorise(ctx(request), 'letters.manage')
      const body = formBody(request.body)
      const values = Object.fromEntries(Object.entries(body).filter(([k, v]) => typeof v === 'string' && k !== '_csrf')) as Record<string, string>
      const form = path.split('/')[4]!
      try {
        const errors = await run(request, body)
        if (errors) return settingsPage(request, reply, { errors, errorForm: form, values }, 400)
      } catch (error) {
        if (error instanceof InvalidInputError) return settingsPage(request, reply, { errors: error.fields, errorForm: form, values }, 400)
        throw error
      }
      return reply.redirect(`/admin/letters/settings?done=${done}`, 303)
    })
  settingsPost('/admin/letters/settings/limits', 'limits', async (request, body) => {
    const f = parse(LimitForm, body); if (Array.isArray(f)) return f
    await saveLimitRow(ctx(request), f)
  })
  settingsPost('/admin/letters/settings/limits/remove', 'limit_removed', async (request, body) => {
    const f = parse(LimitKeyForm, body); if (Array.isArray(f)) return f
    await removeLimitRow(ctx(request), f)
  })
  settingsPost('/admin/letters/settings/numbers', 'numbers', async (request, body) => {
    const f = parse(SettingsForm, body); if (Array.isArray(f)) return f
    await saveLetterSettings(ctx(request), f)
  })
  settingsPost('/admin/letters/settings/routing', 'routing', async (request, body) => {
    const f = parse(RoutingForm, body); if (Array.isArray(f)) return f
    const units = await unitOptions(request.actor!.regionId)
    if (!units.some((u) => u.code === f.unitCode)) return [{ field: 'unitCode', message: '请选择承办单位' }]
    await saveRoutingRow(ctx(request), f)
  })
  settingsPost('/admin/letters/settings/routing/remove', 'routing_removed', async (request, body) => {
    const f = parse(RoutingKeyForm, body); if (Array.isArray(f)) return f
    await removeRoutingRow(ctx(request), f.unitCode)
  })

  // 信件选登 moderation and the oversight statistics (separate files).
  await lettersPublicationRoutes(app, deps)
  await lettersStatisticsRoutes(app, deps)
}
