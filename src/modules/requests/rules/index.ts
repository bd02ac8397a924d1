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
/** 收到申请之日 under 条例 第三十一条 for a channel and its facts. */
export { receiptDate } from './channels.ts'
