/** Back-office routes of 主动公开: list, create, edit, and every workflow step. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ComponentChildren } from 'preact'
import { ConflictError, InvalidInputError, NotFoundError, type FieldMessage } from '../../platform/http/errors.ts'
import { fieldErrors, formBody } from '../../platform/http/forms.ts'
import { statutoryDate } from '../../platform/clock.ts'
import { addWorkingDays, currentCalendar, officialCalendar, type Calendar } from '../calendar/index.ts'
import { authorise, contextOf, findOrganisation, listOrganisations, listUsers, requireStaff, StaffPage, type Actor, type StaffDeps } from '../orgs/index.ts'
import { addAttachment, attachmentContent, attachmentsOf, removeAttachment } from './attachments.ts'
import { htmlToEditableText } from './body.ts'
import { channelsOf, recordChannel } from './channels.ts'
import { relationsOf } from './relations.ts'
import {
  approveEdition, approveRetrospectively, createItem, forcePublish, overridePrivacy, PrivacyGateError, publishEdition, rejectEdition, startNewEdition, submitEdition,
  updateDraft, withdrawItem, currentPrivacyReview,
} from './edition-workflow.ts'
import { editionForm, ReasonForm, ScheduleForm, WithdrawForm } from './publishing.forms.ts'
import { loadTopicVocabulary } from './manage-topics.ts'
import { editionsOf, eventsOf, findItem, listItems, workingEdition, type Edition } from './publishing.repository.ts'
import { availableActions } from './workflow.ts'
import { CatalogueList, EditionFormPage, ItemPage, type PublicationClock } from './views/admin-pages.tsx'
import { catalogueSettingsRoutes } from './settings.routes.tsx'

// 条例 第二十六条: 自该政府信息形成或者变更之日起20个工作日内及时公开.
const PUBLICATION_WORKING_DAYS = 20

const DONE: Record<string, string> = {
  created: '已保存为草稿。', saved: '已保存。', submitted: '已提交审核。', approved: '已审核通过，可以发布。', rejected: '已退回信息员修改。', published: '已发布，公众现在可以看到。',
  scheduled: '已安排定时发布。', 'force-published': '已直接发布，等待其他审核人补审。', reviewed: '补审已完成。', withdrawn: '已撤回，公开页面显示撤回说明。', 'new-edition': '已开始修订：修改后重新提交审核，发布后替代现行版本。',
  overridden: '已放行，理由已记录。',
  attached: '附件已上传。提交前会连同附件一起进行隐私审查。',
  'attachment-removed': '附件已删除。',
  channel: '发布渠道已登记。',
}

function isUnitStaff(actor: Actor) {
  return actor.roles.some((r) => r === 'unit_editor' || r === 'unit_reviewer' || r === 'unit_head')
}

function editionFormValues(e: Edition): Record<string, string> {
  return {
    title: e.title, docNo: e.docNo ?? '', issuingBody: e.issuingBody, writtenOn: e.writtenOn, section: e.section, topic: e.topic, genre: e.genre, summary: e.summary,
    body: htmlToEditableText(e.bodyHtml), disclosure: e.disclosure, disclosureBasis: e.disclosureBasis, validity: e.validity ?? '', effectiveOn: e.effectiveOn ?? '',
    expiresOn: e.expiresOn ?? '', changeKind: e.changeKind, changeNote: e.changeNote,
  }
}

export async function publishingRoutes(app: FastifyInstance, deps: StaffDeps): Promise<void> {
  const staff = requireStaff(deps)
  const ctx = (request: FastifyRequest) => contextOf(deps, request)
  const page = (request: FastifyRequest, reply: FastifyReply, title: string, body: ComponentChildren, status = 200) =>
    reply.page(<StaffPage deps={deps} request={request} title={title}>{body}</StaffPage>, status)
  const idOf = (request: FastifyRequest) => {
    const id = Number((request.params as { id: string }).id)
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError()
    return id
  }
  const doneOf = (request: FastifyRequest) => DONE[String((request.query as Record<string, unknown>).done ?? '')]

  const calendarInForce = async (): Promise<Calendar> => (await currentCalendar(deps.db))?.calendar ?? officialCalendar()

  function publicationClock(calendar: Calendar, edition: Edition, publishedAt: Date | null): PublicationClock {
    const due = addWorkingDays(edition.writtenOn, PUBLICATION_WORKING_DAYS, calendar)
    const reference = publishedAt ? statutoryDate(publishedAt) : deps.clock.today()
    return { dueOn: due.date, provisional: due.provisional, late: reference > due.date }
  }

  // Unit staff see their unit's items; the 公开办 sees every unit's (to supervise); others have no business here.
  async function canSee(request: FastifyRequest, organisationId?: number) {
    const actor = request.actor!
    if (actor.roles.includes('disclosure_admin')) return
    if (isUnitStaff(actor) && (organisationId === undefined || organisationId === actor.organisationId)) return
    await authorise(ctx(request), 'catalogue.view', organisationId === undefined ? undefined : { organisationId, type: 'catalogue_item', id: organisationId })
  }

  app.get('/admin/catalogue', { preHandler: staff }, async (request, reply) => {
    await canSee(request)
    const actor = request.actor!
    const pageNo = Math.max(1, Math.min(10_000, Number((request.query as Record<string, unknown>).page ?? 1) || 1))
    const pageSize = 30
    const regionWide = actor.roles.includes('disclosure_admin')
    const { rows, total } = await listItems(deps.db, { organisationId: regionWide ? undefined : actor.organisationId, limit: pageSize, offset: (pageNo - 1) * pageSize })
    const units = new Map((await listOrganisations(deps.db, actor.regionId)).map((o) => [o.id, o.shortName]))
    const clocks = new Map<number, PublicationClock>()
    const calendar = await calendarInForce()
    for (const r of rows) clocks.set(r.item.id, publicationClock(calendar, r.edition, r.item.firstPublishedAt))
    return page(request, reply, '主动公开', <CatalogueList rows={rows} total={total} page={pageNo} pageSize={pageSize} unitNames={units} clocks={clocks} showUnit={regionWide} canCreate={isUnitStaff(actor)} done={doneOf(request)} />)
  })

  app.get('/admin/catalogue/new', { preHandler: staff }, async (request, reply) => {
    if (!isUnitStaff(request.actor!)) await authorise(ctx(request), 'catalogue.edit')
    return page(request, reply, '新建公开信息', <EditionFormPage csrf={request.csrfToken()} action="/admin/catalogue/new" title="新建公开信息" values={{ disclosure: 'proactive', writtenOn: deps.clock.today() }} topics={await loadTopicVocabulary(deps.db)} />)
  })

  app.post('/admin/catalogue/new', { preHandler: staff }, async (request, reply) => {
    if (!isUnitStaff(request.actor!)) await authorise(ctx(request), 'catalogue.edit')
    const body = formBody(request.body)
    const values = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<string, string>
    const topics = await loadTopicVocabulary(deps.db)
    const render = (errors: FieldMessage[], status = 400) => page(request, reply, '新建公开信息', <EditionFormPage csrf={request.csrfToken()} action="/admin/catalogue/new" title="新建公开信息" values={values} errors={errors} topics={topics} />, status)
    const form = editionForm(topics).safeParse(body)
    if (!form.success) return render(fieldErrors(form.error))
    try {
      const id = await createItem(ctx(request), form.data as any)
      return reply.redirect(`/admin/catalogue/${id}?done=created`, 303)
    } catch (error) {
      if (error instanceof ConflictError) return render([{ field: 'docNo', message: error.message }], 409)
      if (error instanceof InvalidInputError) return render(error.fields)
      throw error
    }
  })

  async function renderItem(request: FastifyRequest, reply: FastifyReply, errors?: FieldMessage[], status = 200) {
    const itemId = idOf(request)
    const item = await findItem(deps.db, itemId)
    if (!item) throw new NotFoundError()
    await canSee(request, item.organisationId)
    const editions = await editionsOf(deps.db, item.id)
    const working = await workingEdition(deps.db, item.id)
    const live = editions.find((e) => e.id === item.liveEditionId)
    const edition = working ?? live ?? editions.at(-1)!
    const actor = request.actor!
    const actions = actor.organisationId === item.organisationId ? availableActions(actor, { ...edition, organisationId: item.organisationId }) : []
    const users = new Map((await listUsers(deps.db, { organisationId: item.organisationId })).map((u) => [u.id, u.displayName]))
    const unit = await findOrganisation(deps.db, item.organisationId)
    return page(request, reply, edition.title, (
      <ItemPage channels={await channelsOf(deps.db, item.id)} attachments={await attachmentsOf(deps.db, edition.id)} csrf={request.csrfToken()} item={item} unitName={unit?.name ?? ''} edition={edition} live={live} editions={editions} events={await eventsOf(deps.db, item.id)}
        review={await currentPrivacyReview(deps.db, edition)} actions={actions} clock={publicationClock(await calendarInForce(), edition, item.firstPublishedAt)} userNames={users}
        errors={errors} done={doneOf(request)} canOverride={actor.organisationId === item.organisationId && actor.roles.some((r) => r === 'unit_reviewer' || r === 'unit_head')} />
    ), status)
  }

  app.get('/admin/catalogue/:id', { preHandler: staff }, async (request, reply) => renderItem(request, reply))

  app.get('/admin/catalogue/:id/edit', { preHandler: staff }, async (request, reply) => {
    const item = await findItem(deps.db, idOf(request))
    if (!item || item.organisationId !== request.actor!.organisationId) throw new NotFoundError()
    const edition = await workingEdition(deps.db, item.id)
    if (!edition || !availableActions(request.actor!, { ...edition, organisationId: item.organisationId }).includes('edit')) return reply.redirect(`/admin/catalogue/${item.id}`, 303)
    const relations = await relationsOf(deps.db, edition.id)
    const values = { ...editionFormValues(edition), amends: relations.amends.join('\n'), repeals: relations.repeals.join('\n') }
    return page(request, reply, '修改公开信息', <EditionFormPage csrf={request.csrfToken()} action={`/admin/catalogue/${item.id}/edit`} title="修改公开信息" values={values} revision={edition.editionNo > 1} topics={await loadTopicVocabulary(deps.db)} />)
  })

  app.post('/admin/catalogue/:id/edit', { preHandler: staff }, async (request, reply) => {
    const id = idOf(request)
    const body = formBody(request.body)
    const values = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<string, string>
    const item = await findItem(deps.db, id)
    if (!item || item.organisationId !== request.actor!.organisationId) throw new NotFoundError()
    const working = await workingEdition(deps.db, id)
    const topics = await loadTopicVocabulary(deps.db)
    const render = (errors: FieldMessage[], status = 400) => page(request, reply, '修改公开信息', <EditionFormPage csrf={request.csrfToken()} action={`/admin/catalogue/${id}/edit`} title="修改公开信息" values={values} errors={errors} revision={(working?.editionNo ?? 1) > 1} topics={topics} />, status)
    const form = editionForm(topics).safeParse(body)
    if (!form.success) return render(fieldErrors(form.error))
    try {
      await updateDraft(ctx(request), id, form.data as any)
    } catch (error) {
      if (error instanceof ConflictError) return render([{ field: 'docNo', message: error.message }], 409)
      if (error instanceof InvalidInputError) return render(error.fields)
      throw error
    }
    return reply.redirect(`/admin/catalogue/${id}?done=saved`, 303)
  })

  // Several actions on one page ask for a reason: each form names its own field, so ids stay unique.
  async function renamed(field: string, run: () => Promise<void>): Promise<void> {
    try {
      await run()
    } catch (error) {
      if (error instanceof InvalidInputError) throw new InvalidInputError(error.fields.map((f) => (f.field === 'reason' ? { ...f, field } : f)))
      throw error
    }
  }

  // Workflow steps: each a POST; refusals and privacy findings come back on the item page.
  const steps: [string, (request: FastifyRequest) => Promise<string>][] = [
    ['submit', async (r) => { await submitEdition(ctx(r), idOf(r)); return 'submitted' }],
    ['approve', async (r) => { await approveEdition(ctx(r), idOf(r)); return 'approved' }],
    ['reject', async (r) => { await renamed('rejectReason', () => rejectEdition(ctx(r), idOf(r), String(formBody(r.body).rejectReason ?? ''))); return 'rejected' }],
    ['publish', async (r) => {
      const form = ScheduleForm.safeParse(formBody(r.body))
      if (!form.success) throw new InvalidInputError(fieldErrors(form.error))
      const at = form.data.publishAt ? new Date(`${form.data.publishAt.replace(' ', 'T')}:00+08:00`) : undefined
      return (await publishEdition(ctx(r), idOf(r), at)) === 'scheduled' ? 'scheduled' : 'published'
    }],
    ['force-publish', async (r) => { await renamed('forceReason', () => forcePublish(ctx(r), idOf(r), String(formBody(r.body).forceReason ?? ''))); return 'force-published' }],
    ['approve-retrospectively', async (r) => { await approveRetrospectively(ctx(r), idOf(r)); return 'reviewed' }],
    ['withdraw', async (r) => {
      const form = WithdrawForm.safeParse(formBody(r.body))
      if (!form.success) throw new InvalidInputError(fieldErrors(form.error))
      await withdrawItem(ctx(r), idOf(r), form.data.kind, form.data.explanation)
      return 'withdrawn'
    }],
    ['new-edition', async (r) => { await startNewEdition(ctx(r), idOf(r)); return 'new-edition' }],
    ['privacy-override', async (r) => { await overridePrivacy(ctx(r), idOf(r), ReasonForm.parse(formBody(r.body)).reason); return 'overridden' }],
  ]
  app.post('/admin/catalogue/:id/channels', { preHandler: staff }, async (request, reply) => {
    const body = formBody(request.body)
    try {
      await recordChannel(ctx(request), idOf(request), { channel: String(body.channel ?? ''), publishedOn: String(body.publishedOn ?? '').trim(), reference: String(body.reference ?? '') })
    } catch (error) {
      if (error instanceof InvalidInputError) return renderItem(request, reply, error.fields, 400)
      throw error
    }
    return reply.redirect(`/admin/catalogue/${idOf(request)}?done=channel`, 303)
  })

  // 附件: a multipart form with one file.
  app.post('/admin/catalogue/:id/attachments', { preHandler: staff }, async (request, reply) => {
    const body = request.body as Record<string, any> | undefined
    const file = body?.file
    try {
      if (!file || file.type !== 'file' || typeof file.toBuffer !== 'function' || !file.filename) throw new InvalidInputError([{ field: 'file', message: '请选择要上传的文件' }])
      await addAttachment(ctx(request), idOf(request), { fileName: String(file.filename), bytes: await file.toBuffer() })
    } catch (error) {
      if (error instanceof InvalidInputError) return renderItem(request, reply, error.fields, 400)
      throw error
    }
    return reply.redirect(`/admin/catalogue/${idOf(request)}?done=attached`, 303)
  })
  app.post('/admin/catalogue/:id/attachments/:attachmentId/remove', { preHandler: staff }, async (request, reply) => {
    const attachmentId = Number((request.params as { attachmentId: string }).attachmentId)
    if (!Number.isSafeInteger(attachmentId) || attachmentId <= 0) throw new NotFoundError()
    try {
      await removeAttachment(ctx(request), idOf(request), attachmentId)
    } catch (error) {
      if (error instanceof InvalidInputError) return renderItem(request, reply, error.fields, 400)
      throw error
    }
    return reply.redirect(`/admin/catalogue/${idOf(request)}?done=attachment-removed`, 303)
  })
  app.get('/admin/catalogue/:id/attachments/:attachmentId', { preHandler: staff }, async (request, reply) => {
    const item = await findItem(deps.db, idOf(request))
    if (!item) throw new NotFoundError()
    await canSee(request, item.organisationId)
    const attachmentId = Number((request.params as { attachmentId: string }).attachmentId)
    const editions = await editionsOf(deps.db, item.id)
    for (const e of editions.reverse()) {
      const file = Number.isSafeInteger(attachmentId) ? await attachmentContent(deps.db, e.id, attachmentId) : undefined
      if (file) return sendFile(reply, file)
    }
    throw new NotFoundError()
  })

  // 主题分类, 敏感词表 and 索引号规则.
  await catalogueSettingsRoutes(app, deps)

  for (const [path, run] of steps) {
    app.post(`/admin/catalogue/:id/${path}`, { preHandler: staff }, async (request, reply) => {
      try {
        const done = await run(request)
        return reply.redirect(`/admin/catalogue/${idOf(request)}?done=${done}`, 303)
      } catch (error) {
        if (error instanceof InvalidInputError) return renderItem(request, reply, error.fields, 400)
        if (error instanceof PrivacyGateError) return renderItem(request, reply, [{ field: '', message: error.message }], 400)
        throw error
      }
    })
  }
}

/** Sends an attachment as a download with its sniffed type; the name is encoded for any browser (RFC 6266). */
export function sendFile(reply: FastifyReply, file: { fileName: string; mediaType: string; content: Buffer }) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return reply
    .type(file.mediaType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'private, no-cache')
    .send(file.content)
}
