/**
 * 办理结果 (disposition): the 2021 report format's taxonomy (国办公开办函〔2021〕30号 表三 rows 三（一）–（六）,
 * regulation.md §3.4), one per decided case — "区分处理的，只计这一情形，不计其他情形" (R2). Each disposition carries its
 * stable code, label, cited articles, the 第三十六条 answer forms it may take, whether the letter states remedies, and
 * its cell in the 2021 format, the 2019 trial format (国办公开办函〔2019〕60号, one 其他处理 row) and the 2014-era
 * 答复类型 rows (国办发〔2014〕32号 统计表 三（三）, regulation.md §4.2).
 */

/** The outcome groups of table 三: （一）予以公开 … （六）其他处理. */
export type DispositionGroup = 'granted' | 'partial' | 'denied' | 'unable' | 'not_processed' | 'other'

/**
 * Grounds for withholding (不予公开): 第十四条 (3), 第十五条, 第十六条 (3), 第三十六条第（七）项 — the eight rows of
 * 表三（三） — plus, for partial disclosure only, 第三十七条 "不属于政府信息的内容".
 */
export type WithholdingGround =
  | 'state_secret'
  | 'law_forbidden'
  | 'three_safety_one_stability'
  | 'third_party'
  | 'internal_affairs'
  | 'process_information'
  | 'enforcement_file'
  | 'administrative_query'
  | 'not_government_information'

/** The 21 dispositions, one per outcome row of the 2021 table 三. */
export type DispositionCode =
  | 'granted'
  | 'partial'
  | 'denied_state_secret'
  | 'denied_law_forbidden'
  | 'denied_three_safety_one_stability'
  | 'denied_third_party'
  | 'denied_internal_affairs'
  | 'denied_process_information'
  | 'denied_enforcement_file'
  | 'denied_administrative_query'
  | 'unable_not_held'
  | 'unable_needs_creation'
  | 'unable_unclear_after_correction'
  | 'not_processed_petition'
  | 'not_processed_repeated'
  | 'not_processed_publication'
  | 'not_processed_unreasonable_volume'
  | 'not_processed_confirm_or_reissue'
  | 'other_overdue_correction'
  | 'other_overdue_fee'
  | 'other'

/** 条例 第三十六条 items (一)–(七): the form the answer takes. */
export type AnswerForm = 'already_published' | 'provided' | 'withheld' | 'not_exist' | 'not_this_agency' | 'repeated' | 'special_law'

/** Rows of the 2019 trial format's table 三: the 2021 rows with （六）其他处理 as one row. */
export type Table3Row2019 = Exclude<DispositionCode, 'other_overdue_correction' | 'other_overdue_fee' | 'other'> | 'other'

/** The 2014-era 答复类型 rows 三（三）1–8. */
export type LegacyAnswerRow = 'already_published' | 'granted' | 'partial' | 'refused' | 'not_this_agency' | 'not_exist' | 'told_to_amend' | 'other_channels'

/** The 其中 rows under 2014-era 三（三）4 不同意公开答复数. */
export type LegacyRefusalReason = 'state_secret' | 'trade_secret' | 'privacy' | 'security_stability' | 'not_government_information' | 'other_legal'

/** Which 第三方合法权益 a 第十五条 refusal protects; the 2014-era table counted 商业秘密 and 个人隐私 apart. */
export type ThirdPartyInterest = 'trade_secret' | 'privacy' | 'other'

export interface DispositionRule {
  readonly code: DispositionCode
  readonly group: DispositionGroup
  /** Row label as printed in the 2021 table 三 (the group's label for （一）and （二）). */
  readonly label: string
  /** Articles the answer cites. */
  readonly articles: readonly string[]
  /** The 第三十六条 forms the answer may take; empty where another article governs the answer (第三十条, 三十五条 …). */
  readonly answerForms: readonly AnswerForm[]
  /** Whether the letter must state 行政复议 (60 days) and 行政诉讼 (6 months). */
  readonly statesRemedies: boolean
  /** The 2019 trial-format row. */
  readonly row2019: Table3Row2019
  /** Reached only through its own event (lapse of 补正 or of the fee notice), never chosen in a decision. */
  readonly byEventOnly: boolean
}

