/** The jobs service runs a real pg-boss on PGlite and on PostgreSQL (TEST_DATABASE_URL), through the app's Kysely handle. */
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeEachDatabase } from '../../../test/support/test-database.ts'
import { createJobs, type JobLogger } from './jobs.ts'

async function until(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describeEachDatabase('jobs on pg-boss', (get) => {
  it('runs a sent job, keeps one waiting per queue, schedules in Asia/Shanghai, logs failures and stops gracefully', async () => {
    const { db } = get()
    const schema = `pgboss_t_${randomBytes(4).toString('hex')}`
    const errors: string[] = []
    const logger: JobLogger = { info: () => {}, error: (_obj, msg) => errors.push(msg) }
    const jobs = createJobs({ db, logger, schema, supervise: false })
    const seen: object[] = []
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => { release = resolve })
    let slowStarted = false
    let finished = 0
    jobs.define({ name: 'probe', pollingIntervalSeconds: 1, async run(data) { seen.push(data) } })
    jobs.define({ name: 'slow', pollingIntervalSeconds: 1, async run() { slowStarted = true; await gate; finished++ } })
    jobs.define({ name: 'broken', cron: '5 * * * *', pollingIntervalSeconds: 1, async run() { throw new Error('故意失败') } })
    try {
      await jobs.start()
      // Stately: while one job waits, a second send to the same queue (and key) is refused, so two processes never queue twice.
      const first = await jobs.send('probe', { n: 1 }, { startAfter: new Date(Date.now() + 60_000), singletonKey: 'k' })
      expect(first).toBeTruthy()
      expect(await jobs.send('probe', { n: 2 }, { singletonKey: 'k' })).toBeNull()
      expect(await jobs.send('probe', { n: 3 })).toBeTruthy()
      await until(() => seen.length === 1)
      expect(seen).toEqual([{ n: 3 }])
      const schedules = await jobs.boss.getSchedules()
      expect(schedules.map((s) => [s.name, s.cron, (s as unknown as { timezone: string }).timezone])).toEqual([['broken', '5 * * * *', 'Asia/Shanghai']])
      await jobs.send('broken')
      await until(() => errors.length > 0)
      expect(errors[0]).toBe('job broken failed')
      await jobs.send('slow')
      await until(() => slowStarted)
      // Graceful stop waits for the running job (released a second later) before it returns.
      setTimeout(release, 1_000)
      await jobs.stop(10_000)
      expect(finished).toBe(1)
    } finally {
      release()
      await jobs.stop()
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db)
    }
  }, 60_000)

  it('runs one job of a queue at a time across two services on one database (as two processes would)', async () => {
    const { db } = get()
    const schema = `pgboss_t_${randomBytes(4).toString('hex')}`
    const logger: JobLogger = { info: () => {}, error: () => {} }
    let running = 0
    let most = 0
    let runs = 0
    const services = [createJobs({ db, logger, schema, supervise: false }), createJobs({ db, logger, schema, supervise: false })]
    for (const jobs of services) {
      jobs.define({
        name: 'shared', pollingIntervalSeconds: 1,
        async run() {
          running++
          most = Math.max(most, running)
          await new Promise((resolve) => setTimeout(resolve, 300))
          running--
          runs++
        },
      })
    }
    try {
      for (const jobs of services) await jobs.start()
      // Both "processes" keep sending, as two cron ticks or two schedulers would.
      for (let i = 0; i < 12; i++) {
        await Promise.all(services.map((jobs) => jobs.send('shared')))
        await new Promise((resolve) => setTimeout(resolve, 150))
      }
      await until(() => runs >= 2 && running === 0)
      expect(most).toBe(1)
      // Stately: at most one waiting and one running, so far fewer runs than the 24 sends.
      expect(runs).toBeLessThan(24)
    } finally {
      for (const jobs of services) await jobs.stop()
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db)
    }
  }, 60_000)
})
