/**
 * 公众诉求设置: the 办理时限 table (channel × category), the 转办目录 (category + keywords → suggested unit) and the
 * local numbers of the wing (延期, follow-up window, reopen limit, 整改期限) are data the 公开办 edits. The rules
 * (rules/reply-limits.ts, rules/routing.ts, rules/follow-up.ts) read what is loaded here. Every change writes a row of
 * letter_config_changes (the history the page shows) and an audit entry, in one transaction with the change.
 * A case keeps the limit it was given at dispatch (letter_cases.limit_working_days, and its clock's regime).
 */
import type { Executor, Trx } from '../../database.ts'
import { InvalidInputError } from '../../platform/http/errors.ts'
import { appendAudit, authorise, requireActor, type UseCaseContext } from '../orgs/index.ts'
import {
  CATEGORIES, CHANNELS, DEFAULT_LETTER_SETTINGS, isCategory, isChannel, LIMIT_TABLE, SETTING_KEYS, type CategoryKey, type ChannelKey, type LetterSettings, type LimitRow, type RoutingRow,
} from './rules/index.ts'

/** The 办理时限 table as the rules read it; the seeded defaults if the table is empty (it never is after 0033). */
export async function loadLimitTable(db: Executor): Promise<LimitRow[]> {
  const rows = await db.selectFrom('letter_reply_limits').select(['channel', 'category', 'working_days', 'citation']).orderBy('id').execute()
  if (!rows.some((r) => r.channel === '' && r.category === '')) return [...LIMIT_TABLE]
  return rows.map((r) => ({
    ...(r.channel && isChannel(r.channel) ? { channel: r.channel } : {}), ...(r.category && isCategory(r.category) ? { category: r.category } : {}), workingDays: r.working_days, citation: r.citation,
  }))
}

export interface LimitTableRow { id: number; channel: ChannelKey | null; category: CategoryKey | null; workingDays: number; citation: string; updatedAt: Date }

export async function listLimitRows(db: Executor): Promise<LimitTableRow[]> {
  const rows = await db.selectFrom('letter_reply_limits').selectAll().orderBy('channel').orderBy('category').execute()
  return rows.map((r) => ({ id: r.id, channel: (r.channel || null) as ChannelKey | null, category: (r.category || null) as CategoryKey | null, workingDays: r.working_days, citation: r.citation, updatedAt: r.updated_at }))
}

export interface RoutingTableRow extends RoutingRow { id: number; updatedAt: Date }

/** The 转办目录 as the rules read it, in catalogue order. */
export async function loadRoutingCatalogue(db: Executor): Promise<RoutingTableRow[]> {
  const rows = await db.selectFrom('letter_routing_rows').selectAll().orderBy('position').orderBy('id').execute()
  return rows.map((r) => ({
    id: r.id, unitCode: r.unit_code, keywords: r.keywords, updatedAt: r.updated_at,
    ...(r.categories.length ? { categories: r.categories.filter(isCategory) } : {}),
  }))
}

export async function loadLetterSettings(db: Executor): Promise<LetterSettings> {
  const rows = await db.selectFrom('letter_settings').select(['key', 'value']).execute()
  const byKey = new Map(rows.map((r) => [r.key, r.value]))
  const out: Record<string, number> = {}
  for (const [name, meta] of Object.entries(SETTING_KEYS)) out[name] = byKey.get(meta.key) ?? DEFAULT_LETTER_SETTINGS[name as keyof LetterSettings]
  return out as unknown as LetterSettings
}

export interface ConfigChange { id: number; changedAt: Date; userId: number | null; kind: string; summary: string }

export async function listConfigChanges(db: Executor, limit = 50): Promise<ConfigChange[]> {
  const rows = await db.selectFrom('letter_config_changes').select(['id', 'changed_at', 'user_id', 'kind', 'summary']).orderBy('id', 'desc').limit(limit).execute()
  return rows.map((r) => ({ id: r.id, changedAt: r.changed_at, userId: r.user_id, kind: r.kind, summary: r.summary }))
}

async function recordChange(trx: Trx, ctx: UseCaseContext, kind: 'limit' | 'routing' | 'setting', summary: string, before: unknown, after: unknown): Promise<void> {
  const actor = requireActor(ctx)
  const now = ctx.clock.now()
  await trx.insertInto('letter_config_changes').values({
    changed_at: now, user_id: actor.userId, kind, summary, before: before === null ? null : JSON.stringify(before), after: after === null ? null : JSON.stringify(after),
  }).execute()
  await appendAudit(trx, {
    actorUserId: actor.userId, actorUsername: actor.username, organisationId: actor.organisationId, action: `letters.config.${kind}`, outcome: 'success',
    targetType: 'letter_config', targetId: kind, ip: ctx.ip, details: { summary, before, after },
  }, now)
}

const limitName = (channel: string, category: string) =>
  `${channel ? CHANNELS[channel as ChannelKey]?.label ?? channel : '任何渠道'} × ${category ? CATEGORIES[category as CategoryKey]?.label ?? category : '任何类别'}`

export interface LimitInput { channel: string; category: string; workingDays: number; citation: string }

