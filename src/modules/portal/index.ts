/** portal: the public pages (read side of every wing). */
export { portalRoutes, type PortalDeps } from './portal.routes.tsx'
/** The statutory sections of 法定主动公开内容 (条例 第二十条、第二十一条). */
export { CATALOGUE_SECTIONS } from './views/portal-pages.tsx'
/** 答复期限计算 page and GET /api/v1/calendar/due. */
export { deadlineRoutes } from './deadline.routes.tsx'