/** Labels of the outcome groups as printed: （一）予以公开 … （六）其他处理. */
export const DISPOSITION_GROUPS: Readonly<Record<DispositionGroup, string>> = Object.freeze({
  granted: '（一）予以公开',
  partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  denied: '（三）不予公开',
  unable: '（四）无法提供',
  not_processed: '（五）不予处理',
  other: '（六）其他处理',
})

/** Labels of the 第三十六条 answer forms. */
export const ANSWER_FORMS: Readonly<Record<AnswerForm, { readonly label: string; readonly article: string }>> = Object.freeze({
  already_published: { label: '已主动公开，告知获取的方式、途径', article: '第三十六条第（一）项' },
  provided: { label: '提供该政府信息，或者告知获取的方式、途径和时间', article: '第三十六条第（二）项' },
  withheld: { label: '告知不予公开并说明理由', article: '第三十六条第（三）项' },
  not_exist: { label: '经检索没有所申请公开信息，告知该政府信息不存在', article: '第三十六条第（四）项' },
  not_this_agency: { label: '不属于本行政机关负责公开，告知并说明理由（能确定的，告知负责公开的机关名称、联系方式）', article: '第三十六条第（五）项' },
  repeated: { label: '告知申请人不予重复处理', article: '第三十六条第（六）项' },
  special_law: { label: '告知申请人依照有关法律、行政法规的规定办理', article: '第三十六条第（七）项' },
})

/** Labels of the withholding grounds (the 表三（三） rows, and 第三十七条 for partial disclosure). */
export const WITHHOLDING_GROUNDS: Readonly<Record<WithholdingGround, { readonly label: string; readonly article: string }>> = Object.freeze({
  state_secret: { label: '属于国家秘密', article: '第十四条' },
  law_forbidden: { label: '其他法律行政法规禁止公开', article: '第十四条' },
  three_safety_one_stability: { label: '危及“三安全一稳定”', article: '第十四条' },
  third_party: { label: '保护第三方合法权益', article: '第十五条' },
  internal_affairs: { label: '属于三类内部事务信息', article: '第十六条第一款' },
  process_information: { label: '属于四类过程性信息', article: '第十六条第二款' },
  enforcement_file: { label: '属于行政执法案卷', article: '第十六条第二款' },
  administrative_query: { label: '属于行政查询事项', article: '第三十六条第（七）项' },
  not_government_information: { label: '不属于政府信息', article: '第三十七条' },
})

/** Labels of the 2014-era 答复类型 rows as printed. */
export const LEGACY_ANSWER_ROWS: Readonly<Record<LegacyAnswerRow, string>> = Object.freeze({
  already_published: '1.属于已主动公开范围数',
  granted: '2.同意公开答复数',
  partial: '3.同意部分公开答复数',
  refused: '4.不同意公开答复数',
  not_this_agency: '5.不属于本行政机关公开数',
  not_exist: '6.申请信息不存在数',
  told_to_amend: '7.告知作出更改补充数',
  other_channels: '8.告知通过其他途径办理数',
})

/** Labels of the 其中 rows under 2014-era 不同意公开答复数. */
export const LEGACY_REFUSAL_REASONS: Readonly<Record<LegacyRefusalReason, string>> = Object.freeze({
  state_secret: '涉及国家秘密',
  trade_secret: '涉及商业秘密',
  privacy: '涉及个人隐私',
  security_stability: '危及国家安全、公共安全、经济安全和社会稳定',
  not_government_information: '不是《条例》所指政府信息',
  other_legal: '法律法规规定的其他情形',
})

const STATUTE = '《政府信息公开条例》'
const rule = (
  code: DispositionCode,
  group: DispositionGroup,
  label: string,
  articles: readonly string[],
  answerForms: readonly AnswerForm[],
  options: { statesRemedies?: boolean; byEventOnly?: boolean } = {},
): DispositionRule =>
  Object.freeze({
    code,
    group,
    label,
    articles: Object.freeze(articles.map((article) => (article.startsWith('《') || article.startsWith('国办') ? article : `${STATUTE}${article}`))),
    answerForms: Object.freeze(answerForms),
    // 行政复议法 第二十条第二款 [M]: a decision that omits the right to review, the review body and the time limit
    // lets the time limit run from when the applicant learns of them (at most one year). Every answer letter
    // therefore states the remedies; only the two 不再处理 outcomes send no answer at all.
    statesRemedies: options.statesRemedies ?? true,
    row2019: (group === 'other' ? 'other' : code) as Table3Row2019,
    byEventOnly: options.byEventOnly ?? false,
  })

