/** Statistics and reminders computed from real cases (PGlite, and PostgreSQL when TEST_DATABASE_URL is set). */
import { expect, it } from 'vitest'
import { describeEachDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { findOrganisationByCode } from '../orgs/index.ts'
import { runDeadlineReminders } from './deadline-reminders.ts'
import { recordStep } from './record-step.ts'
import { registerRequest } from './register-request.ts'
import { requestStatistics } from './request-statistics.ts'
import { actorOf, onlineApplication, requestsContext } from './requests.fixtures.ts'
import { eventsOf } from './requests.repository.ts'

describeEachDatabase('request statistics and reminders', (get) => {
  it('counts table 三 cells with their cases, per unit and for the region', async () => {
    const db = get().db
    const clock = fixedClock('2026-11-27T02:00:00Z')
    const czj = (await findOrganisationByCode(db, 'czj'))!
    const editor = requestsContext(db, clock, await actorOf(db, 'czj.editor'))
    const a = await registerRequest(editor, onlineApplication(czj.id, { channel: 'in_person', facts: { submittedOn: '2026-03-02' }, idempotencyKey: 'b'.repeat(32) }))
    await recordStep(editor, a.case.id, { type: 'decided', on: '2026-03-10', decision: { code: 'granted', answerForm: 'provided' } }, { howProvided: '随本答复书提供纸质复印件' })
    const b = await registerRequest(editor, onlineApplication(czj.id, { applicantCategory: 'research', channel: 'fax', facts: { submittedOn: '2026-11-25', confirmedOn: '2026-11-26' }, idempotencyKey: 'c'.repeat(32) }))
    const stats = await requestStatistics(db, { organisationIds: [czj.id], year: 2026 })
    expect(stats.table3.table.new_received.total).toEqual({ count: 2, caseIds: [String(a.case.id), String(b.case.id)] })
    expect(stats.table3.table.granted.natural_person.caseIds).toEqual([String(a.case.id)])
    expect(stats.table3.table.carried_forward.research.count).toBe(1)
    const fgw = (await findOrganisationByCode(db, 'fgw'))!
    expect((await requestStatistics(db, { organisationIds: [fgw.id], year: 2026 })).table3.table.new_received.total.count).toBe(0)
    expect((await requestStatistics(db, { year: 2026 })).table3.table.new_received.total.count).toBeGreaterThanOrEqual(2)
  })

  it('reminds once when due soon, once when overdue, and escalates to the 公开办, however often it runs', async () => {
    const db = get().db
    const fgw = (await findOrganisationByCode(db, 'fgw'))!
    const clock = fixedClock('2026-11-23T02:00:00Z')
    const editor = requestsContext(db, clock, await actorOf(db, 'fgw.editor'))
    // Received 2026-10-26: due 2026-11-23 (20 working days).
    const { case: c } = await registerRequest(editor, onlineApplication(fgw.id, { channel: 'in_person', facts: { submittedOn: '2026-10-26' }, idempotencyKey: 'd'.repeat(32) }))
    expect(c.dueOn).toBe('2026-11-23')
    const kinds = async () => (await eventsOf(db, c.id)).map((e) => e.type).filter((t) => t.startsWith('reminder') || t.startsWith('supervision'))
    await runDeadlineReminders({ db, clock })
    await runDeadlineReminders({ db, clock })
    expect(await kinds()).toEqual(['reminder_due_soon'])
    clock.set('2026-11-24T02:00:00Z')
    await runDeadlineReminders({ db, clock })
    expect(await kinds()).toEqual(['reminder_due_soon', 'reminder_overdue'])
    clock.set('2026-11-30T02:00:00Z')
    await runDeadlineReminders({ db, clock })
    await runDeadlineReminders({ db, clock })
    expect(await kinds()).toEqual(['reminder_due_soon', 'reminder_overdue', 'supervision_requested'])
  })
})
