/** Calendar versions in the database (PGlite, and PostgreSQL with TEST_DATABASE_URL): notices, amendments, recomputation. */
import { expect, it } from 'vitest'
import { describeEachDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { NOTICE_2020_ORIGINAL, NOTICE_2026 } from './calendar.fixtures.ts'
import { changesOfClock, currentCalendar, findClock, listVersions } from './calendar.repository.ts'
import { ensureOfficialCalendar, parseAmendmentLines, proposeAmendment, proposeNotice, storeCalendarVersion, type CalendarContext } from './calendar-versions.ts'
import { dayKind } from './calendar.ts'
import { explainDueDate } from './due-date.ts'
import { recordClockEvent, trackClock } from './track-clock.ts'

describeEachDatabase('calendar versions', (database) => {
  const audited: string[] = []
  const ctx = (): CalendarContext => ({
    db: database().db, clock: fixedClock('2026-12-11T02:00:00Z'), actorUserId: null,
    audit: async (_trx, entry) => { audited.push(entry.action) },
  })

  it('starts from the shipped official calendar 2007–2026, stored once', async () => {
    expect(await ensureOfficialCalendar(database().db, new Date())).toBe(false)
    const current = (await currentCalendar(database().db))!
    expect(current.calendar.coveredYears.has(2007)).toBe(true)
    expect(current.calendar.coveredYears.has(2026)).toBe(true)
    expect(current.calendar.coveredYears.has(2027)).toBe(false)
    expect(dayKind('2025-09-28', current.calendar).kind).toBe('worked_weekend')
  })

  it('shows a pasted notice for confirmation without storing it', async () => {
    const before = (await listVersions(database().db)).length
    const proposal = await proposeNotice(database().db, { year: 2026, text: NOTICE_2026, title: '', docNo: '', url: '' })
    // the shipped data already has the 2026 notice: nothing changes
    expect(proposal.changes).toEqual([])
    expect(proposal.declared.length).toBeGreaterThan(30)
    expect((await listVersions(database().db)).length).toBe(before)
  })

  it('adds a year that had no notice, and the provisional deadline into it becomes final', async () => {
    const db = database().db
    // Hypothetical 2027 notice for this test (2027-01-01 is a Friday); not official data.
    await trackClock(db, { subjectType: 'test', subjectId: 'into-2027', regime: 'cn-2019', events: [{ type: 'start', on: '2026-12-10' }] }, '2026-12-11')
    const before = (await findClock(db, 'test', 'into-2027'))!
    expect(before.provisional).toBe(true)
    expect(before.dueOn).toBe('2027-01-07')
    const proposal = await proposeNotice(db, { year: 2027, text: '一、元旦：1月1日（周五）至3日（周日）放假，共3天。', title: '假设的2027年通知（测试）', docNo: '', url: '' })
    // 01-01 becomes a holiday; 01-02 and 01-03 go from weekend to holiday
    expect(proposal.changes.map((c) => c.date)).toEqual(['2027-01-01', '2027-01-02', '2027-01-03'])
    const stored = await storeCalendarVersion({ ...ctx(), clock: fixedClock('2026-12-11T02:00:00Z') }, proposal)
    expect(stored.changedDates).toBe(3)
    const after = (await findClock(db, 'test', 'into-2027'))!
    expect(after.dueOn).toBe('2027-01-08')
    expect(after.provisional).toBe(false)
    const changes = await changesOfClock(db, after.id)
    expect(changes.at(-1)).toMatchObject({ kind: 'deadline_changed', oldDueOn: '2027-01-07', newDueOn: '2027-01-08', calendarVersionId: stored.versionId })
    expect(audited).toContain('calendar.notice')
  })

  it('amends 2020 like 国办发明电〔2020〕1号: open deadlines move, each with a "deadline changed" record', async () => {
    const db = database().db
    // Put 2020 back as the original notice had it, then track a request received 2020-01-20.
    await storeCalendarVersion(ctx(), await proposeNotice(db, { year: 2020, text: NOTICE_2020_ORIGINAL, title: '《国务院办公厅关于2020年部分节假日安排的通知》', docNo: '国办发明电〔2019〕16号', url: '' }))
    await trackClock(db, { subjectType: 'test', subjectId: 'spring-2020', regime: 'cn-2019', events: [{ type: 'start', on: '2020-01-20' }] }, '2020-01-21')
    await trackClock(db, { subjectType: 'test', subjectId: 'answered', regime: 'cn-2019', events: [{ type: 'start', on: '2020-01-02' }, { type: 'stop', on: '2020-01-10' }] }, '2020-01-21')
    await trackClock(db, { subjectType: 'test', subjectId: 'after', regime: 'cn-2019', events: [{ type: 'start', on: '2020-03-02' }] }, '2020-03-02')
    expect((await findClock(db, 'test', 'spring-2020'))!.dueOn).toBe('2020-02-21')

    const proposal = await proposeAmendment(db, {
      lines: '2020-01-31 休 春节\n2020-02-01 休 春节\n2020-02-02 休 春节', title: '《国务院办公厅关于延长2020年春节假期的通知》', docNo: '国办发明电〔2020〕1号', url: '', reason: '延长2020年春节假期',
    })
    expect(proposal.changes.map((c) => c.date)).toEqual(['2020-01-31', '2020-02-01', '2020-02-02'])
    const stored = await storeCalendarVersion(ctx(), proposal)
    expect(stored.changedDeadlines).toBeGreaterThanOrEqual(1)

    const moved = (await findClock(db, 'test', 'spring-2020'))!
    expect(moved.dueOn).toBe('2020-02-25')
    const change = (await changesOfClock(db, moved.id)).at(-1)!
    expect(change).toMatchObject({ kind: 'deadline_changed', oldDueOn: '2020-02-21', newDueOn: '2020-02-25' })
    expect(change.reason).toContain('国办发明电〔2020〕1号')
    // a closed case and a case after the changed days keep their dates and get no record
    expect(await changesOfClock(db, (await findClock(db, 'test', 'answered'))!.id)).toEqual([])
    expect(await changesOfClock(db, (await findClock(db, 'test', 'after'))!.id)).toEqual([])
    // the same question now has the new answer, with the trace naming the holiday
    const answer = explainDueDate((await currentCalendar(db))!.calendar, { from: '2020-01-20', days: 20 })
    expect(answer.due).toBe('2020-02-25')
    expect(answer.trace.lines.join('\n')).toContain('春节')
  })

  it('refuses a second extension on a tracked clock with the reason, and keeps the clock', async () => {
    const db = database().db
    await trackClock(db, { subjectType: 'test', subjectId: 'ext', regime: 'cn-2019', events: [{ type: 'start', on: '2025-03-03' }] }, '2025-03-04')
    await recordClockEvent(db, 'test', 'ext', { type: 'extension', on: '2025-03-10', workingDays: 20 }, '2025-03-10')
    const once = (await findClock(db, 'test', 'ext'))!
    await expect(recordClockEvent(db, 'test', 'ext', { type: 'extension', on: '2025-03-11', workingDays: 5 }, '2025-03-11')).rejects.toThrow(/延长/)
    expect((await findClock(db, 'test', 'ext'))!.events).toEqual(once.events)
  })
})

it.each([
  ['2020-02-30 休 春节', '不存在'],
  ['2020-01-31 放 春节', '看不懂'],
  ['2020-01-31 休', '缺少节日名称'],
  ['2020-02-03 班 春节', '不是周末'],
  ['2020-01-31 休 春节\n2020-01-31 常', '重复'],
  ['', '至少填写一行'],
])('parseAmendmentLines refuses %j with a message containing %s', (lines, message) => {
  expect(() => parseAmendmentLines(lines)).toThrow(message)
})
