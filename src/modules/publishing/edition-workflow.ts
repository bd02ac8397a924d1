/**
 * 主动公开 use cases: a catalogue item moves draft → submitted → (rejected | approved) → published
 * (or scheduled), may be force-published by a 单位负责人 and reviewed afterwards, revised into a new
 * edition that supersedes the old, or withdrawn with a public explanation. Every step writes a
 * catalogue event and an audit row in the same transaction; the privacy gate stands before submission
 * and before publication.
 */
import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { Executor, Trx } from '../../database.ts'
import { ConflictError, InvalidInputError, NotFoundError } from '../../platform/http/errors.ts'
import { appendAudit, findOrganisation, requireActor, type UseCaseContext } from '../orgs/index.ts'
import { indexTokens, normaliseDocNo, toTsvectorText } from '../search/index.ts'
import { attachmentBytes, copyAttachments } from './attachments.ts'
import { copyRelations, resolveIndexNos, setRelations } from './relations.ts'
import { bodyToHtml, htmlText } from './body.ts'
import { issueIndexNo } from './index-pattern.ts'
import { scanDocument } from './privacy/index.ts'
import { sensitiveWordsInForce } from './manage-sensitive-words.ts'
import { findEdition, findItem, itemWithDocNo, latestPrivacyReview, lockItem, toEdition, workingEdition, type CatalogueItem, type Edition, type PrivacyReview } from './publishing.repository.ts'
import { loadTopicVocabulary } from './manage-topics.ts'
import { isKnownTopic } from './topics.ts'
import { WITHDRAWAL_KINDS, workflowRefusal, type WithdrawalKind, type WorkflowAction } from './workflow.ts'

export interface EditionInput {
  title: string
  issuingBody: string
  docNo: string
  writtenOn: string
  topic: string
  genre: string
  section: string
  summary: string
  body: string
  disclosure: 'proactive' | 'on_request' | 'not_disclosed'
  disclosureBasis: string
  validity: '' | 'in_force' | 'expired' | 'repealed'
  effectiveOn: string
  expiresOn: string
  changeKind?: 'major' | 'minor'
  changeNote?: string
  /** 索引号 of the items this document amends / repeals, one per line. */
  amends?: string
  repeals?: string
}

/** Publication is refused while the privacy gate has unresolved findings. */
export class PrivacyGateError extends Error {
  constructor(readonly review: PrivacyReview) {
    super(`隐私审查发现 ${review.findings.length} 处问题，修改后重新提交，或由审核人说明理由后放行`)
  }
}

function refuse(actionRefusal: string | null): void {
  if (actionRefusal) throw new InvalidInputError([{ field: '', message: actionRefusal }])
}

function editionValues(input: EditionInput) {
  const docNo = input.docNo.trim() ? normaliseDocNo(input.docNo)?.normalised ?? input.docNo.trim().replace(/\s+/g, '') : null
  return {
    title: input.title, issuing_body: input.issuingBody, doc_no: docNo, written_on: input.writtenOn, topic: input.topic, genre: input.genre, section: input.section,
    summary: input.summary, body_html: bodyToHtml(input.body), disclosure: input.disclosure, disclosure_basis: input.disclosure === 'proactive' ? '' : input.disclosureBasis,
    validity: input.validity || null, effective_on: input.effectiveOn || null, expires_on: input.expiresOn || null,
    change_kind: input.changeKind ?? 'major', change_note: input.changeNote ?? '',
  }
}

async function record(trx: Trx, ctx: UseCaseContext, item: { id: number; organisationId: number }, editionId: number, type: string, reason = '', details: Record<string, unknown> = {}) {
  const actor = requireActor(ctx)
  const at = ctx.clock.now()
  await trx.insertInto('catalogue_events').values({ item_id: item.id, edition_id: editionId, type, actor_user_id: actor.userId, recorded_at: at, reason, details: JSON.stringify(details) }).execute()
  await appendAudit(trx, { actorUserId: actor.userId, actorUsername: actor.username, organisationId: item.organisationId, action: `catalogue.${type}`, outcome: 'success', targetType: 'catalogue_item', targetId: item.id, ip: ctx.ip, details: { editionId, ...details } }, at)
}

