/**
 * 信件选登 moderation. A letter whose writer agreed to publication is not published by the release of its reply: it
 * waits in the 公开办's 选登 queue. The office sees the letter and reply anonymised (the writer's name → "X某";
 * 身份证/手机/银行卡 numbers, 敏感词 and 住址 masked by the publishing wing's privacy scan), may edit the redactions,
 * and approves or declines with a reason. An approved letter can be withdrawn from the portal, with a reason. Every
 * decision is written to the audit log (no personal data in it: the case number identifies the letter).
 */
import { sql } from 'kysely'
import type { Executor, Trx } from '../../database.ts'
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.ts'
import { appendAudit, authorise, requireActor, type UseCaseContext } from '../orgs/index.ts'
import { DEFAULT_SENSITIVE_WORDS, scanText, type Finding } from '../publishing/index.ts'
import { findCase, insertEvent, sealedContact, type LetterCase } from './letters.repository.ts'
import { anonymise } from './published-letters.ts'

export type PublicationState = 'pending' | 'approved' | 'declined' | 'withdrawn'

export const PUBLICATION_STATE_LABELS: Readonly<Record<PublicationState, string>> = Object.freeze({
  pending: '待审核', approved: '已选登', declined: '不选登', withdrawn: '已撤下',
})

/** States of a case whose reply the writer has seen: only those can be published. */
const RELEASED = ['released', 'closed'] as const

export interface PublicationTexts { subject: string; content: string; reply: string }

export interface PublicationDraft {
  c: LetterCase
  state: PublicationState
  /** The texts to review: the stored ones once decided, else the anonymised letter and reply. */
  texts: PublicationTexts
  /** What the scan still finds in the texts (after anonymising, what remains for a person to judge). */
  findings: { field: keyof PublicationTexts; finding: Finding }[]
  reason: string
  decidedAt: Date | null
  /** What anonymising masked in the original texts (masked forms only), for a pending letter. */
  masked: { field: keyof PublicationTexts; kind: Finding['kind']; masked: string }[]
}

export interface QueueRow { caseId: number; caseNo: string; subject: string; releasedAt: Date | null; unitId: number | null; state: PublicationState; decidedAt: Date | null }

function scanOptions(today: string) {
  return { sensitiveWords: DEFAULT_SENSITIVE_WORDS, today, addresses: true }
}

/** Findings of the privacy scan in each text, with the field they are in. */
export function scanPublication(texts: PublicationTexts, today: string): PublicationDraft['findings'] {
  return (['subject', 'content', 'reply'] as const).flatMap((field) => scanText(texts[field], scanOptions(today)).map((finding) => ({ field, finding })))
}

/** The 选登 queue of a region: consenting letters with a released reply, by decision state, newest release first. */
export async function publicationQueue(db: Executor, regionId: number, state: PublicationState, limit = 50, offset = 0): Promise<{ rows: QueueRow[]; total: number }> {
  let q = db.selectFrom('letter_cases as c').leftJoin('letter_publications as p', 'p.case_id', 'c.id')
    .where('c.region_id', '=', regionId).where('c.publish_consent', '=', true).where('c.state', 'in', RELEASED).where('c.reply_text', 'is not', null)
  q = state === 'pending' ? q.where('p.id', 'is', null) : q.where('p.state', '=', state)
  const rows = await q.select(['c.id', 'c.case_no', 'c.subject', 'c.released_at', 'c.unit_id', 'p.state', 'p.decided_at'])
    .orderBy('c.released_at', 'desc').orderBy('c.id', 'desc').limit(limit).offset(offset).execute()
  const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
  return {
    rows: rows.map((r) => ({ caseId: r.id, caseNo: r.case_no, subject: r.subject, releasedAt: r.released_at, unitId: r.unit_id, state: (r.state ?? 'pending') as PublicationState, decidedAt: r.decided_at ?? null })),
    total: Number(total.n),
  }
}

