/**
 * Backup and restore through the query layer (not pg_dump), so data moves between the embedded
 * database and PostgreSQL in either direction. Format: NDJSON — a header line, then for each table a
 * line naming its columns followed by one line per row.
 * Only current_schema() is backed up: the job queue of pg-boss lives in its own schema (`pgboss`) and is transient
 * (queued and finished jobs; the queues and cron schedules are recreated by `gongkai start`), so it is left out on
 * purpose and a restored database starts with an empty queue.
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { sql, type Kysely } from 'kysely'

export const BACKUP_FORMAT = 'gongkai-backup'

interface TableInfo {
  name: string
  columns: { name: string; type: string }[]
  dependsOn: string[]
}

async function tablesOf(db: Kysely<any>): Promise<TableInfo[]> {
  const cols = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select c.table_name, c.column_name, c.data_type from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.table_name not like 'kysely_%'
    order by c.table_name, c.ordinal_position`.execute(db)
  const fks = await sql<{ table_name: string; referenced: string }>`
    select distinct tc.table_name, ccu.table_name as referenced
    from information_schema.table_constraints tc
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.constraint_schema = tc.constraint_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(db)
  const map = new Map<string, TableInfo>()
  for (const c of cols.rows) {
    const t = map.get(c.table_name) ?? { name: c.table_name, columns: [], dependsOn: [] }
    t.columns.push({ name: c.column_name, type: c.data_type })
    map.set(c.table_name, t)
  }
  for (const f of fks.rows) if (f.referenced !== f.table_name) map.get(f.table_name)?.dependsOn.push(f.referenced)
  // Topological order: a table comes after the tables it references.
  const ordered: TableInfo[] = []
  const visiting = new Set<string>()
  const visit = (t: TableInfo) => {
    if (ordered.includes(t) || visiting.has(t.name)) return
    visiting.add(t.name)
    for (const d of t.dependsOn) { const dep = map.get(d); if (dep) visit(dep) }
    ordered.push(t)
  }
  for (const t of [...map.values()].sort((a, b) => a.name.localeCompare(b.name))) visit(t)
  return ordered
}

async function primaryKeyOf(db: Kysely<any>, table: string): Promise<string[]> {
  const r = await sql<{ column_name: string }>`
    select kcu.column_name from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = current_schema() and tc.table_name = ${table}
    order by kcu.ordinal_position`.execute(db)
  return r.rows.map((x) => x.column_name)
}

export interface BackupSummary {
  tables: { name: string; rows: number }[]
  migrations: string[]
}

export async function backupDatabase(db: Kysely<any>, file: string, batchSize = 2000): Promise<BackupSummary> {
  const out = createWriteStream(file, { encoding: 'utf8' })
  const write = (line: unknown) => new Promise<void>((resolve, reject) => out.write(`${JSON.stringify(line)}\n`, (e) => (e ? reject(e) : resolve())))
  const migrations = (await db.selectFrom('kysely_migration').select('name').orderBy('name').execute()).map((r) => r.name as string)
  await write({ format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), migrations })
  const summary: BackupSummary = { tables: [], migrations }
  for (const table of await tablesOf(db)) {
    const pk = await primaryKeyOf(db, table.name)
    await write({ table: table.name, columns: table.columns.map((c) => c.name) })
    let offset = 0
    let count = 0
    for (;;) {
      let q = db.selectFrom(table.name).selectAll()
      for (const k of pk.length ? pk : table.columns.map((c) => c.name)) q = q.orderBy(k)
      const rows = await q.limit(batchSize).offset(offset).execute()
      for (const row of rows) await write({ r: table.columns.map((c) => { const v = (row as any)[c.name] ?? null; return c.type === 'bytea' && v !== null ? { $base64: Buffer.from(v).toString('base64') } : v }) })
      count += rows.length
      offset += batchSize
      if (rows.length < batchSize) break
    }
    summary.tables.push({ name: table.name, rows: count })
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())))
  return summary
}

/** Restores into a migrated, empty database (same migrations as the backup). All or nothing. */
export async function restoreDatabase(db: Kysely<any>, file: string): Promise<BackupSummary> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })
  const iterator = lines[Symbol.asyncIterator]()
  const first = await iterator.next()
  const header = first.done ? null : JSON.parse(first.value)
  if (!header || header.format !== BACKUP_FORMAT) throw new Error('这不是 Gongkai 备份文件')
  const have = (await db.selectFrom('kysely_migration').select('name').orderBy('name').execute()).map((r) => r.name as string)
  if (JSON.stringify(have) !== JSON.stringify(header.migrations)) {
    throw new Error(`数据库结构版本与备份不一致：备份 ${header.migrations.length} 个迁移，当前数据库 ${have.length} 个。请用同一版本的 Gongkai 恢复。`)
  }
  const tables = new Map((await tablesOf(db)).map((t) => [t.name, t]))
  for (const t of tables.keys()) {
    const r = await db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
    if (Number(r.n) > 0) throw new Error(`目标数据库不是空的（表 ${t} 已有数据）。请恢复到新建的空数据库。`)
  }
  const summary: BackupSummary = { tables: [], migrations: header.migrations }
  await db.transaction().execute(async (trx) => {
    let current: { name: string; columns: string[]; types: string[]; rows: number } | null = null
    let batch: Record<string, unknown>[] = []
    const flush = async () => {
      if (current && batch.length) await trx.insertInto(current.name).values(batch).execute()
      batch = []
    }
    for (;;) {
      const next = await iterator.next()
      if (next.done) break
      if (!next.value.trim()) continue
      const line = JSON.parse(next.value)
      if (line.table) {
        await flush()
        if (current) summary.tables.push({ name: current.name, rows: current.rows })
        const info = tables.get(line.table)
        if (!info) throw new Error(`备份中的表 ${line.table} 在当前数据库中不存在`)
        current = { name: line.table, columns: line.columns, types: line.columns.map((c: string) => info.columns.find((x) => x.name === c)?.type ?? ''), rows: 0 }
      } else if (current) {
        const row: Record<string, unknown> = {}
        current.columns.forEach((c, i) => {
          const v = line.r[i]
          const type = current!.types[i]
          row[c] = type === 'jsonb' || type === 'json' ? (v === null ? null : JSON.stringify(v)) : type === 'bytea' && v !== null ? Buffer.from(v.$base64, 'base64') : v
        })
        batch.push(row)
        current.rows++
        if (batch.length >= 500) await flush()
      }
    }
    await flush()
    if (current) summary.tables.push({ name: current.name, rows: current.rows })
    // Sequences continue after the restored ids.
    const serials = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and column_default like 'nextval(%'`.execute(trx)
    for (const s of serials.rows) {
      await sql`select setval(pg_get_serial_sequence(${s.table_name}, ${s.column_name}), coalesce((select max(${sql.ref(s.column_name)}) from ${sql.table(s.table_name)}), 0) + 1, false)`.execute(trx)
    }
  })
  return summary
}