/** 主题分类 must be a class in force (the form checks it too; this guards every other caller). */
async function checkTopic(ctx: UseCaseContext, topic: string) {
  if (!isKnownTopic(await loadTopicVocabulary(ctx.db), topic)) throw new InvalidInputError([{ field: 'topic', message: '请选择主题分类' }])
}

async function checkDocNo(ctx: UseCaseContext, organisationId: number, docNo: string | null, exceptItemId?: number) {
  if (!docNo) return
  const other = await itemWithDocNo(ctx.db, organisationId, docNo, exceptItemId)
  if (other) throw new ConflictError(`文号“${docNo}”在本单位已被《${other.title}》使用（/admin/catalogue/${other.itemId}）`)
}

/** 新建: an editor of a unit starts a catalogue item for that unit; the 索引号 is taken now and never reused. */
export async function createItem(ctx: UseCaseContext, input: EditionInput): Promise<number> {
  const actor = requireActor(ctx)
  if (!actor.roles.some((r) => r === 'unit_editor' || r === 'unit_reviewer' || r === 'unit_head')) throw new InvalidInputError([{ field: '', message: '只有单位信息员、审核人或负责人可以新建公开信息' }])
  const organisation = await findOrganisation(ctx.db, actor.organisationId)
  if (!organisation) throw new NotFoundError()
  const values = editionValues(input)
  await checkTopic(ctx, values.topic)
  await checkDocNo(ctx, organisation.id, values.doc_no)
  const relations = [
    { relation: 'amends' as const, itemIds: await resolveIndexNos(ctx.db, input.amends ?? '', 'amends') },
    { relation: 'repeals' as const, itemIds: await resolveIndexNos(ctx.db, input.repeals ?? '', 'repeals') },
  ]
  return ctx.db.transaction().execute(async (trx) => {
    const indexNo = await issueIndexNo(trx, organisation, input.writtenOn)
    const item = await trx.insertInto('catalogue_items').values({ organisation_id: organisation.id, index_no: indexNo, created_by_user_id: actor.userId }).returning('id').executeTakeFirstOrThrow()
    const edition = await trx.insertInto('catalogue_editions').values({ ...values, item_id: item.id, edition_no: 1, state: 'draft', created_by_user_id: actor.userId, created_at: ctx.clock.now(), updated_at: ctx.clock.now() }).returning('id').executeTakeFirstOrThrow()
    await setRelations(trx, edition.id, relations)
    await record(trx, ctx, { id: item.id, organisationId: organisation.id }, edition.id, 'created', '', { indexNo })
    return item.id
  })
}

/** The item and its working edition, after checking that the actor may take `action` on it. */
async function load(ctx: UseCaseContext, itemId: number, action: WorkflowAction): Promise<{ item: CatalogueItem; edition: Edition }> {
  const actor = requireActor(ctx)
  const item = await findItem(ctx.db, itemId)
  // Another unit's item is "not found": the caller must not learn it exists.
  if (!item || (item.organisationId !== actor.organisationId)) throw new NotFoundError()
  const edition = ['approve_retrospectively', 'withdraw', 'new_edition'].includes(action)
    ? (item.liveEditionId ? await findEdition(ctx.db, item.liveEditionId) : undefined)
    : await workingEdition(ctx.db, item.id)
  if (!edition) throw new InvalidInputError([{ field: '', message: action === 'new_edition' || action === 'withdraw' ? '这条信息还没有发布' : '这条信息没有正在处理的版本' }])
  refuse(workflowRefusal(actor, action, { ...edition, organisationId: item.organisationId }))
  return { item, edition }
}

