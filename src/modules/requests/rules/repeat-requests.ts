/**
 * Repeated requests, two rules of the 条例:
 * - 第三十六条第（六）项: "行政机关已就申请人提出的政府信息公开申请作出答复、申请人重复申请公开相同政府信息的，告知申请人
 *   不予重复处理" — the same applicant asks the same agency again for information already answered.
 * - 第四十四条: "多个申请人就相同政府信息向同一行政机关提出公开申请，且该政府信息属于可以公开的，行政机关可以纳入主动公开的
 *   范围" — several applicants asked for the same publishable information: suggest 纳入主动公开.
 * "Same information" is a similarity of descriptions: 发文字号 normalised by the search module (国办发[2019]51号 =
 * 国办发〔2019〕51号), the rest compared as character bigrams after dropping request boilerplate. The thresholds are
 * data; the result is a suggestion for staff, never a decision (the decision is a disposition they choose).
 */
import type { IsoDate } from '../../calendar/index.ts'
import { findDocNos } from '../../search/index.ts'
import type { AnswerForm, DispositionCode } from './dispositions.ts'

/** Thresholds of the similarity (0…1); tune here, with the reason in a comment. */
export const REPEAT_THRESHOLDS = Object.freeze({
  /** 第三十六条第（六）项 is a refusal: only a close match of the same applicant's earlier request is suggested. */
  sameApplicant: 0.8,
  /** 第四十四条 only suggests publication, so a looser match is acceptable. */
  sameInformation: 0.7,
  /** 第四十四条 "多个申请人": at least two different applicants. */
  minApplicants: 2,
  /** Two 文号 are the same when year and serial match and their issuers share this many final characters (国办发). */
  issuerSuffix: 3,
})

// Words that say "please give me" rather than what is asked for; removed before comparing. Longest first.
const BOILERPLATE = [
  '政府信息公开申请', '申请公开', '请求公开', '依申请公开', '政府信息', '申请获取', '请予公开', '予以公开', '请提供', '申请提供', '复印件', '电子版',
  '纸质版', '相关的', '有关的', '相关', '有关', '全文', '文件', '信息', '本人', '我想要', '我要', '希望', '获取', '提供', '申请', '公开', '请', '的', '关于',
]

/** A description reduced for comparison: the normalised 文号 it cites and the remaining characters. */
export interface NormalisedDescription {
  readonly docNos: readonly { readonly issuer: string; readonly year: number | null; readonly serial: number; readonly normalised: string }[]
  readonly text: string
}

/** Normalises a 申请内容 description: 文号 extracted and normalised, width and case folded, punctuation and boilerplate removed. */
export function normaliseDescription(description: string): NormalisedDescription {
  const folded = description.normalize('NFKC')
  const found = findDocNos(folded)
  let rest = ''
  let at = 0
  for (const match of found) {
    rest += folded.slice(at, match.start) + ' '
    at = match.end
  }
  rest += folded.slice(at)
  let text = rest.toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, '')
  for (const word of BOILERPLATE) text = text.split(word).join('')
  return { docNos: found.map(({ issuer, year, serial, normalised }) => ({ issuer, year, serial, normalised })), text }
}

function sameDocNo(a: NormalisedDescription['docNos'][number], b: NormalisedDescription['docNos'][number]): boolean {
  if (a.year !== b.year || a.serial !== b.serial) return false
  // The search module keeps words typed right before a 文号 in its issuer ("申请公开国办发"); compare the ends.
  let common = 0
  while (common < Math.min(a.issuer.length, b.issuer.length) && a.issuer.at(-1 - common) === b.issuer.at(-1 - common)) common++
  return common >= Math.min(REPEAT_THRESHOLDS.issuerSuffix, a.issuer.length, b.issuer.length)
}

function bigrams(text: string): Map<string, number> {
  const chars = [...text]
  const grams = new Map<string, number>()
  const size = chars.length === 1 ? 1 : 2
  for (let i = 0; i + size <= chars.length; i++) {
    const gram = chars.slice(i, i + size).join('')
    grams.set(gram, (grams.get(gram) ?? 0) + 1)
  }
  return grams
}

/** Sørensen–Dice coefficient over character bigrams (multiset). */
function dice(a: string, b: string): number {
  if (a === '' && b === '') return 1
  if (a === '' || b === '') return 0
  const left = bigrams(a)
  const right = bigrams(b)
  let shared = 0
  let total = 0
  for (const count of left.values()) total += count
  for (const count of right.values()) total += count
  for (const [gram, count] of left) shared += Math.min(count, right.get(gram) ?? 0)
  return (2 * shared) / total
}

/**
 * How alike two descriptions are, 0…1. Both cite 文号: none in common → 0 (different documents); one in common →
 * 0.6 + 0.4 × the likeness of the rest (the same document, perhaps a different part of it). Otherwise the likeness of
 * the text. Symmetric.
 */
export function descriptionSimilarity(a: string | NormalisedDescription, b: string | NormalisedDescription): number {
  const left = typeof a === 'string' ? normaliseDescription(a) : a
  const right = typeof b === 'string' ? normaliseDescription(b) : b
  const textLikeness = dice(left.text, right.text)
  if (left.docNos.length > 0 && right.docNos.length > 0) {
    const shared = left.docNos.some((docNo) => right.docNos.some((other) => sameDocNo(docNo, other)))
    return shared ? 0.6 + 0.4 * textLikeness : 0
  }
  return textLikeness
}

