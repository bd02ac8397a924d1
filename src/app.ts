/**
 * buildApp(deps) → a Fastify instance: the platform first, then each module's routes. Never listens.
 */
import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import type { Config } from './config.ts'
import type { Db } from './database.ts'
import type { Clock } from './platform/clock.ts'
import { createFieldCipher } from './platform/crypto/sm.ts'
import { createServer } from './platform/http/server.tsx'
import { adminNav, adminRoutes, calendarAdminRoutes } from './modules/admin/index.ts'
import { orgsRoutes, type SecurityPolicy, type StaffDeps } from './modules/orgs/index.ts'
import { deadlineRoutes, feedRoutes, portalRoutes } from './modules/portal/index.ts'
import { publishDueEditions, publishingRoutes } from './modules/publishing/index.ts'
import { guideRoutes } from './modules/guide/index.ts'
import { escalateOverdueCases, lettersOpen311Routes, lettersPublicRoutes, lettersRoutes } from './modules/letters/index.ts'
import { requestsPublicRoutes, requestsRoutes, runDeadlineReminders } from './modules/requests/index.ts'

export interface AppDeps {
  config: Config
  db: Db
  clock: Clock
  logger?: FastifyServerOptions['logger']
  /** Run the in-process scheduler (scheduled publishing). On with `gongkai start`; tests drive jobs directly. */
  runScheduler?: boolean
}

export function securityPolicyOf(config: Config): SecurityPolicy {
  return {
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionAbsoluteHours: config.sessionAbsoluteHours,
    loginMaxFailures: config.loginMaxFailures,
    loginLockMinutes: config.loginLockMinutes,
    ipMaxFailures: config.loginMaxFailures * 6,
    enforcePasswordChange: config.isProduction,
  }
}

/** Pino options: JSON logs with request ids, never cookies, tokens, passwords or form bodies. */
export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', '*.password', '*.newPassword', '*.currentPassword'], censor: '[已隐去]' },
    serializers: {
      // Query strings can carry search terms or query codes: log the path only.
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
    },
  }
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps
  const app = await createServer({
    site: config.site,
    sessionSecret: config.sessionSecret,
    https: config.https,
    bodyLimitBytes: config.bodyLimitBytes,
    logger: deps.logger ?? loggerOptions(config),
    exposeErrors: !config.isProduction,
    pageCacheSeconds: config.pageCacheSeconds,
    uploadLimitBytes: 20 * 1024 * 1024,
  })
  const staffDeps: StaffDeps = {
    db: deps.db,
    clock: deps.clock,
    cipher: createFieldCipher(config.dataKey),
    security: securityPolicyOf(config),
    https: config.https,
    nav: adminNav,
  }
  await app.register(async (scope) => {
    await portalRoutes(scope, { db: deps.db, clock: deps.clock, publicUrl: config.publicUrl })
    await deadlineRoutes(scope, { db: deps.db })
    await feedRoutes(scope, { db: deps.db, clock: deps.clock, publicUrl: config.publicUrl, siteName: config.site.name })
    await adminRoutes(scope, staffDeps)
    await orgsRoutes(scope, staffDeps)
    await calendarAdminRoutes(scope, staffDeps)
    await publishingRoutes(scope, staffDeps)
    await guideRoutes(scope, staffDeps)
    await lettersPublicRoutes(scope, { ...staffDeps, sourceSecret: config.sessionSecret })
    await lettersRoutes(scope, { ...staffDeps, identityKey: config.dataKey })
    await lettersOpen311Routes(scope, { ...staffDeps, sourceSecret: config.sessionSecret })
    await requestsPublicRoutes(scope, { ...staffDeps, identityKey: config.dataKey })
    await requestsRoutes(scope, { ...staffDeps, identityKey: config.dataKey })
  })
  if (deps.runScheduler) {
    // 定时发布: every 30 s, publish scheduled editions whose time has come. Row locks make it safe to run in
    // every process (DESIGN.md §3); a failure is logged and retried on the next tick.
    const tick = async () => {
      try {
        const published = await publishDueEditions({ ...staffDeps, actor: null, ip: 'scheduler' }, deps.clock.now())
        if (published > 0) {
          app.pageCache.clear()
          app.log.info({ published }, 'scheduled editions published')
        }
      } catch (error) {
        app.log.error({ err: error }, 'scheduled publishing failed')
      }
    }
    const timer = setInterval(() => void tick(), 30_000)
    timer.unref()
    app.addHook('onClose', async () => clearInterval(timer))
    // 督办: every 10 minutes, escalate dispatched letters past their reply limit (idempotent, safe in every process).
    const escalate = async () => {
      try {
        const escalated = await escalateOverdueCases(deps)
        if (escalated > 0) app.log.info({ escalated }, 'overdue letters escalated')
      } catch (error) {
        app.log.error({ err: error }, 'letter escalation failed')
      }
    }
    const escalationTimer = setInterval(() => void escalate(), 600_000)
    escalationTimer.unref()
    app.addHook('onClose', async () => clearInterval(escalationTimer))
    // 依申请公开 reminders and escalation (due soon → overdue → 督办): hourly and idempotent (one event per kind and
    // due date), so every process may run it; pg-boss is not installed, this scheduler stands in for it.
    const remind = async () => {
      try {
        const run = await runDeadlineReminders({ db: deps.db, clock: deps.clock })
        if (run.dueSoon + run.overdue + run.escalated > 0) app.log.info(run, 'request reminders recorded')
      } catch (error) {
        app.log.error({ err: error }, 'request reminders failed')
      }
    }
    const reminderTimer = setInterval(() => void remind(), 3_600_000)
    reminderTimer.unref()
    void remind()
    app.addHook('onClose', async () => clearInterval(reminderTimer))
  }
  app.get('/healthz', async () => {
    await deps.db.selectNoFrom((eb) => eb.val(1).as('ok')).execute()
    return { status: 'ok' }
  })
  return app
}
