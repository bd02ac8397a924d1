/**
 * The 2021 report format's 办理结果 taxonomy (国办公开办函〔2021〕30号, table 三; regulation.md §3.4) as the letters
 * need it: a code per row, the row label as printed, and the provisions of the 条例 an answer letter cites for it
 * (mapping in regulation.md §1.6–§1.8).
 *
 * TODO(#5): the rules module (src/modules/requests/rules/) will own the taxonomy; once it is committed, map its
 * codes onto these (or replace these) so that a disposition has one definition.
 */
import { type Citation, gio } from './citations.ts'

/** One row of the taxonomy. */
export interface DispositionRow {
  /** 办理结果 group as printed: （一）予以公开 … （六）其他处理. */
  group: string
  /** Row label as printed in the 2021 format. */
  label: string
  /** Provisions of the 条例 an answer for this row always cites; a letter may add more. */
  citations: readonly Citation[]
}

const G1 = '（一）予以公开'
const G2 = '（二）部分公开'
const G3 = '（三）不予公开'
const G4 = '（四）无法提供'
const G5 = '（五）不予处理'
const G6 = '（六）其他处理'

// 第三十六条第（三）项: 不予公开 must be told "并说明理由"; every 不予公开 row cites it beside its ground.
const ART_36_3 = gio('第三十六条第（三）项')

export const DISPOSITIONS = {
  // 第三十六条第（一）项 (已主动公开) or 第（二）项 (可以公开): the letter picks the item by its route.
  granted: { group: G1, label: '予以公开', citations: [] },
  // 第三十七条 区分处理
  partial: { group: G2, label: '部分公开（区分处理的，只计这一情形，不计其他情形）', citations: [gio('第三十七条')] },
  // 第十四条: 国家秘密; 法律、行政法规禁止公开; 危及国家安全、公共安全、经济安全、社会稳定
  'denied.state_secret': { group: G3, label: '1.属于国家秘密', citations: [gio('第十四条'), ART_36_3] },
  'denied.law_forbidden': { group: G3, label: '2.其他法律行政法规禁止公开', citations: [gio('第十四条'), ART_36_3] },
  'denied.security_stability': { group: G3, label: '3.危及“三安全一稳定”', citations: [gio('第十四条'), ART_36_3] },
  // 第十五条: 商业秘密、个人隐私等 third-party rights
  'denied.third_party': { group: G3, label: '4.保护第三方合法权益', citations: [gio('第十五条'), ART_36_3] },
  // 第十六条第一款: 人事管理、后勤管理、内部工作流程
  'denied.internal_affairs': { group: G3, label: '5.属于三类内部事务信息', citations: [gio('第十六条第一款'), ART_36_3] },
  // 第十六条第二款: 讨论记录、过程稿、磋商信函、请示报告
  'denied.process_information': { group: G3, label: '6.属于四类过程性信息', citations: [gio('第十六条第二款'), ART_36_3] },
  // 第十六条第二款: 行政执法案卷信息
  'denied.enforcement_file': { group: G3, label: '7.属于行政执法案卷', citations: [gio('第十六条第二款'), ART_36_3] },
  // 第三十六条第（七）项: 工商、不动产登记资料等 with special access rules (regulation.md §1.6 note [S])
  'denied.administrative_query': { group: G3, label: '8.属于行政查询事项', citations: [gio('第三十六条第（七）项')] },
  // 第三十六条第（四）项 (不存在) or 第（五）项 (不属于本机关负责公开): the letter picks the item by its route.
  'unable.not_held': { group: G4, label: '1.本机关不掌握相关政府信息', citations: [] },
  // 第三十八条: 需要对现有政府信息进行加工、分析的，可以不予提供
  'unable.needs_creation': { group: G4, label: '2.没有现成信息需要另行制作', citations: [gio('第三十八条')] },
  // 第三十条: 补正后申请内容仍不明确
  'unable.unclear_after_correction': { group: G4, label: '3.补正后申请内容仍不明确', citations: [gio('第三十条')] },
  // 第三十九条第一款: 信访、投诉、举报
  'not_processed.petition': { group: G5, label: '1.信访举报投诉类申请', citations: [gio('第三十九条第一款')] },
  // 第三十六条第（六）项: 重复申请
  'not_processed.repeated': { group: G5, label: '2.重复申请', citations: [gio('第三十六条第（六）项')] },
  // 第三十九条第二款: 公开出版物
  'not_processed.publication': { group: G5, label: '3.要求提供公开出版物', citations: [gio('第三十九条第二款')] },
  // 第三十五条: 数量、频次明显超过合理范围, reasons found unreasonable
  'not_processed.excessive': { group: G5, label: '4.无正当理由大量反复申请', citations: [gio('第三十五条')] },
  // A practice category with no article of its own (regulation.md §1.8 item 7 [S]): the letter cites what the unit gives.
  'not_processed.confirm_or_reissue': { group: G5, label: '5.要求行政机关确认或重新出具已获取信息', citations: [] },
  // 第三十条: 逾期不补正，视为放弃申请
  'other.correction_overdue': { group: G6, label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', citations: [gio('第三十条')] },
  // 第四十二条 and 国办函〔2020〕109号: fee not paid in time
  'other.fee_unpaid': { group: G6, label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', citations: [gio('第四十二条')] },
  // Anything else: the letter cites what the unit gives.
  'other.other': { group: G6, label: '3.其他', citations: [] },
} as const satisfies Record<string, DispositionRow>

/** A disposition code of the 2021 taxonomy (25 rows less the totals). */
export type DispositionCode = keyof typeof DISPOSITIONS

/** Every code, in the order of the report table. */
export const DISPOSITION_CODES = Object.keys(DISPOSITIONS) as DispositionCode[]
