// The pure legal rules of 依申请公开 (the requests wing): applicants, receipt channels, dispositions, the case state
// machine, fees, statistics and repeated requests — data with article citations, no database. The requests module
// re-exports what other modules need; its use cases and pages build on these.

/** 自然人 or 法人或其他组织. */
export type { ApplicantType } from './applicant.ts'
/** The five kinds of 法人或其他组织 of table 三: 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他. */
export type { OrganisationKind } from './applicant.ts'
/** One applicant column of table 三 (自然人 or a kind of organisation). */
export type { ApplicantCategory } from './applicant.ts'
/** An applicant column with its type, printed label and form label. */
export type { ApplicantCategoryRule } from './applicant.ts'
/** The six applicant columns of table 三 in printed order. */
export { APPLICANT_CATEGORIES } from './applicant.ts'
/** Their codes, in printed order. */
export { APPLICANT_CATEGORY_CODES } from './applicant.ts'
/** Labels of 自然人 and 法人或其他组织. */
export { APPLICANT_TYPE_LABELS } from './applicant.ts'
/** True for an applicant category code. */
export { isApplicantCategory } from './applicant.ts'
/** Type and labels of an applicant category. */
export { applicantCategoryRule } from './applicant.ts'
/** The column of an applicant (type + kind); null for an organisation without a kind. */
export { applicantCategory } from './applicant.ts'
/** Reads a category written as a code or as printed ("法人或其他组织：科研机构"); null when unknown. */
export { parseApplicantCategory } from './applicant.ts'

/** 当面, 邮政挂号/EMS, 平常信函, 传真, 电子邮件, 网络. */
export type { ReceiptChannel } from './channels.ts'
/** The 2014-era rows 当面/传真/网络/信函申请数. */
export type { LegacyChannelRow } from './channels.ts'
/** A dated fact the receipt rule reads: submittedOn, signedForOn, arrivedOn, confirmedOn. */
export type { ReceiptFact } from './channels.ts'
/** The dated facts known about an application's arrival. */
export type { ReceiptFacts } from './channels.ts'
/** A channel with its 第三十一条 rule, 2014-era row and citation. */
export type { ChannelRule } from './channels.ts'
/** 收到申请之日, or the confirmation still missing, or why the facts are refused — with a Chinese explanation. */
export type { ReceiptDate } from './channels.ts'
/** The six channels with their 第三十一条 rule. */
export { RECEIPT_CHANNELS } from './channels.ts'
/** Labels of the 2014-era channel rows. */
export { LEGACY_CHANNEL_ROWS } from './channels.ts'
/** Labels of the receipt facts (提交日期, 签收日期 …). */
export { RECEIPT_FACT_LABELS } from './channels.ts'
/** True for a channel code. */
export { isReceiptChannel } from './channels.ts'
/** The rule of a channel. */
export { channelRule } from './channels.ts'
/** The 2014-era row of a channel (邮寄 → 信函, email and online → 网络). */
export { legacyChannelRow } from './channels.ts'
/** Reads a channel written as a code or in words (当面, 挂号信, 平信, 网上申请 …); null when unknown. */
export { parseReceiptChannel } from './channels.ts'
/** 收到申请之日 under 条例 第三十一条 for a channel and its facts. */
export { receiptDate } from './channels.ts'

