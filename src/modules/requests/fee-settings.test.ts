/** The 公开办's fee settings on a real database: the payment period it sets is the one a fee notice's 缴费期限 uses. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { findOrganisationByCode } from '../orgs/index.ts'
import { FeeSettingsForm, loadFeeSchedule, saveFeeSettings } from './fee-settings.ts'
import { prepareFeeNotice } from './prepare-fee-notice.ts'
import { registerRequest } from './register-request.ts'
import { actorOf, onlineApplication, requestsContext } from './requests.fixtures.ts'
import { findCase } from './requests.repository.ts'
import { FEE_SCHEDULE } from './rules/index.ts'

let database: TestDatabase
beforeAll(async () => { database = await openTestPglite() })
afterAll(async () => database?.close())

it('moves the fee notice’s payment due date when the 公开办 changes the payment period', async () => {
  const db = database.db
  const clock = fixedClock('2026-11-27T02:00:00Z')
  const czj = (await findOrganisationByCode(db, 'czj'))!
  const editor = requestsContext(db, clock, await actorOf(db, 'czj.editor'))
  const { case: c } = await registerRequest(editor, onlineApplication(czj.id, { channel: 'in_person', facts: { submittedOn: '2026-11-10' }, idempotencyKey: 'g'.repeat(32) }))
  const notice = async () => {
    const result = await prepareFeeNotice({ ...editor, feeSchedule: await loadFeeSchedule(db) }, (await findCase(db, c.id))!, { on: '2026-11-13', method: 'per_page', pages: 50, form: 'paper', paymentMethod: '到财政局缴纳' })
    expect(result.extras.paymentWorkingDays).toBe((await loadFeeSchedule(db)).paymentWorkingDays)
    return (result.event as { payBy: string }).payBy
  }
  // An empty table: the code defaults (20 working days: 11-16 … 12-11 on the 2026 calendar).
  expect(await loadFeeSchedule(db)).toBe(FEE_SCHEDULE)
  expect(await notice()).toBe('2026-12-11')
  const office = requestsContext(db, clock, await actorOf(db, 'gkb'))
  const form = FeeSettingsForm.parse({ paymentWorkingDays: '10', effectiveFrom: '2021-01-01', exemptions: 'hardship｜申请人生活确有困难｜国办函〔2020〕109号' })
  expect(await saveFeeSettings(office, form)).toBe(true)
  expect(await notice()).toBe('2026-11-27')
  // A unit user cannot change them.
  await expect(saveFeeSettings(editor, { ...form, paymentWorkingDays: 5 })).rejects.toThrow()
  expect((await loadFeeSchedule(db)).paymentWorkingDays).toBe(10)
})
