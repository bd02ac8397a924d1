// Frozen in time: never import application code from a migration.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db)

  // 行政区划 with history: 开县 (500234, until 2016) → 开州区 (500154).
  await db.schema
    .createTable('regions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'varchar(12)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date')
    .addColumn('successor_id', 'integer', (c) => c.references('regions.id'))
    .addColumn('basis', 'text')
    .execute()

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('organisations.id'))
    // Unit code: used in 索引号 and in URLs; unique and never reused, even after dissolution.
    .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    // government | office | department | town | subdistrict | other
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    // 政府信息公开工作主管部门 (公开办): sees the whole region.
    .addColumn('is_disclosure_office', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('valid_from', 'date', (c) => c.notNull())
    // Set when the body is dissolved or merged (机构改革); records keep pointing at it.
    .addColumn('valid_to', 'date')
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('office_hours', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postcode', 'varchar(6)', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('organisations_valid_period', sql`valid_to is null or valid_to >= valid_from`)
    .execute()
  await db.schema.createIndex('organisations_region_idx').on('organisations').columns(['region_id', 'sort_order']).execute()

  // 机构改革: one row per predecessor → successor link (a merger has several predecessors).
  await db.schema
    .createTable('organisation_successions')
    .addColumn('predecessor_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('successor_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('effective_on', 'date', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('organisation_successions_pk', ['predecessor_id', 'successor_id'])
    .addCheckConstraint('organisation_successions_distinct', sql`predecessor_id <> successor_id`)
    .execute()

  await db.schema
    .createTable('users')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('password_changed_at', 'timestamptz')
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    // TOTP secret, SM4-encrypted; null when no second factor is set up.
    .addColumn('totp_secret_enc', 'text')
    .addColumn('totp_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('last_sign_in_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('users_organisation_idx').on('users').column('organisation_id').execute()

  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
    .execute()

  await db.schema
    .createTable('sessions')
    // SHA-256 of the cookie token: a database leak does not leak live sessions.
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // Second factor still to be given: the session may only reach the TOTP prompt.
    .addColumn('pending_second_factor', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute()

  // Append-only, hash-chained (SM3) audit log. Written in the same transaction as the change it records.
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_username', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('organisation_id', 'integer')
    .addColumn('action', 'varchar(64)', (c) => c.notNull())
    // success | failure | denied
    .addColumn('outcome', 'varchar(16)', (c) => c.notNull())
    .addColumn('target_type', 'varchar(32)', (c) => c.notNull().defaultTo(''))
    .addColumn('target_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ip', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('audit_log_occurred_idx').on('audit_log').column('occurred_at').execute()
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_username', 'occurred_at']).execute()
  await db.schema.createIndex('audit_log_ip_idx').on('audit_log').columns(['ip', 'action', 'occurred_at']).execute()
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$`.execute(db)
  await sql`
    create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db)
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db)

  // Install facts: demo data marker, schema version notes.
  await db.schema
    .createTable('installation')
    .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
}
