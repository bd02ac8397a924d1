/**
 * The facts an answer letter states that the rules do not keep: what was provided and how, each withheld part with
 * its ground and reason (条例 第三十七条), the specific law and article that forbids disclosure (第十四条 "法律、行政
 * 法规禁止公开"), the earlier answer a repeated request refers to (第三十六条第（六）项), the basis of 其他处理. The
 * decision form asks for exactly those its disposition needs; they are validated here (zod, Chinese messages named
 * by form field) and stored in the decision event, and the letter states only them — never a placeholder.
 */
import { z } from 'zod'
import type { FieldMessage } from '../../platform/http/errors.ts'
import { isRealDate } from '../../platform/http/forms.ts'
import { WITHHOLDING_GROUNDS, type WithholdingGround } from './rules/index.ts'

/** One withheld part of a 部分公开 (第三十七条): what, on which grounds, and why. */
export interface WithheldPartFacts {
  part: string
  grounds: WithholdingGround[]
  reason: string
}

export interface AnswerFacts {
  /** 提供的信息内容 (予以公开 / 部分公开). */
  provided?: string
  /** 提供或获取的方式. */
  howProvided?: string
  withheldParts?: WithheldPartFacts[]
  /** The specific law or regulation and its article (法律法规禁止公开, 确认或重新出具, 其他处理). */
  basisLaw?: string
  basisProvision?: string
  /** The earlier answer a repeated request refers to (第三十六条第（六）项). */
  previousDocNo?: string
  previousAnswerOn?: string
  /** What the applicant said when asked for reasons (第三十五条). */
  applicantResponse?: string
}

const need = (message: string, max: number) => z.string({ error: message }).trim().min(1, message).max(max, `${message.replace(/^请(填写|写明|说明)/, '')}不超过 ${max} 字`)
const law = need('请填写依据的法律、法规名称', 100).refine((s) => !/[《》]/.test(s), '法律、法规名称不要带书名号')
const provision = need('请填写具体条款，如 第九条', 60)
const groundCodes = Object.keys(WITHHOLDING_GROUNDS) as [WithholdingGround, ...WithholdingGround[]]

const WithheldRow = z.object({
  part: need('请写明不予公开的内容', 300),
  grounds: z.array(z.enum(groundCodes, { error: '请从列表中选择不予公开的依据' })).min(1, '请选择不予公开的依据'),
  reason: need('请说明不予公开的理由', 600),
})

const reasons = (message: string) => ({ reasons: need(message, 1000) })
const howProvided = (message = '请写明提供或获取的方式') => ({ howProvided: need(message, 400) })
const basis = { basisLaw: law, basisProvision: provision }

/** What each disposition's letter needs beyond the rules' decision (keys are the decision form's field names). */
function schemaFor(code: string, answerForm: string | null): z.ZodObject | null {
  switch (code) {
    case 'granted': return z.object(answerForm === 'already_published' ? howProvided('请写明获取该政府信息的方式、途径') : howProvided())
    case 'partial': return z.object({ provided: need('请写明提供的信息内容', 1000), ...howProvided(), withheldParts: z.array(WithheldRow).min(1, '部分公开须写明至少一项不予公开的内容、依据和理由（《政府信息公开条例》第三十七条）') })
    case 'denied_law_forbidden': return z.object({ ...reasons('请说明禁止公开的理由'), ...basis })
    case 'denied_administrative_query': return z.object({ ...reasons('请写明对信息获取有特别规定的法律、行政法规'), ...howProvided('请写明办理的机关和途径') })
    case 'unable_not_held': return z.object(reasons(answerForm === 'not_this_agency' ? '请说明不属于本机关负责公开的理由' : '请写明检索的范围和方法'))
    case 'unable_needs_creation': return z.object(reasons('请说明需要加工、分析的情形'))
    case 'unable_unclear_after_correction': return z.object(reasons('请说明补正后申请内容仍不明确之处'))
    case 'not_processed_petition': return z.object(reasons('请说明属于信访、投诉、举报的情形'))
    case 'not_processed_repeated': return z.object({
      previousDocNo: need('请填写已作答复的发文字号', 40),
      previousAnswerOn: z.string({ error: '请填写已作答复的日期' }).trim().min(1, '请填写已作答复的日期').refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDate(s), '已作答复的日期应写成 YYYY-MM-DD，如 2026-11-27'),
    })
    case 'not_processed_publication': return z.object({ ...reasons('请写明公开出版物名称'), ...howProvided('请写明获取的途径') })
    case 'not_processed_unreasonable_volume': return z.object({ ...reasons('请说明认为申请理由不合理的原因'), applicantResponse: need('请写明申请人说明理由的情况', 1000) })
    case 'not_processed_confirm_or_reissue': return z.object({ ...reasons('请说明要求确认或者重新出具的信息'), ...basis })
    case 'other': return z.object({ ...reasons('请写明处理情况'), ...basis })
    default: return code.startsWith('denied_') ? z.object(reasons('请说明不予公开的理由')) : null
  }
}

/** The form field a problem belongs to: withheld rows are numbered from 1 (withheldPart1, withheldGrounds2 …). */
function fieldOf(path: readonly PropertyKey[]): { field: string; prefix: string } {
  if (path[0] === 'withheldParts' && typeof path[1] === 'number') {
    const key = String(path[2] ?? 'part')
    return { field: `withheld${key[0]!.toUpperCase()}${key.slice(1)}${path[1] + 1}`, prefix: `不予公开的第 ${path[1] + 1} 部分：` }
  }
  return { field: path[0] === 'withheldParts' ? 'withheldPart1' : String(path[0] ?? ''), prefix: '' }
}

/**
 * Checks the facts a decision's letter needs. Returns the facts to keep (only those of this disposition, trimmed)
 * or the field messages; nothing is recorded while any remain.
 */
export function checkAnswerFacts(code: string, answerForm: string | null, decisionReasons: string | null | undefined, facts: AnswerFacts): { ok: true; facts: AnswerFacts } | { ok: false; errors: FieldMessage[] } {
  const schema = schemaFor(code, answerForm)
  if (!schema) return { ok: true, facts: {} }
  const parsed = schema.safeParse({ ...facts, reasons: decisionReasons ?? undefined })
  if (!parsed.success) {
    const errors: FieldMessage[] = []
    for (const issue of parsed.error.issues) {
      const { field, prefix } = fieldOf(issue.path)
      if (!errors.some((e) => e.field === field)) errors.push({ field, message: `${prefix}${issue.message}` })
    }
    return { ok: false, errors }
  }
  const { reasons: _reasons, ...kept } = parsed.data as AnswerFacts & { reasons?: string }
  return { ok: true, facts: kept }
}

/** The rules' single 部分公开 record, from the rows (the statistics count the grounds). */
export function combinedWithheld(parts: readonly WithheldPartFacts[]): { description: string; grounds: WithholdingGround[]; explanation: string } {
  return {
    description: parts.map((p) => p.part).join('；').slice(0, 2000),
    grounds: [...new Set(parts.flatMap((p) => p.grounds))],
    explanation: parts.map((p) => p.reason).join('；').slice(0, 2000),
  }
}
