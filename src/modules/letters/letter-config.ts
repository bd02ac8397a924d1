/**
 * 公众诉求设置: the 办理时限 table (channel × category), the 转办目录 (category + keywords → suggested unit) and the
 * local numbers of the wing (延期, follow-up window, reopen limit, 整改期限) are data the 公开办 edits. The rules
 * (rules/reply-limits.ts, rules/routing.ts, rules/follow-up.ts) read what is loaded here. Every change writes a row of
 * letter_config_changes (the history the page shows) and an audit entry, in one transaction with the change.
 * A case keeps the limit it was given at dispatch (letter_cases.limit_working_days, and its clock's regime).
 *
 * The tables start empty (a migrated database stays empty for backup restore): until the 公开办 first changes one,
 * the code defaults apply, and that first change copies them in (seedDefaults), in the same transaction.
 */
import type { Executor, Trx } from '../../database.ts'
import { InvalidInputError } from '../../platform/http/errors.ts'
import { appendAudit, authorise, requireActor, type UseCaseContext } from '../orgs/index.ts'
import {
  CATEGORIES, CHANNELS, DEFAULT_LETTER_SETTINGS, DEMO_ROUTING, isCategory, isChannel, LIMIT_TABLE, SETTING_KEYS, type CategoryKey, type ChannelKey, type LetterSettings, type LimitRow, type RoutingRow,
} from './rules/index.ts'

/** The 办理时限 table as the rules read it; the code defaults until the 公开办 has changed it. */
export async function loadLimitTable(db: Executor): Promise<LimitRow[]> {
  const rows = await db.selectFrom('letter_reply_limits').select(['channel', 'category', 'working_days', 'citation']).orderBy('id').execute()
  if (!rows.some((r) => r.channel === '' && r.category === '')) return [...LIMIT_TABLE]
  return rows.map((r) => ({
    ...(r.channel && isChannel(r.channel) ? { channel: r.channel } : {}), ...(r.category && isCategory(r.category) ? { category: r.category } : {}), workingDays: r.working_days, citation: r.citation,
  }))
}

export interface LimitTableRow { id: number; channel: ChannelKey | null; category: CategoryKey | null; workingDays: number; citation: string; updatedAt: Date }

export async function listLimitRows(db: Executor): Promise<LimitTableRow[]> {
  const stored = await db.selectFrom('letter_reply_limits').selectAll().orderBy('channel').orderBy('category').execute()
  const rows = stored.length ? stored : LIMIT_TABLE.map((r, i) => ({ id: -i - 1, channel: r.channel ?? '', category: r.category ?? '', working_days: r.workingDays, citation: r.citation, updated_at: new Date(0) }))
    .sort((a, b) => a.channel.localeCompare(b.channel) || a.category.localeCompare(b.category))
  return rows.map((r) => ({ id: r.id, channel: (r.channel || null) as ChannelKey | null, category: (r.category || null) as CategoryKey | null, workingDays: r.working_days, citation: r.citation, updatedAt: r.updated_at }))
}

export interface RoutingTableRow extends RoutingRow { id: number; updatedAt: Date }

/** Whether the 公开办 has ever changed the 转办目录 (then an empty table means an empty catalogue). */
async function routingChanged(db: Executor): Promise<boolean> {
  return (await db.selectFrom('letter_config_changes').select('id').where('kind', '=', 'routing').limit(1).executeTakeFirst()) !== undefined
}

