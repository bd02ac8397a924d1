/** letters: 公众诉求 — 区长/部门信箱 letters and hotline calls, screening, dispatch, replies, 好差评 and 监评. */

/** The wing's rules as data: channels, categories, 受理范围, 办理时限, workflow, ratings and routing. */
export * as letterRules from './rules/index.ts'
/** Public routes of the 区长信箱 (write, receipt, follow-up, rating, 没有解决). */
export { lettersPublicRoutes, type LettersPublicDeps } from './letters.public-routes.tsx'
/** Back-office routes of 公众诉求. */
export { lettersRoutes, type LettersDeps } from './letters.routes.tsx'
/** Use cases (the demo seed and other wings' tests drive them). */
export { submitLetter, type SubmittedLetter } from './submit-letter.ts'
export { acceptCase, notAcceptCase, dispatchCase, reassignCase, returnCase, extendCase, replyToCase, sendBackReply, releaseReply, evaluateCase, closeCase } from './case-actions.ts'
export { registerCall, type CallInput } from './register-call.ts'
/** 转为依申请公开: a letter asking for information becomes a 依申请公开 case (one, however often submitted). */
export { convertLetter, conversionOf, type Conversion } from './convert-letter.ts'
export { rateReply, reopenByWriter } from './public-follow-up.ts'
/** Statistics per channel, unit and period for the reports and oversight wings (computed from case events). */
export { letterStatistics, statisticsCaseIds, type StatisticsQuery, type StatisticsRow, type Measure } from './letter-statistics.ts'
/** 督办: escalates overdue dispatched cases once (idempotent; the hourly letters-escalation job, src/app-jobs.ts). */
export { escalateOverdueCases, escalateOverdueRectifications } from './escalate-overdue.ts'
/** Open311 GeoReport v2-compatible endpoints (services, create request, request status). */
export { lettersOpen311Routes } from './letters.open311-routes.ts'
/** 差评整改 and 申诉复核 (国办发〔2019〕51号): the unit rectifies or appeals a 差评, the 公开办 reviews the appeal. */
export { recordRectification, appealRating, reviewAppeal, listRectifications, type Rectification } from './rectify-rating.ts'
/** 公众诉求设置: the 办理时限 table, the 转办目录 and the local numbers as the rules read them. */
export { loadLimitTable, loadRoutingCatalogue, loadLetterSettings } from './letter-config.ts'
/** Contact masking and 查询码 (the demo seed writes letters in bulk with them). */
export { maskName, maskPhone, newQueryCode } from './contact.ts'
