/**
 * 收费通知 (条例 第四十二条, 国办函〔2020〕109号): the fee of this application, 按件 (the applicant's applications in
 * the natural month, counted by identity HMAC across every unit's cases) or 按量 (pages), never both, and the
 * payment deadline — computed by the rules (rules/fees.ts) before the step is recorded.
 */
import { InvalidInputError } from '../../platform/http/errors.ts'
import { currentCalendar, officialCalendar } from '../calendar/index.ts'
import type { LetterExtras } from './issue-letters.tsx'
import type { RequestsContext } from './requests.context.ts'
import { applicantOf, casesOfApplicant, type RequestCase } from './requests.repository.ts'
import { computeFee, earlierInMonth, FEE_SCHEDULE, feePaymentDueOn, type RequestEvent } from './rules/index.ts'

export interface FeeNoticeForm {
  on: string
  method: string
  pages: number | null
  form: string | null
  paymentMethod: string
}

export async function prepareFeeNotice(ctx: RequestsContext, record: RequestCase, input: FeeNoticeForm): Promise<{ event: RequestEvent; extras: LetterExtras; explanation: string }> {
  const applicant = await applicantOf(ctx.db, record.id)
  const receivedOn = record.receivedOn ?? record.submittedOn
  let earlier: number | null = null
  if (input.method === 'per_application' && applicant) {
    const history = (await casesOfApplicant(ctx.db, applicant.id_number_hmac))
      .filter((c) => c.receivedOn)
      .map((c) => ({ id: String(c.id).padStart(12, '0'), applicantKey: applicant.id_number_hmac, receivedOn: c.receivedOn! }))
    earlier = earlierInMonth(history, { id: String(record.id).padStart(12, '0'), applicantKey: applicant.id_number_hmac, receivedOn })
  }
  // [M] facts (payment period, exemptions, effective date) come from the context's schedule, FEE_SCHEDULE by default.
  const schedule = ctx.feeSchedule ?? FEE_SCHEDULE
  const fee = computeFee({ method: input.method, earlierInMonth: earlier, pages: input.method === 'per_page' ? input.pages : null, form: input.method === 'per_page' ? input.form : null }, schedule)
  if (!fee.ok) throw new InvalidInputError([{ field: 'method', message: fee.reason }])
  if (fee.chargedYuan <= 0) throw new InvalidInputError([{ field: 'method', message: `${fee.explanation} 不需要发出收费通知。` }])
  const calendar = (await currentCalendar(ctx.db))?.calendar ?? officialCalendar()
  const payBy = feePaymentDueOn(input.on, calendar, schedule)
  const method = input.method === 'per_page'
    ? { kind: 'per_page' as const, pages: input.pages ?? 0, form: (input.form ?? 'paper') as 'paper' }
    : { kind: 'per_application' as const, month: receivedOn.slice(0, 7), applicationsInMonth: (earlier ?? 0) + 1 }
  return {
    event: { type: 'fee_notice_sent', on: input.on, amountYuan: fee.chargedYuan, payBy },
    extras: { paymentMethod: input.paymentMethod, paymentWorkingDays: schedule.paymentWorkingDays, feeMethod: method, feeLines: fee.lines.filter((l) => l.yuan > 0).map((l) => ({ ...l })) },
    explanation: fee.explanation,
  }
}
