import type { ColumnType, Generated, JSONColumnType } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>

export interface IndexNoCountersTable {
  organisation_id: number
  year: number
  last_serial: number
}

export interface CatalogueItemsTable {
  id: Generated<number>
  organisation_id: number
  index_no: string
  first_published_at: Timestamp | null
  live_edition_id: number | null
  public_state: Generated<string>
  created_by_user_id: number
  created_at: Generated<Date>
}

export interface CatalogueEditionsTable {
  id: Generated<number>
  item_id: number
  edition_no: number
  state: string
  title: string
  issuing_body: Generated<string>
  doc_no: string | null
  written_on: string
  topic: Generated<string>
  genre: Generated<string>
  section: string
  summary: Generated<string>
  body_html: Generated<string>
  disclosure: Generated<string>
  disclosure_basis: Generated<string>
  validity: string | null
  effective_on: string | null
  expires_on: string | null
  change_kind: Generated<string>
  change_note: Generated<string>
  publish_at: Timestamp | null
  published_at: Timestamp | null
  version_no: number | null
  needs_review: Generated<boolean>
  withdrawal_kind: string | null
  withdrawal_explanation: string | null
  created_by_user_id: number
  submitted_by_user_id: number | null
  approved_by_user_id: number | null
  published_by_user_id: number | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface CatalogueEventsTable {
  id: Generated<number>
  item_id: number
  edition_id: number
  type: string
  actor_user_id: number | null
  recorded_at: Timestamp
  reason: Generated<string>
  details: JSONColumnType<Record<string, unknown>, string, string>
}

export interface PrivacyReviewsTable {
  id: Generated<number>
  edition_id: number
  content_hash: string
  findings: JSONColumnType<unknown[], string, string>
  scanned_at: Timestamp
  overridden_by_user_id: number | null
  override_reason: string | null
}

export interface CatalogueChannelsTable {
  id: Generated<number>
  item_id: number
  channel: string
  published_on: string
  reference: Generated<string>
}

export interface CatalogueSearchTable {
  item_id: number
  organisation_id: number
  section: string
  topic: string
  validity: string | null
  year: number
  published_at: Timestamp
  title: string
  doc_no: string | null
  tokens: string
}

export interface CatalogueAttachmentsTable {
  id: Generated<number>
  item_id: number
  edition_id: number
  file_name: string
  media_type: string
  size_bytes: number
  sha256: string
  content: Buffer
  position: number
  created_at: Generated<Date>
}

export interface CatalogueRelationsTable {
  edition_id: number
  target_item_id: number
  relation: string
}

/** 主题分类 added by the installation to the built-in scheme (catalogue-terms.ts); second_level '' = a first-level class. */
export interface CatalogueTopicsTable {
  id: Generated<number>
  first_level: string
  second_level: Generated<string>
  note: Generated<string>
  added_by_user_id: number
  added_at: Timestamp
  removed_by_user_id: number | null
  removed_at: Timestamp | null
}

/** 索引号 pattern of a publisher, as a history (the latest row is in force). */
export interface IndexNoPatternsTable {
  id: Generated<number>
  organisation_id: number
  pattern: string
  code_kind: string
  code: string
  set_by_user_id: number
  set_at: Timestamp
}

/** 敏感词 of the installation (removed rows stay, with who removed them and when). */
export interface SensitiveWordsTable {
  id: Generated<number>
  word: string
  word_key: string
  note: Generated<string>
  added_by_user_id: number | null
  added_at: ColumnType<Date, Date | string | undefined, Date | string>
  removed_by_user_id: number | null
  removed_at: Timestamp | null
}

export interface PublishingTables {
  catalogue_topics: CatalogueTopicsTable
  index_no_patterns: IndexNoPatternsTable
  sensitive_words: SensitiveWordsTable
  catalogue_relations: CatalogueRelationsTable
  catalogue_attachments: CatalogueAttachmentsTable
  index_no_counters: IndexNoCountersTable
  catalogue_items: CatalogueItemsTable
  catalogue_editions: CatalogueEditionsTable
  catalogue_events: CatalogueEventsTable
  privacy_reviews: PrivacyReviewsTable
  catalogue_channels: CatalogueChannelsTable
  catalogue_search: CatalogueSearchTable
}
