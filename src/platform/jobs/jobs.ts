/**
 * Jobs over pg-boss (DESIGN.md §2): queues, cron schedules in the statutory time zone, and work handlers, the same
 * on PGlite and PostgreSQL. pg-boss talks to the database through the app's own Kysely handle (its `db` option), so
 * PGlite's single connection is shared and never held across another query, and on PostgreSQL no second pool is
 * opened. pg-boss keeps its tables in a schema of its own (`pgboss` by default): the app's migrations, `gongkai
 * backup/restore` and docs/schema.sql read `current_schema()` only, so job state is neither migrated, backed up nor
 * dumped — it is transient, and `start()` recreates the queues and schedules.
 *
 * One run at a time across processes (DESIGN.md §3): every queue is `stately` — at most one job waiting and one
 * running per queue (and per singleton key), enforced by unique indexes in the database. pg-boss sends each cron
 * job once per minute slot for all processes together. Handlers must still be idempotent (a job may be retried).
 */
import { CompiledQuery, type Kysely } from 'kysely'
import PgBoss from 'pg-boss'

/** The statutory time zone: cron expressions are read in it. */
export const JOBS_TIME_ZONE = 'Asia/Shanghai'

export interface JobLogger {
  info(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export interface JobDefinition<T extends object = Record<string, unknown>> {
  /** Queue name (kebab-case). */
  name: string
  /** Cron expression in Asia/Shanghai (minute hour day month weekday), if the job also runs on a schedule. */
  cron?: string
  /** How often an idle worker looks for a job of this queue (seconds, ≥ 1). */
  pollingIntervalSeconds?: number
  /** Run once when the service starts (besides the cron). */
  runAtStart?: boolean
  /** The work. Its result, if any, is logged when it says something happened. Throwing fails the job (logged, retried). */
  run(data: T): Promise<object | void>
}

export interface SendOptions {
  /** Not before this instant. */
  startAfter?: Date
  /** Jobs with the same key share the queue's one-waiting/one-running slots (stately). */
  singletonKey?: string
}

export interface Jobs {
  /** Adds a job kind; call before start(). */
  define<T extends object>(definition: JobDefinition<T>): void
  /** Creates the pg-boss schema if needed, the queues, the schedules, and starts the workers. */
  start(): Promise<void>
  /** Queues a job. Returns its id, or null when the queue already has one waiting with that key (stately). */
  send(name: string, data?: object, options?: SendOptions): Promise<string | null>
  /** Stops polling and waits (up to `timeoutMs`) for running jobs to finish. */
  stop(timeoutMs?: number): Promise<void>
  /** The pg-boss instance, for tests and diagnostics. */
  readonly boss: PgBoss
}

export interface JobsOptions {
  db: Kysely<any>
  logger: JobLogger
  /** Schema of pg-boss's tables (default `pgboss`; tests on PostgreSQL use one per file). */
  schema?: string
  /** pg-boss maintenance and cron checks (default on). Tests that only drive queues may turn them off. */
  supervise?: boolean
}

/**
 * pg-boss's database port over Kysely: one statement with parameters, or a multi-statement script without. It counts
 * the queries in flight, so that stop() can wait for them: pg-boss marks a finished job complete without awaiting it,
 * and a worker's fetch may still be running when pg-boss says it has stopped. After stop() it sends nothing more (the
 * app closes the database next): a late query gets no rows, and a job it would have completed expires and is
 * retried — every job is idempotent.
 */
function executor(db: Kysely<any>) {
  const state = { inFlight: 0, closed: false }
  const port: PgBoss.Db = {
    async executeSql(text: string, values?: unknown[]) {
      if (state.closed) return { rows: [] }
      state.inFlight++
      try {
        const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []))
        return { rows: result.rows as any[] }
      } finally {
        state.inFlight--
      }
    },
  }
  return { port, state }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function createJobs(options: JobsOptions): Jobs {
  const supervise = options.supervise ?? true
  const database = executor(options.db)
  const boss = new PgBoss({
    db: database.port,
    schema: options.schema ?? 'pgboss',
    supervise,
    schedule: supervise,
    // A failed job is retried twice, a minute apart; a job that runs longer than 15 minutes is failed.
    retryLimit: 2,
    retryDelay: 60,
    expireInMinutes: 15,
  })
  const log = options.logger
  boss.on('error', (error) => log.error({ err: error }, 'job service error'))
  const definitions = new Map<string, JobDefinition<any>>()
  let started = false
  let running = 0

  return {
    boss,
    define(definition) {
      if (started) throw new Error(`job ${definition.name} defined after start`)
      definitions.set(definition.name, definition)
    },
    async start() {
      await boss.start()
      started = true
      for (const d of definitions.values()) {
        await boss.createQueue(d.name, { name: d.name, policy: 'stately' })
        if (d.cron) await boss.schedule(d.name, d.cron, {}, { tz: JOBS_TIME_ZONE })
        else await boss.unschedule(d.name)
        // Queued before the worker starts: its first fetch, right away, finds it.
        if (d.runAtStart) await boss.send(d.name, {})
        await boss.work(d.name, { batchSize: 1, pollingIntervalSeconds: d.pollingIntervalSeconds ?? 10 }, async (jobs) => {
          for (const job of jobs) {
            const startedAt = performance.now()
            running++
            try {
              const result = await d.run((job.data ?? {}) as object)
              const ms = Math.round(performance.now() - startedAt)
              if (result && Object.values(result).some((v) => typeof v === 'number' && v > 0)) log.info({ job: d.name, ms, ...result }, `job ${d.name} done`)
            } catch (error) {
              log.error({ err: error, job: d.name, jobId: job.id }, `job ${d.name} failed`)
              throw error
            } finally {
              running--
            }
          }
        })
      }
    },
    async send(name, data = {}, sendOptions = {}) {
      return boss.send(name, data, {
        ...(sendOptions.startAfter ? { startAfter: sendOptions.startAfter } : {}),
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
      })
    },
    async stop(timeoutMs = 20_000) {
      if (!started) return
      started = false
      // Graceful: no new jobs are fetched; running ones may finish. close:false — the database belongs to the app.
      const deadline = Date.now() + timeoutMs
      await boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs })
      // Then the handlers and queries still in flight (a fetch that returned a job, a completion), twice quiet in a row.
      let quiet = 0
      while (quiet < 2 && Date.now() < deadline) {
        quiet = running === 0 && database.state.inFlight === 0 ? quiet + 1 : 0
        await sleep(50)
      }
      database.state.closed = true
    },
  }
}
