/**
 * The platform half of the HTTP server: security headers and CSP (security-headers.ts), cookies, form bodies, CSRF on
 * every unsafe request, the 长辈版 display switch, static assets, error pages and 405s.
 * It knows no module; modules register their routes on the instance it returns.
 */
import { createHash, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import cookie from '@fastify/cookie'
import formbody from '@fastify/formbody'
import multipart from '@fastify/multipart'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify'
import FindMyWay from 'find-my-way'
import type { VNode } from 'preact'
import { renderPage } from '../views/render.ts'
import type { DisplayMode, ShellModel, SiteInfo } from '../views/layout.tsx'
import { CSRF_COOKIE, CSRF_FIELD, csrfTokenFor, csrfTokenValid, newCsrfSeed } from './csrf.ts'
import { AppError, InvalidInputError } from './errors.ts'
import { safeReturnPath } from './forms.ts'
import { ErrorPage, errorTitle } from './pages.tsx'
import { PageCache } from './page-cache.ts'
import { securityHeaders } from './security-headers.ts'

export interface ServerOptions {
  site: SiteInfo
  sessionSecret: string
  https: boolean
  bodyLimitBytes: number
  logger: FastifyServerOptions['logger']
  /** Shown on 5xx pages in development only. */
  exposeErrors: boolean
  /** How long a cached public page may be served (0 turns the cache off). */
  pageCacheSeconds: number
  /** Largest uploaded file. */
  uploadLimitBytes: number
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The page-shell view model for this request. */
    shell: ShellModel
    /** The CSRF token for forms on this page (sets the seed cookie if needed). */
    csrfToken(): string
  }
  interface FastifyReply {
    /** Renders a Preact page as HTML. */
    page(page: VNode, status?: number): FastifyReply
  }
  interface FastifyContextConfig {
    /** false for endpoints that take no cookie credentials (e.g. public API with its own checks). */
    csrf?: boolean
    /** true for public pages that are the same for every visitor (served from the page cache). */
    publicCache?: boolean
  }
  interface FastifyInstance {
    /** Rendered public pages; cleared on every successful state change. */
    pageCache: PageCache
  }
}

export const DISPLAY_COOKIE = 'gk_display'
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

const css = readFileSync(new URL('../views/assets/site.css', import.meta.url))
const cssVersion = createHash('sha256').update(css).digest('hex').slice(0, 12)

