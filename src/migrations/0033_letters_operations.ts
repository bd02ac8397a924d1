// Frozen in time: never import application code from a migration.
import { sql, type Kysely } from 'kysely'

// 公众诉求 operations (issue 6): the 办理时限 table, the 转办目录 and the follow-up settings become data the 公开办
// edits; attachments on replies and calls; 好差评 整改 and 申诉复核 (国办发〔2019〕51号).
// The seeded rows copy the code defaults of letters/rules (reply-limits.ts, routing.ts) as they were on 2026-11-27.
const LIMITS: [string, string, number, string][] = [
  ['mayor_mailbox', '', 10, '重庆市政府公开信箱：收到上级单位的交办邮件应在10个工作日内回复办理结果 [S]'],
  ['mayor_hotline', '', 10, '重庆市政府公开信箱：收到上级单位的交办件应在10个工作日内回复办理结果 [S]'],
  ['district_hotline', '', 5, '参照《潍坊市12345政务服务便民热线条例》第二十条：能够在五个工作日内办理完毕的，应当办理完毕（本区默认值）'],
  ['sunshine_114', '', 5, '参照《潍坊市12345政务服务便民热线条例》第二十条（本区默认值）'],
  ['', 'consultation', 5, '咨询类一般5个工作日内答复（参照许昌市长信箱做法 [S]，本区默认值）'],
  ['', '', 10, '重庆市政府公开信箱：10个工作日内回复办理结果 [S]（本区默认值）'],
]

const ROUTING: [string, string[], string[]][] = [
  ['fgw', ['物价', '价格', '收费标准', '项目审批', '立项', '发展规划', '粮食', '能源', '天然气'], []],
  ['czj', ['财政', '补贴', '预算', '资金', '专项资金', '政府采购', '惠民惠农'], []],
  ['rlsbj', ['社保', '养老保险', '工资', '欠薪', '就业', '劳动合同', '招聘', '失业'], []],
  ['jw', ['学校', '入学', '学位', '教师', '幼儿园', '学生', '招生'], []],
  ['cgj', ['路灯', '垃圾', '占道', '噪音', '城管', '违章搭建', '井盖', '绿化'], []],
  ['sthjj', ['污染', '排污', '环境', '异味', '废水', '扬尘'], []],
  ['zfcxjw', ['物业', '房屋', '小区', '电梯', '拆迁', '安置房', '建筑'], []],
  ['jtj', ['公交', '道路', '交通', '客运', '出租车', '桥梁'], []],
  ['scjgj', ['食品', '商家', '消费者', '假冒', '过期', '市场'], ['complaint', 'report', 'help', 'consultation']],
  ['wsjkw', ['医院', '医生', '疫苗', '卫生', '诊所'], []],
  ['ybj', ['医保', '报销', '医疗保险'], []],
  ['mzj', ['低保', '养老院', '救助', '婚姻登记', '殡葬'], []],
  ['swj', ['停水', '自来水', '水质', '河道', '防洪'], []],
  ['500154001', ['汉丰街道', '汉丰'], []],
]

const SETTINGS: [string, number, string][] = [
  ['extension_max_working_days', 10, '延期办理：最多延长的工作日数，限一次（本区默认值 [M]）'],
  ['follow_up_window_days', 15, '答复发布后可以评价或反馈“没有解决”的天数（本区默认值 [M]）'],
  ['max_reopens', 2, '来信人反馈“没有解决”重新办理的最多次数（本区默认值 [M]）'],
  ['rectification_working_days', 15, '差评整改期限（参照四川：不满意、非常不满意问题15个工作日内整改到位 [S]）'],
]

export async function up(db: Kysely<any>): Promise<void> {
  // 办理时限 per channel × category ('' = any): the most specific row applies (channel beats category beats default).
  await db.schema
    .createTable('letter_reply_limits')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('channel', 'varchar(32)', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'varchar(16)', (c) => c.notNull().defaultTo(''))
    .addColumn('working_days', 'integer', (c) => c.notNull().check(sql`working_days between 1 and 60`))
    .addColumn('citation', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('letter_reply_limits_key', ['channel', 'category'])
    .execute()

  // 转办目录: the unit (by organisation code) a letter with these words probably belongs to; only a suggestion.
  await db.schema
    .createTable('letter_routing_rows')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('unit_code', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('keywords', 'jsonb', (c) => c.notNull())
    // Only letters of these categories; empty = every category.
    .addColumn('categories', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  // Numbers of the wing that are local choices ([M]): extension limit, follow-up window, reopen limit, 整改 period.
  await db.schema
    .createTable('letter_settings')
    .addColumn('key', 'varchar(48)', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  // Every change of the three tables above: who, when, what before and after (also in the audit log).
  await db.schema
    .createTable('letter_config_changes')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .execute()

  for (const [channel, category, days, citation] of LIMITS) {
    await db.insertInto('letter_reply_limits').values({ channel, category, working_days: days, citation }).execute()
  }
  let position = 0
  for (const [code, keywords, categories] of ROUTING) {
    position += 10
    await db.insertInto('letter_routing_rows').values({ unit_code: code, keywords: JSON.stringify(keywords), categories: JSON.stringify(categories), position }).execute()
  }
  for (const [key, value, note] of SETTINGS) await db.insertInto('letter_settings').values({ key, value, note }).execute()

  await db.schema.alterTable('letter_cases')
    // The 办理时限 the case was given at its latest dispatch (a later change of the table does not move it).
    .addColumn('limit_working_days', 'integer')
    .addColumn('limit_citation', 'text')
    // When the writer last rated; 申诉复核 may void the rating (then it is left out of satisfaction statistics).
    .addColumn('rated_at', 'timestamptz')
    .addColumn('satisfaction_voided', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute()

  await db.schema.alterTable('letter_attachments')
    // letter: the writer's; reply: the unit's reply (event_id = the reply event); call: the operator's.
    .addColumn('kind', 'varchar(8)', (c) => c.notNull().defaultTo('letter'))
    .addColumn('event_id', 'integer', (c) => c.references('letter_events.id'))
    .execute()

  // 差评整改 and 申诉复核: one task per 差评; the rated case may be a letter merged into the handled case.
  await db.schema
    .createTable('letter_rectifications')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('letter_cases.id'))
    .addColumn('rated_case_id', 'integer', (c) => c.notNull().references('letter_cases.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('satisfaction', 'varchar(24)', (c) => c.notNull())
    // open → rectified | appealed; appealed → open (评价维持) | voided (评价撤销).
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('opened_on', 'date', (c) => c.notNull())
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('rectification_note', 'text')
    .addColumn('follow_up_result', 'text')
    .addColumn('rectified_at', 'timestamptz')
    .addColumn('appeal_reason', 'text')
    .addColumn('appealed_at', 'timestamptz')
    .addColumn('review_note', 'text')
    .addColumn('reviewed_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('letter_rectifications_case_idx').on('letter_rectifications').columns(['case_id']).execute()
  await db.schema.createIndex('letter_rectifications_unit_idx').on('letter_rectifications').columns(['unit_id', 'state']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('letter_rectifications').execute()
  await db.schema.alterTable('letter_attachments').dropColumn('event_id').dropColumn('kind').execute()
  await db.schema.alterTable('letter_cases').dropColumn('satisfaction_voided').dropColumn('rated_at').dropColumn('limit_citation').dropColumn('limit_working_days').execute()
  await db.schema.dropTable('letter_config_changes').execute()
  await db.schema.dropTable('letter_settings').execute()
  await db.schema.dropTable('letter_routing_rows').execute()
  await db.schema.dropTable('letter_reply_limits').execute()
}
