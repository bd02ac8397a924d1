/**
 * 写信: a citizen writes to the 区长信箱 or a department's mailbox, without an account. Nothing is half-saved: the
 * case, its contact (SM4-sealed), its attachment and its first event are written in one transaction. A double
 * submission (the same form token) finds the first case; a flood from one source is refused with a message that
 * points to the phone line, while a real citizen's few letters pass.
 */
import type { Executor } from '../../database.ts'
import { InvalidInputError, TooManyRequestsError } from '../../platform/http/errors.ts'
import { hmacSm3 } from '../../platform/crypto/sm.ts'
import { findOrganisation, type UseCaseContext } from '../orgs/index.ts'
import { maskName, maskPhone, newQueryCode } from './contact.ts'
import { checkUploads, storeAttachments, type LetterUpload } from './letter-attachments.ts'
import { findCaseByIdempotencyKey, countFromSource, insertEvent } from './letters.repository.ts'
import type { LetterFormValues } from './letters.forms.ts'
import type { CategoryKey, ChannelKey } from './rules/index.ts'

/** Flood protection: letters per source per hour, and per day. A family sharing one address stays well below. */
export const FLOOD_LIMITS = { perHour: 5, perDay: 20 } as const
export const FLOOD_MESSAGE = '您提交的信件较多，请稍后再写。如有紧急事项，请拨打区长公开电话 023-52012345。'

export interface SubmittedLetter {
  caseId: number
  caseNo: string
  queryCode: string
  /** True when this submission repeated an earlier one (same form), which was kept. */
  repeated: boolean
}

/** SM3-HMAC of the sender's address: enough to count a flood, not enough to recover the address. */
export function sourceHashOf(secret: string, ip: string): string {
  return hmacSm3(secret, `letters-source:${ip}`).toString('hex')
}

export interface NewCaseInput {
  channel: ChannelKey
  category: CategoryKey
  addressedUnitId: number | null
  subject: string
  content: string
  name: string
  phone: string
  publishConsent: boolean
  idempotencyKey: string | null
  sourceHash: string | null
  registeredByUserId: number | null
}

/** Inserts a case in `received` with its first event; returns id, 信件编号 and query code. */
export async function insertNewCase(trx: Executor, ctx: UseCaseContext, regionId: number, input: NewCaseInput) {
  const now = ctx.clock.now()
  const today = ctx.clock.today()
  const queryCode = newQueryCode()
  const row = await trx.insertInto('letter_cases').values({
    region_id: regionId, case_no: `tmp-${queryCode}`, channel: input.channel, category: input.category, addressed_unit_id: input.addressedUnitId, unit_id: null,
    subject: input.subject, content: input.content, publish_consent: input.publishConsent, state: 'received',
    contact_name_sealed: ctx.cipher.encrypt(input.name), contact_phone_sealed: ctx.cipher.encrypt(input.phone), contact_name_masked: maskName(input.name), contact_phone_masked: maskPhone(input.phone),
    query_code: queryCode, idempotency_key: input.idempotencyKey, source_hash: input.sourceHash, received_on: today, received_at: now, registered_by_user_id: input.registeredByUserId,
  }).returning('id').executeTakeFirstOrThrow()
  // 信件编号: year + the row id, so that it is unique without a counter to lock.
  const caseNo = `${today.slice(0, 4)}${String(row.id).padStart(6, '0')}`
  await trx.updateTable('letter_cases').set({ case_no: caseNo }).where('id', '=', row.id).execute()
  await insertEvent(trx, {
    caseId: row.id, type: 'received', fromState: null, toState: 'received', unitId: input.addressedUnitId, actorUserId: input.registeredByUserId,
    actorKind: input.registeredByUserId ? 'staff' : 'public', effectiveOn: today, recordedAt: now, reason: '', details: { channel: input.channel },
  })
  return { caseId: row.id, caseNo, queryCode }
}

/** `upload`: the letter's attachments (at most LETTER_ATTACHMENT_MAX_COUNT, each sniffed and size-checked). */
export async function submitLetter(ctx: UseCaseContext, regionId: number, form: LetterFormValues, upload: LetterUpload | readonly LetterUpload[] | null, sourceSecret: string): Promise<SubmittedLetter> {
  const earlier = await findCaseByIdempotencyKey(ctx.db, form.idempotencyKey)
  if (earlier) return { caseId: earlier.id, caseNo: earlier.caseNo, queryCode: earlier.queryCode, repeated: true }

  let addressedUnitId: number | null = null
  if (form.unit) {
    const unit = /^\d+$/.test(form.unit) ? await findOrganisation(ctx.db, Number(form.unit)) : undefined
    if (!unit || unit.regionId !== regionId || unit.validTo !== null) throw new InvalidInputError([{ field: 'unit', message: '请选择收信的部门，或选择写给区长' }])
    addressedUnitId = unit.id
  }
  const files = await checkUploads(upload === null ? [] : Array.isArray(upload) ? upload : [upload as LetterUpload])

  const sourceHash = sourceHashOf(sourceSecret, ctx.ip)
  const now = ctx.clock.now()
  if (await countFromSource(ctx.db, sourceHash, new Date(now.getTime() - 3_600_000)) >= FLOOD_LIMITS.perHour
    || await countFromSource(ctx.db, sourceHash, new Date(now.getTime() - 86_400_000)) >= FLOOD_LIMITS.perDay) {
    throw new TooManyRequestsError(FLOOD_MESSAGE)
  }

  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const created = await insertNewCase(trx, ctx, regionId, {
        channel: addressedUnitId ? 'department_mailbox' : 'district_mailbox', category: form.category, addressedUnitId, subject: form.subject, content: form.content,
        name: form.name, phone: form.phone, publishConsent: form.publishConsent === 'yes', idempotencyKey: form.idempotencyKey, sourceHash, registeredByUserId: null,
      })
      await storeAttachments(trx, created.caseId, files, 'letter')
      return { ...created, repeated: false }
    })
  } catch (error) {
    // Two submissions of one form racing each other: the unique key keeps one, and the second reads it.
    const raced = await findCaseByIdempotencyKey(ctx.db, form.idempotencyKey)
    if (raced) return { caseId: raced.id, caseNo: raced.caseNo, queryCode: raced.queryCode, repeated: true }
    throw error
  }
}
