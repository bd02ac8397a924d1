/** Reads of the 政府信息公开指南 settings; rows in, domain values out. */
import type { Executor } from '../../database.ts'
import type { ChannelKey } from './guide.forms.ts'

/** One unit's 指南 settings (条例 第十二条). */
export interface DisclosureSettings {
  organisationId: number
  /** 政府信息公开工作机构 */
  officeName: string
  address: string
  postcode: string
  officeHours: string
  phone: string
  fax: string
  email: string
  /** 受理渠道 */
  channels: ChannelKey[]
  /** The unit's own text before and after the generated guide (plain text, escaped when shown). */
  introduction: string
  additionalNotes: string
  updatedAt: Date
  updatedByUserId: number | null
}

function toSettings(r: any): DisclosureSettings {
  const channels = typeof r.channels === 'string' ? JSON.parse(r.channels) : r.channels
  return {
    organisationId: r.organisation_id, officeName: r.office_name, address: r.address, postcode: r.postcode, officeHours: r.office_hours,
    phone: r.phone, fax: r.fax, email: r.email, channels: Array.isArray(channels) ? channels : [], introduction: r.introduction,
    additionalNotes: r.additional_notes, updatedAt: new Date(r.updated_at), updatedByUserId: r.updated_by_user_id,
  }
}

/** The settings of one unit; undefined while the unit has not filled in its guide. */
export async function findDisclosureSettings(db: Executor, organisationId: number): Promise<DisclosureSettings | undefined> {
  const row = await db.selectFrom('disclosure_guides').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst()
  return row ? toSettings(row) : undefined
}

/** When each unit last updated its guide (units without settings are absent). */
export async function guideUpdateTimes(db: Executor): Promise<Map<number, Date>> {
  const rows = await db.selectFrom('disclosure_guides').select(['organisation_id', 'updated_at']).execute()
  return new Map(rows.map((r) => [r.organisation_id, new Date(r.updated_at)]))
}
