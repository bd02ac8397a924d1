/**
 * 身份证明 added after registration (条例 第二十九条第二款第（一）项: 申请人的姓名或者名称、身份证明、联系方式). A case
 * converted from a 区长信箱 letter (letters/convert-letter.ts) or keyed from a paper application may have none; staff
 * add its type and number when confirming receipt, with the 补正 received, or on its own form later. The number is
 * SM4-sealed with its masked copy and identity HMAC exactly as at registration (applicant-privacy.ts); the case event
 * and the audit log name the document type only, never the number. An identity once given is not overwritten here.
 */
import type { Trx } from '../../database.ts'
import { ConflictError, InvalidInputError, NotFoundError, type FieldMessage } from '../../platform/http/errors.ts'
import { appendAudit, requireActor, type Actor } from '../orgs/index.ts'
import { identityHmac, maskIdNumber, normaliseIdNumber } from './applicant-privacy.ts'
import { authoriseCase } from './authorise-case.ts'
import type { RequestsContext } from './requests.context.ts'
import { canOnCase } from './requests.policy.ts'
import { ID_TYPES, idNumberProblem } from './requests.forms.ts'
import { applicantOf, insertEvent, lacksIdentity, lockCase, setApplicantIdentity, type RequestCase } from './requests.repository.ts'

/** The 身份证明 as staff type it. */
export interface IdentityInput {
  idType: string
  idNumber: string
}

/** The field messages of an identity (names idType / idNumber), none when it is valid. */
export function identityProblems(input: IdentityInput): FieldMessage[] {
  const errors: FieldMessage[] = []
  if (!ID_TYPES.some((t) => t.value === input.idType)) errors.push({ field: 'idType', message: '请选择身份证明的种类' })
  const problem = idNumberProblem(input.idType, input.idNumber)
  if (problem) errors.push({ field: 'idNumber', message: problem })
  return errors
}

const typeLabel = (idType: string) => ID_TYPES.find((t) => t.value === idType)?.label ?? '身份证明'

/** Seals the identity inside the caller's transaction (the step's), with a case event and an audit row. */
export async function addIdentityInTransaction(trx: Trx, ctx: RequestsContext, record: RequestCase, input: IdentityInput, actor: Actor): Promise<void> {
  const errors = identityProblems(input)
  if (errors.length) throw new InvalidInputError(errors)
  const applicant = await applicantOf(trx, record.id)
  if (!applicant) throw new NotFoundError()
  if (!lacksIdentity(applicant)) throw new ConflictError('申请人的身份证明已经登记，不能在这里更改')
  const number = normaliseIdNumber(input.idNumber)
  await setApplicantIdentity(trx, record.id, {
    id_type: input.idType, id_number_enc: ctx.cipher.encrypt(number), id_number_masked: maskIdNumber(number), id_number_hmac: identityHmac(ctx.identityKey, number),
  })
  const now = ctx.clock.now()
  await insertEvent(trx, {
    caseId: record.id, type: 'identity_added', fromState: record.state, toState: record.state, effectiveOn: ctx.clock.today(), recordedAt: now, actorUserId: actor.userId,
    details: { notes: [`补充申请人身份证明（${typeLabel(input.idType)}，《政府信息公开条例》第二十九条第二款第（一）项）`] },
  })
  await appendAudit(trx, {
    actorUserId: actor.userId, actorUsername: actor.username, organisationId: actor.organisationId, action: 'request.identity_added', outcome: 'success',
    targetType: 'request_case', targetId: record.id, ip: ctx.ip, details: { idType: input.idType },
  }, now)
}

/** 补充身份证明 on its own form: authorised like any step of the case (the handling unit), in one transaction. */
export async function addApplicantIdentity(ctx: RequestsContext, caseId: number, input: IdentityInput): Promise<void> {
  const actor = requireActor(ctx)
  const errors = identityProblems(input)
  if (errors.length) throw new InvalidInputError(errors)
  const denied = await ctx.db.transaction().execute(async (trx) => {
    const record = await lockCase(trx, caseId)
    if (!record) throw new NotFoundError()
    if (!canOnCase(actor, 'act', record.organisationId)) return record
    await addIdentityInTransaction(trx, ctx, record, input, actor)
    return null
  })
  if (denied) {
    await authoriseCase(ctx, 'act', { organisationId: denied.organisationId, caseId })
    throw new NotFoundError()
  }
}
