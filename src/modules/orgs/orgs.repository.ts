/** Kysely queries for regions, organisations, users and sessions; rows in, domain values out. */
import type { Executor } from '../../database.ts'
import { isRole, type Role } from './roles.ts'

export interface Organisation {
  id: number
  regionId: number
  parentId: number | null
  code: string
  name: string
  shortName: string
  kind: string
  isDisclosureOffice: boolean
  validFrom: string
  validTo: string | null
  address: string
  officeHours: string
  phone: string
  email: string
  postcode: string
  sortOrder: number
}

export interface Succession {
  predecessorId: number
  successorId: number
  effectiveOn: string
  basis: string
  otherName: string
}

export interface User {
  id: number
  username: string
  displayName: string
  organisationId: number
  passwordHash: string
  mustChangePassword: boolean
  failedAttempts: number
  lockedUntil: Date | null
  totpSecretEnc: string | null
  totpEnabled: boolean
  isDemo: boolean
  disabledAt: Date | null
  lastSignInAt: Date | null
  roles: Role[]
}

function toOrganisation(r: any): Organisation {
  return {
    id: r.id, regionId: r.region_id, parentId: r.parent_id, code: r.code, name: r.name, shortName: r.short_name, kind: r.kind,
    isDisclosureOffice: r.is_disclosure_office, validFrom: r.valid_from, validTo: r.valid_to, address: r.address,
    officeHours: r.office_hours, phone: r.phone, email: r.email, postcode: r.postcode, sortOrder: r.sort_order,
  }
}

export async function findOrganisation(db: Executor, id: number): Promise<Organisation | undefined> {
  const r = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst()
  return r && toOrganisation(r)
}

export async function findOrganisationByCode(db: Executor, code: string): Promise<Organisation | undefined> {
  const r = await db.selectFrom('organisations').selectAll().where('code', '=', code).executeTakeFirst()
  return r && toOrganisation(r)
}

/** Organisations of a region; `on` limits to bodies that existed on that date. */
export async function listOrganisations(db: Executor, regionId: number, opts: { on?: string; ids?: number[] } = {}): Promise<Organisation[]> {
  let q = db.selectFrom('organisations').selectAll().where('region_id', '=', regionId)
  if (opts.on) q = q.where('valid_from', '<=', opts.on).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', opts.on!)]))
  if (opts.ids) q = opts.ids.length ? q.where('id', 'in', opts.ids) : q.where('id', '=', -1)
  const rows = await q.orderBy('sort_order').orderBy('id').execute()
  return rows.map(toOrganisation)
}

export async function successionsOf(db: Executor, organisationId: number): Promise<{ predecessors: Succession[]; successors: Succession[] }> {
  const rows = await db.selectFrom('organisation_successions as s')
    .innerJoin('organisations as p', 'p.id', 's.predecessor_id')
    .innerJoin('organisations as n', 'n.id', 's.successor_id')
    .select(['s.predecessor_id', 's.successor_id', 's.effective_on', 's.basis', 'p.name as predecessor_name', 'n.name as successor_name'])
    .where((eb) => eb.or([eb('s.predecessor_id', '=', organisationId), eb('s.successor_id', '=', organisationId)]))
    .orderBy('s.effective_on').execute()
  const to = (r: (typeof rows)[number], otherName: string): Succession => ({ predecessorId: r.predecessor_id, successorId: r.successor_id, effectiveOn: r.effective_on, basis: r.basis, otherName })
  return {
    predecessors: rows.filter((r) => r.successor_id === organisationId).map((r) => to(r, r.predecessor_name)),
    successors: rows.filter((r) => r.predecessor_id === organisationId).map((r) => to(r, r.successor_name)),
  }
}

/**
 * The body that carries on for `organisationId` on date `on`: follows successor links through
 * several reforms (食药监局 → 市场监管局 …). Returns the organisation itself when it still exists.
 */
export async function currentSuccessor(db: Executor, organisationId: number, on: string): Promise<Organisation | undefined> {
  let current = await findOrganisation(db, organisationId)
  const seen = new Set<number>()
  while (current && current.validTo !== null && current.validTo < on && !seen.has(current.id)) {
    seen.add(current.id)
    const next = await db.selectFrom('organisation_successions').select('successor_id').where('predecessor_id', '=', current.id).orderBy('effective_on', 'desc').executeTakeFirst()
    if (!next) break
    current = await findOrganisation(db, next.successor_id)
  }
  return current
}

function toUser(r: any, roles: string[]): User {
  return {
    id: r.id, username: r.username, displayName: r.display_name, organisationId: r.organisation_id, passwordHash: r.password_hash,
    mustChangePassword: r.must_change_password, failedAttempts: r.failed_attempts, lockedUntil: r.locked_until,
    totpSecretEnc: r.totp_secret_enc, totpEnabled: r.totp_enabled, isDemo: r.is_demo, disabledAt: r.disabled_at,
    lastSignInAt: r.last_sign_in_at, roles: roles.filter(isRole),
  }
}

async function rolesOf(db: Executor, userIds: number[]): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>()
  if (userIds.length === 0) return map
  const rows = await db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', userIds).orderBy('role').execute()
  for (const r of rows) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.role])
  return map
}

export async function findUserByUsername(db: Executor, username: string): Promise<User | undefined> {
  const r = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst()
  if (!r) return undefined
  return toUser(r, (await rolesOf(db, [r.id])).get(r.id) ?? [])
}

export async function findUser(db: Executor, id: number): Promise<User | undefined> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
  if (!r) return undefined
  return toUser(r, (await rolesOf(db, [r.id])).get(r.id) ?? [])
}

/** Users, optionally of one organisation. */
export async function listUsers(db: Executor, opts: { organisationId?: number } = {}): Promise<User[]> {
  let q = db.selectFrom('users').selectAll()
  if (opts.organisationId !== undefined) q = q.where('organisation_id', '=', opts.organisationId)
  const rows = await q.orderBy('organisation_id').orderBy('username').execute()
  const roles = await rolesOf(db, rows.map((r) => r.id))
  return rows.map((r) => toUser(r, roles.get(r.id) ?? []))
}

export async function setRoles(db: Executor, userId: number, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute()
  if (roles.length) await db.insertInto('user_roles').values(roles.map((role) => ({ user_id: userId, role }))).execute()
}

export async function countUsersByOrganisation(db: Executor): Promise<Map<number, number>> {
  const rows = await db.selectFrom('users').select(['organisation_id', (eb) => eb.fn.countAll<number>().as('n')]).where('disabled_at', 'is', null).groupBy('organisation_id').execute()
  return new Map(rows.map((r) => [r.organisation_id, Number(r.n)]))
}

export interface Region {
  id: number
  code: string
  name: string
  validFrom: string
  validTo: string | null
  successorId: number | null
}

/** The region that exists today (the one whose valid_to is open). */
export async function currentRegion(db: Executor): Promise<Region | undefined> {
  const r = await db.selectFrom('regions').selectAll().where('valid_to', 'is', null).orderBy('id').executeTakeFirst()
  return r && { id: r.id, code: r.code, name: r.name, validFrom: r.valid_from, validTo: r.valid_to, successorId: r.successor_id }
}

export async function listRegions(db: Executor): Promise<Region[]> {
  const rows = await db.selectFrom('regions').selectAll().orderBy('valid_from').execute()
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, validFrom: r.valid_from, validTo: r.valid_to, successorId: r.successor_id }))
}
