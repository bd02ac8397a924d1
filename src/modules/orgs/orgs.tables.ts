import type { ColumnType, Generated, JSONColumnType } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

export interface RegionsTable {
  id: Generated<number>
  code: string
  name: string
  valid_from: string
  valid_to: string | null
  successor_id: number | null
  basis: string | null
}

export interface OrganisationsTable {
  id: Generated<number>
  region_id: number
  parent_id: number | null
  code: string
  name: string
  short_name: string
  kind: string
  is_disclosure_office: Generated<boolean>
  valid_from: string
  valid_to: string | null
  address: Generated<string>
  office_hours: Generated<string>
  phone: Generated<string>
  email: Generated<string>
  postcode: Generated<string>
  sort_order: Generated<number>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface OrganisationSuccessionsTable {
  predecessor_id: number
  successor_id: number
  effective_on: string
  basis: Generated<string>
}

export interface UsersTable {
  id: Generated<number>
  username: string
  display_name: string
  organisation_id: number
  password_hash: string
  must_change_password: Generated<boolean>
  password_changed_at: Timestamp | null
  failed_attempts: Generated<number>
  locked_until: Timestamp | null
  totp_secret_enc: string | null
  totp_enabled: Generated<boolean>
  is_demo: Generated<boolean>
  disabled_at: Timestamp | null
  last_sign_in_at: Timestamp | null
  created_at: Generated<Date>
}

export interface UserRolesTable {
  user_id: number
  role: string
}

export interface SessionsTable {
  id: string
  user_id: number
  pending_second_factor: Generated<boolean>
  created_at: Generated<Date>
  last_seen_at: Timestamp
  expires_at: Timestamp
  ip: Generated<string>
}

export interface AuditLogTable {
  seq: number
  occurred_at: Timestamp
  actor_user_id: number | null
  actor_username: Generated<string>
  organisation_id: number | null
  action: string
  outcome: string
  target_type: Generated<string>
  target_id: Generated<string>
  ip: Generated<string>
  details: JSONColumnType<Record<string, unknown>, string, string>
  prev_hash: string
  hash: string
}

export interface InstallationTable {
  key: string
  value: JSONColumnType<Record<string, unknown>, string, string>
  updated_at: Generated<Date>
}

export interface OrgsTables {
  regions: RegionsTable
  organisations: OrganisationsTable
  organisation_successions: OrganisationSuccessionsTable
  users: UsersTable
  user_roles: UserRolesTable
  sessions: SessionsTable
  audit_log: AuditLogTable
  installation: InstallationTable
}