/** The 21 dispositions in the printed order of table 三 (2021 format). */
export const DISPOSITIONS: readonly DispositionRule[] = Object.freeze([
  // 第三十六条第（一）项 (already published) and 第（二）项 (can be disclosed) are both 予以公开.
  rule('granted', 'granted', '予以公开', ['第三十六条第（一）项、第（二）项'], ['already_published', 'provided']),
  // 第三十七条 区分处理: the disclosable part is provided, the withheld part explained.
  rule('partial', 'partial', '部分公开', ['第三十七条', '第三十六条第（二）项、第（三）项'], ['provided']),
  rule('denied_state_secret', 'denied', '1.属于国家秘密', ['第十四条', '第三十六条第（三）项'], ['withheld']),
  rule('denied_law_forbidden', 'denied', '2.其他法律行政法规禁止公开', ['第十四条', '第三十六条第（三）项'], ['withheld']),
  rule('denied_three_safety_one_stability', 'denied', '3.危及“三安全一稳定”', ['第十四条', '第三十六条第（三）项'], ['withheld']),
  rule('denied_third_party', 'denied', '4.保护第三方合法权益', ['第十五条', '第三十二条', '第三十六条第（三）项'], ['withheld']),
  rule('denied_internal_affairs', 'denied', '5.属于三类内部事务信息', ['第十六条第一款', '第三十六条第（三）项'], ['withheld']),
  rule('denied_process_information', 'denied', '6.属于四类过程性信息', ['第十六条第二款', '第三十六条第（三）项'], ['withheld']),
  rule('denied_enforcement_file', 'denied', '7.属于行政执法案卷', ['第十六条第二款', '第三十六条第（三）项'], ['withheld']),
  // regulation.md §1.6 [S]: 行政查询事项 is the row for 第三十六条第（七）项 (登记资料等 with their own access rules).
  rule('denied_administrative_query', 'denied', '8.属于行政查询事项', ['第三十六条第（七）项'], ['special_law']),
  // 第三十六条第（四）项 不存在 and 第（五）项 不属于本机关 share the row 本机关不掌握相关政府信息.
  rule('unable_not_held', 'unable', '1.本机关不掌握相关政府信息', ['第三十六条第（四）项、第（五）项'], ['not_exist', 'not_this_agency']),
  rule('unable_needs_creation', 'unable', '2.没有现成信息需要另行制作', ['第三十八条'], []),
  rule('unable_unclear_after_correction', 'unable', '3.补正后申请内容仍不明确', ['第三十条'], []),
  rule('not_processed_petition', 'not_processed', '1.信访举报投诉类申请', ['第三十九条第一款'], []),
  rule('not_processed_repeated', 'not_processed', '2.重复申请', ['第三十六条第（六）项'], ['repeated']),
  rule('not_processed_publication', 'not_processed', '3.要求提供公开出版物', ['第三十九条第二款'], []),
  rule('not_processed_unreasonable_volume', 'not_processed', '4.无正当理由大量反复申请', ['第三十五条'], []),
  // A practice category of the report format; no article of the 条例 names it (regulation.md §1.8 [S]).
  rule('not_processed_confirm_or_reissue', 'not_processed', '5.要求行政机关确认或重新出具已获取信息', ['国办公开办函〔2021〕30号 表三（五）5'], []),
  rule('other_overdue_correction', 'other', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ['第三十条'], [], { statesRemedies: false, byEventOnly: true }),
  rule('other_overdue_fee', 'other', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ['第四十二条', '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）'], [], { statesRemedies: false, byEventOnly: true }),
  rule('other', 'other', '3.其他', [], []),
])

/** The disposition codes in printed order: also the 21 outcome rows of the 2021 table 三. */
export const DISPOSITION_CODES: readonly DispositionCode[] = Object.freeze(DISPOSITIONS.map((candidate) => candidate.code))

/** True for one of the 21 disposition codes. */
export function isDispositionCode(value: unknown): value is DispositionCode {
  return typeof value === 'string' && (DISPOSITION_CODES as readonly string[]).includes(value)
}

/** The rule of a disposition. */
export function dispositionRule(code: DispositionCode): DispositionRule {
  return DISPOSITIONS.find((candidate) => candidate.code === code)!
}

