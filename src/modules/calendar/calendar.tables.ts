import type { Generated, JSONColumnType } from 'kysely'

export interface CalendarVersionsTable {
  id: Generated<number>
  kind: string
  label: string
  basis: Generated<string>
  reason: Generated<string>
  created_by_user_id: number | null
  created_at: Generated<Date>
}

export interface CalendarEntriesTable {
  version_id: number
  date: string
  kind: string
  name: string
  source: Generated<string>
}

export interface CalendarNoticesTable {
  version_id: number
  position: number
  year: number
  title: string
  doc_no: string | null
  url: string | null
}

export interface TrackedClocksTable {
  id: Generated<number>
  subject_type: string
  subject_id: string
  regime: string
  events: JSONColumnType<unknown[], string, string>
  state: string
  due_on: string | null
  provisional: Generated<boolean>
  calendar_version_id: number
  updated_at: Generated<Date>
}

export interface ClockChangesTable {
  id: Generated<number>
  clock_id: number
  calendar_version_id: number
  occurred_at: Date
  kind: string
  old_due_on: string | null
  new_due_on: string | null
  reason: string
}

export interface CalendarTables {
  calendar_versions: CalendarVersionsTable
  calendar_entries: CalendarEntriesTable
  calendar_notices: CalendarNoticesTable
  tracked_clocks: TrackedClocksTable
  clock_changes: ClockChangesTable
}