/** The outcome groups of table 三: 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理. */
export type { DispositionGroup } from './dispositions.ts'
/** The 21 dispositions (办理结果), one per outcome row of the 2021 table 三. */
export type { DispositionCode } from './dispositions.ts'
/** A disposition with its label, articles, 第三十六条 forms, remedies flag and 2019 row. */
export type { DispositionRule } from './dispositions.ts'
/** 条例 第三十六条 items (一)–(七). */
export type { AnswerForm } from './dispositions.ts'
/** Grounds for 不予公开 (the eight rows) plus 不属于政府信息 for partial disclosure (第三十七条). */
export type { WithholdingGround } from './dispositions.ts'
/** Which third-party interest a 第十五条 refusal protects: 商业秘密, 个人隐私, 其他. */
export type { ThirdPartyInterest } from './dispositions.ts'
/** Rows of the 2019 trial format's table 三 (one 其他处理 row). */
export type { Table3Row2019 } from './dispositions.ts'
/** The 2014-era 答复类型 rows and the 其中 rows of 不同意公开. */
export type { LegacyAnswerRow, LegacyRefusalReason } from './dispositions.ts'
/** A decision as staff enter it (untrusted), a validated decision, and the check's result. */
export type { DecisionInput, Decision, DecisionCheck, FieldProblem } from './dispositions.ts'
/** The 21 dispositions in printed order, and their codes. */
export { DISPOSITIONS, DISPOSITION_CODES } from './dispositions.ts'
/** Printed labels: outcome groups, 第三十六条 forms, withholding grounds, 2014-era rows. */
export { DISPOSITION_GROUPS, ANSWER_FORMS, WITHHOLDING_GROUNDS, LEGACY_ANSWER_ROWS, LEGACY_REFUSAL_REASONS } from './dispositions.ts'
/** True for a disposition code. */
export { isDispositionCode } from './dispositions.ts'
/** The rule of a disposition. */
export { dispositionRule } from './dispositions.ts'
/** Reads a disposition written as a code or as printed ("不予公开：属于国家秘密"); null when ambiguous or unknown. */
export { parseDispositionCode } from './dispositions.ts'
/** Validates a decision: known code, allowed answer form, reasons, and for 部分公开 what was withheld and why. */
export { validateDecision } from './dispositions.ts'
/** The row of a disposition in the 2021 table 三, in the 2019 trial format, and in the 2014-era 答复类型 rows. */
export { table3Row2021, table3Row2019, legacyAnswerCell } from './dispositions.ts'

/** Where a case stands: 待确认收到, 办理中, 待补正, 征求意见中, 待说明理由, 待缴费, 已答复, 已送达, 视为放弃, 逾期未缴费, 已归档. */
export type { CaseStatus } from './lifecycle.ts'
/** A third party (第三十二条) or a co-producing agency (第三十四条). */
export type { ConsultedParty } from './lifecycle.ts'
/** 网上下载, 邮寄, 电子邮件, 当面领取. */
export type { DeliveryMethod } from './lifecycle.ts'
/** 行政复议 or 行政诉讼, and the outcome columns of table 四 (维持, 纠正, 其他, 尚未审结). */
export type { RemedyKind, RemedyOutcome, Remedy } from './lifecycle.ts'
/** A consultation with its reply and outcome (deemed when silent past the reply period). */
export type { Consultation } from './lifecycle.ts'
/** One case as the rules see it: status, receipt, clock events, 补正, consultations, extension, fee, decision, remedies. */
export type { RequestCase } from './lifecycle.ts'
/** What can happen to a case (each with the date it took effect), and the kinds of events. */
export type { RequestEvent, RequestEventType } from './lifecycle.ts'
/** The next state, the clock events for the calendar engine and history notes — or a refusal in Chinese. */
export type { Transition } from './lifecycle.ts'
/** Channel, receipt facts and registration date of a new case. */
export type { OpenCaseInput } from './lifecycle.ts'
/** Labels of the statuses, delivery methods and remedy outcomes. */
export { CASE_STATUS_LABELS, DELIVERY_METHODS, REMEDY_OUTCOMES } from './lifecycle.ts'
/** 申请人撤回: how the applicant withdrew (online, by letter, in person), with labels. */
export { WITHDRAWAL_CHANNELS, type WithdrawalChannel } from './lifecycle.ts'
/** A new case: 办理中 with the clock started on 收到申请之日, or 待确认收到. */
export { openCase } from './lifecycle.ts'
/** Applies one event to a case: next state and clock events, or a refusal that leaves the state unchanged. */
export { transition } from './lifecycle.ts'
/** True while a case can still be decided. */
export { isOpenCase } from './lifecycle.ts'
/** The day the answer is due: the clock's, or the 第三十五条 later date when one was set. */
export { answerDueOn } from './lifecycle.ts'
/** Whether a decided case was answered by its due date (null while undecided). */
export { answeredOnTime } from './lifecycle.ts'

/** 按件计收 or 按量计收. */
export type { FeeMethod } from './fees.ts'
/** How the applicant obtains the information (纸质件, 电子邮件, 复制电子数据, 网上下载, 查阅). */
export type { ProvisionForm } from './fees.ts'
/** A fee tariff as data: bands, 按量 forms, payment period and exemptions ([M] parts marked). */
export type { FeeSchedule, FeeBand, FeeExemption } from './fees.ts'
/** Untrusted fee input, one band line of the result, and the result with its Chinese explanation. */
export type { FeeInput, FeeLine, FeeResult } from './fees.ts'
/** An earlier application for counting 按件 in a natural month. */
export type { FeeHistoryEntry } from './fees.ts'
/** 国办函〔2020〕109号 as data (tiers verbatim; dates, payment period and exemptions recalled). */
export { FEE_SCHEDULE } from './fees.ts'
/** Labels of the provision forms. */
export { PROVISION_FORMS } from './fees.ts'
/** The fee of one application, 按件 or 按量 (never both), progressive, with an explanation. */
export { computeFee } from './fees.ts'
/** Pieces the same applicant filed earlier in the same natural month. */
export { earlierInMonth } from './fees.ts'
/** Whether the tariff applies to a receipt date. */
export { feesApplyOn } from './fees.ts'
/** The last day to pay a fee notice. */
export { feePaymentDueOn } from './fees.ts'

