/**
 * The app's jobs on pg-boss (src/platform/jobs): what runs when. Every handler is idempotent — running twice, or in
 * two processes at once, writes nothing twice — and the queues are stately (one waiting, one running), so it is safe
 * for every process to start the jobs (DESIGN.md §3). Cron times are Asia/Shanghai.
 *
 * | job | when | what |
 * |---|---|---|
 * | deadline-reminders | hourly at :05, and at start | 依申请公开: due soon → overdue → 督办 events (requests) |
 * | letters-escalation | hourly at :10, and at start | 公众诉求: 督办 of dispatched letters past their reply limit, and of 差评整改 tasks past their due date |
 * | scheduled-publishing | at each scheduled edition's time, and every minute | 定时发布 of editions whose time has come |
 * | request-history-upload-purge | daily at 03:20, and at start | 依申请公开: unconfirmed history uploads older than 24 h deleted |
 */
import type { StaffDeps } from './modules/orgs/index.ts'
import { escalateOverdueCases, escalateOverdueRectifications } from './modules/letters/index.ts'
import { publishDueEditions, upcomingScheduledEditions } from './modules/publishing/index.ts'
import { purgeUnconfirmedHistoryUploads, runDeadlineReminders } from './modules/requests/index.ts'
import type { JobDefinition, Jobs } from './platform/jobs/jobs.ts'

export const JOB_NAMES = {
  deadlineReminders: 'deadline-reminders',
  lettersEscalation: 'letters-escalation',
  scheduledPublishing: 'scheduled-publishing',
  historyUploadPurge: 'request-history-upload-purge',
} as const

export interface AppJobDeps {
  staff: StaffDeps
  send: Jobs['send']
  /** Called after editions went live (the process clears its page cache). */
  onPublished(count: number): void
}

/** How far ahead the sweep queues a job at each scheduled edition's exact time. */
const LOOK_AHEAD_MS = 60 * 60_000

/**
 * 定时发布: publishes the editions whose time has come (row locks: one process publishes each), then queues one job at
 * the exact time of each edition coming up in the next hour. The job key carries the edition and its time, so the
 * sweep queues each once, and a rescheduled edition gets a job at its new time.
 */
export async function publishScheduledEditions(deps: AppJobDeps): Promise<{ published: number; queued: number }> {
  const now = deps.staff.clock.now()
  const published = await publishDueEditions({ ...deps.staff, actor: null, ip: 'scheduler' }, now)
  if (published > 0) deps.onPublished(published)
  let queued = 0
  for (const e of await upcomingScheduledEditions(deps.staff.db, new Date(now.getTime() + LOOK_AHEAD_MS))) {
    if (e.publishAt <= now) continue
    const id = await deps.send(JOB_NAMES.scheduledPublishing, { editionId: e.editionId }, { startAfter: e.publishAt, singletonKey: `edition-${e.editionId}-${e.publishAt.getTime()}` })
    if (id) queued++
  }
  return { published, queued }
}

export function appJobDefinitions(deps: AppJobDeps): JobDefinition[] {
  const { db, clock } = deps.staff
  return [
    { name: JOB_NAMES.deadlineReminders, cron: '5 * * * *', runAtStart: true, pollingIntervalSeconds: 30, run: () => runDeadlineReminders({ db, clock }) },
    { name: JOB_NAMES.lettersEscalation, cron: '10 * * * *', runAtStart: true, pollingIntervalSeconds: 30, run: async () => ({ escalated: await escalateOverdueCases({ db, clock }), rectificationsEscalated: await escalateOverdueRectifications({ db, clock }) }) },
    // Polled every 2 s: a job queued for an edition's time runs within seconds of it.
    { name: JOB_NAMES.scheduledPublishing, cron: '* * * * *', pollingIntervalSeconds: 2, run: () => publishScheduledEditions(deps) },
    { name: JOB_NAMES.historyUploadPurge, cron: '20 3 * * *', runAtStart: true, pollingIntervalSeconds: 60, run: () => purgeUnconfirmedHistoryUploads({ db, clock }) },
  ]
}

/** Defines the app's jobs on the service (before `jobs.start()`). */
export function defineAppJobs(jobs: Jobs, deps: Omit<AppJobDeps, 'send'>): void {
  for (const definition of appJobDefinitions({ ...deps, send: (name, data, options) => jobs.send(name, data, options) })) jobs.define(definition)
}