/** Counts of the 选登 queue per state (for the tabs). */
export async function publicationCounts(db: Executor, regionId: number): Promise<Record<PublicationState, number>> {
  const rows = await db.selectFrom('letter_cases as c').leftJoin('letter_publications as p', 'p.case_id', 'c.id')
    .where('c.region_id', '=', regionId).where('c.publish_consent', '=', true).where('c.state', 'in', RELEASED).where('c.reply_text', 'is not', null)
    .select([sql<string>`coalesce(p.state, 'pending')`.as('state'), (eb) => eb.fn.countAll<string>().as('n')]).groupBy(sql`coalesce(p.state, 'pending')`).execute()
  const out: Record<PublicationState, number> = { pending: 0, approved: 0, declined: 0, withdrawn: 0 }
  for (const r of rows) out[r.state as PublicationState] = Number(r.n)
  return out
}

async function officeCase(ctx: UseCaseContext, caseId: number): Promise<LetterCase> {
  await authorise(ctx, 'letters.manage')
  const c = await findCase(ctx.db, caseId)
  if (!c || c.regionId !== requireActor(ctx).regionId || !c.publishConsent || !RELEASED.includes(c.state as never) || c.replyText === null) throw new NotFoundError()
  return c
}

async function writerName(ctx: UseCaseContext, caseId: number): Promise<string> {
  const sealed = await sealedContact(ctx.db, caseId)
  return sealed ? ctx.cipher.decrypt(sealed.nameSealed) : ''
}

/** The letter as the 公开办 reviews it for 选登. */
export async function publicationDraft(ctx: UseCaseContext, caseId: number): Promise<PublicationDraft> {
  const c = await officeCase(ctx, caseId)
  const today = ctx.clock.today()
  const row = await ctx.db.selectFrom('letter_publications').selectAll().where('case_id', '=', c.id).executeTakeFirst()
  let texts: PublicationTexts
  let masked: PublicationDraft['masked'] = []
  if (row) texts = { subject: row.subject, content: row.content, reply: row.reply }
  else {
    const name = await writerName(ctx, c.id)
    texts = { subject: anonymise(c.subject, name, today), content: anonymise(c.content, name, today), reply: anonymise(c.replyText!, name, today) }
    masked = scanPublication({ subject: c.subject, content: c.content, reply: c.replyText! }, today).map((f) => ({ field: f.field, kind: f.finding.kind, masked: f.finding.masked }))
  }
  return { c, state: (row?.state ?? 'pending') as PublicationState, texts, findings: scanPublication(texts, today), reason: row?.reason ?? '', decidedAt: row?.decided_at ?? null, masked }
}

export interface PublicationDecision {
  decision: 'approve' | 'decline'
  texts: PublicationTexts
  reason: string
  /** The 公开办 has read what the scan still finds and publishes it as it is. */
  confirmPrivacy: boolean
}

/** 选登 or 不选登 — once per letter. An approval publishes the edited texts; a decline needs a reason. */
export async function decidePublication(ctx: UseCaseContext, caseId: number, input: PublicationDecision): Promise<PublicationState> {
  const c = await officeCase(ctx, caseId)
  const actor = requireActor(ctx)
  const today = ctx.clock.today()
  const now = ctx.clock.now()
  const texts = { subject: input.texts.subject.trim(), content: input.texts.content.trim(), reply: input.texts.reply.trim() }
  if (input.decision === 'decline' && input.reason.trim().length < 2) throw new InvalidInputError([{ field: 'reason', message: '请写明不选登的理由' }])
  if (input.decision === 'approve') {
    const problems: { field: string; message: string }[] = []
    if (!texts.subject) problems.push({ field: 'subject', message: '请填写公开的标题' })
    if (!texts.content) problems.push({ field: 'content', message: '请填写公开的来信内容' })
    if (!texts.reply) problems.push({ field: 'reply', message: '请填写公开的答复内容' })
    // The writer's own name is never published, whatever the confirmation.
    const name = (await writerName(ctx, c.id)).trim()
    if ([...name].length >= 2) {
      for (const field of ['subject', 'content', 'reply'] as const) if (texts[field].includes(name)) problems.push({ field, message: '公开的内容中仍有来信人的姓名，请改为“某某”' })
    }
    if (problems.length) throw new InvalidInputError(problems)
    const remaining = scanPublication(texts, today)
    if (remaining.length && !input.confirmPrivacy) {
      throw new InvalidInputError([{ field: 'confirmPrivacy', message: `公开的内容中可能还有个人信息（${remaining.map((r) => r.finding.masked).join('、')}），请遮盖，或核对后勾选“已核对”再选登` }])
    }
  }
  const state = input.decision === 'approve' ? 'approved' : 'declined'
  await ctx.db.transaction().execute(async (trx) => {
    const earlier = await trx.selectFrom('letter_publications').select('id').where('case_id', '=', c.id).forUpdate().executeTakeFirst()
    if (earlier) throw new InvalidInputError([{ field: '', message: '这封信已经审核过了' }])
    await trx.insertInto('letter_publications').values({
      case_id: c.id, region_id: c.regionId, state, ...texts, reason: input.decision === 'decline' ? input.reason.trim() : '', decided_by_user_id: actor.userId, decided_at: now,
      published_at: state === 'approved' ? now : null,
    }).execute()
    await appendAudit(trx, {
      actorUserId: actor.userId, actorUsername: actor.username, organisationId: actor.organisationId, action: state === 'approved' ? 'letters.publication_approved' : 'letters.publication_declined',
      outcome: 'success', targetType: 'letter_case', targetId: c.id, ip: ctx.ip, details: { caseNo: c.caseNo, ...(state === 'declined' ? { reason: input.reason.trim() } : { edited: true, confirmedFindings: input.confirmPrivacy }) },
    }, now)
  })
  return state
}

