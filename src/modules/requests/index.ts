/** requests: 依申请公开 — applications, the statutory clock, every step with its letter, remedies. */

/** Back-office routes (case list, registration, case page, steps, letters) and their deps. */
export { requestsRoutes, OPEN_STATES, type RequestsDeps } from './requests.routes.tsx'
/** Public routes: apply online without an account, receipt, tracking page with the applicant's letters. */
export { requestsPublicRoutes } from './requests.public-routes.tsx'
/** Registers an application (online or by staff), one case per form key. */
export { registerRequest, type ApplicationInput } from './register-request.ts'
/** Records one lifecycle step of a case with its clock event, case event and letters. */
export { recordStep, StepRefusedError } from './record-step.ts'
/** A case's query code as the applicant reads it (K7QF-3M9X-2PLA). */
export { formatQueryCode } from './query-code.ts'
/** The lifecycle rules' statuses and labels (for other wings' read models). */
export { CASE_STATUS_LABELS, type CaseStatus } from './rules/index.ts'
/** Who may do what with request cases (pure). */
export { canOnCase, type CaseAction } from './requests.policy.ts'
/** Reminders and escalation (due soon → overdue → 督办), set-based and idempotent; the hourly deadline-reminders job (src/app-jobs.ts). */
export { runDeadlineReminders, REMINDER_LABELS, type ReminderRun } from './deadline-reminders.ts'
/** Statistics for the reports wing: table 三 (2021, 2019), table 四, 2014-era rows, each cell with its cases. */
export { requestStatistics, caseFactsFor, type StatisticsQuery } from './request-statistics.ts'
/** 历史案件导入 (CSV/XLSX, dry run lists rejected rows and why; all or nothing). */
export { importHistory, type HistoryRow, type HistoryResult } from './import-history.ts'
export { parseHistoryCsv, parseHistoryXlsx, HISTORY_COLUMNS } from './import-history-file.ts'
/** Daily purge of unconfirmed 历史案件导入 uploads older than 24 h (the request-history-upload-purge job, src/app-jobs.ts). */
export { purgeUnconfirmedHistoryUploads } from './history-upload.ts'
