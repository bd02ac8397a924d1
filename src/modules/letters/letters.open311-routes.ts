/**
 * Open311 GeoReport v2-compatible endpoints (anchors-portal.md §0.7): the service list (our 诉求类别), creating a
 * request (a letter to the 区长信箱) and a request's status, with Gongkai's richer status in `gongkai_status`.
 * JSON only. Requests are private by default here (unlike Open311's public model): the status answer carries no
 * content or personal data. Described in the OpenAPI document (/api/v1/openapi.json).
 */
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { InvalidInputError, TooManyRequestsError } from '../../platform/http/errors.ts'
import { fieldErrors } from '../../platform/http/forms.ts'
import { currentRegion, findOrganisation, type UseCaseContext } from '../orgs/index.ts'
import { LetterForm } from './letters.forms.ts'
import type { LettersPublicDeps } from './letters.public-routes.tsx'
import { CATEGORIES, CATEGORY_KEYS, CHANNELS, HANDLED_STATES, PUBLIC_STATE_LABELS } from './rules/index.ts'
import { submitLetter } from './submit-letter.ts'

const errors = (code: number, items: { field: string; message: string }[]) => items.map((i) => ({ code, description: i.field ? `${i.field}: ${i.message}` : i.message }))

export async function lettersOpen311Routes(app: FastifyInstance, deps: LettersPublicDeps): Promise<void> {
  app.get('/open311/v2/services.json', async () => CATEGORY_KEYS.map((k) => ({
    service_code: k, service_name: CATEGORIES[k].label, description: CATEGORIES[k].hint, metadata: false, type: 'realtime', keywords: '', group: '区长信箱',
  })))

  // Machine clients post without a browser session, so no CSRF cookie; flood protection and idempotency still apply.
  app.post('/open311/v2/requests.json', { config: { csrf: false } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '')
    const description = str('description')
    const key = String(request.headers['idempotency-key'] ?? '')
    const form = LetterForm.safeParse({
      unit: '', category: str('service_code'), subject: str('subject') || description.trim().slice(0, 30), content: description,
      name: `${str('last_name')}${str('first_name')}`, phone: str('phone'), publishConsent: str('publish_consent') === 'true' ? 'yes' : 'no',
      idempotencyKey: /^[A-Za-z0-9_-]{16,64}$/.test(key) ? key : randomBytes(18).toString('base64url'),
    })
    if (!form.success) return reply.code(400).send(errors(400, fieldErrors(form.error).map((f) => ({ field: f.field === 'category' ? 'service_code' : f.field === 'content' ? 'description' : f.field, message: f.message }))))
    const region = await currentRegion(deps.db)
    const ctx: UseCaseContext = { db: deps.db, clock: deps.clock, cipher: deps.cipher, security: deps.security, actor: null, ip: request.ip }
    try {
      const sent = await submitLetter(ctx, region?.id ?? 0, form.data, null, deps.sourceSecret)
      return reply.code(sent.repeated ? 200 : 201).send([{ service_request_id: sent.caseNo, token: sent.queryCode, service_notice: '已收到。请保存 token（查询码），查询办理结果时还需电话号码后四位。' }])
    } catch (error) {
      if (error instanceof InvalidInputError) return reply.code(400).send(errors(400, error.fields))
      if (error instanceof TooManyRequestsError) return reply.code(429).send(errors(429, [{ field: '', message: error.message }]))
      throw error
    }
  })

  app.get('/open311/v2/requests/:id', async (request, reply) => {
    const raw = (request.params as { id: string }).id
    const caseNo = raw.replace(/\.json$/, '')
    if (!/^\d{10}$/.test(caseNo)) return reply.code(404).send(errors(404, [{ field: '', message: '没有这个诉求编号' }]))
    const row = await deps.db.selectFrom('letter_cases').select(['case_no', 'state', 'channel', 'category', 'unit_id', 'received_at', 'released_at', 'closed_at', 'replied_at']).where('case_no', '=', caseNo).executeTakeFirst()
    if (!row) return reply.code(404).send(errors(404, [{ field: '', message: '没有这个诉求编号' }]))
    const last = await deps.db.selectFrom('letter_events').select('recorded_at').where('case_id', '=', deps.db.selectFrom('letter_cases').select('id').where('case_no', '=', caseNo)).orderBy('id', 'desc').limit(1).executeTakeFirst()
    const unit = row.unit_id ? await findOrganisation(deps.db, row.unit_id) : undefined
    const state = row.state as keyof typeof PUBLIC_STATE_LABELS
    return [{
      service_request_id: row.case_no, status: HANDLED_STATES.includes(state) || state === 'merged' ? 'closed' : 'open', gongkai_status: state, status_notes: PUBLIC_STATE_LABELS[state],
      service_code: row.category, service_name: CATEGORIES[row.category as keyof typeof CATEGORIES]?.label ?? row.category, channel: CHANNELS[row.channel as keyof typeof CHANNELS]?.label ?? row.channel,
      agency_responsible: unit?.shortName ?? '', requested_datetime: row.received_at.toISOString(), updated_datetime: (last?.recorded_at ?? row.received_at).toISOString(),
    }]
  })
}
