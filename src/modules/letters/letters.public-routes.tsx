/** Public routes of the 区长信箱: write, receipt, follow-up, rating and "没有解决". No account; no JavaScript needed. */
import { randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { InvalidInputError, NotFoundError, TooManyRequestsError, type FieldMessage } from '../../platform/http/errors.ts'
import { fieldErrors } from '../../platform/http/forms.ts'
import { currentRegion, findOrganisation, listOrganisations, type UseCaseContext } from '../orgs/index.ts'
import type { StaffDeps } from '../orgs/index.ts'
import { normaliseQueryCode } from './contact.ts'
import { FollowUpForm, LetterForm, RatingForm, ReopenForm } from './letters.forms.ts'
import { conversionOf } from './convert-letter.ts'
import { caseForWriter, followUpBlock, handledCaseOf, publicHistory, rateReply, reopenByWriter } from './public-follow-up.ts'
import { letterAttachmentContent, releasedReplyAttachments } from './letter-attachments.ts'
import { sendFile } from '../publishing/index.ts'
import { submitLetter } from './submit-letter.ts'
import { loadLimitTable } from './letter-config.ts'
import { replyLimit } from './rules/index.ts'
import { ATTACHMENT_ROUTE_CONFIG, formWithFiles, uploadsOf } from './letters.multipart.ts'
import type { Satisfaction } from './rules/index.ts'
import { FollowUpLookup, FollowUpPage, MailboxHome, ReceiptPage, WriteLetterPage } from './views/public-pages.tsx'
import { PublishedLettersPage, StatisticsPage, UnitStatisticsPage } from './views/statistics-page.tsx'
import { publishedLetters } from './published-letters.ts'
import { letterStatistics, type StatisticsRow } from './letter-statistics.ts'

export interface LettersPublicDeps extends Omit<StaffDeps, 'nav' | 'https'> {
  /** Secret for the flood-protection hash of sender addresses. */
  sourceSecret: string
}

/** Wrong query code / phone pairs per address before lookups pause, and for how long (guessing the last four digits). */
export const LOOKUP_FAILURES = { max: 10, windowMs: 15 * 60_000 } as const
const LOOKUP_PAUSED = '查询码或电话号码后四位输错次数过多，请15分钟后再试。如需帮助，请拨打区长公开电话。'

export async function lettersPublicRoutes(app: FastifyInstance, deps: LettersPublicDeps): Promise<void> {
  // Per process and in memory: with several processes the limit is per process, which still stops guessing.
  const failures = new Map<string, number[]>()
  const recentFailures = (ip: string) => {
    const since = deps.clock.now().getTime() - LOOKUP_FAILURES.windowMs
    const list = (failures.get(ip) ?? []).filter((t) => t > since)
    if (list.length) failures.set(ip, list)
    else failures.delete(ip)
    return list
  }
  const noteFailure = (ip: string) => {
    if (failures.size > 10_000) failures.clear()
    failures.set(ip, [...recentFailures(ip), deps.clock.now().getTime()])
  }
  const ctx = (request: FastifyRequest): UseCaseContext => ({ db: deps.db, clock: deps.clock, cipher: deps.cipher, security: deps.security, actor: null, ip: request.ip })

  async function units() {
    const region = await currentRegion(deps.db)
    if (!region) return { regionId: 0, options: [] }
    const list = await listOrganisations(deps.db, region.id, { on: deps.clock.today() })
    return { regionId: region.id, options: list.filter((o) => o.kind === 'department' || o.kind === 'subdistrict' || o.kind === 'town').map((o) => ({ value: String(o.id), label: o.shortName })) }
  }

  // The reply limits as the writer reads them, from the 办理时限 table the 公开办 keeps (letter-config.ts).
  async function limitsText() {
    const table = await loadLimitTable(deps.db)
    const usual = replyLimit('district_mailbox', 'complaint', table).workingDays
    const consultation = replyLimit('district_mailbox', 'consultation', table).workingDays
    return `一般在${usual}个工作日内答复${consultation !== usual ? `（咨询类${consultation}个工作日）` : ''}`
  }

  app.get('/hudong/qzxx', { config: { publicCache: true } }, async (request, reply) => reply.page(<MailboxHome shell={request.shell} contact={request.shell.site.contact} limits={await limitsText()} />))

  const writePage = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors?: FieldMessage[], status = 200) => {
    const { options } = await units()
    const key = /^[A-Za-z0-9_-]{16,64}$/.test(values.idempotencyKey ?? '') ? values.idempotencyKey! : randomBytes(18).toString('base64url')
    return reply.page(<WriteLetterPage shell={request.shell} model={{ csrf: request.csrfToken(), idempotencyKey: key, units: options, values, errors }} />, status)
  }

  app.get('/hudong/qzxx/xiexin', async (request, reply) => {
    const unit = String((request.query as Record<string, unknown>).unit ?? '')
    return writePage(request, reply, { unit: /^\d{1,9}$/.test(unit) ? unit : '', publishConsent: 'no' })
  })

  app.post('/hudong/qzxx/xiexin', { config: ATTACHMENT_ROUTE_CONFIG }, async (request, reply) => {
    const { fields, files, truncated } = formWithFiles(request.body)
    const values = { ...fields }
    delete values._csrf
    if (truncated.length) return writePage(request, reply, values, truncated.map((f) => ({ field: f, message: f === 'content' ? '信件内容太长，请精简，或把详细材料作为附件上传' : '填写的内容太长，请精简' })), 400)
    const form = LetterForm.safeParse(fields)
    if (!form.success) return writePage(request, reply, values, fieldErrors(form.error), 400)
    const { regionId } = await units()
    try {
      const sent = await submitLetter(ctx(request), regionId, form.data, await uploadsOf(files), deps.sourceSecret)
      const c = form.data.unit ? 'department_mailbox' : 'district_mailbox'
      return reply.page(<ReceiptPage shell={request.shell} caseNo={sent.caseNo} queryCode={sent.queryCode} repeated={sent.repeated} channel={c} limits={await limitsText()} />, sent.repeated ? 200 : 201)
    } catch (error) {
      if (error instanceof InvalidInputError) return writePage(request, reply, values, error.fields, 400)
      if (error instanceof TooManyRequestsError) return writePage(request, reply, values, [{ field: '', message: error.message }], 429)
      throw error
    }
  })

  // 信件办理情况: one month per page, the last twelve to choose from.
  app.get('/hudong/qzxx/tongji', { config: { publicCache: true } }, async (request, reply) => {
    const today = deps.clock.today()
    const months: string[] = []
    for (let i = 0; i < 12; i++) {
      const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - i, 1))
      months.push(d.toISOString().slice(0, 7))
    }
    const asked = String((request.query as Record<string, unknown>).month ?? '')
    const month = months.includes(asked) ? asked : months[0]!
    const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10)
    const region = await currentRegion(deps.db)
    const query = { regionId: region?.id ?? 0, from: `${month}-01`, to: last < today ? last : today }
    const byChannel = await letterStatistics(deps.db, { ...query, groupBy: 'channel' })
    const byUnit = await letterStatistics(deps.db, { ...query, groupBy: 'unit' })
    const units = region ? await listOrganisations(deps.db, region.id) : []
    const order = new Map(units.map((u, i) => [u.id, i]))
    byUnit.splice(1, byUnit.length - 1, ...byUnit.slice(1).sort((a, b) => (order.get(a.unitId as number) ?? 1e9) - (order.get(b.unitId as number) ?? 1e9)))
    return reply.page(<StatisticsPage shell={request.shell} month={month} months={months} byChannel={byChannel} byUnit={byUnit} unitNames={new Map(units.map((u) => [u.id, u.shortName]))} />)
  })

  // One unit's last twelve months; a unit of another region, or none, is not found.
  app.get('/hudong/qzxx/tongji/danwei/:unitId', { config: { publicCache: true } }, async (request, reply) => {
    const region = await currentRegion(deps.db)
    const id = Number((request.params as { unitId: string }).unitId)
    const unit = region && Number.isSafeInteger(id) && id > 0 ? await findOrganisation(deps.db, id) : undefined
    if (!region || !unit || unit.regionId !== region.id || unit.kind === 'region') throw new NotFoundError()
    const today = deps.clock.today()
    const months: { month: string; row: StatisticsRow }[] = []
    for (let i = 0; i < 12; i++) {
      const first = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - i, 1))
      const month = first.toISOString().slice(0, 7)
      const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).toISOString().slice(0, 10)
      // Sequential: PGlite has one connection (DESIGN.md §2).
      const [row] = await letterStatistics(deps.db, { regionId: region.id, from: `${month}-01`, to: last < today ? last : today, unitId: unit.id, groupBy: 'unit' })
      months.push({ month, row: row! })
    }
    return reply.page(<UnitStatisticsPage shell={request.shell} unitName={unit.shortName} months={months} />)
  })

  app.get('/hudong/qzxx/xuandeng', { config: { publicCache: true } }, async (request, reply) => {
    const region = await currentRegion(deps.db)
    const letters = region ? await publishedLetters(deps.db, region.id) : []
    const units = region ? await listOrganisations(deps.db, region.id) : []
    return reply.page(<PublishedLettersPage shell={request.shell} letters={letters} unitNames={new Map(units.map((u) => [u.id, u.shortName]))} />)
  })

  app.get('/hudong/qzxx/chaxun', async (request, reply) => reply.page(<FollowUpLookup shell={request.shell} csrf={request.csrfToken()} />))

  async function showCase(request: FastifyRequest, reply: FastifyReply, code: string, last4: string, opts: { done?: string; errors?: FieldMessage[]; status?: number } = {}) {
    const c = await caseForWriter(ctx(request), code, last4)
    // A merged letter (并单) follows the main case: its reply, its unit, its attachments.
    const handled = await handledCaseOf(deps.db, c)
    const unit = handled.unitId ? await findOrganisation(deps.db, handled.unitId) : undefined
    const history = await publicHistory(ctx(request), c.id)
    const conversion = await conversionOf(deps.db, c.id)
    const today = deps.clock.today()
    const released = handled.state === 'released' || handled.state === 'closed'
    const follow = {
      handled, rateBlock: released ? await followUpBlock(deps.db, handled, 'rate', today) : null,
      reopenBlock: !released ? null : c.state === 'merged' ? '您的来信与同一事项的来信合并办理，可以对答复进行评价；如有新的问题，请重新来信。' : await followUpBlock(deps.db, c, 'reopen', today),
      replyFiles: released ? await releasedReplyAttachments(deps.db, handled.id) : [],
    }
    return reply.page(<FollowUpPage shell={request.shell} model={{ c, conversion, unitName: unit?.shortName ?? null, history, csrf: request.csrfToken(), code: normaliseQueryCode(code) ?? code, phoneLast4: last4, ...follow, ...opts }} />, opts.status ?? 200)
  }

  const lookupFailed = (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FieldMessage[]) => {
    if (errors.some((e) => e.field === 'code')) noteFailure(request.ip)
    return reply.page(<FollowUpLookup shell={request.shell} csrf={request.csrfToken()} values={values} errors={errors} />, 400)
  }
  // Every route that takes a query code checks the pause first.
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || !['/hudong/qzxx/chaxun', '/hudong/qzxx/pingjia', '/hudong/qzxx/weijiejue', '/hudong/qzxx/fujian'].includes(request.url.split('?')[0]!)) return
    if (recentFailures(request.ip).length >= LOOKUP_FAILURES.max) {
      return reply.page(<FollowUpLookup shell={request.shell} csrf={request.csrfToken()} errors={[{ field: '', message: LOOKUP_PAUSED }]} />, 429)
    }
  })

  app.post('/hudong/qzxx/chaxun', async (request, reply) => {
    const body = request.body as Record<string, string>
    const form = FollowUpForm.safeParse(body)
    const values = { code: String(body?.code ?? ''), phoneLast4: '' }
    if (!form.success) return lookupFailed(request, reply, values, fieldErrors(form.error))
    try {
      return await showCase(request, reply, form.data.code, form.data.phoneLast4)
    } catch (error) {
      if (error instanceof InvalidInputError) return lookupFailed(request, reply, values, error.fields)
      throw error
    }
  })

  // Rating and "没有解决" carry the query code and second factor in hidden fields (never in the URL).
  app.post('/hudong/qzxx/pingjia', async (request, reply) => {
    const body = request.body as Record<string, string>
    const auth = FollowUpForm.safeParse(body)
    if (!auth.success) return lookupFailed(request, reply, { code: '' }, fieldErrors(auth.error))
    const form = RatingForm.safeParse(body)
    try {
      if (!form.success) return await showCase(request, reply, auth.data.code, auth.data.phoneLast4, { errors: fieldErrors(form.error), status: 400 })
      await rateReply(ctx(request), form.data.code, form.data.phoneLast4, form.data.satisfaction as Satisfaction, form.data.comment)
      return await showCase(request, reply, form.data.code, form.data.phoneLast4, { done: '感谢您的评价。' })
    } catch (error) {
      if (error instanceof InvalidInputError) {
        if (error.fields.some((f) => f.field === 'code')) return lookupFailed(request, reply, { code: '' }, error.fields)
        return showCase(request, reply, auth.data.code, auth.data.phoneLast4, { errors: error.fields, status: 400 })
      }
      throw error
    }
  })

  app.post('/hudong/qzxx/weijiejue', async (request, reply) => {
    const body = request.body as Record<string, string>
    const auth = FollowUpForm.safeParse(body)
    if (!auth.success) return lookupFailed(request, reply, { code: '' }, fieldErrors(auth.error))
    const form = ReopenForm.safeParse(body)
    try {
      if (!form.success) return await showCase(request, reply, auth.data.code, auth.data.phoneLast4, { errors: fieldErrors(form.error), status: 400 })
      await reopenByWriter(ctx(request), form.data.code, form.data.phoneLast4, form.data.reason)
      return await showCase(request, reply, form.data.code, form.data.phoneLast4, { done: '已收到您的反馈，信件已退回承办单位重新办理。' })
    } catch (error) {
      if (error instanceof InvalidInputError) {
        if (error.fields.some((f) => f.field === 'code')) return lookupFailed(request, reply, { code: '' }, error.fields)
        return showCase(request, reply, auth.data.code, auth.data.phoneLast4, { errors: error.fields, status: 400 })
      }
      throw error
    }
  })

  // 答复附件: the writer downloads an attachment of the released reply (POST: the query code never goes into a URL).
  app.post('/hudong/qzxx/fujian', async (request, reply) => {
    const body = request.body as Record<string, string>
    const auth = FollowUpForm.safeParse(body)
    if (!auth.success) return lookupFailed(request, reply, { code: '' }, fieldErrors(auth.error))
    try {
      const c = await caseForWriter(ctx(request), auth.data.code, auth.data.phoneLast4)
      const handled = await handledCaseOf(deps.db, c)
      const id = Number(body?.attachment)
      const released = handled.state === 'released' || handled.state === 'closed'
      const allowed = released && Number.isSafeInteger(id) && (await releasedReplyAttachments(deps.db, handled.id)).some((a) => a.id === id)
      const file = allowed ? await letterAttachmentContent(deps.db, handled.id, id) : undefined
      if (!file) return await showCase(request, reply, auth.data.code, auth.data.phoneLast4, { errors: [{ field: '', message: '没有找到这个附件，请刷新页面后重试' }], status: 404 })
      return sendFile(reply, file)
    } catch (error) {
      if (error instanceof InvalidInputError) return lookupFailed(request, reply, { code: '' }, error.fields)
      throw error
    }
  })
}