export async function updateDraft(ctx: UseCaseContext, itemId: number, input: EditionInput): Promise<void> {
  const { item, edition } = await load(ctx, itemId, 'edit')
  const values = editionValues(input)
  await checkTopic(ctx, values.topic)
  await checkDocNo(ctx, item.organisationId, values.doc_no, item.id)
  const relations = [
    { relation: 'amends' as const, itemIds: await resolveIndexNos(ctx.db, input.amends ?? '', 'amends', item.id) },
    { relation: 'repeals' as const, itemIds: await resolveIndexNos(ctx.db, input.repeals ?? '', 'repeals', item.id) },
  ]
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('catalogue_editions').set({ ...values, updated_at: ctx.clock.now() }).where('id', '=', edition.id).execute()
    await setRelations(trx, edition.id, relations)
    await record(trx, ctx, item, edition.id, 'edited')
  })
}

// The 敏感词 list in force is part of what was reviewed: after the 公开办 changes it, content is scanned again.
function contentHash(e: Pick<Edition, 'title' | 'summary' | 'bodyHtml'>, attachmentHashes: string[], sensitiveWords: string[]): string {
  return createHash('sha256').update(JSON.stringify([e.title, e.summary, e.bodyHtml, attachmentHashes, sensitiveWords])).digest('hex')
}

/**
 * 保密审查/隐私审查: scans the edition (title, summary, body and every attachment) against the installation's 敏感词
 * list (manage-sensitive-words.ts) and records the result.
 * A review of the same content that was overridden with a reason stays valid; new content, or a changed 敏感词
 * list, is scanned again. An attachment that cannot be read is a finding too: nobody may assume it is clean.
 */
export async function reviewPrivacy(ctx: UseCaseContext, trx: Trx, edition: Edition): Promise<PrivacyReview> {
  const attachments = await attachmentBytes(trx, edition.id)
  const sensitiveWords = await sensitiveWordsInForce(trx)
  const hash = contentHash(edition, attachments.map((a) => a.sha256), sensitiveWords)
  const previous = await latestPrivacyReview(trx, edition.id)
  if (previous && previous.contentHash === hash) return previous
  const scan = await scanDocument({ title: edition.title, summary: edition.summary, bodyHtml: edition.bodyHtml, attachments }, { sensitiveWords, today: ctx.clock.today() })
  const findings = [
    ...scan.findings.map((f) => ({ kind: f.kind, masked: f.masked, where: f.where, message: f.message, context: f.context })),
    ...scan.unscanned.map((u) => ({ kind: 'unscanned', masked: '', where: `附件《${u.name}》`, message: `${u.message}：无法自动审查，请人工核对后放行`, context: '' })),
  ]
  const row = await trx.insertInto('privacy_reviews').values({ edition_id: edition.id, content_hash: hash, findings: JSON.stringify(findings), scanned_at: ctx.clock.now() }).returning('id').executeTakeFirstOrThrow()
  return { id: row.id, editionId: edition.id, contentHash: hash, findings, scannedAt: ctx.clock.now(), overriddenByUserId: null, overrideReason: null }
}

/** The latest privacy review if it still describes the current content (title, summary, body, attachments). */
export async function currentPrivacyReview(db: Executor, edition: Edition): Promise<PrivacyReview | undefined> {
  const review = await latestPrivacyReview(db, edition.id)
  if (!review) return undefined
  const attachments = await attachmentBytes(db, edition.id)
  return review.contentHash === contentHash(edition, attachments.map((a) => a.sha256), await sensitiveWordsInForce(db)) ? review : undefined
}

function gateOpen(review: PrivacyReview): boolean {
  return review.findings.length === 0 || review.overriddenByUserId !== null
}

