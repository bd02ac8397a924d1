/**
 * 登记申请: an application becomes a case — online (no account) or keyed in by staff for an application received in
 * person, by post, fax or email. 收到申请之日 follows 条例 第三十一条 per channel (rules/channels.ts); where the rule
 * needs a confirmation with the applicant, the case waits for it and no answer period runs.
 * The same form key twice makes one case (double submission).
 */
import type { Trx } from '../../database.ts'
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.ts'
import { regimeInForceOn, trackClock } from '../calendar/index.ts'
import { findOrganisation } from '../orgs/index.ts'
import { sealApplicant, type ApplicantDetails } from './applicant-privacy.ts'
import { contentFingerprint, newQueryCode } from './query-code.ts'
import { CLOCK_SUBJECT, type RequestsContext } from './requests.context.ts'
import { findCaseByIdempotencyKey, insertCase, insertEvent, updateCase, type RequestCase } from './requests.repository.ts'
import { applicantCategoryRule, channelRule, openCase, RECEIPT_FACT_LABELS, type ApplicantCategory, type ReceiptChannel, type ReceiptFacts } from './rules/index.ts'
import { issueLetters } from './issue-letters.tsx'

export interface ApplicationInput {
  organisationId: number
  applicantCategory: ApplicantCategory
  applicant: ApplicantDetails
  informationName: string
  docNo: string
  description: string
  wantedForm: string
  delivery: string
  channel: ReceiptChannel
  /** The dated facts of 第三十一条 for the channel (submitted, signed for, arrived, confirmed). */
  facts: ReceiptFacts
  /** One-time key of the form: the same key twice is one case. */
  idempotencyKey: string
  /** Where the application came from when another wing made it (a 区长信箱 letter converted by the 公开办); noted on the case's first event. */
  source?: { kind: 'letter'; letterId: number; caseNo: string }
}

export interface Registration {
  case: RequestCase
  /** False when the key had already made the case (a double submission). */
  created: boolean
}

export async function registerRequest(ctx: RequestsContext, input: ApplicationInput): Promise<Registration> {
  const existing = await findCaseByIdempotencyKey(ctx.db, input.idempotencyKey)
  if (existing) return { case: existing, created: false }
  const today = ctx.clock.today()
  const unit = await findOrganisation(ctx.db, input.organisationId)
  if (!unit || (unit.validTo !== null && unit.validTo < today)) throw new InvalidInputError([{ field: 'organisationId', message: '请选择受理申请的单位' }])

  for (const [fact, value] of Object.entries(input.facts)) {
    if (value && value > today) throw new InvalidInputError([{ field: fact, message: `${RECEIPT_FACT_LABELS[fact as keyof typeof RECEIPT_FACT_LABELS]}不能晚于今天（${today}）` }])
  }
  const submittedOn = input.facts.submittedOn || input.facts.signedForOn || input.facts.arrivedOn || input.facts.confirmedOn || today
  const opened = openCase({ channel: input.channel, receipt: input.facts, registeredOn: submittedOn })
  if (!opened.ok) throw new InvalidInputError([{ field: receiptField(input.channel), message: opened.reason }])
  const state = opened.state
  const regime = state.regime ?? regimeInForceOn(submittedOn).id
  const isOrganisation = applicantCategoryRule(input.applicantCategory).type === 'organisation'
  const queryCode = newQueryCode()
  const fingerprint = contentFingerprint({
    queryCode, unit: unit.name, channel: input.channel, submittedOn, applicantCategory: input.applicantCategory, applicant: input.applicant,
    informationName: input.informationName, docNo: input.docNo, description: input.description, wantedForm: input.wantedForm, delivery: input.delivery,
  })
  const now = ctx.clock.now()
  const actorUserId = ctx.actor?.userId ?? null

  // A caller that already holds a transaction (the letters wing converting a letter) registers inside it, so that
  // both wings' events commit together or not at all.
  const inTransaction = <T,>(work: (trx: Trx) => Promise<T>): Promise<T> =>
    ctx.db.isTransaction ? work(ctx.db as Trx) : ctx.db.transaction().execute(work)
  try {
    const caseId = await inTransaction(async (trx) => {
      const id = await insertCase(trx, {
        organisation_id: unit.id, regime, state: state.status, channel: input.channel, submitted_on: submittedOn, received_on: state.receivedOn,
        applicant_type: input.applicantCategory, information_name: input.informationName, doc_no: input.docNo, description: input.description,
        wanted_form: input.wantedForm, delivery: input.delivery, query_code: queryCode, fingerprint, idempotency_key: input.idempotencyKey,
        due_on: null, registered_by_user_id: actorUserId, rules_state: JSON.stringify(state),
      }, sealApplicant(ctx.cipher, ctx.identityKey, input.applicant, isOrganisation))
      const eventId = await insertEvent(trx, {
        caseId: id, type: 'registered', fromState: null, toState: state.status, effectiveOn: state.receivedOn ?? submittedOn, recordedAt: now, actorUserId,
        details: { channel: input.channel, receipt: input.facts, notes: opened.notes, fingerprint, ...(input.source ? { source: input.source } : {}) },
      })
      if (opened.clockEvents.length > 0) {
        const clock = await trackClock(trx, { subjectType: CLOCK_SUBJECT, subjectId: String(id), regime, events: [...opened.clockEvents] }, today)
        await updateCase(trx, id, { due_on: clock.dueOn }, now)
      }
      await issueLetters(trx, ctx, id, eventId, { type: 'registered' })
      return id
    })
    const created = await findCaseByIdempotencyKey(ctx.db, input.idempotencyKey)
    if (!created || created.id !== caseId) throw new NotFoundError()
    return { case: created, created: true }
  } catch (error) {
    // Inside the caller's transaction a failed statement has aborted it (PostgreSQL): let the caller roll back.
    if (ctx.db.isTransaction) throw error
    // Two submissions of one form racing: the unique key lets one through; the other returns that case.
    const raced = await findCaseByIdempotencyKey(ctx.db, input.idempotencyKey)
    if (raced) return { case: raced, created: false }
    throw error
  }
}

/** The form field that carries the fact the channel's receipt rule reads. */
function receiptField(channel: ReceiptChannel): string {
  return channelRule(channel).receivedOnFact
}
