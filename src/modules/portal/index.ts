/** portal: the public pages (read side of every wing). */
export { portalRoutes, type PortalDeps } from './portal.routes.tsx'
/** 答复期限计算 page and GET /api/v1/calendar/due. */
export { deadlineRoutes } from './deadline.routes.tsx'
/** Atom feeds, sitemap.xml and the read API with its OpenAPI description. */
export { feedRoutes } from './feeds.routes.ts'