/** 提交审核: the privacy gate runs first; findings block submission until fixed or overridden. */
export async function submitEdition(ctx: UseCaseContext, itemId: number): Promise<void> {
  const { item, edition } = await load(ctx, itemId, 'submit')
  const actor = requireActor(ctx)
  const blocked = await ctx.db.transaction().execute(async (trx) => {
    const review = await reviewPrivacy(ctx, trx, edition)
    if (!gateOpen(review)) {
      await record(trx, ctx, item, edition.id, 'privacy_blocked', '', { findings: review.findings.length })
      return review
    }
    await trx.updateTable('catalogue_editions').set({ state: 'submitted', submitted_by_user_id: actor.userId, updated_at: ctx.clock.now() }).where('id', '=', edition.id).execute()
    await record(trx, ctx, item, edition.id, 'submitted')
    return null
  })
  if (blocked) throw new PrivacyGateError(blocked)
}

/** 放行: a reviewer or head accepts the findings of the current content, with a recorded reason. */
export async function overridePrivacy(ctx: UseCaseContext, itemId: number, reason: string): Promise<void> {
  const actor = requireActor(ctx)
  const item = await findItem(ctx.db, itemId)
  if (!item || item.organisationId !== actor.organisationId) throw new NotFoundError()
  if (!actor.roles.some((r) => r === 'unit_reviewer' || r === 'unit_head')) throw new InvalidInputError([{ field: '', message: '只有本单位的审核人或负责人可以放行隐私审查发现的问题' }])
  if (reason.trim().length < 4) throw new InvalidInputError([{ field: 'reason', message: '请说明放行的理由（至少 4 个字），例如“该号码为单位公开的办公电话”' }])
  const edition = await workingEdition(ctx.db, item.id)
  if (!edition) throw new InvalidInputError([{ field: '', message: '这条信息没有正在处理的版本' }])
  await ctx.db.transaction().execute(async (trx) => {
    const review = await reviewPrivacy(ctx, trx, edition)
    if (review.findings.length === 0) throw new InvalidInputError([{ field: '', message: '当前内容没有需要放行的问题' }])
    await trx.updateTable('privacy_reviews').set({ overridden_by_user_id: actor.userId, override_reason: reason.trim() }).where('id', '=', review.id).execute()
    await record(trx, ctx, item, edition.id, 'privacy_overridden', reason.trim(), { findings: review.findings.length })
  })
}

export async function rejectEdition(ctx: UseCaseContext, itemId: number, reason: string): Promise<void> {
  if (reason.trim().length < 2) throw new InvalidInputError([{ field: 'reason', message: '请写明退回的理由，便于信息员修改' }])
  const { item, edition } = await load(ctx, itemId, 'reject')
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('catalogue_editions').set({ state: 'rejected', updated_at: ctx.clock.now() }).where('id', '=', edition.id).execute()
    await record(trx, ctx, item, edition.id, 'rejected', reason.trim())
  })
}

export async function approveEdition(ctx: UseCaseContext, itemId: number): Promise<void> {
  const { item, edition } = await load(ctx, itemId, 'approve')
  const actor = requireActor(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('catalogue_editions').set({ state: 'approved', approved_by_user_id: actor.userId, updated_at: ctx.clock.now() }).where('id', '=', edition.id).execute()
    await record(trx, ctx, item, edition.id, 'approved')
  })
}

/** Puts an edition live: supersedes the previous one, numbers the version and indexes it for search. */
async function goLive(ctx: UseCaseContext, trx: Trx, item: CatalogueItem, edition: Edition, extra: { needsReview: boolean }): Promise<void> {
  const actor = requireActor(ctx)
  const now = ctx.clock.now()
  const locked = (await lockItem(trx, item.id))!
  const published = await trx.selectFrom('catalogue_editions').select((eb) => eb.fn.max('version_no').as('v')).where('item_id', '=', item.id).executeTakeFirst()
  const versionNo = Number(published?.v ?? 0) + 1
  if (locked.liveEditionId) await trx.updateTable('catalogue_editions').set({ state: 'superseded', updated_at: now }).where('id', '=', locked.liveEditionId).execute()
  await trx.updateTable('catalogue_editions').set({ state: 'published', published_at: now, version_no: versionNo, published_by_user_id: actor.userId, needs_review: extra.needsReview, publish_at: null, updated_at: now }).where('id', '=', edition.id).execute()
  await trx.updateTable('catalogue_items').set({ live_edition_id: edition.id, public_state: 'published', first_published_at: locked.firstPublishedAt ?? now }).where('id', '=', item.id).execute()
  const publishedAt = locked.firstPublishedAt ?? now
  const tokens = indexTokens([edition.title, edition.docNo ?? '', edition.summary, htmlText(edition.bodyHtml)].join('\n'))
  const search = { organisation_id: item.organisationId, section: edition.section, topic: edition.topic, validity: edition.validity, year: Number(edition.writtenOn.slice(0, 4)), published_at: publishedAt, title: edition.title, doc_no: edition.docNo }
  await trx.insertInto('catalogue_search').values({ item_id: item.id, ...search, tokens: sqlTsvector(tokens) as any })
    .onConflict((oc) => oc.column('item_id').doUpdateSet({ ...search, tokens: sqlTsvector(tokens) as any })).execute()
}