/** The 转办目录 as the rules read it, in catalogue order; the code defaults until the 公开办 has changed it. */
export async function loadRoutingCatalogue(db: Executor): Promise<RoutingTableRow[]> {
  const rows = await db.selectFrom('letter_routing_rows').selectAll().orderBy('position').orderBy('id').execute()
  if (!rows.length && !(await routingChanged(db))) return DEMO_ROUTING.map((r, i) => ({ ...r, id: -i - 1, updatedAt: new Date(0) }))
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

/** Before the first change of a table, the defaults the rules were using are copied in, so nothing else moves. */
async function seedDefaults(trx: Trx, kind: 'limit' | 'routing' | 'setting'): Promise<void> {
  if (kind === 'limit') {
    const any = await trx.selectFrom('letter_reply_limits').select('id').limit(1).executeTakeFirst()
    if (any) return
    for (const r of LIMIT_TABLE) await trx.insertInto('letter_reply_limits').values({ channel: r.channel ?? '', category: r.category ?? '', working_days: r.workingDays, citation: r.citation }).execute()
  } else if (kind === 'routing') {
    const any = await trx.selectFrom('letter_routing_rows').select('id').limit(1).executeTakeFirst()
    if (any || (await routingChanged(trx))) return
    let position = 0
    for (const r of DEMO_ROUTING) {
      position += 10
      await trx.insertInto('letter_routing_rows').values({ unit_code: r.unitCode, keywords: JSON.stringify(r.keywords), categories: JSON.stringify(r.categories ?? []), position }).execute()
    }
  } else {
    for (const [name, meta] of Object.entries(SETTING_KEYS) as [keyof LetterSettings, (typeof SETTING_KEYS)[keyof LetterSettings]][]) {
      await trx.insertInto('letter_settings').values({ key: meta.key, value: DEFAULT_LETTER_SETTINGS[name], note: meta.label }).onConflict((oc) => oc.column('key').doNothing()).execute()
    }
  }
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
    await seedDefaults(trx, 'limit')
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

/** Removes the row of a channel × category ('' = any); the default row (any channel × any category) stays. */
export async function removeLimitRow(ctx: UseCaseContext, key: { channel: string; category: string }): Promise<void> {
  await authorise(ctx, 'letters.manage')
  await ctx.db.transaction().execute(async (trx) => {
    await seedDefaults(trx, 'limit')
    const row = await trx.selectFrom('letter_reply_limits').selectAll().where('channel', '=', key.channel).where('category', '=', key.category).forUpdate().executeTakeFirst()
    if (!row) throw new InvalidInputError([{ field: '', message: '这一行已经不存在，请刷新页面' }])
    if (row.channel === '' && row.category === '') throw new InvalidInputError([{ field: '', message: '默认时限（任何渠道 × 任何类别）不能删除，可以修改天数' }])
    await trx.deleteFrom('letter_reply_limits').where('id', '=', row.id).execute()
    await recordChange(trx, ctx, 'limit', `删除办理时限 ${limitName(row.channel, row.category)}（原为 ${row.working_days} 个工作日）`, { channel: row.channel, category: row.category, workingDays: row.working_days, citation: row.citation }, null)
  })
}

export interface RoutingInput { unitCode: string; keywords: string[]; categories: CategoryKey[] }

/** Adds or changes the 转办目录 row of a unit. */
export async function saveRoutingRow(ctx: UseCaseContext, input: RoutingInput): Promise<void> {
  await authorise(ctx, 'letters.manage')
  await ctx.db.transaction().execute(async (trx) => {
    await seedDefaults(trx, 'routing')
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

/** Removes the 转办目录 row of a unit (by organisation code). */
export async function removeRoutingRow(ctx: UseCaseContext, unitCode: string): Promise<void> {
  await authorise(ctx, 'letters.manage')
  await ctx.db.transaction().execute(async (trx) => {
    await seedDefaults(trx, 'routing')
    const row = await trx.selectFrom('letter_routing_rows').selectAll().where('unit_code', '=', unitCode).forUpdate().executeTakeFirst()
    if (!row) throw new InvalidInputError([{ field: '', message: '这一行已经不存在，请刷新页面' }])
    await trx.deleteFrom('letter_routing_rows').where('id', '=', row.id).execute()
    await recordChange(trx, ctx, 'routing', `删除转办目录 ${row.unit_code}`, { unitCode: row.unit_code, keywords: row.keywords, categories: row.categories }, null)
  })
}

/** Changes the local numbers; only those that differ are recorded. */
export async function saveLetterSettings(ctx: UseCaseContext, input: LetterSettings): Promise<void> {
  await authorise(ctx, 'letters.manage')
  await ctx.db.transaction().execute(async (trx) => {
    await seedDefaults(trx, 'setting')
    const current = await loadLetterSettings(trx)
    for (const [name, meta] of Object.entries(SETTING_KEYS) as [keyof LetterSettings, (typeof SETTING_KEYS)[keyof LetterSettings]][]) {
      const value = input[name]
      if (value === current[name]) continue
      await trx.updateTable('letter_settings').set({ value, updated_at: ctx.clock.now() }).where('key', '=', meta.key).execute()
      await recordChange(trx, ctx, 'setting', `${meta.label}：${current[name]} → ${value} ${meta.unit}`, { [meta.key]: current[name] }, { [meta.key]: value })
    }
  })
}
