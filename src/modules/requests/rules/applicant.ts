/**
 * 申请人情况: the applicant types of the annual report. 条例 第二十七条 lets 公民、法人或者其他组织 apply; the 2021
 * report format (国办公开办函〔2021〕30号) and the 2019 trial format count applications in table 三 by 自然人 and by five
 * kinds of 法人或其他组织 —商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他 (regulation.md §3.4). The 2014-era
 * statistics table did not count by applicant (§4.2).
 */

/** 自然人 or 法人或其他组织 (STYLE.md glossary). */
export type ApplicantType = 'natural_person' | 'organisation'

/** The five kinds of 法人或其他组织 in table 三, in the order of its columns. */
export type OrganisationKind = 'commercial' | 'research' | 'public_welfare' | 'legal_service' | 'other'

/** One applicant column of table 三: 自然人 or one kind of 法人或其他组织. */
export type ApplicantCategory = 'natural_person' | OrganisationKind

export interface ApplicantCategoryRule {
  readonly code: ApplicantCategory
  readonly type: ApplicantType
  /** The column heading as printed in table 三. */
  readonly label: string
  /** Longer label for forms: "法人或其他组织：商业企业". */
  readonly formLabel: string
}

/** The six applicant columns of table 三, in printed order (总计 is the seventh, computed). */
export const APPLICANT_CATEGORIES: readonly ApplicantCategoryRule[] = Object.freeze([
  { code: 'natural_person', type: 'natural_person', label: '自然人', formLabel: '自然人' },
  { code: 'commercial', type: 'organisation', label: '商业企业', formLabel: '法人或其他组织：商业企业' },
  { code: 'research', type: 'organisation', label: '科研机构', formLabel: '法人或其他组织：科研机构' },
  { code: 'public_welfare', type: 'organisation', label: '社会公益组织', formLabel: '法人或其他组织：社会公益组织' },
  { code: 'legal_service', type: 'organisation', label: '法律服务机构', formLabel: '法人或其他组织：法律服务机构' },
  { code: 'other', type: 'organisation', label: '其他', formLabel: '法人或其他组织：其他' },
].map((rule) => Object.freeze(rule as ApplicantCategoryRule)))

/** The codes of the applicant columns, in printed order. */
export const APPLICANT_CATEGORY_CODES: readonly ApplicantCategory[] = Object.freeze(APPLICANT_CATEGORIES.map((rule) => rule.code))

/** Labels of the two applicant types. */
export const APPLICANT_TYPE_LABELS: Readonly<Record<ApplicantType, string>> = Object.freeze({
  natural_person: '自然人',
  organisation: '法人或其他组织',
})

/** True for one of the six applicant category codes. */
export function isApplicantCategory(value: unknown): value is ApplicantCategory {
  return typeof value === 'string' && (APPLICANT_CATEGORY_CODES as readonly string[]).includes(value)
}

/** The rule (type, labels) of an applicant category. */
export function applicantCategoryRule(code: ApplicantCategory): ApplicantCategoryRule {
  return APPLICANT_CATEGORIES.find((rule) => rule.code === code)!
}

/**
 * The table 三 column of an applicant: a natural person, or an organisation of a kind. An organisation without a
 * kind is refused rather than put under 其他: the column is a fact the applicant states, not a default.
 */
export function applicantCategory(type: ApplicantType, kind?: OrganisationKind | null): ApplicantCategory | null {
  if (type === 'natural_person') return 'natural_person'
  // A kind arriving from a form is untrusted: only the five organisation columns are accepted.
  return isApplicantCategory(kind) && (kind as ApplicantCategory) !== 'natural_person' ? kind : null
}

/**
 * Reads an applicant category written as a code or as printed (import files, old spreadsheets): "自然人", "商业企业",
 * "法人或其他组织：科研机构", "法人或其他组织-其他", "公民" (the 2007 条例's word for a natural person). Null when unknown.
 */
export function parseApplicantCategory(text: string): ApplicantCategory | null {
  const value = text.normalize('NFKC').replace(/\s+/gu, '')
  if (isApplicantCategory(value)) return value
  if (value === '公民' || value === '个人') return 'natural_person'
  const kind = value.replace(/^法人或(?:者)?其他组织[:：\-—/（(]?/u, '').replace(/[)）]$/u, '')
  const rule = APPLICANT_CATEGORIES.find((candidate) => candidate.label === kind)
  return rule ? rule.code : null
}
