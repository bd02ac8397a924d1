/**
 * 热线来电登记: an operator registers a call to the 区长公开电话 (or a 市长公开电话/114阳光政务 case passed down) and
 * either answers it on the spot (潍坊市12345热线条例 第十八条 [V]: "能够即时答复的，应当即时答复") — the case is then
 * released, waiting for 回访 — or dispatches it to a unit (accepted and dispatched in one go, each with its event).
 * The 话务员 (hotline_operator) and the 公开办 may; the call, its attachments and its events commit together.
 */
import { InvalidInputError } from '../../platform/http/errors.ts'
import { authorise, findOrganisation, requireActor, type UseCaseContext } from '../orgs/index.ts'
import { checkUploads, storeAttachments, type LetterUpload } from './letter-attachments.ts'
import { startReplyClock } from './letter-clock.ts'
import { insertEvent } from './letters.repository.ts'
import { insertNewCase } from './submit-letter.ts'
import { CALL_CHANNELS, type CaseState, type CategoryKey, type ChannelKey } from './rules/index.ts'

export interface CallInput {
  channel: ChannelKey
  category: CategoryKey
  name: string
  phone: string
  subject: string
  content: string
  outcome: 'answered' | 'dispatch'
  answer: string
  unitId: number | null
}

export async function registerCall(ctx: UseCaseContext, input: CallInput, uploads: readonly LetterUpload[] = []): Promise<{ caseId: number; caseNo: string }> {
  await authorise(ctx, 'letters.registerCall')
  const actor = requireActor(ctx)
  if (!CALL_CHANNELS.includes(input.channel)) throw new InvalidInputError([{ field: 'channel', message: '请选择来电渠道' }])
  // Everything is checked before anything is written: a bad unit or file changes nothing.
  let unit: { id: number; shortName: string } | null = null
  if (input.outcome === 'dispatch') {
    const found = input.unitId === null ? undefined : await findOrganisation(ctx.db, input.unitId)
    if (!found || found.regionId !== actor.regionId || found.validTo !== null || found.kind === 'region') throw new InvalidInputError([{ field: 'unit', message: '请选择承办单位' }])
    unit = found
  }
  const files = await checkUploads(uploads)
  const now = ctx.clock.now()
  const today = ctx.clock.today()
  return ctx.db.transaction().execute(async (trx) => {
    const created = await insertNewCase(trx, ctx, actor.regionId, {
      channel: input.channel, category: input.category, addressedUnitId: null, subject: input.subject, content: input.content, name: input.name || '来电人',
      phone: input.phone, publishConsent: false, idempotencyKey: null, sourceHash: null, registeredByUserId: actor.userId,
    })
    await storeAttachments(trx, created.caseId, files, 'call')
    const event = (type: string, from: CaseState, to: CaseState, unitId: number | null, details?: Record<string, unknown>) =>
      insertEvent(trx, { caseId: created.caseId, type, fromState: from, toState: to, unitId, actorUserId: actor.userId, actorKind: 'staff', effectiveOn: today, recordedAt: now, reason: '', details })
    await event('accept', 'received', 'accepted', null)
    if (input.outcome === 'answered') {
      await event('answer_on_spot', 'accepted', 'released', null)
      await trx.updateTable('letter_cases').set({ state: 'released', answered_on_spot: true, reply_text: input.answer, replied_at: now, released_at: now }).where('id', '=', created.caseId).execute()
    } else {
      // 即时转办 (国办发〔2020〕53号): the unit's reply clock starts today, as for a dispatch by the 公开办.
      const clock = await startReplyClock(trx, { id: created.caseId, channel: input.channel, category: input.category }, today, today)
      await event('dispatch', 'accepted', 'dispatched', unit!.id, { unit: unit!.shortName, dueOn: clock.dueOn })
      await trx.updateTable('letter_cases').set({ state: 'dispatched', unit_id: unit!.id }).where('id', '=', created.caseId).execute()
    }
    return created
  })
}
