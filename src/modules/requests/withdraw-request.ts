/**
 * 申请人撤回: the applicant withdraws an application that is not yet answered — online on the tracking page (after the
 * 查询码 look-up and a confirmation step), or staff record a withdrawal received by letter or in person (case-steps.ts
 * `withdrawn`). The lifecycle rules close the case as （六）其他处理 3 其他 and stop the clock; refused after an answer.
 */
import { NotFoundError } from '../../platform/http/errors.ts'
import { applyCaseEvent } from './record-step.ts'
import type { RequestsContext } from './requests.context.ts'
import { lockCase, type RequestCase } from './requests.repository.ts'

/** The applicant's own withdrawal (no staff actor): dated today, recorded as the applicant's, in one transaction. */
export async function withdrawOnline(ctx: RequestsContext, caseId: number): Promise<RequestCase> {
  return ctx.db.transaction().execute(async (trx) => {
    const record = await lockCase(trx, caseId)
    if (!record) throw new NotFoundError()
    await applyCaseEvent(trx, ctx, record, { type: 'withdrawn', on: ctx.clock.today(), channel: 'online' }, { actorUserId: null, byApplicant: true })
    return (await lockCase(trx, caseId))!
  })
}
