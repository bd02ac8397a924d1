/**
 * 主题分类维护: the 公开办 adds the classes the built-in gov.cn scheme lacks (part of it is recalled, [M]) and removes
 * what it added by mistake. A class in use by any edition stays, so that no item loses its 主题分类. Every change is
 * kept (who added, who removed, when) and audited in the same transaction.
 */
import type { Executor } from '../../database.ts'
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.ts'
import { appendAudit, requireActor, type UseCaseContext } from '../orgs/index.ts'
import { authoriseSetting } from './publishing.policy.ts'
import { isBuiltInTopic, topicValue, topicVocabulary, TOPIC_SEPARATOR, type TopicVocabulary } from './topics.ts'

export interface AddedTopicRow {
  id: number
  first: string
  second: string
  note: string
  addedByUserId: number
  addedAt: Date
  removedByUserId: number | null
  removedAt: Date | null
}

/** Every class the installation added, in force or removed, oldest first. */
export async function listAddedTopics(db: Executor): Promise<AddedTopicRow[]> {
  const rows = await db.selectFrom('catalogue_topics').selectAll().orderBy('id').execute()
  return rows.map((r) => ({
    id: r.id, first: r.first_level, second: r.second_level, note: r.note, addedByUserId: r.added_by_user_id, addedAt: new Date(r.added_at),
    removedByUserId: r.removed_by_user_id, removedAt: r.removed_at ? new Date(r.removed_at) : null,
  }))
}

/** The 主题分类 in force: the built-in scheme and the classes added here. */
export async function loadTopicVocabulary(db: Executor): Promise<TopicVocabulary> {
  const rows = await db.selectFrom('catalogue_topics').select(['first_level', 'second_level']).where('removed_at', 'is', null).orderBy('id').execute()
  return topicVocabulary(rows.map((r) => ({ first: r.first_level, second: r.second_level })))
}

/** Editions (in any state) classified under this class; for a first level, also under its second levels. */
async function usesOf(db: Executor, first: string, second: string): Promise<number> {
  let q = db.selectFrom('catalogue_editions').select((eb) => eb.fn.countAll<number>().as('n'))
  q = second
    ? q.where('topic', '=', topicValue(first, second))
    : q.where((eb) => eb.or([eb('topic', '=', first), eb(eb.fn('split_part', ['topic', eb.val(TOPIC_SEPARATOR), eb.val(1)]), '=', first)]))
  return Number((await q.executeTakeFirstOrThrow()).n)
}

/** Adds a class: a second level under an existing first level, or (second '') a new first level. */
export async function addTopic(ctx: UseCaseContext, input: { first: string; second: string; note: string }): Promise<number> {
  await authoriseSetting(ctx, 'catalogue.topics.manage')
  const actor = requireActor(ctx)
  const { first, second, note } = input
  const field = second ? 'second' : 'newFirst'
  const vocabulary = await loadTopicVocabulary(ctx.db)
  const group = vocabulary.groups.find((g) => g.first === first)
  if (second && !group) throw new InvalidInputError([{ field: 'first', message: '请选择二级分类所属的一级分类' }])
  if (isBuiltInTopic(first, second)) throw new InvalidInputError([{ field, message: `“${second || first}”已在内置的主题分类表中，不必再添加` }])
  if (!second && group) throw new InvalidInputError([{ field, message: `一级分类“${first}”已经存在` }])
  if (second && group!.seconds.includes(second)) throw new InvalidInputError([{ field, message: `“${first}”下已有二级分类“${second}”` }])
  return ctx.db.transaction().execute(async (trx) => {
    const at = ctx.clock.now()
    const row = await trx.insertInto('catalogue_topics').values({ first_level: first, second_level: second, note, added_by_user_id: actor.userId, added_at: at }).returning('id').executeTakeFirstOrThrow()
    await appendAudit(trx, { actorUserId: actor.userId, actorUsername: actor.username, organisationId: actor.organisationId, action: 'catalogue.topic_added', outcome: 'success', targetType: 'catalogue_topic', targetId: row.id, ip: ctx.ip, details: { topic: topicValue(first, second) } }, at)
    return row.id
  })
}

/** Removes a class the installation added, unless an edition uses it (or, for a first level, it still has second levels). */
export async function removeTopic(ctx: UseCaseContext, id: number): Promise<void> {
  await authoriseSetting(ctx, 'catalogue.topics.manage')
  const actor = requireActor(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('catalogue_topics').selectAll().where('id', '=', id).where('removed_at', 'is', null).forUpdate().executeTakeFirst()
    if (!row) throw new NotFoundError()
    const label = topicValue(row.first_level, row.second_level)
    if (!row.second_level) {
      const children = await trx.selectFrom('catalogue_topics').select('second_level').where('first_level', '=', row.first_level).where('second_level', '<>', '').where('removed_at', 'is', null).execute()
      if (children.length) throw new InvalidInputError([{ field: '', message: `一级分类“${row.first_level}”下还有二级分类（${children.map((c) => c.second_level).join('、')}），请先删除它们` }])
    }
    const uses = await usesOf(trx, row.first_level, row.second_level)
    if (uses > 0) throw new InvalidInputError([{ field: '', message: `已有 ${uses} 条信息（含历史版本）使用主题分类“${label.replace(TOPIC_SEPARATOR, ' > ')}”，不能删除` }])
    const at = ctx.clock.now()
    await trx.updateTable('catalogue_topics').set({ removed_by_user_id: actor.userId, removed_at: at }).where('id', '=', id).execute()
    await appendAudit(trx, { actorUserId: actor.userId, actorUsername: actor.username, organisationId: actor.organisationId, action: 'catalogue.topic_removed', outcome: 'success', targetType: 'catalogue_topic', targetId: id, ip: ctx.ip, details: { topic: label } }, at)
  })
}
