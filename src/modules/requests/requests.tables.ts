import type { ColumnType, Generated, JSONColumnType } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>

export interface RequestCasesTable {
  id: Generated<number>
  organisation_id: number
  regime: string
  state: string
  channel: string
  submitted_on: string
  /** 收到申请之日 (条例 第三十一条); null until confirmed where the channel needs a confirmation. */
  received_on: string | null
  applicant_type: string
  information_name: Generated<string>
  doc_no: Generated<string>
  description: string
  wanted_form: string
  delivery: string
  /** 查询码 of the public tracking page. */
  query_code: string
  /** SM3 hex of the application content as received. */
  fingerprint: string
  idempotency_key: string
  due_on: string | null
  disposition: string | null
  decided_on: string | null
  closed_on: string | null
  registered_by_user_id: number | null
  /** The lifecycle rules' view of the case after its last event (rules/lifecycle.ts RequestCase). */
  rules_state: JSONColumnType<Record<string, unknown>, string, string>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface RequestApplicantsTable {
  case_id: number
  name_enc: string
  name_masked: string
  contact_person_enc: string | null
  id_type: string
  id_number_enc: string
  id_number_masked: string
  id_number_hmac: string
  phone_enc: string
  phone_masked: string
  email_enc: string | null
  address_enc: string | null
  address_masked: Generated<string>
  postcode: Generated<string>
}

export interface RequestEventsTable {
  id: Generated<number>
  case_id: number
  type: string
  from_state: string | null
  to_state: string
  effective_on: string
  recorded_at: Timestamp
  actor_user_id: number | null
  details: JSONColumnType<Record<string, unknown>, string, string>
}

export interface RequestDocumentsTable {
  id: Generated<number>
  case_id: number
  event_id: number | null
  kind: string
  title: string
  for_applicant: boolean
  issued_on: string
  model: JSONColumnType<Record<string, unknown>, string, string>
  html: string
  created_at: Generated<Date>
}

export interface RequestRemediesTable {
  id: Generated<number>
  case_id: number
  kind: string
  after_review: Generated<boolean>
  filed_on: string
  body: Generated<string>
  outcome: Generated<string>
  concluded_on: string | null
  created_at: Generated<Date>
}

export interface RequestLookupFailuresTable {
  id: Generated<number>
  source_hash: string
  failed_at: Timestamp
}

/** 历史案件导入: an uploaded file between its dry run and its confirmation (migration 0031). */
export interface RequestHistoryUploadsTable {
  id: Generated<number>
  user_id: number
  file_name: string
  /** 'csv' or 'xlsx', sniffed from the bytes. */
  format: string
  size_bytes: number
  sha256: string
  content: Buffer
  created_at: Generated<Date>
  /** Set once, when the cases of the file were imported. */
  imported_at: Date | null
  imported_count: number | null
}

export interface RequestsTables {
  request_cases: RequestCasesTable
  request_applicants: RequestApplicantsTable
  request_events: RequestEventsTable
  request_documents: RequestDocumentsTable
  request_remedies: RequestRemediesTable
  request_lookup_failures: RequestLookupFailuresTable
  request_history_uploads: RequestHistoryUploadsTable
  request_fee_settings: RequestFeeSettingsTable
}

/** 信息处理费 facts set by the 公开办 (fee-settings.ts): one full snapshot per change; the newest is in force. */
export interface RequestFeeSettingsTable {
  id: Generated<number>
  payment_working_days: number
  effective_from: string
  exemptions: JSONColumnType<{ code: string; label: string; citation: string }[], string, string>
  summary: string
  user_id: number | null
  changed_at: ColumnType<Date, Date | string | undefined, never>
}
