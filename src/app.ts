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
import { publishingRoutes } from './modules/publishing/index.ts'
import { guideRoutes } from './modules/guide/index.ts'
import { lettersOpen311Routes, lettersPublicRoutes, lettersRoutes } from './modules/letters/index.ts'
import { requestsPublicRoutes, requestsRoutes } from './modules/requests/index.ts'
import { createJobs } from './platform/jobs/jobs.ts'
import { defineAppJobs } from './app-jobs.ts'

export interface AppDeps {
  config: Config
  db: Db
  clock: Clock
  logger?: FastifyServerOptions['logger']
  /** Start the jobs on pg-boss (src/app-jobs.ts). On with `gongkai start`; tests drive the job handlers directly. */
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
    // Jobs on pg-boss (src/app-jobs.ts): scheduled publishing, 依申请公开 reminders and 督办, letters 督办. Stopped
    // gracefully when the app closes (running jobs finish), before the database is closed.
    const jobs = createJobs({ db: deps.db, logger: app.log })
    defineAppJobs(jobs, { staff: staffDeps, onPublished: () => app.pageCache.clear() })
    await jobs.start()
    app.addHook('onClose', async () => jobs.stop())
  }
  app.get('/healthz', async () => {
    await deps.db.selectNoFrom((eb) => eb.val(1).as('ok')).execute()
    return { status: 'ok' }
  })
  return app
}