/** 撤下: an approved letter leaves the portal, with a reason; audited. */
export async function withdrawPublication(ctx: UseCaseContext, caseId: number, reason: string): Promise<void> {
  const c = await officeCase(ctx, caseId)
  const actor = requireActor(ctx)
  if (reason.trim().length < 2) throw new InvalidInputError([{ field: 'reason', message: '请写明撤下的理由' }])
  const now = ctx.clock.now()
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('letter_publications').select(['id', 'state']).where('case_id', '=', c.id).forUpdate().executeTakeFirst()
    if (row?.state !== 'approved') throw new InvalidInputError([{ field: '', message: '这封信不在选登中，不能撤下' }])
    await trx.updateTable('letter_publications').set({ state: 'withdrawn', reason: reason.trim(), withdrawn_at: now, decided_by_user_id: actor.userId, decided_at: now }).where('id', '=', row.id).execute()
    await appendAudit(trx, {
      actorUserId: actor.userId, actorUsername: actor.username, organisationId: actor.organisationId, action: 'letters.publication_withdrawn', outcome: 'success',
      targetType: 'letter_case', targetId: c.id, ip: ctx.ip, details: { caseNo: c.caseNo, reason: reason.trim() },
    }, now)
  })
}

/**
 * A reopened letter ("没有解决" by the writer, or 重新办理 by the 公开办) leaves the portal in the same transaction: the
 * portal never shows a reply the writer said did not solve the problem. Its 选登 decision is removed, so the letter
 * is back in the 选登 queue once the new reply is released, to be reviewed with that reply. The case trace gets an
 * event and the audit log an entry (by the staff member who reopened it, or the system for the writer's reopening),
 * with what was on the portal.
 */
export async function takeOffPortalOnReopen(
  trx: Trx, c: Pick<LetterCase, 'id' | 'caseNo' | 'state' | 'unitId'>, by: { userId: number; username: string; organisationId: number } | null, ip: string, now: Date, today: string,
): Promise<boolean> {
  const row = await trx.selectFrom('letter_publications').select(['id', 'state', 'subject', 'published_at']).where('case_id', '=', c.id).forUpdate().executeTakeFirst()
  if (row?.state !== 'approved') return false
  await trx.deleteFrom('letter_publications').where('id', '=', row.id).execute()
  const details = { caseNo: c.caseNo, subject: row.subject, publishedAt: row.published_at?.toISOString() ?? null }
  await insertEvent(trx, {
    caseId: c.id, type: 'publication_retracted', fromState: c.state as never, toState: c.state as never, unitId: c.unitId, actorUserId: by?.userId ?? null, actorKind: by ? 'staff' : 'system',
    effectiveOn: today, recordedAt: now, reason: '信件重新办理，选登的答复自动撤下；新的答复发布后重新审核选登', details: { label: '撤下选登', ...details },
  })
  await appendAudit(trx, {
    actorUserId: by?.userId ?? null, actorUsername: by?.username ?? 'system', organisationId: by?.organisationId ?? null, action: 'letters.publication_retracted', outcome: 'success',
    targetType: 'letter_case', targetId: c.id, ip, details: { ...details, reason: 'reopened' },
  }, now)
  return true
}
