/** Starts the process: load config, open and migrate the database, load demo data in development, listen. */
import { Migrator } from 'kysely'
import { buildApp } from './app.ts'
import type { Config } from './config.ts'
import { DEMO_PASSWORD, DEMO_USERS, hasDemoData, seedDemo } from './demo/seed-demo.ts'
import { ensureOfficialCalendar } from './modules/calendar/index.ts'
import { roleLabel } from './modules/orgs/index.ts'
import { migrations } from './migrations/index.ts'
import { systemClock } from './platform/clock.ts'
import { migrateToLatest } from './platform/database/migrate.ts'
import { openConfiguredDatabase } from './runtime.ts'

export async function start(config: Config, out: (line: string) => void = console.log): Promise<{ close(): Promise<void>; url: string }> {
  const startedAt = performance.now()
  const runtime = await openConfiguredDatabase(config)
  try {
    if (config.isProduction && runtime.kind === 'postgres') {
      // In production schema changes are a deliberate step: `gongkai migrate`.
      const pending = (await new Migrator({ db: runtime.db, provider: { getMigrations: async () => migrations } }).getMigrations()).filter((m) => !m.executedAt)
      if (pending.length) throw new Error(`数据库有 ${pending.length} 个待执行的迁移，请先运行 npx gongkai migrate`)
    } else {
      await migrateToLatest(runtime.db)
    }
    // The national holiday calendar is reference data, not demo data: every installation starts with it.
    await ensureOfficialCalendar(runtime.db, new Date())
    let seeded = false
    if (config.isProduction) {
      if (await hasDemoData(runtime.db)) throw new Error('生产环境拒绝使用演示数据：此数据库中有演示数据。请使用新的数据库，并用 npx gongkai create-admin 创建管理员。')
    } else {
      seeded = (await seedDemo(runtime.db, { dataKey: config.dataKey })).seeded
    }
    const app = await buildApp({ config, db: runtime.db, clock: systemClock, runScheduler: true })
    const address = await app.listen({ port: config.port, host: config.host })
    const port = (app.server.address() as { port: number }).port
    const base = config.publicUrl.includes(`:${config.port}`) ? config.publicUrl.replace(`:${config.port}`, `:${port}`) : config.publicUrl
    out(`Gongkai 已启动（${runtime.kind === 'pglite' ? `嵌入式数据库 ${config.dataDir}` : 'PostgreSQL'}，用时 ${Math.round(performance.now() - startedAt)} 毫秒）`)
    out(`  门户网站： ${base}/`)
    out(`  管理后台： ${base}/admin`)
    if (!config.isProduction && (seeded || (await hasDemoData(runtime.db)))) {
      out(`  演示账号（密码均为 ${DEMO_PASSWORD}）：`)
      for (const u of DEMO_USERS) out(`    ${u.username.padEnd(14)} ${u.displayName}  ${u.roles.map(roleLabel).join('、')}`)
    }
    void address
    return {
      url: base,
      async close() {
        await app.close()
        await runtime.close()
      },
    }
  } catch (error) {
    await runtime.close()
    throw error
  }
}