/** What staff record when deciding a case (untrusted: validated by validateDecision). */
export interface DecisionInput {
  readonly code: string
  /** Required when the disposition allows more than one 第三十六条 form (予以公开, 本机关不掌握). */
  readonly answerForm?: string | null
  /** 说明理由: required where the answer must give reasons (不予公开, 不属于本机关). */
  readonly reasons?: string | null
  /** 部分公开: what was withheld, on which grounds, and why (第三十七条 "对不予公开的内容说明理由"). */
  readonly withheld?: { readonly description?: string | null; readonly grounds?: readonly string[] | null; readonly explanation?: string | null } | null
  /** 保护第三方合法权益: which interest (the 2014-era table counts 商业秘密 and 个人隐私 apart). */
  readonly thirdPartyInterest?: string | null
  /** 第三十六条第（五）项: the agency responsible, when it can be determined. */
  readonly responsibleAgency?: { readonly name?: string | null; readonly contact?: string | null } | null
}

/** A validated decision: exactly one disposition, its answer form and what it needs. */
export interface Decision {
  readonly code: DispositionCode
  readonly answerForm: AnswerForm | null
  readonly reasons: string | null
  readonly withheld: { readonly description: string; readonly grounds: readonly WithholdingGround[]; readonly explanation: string } | null
  readonly thirdPartyInterest: ThirdPartyInterest | null
  readonly responsibleAgency: { readonly name: string; readonly contact: string | null } | null
}

/** A field and what to do about it, in Chinese. */
export interface FieldProblem {
  readonly field: string
  readonly message: string
}

export type DecisionCheck = { readonly ok: true; readonly decision: Decision } | { readonly ok: false; readonly reason: string; readonly problems: readonly FieldProblem[] }

const THIRD_PARTY_INTERESTS: readonly ThirdPartyInterest[] = ['trade_secret', 'privacy', 'other']
const text = (value: string | null | undefined): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null)

/**
 * Validates a decision: a known disposition that may be chosen, the answer form it allows, the reasons the answer
 * must give, and for 部分公开 what was withheld and why. A refusal lists every problem, each with its field.
 */
