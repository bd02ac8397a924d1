/** The abandonment (视为放弃) and fee paths on a real database, with their letters and dispositions. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { findClock } from '../calendar/index.ts'
import { findOrganisationByCode } from '../orgs/index.ts'
import { chineseDate } from './documents/index.ts'
import { openLetter } from './issue-letters.tsx'
import { prepareFeeNotice } from './prepare-fee-notice.ts'
import { recordStep, StepRefusedError } from './record-step.ts'
import { registerRequest } from './register-request.ts'
import { actorOf, onlineApplication, requestsContext } from './requests.fixtures.ts'
import { documentsOf, findCase } from './requests.repository.ts'
import { FEE_SCHEDULE } from './rules/index.ts'

let database: TestDatabase
beforeAll(async () => { database = await openTestPglite() })
afterAll(async () => database?.close())

it('closes a case as 视为放弃 only after the 补正 deadline, with the 其他处理 disposition', async () => {
  const db = database.db
  const fgw = (await findOrganisationByCode(db, 'fgw'))!
  const editor = requestsContext(db, fixedClock('2026-11-27T02:00:00Z'), await actorOf(db, 'fgw.editor'))
  const { case: c } = await registerRequest(editor, onlineApplication(fgw.id, { channel: 'in_person', facts: { submittedOn: '2026-10-08' }, idempotencyKey: 'e'.repeat(32) }))
  await recordStep(editor, c.id, { type: 'correction_requested', on: '2026-10-10', items: ['请写明文件名称'], dueOn: '2026-10-25' })
  await expect(recordStep(editor, c.id, { type: 'correction_lapsed', on: '2026-10-20' })).rejects.toThrow(/尚未届满/)
  await recordStep(editor, c.id, { type: 'correction_lapsed', on: '2026-10-26' })
  const closed = (await findCase(db, c.id))!
  expect(closed.state).toBe('deemed_withdrawn')
  expect(closed.disposition).toBe('other_overdue_correction')
  expect((await documentsOf(db, c.id)).map((d) => d.kind)).toEqual(['receipt', 'correction_notice', 'answer'])
})

it('charges 按件 from the eleventh application of the month, pauses the clock until payment, and stops on non-payment', async () => {
  const db = database.db
  const czj = (await findOrganisationByCode(db, 'czj'))!
  const editor = requestsContext(db, fixedClock('2026-11-27T02:00:00Z'), await actorOf(db, 'czj.editor'))
  const ids: number[] = []
  for (let i = 1; i <= 12; i++) {
    const day = String(i + 1).padStart(2, '0')
    ids.push((await registerRequest(editor, onlineApplication(czj.id, { channel: 'in_person', facts: { submittedOn: `2026-11-${day}` }, idempotencyKey: `f${String(i).padStart(31, '0')}` }))).case.id)
  }
  await expect(prepareFeeNotice(editor, (await findCase(db, ids[9]!))!, { on: '2026-11-20', method: 'per_application', pages: null, form: null, paymentMethod: '到财政局缴纳' })).rejects.toThrow(/不需要发出收费通知/)
  const eleventh = await prepareFeeNotice(editor, (await findCase(db, ids[10]!))!, { on: '2026-11-20', method: 'per_application', pages: null, form: null, paymentMethod: '到财政局缴纳' })
  expect(eleventh.event).toMatchObject({ type: 'fee_notice_sent', amountYuan: 100 })
  await recordStep(editor, ids[10]!, eleventh.event, eleventh.extras)
  expect((await findCase(db, ids[10]!))!.state).toBe('awaiting_fee')
  await expect(recordStep(editor, ids[10]!, { type: 'decided', on: '2026-11-21', decision: { code: 'granted', answerForm: 'provided' } }, { howProvided: '随本答复书提供纸质复印件' })).rejects.toThrow(StepRefusedError)
  await recordStep(editor, ids[10]!, { type: 'fee_paid', on: '2026-11-24' })
  expect((await findClock(db, 'request_case', String(ids[10])))!.events.map((e) => e.type)).toEqual(['start', 'pause', 'resume'])
  const twelfth = await prepareFeeNotice(editor, (await findCase(db, ids[11]!))!, { on: '2026-11-13', method: 'per_application', pages: null, form: null, paymentMethod: '到财政局缴纳' })
  await recordStep(editor, ids[11]!, twelfth.event, twelfth.extras)
  const payBy = (twelfth.event as { payBy: string }).payBy
  // FEE_SCHEDULE's recalled 20 working days (regulation.md §2 [M]): 11-16 … 12-11 on the 2026 calendar.
  expect(payBy).toBe('2026-12-11')
  // The [M] facts are configurable: a deployment's own schedule (here 10 working days to pay) is what counts.
  const configured = await prepareFeeNotice({ ...editor, feeSchedule: { ...FEE_SCHEDULE, paymentWorkingDays: 10 } }, (await findCase(db, ids[11]!))!, { on: '2026-11-13', method: 'per_application', pages: null, form: null, paymentMethod: '到财政局缴纳' })
  expect((configured.event as { payBy: string }).payBy).toBe('2026-11-27')
  expect((await documentsOf(db, ids[11]!)).map((d) => d.kind)).toContain('fee_notice')
  const later = requestsContext(db, fixedClock('2027-01-05T02:00:00Z'), await actorOf(db, 'czj.editor'))
  await expect(recordStep(later, ids[11]!, { type: 'fee_lapsed', on: payBy })).rejects.toThrow(/尚未届满/)
  await recordStep(later, ids[11]!, { type: 'fee_lapsed', on: '2027-01-04' })
  const lapsed = (await findCase(db, ids[11]!))!
  expect(lapsed.state).toBe('fee_lapsed')
  expect(lapsed.disposition).toBe('other_overdue_fee')
  // The answer names the fee notice actually issued on this case: its 发文字号 and date, never a placeholder.
  const letters = await documentsOf(db, ids[11]!)
  const notice = openLetter(editor.cipher, letters.find((d) => d.kind === 'fee_notice')!).letter
  const answer = openLetter(editor.cipher, letters.find((d) => d.kind === 'answer')!).html
  expect(notice.docNo).toMatch(/依申费〔2026〕/)
  expect(answer).toContain(notice.docNo!)
  expect(answer).toContain(chineseDate(notice.signature!.date))
  expect(answer).not.toContain('见收费通知书')
})
