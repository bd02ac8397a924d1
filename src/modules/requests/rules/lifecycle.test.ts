import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluateClock, getRegime, officialCalendar } from '../../calendar/index.ts'
import { legacyAnswerCell, table3Row2019, table3Row2021 } from './dispositions.ts'
import { caseFactsOf } from './statistics.ts'
import { type RequestCase, type RequestEvent, type Transition, answerDueOn, answeredOnTime, isOpenCase, openCase, transition } from './lifecycle.ts'

const calendar = officialCalendar()
const cn2019 = getRegime('cn-2019')
const partialDecision = { code: 'partial', withheld: { description: '附件二中的个人身份证号码', grounds: ['third_party'], explanation: '属于个人隐私' }, thirdPartyInterest: 'privacy' }

function accepted(result: Transition): Extract<Transition, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${result.reason}`)
  return result
}

/** Applies events in order, failing the test on the first refusal. */
function run(start: Transition, events: RequestEvent[]): { state: RequestCase; clock: RequestCase['clock']; notes: string[] } {
  let current = accepted(start)
  const notes = [...current.notes]
  const clock = [...current.clockEvents]
  for (const event of events) {
    current = accepted(transition(current.state, event, calendar))
    notes.push(...current.notes)
    clock.push(...current.clockEvents)
  }
  return { state: current.state, clock, notes }
}

const online = () => openCase({ channel: 'online', receipt: { submittedOn: '2025-03-01' }, registeredOn: '2025-03-01' })
const inPerson = (on = '2025-03-03') => openCase({ channel: 'in_person', receipt: { submittedOn: on }, registeredOn: on })

describe('openCase', () => {
  it('starts the clock on the day an application is handed in (第三十一条第（一）项)', () => {
    const result = accepted(inPerson())
    expect(result.state).toMatchObject({ status: 'in_progress', receivedOn: '2025-03-03', regime: 'cn-2019' })
    expect(result.clockEvents).toEqual([{ type: 'start', on: '2025-03-03' }])
  })

  it('waits for the mutual confirmation of an online application before any clock runs (第三十一条第（三）项)', () => {
    const result = accepted(online())
    expect(result.state).toMatchObject({ status: 'awaiting_receipt', receivedOn: null, regime: null })
    expect(result.clockEvents).toEqual([])
    expect(result.notes[0]).toContain('双方确认之日为收到申请之日')
  })

  it('places an application received before 2019-05-15 under the 2007 条例', () => {
    expect(accepted(inPerson('2018-06-01')).state.regime).toBe('cn-2007')
  })

  it('refuses contradictory facts', () => {
    expect(openCase({ channel: 'fax', receipt: { submittedOn: '2025-03-05', confirmedOn: '2025-03-04' }, registeredOn: '2025-03-05' })).toMatchObject({ ok: false })
  })
})

describe('transition: the whole path of the issue', () => {
  it('online → 补正 → correction → third-party consultation → extension → 部分公开 → download → archive', () => {
    const { state, clock, notes } = run(online(), [
      { type: 'receipt_confirmed', on: '2025-03-03' },
      { type: 'correction_requested', on: '2025-03-05', items: ['请写明所需文件的名称或文号'], dueOn: '2025-03-20' },
      { type: 'correction_received', on: '2025-03-10' },
      { type: 'consultation_sent', on: '2025-03-12', party: 'third_party', deliveredOn: '2025-03-13' },
      { type: 'consultation_answered', on: '2025-03-20', party: 'third_party', opinion: 'objects' },
      { type: 'extension_granted', on: '2025-04-10', workingDays: 10, approvedBy: '区政务公开办 王主任', reason: '需要逐页区分处理' },
      { type: 'decided', on: '2025-04-20', decision: partialDecision },
      { type: 'delivered', on: '2025-04-21', method: 'online_download' },
      { type: 'archived', on: '2025-04-30' },
    ])
    expect(state.status).toBe('archived')
    expect(clock).toEqual([
      { type: 'start', on: '2025-03-03' },
      { type: 'correction_requested', on: '2025-03-05' },
      { type: 'restart', on: '2025-03-10' },
      { type: 'pause', on: '2025-03-12', reason: 'third_party_consultation', deliveredOn: '2025-03-13' },
      { type: 'resume', on: '2025-03-20', reason: 'third_party_consultation' },
      { type: 'extension', on: '2025-04-10', workingDays: 10 },
      { type: 'stop', on: '2025-04-20' },
    ])
    expect(state.decision).toMatchObject({ code: 'partial', withheld: partialDecision.withheld })
    expect(notes).toContain('2025-03-10 收到补正，答复期限自收到补正的申请之日起重新计算（《政府信息公开条例》第三十条）')
    // Restart 03-10, 20 + 10 working days, 6 working days (03-13…03-20) excluded by the consultation.
    const evaluation = evaluateClock(clock, cn2019, calendar, '2025-05-01')
    expect(evaluation).toMatchObject({ countsFrom: '2025-03-10', dueOn: '2025-04-29', answeredOnTime: true, extensionWorkingDays: 10 })
    expect(answeredOnTime(state, calendar)).toBe(true)
  })

  it('abandonment: no correction by the time limit → 视为放弃申请 (其他处理 1)', () => {
    const { state, clock } = run(inPerson(), [
      { type: 'correction_requested', on: '2025-03-06', items: ['身份证明'], dueOn: '2025-03-21' },
      { type: 'correction_lapsed', on: '2025-03-24' },
      { type: 'archived', on: '2025-03-25' },
    ])
    expect(state).toMatchObject({ status: 'archived', decidedOn: '2025-03-24', decision: { code: 'other_overdue_correction' } })
    expect(clock.at(-1)).toEqual({ type: 'stop', on: '2025-03-24' })
  })

  it('records a 补正 notice sent after the 7 working days of 第三十条, with a note that it is late', () => {
    // Received 2025-03-03; the 7th working day after is 2025-03-12.
    const result = accepted(transition(accepted(inPerson()).state, { type: 'correction_requested', on: '2025-03-13', items: ['文号'], dueOn: '2025-03-28' }, calendar))
    expect(result.state.status).toBe('awaiting_correction')
    expect(result.notes).toEqual(['告知补正的日期 2025-03-13 晚于第三十条规定的期限 2025-03-12（收到申请之日起7个工作日内）'])
  })

  it('fees: notice pauses the clock, payment resumes it; non-payment closes the case (其他处理 2)', () => {
    const paid = run(inPerson(), [
      { type: 'fee_notice_sent', on: '2025-03-05', amountYuan: 300, payBy: '2025-04-02' },
      { type: 'fee_paid', on: '2025-03-12' },
      { type: 'decided', on: '2025-03-20', decision: { code: 'granted', answerForm: 'provided' } },
    ])
    expect(paid.clock.slice(1, 3)).toEqual([{ type: 'pause', on: '2025-03-05', reason: 'fee_notice' }, { type: 'resume', on: '2025-03-12', reason: 'fee_notice' }])
    const unpaid = run(inPerson(), [
      { type: 'fee_notice_sent', on: '2025-03-05', amountYuan: 300, payBy: '2025-04-02' },
      { type: 'fee_lapsed', on: '2025-04-03' },
    ])
    expect(unpaid.state).toMatchObject({ status: 'fee_lapsed', decision: { code: 'other_overdue_fee' } })
  })

  it('an agency that stays silent past 15 working days is deemed to consent (第三十四条)', () => {
    const { state, notes } = run(inPerson(), [
      { type: 'consultation_sent', on: '2025-03-04', party: 'agency' },
      { type: 'consultation_deemed', on: '2025-03-26', party: 'agency' },
    ])
    expect(state.consultations).toEqual([{ party: 'agency', sentOn: '2025-03-04', deliveredOn: '2025-03-04', endedOn: '2025-03-26', outcome: 'deemed' }])
    expect(notes.at(-1)).toBe('被征求意见机关逾期（2025-03-25）未提出意见，视为同意公开（《政府信息公开条例》第三十四条）')
  })

  it('第三十五条: reasons requested, received, then a reasonable later date that replaces the answer period', () => {
    const { state } = run(inPerson(), [
      { type: 'reasons_requested', on: '2025-03-05' },
      { type: 'reasons_received', on: '2025-03-10' },
      { type: 'later_date_set', on: '2025-03-11', dueOn: '2025-05-30' },
      { type: 'decided', on: '2025-05-20', decision: { code: 'granted', answerForm: 'provided' } },
    ])
    expect(answerDueOn(state, calendar, '2025-05-20')).toBe('2025-05-30')
    expect(answeredOnTime(state, calendar)).toBe(true)
  })

  it('第三十五条: unreasonable reasons → 不予处理 (无正当理由大量反复申请)', () => {
    const { state } = run(inPerson(), [
      { type: 'reasons_requested', on: '2025-03-05' },
      { type: 'decided', on: '2025-03-20', decision: { code: 'not_processed_unreasonable_volume' } },
    ])
    expect(state).toMatchObject({ status: 'answered', decision: { code: 'not_processed_unreasonable_volume' } })
  })

  it('records 行政复议 and then litigation after it, without changing the case status', () => {
    const { state } = run(inPerson(), [
      { type: 'decided', on: '2025-03-20', decision: { code: 'denied_process_information', reasons: '内部讨论记录' } },
      { type: 'delivered', on: '2025-03-21', method: 'post' },
      { type: 'review_filed', on: '2025-04-10' },
      { type: 'remedy_decided', on: '2025-06-10', kind: 'review', outcome: 'upheld' },
      { type: 'litigation_filed', on: '2025-06-20', afterReview: true },
    ])
    expect(state.status).toBe('delivered')
    expect(state.remedies).toEqual([
      { kind: 'review', filedOn: '2025-04-10', afterReview: false, outcome: 'upheld', decidedOn: '2025-06-10' },
      { kind: 'litigation', filedOn: '2025-06-20', afterReview: true, outcome: 'pending', decidedOn: null },
    ])
  })
})

describe('transition: the applicant withdraws (申请人撤回)', () => {
  it('closes an open case as 其他处理 3 其他 and stops the clock on the day of the withdrawal', () => {
    const { state, clock, notes } = run(inPerson(), [
      { type: 'consultation_sent', on: '2025-03-04', party: 'third_party' },
      { type: 'withdrawn', on: '2025-03-10', channel: 'letter' },
    ])
    expect(state).toMatchObject({ status: 'withdrawn', decidedOn: '2025-03-10', decision: { code: 'other', reasons: '申请人撤回申请' } })
    expect(clock.at(-1)).toEqual({ type: 'stop', on: '2025-03-10' })
    expect(notes.at(-1)).toBe('2025-03-10 申请人撤回申请（以信函书面撤回），终止办理；年度报告计入“其他处理 3.其他”')
    expect(isOpenCase(state)).toBe(false)
    expect(run(inPerson(), [{ type: 'withdrawn', on: '2025-03-10', channel: 'online' }, { type: 'archived', on: '2025-03-11' }]).state.status).toBe('archived')
  })

  it('counts a withdrawal in the 2021 row 其他处理 3, the 2019 single 其他处理 row and the 2014-era residual row', () => {
    const { state } = run(inPerson(), [{ type: 'withdrawn', on: '2025-03-10', channel: 'in_person' }])
    const facts = caseFactsOf({ id: '1', applicant: 'natural_person', state }, calendar)!
    expect(facts).toMatchObject({ disposition: 'other', decidedOn: '2025-03-10' })
    expect(table3Row2021(facts.disposition!)).toBe('other')
    expect(table3Row2019(facts.disposition!)).toBe('other')
    expect(legacyAnswerCell(state.decision!)).toEqual({ row: 'other_channels', refusalReason: null })
  })

  it('closes an application not yet received without any clock (nothing is counted: 第三十一条)', () => {
    const { state, clock } = run(online(), [{ type: 'withdrawn', on: '2025-03-02', channel: 'online' }])
    expect(state).toMatchObject({ status: 'withdrawn', receivedOn: null, decision: { code: 'other' } })
    expect(clock).toEqual([])
    expect(caseFactsOf({ id: '2', applicant: 'natural_person', state }, calendar)).toBeNull()
  })

  it.each<[string, RequestEvent[], string]>([
    ['after the answer', [{ type: 'decided', on: '2025-03-20', decision: { code: 'granted', answerForm: 'provided' } }], '案件已于 2025-03-20 答复，不能撤回申请'],
    ['twice', [{ type: 'withdrawn', on: '2025-03-05', channel: 'online' }], '案件已于 2025-03-05 终止办理（申请人已撤回），不能撤回申请'],
    ['after 视为放弃', [{ type: 'correction_requested', on: '2025-03-05', items: ['文号'], dueOn: '2025-03-12' }, { type: 'correction_lapsed', on: '2025-03-13' }], '案件已于 2025-03-13 终止办理（视为放弃申请），不能撤回申请'],
  ])('refuses a withdrawal %s, and says why', (_name, events, reason) => {
    const state = run(inPerson(), events).state
    const result = transition(state, { type: 'withdrawn', on: '2025-03-25', channel: 'online' }, calendar)
    expect(result).toEqual({ ok: false, reason })
  })

  it('refuses an unknown withdrawal channel', () => {
    expect(transition(accepted(inPerson()).state, { type: 'withdrawn', on: '2025-03-05', channel: 'pigeon' as 'online' }, calendar)).toMatchObject({ ok: false, reason: expect.stringContaining('未知的撤回方式') })
  })
})

describe('transition: refusals', () => {
  const awaitingCorrection = run(inPerson(), [{ type: 'correction_requested', on: '2025-03-05', items: ['文号'], dueOn: '2025-03-20' }]).state
  const extended = run(inPerson(), [{ type: 'extension_granted', on: '2025-03-20', workingDays: 20, approvedBy: '王主任' }]).state
  const answered = run(inPerson(), [{ type: 'decided', on: '2025-03-20', decision: { code: 'granted', answerForm: 'provided' } }]).state
  const consulting = run(inPerson(), [{ type: 'consultation_sent', on: '2025-03-04', party: 'third_party' }]).state
  const fresh = accepted(inPerson()).state

  it.each<[string, RequestCase, RequestEvent, string]>([
    ['deciding a case that waits for 补正', awaitingCorrection, { type: 'decided', on: '2025-03-10', decision: { code: 'granted', answerForm: 'provided' } }, '案件正在等待申请人补正（补正期限至 2025-03-20），不能作出答复'],
    ['a second 补正 notice', awaitingCorrection, { type: 'correction_requested', on: '2025-03-06', items: ['名称'], dueOn: '2025-03-20' }, '第三十条要求一次性告知'],
    ['a 补正 lapse before its time limit', awaitingCorrection, { type: 'correction_lapsed', on: '2025-03-20' }, '补正期限 2025-03-20 尚未届满'],
    ['a 补正 notice without items', fresh, { type: 'correction_requested', on: '2025-03-05', items: [' '], dueOn: '2025-03-20' }, '请列出需要补正的全部事项'],
    ['a second extension', extended, { type: 'extension_granted', on: '2025-03-25', workingDays: 5, approvedBy: '王主任' }, '只能延长一次'],
    ['an extension over 20 working days', fresh, { type: 'extension_granted', on: '2025-03-20', workingDays: 21, approvedBy: '王主任' }, '超过了上限 20 个工作日'],
    ['an extension without the head of the office', fresh, { type: 'extension_granted', on: '2025-03-20', workingDays: 5, approvedBy: '' }, '须经政府信息公开工作机构负责人同意'],
    ['an extension after the due date', fresh, { type: 'extension_granted', on: '2025-04-15', workingDays: 5, approvedBy: '王主任' }, '答复期限已于 2025-03-31 届满'],
    ['an unknown disposition', fresh, { type: 'decided', on: '2025-03-20', decision: { code: 'maybe' } }, '未知的办理结果“maybe”'],
    ['部分公开 without what was withheld', fresh, { type: 'decided', on: '2025-03-20', decision: { code: 'partial' } }, '部分公开须写明不予公开的内容'],
    ['a second answer', answered, { type: 'decided', on: '2025-03-21', decision: { code: 'granted', answerForm: 'provided' } }, '案件已于 2025-03-20 答复'],
    ['deciding during a consultation', consulting, { type: 'decided', on: '2025-03-10', decision: { code: 'granted', answerForm: 'provided' } }, '正在征求第三方意见'],
    ['a deemed third-party opinion before 15 working days', consulting, { type: 'consultation_deemed', on: '2025-03-20', party: 'third_party' }, '尚未届满'],
    ['不予处理 under 第三十五条 without asking for reasons', fresh, { type: 'decided', on: '2025-03-20', decision: { code: 'not_processed_unreasonable_volume' } }, '须先要求申请人说明理由'],
    ['补正后仍不明确 without a 补正', fresh, { type: 'decided', on: '2025-03-20', decision: { code: 'unable_unclear_after_correction' } }, '须先告知补正并收到补正'],
    ['an event dated before the previous one', answered, { type: 'delivered', on: '2025-03-19', method: 'post' }, '早于上一个事件（2025-03-20）'],
    ['archiving an answer not yet delivered', answered, { type: 'archived', on: '2025-03-25' }, '请先记录答复的送达'],
    ['litigation "after review" without a review', answered, { type: 'litigation_filed', on: '2025-04-01', afterReview: true }, '没有记录此前的行政复议'],
  ])('refuses %s', (_name, state, event, reason) => {
    const before = structuredClone(state)
    const result = transition(state, event, calendar)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toContain(reason)
    expect(state).toEqual(before)
  })

  it('refuses the 第三十五条 steps under the 2007 条例', () => {
    const old = accepted(inPerson('2018-06-01')).state
    expect(transition(old, { type: 'reasons_requested', on: '2018-06-05' }, calendar)).toMatchObject({ ok: false })
    expect(transition(old, { type: 'consultation_sent', on: '2018-06-05', party: 'agency' }, calendar)).toMatchObject({ ok: false })
  })
})

describe('transition: properties over random event sequences', () => {
  const day = (offset: number) => new Date(Date.UTC(2025, 2, 3 + offset)).toISOString().slice(0, 10)
  const eventAt = (on: string): fc.Arbitrary<RequestEvent> =>
    fc.oneof(
      fc.constant<RequestEvent>({ type: 'receipt_confirmed', on }),
      fc.integer({ min: 1, max: 20 }).map<RequestEvent>((n) => ({ type: 'correction_requested', on, items: ['文号'], dueOn: day(n + 40) })),
      fc.constant<RequestEvent>({ type: 'correction_received', on }),
      fc.constant<RequestEvent>({ type: 'correction_lapsed', on }),
      fc.constantFrom('third_party', 'agency').map<RequestEvent>((party) => ({ type: 'consultation_sent', on, party })),
      fc.record({ party: fc.constantFrom('third_party', 'agency'), opinion: fc.constantFrom('consents', 'objects') }).map<RequestEvent>(({ party, opinion }) => ({ type: 'consultation_answered', on, party, opinion })),
      fc.constantFrom('third_party', 'agency').map<RequestEvent>((party) => ({ type: 'consultation_deemed', on, party })),
      fc.integer({ min: 0, max: 25 }).map<RequestEvent>((workingDays) => ({ type: 'extension_granted', on, workingDays, approvedBy: '王主任' })),
      fc.constant<RequestEvent>({ type: 'reasons_requested', on }),
      fc.constant<RequestEvent>({ type: 'reasons_received', on }),
      fc.constant<RequestEvent>({ type: 'fee_notice_sent', on, amountYuan: 100, payBy: day(60) }),
      fc.constant<RequestEvent>({ type: 'fee_paid', on }),
      fc.constant<RequestEvent>({ type: 'fee_lapsed', on }),
      fc.constantFrom<object>({ code: 'granted', answerForm: 'provided' }, { code: 'partial' }, partialDecision, { code: 'not_processed_unreasonable_volume' }, { code: 'x' }).map<RequestEvent>((decision) => ({ type: 'decided', on, decision: decision as never })),
      fc.constant<RequestEvent>({ type: 'delivered', on, method: 'email' }),
      fc.constant<RequestEvent>({ type: 'archived', on }),
      fc.constant<RequestEvent>({ type: 'review_filed', on }),
      fc.constantFrom('online', 'letter', 'in_person').map<RequestEvent>((channel) => ({ type: 'withdrawn', on, channel: channel as 'online' })),
    )
  const sequence = fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 25 }).chain((gaps) => {
    let offset = 0
    return fc.tuple(...gaps.map((gap) => { offset += gap; return eventAt(day(offset)) }))
  })
  const starts = fc.constantFrom(
    () => online(),
    () => inPerson(),
    () => openCase({ channel: 'ordinary_mail', receipt: { arrivedOn: '2025-03-03' }, registeredOn: '2025-03-03' }),
  )

  it('never answers twice, never moves the due date earlier except by a restart, and leaves the state as it was on every refusal', () => {
    fc.assert(
      fc.property(starts, sequence, (start, events) => {
        let state = accepted(start()).state
        let answers = 0
        let previousDue: string | null = null
        for (const event of events) {
          const before = structuredClone(state)
          const result = transition(state, event, calendar)
          expect(state).toEqual(before)
          if (!result.ok) {
            expect(result.reason).toMatch(/\p{Script=Han}/u)
            continue
          }
          if (result.state.status === 'answered' && state.status !== 'answered') answers++
          if (state.decidedOn) expect(result.state.decidedOn).toBe(state.decidedOn)
          state = result.state
          if (state.clock.length > 0 && state.regime) {
            // While 补正 is awaited no answer period runs (the clock only projects one); the period that counts
            // starts again on the corrected application (第三十条), so the comparison restarts there too.
            const evaluation = evaluateClock(state.clock, getRegime(state.regime), calendar, state.clock.at(-1)!.on)
            const restarted = result.clockEvents.some((clockEvent) => clockEvent.type === 'restart')
            if (evaluation.awaitingCorrection || restarted) previousDue = null
            else if (evaluation.dueOn !== null) {
              if (previousDue !== null) expect(evaluation.dueOn >= previousDue).toBe(true)
              previousDue = evaluation.dueOn
            }
          }
        }
        expect(answers).toBeLessThanOrEqual(1)
      }),
      { numRuns: 400 },
    )
  })
})
