/**
 * The audit log: append-only (a trigger refuses UPDATE/DELETE/TRUNCATE) and hash-chained with SM3,
 * so that an edited, inserted or deleted row breaks the chain even if the trigger was bypassed.
 * Rows are written in the same transaction as the change they record.
 */
import { sql } from 'kysely'
import type { Executor, Trx, Db } from '../../database.ts'
import { sm3Hex } from '../../platform/crypto/sm.ts'

export const GENESIS_HASH = '0'.repeat(64)
// Serialises appends across processes (PostgreSQL) so that the chain has exactly one head.
const AUDIT_LOCK_KEY = 7_262_001

export type AuditOutcome = 'success' | 'failure' | 'denied'

export interface AuditEntry {
  actorUserId?: number | null
  actorUsername?: string
  organisationId?: number | null
  action: string
  outcome: AuditOutcome
  targetType?: string
  targetId?: string | number
  ip?: string
  /** No passwords, tokens or personal data: callers pass identifiers and field names only. */
  details?: Record<string, unknown>
}

export interface AuditRow {
  seq: number
  occurredAt: Date
  actorUserId: number | null
  actorUsername: string
  organisationId: number | null
  action: string
  outcome: string
  targetType: string
  targetId: string
  ip: string
  details: Record<string, unknown>
  prevHash: string
  hash: string
}

/** JSON with object keys sorted at every depth: jsonb does not keep key order, the hash must not depend on it. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

export function rowHash(row: Omit<AuditRow, 'hash'>): string {
  return sm3Hex(canonicalJson({
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actorUserId: row.actorUserId,
    actorUsername: row.actorUsername,
    organisationId: row.organisationId,
    action: row.action,
    outcome: row.outcome,
    targetType: row.targetType,
    targetId: row.targetId,
    ip: row.ip,
    details: row.details,
    prevHash: row.prevHash,
  }))
}

/** Appends one entry inside `trx`. */
export async function appendAudit(trx: Trx, entry: AuditEntry, at: Date): Promise<number> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx)
  const head = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst()
  const occurredAt = new Date(Math.floor(at.getTime()))
  const base = {
    seq: (head?.seq ?? 0) + 1,
    occurredAt,
    actorUserId: entry.actorUserId ?? null,
    actorUsername: entry.actorUsername ?? '',
    organisationId: entry.organisationId ?? null,
    action: entry.action,
    outcome: entry.outcome,
    targetType: entry.targetType ?? '',
    targetId: entry.targetId === undefined ? '' : String(entry.targetId),
    ip: entry.ip ?? '',
    details: JSON.parse(canonicalJson(entry.details ?? {})) as Record<string, unknown>,
    prevHash: head?.hash ?? GENESIS_HASH,
  }
  const hash = rowHash(base)
  await trx.insertInto('audit_log').values({
    seq: base.seq,
    occurred_at: occurredAt,
    actor_user_id: base.actorUserId,
    actor_username: base.actorUsername,
    organisation_id: base.organisationId,
    action: base.action,
    outcome: base.outcome,
    target_type: base.targetType,
    target_id: base.targetId,
    ip: base.ip,
    details: JSON.stringify(base.details),
    prev_hash: base.prevHash,
    hash,
  }).execute()
  return base.seq
}

/** Appends one entry in a transaction of its own (for events with no other change, e.g. a failed sign-in). */
export async function recordAudit(db: Db, entry: AuditEntry, at: Date): Promise<void> {
  await db.transaction().execute((trx) => appendAudit(trx, entry, at))
}

function toRow(r: any): AuditRow {
  return {
    seq: Number(r.seq),
    occurredAt: new Date(r.occurred_at),
    actorUserId: r.actor_user_id,
    actorUsername: r.actor_username,
    organisationId: r.organisation_id,
    action: r.action,
    outcome: r.outcome,
    targetType: r.target_type,
    targetId: r.target_id,
    ip: r.ip,
    details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  }
}

export interface AuditVerification {
  ok: boolean
  checked: number
  problems: { seq: number; problem: string }[]
}

/**
 * Walks the whole chain in order. Detects an edited row (its hash no longer matches its content),
 * a deleted row (a gap in seq, or a prev_hash that does not match), and an inserted row (seq or link break).
 */
export async function verifyAuditChain(db: Executor, batchSize = 5000): Promise<AuditVerification> {
  const problems: AuditVerification['problems'] = []
  let expectedSeq = 1
  let prevHash = GENESIS_HASH
  let checked = 0
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(batchSize).execute()
    if (rows.length === 0) break
    for (const raw of rows) {
      const row = toRow(raw)
      checked++
      if (row.seq !== expectedSeq) problems.push({ seq: row.seq, problem: `序号不连续：应为 ${expectedSeq}，实为 ${row.seq}（有记录被删除或插入）` })
      if (row.prevHash !== prevHash) problems.push({ seq: row.seq, problem: '与上一条记录的哈希链接不符（上一条记录被改动、删除或此处被插入）' })
      const { hash, ...rest } = row
      if (rowHash(rest) !== hash) problems.push({ seq: row.seq, problem: '记录内容与其哈希不符（记录被改动）' })
      prevHash = hash
      expectedSeq = row.seq + 1
    }
  }
  return { ok: problems.length === 0, checked, problems }
}

export interface AuditFilter {
  actor?: string
  action?: string
  outcome?: string
  from?: string
  to?: string
  page: number
  pageSize: number
}

/** A page of the audit log, newest first. */
export async function listAudit(db: Executor, filter: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
  let q = db.selectFrom('audit_log')
  if (filter.actor) q = q.where('actor_username', '=', filter.actor)
  if (filter.action) q = q.where('action', 'like', `${filter.action.replace(/[%_\\]/g, '\\$&')}%`)
  if (filter.outcome) q = q.where('outcome', '=', filter.outcome)
  // Dates are Beijing dates: the day runs from 00:00 +08:00.
  if (filter.from) q = q.where('occurred_at', '>=', new Date(`${filter.from}T00:00:00+08:00`))
  if (filter.to) q = q.where('occurred_at', '<', new Date(new Date(`${filter.to}T00:00:00+08:00`).getTime() + 86_400_000))
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('seq', 'desc').limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows: rows.map(toRow), total: Number(count.n) }
}

/** Failed sign-ins from one address since `since` (throttling reads the audit log, so it holds across processes). */
export async function countRecentFailures(db: Executor, ip: string, since: Date): Promise<number> {
  const r = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', ip).where('action', '=', 'auth.sign_in').where('outcome', '=', 'failure').where('occurred_at', '>=', since)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** Audit entries recorded since an instant (dashboard figure). */
export async function countAuditSince(db: Executor, since: Date): Promise<number> {
  const r = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('occurred_at', '>=', since).executeTakeFirstOrThrow()
  return Number(r.n)
}

/** The sign-in before the latest one (the latest is the current session's). */
export async function previousSignIn(db: Executor, userId: number): Promise<Date | null> {
  const r = await db.selectFrom('audit_log').select('occurred_at').where('actor_user_id', '=', userId).where('action', '=', 'auth.sign_in').where('outcome', '=', 'success')
    .orderBy('seq', 'desc').offset(1).limit(1).executeTakeFirst()
  return r ? new Date(r.occurred_at) : null
}
