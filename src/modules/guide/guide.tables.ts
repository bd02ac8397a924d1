import type { ColumnType, JSONColumnType } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>

/** One unit's 政府信息公开指南 settings (条例 第十二条). */
export interface DisclosureGuidesTable {
  organisation_id: number
  office_name: string
  address: string
  office_hours: string
  phone: string
  fax: ColumnType<string, string | undefined, string>
  email: ColumnType<string, string | undefined, string>
  postcode: ColumnType<string, string | undefined, string>
  channels: JSONColumnType<string[], string, string>
  introduction: ColumnType<string, string | undefined, string>
  additional_notes: ColumnType<string, string | undefined, string>
  updated_at: Timestamp
  updated_by_user_id: number | null
}

export interface GuideTables {
  disclosure_guides: DisclosureGuidesTable
}