/** Adds or changes the row of a channel × category (one row per pair). */
export async function saveLimitRow(ctx: UseCaseContext, input: LimitInput): Promise<void> {
  await authorise(ctx, 'letters.manage')
  if (input.channel && !isChannel(input.channel)) throw new InvalidInputError([{ field: 'channel', message: '请选择渠道' }])
  if (input.category && !isCategory(input.category)) throw new InvalidInputError([{ field: 'category', message: '请选择类别' }])
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('letter_reply_limits').select(['working_days', 'citation']).where('channel', '=', input.channel).where('category', '=', input.category).forUpdate().executeTakeFirst()
    const after = { workingDays: input.workingDays, citation: input.citation }
    if (before) {
      await trx.updateTable('letter_reply_limits').set({ working_days: input.workingDays, citation: input.citation, updated_at: ctx.clock.now() })
        .where('channel', '=', input.channel).where('category', '=', input.category).execute()
    } else {
      await trx.insertInto('letter_reply_limits').values({ channel: input.channel, category: input.category, working_days: input.workingDays, citation: input.citation, updated_at: ctx.clock.now() }).execute()
    }
    const name = limitName(input.channel, input.category)
    await recordChange(trx, ctx, 'limit', before ? `办理时限 ${name}：${before.working_days} → ${input.workingDays} 个工作日` : `新增办理时限 ${name}：${input.workingDays} 个工作日`,
      before ? { workingDays: before.working_days, citation: before.citation } : null, after)
  })
}

/** Removes a specific row; the default row (any channel × any category) stays. */
export async function removeLimitRow(ctx: UseCaseContext, id: number): Promise<void> {
  await authorise(ctx, 'letters.manage')
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('letter_reply_limits').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
    if (!row) throw new InvalidInputError([{ field: '', message: '这一行已经不存在，请刷新页面' }])
    if (row.channel === '' && row.category === '') throw new InvalidInputError([{ field: '', message: '默认时限（任何渠道 × 任何类别）不能删除，可以修改天数' }])
    await trx.deleteFrom('letter_reply_limits').where('id', '=', id).execute()
    await recordChange(trx, ctx, 'limit', `删除办理时限 ${limitName(row.channel, row.category)}（原为 ${row.working_days} 个工作日）`, { channel: row.channel, category: row.category, workingDays: row.working_days, citation: row.citation }, null)
  })
}

export interface RoutingInput { unitCode: string; keywords: string[]; categories: CategoryKey[] }

/** Adds or changes the 转办目录 row of a unit. */
export async function saveRoutingRow(ctx: UseCaseContext, input: RoutingInput): Promise<void> {
  await authorise(ctx, 'letters.manage')
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('letter_routing_rows').selectAll().where('unit_code', '=', input.unitCode).forUpdate().executeTakeFirst()
    if (before) {
      await trx.updateTable('letter_routing_rows').set({ keywords: JSON.stringify(input.keywords), categories: JSON.stringify(input.categories), updated_at: ctx.clock.now() }).where('id', '=', before.id).execute()
    } else {
      const last = await trx.selectFrom('letter_routing_rows').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst()
      await trx.insertInto('letter_routing_rows').values({
        unit_code: input.unitCode, keywords: JSON.stringify(input.keywords), categories: JSON.stringify(input.categories), position: Number(last?.p ?? 0) + 10, updated_at: ctx.clock.now(),
      }).execute()
    }
    await recordChange(trx, ctx, 'routing', `${before ? '修改' : '新增'}转办目录 ${input.unitCode}：${input.keywords.join('、')}`,
      before ? { keywords: before.keywords, categories: before.categories } : null, { keywords: input.keywords, categories: input.categories })
  })
}

export async function removeRoutingRow(ctx: UseCaseContext, id: number): Promise<void> {
  await authorise(ctx, 'letters.manage')
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('letter_routing_rows').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
    if (!row) throw new InvalidInputError([{ field: '', message: '这一行已经不存在，请刷新页面' }])
    await trx.deleteFrom('letter_routing_rows').where('id', '=', id).execute()
    await recordChange(trx, ctx, 'routing', `删除转办目录 ${row.unit_code}`, { unitCode: row.unit_code, keywords: row.keywords, categories: row.categories }, null)
  })
}

/** Changes the local numbers; only those that differ are recorded. */
export async function saveLetterSettings(ctx: UseCaseContext, input: LetterSettings): Promise<void> {
  await authorise(ctx, 'letters.manage')
  await ctx.db.transaction().execute(async (trx) => {
    const current = await loadLetterSettings(trx)
    for (const [name, meta] of Object.entries(SETTING_KEYS) as [keyof LetterSettings, (typeof SETTING_KEYS)[keyof LetterSettings]][]) {
      const value = input[name]
      if (value === current[name]) continue
      await trx.updateTable('letter_settings').set({ value, updated_at: ctx.clock.now() }).where('key', '=', meta.key).execute()
      await recordChange(trx, ctx, 'setting', `${meta.label}：${current[name]} → ${value} ${meta.unit}`, { [meta.key]: current[name] }, { [meta.key]: value })
    }
  })
}
