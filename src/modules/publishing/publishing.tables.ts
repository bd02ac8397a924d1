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

export interface PublishingTables {
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
