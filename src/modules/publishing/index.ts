/** publishing: 主动公开 — the statutory catalogue, the editorial workflow with its privacy gate, versions and withdrawal. */

/** 目录栏目 (条例 第二十条、第二十一条), 主题分类, 公文种类 and other vocabularies. */
export { CATALOGUE_SECTIONS, TOPICS, GENRES, DISCLOSURE_LABELS, VALIDITY_LABELS, CHANNEL_LABELS, sectionOf, type CatalogueSection } from './catalogue-terms.ts'
/** Workflow states, actions and who may take them. */
export { STATE_LABELS, ACTION_LABELS, WITHDRAWAL_KINDS, availableActions, workflowRefusal, type EditionState, type WorkflowAction, type WithdrawalKind } from './workflow.ts'
/** The use cases of the editorial workflow. */
export {
  createItem, updateDraft, submitEdition, overridePrivacy, rejectEdition, approveEdition, publishEdition, forcePublish, approveRetrospectively,
  withdrawItem, startNewEdition, publishDueEditions, PrivacyGateError, type EditionInput,
} from './edition-workflow.ts'
/** Read queries of items, editions, events and privacy reviews. */
export { findItem, editionsOf, findEdition, workingEdition, listItems, eventsOf, latestPrivacyReview, type CatalogueItem, type Edition, type CatalogueEvent, type PrivacyReview, type ItemRow } from './publishing.repository.ts'
/** 正文 helpers: stored HTML from typed text, and back. */
export { bodyToHtml, htmlToEditableText, htmlText } from './body.ts'
/** Form schemas. */
export { EditionForm, ReasonForm, WithdrawForm, ScheduleForm, type EditionFormValues } from './publishing.forms.ts'
/** Back-office routes of 主动公开. */
export { publishingRoutes, sendFile } from './publishing.routes.tsx'
/** The public read side: live items, counts per section, one item with its versions, and search. */
export { listLiveItems, countLiveBySection, publicItem, type PublicItem, type PublicItemPage, type PublicFilter } from './public-catalogue.ts'
/** 站内搜索 of the live catalogue: tokens, 文号 and titles; capped counts, facets, snippets, near matches. */
export { searchLiveItems, emptySearchResult, SEARCH_COUNT_CAP, type SearchResult, type SearchOrder, type Facet } from './search-live-items.ts'
/** 版本比较: field and paragraph differences between two published versions. */
export { diffVersions, type VersionDiff, type ParagraphRow, type DiffSegment } from './version-diff.ts'
/** 有效性 as of a date: an in-force document past its 失效日期 reads as expired (it changes by itself on its date). */
export { validityOn } from './validity.ts'
/** 附件: sniffed, size-limited uploads that the privacy gate scans. */
export { addAttachment, removeAttachment, attachmentsOf, attachmentContent, formatSize, ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, type Attachment } from './attachments.ts'
/** 发布渠道 log per item (for the annual report's channel statistics). */
export { channelsOf, recordChannel, type ChannelRecord } from './channels.ts'
/** 修改和废止 relations between documents. */
export { amendmentsOf, targetsOf, relationsOf, type RelatedDocument } from './relations.ts'