export function validateDecision(input: DecisionInput): DecisionCheck {
  const problems: FieldProblem[] = []
  const refuse = (): DecisionCheck => ({ ok: false, reason: problems.map((problem) => problem.message).join('；'), problems })
  if (!isDispositionCode(input.code)) {
    problems.push({ field: 'code', message: `未知的办理结果“${String(input.code)}”，请从年度报告格式规定的办理结果中选择一项` })
    return refuse()
  }
  const disposition = dispositionRule(input.code)
  if (disposition.byEventOnly) {
    problems.push({
      field: 'code',
      message:
        disposition.code === 'other_overdue_correction'
          ? '“逾期不补正”不能直接选择：请在补正期限届满后记录“逾期未补正”，案件将视为放弃申请（《政府信息公开条例》第三十条）'
          : '“逾期未缴费”不能直接选择：请在缴费期限届满后记录“逾期未缴费”，案件不再处理（国办函〔2020〕109号）',
    })
    return refuse()
  }

  let answerForm: AnswerForm | null = null
  const givenForm = text(input.answerForm)
  if (disposition.answerForms.length === 0) {
    if (givenForm) problems.push({ field: 'answerForm', message: `“${disposition.label}”不适用第三十六条的答复形式，请不要选择答复形式` })
  } else if (givenForm) {
    if ((disposition.answerForms as readonly string[]).includes(givenForm)) answerForm = givenForm as AnswerForm
    else problems.push({ field: 'answerForm', message: `“${disposition.label}”的答复形式应为${disposition.answerForms.map((form) => ANSWER_FORMS[form].article).join('或')}` })
  } else if (disposition.answerForms.length === 1) {
    answerForm = disposition.answerForms[0]!
  } else {
    problems.push({ field: 'answerForm', message: `请选择答复形式：${disposition.answerForms.map((form) => `${ANSWER_FORMS[form].article}（${ANSWER_FORMS[form].label}）`).join('，或')}` })
  }

  const reasons = text(input.reasons)
  // 第三十六条第（三）项 "告知申请人不予公开并说明理由"; 第（五）项 "告知申请人并说明理由".
  if (!reasons && (disposition.group === 'denied' || answerForm === 'not_this_agency')) {
    problems.push({ field: 'reasons', message: disposition.group === 'denied' ? '请说明不予公开的理由（《政府信息公开条例》第三十六条第（三）项）' : '请说明不属于本机关负责公开的理由（《政府信息公开条例》第三十六条第（五）项）' })
  }

  let withheld: Decision['withheld'] = null
  if (disposition.code === 'partial') {
    const description = text(input.withheld?.description)
    const explanation = text(input.withheld?.explanation)
    const grounds = (input.withheld?.grounds ?? []).filter((ground) => typeof ground === 'string')
    if (!description) problems.push({ field: 'withheld.description', message: '部分公开须写明不予公开的内容（《政府信息公开条例》第三十七条）' })
    if (grounds.length === 0) problems.push({ field: 'withheld.grounds', message: '部分公开须选择不予公开部分的依据（第十四条、第十五条、第十六条等，或不属于政府信息）' })
    const unknown = grounds.filter((ground) => !(ground in WITHHOLDING_GROUNDS))
    if (unknown.length > 0) problems.push({ field: 'withheld.grounds', message: `未知的不予公开依据：${unknown.join('、')}` })
    if (!explanation) problems.push({ field: 'withheld.explanation', message: '部分公开须对不予公开的内容说明理由（《政府信息公开条例》第三十七条）' })
    if (description && explanation && grounds.length > 0 && unknown.length === 0) withheld = { description, grounds: [...new Set(grounds)] as WithholdingGround[], explanation }
  } else if (input.withheld && (text(input.withheld.description) || (input.withheld.grounds ?? []).length > 0)) {
    problems.push({ field: 'withheld', message: '只有部分公开才记录不予公开的内容；请改选“部分公开”或删除这些内容' })
  }

  let thirdPartyInterest: ThirdPartyInterest | null = null
  const needsInterest = disposition.code === 'denied_third_party' || (withheld?.grounds.includes('third_party') ?? false)
  if (needsInterest) {
    const given = text(input.thirdPartyInterest)
    if (given && (THIRD_PARTY_INTERESTS as readonly string[]).includes(given)) thirdPartyInterest = given as ThirdPartyInterest
    else problems.push({ field: 'thirdPartyInterest', message: '请说明保护的是商业秘密、个人隐私还是其他第三方合法权益（《政府信息公开条例》第十五条）' })
  }

  let responsibleAgency: Decision['responsibleAgency'] = null
  const agencyName = text(input.responsibleAgency?.name)
  if (agencyName) {
    if (answerForm === 'not_this_agency') responsibleAgency = { name: agencyName, contact: text(input.responsibleAgency?.contact) }
    else problems.push({ field: 'responsibleAgency', message: '只有答复“不属于本机关负责公开”时才填写负责公开的机关' })
  }

  if (problems.length > 0) return refuse()
  return { ok: true, decision: { code: disposition.code, answerForm, reasons, withheld, thirdPartyInterest, responsibleAgency } }
}

/** The 2021 table 三 row of a decision: the disposition code itself (one row per disposition). */
export function table3Row2021(code: DispositionCode): DispositionCode {
  return code
}

/** The 2019 trial-format row of a decision: the 2021 row, with the three 其他处理 rows merged. */
export function table3Row2019(code: DispositionCode): Table3Row2019 {
  return dispositionRule(code).row2019
}

/**
 * The 2014-era 答复类型 row of a decision (and the 其中 row of a refusal). The 2007 条例 had no 无法提供/不予处理
 * taxonomy, so dispositions without a counterpart are placed by convention (regulation.md §1.14, §4.2 [M]; confirm
 * with the 公开办 before publishing old-format tables): 另行制作 → 不存在 (the 2007-era practice answered it so),
 * 补正 outcomes → 告知作出更改补充, 不予处理 and the rest → 告知通过其他途径办理 (the residual answer row), 第十六条
 * refusals → 法律法规规定的其他情形.
 */
