/** The reminder job: set-based, idempotent under concurrency, the same events as before (PGlite, and PostgreSQL when set). */
import fc from 'fast-check'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { describeEachDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { addWorkingDays, officialCalendar } from '../calendar/index.ts'
import { findOrganisationByCode } from '../orgs/index.ts'
import { ESCALATION_WORKING_DAYS, escalationCutoff, runDeadlineReminders } from './deadline-reminders.ts'
import { registerRequest } from './register-request.ts'
import { actorOf, onlineApplication, requestsContext } from './requests.fixtures.ts'
import { eventsOf } from './requests.repository.ts'

describe('escalationCutoff', () => {
  const calendar = officialCalendar()
  it.each([
    ['2026-11-30', '2026-11-24'], // Monday: due Tue 11-24, 3 working days later is Fri 11-27 < today; due 11-25 reaches Mon 11-30
    ['2026-10-12', '2026-10-07'], // the National Day holidays count for nothing; Saturday 10-10 is worked in lieu (调休上班)
    ['2026-02-24', '2026-02-11'], // the Spring Festival block: a case due before it is escalated only after it
  ])('on %s escalates cases due on or before %s', (today, cutoff) => {
    expect(escalationCutoff(today, calendar)).toBe(cutoff)
  })

  it('says exactly which due dates are escalated: dueOn ≤ cutoff ⇔ dueOn + 3 working days < today', () => {
    const day = fc.integer({ min: 0, max: 700 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))
    fc.assert(fc.property(day, fc.integer({ min: 1, max: 60 }), (today, back) => {
      const dueOn = new Date(Date.parse(`${today}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10)
      const cutoff = escalationCutoff(today, calendar)
      return (dueOn <= cutoff) === (addWorkingDays(dueOn, ESCALATION_WORKING_DAYS, calendar).date < today)
    }), { numRuns: 300 })
  })
})

describeEachDatabase('runDeadlineReminders', (get) => {
  it('writes the events the trace shows: type, details.dueOn and notes, by the system, with the case state', async () => {
    const db = get().db
    const fgw = (await findOrganisationByCode(db, 'fgw'))!
    const clock = fixedClock('2026-11-30T02:00:00Z')
    const editor = requestsContext(db, clock, await actorOf(db, 'fgw.editor'))
    // Received 2026-10-26: due 2026-11-23; on 11-30 it is overdue and more than 3 working days past due.
    const { case: late } = await registerRequest(editor, onlineApplication(fgw.id, { channel: 'in_person', facts: { submittedOn: '2026-10-26' }, idempotencyKey: 'e'.repeat(32) }))
    // Received 2026-11-02: due 2026-11-30 (today): due soon.
    const { case: soon } = await registerRequest(editor, onlineApplication(fgw.id, { channel: 'in_person', facts: { submittedOn: '2026-11-02' }, idempotencyKey: 'f'.repeat(32) }))
    const run = await runDeadlineReminders({ db, clock })
    expect(run.dueSoon).toBeGreaterThanOrEqual(1)
    const reminders = async (id: number) => (await eventsOf(db, id)).filter((e) => e.type !== 'registered')
      .map((e) => ({ type: e.type, from: e.fromState, to: e.toState, on: e.effectiveOn, actor: e.actorUserId, details: e.details }))
    expect(await reminders(late.id)).toEqual([
      { type: 'reminder_overdue', from: 'in_progress', to: 'in_progress', on: '2026-11-30', actor: null, details: { dueOn: '2026-11-23', notes: ['逾期提醒：答复期限 2026-11-23'] } },
      { type: 'supervision_requested', from: 'in_progress', to: 'in_progress', on: '2026-11-30', actor: null, details: { dueOn: '2026-11-23', notes: ['公开办督办：答复期限 2026-11-23'] } },
    ])
    expect(await reminders(soon.id)).toEqual([
      { type: 'reminder_due_soon', from: 'in_progress', to: 'in_progress', on: '2026-11-30', actor: null, details: { dueOn: '2026-11-30', notes: ['即将到期提醒：答复期限 2026-11-30'] } },
    ])
    expect(await runDeadlineReminders({ db, clock })).toEqual({ dueSoon: 0, overdue: 0, escalated: 0 })
  })

  it('writes nothing twice when runs overlap (two at once), and the database refuses a second reminder of a kind per due date', async () => {
    const db = get().db
    const czj = (await findOrganisationByCode(db, 'czj'))!
    const clock = fixedClock('2026-12-10T02:00:00Z')
    const editor = requestsContext(db, clock, await actorOf(db, 'czj.editor'))
    const ids: number[] = []
    for (let i = 0; i < 6; i++) {
      const { case: c } = await registerRequest(editor, onlineApplication(czj.id, { channel: 'in_person', facts: { submittedOn: `2026-11-0${i + 2}` }, idempotencyKey: String(i).repeat(32) }))
      ids.push(c.id)
    }
    const reminderEvents = () => db.selectFrom('request_events').select(['case_id', 'type', sql<string>`details->>'dueOn'`.as('due_on')])
      .where('type', 'in', ['reminder_due_soon', 'reminder_overdue', 'supervision_requested']).execute()
    const before = (await reminderEvents()).length
    const runs = await Promise.all([runDeadlineReminders({ db, clock }), runDeadlineReminders({ db, clock }), runDeadlineReminders({ db, clock })])
    const all = await reminderEvents()
    const keys = all.map((w) => `${w.case_id}|${w.type}|${w.due_on}`)
    expect(new Set(keys).size).toBe(keys.length)
    // Each event counted by exactly one of the three runs.
    expect(runs.reduce((n, r) => n + r.dueSoon + r.overdue + r.escalated, 0)).toBe(all.length - before)
    const written = all.filter((w) => ids.includes(w.case_id))
    expect(written.length).toBe(12) // six cases due 11-30…12-04, each on 12-10 overdue and 3 working days past due (escalated)
    const one = written[0]!
    await expect(db.insertInto('request_events').values({
      case_id: one.case_id, type: one.type, from_state: 'in_progress', to_state: 'in_progress', effective_on: '2026-12-10', recorded_at: clock.now(), actor_user_id: null,
      details: JSON.stringify({ dueOn: one.due_on, notes: [] }),
    }).execute()).rejects.toThrow(/request_events_reminder_once/)
  })
})
