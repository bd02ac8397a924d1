/**
 * 热线来电登记: an operator registers a call to the 区长公开电话 (or a 市长公开电话/114阳光政务 case passed down) and
 * either answers it on the spot (潍坊市12345热线条例 第十八条 [V]: "能够即时答复的，应当即时答复") — the case is then
 * released, waiting for 回访 — or dispatches it to a unit (accepted and dispatched in one go, each with its event).
 */
import { InvalidInputError } from '../../platform/http/errors.ts'
import { authorise, requireActor, type UseCaseContext } from '../orgs/index.ts'
import { dispatchCase } from './case-actions.ts'
import { insertEvent } from './letters.repository.ts'
import { insertNewCase } from './submit-letter.ts'
import { CALL_CHANNELS, type CategoryKey, type ChannelKey } from './rules/index.ts'

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

export async function registerCall(ctx: UseCaseContext, input: CallInput): Promise<{ caseId: number; caseNo: string }> {
  await authorise(ctx, 'letters.manage')
  const actor = requireActor(ctx)
  if (!CALL_CHANNELS.includes(input.channel)) throw new InvalidInputError([{ field: 'channel', message: '请选择来电渠道' }])
  const now = ctx.clock.now()
  const today = ctx.clock.today()
  const created = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertNewCase(trx, ctx, actor.regionId, {
      channel: input.channel, category: input.category, addressedUnitId: null, subject: input.subject, content: input.content, name: input.name || '来电人',
      phone: input.phone, publishConsent: false, idempotencyKey: null, sourceHash: null, registeredByUserId: actor.userId,
    })
    const steps = input.outcome === 'answered'
      ? [['accept', 'received', 'accepted'], ['answer_on_spot', 'accepted', 'released']] as const
      : [['accept', 'received', 'accepted']] as const
    for (const [type, from, to] of steps) {
      await insertEvent(trx, { caseId: created.caseId, type, fromState: from, toState: to, unitId: null, actorUserId: actor.userId, actorKind: 'staff', effectiveOn: today, recordedAt: now, reason: '' })
    }
    await trx.updateTable('letter_cases').set(input.outcome === 'answered'
      ? { state: 'released', answered_on_spot: true, reply_text: input.answer, replied_at: now, released_at: now }
      : { state: 'accepted' }).where('id', '=', created.caseId).execute()
    return created
  })
  if (input.outcome === 'dispatch') {
    try {
      await dispatchCase(ctx, created.caseId, input.unitId ?? -1)
    } catch (error) {
      // The call is registered and accepted; a bad unit leaves it in the 公开办's queue to dispatch, never lost.
      if (!(error instanceof InvalidInputError)) throw error
    }
  }
  return created
}
