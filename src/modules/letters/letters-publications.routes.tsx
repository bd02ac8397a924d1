/** Back-office routes of 信件选登 moderation (公开办 only): the queue, a letter's review, the decision, withdrawal. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { InvalidInputError, NotFoundError, type FieldMessage } from '../../platform/http/errors.ts'
import { fieldErrors, formBody } from '../../platform/http/forms.ts'
import { authorise, contextOf, listOrganisations, requireStaff, StaffPage, type StaffDeps } from '../orgs/index.ts'
import { decidePublication, publicationCounts, publicationDraft, publicationQueue, withdrawPublication, PUBLICATION_STATE_LABELS, type PublicationState } from './letter-publications.ts'
import { CONTENT_MAX, SUBJECT_MAX } from './letters.forms.ts'
import { PublicationQueuePage, PublicationReviewPage } from './views/publication-pages.tsx'

export const PublicationForm = z.object({
  decision: z.enum(['approve', 'decline'], { message: '请选择选登或不选登' }),
  subject: z.string().trim().max(SUBJECT_MAX, `标题不能超过 ${SUBJECT_MAX} 个字`).default(''),
  content: z.string().trim().max(CONTENT_MAX, `来信不能超过 ${CONTENT_MAX} 个字`).default(''),
  reply: z.string().trim().max(CONTENT_MAX, `答复不能超过 ${CONTENT_MAX} 个字`).default(''),
  reason: z.string().trim().max(500, '理由不能超过 500 个字').default(''),
  confirmPrivacy: z.string().optional(),
})
export const WithdrawPublicationForm = z.object({ reason: z.string({ message: '请写明撤下的理由' }).trim().min(2, '请写明撤下的理由').max(500, '理由不能超过 500 个字') })

const DONE: Record<string, string> = { approved: '已选登，信件已在门户“信件选登”栏目公开。', declined: '已记录不选登及理由。', withdrawn: '已从门户撤下。' }
const PAGE_SIZE = 30

export async function lettersPublicationRoutes(app: FastifyInstance, deps: StaffDeps): Promise<void> {
  const staff = requireStaff(deps)
  const ctx = (request: FastifyRequest) => contextOf(deps, request)
  const page = (request: FastifyRequest, reply: FastifyReply, title: string, body: preact.ComponentChildren, status = 200) =>
    reply.page(<StaffPage deps={deps} request={request} title={title}>{body}</StaffPage>, status)
  const idOf = (request: FastifyRequest) => {
    const id = Number((request.params as { id: string }).id)
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError()
    return id
  }
  const unitNames = async (regionId: number) => new Map((await listOrganisations(deps.db, regionId)).map((o) => [o.id, o.shortName]))

  app.get('/admin/letters/xuandeng', { preHandler: staff }, async (request, reply) => {
    await authorise(ctx(request), 'letters.manage')
    const q = request.query as Record<string, unknown>
    const state = (typeof q.state === 'string' && Object.hasOwn(PUBLICATION_STATE_LABELS, q.state) ? q.state : 'pending') as PublicationState
    const pageNo = Math.max(1, Math.min(10_000, Number(q.page ?? 1) || 1))
    const regionId = request.actor!.regionId
    const { rows, total } = await publicationQueue(deps.db, regionId, state, PAGE_SIZE, (pageNo - 1) * PAGE_SIZE)
    return page(request, reply, '信件选登审核', <PublicationQueuePage state={state} counts={await publicationCounts(deps.db, regionId)} rows={rows} total={total} page={pageNo} pageSize={PAGE_SIZE}
      unitNames={await unitNames(regionId)} done={DONE[String(q.done ?? '')]} />)
  })

  async function review(request: FastifyRequest, reply: FastifyReply, extra: { values?: Record<string, string>; errors?: FieldMessage[] } = {}, status = 200) {
    const draft = await publicationDraft(ctx(request), idOf(request))
    const names = await unitNames(request.actor!.regionId)
    return page(request, reply, `选登审核 ${draft.c.caseNo}`, <PublicationReviewPage draft={draft} csrf={request.csrfToken()} unitName={draft.c.unitId ? names.get(draft.c.unitId) ?? null : null}
      done={DONE[String((request.query as Record<string, unknown>).done ?? '')]} {...extra} />, status)
  }

  app.get('/admin/letters/xuandeng/:id', { preHandler: staff }, async (request, reply) => review(request, reply))

  const valuesOf = (body: Record<string, string | string[]>) => Object.fromEntries(Object.entries(body).filter(([k, v]) => typeof v === 'string' && k !== '_csrf')) as Record<string, string>

  app.post('/admin/letters/xuandeng/:id', { preHandler: staff }, async (request, reply) => {
    const id = idOf(request)
    await publicationDraft(ctx(request), id) // not the 公开办, or not a consenting released letter: 404 before anything else
    const body = formBody(request.body)
    const values = valuesOf(body)
    const form = PublicationForm.safeParse(body)
    if (!form.success) return review(request, reply, { values, errors: fieldErrors(form.error) }, 400)
    try {
      const state = await decidePublication(ctx(request), id, {
        decision: form.data.decision, texts: { subject: form.data.subject, content: form.data.content, reply: form.data.reply }, reason: form.data.reason, confirmPrivacy: form.data.confirmPrivacy === 'yes',
      })
      return reply.redirect(`/admin/letters/xuandeng/${id}?done=${state}`, 303)
    } catch (error) {
      if (error instanceof InvalidInputError) return review(request, reply, { values, errors: error.fields }, 400)
      throw error
    }
  })

  app.post('/admin/letters/xuandeng/:id/withdraw', { preHandler: staff }, async (request, reply) => {
    const id = idOf(request)
    await publicationDraft(ctx(request), id)
    const body = formBody(request.body)
    const values = valuesOf(body)
    const form = WithdrawPublicationForm.safeParse(body)
    if (!form.success) return review(request, reply, { values, errors: fieldErrors(form.error) }, 400)
    try {
      await withdrawPublication(ctx(request), id, form.data.reason)
      return reply.redirect(`/admin/letters/xuandeng/${id}?done=withdrawn`, 303)
    } catch (error) {
      if (error instanceof InvalidInputError) return review(request, reply, { values, errors: error.fields }, 400)
      throw error
    }
  })
}
