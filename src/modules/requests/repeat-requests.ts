/**
 * Repeated requests, read from the cases: the same applicant asking again for information already answered
 * (条例 第三十六条第（六）项 — shown on the case page as a suggestion), and several applicants asking for the same
 * publishable information (第四十四条 — suggested for 主动公开 with a one-click draft catalogue item). The matching
 * rules are the rules module's (rules/repeat-requests.ts); applicants are compared by identity HMAC only.
 */
import type { Executor } from '../../database.ts'
import { createItem } from '../publishing/index.ts'
import { InvalidInputError } from '../../platform/http/errors.ts'
import { requireActor } from '../orgs/index.ts'
import type { RequestsContext } from './requests.context.ts'
import { findRepeatRequests, proactiveCandidates, type AnswerForm, type DispositionCode, type ProactiveCandidate, type RepeatMatch, type RequestSummary } from './rules/index.ts'

async function summaries(db: Executor, organisationIds: number[]): Promise<RequestSummary[]> {
  const rows = await db.selectFrom('request_cases as c').innerJoin('request_applicants as a', 'a.case_id', 'c.id')
    .select(['c.id', 'c.organisation_id', 'c.information_name', 'c.doc_no', 'c.description', 'c.received_on', 'c.decided_on', 'c.disposition', 'c.rules_state', 'a.id_number_hmac'])
    .where('c.organisation_id', 'in', organisationIds.length ? organisationIds : [-1]).where('c.received_on', 'is not', null).orderBy('c.id').execute()
  return rows.map((r) => {
    const state = (typeof r.rules_state === 'string' ? JSON.parse(r.rules_state) : r.rules_state) as { decision?: { answerForm?: AnswerForm | null } | null }
    return {
      id: String(r.id), applicantKey: r.id_number_hmac, unitId: String(r.organisation_id),
      description: [r.information_name, r.doc_no, r.description].filter(Boolean).join(' '),
      receivedOn: r.received_on!, decidedOn: r.decided_on, disposition: r.disposition as DispositionCode | null, answerForm: state.decision?.answerForm ?? null,
    }
  })
}

/** Earlier answered requests of the same applicant to the same unit that this case may repeat. */
export async function repeatsOf(db: Executor, caseId: number, organisationId: number): Promise<RepeatMatch[]> {
  const all = await summaries(db, [organisationId])
  const current = all.find((s) => s.id === String(caseId))
  return current ? findRepeatRequests(current, all) : []
}

/** Groups of requests to a unit for the same publishable information (第四十四条). */
export async function proactiveSuggestions(db: Executor, organisationIds: number[]): Promise<ProactiveCandidate[]> {
  return proactiveCandidates(await summaries(db, organisationIds))
}

/**
 * 纳入主动公开: a draft catalogue item (publishing's editorial workflow takes it from there: privacy gate, review,
 * publication) for a group of the actor's own unit. The group is found again from the case ids, never trusted.
 */
export async function draftProactiveItem(ctx: RequestsContext, requestIds: string[]): Promise<number> {
  const actor = requireActor(ctx)
  const candidate = (await proactiveSuggestions(ctx.db, [actor.organisationId])).find((c) => c.requestIds.some((id) => requestIds.includes(id)))
  if (!candidate) throw new InvalidInputError([{ field: '', message: '这组申请已不再符合纳入主动公开的条件（第四十四条：多个申请人申请相同且可以公开的信息）' }])
  const title = candidate.description.slice(0, 120) || '依申请公开信息'
  return createItem(ctx, {
    title, issuingBody: actor.organisationName, docNo: candidate.docNos[0] ?? '', writtenOn: ctx.clock.today(), topic: '综合政务', genre: '其他', section: 'qtfd',
    summary: `${candidate.applicantCount} 位申请人申请公开相同信息（申请第 ${candidate.requestIds.join('、')} 号），依《政府信息公开条例》第四十四条纳入主动公开。`,
    body: '请在此填写拟主动公开的信息内容，提交审核前核对是否含有不应公开的内容。', disclosure: 'proactive', disclosureBasis: '', validity: '', effectiveOn: '', expiresOn: '',
  })
}
