/** admin: the back-office home (工作台) and its navigation. */
export { adminRoutes } from './admin.routes.tsx'
/** The back-office navigation for an actor. */
export { adminNav } from './admin.nav.ts'
/** Back-office pages of the working-day calendar. */
export { calendarAdminRoutes } from './calendar.routes.tsx'
