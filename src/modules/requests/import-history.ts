/**
 * 历史案件导入: a unit brings its past cases so that statistics and repeat detection cover them. One row per case,
 * columns (Chinese headers): 收到申请日期, 渠道, 申请人类型, 单位 (code or name), 答复日期, 办理结果 (code or printed
 * label), 延期工作日数, 不予公开依据 (部分公开), 第三方权益 (保护第三方合法权益), 行政复议 / 行政诉讼 (维持/纠正/其他/尚未审结),
 * 诉讼前是否复议. Every row is replayed through the lifecycle rules; a dry run lists the rejected rows and why and
 * writes nothing. Imported cases carry no applicant's personal data (none was supplied) and no letters.
 *
 * Who: the 单位管理员 for the own unit, the 公开办 for any unit (requests.policy.ts 'import'); a row of another unit is
 * rejected with its reason. Importing the same file again adds nothing: each row's case key is derived from what the
 * row says (unit, dates, channel, applicant, steps) and its occurrence in the file, so rows already imported are
 * listed as skipped and the rest (e.g. rows appended since) are imported. The import and its audit record commit in
 * one transaction.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Trx } from '../../database.ts'
import { currentCalendar, officialCalendar, trackClock, type ClockEvent } from '../calendar/index.ts'
import { appendAudit, findOrganisationByCode, listOrganisations, requireActor } from '../orgs/index.ts'
import { authoriseCase } from './authorise-case.ts'
import { sealApplicant } from './applicant-privacy.ts'
import { contentFingerprint, newQueryCode } from './query-code.ts'
import { CLOCK_SUBJECT, type RequestsContext } from './requests.context.ts'
import { canOnCase } from './requests.policy.ts'
import { insertCase, insertEvent, insertRemedy, concludeRemedy, remediesOf } from './requests.repository.ts'
import {
  DISPOSITIONS, openCase, parseApplicantCategory, RECEIPT_CHANNELS, channelRule, transition, WITHHOLDING_GROUNDS, isOpenCase, answerDueOn,
  type AnswerForm, type ReceiptChannel, type RequestCase as CaseState, type RequestEvent,
} from './rules/index.ts'

export interface HistoryRow { line: number; [column: string]: string | number }
export interface HistoryResult {
  dryRun: boolean
  total: number
  /** Rows that pass (including those already imported). */
  accepted: number
  imported: number
  rejected: { line: number; reasons: string[] }[]
  /** Rows imported before (same file, or a file with the same rows): not imported again. */
  skipped: number[]
}

/** Where the rows came from, for the audit record. */
export interface HistorySource { fileName: string; sha256: string; uploadId?: number }

export interface HistoryOptions {
  dryRun: boolean
  source?: HistorySource
  /** Runs in the import's transaction after the cases are written (e.g. marking the upload as imported). */
  within?: (trx: Trx, result: HistoryResult) => Promise<void>
}

const CHANNEL_WORDS: Record<string, ReceiptChannel> = { 当面: 'in_person', 信函: 'registered_mail', 邮寄: 'registered_mail', 挂号: 'registered_mail', 平常信函: 'ordinary_mail', 传真: 'fax', 网络: 'online', 网上: 'online', 电子邮件: 'email' }
const OUTCOME_WORDS: Record<string, 'upheld' | 'corrected' | 'other' | 'pending'> = { 维持: 'upheld', 结果维持: 'upheld', 纠正: 'corrected', 结果纠正: 'corrected', 其他: 'other', 其他结果: 'other', 尚未审结: 'pending' }
const INTEREST_WORDS: Record<string, string> = { 商业秘密: 'trade_secret', 个人隐私: 'privacy', 其他: 'other' }

const cell = (row: HistoryRow, name: string) => String(row[name] ?? '').trim()
const realDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v
function dayBefore(date: string): string { const d = new Date(`${date}T00:00:00Z`); d.setUTCDate(d.getUTCDate() - 1); return d.toISOString().slice(0, 10) }

function channelOf(text: string): ReceiptChannel | null {
  if (RECEIPT_CHANNELS.some((c) => c.code === text)) return text as ReceiptChannel
  return CHANNEL_WORDS[text] ?? RECEIPT_CHANNELS.find((c) => c.label === text)?.code ?? null
}