export function cookieOptions(https: boolean, extra: Record<string, unknown> = {}) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: https, ...extra }
}

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger,
    bodyLimit: options.bodyLimitBytes,
    trustProxy: true,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  })

  // Routes by path, to tell 404 from 405 (a known path with another method).
  const routes = FindMyWay()
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    for (const m of methods) {
      if (m === 'HEAD') continue
      try { routes.on(m as any, route.url, () => undefined) } catch { /* duplicate shape: already known */ }
    }
  })

  // Security headers on every response (404s and error pages too), built once.
  const headers = securityHeaders({ https: options.https })
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers)
    done()
  })
  await app.register(cookie)
  await app.register(formbody, { bodyLimit: options.bodyLimitBytes })
  // Uploads: fields and one file land on request.body; the file limit is checked again by the use case.
  await app.register(multipart, { attachFieldsToBody: true, limits: { fileSize: options.uploadLimitBytes, files: 1, fields: 20, fieldSize: 10_000 } })

  const pageCache = new PageCache(options.pageCacheSeconds * 1000)
  app.decorate('pageCache', pageCache)
  app.decorateRequest('shell', null as unknown as ShellModel)
  app.decorateRequest('csrfToken', function (this: FastifyRequest) { return '' })
  app.decorateReply('page', function (this: FastifyReply, page: VNode, status = 200) {
    return this.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderPage(page))
  })

  app.addHook('onRequest', async (request, reply) => {
    const mode: DisplayMode = request.cookies[DISPLAY_COOKIE] === 'elder' ? 'elder' : 'standard'
    request.shell = { site: options.site, mode, path: request.url, assetVersion: cssVersion }
    let seed = request.cookies[CSRF_COOKIE]
    request.csrfToken = () => {
      if (!seed || !/^[A-Za-z0-9_-]{20,64}$/.test(seed)) {
        seed = newCsrfSeed()
        reply.setCookie(CSRF_COOKIE, seed, cookieOptions(options.https))
      }
      return csrfTokenFor(options.sessionSecret, seed)
    }
  })

  // Public pages: serve a cached rendering (per display mode) without running the handler.
  const cacheKey = (request: FastifyRequest) => `${request.shell.mode}|${request.url}`
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'GET' || !request.routeOptions.config?.publicCache || options.pageCacheSeconds <= 0) return
    const hit = pageCache.get(cacheKey(request))
    if (hit) return reply.code(200).type(hit.contentType).header('cache-control', 'no-cache').header('x-page-cache', 'hit').send(hit.body)
  })
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method === 'GET' && reply.statusCode === 200 && request.routeOptions.config?.publicCache && options.pageCacheSeconds > 0 && typeof payload === 'string' && !reply.getHeader('x-page-cache')) {
      reply.header('cache-control', 'no-cache')
      // Sent as the same bytes the cache keeps: the page is encoded to UTF-8 once.
      return pageCache.set(cacheKey(request), payload, String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8')).body
    }
    // A successful change may alter what public pages show.
    if (UNSAFE.has(request.method) && reply.statusCode < 400) pageCache.clear()
    return payload
  })

  // CSRF on every unsafe request, after the body is parsed.
  app.addHook('preHandler', async (request) => {
    if (!UNSAFE.has(request.method) || request.is404 || request.routeOptions.config?.csrf === false) return
    const body = request.body as Record<string, unknown> | undefined
    const field = body && typeof body === 'object' ? body[CSRF_FIELD] : undefined
    // A multipart form carries its fields as { value } objects.
    const token = (field && typeof field === 'object' && 'value' in field ? (field as { value: unknown }).value : field) ?? request.headers['x-csrf-token']
    if (!csrfTokenValid(options.sessionSecret, request.cookies[CSRF_COOKIE], token)) {
      throw new AppError('GK_CSRF', 403, '页面已过期或来源无法确认，您的提交没有被处理。请返回上一页，刷新后重新提交。')
    }
  })

  app.get('/assets/site.css', async (_request, reply) => {
    return reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(css)
  })

  // 长辈版 switch: a preference, kept in a cookie for a year; works without JavaScript.
  app.get('/display', async (request, reply) => {
    const query = request.query as Record<string, unknown>
    const mode = query.mode === 'elder' ? 'elder' : 'standard'
    reply.setCookie(DISPLAY_COOKIE, mode, cookieOptions(options.https, { maxAge: 365 * 86_400 }))
    return reply.redirect(safeReturnPath(query.return), 303)
  })

  const isApi = (request: FastifyRequest) => request.url.startsWith('/api/')
  const isAdmin = (request: FastifyRequest) => request.url.startsWith('/admin')
  const shellOf = (request: FastifyRequest): ShellModel => request.shell ?? { site: options.site, mode: 'standard', path: request.url, assetVersion: cssVersion }

  function sendError(request: FastifyRequest, reply: FastifyReply, status: number, message: string, code: string, fields?: unknown) {
    if (isApi(request)) return reply.code(status).type('application/json; charset=utf-8').send({ error: { code, status, title: errorTitle(status), message, ...(fields ? { fields } : {}) }, requestId: request.id })
    return reply.page(<ErrorPage shell={shellOf(request)} status={status} message={message} requestId={String(request.id)} admin={isAdmin(request)} />, status)
  }

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0]!
    const allowed = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => m !== request.method && routes.find(m as any, path))
    if (allowed.length > 0 && !(request.method === 'HEAD' && allowed.includes('GET'))) {
      reply.header('allow', allowed.join(', '))
      return sendError(request, reply, 405, `此地址不支持 ${request.method} 方式访问。`, 'GK_METHOD_NOT_ALLOWED')
    }
    return sendError(request, reply, 404, '您要访问的页面不存在，可能已被移动或删除。请检查网址是否正确。', 'GK_NOT_FOUND')
  })

  app.setErrorHandler(async (error: any, request, reply) => {
    if (error instanceof InvalidInputError) return sendError(request, reply, 400, error.message, error.code, error.fields)
    if (error instanceof AppError) return sendError(request, reply, error.status, error.message, error.code)
    const status: number = typeof error.statusCode === 'number' ? error.statusCode : 500
    if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT') return sendError(request, reply, 413, `上传的文件超过了 ${Math.round(options.uploadLimitBytes / 1024 / 1024)} MB 的上限，没有被保存。请压缩或拆分后重新上传。`, 'GK_TOO_LARGE')
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(request, reply, 413, `提交的内容超过了 ${Math.round(options.bodyLimitBytes / 1024)} KB 的上限，没有被处理。请精简后重新提交。`, 'GK_TOO_LARGE')
    if (status === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendError(request, reply, 415, '不支持这种提交格式。请通过网页上的表单提交。', 'GK_UNSUPPORTED_MEDIA_TYPE')
    if (status >= 400 && status < 500) return sendError(request, reply, status, '提交的内容格式有误，没有被处理。请返回上一页检查后重新提交。', 'GK_BAD_REQUEST')
    request.log.error({ err: error }, 'unhandled error')
    const detail = options.exposeErrors ? `（开发模式下显示：${String(error.message)}）` : ''
    return sendError(request, reply, 500, `处理您的请求时发生了意外错误，没有完成的操作不会产生任何改动。${detail}`, 'GK_INTERNAL')
  })

  return app
}
