/**
 * 转为依申请公开: a letter that asks for government information is not accepted by the mailbox (regulation.md §6.2:
 * 依申请公开 is a 法定途径 of its own) but is never lost — the 公开办 converts it into a real 依申请公开 case of the unit
 * it chooses, through the requests wing's public surface. The letter's closing event and the case's registration
 * commit in one transaction; the case's first event names its source letter, the letter's event the case.
 *
 * Why the case waits in 待确认收到 rather than 待补正 or a prefilled form (条例 第二十九条、第三十条、第三十一条):
 * - 第二十九条 accepts a written application "包括信件、数据电文" — a mailbox letter is a 数据电文, so the writer's own
 *   words can be the application; sending the writer to fill in a blank form again would drop what they wrote.
 * - but an application must carry 姓名、**身份证明**、联系方式 (第二十九条（一）) and a letter carries no identity document;
 *   and the writer wrote a letter, not an application. 第三十一条（三） says an application over the internet counts as
 *   received only on 双方确认之日. So the case is registered on the 网络 channel with no confirmation date: it waits in
 *   待确认收到, no answer period runs, and the 公开办 confirms with the writer (by the phone in the letter) — that
 *   confirmation is where the 身份证明 is taken, and its date starts the 20 working days.
 * - 补正 (第三十条) is the wrong tool: it applies after receipt, to 申请内容不明确, must be given within 7 working days
 *   and only once (一次性); spending it on the missing identity would start a clock the writer never asked for and use
 *   up the one notice the content itself may need.
 */
import { ForbiddenError, InvalidInputError } from '../../platform/http/errors.ts'
import type { Executor } from '../../database.ts'
import { authorise, findOrganisation, requireActor, type UseCaseContext } from '../orgs/index.ts'
import { registerRequest } from '../requests/index.ts'
import { caseForActor, step } from './case-actions.ts'
import { findCase, sealedContact, type LetterCase } from './letters.repository.ts'
import { NOT_ACCEPTED } from './rules/index.ts'

export interface ConversionContext extends UseCaseContext {
  /** The data key material the requests wing derives applicant identity HMACs from. */
  readonly identityKey: string
}

export interface Conversion {
  letter: LetterCase
  requestCaseId: number
  /** The new case's query code (the writer tracks the application with it at /xxgk/ysqgk/chaxun). */
  queryCode: string
  unitName: string
  /** False when the letter had already been converted (a second submission): the same case, nothing new. */
  created: boolean
}

/** The conversion recorded on a letter, if any (its `convert` event). */
export async function conversionOf(db: Executor, letterId: number): Promise<{ requestCaseId: number; queryCode: string; unitName: string } | undefined> {
  const e = await db.selectFrom('letter_events').select('details').where('case_id', '=', letterId).where('type', '=', 'convert').executeTakeFirst()
  if (!e) return undefined
  const d = e.details as { requestCaseId: number; queryCode: string; unit: string }
  return { requestCaseId: d.requestCaseId, queryCode: d.queryCode, unitName: d.unit }
}

/** Converts a received letter into a 依申请公开 case of `unitId`; only the 公开办. Submitted twice, it makes one case. */
export async function convertLetter(ctx: ConversionContext, letterId: number, unitId: number): Promise<Conversion> {
  const actor = requireActor(ctx)
  const { party } = await caseForActor(ctx, letterId)
  if (party !== 'office') {
    await authorise(ctx, 'letters.manage') // denied and audited
    throw new ForbiddenError()
  }
  const earlier = await conversionOf(ctx.db, letterId)
  if (earlier) return { letter: (await findCase(ctx.db, letterId))!, ...earlier, created: false }

  const unit = await findOrganisation(ctx.db, unitId)
  if (!unit || unit.regionId !== actor.regionId || unit.validTo !== null || unit.kind === 'region') {
    throw new InvalidInputError([{ field: 'requestUnit', message: '请选择受理申请的单位' }])
  }
  const now = ctx.clock.now()
  try {
    const letter = await step(ctx, letterId, {
      action: 'convert',
      apply: async (trx, c) => {
        const sealed = (await sealedContact(trx, c.id))!
        const registration = await registerRequest({ ...ctx, db: trx as typeof ctx.db }, {
          organisationId: unit.id,
          applicantCategory: 'natural_person',
          applicant: {
            name: ctx.cipher.decrypt(sealed.nameSealed), contactPerson: '', idType: 'other', idNumber: '', // 身份证明: taken when the writer confirms
            phone: ctx.cipher.decrypt(sealed.phoneSealed), email: '', address: '', postcode: '',
          },
          informationName: c.subject,
          docNo: '',
          description: c.content,
          wantedForm: 'either',
          delivery: 'online',
          channel: 'online',
          facts: { submittedOn: c.receivedOn },
          idempotencyKey: `letter-conversion:${c.id}`,
          source: { kind: 'letter', letterId: c.id, caseNo: c.caseNo },
        })
        const reason = NOT_ACCEPTED.information_request
        return {
          set: { not_accepted_reason: 'information_request', screening_note: `已转为政府信息公开申请，由${unit.name}办理。`, closed_at: now },
          details: { requestCaseId: registration.case.id, queryCode: registration.case.queryCode, unit: unit.name, reason: 'information_request', label: reason.label },
        }
      },
    })
    const done = (await conversionOf(ctx.db, letterId))!
    return { letter, ...done, created: true }
  } catch (error) {
    // Two submissions racing: the letter lock lets one through; the other finds its conversion.
    const raced = await conversionOf(ctx.db, letterId)
    if (raced) return { letter: (await findCase(ctx.db, letterId))!, ...raced, created: false }
    throw error
  }
}