function sqlTsvector(tokens: string[]) {
  return sql`to_tsvector('simple', ${toTsvectorText(tokens)})`
}

/** 发布 (or 定时发布 when `publishAt` is in the future): the privacy gate runs again on the final content. */
export async function publishEdition(ctx: UseCaseContext, itemId: number, publishAt?: Date): Promise<'published' | 'scheduled'> {
  const { item, edition } = await load(ctx, itemId, publishAt ? 'schedule' : 'publish')
  const result = await ctx.db.transaction().execute(async (trx) => {
    const review = await reviewPrivacy(ctx, trx, edition)
    if (!gateOpen(review)) return review
    if (publishAt && publishAt.getTime() > ctx.clock.now().getTime() + 60_000) {
      await trx.updateTable('catalogue_editions').set({ state: 'scheduled', publish_at: publishAt, updated_at: ctx.clock.now() }).where('id', '=', edition.id).execute()
      await record(trx, ctx, item, edition.id, 'scheduled', '', { publishAt: publishAt.toISOString() })
      return 'scheduled' as const
    }
    await goLive(ctx, trx, item, edition, { needsReview: false })
    await record(trx, ctx, item, edition.id, 'published', '', { changeKind: edition.changeKind })
    return 'published' as const
  })
  if (typeof result !== 'string') throw new PrivacyGateError(result)
  return result
}

/** 直接发布 by a 单位负责人 with a reason; the edition is listed for review by someone else afterwards. */
export async function forcePublish(ctx: UseCaseContext, itemId: number, reason: string): Promise<void> {
  if (reason.trim().length < 4) throw new InvalidInputError([{ field: 'reason', message: '请说明为什么需要不经审核直接发布（至少 4 个字）' }])
  const { item, edition } = await load(ctx, itemId, 'force_publish')
  const blocked = await ctx.db.transaction().execute(async (trx) => {
    const review = await reviewPrivacy(ctx, trx, edition)
    if (!gateOpen(review)) return review
    await goLive(ctx, trx, item, edition, { needsReview: true })
    await record(trx, ctx, item, edition.id, 'force_published', reason.trim())
    return null
  })
  if (blocked) throw new PrivacyGateError(blocked)
}

export async function approveRetrospectively(ctx: UseCaseContext, itemId: number): Promise<void> {
  const { item, edition } = await load(ctx, itemId, 'approve_retrospectively')
  const actor = requireActor(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('catalogue_editions').set({ needs_review: false, approved_by_user_id: actor.userId, updated_at: ctx.clock.now() }).where('id', '=', edition.id).execute()
    await record(trx, ctx, item, edition.id, 'approved_retrospectively')
  })
}