function dispositionOf(text: string) {
  const bare = text.replace(/^[（(][一二三四五六][）)]/, '').replace(/^\d+[.．、]/, '')
  return DISPOSITIONS.find((d) => d.code === text || d.label === text || d.label.replace(/^\d+[.．、]/, '') === bare)
}

/**
 * Old records do not say which 第三十六条 form an answer took; only the 2014-era rows tell them apart. 予以公开 counts
 * as 同意公开 (第（二）项, the general case) rather than 已主动公开; otherwise the first form of the disposition.
 */
function historyAnswerForm(forms: readonly AnswerForm[]): AnswerForm | null {
  return forms.includes('provided') ? 'provided' : forms[0] ?? null
}

interface Planned { line: number; key: string; channel: ReceiptChannel; applicant: string; organisationId: number; receivedOn: string; steps: RequestEvent[]; state: CaseState; clock: ClockEvent[]; notes: string[][] }

/** The case key of an imported row: what the row says and its occurrence among identical rows of the file. */
function rowKey(p: Omit<Planned, 'key' | 'line' | 'state' | 'clock' | 'notes'>, occurrence: number): string {
  const digest = createHash('sha256').update(JSON.stringify([p.organisationId, p.receivedOn, p.channel, p.applicant, p.steps, occurrence])).digest('hex')
  return `import:${digest.slice(0, 57)}`
}

