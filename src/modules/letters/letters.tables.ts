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
  letter_publications: LetterPublicationsTable
}