/** What statistics need of one case (dates, channel, applicant, disposition, extension, timeliness, remedies). */
export type { CaseFacts, RemedyFacts } from './statistics.ts'
/** One number and the ids of the cases behind it (drill-down). */
export type { Cell } from './statistics.ts'
/** Rows and columns of table 三 (2021 and 2019 formats) and table 四; a table of cells and of plain numbers. */
export type { Table3Column, Table3Row2021Key, Table3Row2019Key, Table4Block, Table4Column, Table, NumberTable, LayoutLine } from './statistics.ts'
/** Rows of the 2014-era table that come from cases. */
export type { LegacyRowKey } from './statistics.ts'
/** A case whose facts cannot be counted, and a broken consistency rule (R1–R7, O1–O4). */
export type { RejectedFacts, ConsistencyProblem } from './statistics.ts'
/** Columns, rows, printed layouts and labels of table 三 (2021, 2019), table 四 and the 2014-era rows. */
export {
  TABLE3_COLUMNS,
  TABLE3_COLUMN_LABELS,
  TABLE3_ROWS_2021,
  TABLE3_ROWS_2019,
  TABLE3_LAYOUT_2021,
  TABLE3_LAYOUT_2019,
  TABLE4_BLOCKS,
  TABLE4_COLUMNS,
  LEGACY_ROWS,
  LEGACY_ROW_LABELS,
} from './statistics.ts'
/** The statistics facts of a case kept by the state machine (null before receipt). */
export { caseFactsOf } from './statistics.ts'
/** Why one case's facts cannot be counted; null when they can. */
export { factsProblem } from './statistics.ts'
/** Table 三 for a year, 2021 format, every cell with its cases (上年结转 and 结转下年 included). */
export { table3For2021 } from './statistics.ts'
/** Table 三 for a year, 2019 trial format. */
export { table3For2019 } from './statistics.ts'
/** Table 四 (行政复议, 行政诉讼 direct or after review) for a year. */
export { table4For } from './statistics.ts'
/** The 2014-era rows for a year: 收到申请数 by channel, 办结数, 答复类型, 复议, 诉讼. */
export { legacyRowsFor } from './statistics.ts'
/** 信息处理费 figures of a year (notices, amounts noticed and collected, the report sentence). */
export { feeSummaryFor, type FeeSummary } from './statistics.ts'
/** The plain numbers of a table of cells. */
export { tableNumbers } from './statistics.ts'
/** Consistency checks: table 三 (R1, R3, R4, R6, R7), table 四 (R5), 2014-era rows (O1–O4). */
export { checkTable3, checkTable4, checkLegacyRows } from './statistics.ts'

/** Thresholds of the repeat rules (0…1 similarities, minimum applicants, 文号 issuer suffix), as data. */
export { REPEAT_THRESHOLDS } from './repeat-requests.ts'
/** A description reduced for comparison: its normalised 文号 and the remaining characters. */
export type { NormalisedDescription } from './repeat-requests.ts'
/** A request as the repeat rules see it (applicant key, unit, description, dates, disposition). */
export type { RequestSummary } from './repeat-requests.ts'
/** An earlier request a new one repeats, and a group of requests to suggest for 主动公开. */
export type { RepeatMatch, ProactiveCandidate } from './repeat-requests.ts'
/** Normalises a 申请内容 description (文号 through the search module, boilerplate dropped). */
export { normaliseDescription } from './repeat-requests.ts'
/** How alike two descriptions are, 0…1 (a shared 文号 dominates; different 文号 → 0). */
export { descriptionSimilarity } from './repeat-requests.ts'
/** The same applicant's answered requests that a new one repeats (第三十六条第（六）项). */
export { findRepeatRequests } from './repeat-requests.ts'
/** Requests from several applicants for the same publishable information: 纳入主动公开 (第四十四条). */
export { proactiveCandidates } from './repeat-requests.ts'