export async function importHistory(ctx: RequestsContext, rows: readonly HistoryRow[], options: HistoryOptions): Promise<HistoryResult> {
  const actor = requireActor(ctx)
  await authoriseCase(ctx, 'import')
  const calendar = (await currentCalendar(ctx.db))?.calendar ?? officialCalendar()
  const units = await listOrganisations(ctx.db, actor.regionId)
  const today = ctx.clock.today()
  const planned: Planned[] = []
  const rejected: HistoryResult['rejected'] = []
  // Identical rows (two applications of one day with the same outcome) are different cases: count them apart.
  const occurrences = new Map<string, number>()
  for (const row of rows) {
    const reasons: string[] = []
    const receivedOn = cell(row, '收到申请日期')
    if (!realDate(receivedOn) || receivedOn > today) reasons.push('收到申请日期：应为不晚于今天的日期，写成 YYYY-MM-DD')
    const channel = channelOf(cell(row, '渠道'))
    if (!channel) reasons.push(`渠道：“${cell(row, '渠道')}”不是当面、信函、平常信函、传真、电子邮件、网络之一`)
    const applicant = parseApplicantCategory(cell(row, '申请人类型'))
    if (!applicant) reasons.push(`申请人类型：“${cell(row, '申请人类型')}”不是自然人或法人或其他组织的五类之一`)
    const unitText = cell(row, '单位')
    const unit = (await findOrganisationByCode(ctx.db, unitText)) ?? units.find((u) => u.name === unitText || u.shortName === unitText)
    if (!unit) reasons.push(`单位：找不到“${unitText}”，请填写单位代码或全称`)
    else if (!canOnCase(actor, 'import', unit.id)) reasons.push(`单位：只能导入本单位（${actor.organisationName}）的案件，这一行是“${unit.name}”的`)
    const decidedOn = cell(row, '答复日期')
    if (decidedOn && (!realDate(decidedOn) || decidedOn < receivedOn || decidedOn > today)) reasons.push('答复日期：应为收到申请日期之后、不晚于今天的日期，写成 YYYY-MM-DD')
    const disposition = cell(row, '办理结果') ? dispositionOf(cell(row, '办理结果')) : undefined
    if (cell(row, '办理结果') && !disposition) reasons.push(`办理结果：“${cell(row, '办理结果')}”不是年度报告格式中的办理结果`)
    if (decidedOn && !disposition) reasons.push('办理结果：已填写答复日期的，请填写办理结果')
    const extensionText = cell(row, '延期工作日数')
    if (extensionText && !(/^\d{1,2}$/.test(extensionText) && Number(extensionText) <= 20)) reasons.push(`延期工作日数：“${extensionText}”应为 0 到 20 的整数（《条例》第三十三条：延长的期限最长不得超过 20 个工作日）`)
    if (reasons.length || !channel || !applicant || !unit) { rejected.push({ line: row.line, reasons }); continue }

    const facts = { [channelRule(channel).receivedOnFact]: receivedOn, ...(channel === 'ordinary_mail' ? { arrivedOn: receivedOn } : {}), ...(['fax', 'email', 'online'].includes(channel) ? { submittedOn: receivedOn } : {}) }
    const opened = openCase({ channel, receipt: facts, registeredOn: receivedOn })
    if (!opened.ok) { rejected.push({ line: row.line, reasons: [opened.reason] }); continue }
    let state = opened.state
    const clock: ClockEvent[] = [...opened.clockEvents]
    const steps: RequestEvent[] = []
    const notes: string[][] = []
    const apply = (event: RequestEvent) => {
      const t = transition(state, event, calendar)
      if (!t.ok) { reasons.push(t.reason); return false }
      state = t.state; clock.push(...t.clockEvents); steps.push(event); notes.push([...t.notes]); return true
    }
    const extension = Number(cell(row, '延期工作日数') || 0)
    if (extension > 0) apply({ type: 'extension_granted', on: receivedOn, workingDays: extension, approvedBy: '（历史数据导入）', reason: '（历史数据导入）' })
    if (disposition && decidedOn && !reasons.length) {
      if (disposition.code === 'other_overdue_correction') {
        if (apply({ type: 'correction_requested', on: receivedOn, items: ['（历史数据导入）'], dueOn: dayBefore(decidedOn) > receivedOn ? dayBefore(decidedOn) : decidedOn })) apply({ type: 'correction_lapsed', on: decidedOn })
      } else if (disposition.code === 'other_overdue_fee') {
        // The amount was not recorded in the old data: a nominal 100 元 (the first 按件 band) keeps the rules' order.
        if (apply({ type: 'fee_notice_sent', on: receivedOn, amountYuan: 100, payBy: dayBefore(decidedOn) > receivedOn ? dayBefore(decidedOn) : decidedOn })) apply({ type: 'fee_lapsed', on: decidedOn })
      } else {
        const grounds = cell(row, '不予公开依据').split(/[、,，;；\s]+/).filter(Boolean).map((g) => Object.entries(WITHHOLDING_GROUNDS).find(([k, v]) => k === g || v.label === g)?.[0] ?? g)
        apply({
          type: 'decided', on: decidedOn,
          decision: {
            code: disposition.code, answerForm: historyAnswerForm(disposition.answerForms), reasons: disposition.group === 'denied' || disposition.code === 'unable_not_held' ? '（历史数据导入）' : null,
            withheld: disposition.code === 'partial' ? { description: '（历史数据导入）', grounds, explanation: '（历史数据导入）' } : null,
            thirdPartyInterest: INTEREST_WORDS[cell(row, '第三方权益')] ?? (cell(row, '第三方权益') || null),
          },
        })
      }
    }
    for (const [column, kind] of [['行政复议', 'review'], ['行政诉讼', 'litigation']] as const) {
      const outcome = OUTCOME_WORDS[cell(row, column)]
      if (!cell(row, column) || reasons.length) continue
      if (!outcome) { reasons.push(`${column}：应为维持、纠正、其他或尚未审结`); continue }
      const on = decidedOn || receivedOn
      const filed = kind === 'review' ? apply({ type: 'review_filed', on }) : apply({ type: 'litigation_filed', on, afterReview: cell(row, '诉讼前是否复议') === '是' })
      if (filed && outcome !== 'pending') apply({ type: 'remedy_decided', on, kind, outcome })
    }
    if (reasons.length) { rejected.push({ line: row.line, reasons }); continue }
    const said = { channel, applicant, organisationId: unit.id, receivedOn, steps }
    const base = rowKey(said, 0)
    const occurrence = occurrences.get(base) ?? 0
    occurrences.set(base, occurrence + 1)
    planned.push({ ...said, line: row.line, key: rowKey(said, occurrence), state, clock, notes })
  }
  const known = new Set(planned.length
    ? (await ctx.db.selectFrom('request_cases').select('idempotency_key').where('idempotency_key', 'in', planned.map((p) => p.key)).execute()).map((r) => r.idempotency_key)
    : [])
  const skipped = planned.filter((p) => known.has(p.key)).map((p) => p.line)
  const fresh = planned.filter((p) => !known.has(p.key))
  // All or nothing: a file with a rejected row imports nothing (fix the rows, then import again).
  if (options.dryRun || fresh.length === 0 || rejected.length > 0) return { dryRun: options.dryRun, total: rows.length, accepted: planned.length, imported: 0, rejected, skipped }

  const now = ctx.clock.now()
  const result: HistoryResult = { dryRun: false, total: rows.length, accepted: planned.length, imported: fresh.length, rejected, skipped }
  await ctx.db.transaction().execute(async (trx) => {
    for (const p of fresh) {
      const key = p.key
      const queryCode = newQueryCode()
      const id = await insertCase(trx, {
        organisation_id: p.organisationId, regime: p.state.regime ?? 'cn-2019', state: p.state.status, channel: p.channel, submitted_on: p.receivedOn, received_on: p.receivedOn,
        applicant_type: p.applicant, information_name: '（历史数据导入）', doc_no: '', description: '', wanted_form: 'either', delivery: 'in_person', query_code: queryCode,
        fingerprint: contentFingerprint({ queryCode, imported: true, receivedOn: p.receivedOn }), idempotency_key: key,
        due_on: isOpenCase(p.state) ? answerDueOn(p.state, calendar, today) : null, registered_by_user_id: actor.userId, rules_state: JSON.stringify(p.state),
      }, sealApplicant(ctx.cipher, ctx.identityKey, { name: '（历史数据导入）', contactPerson: '', idType: 'other', idNumber: `IMPORT-${randomBytes(16).toString('hex')}`, phone: '0000', email: '', address: '', postcode: '' }, false))
      await trx.updateTable('request_cases').set({ disposition: p.state.decision?.code ?? null, decided_on: p.state.decidedOn, closed_on: isOpenCase(p.state) ? null : p.state.decidedOn }).where('id', '=', id).execute()
      await insertEvent(trx, { caseId: id, type: 'registered', fromState: null, toState: 'in_progress', effectiveOn: p.receivedOn, recordedAt: now, actorUserId: actor.userId, details: { imported: true } })
      for (const [i, step] of p.steps.entries()) {
        await insertEvent(trx, { caseId: id, type: step.type, fromState: null, toState: p.state.status, effectiveOn: step.on, recordedAt: now, actorUserId: actor.userId, details: { event: { ...step }, notes: p.notes[i], imported: true } })
        if (step.type === 'review_filed') await insertRemedy(trx, { caseId: id, kind: 'review', afterReview: false, filedOn: step.on, body: '' })
        if (step.type === 'litigation_filed') await insertRemedy(trx, { caseId: id, kind: 'litigation', afterReview: step.afterReview, filedOn: step.on, body: '' })
        if (step.type === 'remedy_decided') {
          const pending = (await remediesOf(trx, id)).find((r) => r.kind === step.kind && r.outcome === 'pending')
          if (pending) await concludeRemedy(trx, pending.id, step.outcome, step.on)
        }
      }
      if (p.clock.length) await trackClock(trx, { subjectType: CLOCK_SUBJECT, subjectId: String(id), regime: p.state.regime!, events: p.clock }, today > p.clock.at(-1)!.on ? today : p.clock.at(-1)!.on)
    }
    await appendAudit(trx, {
      actorUserId: actor.userId, actorUsername: actor.username, organisationId: actor.organisationId, action: 'request.import_history', outcome: 'success',
      targetType: 'request_history_upload', targetId: options.source?.uploadId ?? '', ip: ctx.ip,
      details: { fileName: options.source?.fileName ?? '', sha256: options.source?.sha256 ?? '', imported: fresh.length, skipped: skipped.length, units: [...new Set(fresh.map((p) => p.organisationId))] },
    }, now)
    if (options.within) await options.within(trx, result)
  })
  return result
}
