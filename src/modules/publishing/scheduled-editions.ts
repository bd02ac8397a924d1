import type { Executor } from '../../database.ts'

/**
 * 定时发布: the scheduled editions whose time comes before `until`, soonest first. The scheduled-publishing job queues
 * one job for each at its exact time (pg-boss startAfter), so an edition goes live within seconds of its time.
 */
export async function upcomingScheduledEditions(db: Executor, until: Date, limit = 500): Promise<{ editionId: number; publishAt: Date }[]> {
  const rows = await db.selectFrom('catalogue_editions').select(['id', 'publish_at']).where('state', '=', 'scheduled')
    .where('publish_at', 'is not', null).where('publish_at', '<=', until).orderBy('publish_at').limit(limit).execute()
  return rows.map((r) => ({ editionId: r.id, publishAt: new Date(r.publish_at!) }))
}
