/** publishing: 主动公开 — the statutory catalogue, the editorial workflow with its privacy gate, versions and withdrawal. */

/** 目录栏目 (条例 第二十条、第二十一条), 主题分类, 公文种类 and other vocabularies. */
export { CATALOGUE_SECTIONS, STATUTORY_SECTIONS, topicGroupOf, TOPICS, TOPIC_SCHEME, GENRES, DISCLOSURE_LABELS, VALIDITY_LABELS, CHANNEL_LABELS, sectionOf, type CatalogueSection, type TopicClass } from './catalogue-terms.ts'
/** 主题分类 values: one level or gov.cn's "first\\second"; how pages show them; the classes in force. */
export { formatTopic, splitTopic, topicValue, isKnownTopic, topicVocabulary, TOPIC_SEPARATOR, type TopicVocabulary } from './topics.ts'
/** 主题分类维护: the classes the installation added to the built-in scheme. */
export { loadTopicVocabulary, listAddedTopics, addTopic, removeTopic, type AddedTopicRow } from './manage-topics.ts'
/** Workflow states, actions and who may take them. */
export { STATE_LABELS, ACTION_LABELS, WITHDRAWAL_KINDS, availableActions, workflowRefusal, type EditionState, type WorkflowAction, type WithdrawalKind } from './workflow.ts'
/** The use cases of the editorial workflow. */
export {
  createItem, updateDraft, submitEdition, overridePrivacy, rejectEdition, approveEdition, publishEdition, forcePublish, approveRetrospectively,
  withdrawItem, startNewEdition, publishDueEditions, PrivacyGateError, type EditionInput,
} from './edition-workflow.ts'
/** 定时发布: the scheduled editions coming up (the scheduled-publishing job queues one job at each one's time). */
export { upcomingScheduledEditions } from './scheduled-editions.ts'
/** Read queries of items, editions, events and privacy reviews. */
export { findItem, editionsOf, findEdition, workingEdition, listItems, eventsOf, latestPrivacyReview, type CatalogueItem, type Edition, type CatalogueEvent, type PrivacyReview, type ItemRow } from './publishing.repository.ts'
/** 正文 helpers: stored HTML from typed text, and back. */
export { bodyToHtml, htmlToEditableText, htmlText } from './body.ts'
/** Form schemas. */
export { EditionForm, ReasonForm, WithdrawForm, ScheduleForm, type EditionFormValues } from './publishing.forms.ts'
/** Back-office routes of 主动公开. */
export { publishingRoutes, sendFile } from './publishing.routes.tsx'
/** The public read side: live items, counts per section, one item with its versions, and search. */
export { listLiveItems, countLiveBySection, countLiveBy, publicItem, type PublicItem, type PublicItemPage, type PublicFilter } from './public-catalogue.ts'
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
/** 导入公开信息: checks rows with the item form's rules and imports the ones that pass as published items (dry run available). */
export { importCatalogue, importDate, IMPORT_COLUMNS, type ImportRow, type ImportCell, type ImportColumn, type ImportOptions, type ImportResult, type RejectedRow } from './import-items.ts'
/** Reads a catalogue import file (CSV in UTF-8 or GB18030, or XLSX) into rows for importCatalogue. */
export { readCatalogueFile, parseCatalogueCsv, parseCatalogueXlsx, type ParsedImportFile } from './import-file.ts'
/** 敏感词表 of the installation (the privacy gate's list), kept by the 公开办 and the security administrator. */
export { sensitiveWordsInForce, listSensitiveWords, addSensitiveWords, removeSensitiveWord, sensitiveWordKey, type SensitiveWordRow } from './manage-sensitive-words.ts'
/** 索引号规则 per unit: pattern and code, with a preview of the next number; numbers are never issued twice. */
export { indexSettingOf, indexSettingHistory, previewIndexNo, checkIndexRule, setIndexRule, type IndexSetting } from './index-pattern.ts'
/** 索引号 patterns and the national unit codes (GB 32100 统一社会信用代码, GB 11714 组织机构代码) as pure rules. */
export { formatIndexNo, indexPatternProblems, isValidUscc, isValidOrgCode, codeProblems, CODE_KINDS, DEFAULT_INDEX_PATTERN, type CodeKind } from './index-no.ts'
/** Who may change the catalogue's settings (for menus). */
export { canChangeSetting, type SettingAction } from './publishing.policy.ts'
/** The privacy scan of a text (身份证/手机/银行卡/敏感词), for other wings that publish text (letters' replies). */
export { scanText, DEFAULT_SENSITIVE_WORDS, findAddresses, maskAddress, type Finding, type AddressMatch } from './privacy/index.ts'
