/**
 * 发布渠道: the channels an item also went out on (政务微博, 政务微信, 政府公报, 公告栏/电子屏, 报刊广播电视), with
 * date and reference. The annual report counts them (the seed: 政务微博 3916 条, 政务微信 1640 条).
 */
import type { Executor } from '../../database.ts'
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.ts'
import { isRealDate } from '../../platform/http/forms.ts'
import { appendAudit, requireActor, type UseCaseContext } from '../orgs/index.ts'
import { CHANNEL_LABELS, type Channel } from './catalogue-terms.ts'
import { findItem } from './publishing.repository.ts'

export interface ChannelRecord {
  id: number
  channel: Channel
  publishedOn: string
  reference: string
}

export async function channelsOf(db: Executor, itemId: number): Promise<ChannelRecord[]> {
  const rows = await db.selectFrom('catalogue_channels').selectAll().where('item_id', '=', itemId).orderBy('published_on').orderBy('id').execute()
  return rows.map((r) => ({ id: r.id, channel: r.channel as Channel, publishedOn: r.published_on, reference: r.reference }))
}

export async function recordChannel(ctx: UseCaseContext, itemId: number, input: { channel: string; publishedOn: string; reference: string }): Promise<void> {
  const actor = requireActor(ctx)
  const item = await findItem(ctx.db, itemId)
  if (!item || item.organisationId !== actor.organisationId) throw new NotFoundError()
  if (!actor.roles.some((r) => r === 'unit_editor' || r === 'unit_reviewer' || r === 'unit_head')) throw new InvalidInputError([{ field: '', message: '只有本单位的信息员、审核人或负责人可以登记发布渠道' }])
  if (item.publicState === 'unpublished') throw new InvalidInputError([{ field: 'channel', message: '信息发布后才能登记其他发布渠道' }])
  if (!Object.hasOwn(CHANNEL_LABELS, input.channel) || input.channel === 'website') throw new InvalidInputError([{ field: 'channel', message: '请选择发布渠道' }])
  if (!isRealDate(input.publishedOn)) {
    throw new InvalidInputError([{ field: 'publishedOn', message: '请填写发布日期，例如 2026-11-27' }])
  }
  if (input.publishedOn > ctx.clock.today()) throw new InvalidInputError([{ field: 'publishedOn', message: '发布日期不能晚于今天' }])
  if (input.reference.length > 200) throw new InvalidInputError([{ field: 'reference', message: '说明不能超过 200 个字' }])
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('catalogue_channels').values({ item_id: item.id, channel: input.channel, published_on: input.publishedOn, reference: input.reference.trim() }).returning('id').executeTakeFirstOrThrow()
    await appendAudit(trx, { actorUserId: actor.userId, actorUsername: actor.username, organisationId: item.organisationId, action: 'catalogue.channel_recorded', outcome: 'success', targetType: 'catalogue_item', targetId: item.id, ip: ctx.ip, details: { channelId: row.id, channel: input.channel } }, ctx.clock.now())
  })
}
