/**
 * Calendar versions and tracked clocks in the database. The calendar in force is the newest version;
 * it is cached per process by version id and re-read when a newer version appears (several
 * processes may share one PostgreSQL).
 */
import type { Executor } from '../../database.ts'
import { buildCalendar, type Calendar, type CalendarEntry, type CalendarEntryKind, type HolidayNotice } from './calendar.ts'
import type { ClockEvent } from './clock.ts'

export interface CalendarVersion {
  id: number
  kind: 'official_import' | 'notice' | 'amendment'
  label: string
  basis: string
  reason: string
  createdByUserId: number | null
  createdAt: Date
}

function toVersion(r: any): CalendarVersion {
  return { id: r.id, kind: r.kind, label: r.label, basis: r.basis, reason: r.reason, createdByUserId: r.created_by_user_id, createdAt: new Date(r.created_at) }
}

export async function currentVersionId(db: Executor): Promise<number | null> {
  const r = await db.selectFrom('calendar_versions').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst()
  return r?.id ?? null
}

export async function listVersions(db: Executor): Promise<CalendarVersion[]> {
  return (await db.selectFrom('calendar_versions').selectAll().orderBy('id', 'desc').execute()).map(toVersion)
}

/** The label a calendar carries in traces: v<id> and what the version is. */
export function versionLabel(id: number): string {
  return `v${id}`
}

export async function loadCalendarVersion(db: Executor, versionId: number): Promise<Calendar> {
  const [entries, notices] = await Promise.all([
    db.selectFrom('calendar_entries').selectAll().where('version_id', '=', versionId).orderBy('date').execute(),
    db.selectFrom('calendar_notices').selectAll().where('version_id', '=', versionId).orderBy('position').execute(),
  ])
  return buildCalendar({
    version: versionLabel(versionId),
    entries: entries.map((e): CalendarEntry => ({ date: e.date, kind: e.kind as CalendarEntryKind, name: e.name, source: e.source })),
    notices: notices.map((n): HolidayNotice => ({ year: n.year, title: n.title, docNo: n.doc_no, url: n.url })),
  })
}

const cache: { id: number | null; calendar: Calendar | null; db: unknown } = { id: null, calendar: null, db: null }

/** The calendar in force (newest version), or null when none is stored yet. */
export async function currentCalendar(db: Executor): Promise<{ id: number; calendar: Calendar } | null> {
  const id = await currentVersionId(db)
  if (id === null) return null
  if (cache.id !== id || cache.db !== db || !cache.calendar) {
    cache.calendar = await loadCalendarVersion(db, id)
    cache.id = id
    cache.db = db
  }
  return { id, calendar: cache.calendar }
}

export async function insertVersion(db: Executor, input: { kind: CalendarVersion['kind']; label: string; basis: string; reason: string; createdByUserId: number | null; createdAt: Date; calendar: { entries: Iterable<CalendarEntry>; notices: readonly HolidayNotice[] } }): Promise<number> {
  const { id } = await db.insertInto('calendar_versions').values({
    kind: input.kind, label: input.label, basis: input.basis, reason: input.reason, created_by_user_id: input.createdByUserId, created_at: input.createdAt,
  }).returning('id').executeTakeFirstOrThrow()
  const rows = [...input.calendar.entries].map((e) => ({ version_id: id, date: e.date, kind: e.kind, name: e.name, source: e.source ?? '' }))
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('calendar_entries').values(rows.slice(i, i + 500)).execute()
  const notices = input.calendar.notices.map((n, position) => ({ version_id: id, position, year: n.year, title: n.title, doc_no: n.docNo, url: n.url }))
  if (notices.length) await db.insertInto('calendar_notices').values(notices).execute()
  return id
}

export interface TrackedClock {
  id: number
  subjectType: string
  subjectId: string
  regime: string
  events: ClockEvent[]
  state: string
  dueOn: string | null
  provisional: boolean
  calendarVersionId: number
}

function toClock(r: any): TrackedClock {
  return {
    id: r.id, subjectType: r.subject_type, subjectId: r.subject_id, regime: r.regime,
    events: (typeof r.events === 'string' ? JSON.parse(r.events) : r.events) as ClockEvent[],
    state: r.state, dueOn: r.due_on, provisional: r.provisional, calendarVersionId: r.calendar_version_id,
  }
}

export async function findClock(db: Executor, subjectType: string, subjectId: string): Promise<TrackedClock | undefined> {
  const r = await db.selectFrom('tracked_clocks').selectAll().where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).executeTakeFirst()
  return r && toClock(r)
}

/** Open clocks (not stopped) in id order, a page at a time. */
export async function openClocksAfter(db: Executor, afterId: number, limit: number): Promise<TrackedClock[]> {
  const rows = await db.selectFrom('tracked_clocks').selectAll().where('state', '<>', 'stopped').where('id', '>', afterId).orderBy('id').limit(limit).execute()
  return rows.map(toClock)
}

export async function countOpenClocks(db: Executor): Promise<number> {
  const r = await db.selectFrom('tracked_clocks').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '<>', 'stopped').executeTakeFirstOrThrow()
  return Number(r.n)
}

export interface ClockChange {
  id: number
  clockId: number
  calendarVersionId: number
  occurredAt: Date
  kind: string
  oldDueOn: string | null
  newDueOn: string | null
  reason: string
}

export async function changesOfClock(db: Executor, clockId: number): Promise<ClockChange[]> {
  const rows = await db.selectFrom('clock_changes').selectAll().where('clock_id', '=', clockId).orderBy('id').execute()
  return rows.map((r) => ({ id: r.id, clockId: r.clock_id, calendarVersionId: r.calendar_version_id, occurredAt: new Date(r.occurred_at), kind: r.kind, oldDueOn: r.old_due_on, newDueOn: r.new_due_on, reason: r.reason }))
}