/** A request as the repeat rules see it. */
export interface RequestSummary {
  readonly id: string
  /** Stable key of the applicant (e.g. an SM3 hash of the identity number); never the identity itself. */
  readonly applicantKey: string
  /** The agency (unit) the request was made to: both rules are about the same 行政机关. */
  readonly unitId: string
  readonly description: string
  readonly receivedOn: IsoDate
  readonly decidedOn: IsoDate | null
  readonly disposition: DispositionCode | null
  readonly answerForm?: AnswerForm | null
}

/** An earlier request that a new one may repeat, with the similarity and why it matters. */
export interface RepeatMatch {
  readonly requestId: string
  readonly similarity: number
  readonly explanation: string
}

// Cases closed without an answer (视为放弃, 逾期未缴费): no answer was made, so asking again is not a repeat.
const NO_ANSWER: readonly DispositionCode[] = ['other_overdue_correction', 'other_overdue_fee']

/**
 * Earlier requests of the same applicant to the same unit, answered before this one was received, that ask for the
 * same information (第三十六条第（六）项), best first. A suggestion: staff decide whether to answer 不予重复处理.
 */
export function findRepeatRequests(request: RequestSummary, earlier: readonly RequestSummary[]): RepeatMatch[] {
  const description = normaliseDescription(request.description)
  return earlier
    .filter((candidate) => candidate.id !== request.id && candidate.applicantKey === request.applicantKey && candidate.unitId === request.unitId)
    .filter((candidate) => candidate.decidedOn !== null && candidate.decidedOn <= request.receivedOn && candidate.disposition !== null && !NO_ANSWER.includes(candidate.disposition))
    .map((candidate) => ({ candidate, similarity: descriptionSimilarity(description, candidate.description) }))
    .filter(({ similarity }) => similarity >= REPEAT_THRESHOLDS.sameApplicant)
    .sort((x, y) => y.similarity - x.similarity || (x.candidate.decidedOn! < y.candidate.decidedOn! ? 1 : -1))
    .map(({ candidate, similarity }) => ({
      requestId: candidate.id,
      similarity: Math.round(similarity * 100) / 100,
      explanation: `同一申请人曾于 ${candidate.receivedOn} 申请相同或相近的信息，行政机关已于 ${candidate.decidedOn} 作出答复；如确属重复申请，可告知申请人不予重复处理（《政府信息公开条例》第三十六条第（六）项）。`,
    }))
}

/** A group of requests by different applicants for the same publishable information (第四十四条). */
export interface ProactiveCandidate {
  readonly unitId: string
  readonly requestIds: readonly string[]
  readonly applicantCount: number
  /** The 文号 cited, normalised, for the draft catalogue item. */
  readonly docNos: readonly string[]
  /** The earliest request's description, as a title suggestion. */
  readonly description: string
  readonly explanation: string
}

/** Publishable: answered 予以公开 (by providing it, not by pointing at a publication) or 部分公开. */
function publishable(request: RequestSummary): boolean {
  return (request.disposition === 'granted' && request.answerForm !== 'already_published') || request.disposition === 'partial'
}

/**
 * Groups of decided requests to one unit, from at least two applicants, for the same information that was found
 * publishable: each may be 纳入主动公开 (第四十四条). Requests are linked when their similarity reaches the threshold,
 * and groups are the connected sets. Largest groups first.
 */
export function proactiveCandidates(requests: readonly RequestSummary[]): ProactiveCandidate[] {
  const eligible = requests.filter(publishable)
  const normalised = eligible.map((request) => normaliseDescription(request.description))
  const parent = eligible.map((_, index) => index)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
  for (let i = 0; i < eligible.length; i++) {
    for (let j = i + 1; j < eligible.length; j++) {
      if (eligible[i]!.unitId !== eligible[j]!.unitId) continue
      if (descriptionSimilarity(normalised[i]!, normalised[j]!) >= REPEAT_THRESHOLDS.sameInformation) parent[find(i)] = find(j)
    }
  }
  const groups = new Map<number, number[]>()
  eligible.forEach((_, index) => groups.set(find(index), [...(groups.get(find(index)) ?? []), index]))
  const candidates: ProactiveCandidate[] = []
  for (const members of groups.values()) {
    const applicants = new Set(members.map((index) => eligible[index]!.applicantKey))
    if (applicants.size < REPEAT_THRESHOLDS.minApplicants) continue
    const ordered = [...members].sort((x, y) => (eligible[x]!.receivedOn < eligible[y]!.receivedOn ? -1 : eligible[x]!.receivedOn > eligible[y]!.receivedOn ? 1 : eligible[x]!.id < eligible[y]!.id ? -1 : 1))
    const docNos = [...new Set(ordered.flatMap((index) => normalised[index]!.docNos.map((docNo) => docNo.normalised)))]
    candidates.push({
      unitId: eligible[ordered[0]!]!.unitId,
      requestIds: ordered.map((index) => eligible[index]!.id),
      applicantCount: applicants.size,
      docNos,
      description: eligible[ordered[0]!]!.description,
      explanation: `${applicants.size} 位申请人先后申请相同的政府信息，且该信息已依申请予以公开；可以纳入主动公开的范围（《政府信息公开条例》第四十四条）。`,
    })
  }
  return candidates.sort((x, y) => y.requestIds.length - x.requestIds.length || (x.requestIds[0]! < y.requestIds[0]! ? -1 : 1))
}