export function legacyAnswerCell(decision: Pick<Decision, 'code' | 'answerForm' | 'thirdPartyInterest'>): { readonly row: LegacyAnswerRow; readonly refusalReason: LegacyRefusalReason | null } {
  const refused = (refusalReason: LegacyRefusalReason) => ({ row: 'refused' as const, refusalReason })
  const row = (value: LegacyAnswerRow) => ({ row: value, refusalReason: null })
  switch (decision.code) {
    case 'granted':
      return row(decision.answerForm === 'already_published' ? 'already_published' : 'granted')
    case 'partial':
      return row('partial')
    case 'denied_state_secret':
      return refused('state_secret')
    case 'denied_three_safety_one_stability':
      return refused('security_stability')
    case 'denied_third_party':
      return refused(decision.thirdPartyInterest === 'trade_secret' ? 'trade_secret' : decision.thirdPartyInterest === 'privacy' ? 'privacy' : 'other_legal')
    case 'denied_law_forbidden':
    case 'denied_internal_affairs':
    case 'denied_process_information':
    case 'denied_enforcement_file':
      return refused('other_legal')
    case 'unable_not_held':
      return row(decision.answerForm === 'not_this_agency' ? 'not_this_agency' : 'not_exist')
    // 第三十八条 (需另行制作) is new in 2019; under the 2007 条例 such a request was answered "该政府信息不存在"
    // (2007 第二十一条第（三）项 [M], regulation.md §1.14), so it goes to row 6 申请信息不存在数.
    case 'unable_needs_creation':
      return row('not_exist')
    // Both 补正 outcomes (第三十条, new wording in 2019) grow out of the 2007 answer "申请内容不明确的，应当告知申请人
    // 作出更改、补充" (2007 第二十一条第（四）项 [M]) — row 7 告知作出更改补充数 (regulation.md §4.2 [M]).
    case 'unable_unclear_after_correction':
    case 'other_overdue_correction':
      return row('told_to_amend')
    // The rest have no 2007 counterpart and no row of their own in the 2014-era table (国办发〔2014〕32号, regulation.md
    // §4.2 [M]): 行政查询事项 (第三十六条第（七）项: "告知申请人依照有关法律、行政法规的规定办理" — literally another route),
    // 不予处理 1–5 (第三十五条, 第三十六条第（六）项, 第三十九条 and the practice row), 逾期未缴费 (国办函〔2020〕109号) and
    // 其他 — including 申请人撤回 (rules/lifecycle.ts `withdrawn`) — go to row 8 告知通过其他途径办理数, the table's
    // residual answer row. A convention, to be confirmed with the 公开办 before old-format tables are published.
    default:
      return row('other_channels')
  }
}

const stripNumbering = (label: string) => label.replace(/^(?:[（(][一二三四五六七][）)])?\s*\d*[.、．]?/u, '')
const squeeze = (value: string) => value.normalize('NFKC').replace(/[\s"'“”‘’「」]/gu, '').replace(/，/gu, ',')

/**
 * Reads a disposition written as a code or as printed in table 三 (import files, old registers): "予以公开",
 * "部分公开", "不予公开：属于国家秘密", "（四）无法提供 2.没有现成信息需要另行制作", "危及三安全一稳定", "逾期不补正".
 * Null when the text names no single disposition (a bare "不予公开" has eight).
 */
export function parseDispositionCode(text: string): DispositionCode | null {
  const value = squeeze(text)
  if (isDispositionCode(value)) return value
  // Stable substrings the format itself prints in varying punctuation (regulation.md §3.4).
  if (value.includes('逾期不补正')) return 'other_overdue_correction'
  if (value.includes('逾期未按收费通知') || value.includes('逾期未缴费')) return 'other_overdue_fee'
  const groupLabels = Object.entries(DISPOSITION_GROUPS).map(([group, label]) => [group, squeeze(stripNumbering(label)).replace(/\(.*\)$/u, '')] as const)
  let rest = value
  let group: string | null = null
  for (const [candidate, label] of groupLabels) {
    const prefix = new RegExp(`^(?:\\([一二三四五六七]\\))?${label}[:：\\-—/]?`, 'u')
    if (prefix.test(rest)) {
      group = candidate
      rest = rest.replace(prefix, '')
      break
    }
  }
  rest = squeeze(stripNumbering(rest)).replace(/^\(.*\)$/u, '')
  const matches = DISPOSITIONS.filter((rule) => (group === null || rule.group === group) && (rest === '' ? rule.group === group && (group === 'granted' || group === 'partial') : squeeze(stripNumbering(rule.label)) === rest))
  return matches.length === 1 ? matches[0]!.code : null
}
