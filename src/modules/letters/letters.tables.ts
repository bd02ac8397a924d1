import type { ColumnType, Generated, JSONColumnType } from 'kysely'

export interface LetterCasesTable {
  id: Generated<number>
  region_id: number
  case_no: string
  channel: string
  category: string
  addressed_unit_id: number | null
  unit_id: number | null
  subject: string
  content: string
  publish_consent: Generated<boolean>
  state: string
  contact_name_sealed: string
  contact_phone_sealed: string
  contact_name_masked: string
  contact_phone_masked: string
  query_code: string
  idempotency_key: string | null
  source_hash: string | null
  received_on: string
  received_at: Date
  extended: Generated<boolean>
  reply_text: string | null
  replied_at: Date | null
  released_at: Date | null
  closed_at: Date | null
  not_accepted_reason: string | null
  screening_note: string | null
  merged_into_id: number | null
  satisfaction: string | null
  supervision_grade: string | null
  answered_on_spot: Generated<boolean>
  reopen_count: Generated<number>
  escalated_at: Date | null
  registered_by_user_id: number | null
  limit_working_days: number | null
  limit_citation: string | null
  rated_at: Date | null
  satisfaction_voided: Generated<boolean>
}

export interface LetterEventsTable {
  id: Generated<number>
  case_id: number
  type: string
  from_state: string | null
  to_state: string
  unit_id: number | null
  actor_user_id: number | null
  actor_kind: string
  effective_on: string
  recorded_at: Date
  reason: Generated<string>
  details: JSONColumnType<Record<string, unknown>, string | undefined, string>
}

export interface LetterAttachmentsTable {
  id: Generated<number>
  case_id: number
  file_name: string
  media_type: string
  size_bytes: number
  sha256: string
  content: Buffer
  position: number
  created_at: ColumnType<Date, Date | undefined, never>
  kind: Generated<string>
  event_id: number | null
}

export interface LetterReplyLimitsTable {
  id: Generated<number>
  /** '' = any channel. */
  channel: string
  /** '' = any category. */
  category: string
  working_days: number
  citation: string
  updated_at: Generated<Date>
}

export interface LetterRoutingRowsTable {
  id: Generated<number>
  unit_code: string
  keywords: JSONColumnType<string[], string, string>
  categories: JSONColumnType<string[], string | undefined, string>
  position: number
  updated_at: Generated<Date>
}

export interface LetterSettingsTable {
  key: string
  value: number
  note: string
  updated_at: Generated<Date>
}

export interface LetterConfigChangesTable {
  id: Generated<number>
  changed_at: Date
  user_id: number | null
  kind: string
  summary: string
  before: JSONColumnType<Record<string, unknown> | null, string | null, string | null>
  after: JSONColumnType<Record<string, unknown> | null, string | null, string | null>
}

export interface LetterRectificationsTable {
  id: Generated<number>
  case_id: number
  rated_case_id: number
  unit_id: number
  satisfaction: string
  state: string
  opened_on: string
  due_on: string
  rectification_note: string | null
  follow_up_result: string | null
  rectified_at: Date | null
  appeal_reason: string | null
  appealed_at: Date | null
  review_note: string | null
  reviewed_at: Date | null
  /** 整改督办 by the letters-escalation job (migration 0036); null = not escalated. */
  escalated_at: Date | null
}

/** 信件选登 decisions: the anonymised, edited texts as published (migration 0034). */
export interface LetterPublicationsTable {
  id: Generated<number>
  case_id: number
  region_id: number
  state: 'approved' | 'declined' | 'withdrawn'
  subject: string
  content: string
  reply: string
  reason: Generated<string>
  decided_by_user_id: number
  decided_at: Date
  published_at: Date | null
  withdrawn_at: Date | null
}

export interface LettersTables {
  letter_cases: LetterCasesTable
  letter_events: LetterEventsTable
  letter_attachments: LetterAttachmentsTable
  letter_reply_limits: LetterReplyLimitsTable
  letter_routing_rows: LetterRoutingRowsTable
  letter_settings: LetterSettingsTable
  letter_config_changes: LetterConfigChangesTable
  letter_rectifications: LetterRectificationsTable
  letter_publications: LetterPublicationsTable
}
