/** portal: the public pages (read side of every wing). */
export { portalRoutes, type PortalDeps } from './portal.routes.tsx'
/** 答复期限计算 page and GET /api/v1/calendar/due. */
export { deadlineRoutes } from './deadline.routes.tsx'