/** 撤回 with a kind and a public explanation; the page stays readable with a banner (Whitehall's withdrawal). */
export async function withdrawItem(ctx: UseCaseContext, itemId: number, kind: WithdrawalKind, explanation: string): Promise<void> {
  if (!Object.hasOwn(WITHDRAWAL_KINDS, kind)) throw new InvalidInputError([{ field: 'kind', message: '请选择撤回的类型' }])
  if (explanation.trim().length < 4) throw new InvalidInputError([{ field: 'explanation', message: '请写明向公众说明的撤回原因（至少 4 个字）' }])
  const { item, edition } = await load(ctx, itemId, 'withdraw')
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('catalogue_editions').set({ state: 'withdrawn', withdrawal_kind: kind, withdrawal_explanation: explanation.trim(), updated_at: ctx.clock.now() }).where('id', '=', edition.id).execute()
    await trx.updateTable('catalogue_items').set({ public_state: 'withdrawn' }).where('id', '=', item.id).execute()
    await trx.deleteFrom('catalogue_search').where('item_id', '=', item.id).execute()
    await record(trx, ctx, item, edition.id, 'withdrawn', explanation.trim(), { kind })
  })
}

/** 修订: a new draft edition from the live one; publishing it supersedes the live edition. */
export async function startNewEdition(ctx: UseCaseContext, itemId: number): Promise<void> {
  const { item, edition } = await load(ctx, itemId, 'new_edition')
  const actor = requireActor(ctx)
  if (await workingEdition(ctx.db, item.id)) throw new InvalidInputError([{ field: '', message: '这条信息已有正在处理的修订版本' }])
  await ctx.db.transaction().execute(async (trx) => {
    const source = await trx.selectFrom('catalogue_editions').selectAll().where('id', '=', edition.id).executeTakeFirstOrThrow()
    const max = await trx.selectFrom('catalogue_editions').select((eb) => eb.fn.max('edition_no').as('n')).where('item_id', '=', item.id).executeTakeFirst()
    const { id: _id, ...rest } = source as any
    const copy = toEdition(source)
    const created = await trx.insertInto('catalogue_editions').values({
      ...rest, edition_no: Number(max?.n ?? 0) + 1, state: 'draft', change_kind: 'major', change_note: '', publish_at: null, published_at: null, version_no: null, needs_review: false,
      withdrawal_kind: null, withdrawal_explanation: null, created_by_user_id: actor.userId, submitted_by_user_id: null, approved_by_user_id: null, published_by_user_id: null,
      created_at: ctx.clock.now(), updated_at: ctx.clock.now(),
    }).returning('id').executeTakeFirstOrThrow()
    await copyAttachments(trx, edition.id, created.id)
    await copyRelations(trx, edition.id, created.id)
    await record(trx, ctx, item, created.id, 'new_edition', '', { from: copy.editionNo })
  })
}

/** Publishes scheduled editions whose time has come (run by the scheduler; idempotent). */
export async function publishDueEditions(ctx: Omit<UseCaseContext, 'actor'> & { actor: UseCaseContext['actor'] }, now: Date): Promise<number> {
  const due = await ctx.db.selectFrom('catalogue_editions as e').innerJoin('catalogue_items as i', 'i.id', 'e.item_id')
    .select(['e.id', 'e.item_id', 'i.organisation_id', 'e.published_by_user_id', 'e.approved_by_user_id']).where('e.state', '=', 'scheduled').where('e.publish_at', '<=', now).execute()
  let count = 0
  for (const row of due) {
    await ctx.db.transaction().execute(async (trx) => {
      const edition = await trx.selectFrom('catalogue_editions').selectAll().where('id', '=', row.id).where('state', '=', 'scheduled').forUpdate().executeTakeFirst()
      if (!edition) return
      const item = (await lockItem(trx, row.item_id))!
      const actorId = row.approved_by_user_id ?? edition.created_by_user_id
      const scoped = { ...ctx, actor: { userId: actorId, username: 'scheduler', displayName: '定时发布', organisationId: row.organisation_id, organisationName: '', regionId: 0, roles: [], mustChangePassword: false, totpEnabled: false } }
      await goLive(scoped, trx, item, toEdition(edition), { needsReview: false })
      await record(trx, scoped, item, edition.id, 'published', '定时发布')
      count++
    })
  }
  return count
}
