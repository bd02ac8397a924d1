// Frozen in time: never import application code from a migration.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // 依申请公开 case: one application (政府信息公开申请) to one unit.
  await db.schema
    .createTable('request_cases')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    // The unit the application is addressed to (its 政府信息公开工作机构 handles it).
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    // cn-2019 | cn-2007: the 条例 in force on the receipt date (clock constants, disposition taxonomy).
    .addColumn('regime', 'varchar(16)', (c) => c.notNull())
    // lifecycle status (rules/lifecycle.ts): awaiting_receipt, in_progress, awaiting_correction, consulting, …, archived
    .addColumn('state', 'varchar(32)', (c) => c.notNull())
    // in_person | registered_mail | ordinary_mail | online | fax | email (条例 第三十一条 receipt rule per channel)
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    // The day the application reached the unit (submitted, signed for, arrived).
    .addColumn('submitted_on', 'date', (c) => c.notNull())
    // 收到申请之日 (第三十一条); null while a confirmation with the applicant is still needed.
    .addColumn('received_on', 'date')
    // natural_person | commercial | research | public_welfare | legal_service | other (年度报告 表三 columns, rules/applicant.ts)
    .addColumn('applicant_type', 'varchar(24)', (c) => c.notNull())
    // 第二十九条（二）: 名称、文号或者便于行政机关查询的其他特征性描述
    .addColumn('information_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('doc_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull())
    // 第二十九条（三）: wanted form (paper | electronic | either) and delivery (online | post | email | in_person)
    .addColumn('wanted_form', 'varchar(16)', (c) => c.notNull())
    .addColumn('delivery', 'varchar(16)', (c) => c.notNull())
    // 查询码 for the public tracking page (no personal data in it).
    .addColumn('query_code', 'varchar(16)', (c) => c.notNull().unique())
    // SM3 of the application's content as received: the applicant can prove what was filed.
    .addColumn('fingerprint', 'char(64)', (c) => c.notNull())
    // Against double submission: the form's one-time key (online) or a staff registration key.
    .addColumn('idempotency_key', 'varchar(64)', (c) => c.notNull().unique())
    // Projection of the answer clock for lists (the truth is tracked_clocks + request_events).
    .addColumn('due_on', 'date')
    .addColumn('disposition', 'varchar(48)')
    .addColumn('decided_on', 'date')
    .addColumn('closed_on', 'date')
    .addColumn('registered_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('request_cases_org_state_idx').on('request_cases').columns(['organisation_id', 'state', 'due_on']).execute()
  await db.schema.createIndex('request_cases_due_idx').on('request_cases').columns(['state', 'due_on']).execute()

  // The applicant (第二十九条（一）). Personal data SM4-encrypted (*_enc) with a masked copy for lists.
  await db.schema
    .createTable('request_applicants')
    .addColumn('case_id', 'integer', (c) => c.primaryKey().references('request_cases.id'))
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('name_masked', 'text', (c) => c.notNull())
    // 法人或其他组织: the contact person (encrypted; empty for 自然人)
    .addColumn('contact_person_enc', 'text')
    // resident_id | passport | business_licence | other
    .addColumn('id_type', 'varchar(24)', (c) => c.notNull())
    .addColumn('id_number_enc', 'text', (c) => c.notNull())
    .addColumn('id_number_masked', 'text', (c) => c.notNull())
    // HMAC-SM3 of the normalised identity number: finds the same applicant again (第三十六条（六）, fees per applicant).
    .addColumn('id_number_hmac', 'char(64)', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_masked', 'text', (c) => c.notNull())
    .addColumn('email_enc', 'text')
    .addColumn('address_enc', 'text')
    .addColumn('address_masked', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postcode', 'varchar(6)', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema.createIndex('request_applicants_identity_idx').on('request_applicants').column('id_number_hmac').execute()

  // Every step of a case: legal date (effective_on) and recorded time, written in the transaction of the change.
  await db.schema
    .createTable('request_events')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('request_cases.id'))
    .addColumn('type', 'varchar(40)', (c) => c.notNull())
    .addColumn('from_state', 'varchar(32)')
    .addColumn('to_state', 'varchar(32)', (c) => c.notNull())
    .addColumn('effective_on', 'date', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    // Step details (deadline set, disposition, reasons, consulted party …). Never personal data of the applicant.
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute()
  await db.schema.createIndex('request_events_case_idx').on('request_events').columns(['case_id', 'id']).execute()

  // Letters issued (受理回执, 补正告知书, 延期告知书, 答复书 …): the model is kept, DOCX and HTML render from it.
  await db.schema
    .createTable('request_documents')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('request_cases.id'))
    .addColumn('event_id', 'integer', (c) => c.references('request_events.id'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // Shown on the public tracking page (letters to the applicant) or staff-only (letters to third parties).
    .addColumn('for_applicant', 'boolean', (c) => c.notNull())
    .addColumn('issued_on', 'date', (c) => c.notNull())
    .addColumn('model', 'jsonb', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('request_documents_case_idx').on('request_documents').column('case_id').execute()

  // 行政复议 / 行政诉讼 linked to the case (年度报告 表四).
  await db.schema
    .createTable('request_remedies')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('request_cases.id'))
    // review | litigation
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    // litigation only: whether it follows a 行政复议 (表四 未经复议直接起诉 / 复议后起诉)
    .addColumn('after_review', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('filed_on', 'date', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    // pending | upheld (维持) | corrected (纠正) | other (其他)
    .addColumn('outcome', 'varchar(16)', (c) => c.notNull().defaultTo('pending'))
    .addColumn('concluded_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('request_remedies_case_idx').on('request_remedies').column('case_id').execute()

  // Failed look-ups on the public tracking page, per address hash: guessing query codes is throttled.
  await db.schema
    .createTable('request_lookup_failures')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('source_hash', 'char(64)', (c) => c.notNull())
    .addColumn('failed_at', 'timestamptz', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('request_lookup_failures_idx').on('request_lookup_failures').columns(['source_hash', 'failed_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['request_lookup_failures', 'request_remedies', 'request_documents', 'request_events', 'request_applicants', 'request_cases']) {
    await db.schema.dropTable(table).execute()
  }
}
