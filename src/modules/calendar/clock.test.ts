import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { calendarBefore2020Amendment } from './calendar.fixtures.ts'
import { ClockEventError } from './calendar.errors.ts'
import { type ClockEvent, checkClockEvent, evaluateClock } from './clock.ts'
import { fromDayNumber, toDayNumber } from './iso-date.ts'
import { officialCalendar } from './official-calendar.ts'
import { getRegime } from './regimes.ts'
import { addWorkingDays, countWorkingDays } from './working-days.ts'

const calendar = officialCalendar()
const cn2019 = getRegime('cn-2019')
const cn2007 = getRegime('cn-2007')
const evaluate = (events: ClockEvent[], today: string) => evaluateClock(events, cn2019, calendar, today)
const received: ClockEvent = { type: 'start', on: '2025-09-30' }

describe('evaluateClock', () => {
  describe('a plain request (条例 第三十三条: 20 working days)', () => {
    it('is due on the 20th working day after receipt, the National Day block skipped', () => {
      expect(evaluate([received], '2025-10-20')).toMatchObject({
        state: 'running',
        receivedOn: '2025-09-30',
        countsFrom: '2025-09-30',
        dueOn: '2025-11-04',
        dueOnProjected: false,
        totalWorkingDays: 20,
        workingDaysUsed: 9,
        workingDaysRemaining: 11,
        overdueWorkingDays: 0,
        provisional: false,
        correction: { noticeDueOn: '2025-10-16', requestedOn: null, late: false },
      })
    })

    it('explains the count in one line and step by step', () => {
      const { trace } = evaluate([received], '2025-10-20')
      expect(trace.summary).toBe('收到申请 2025-09-30 → 10-01…10-08 国庆节、中秋节放假 → 第1日 10-09 … 第20日 11-04')
      expect(trace.lines.at(-1)).toBe('答复期限：2025-11-04（第20个工作日）')
      expect(trace.steps.map((step) => step.type)).toEqual(['event', 'rest', 'counted', 'rest', 'counted', 'rest', 'counted', 'rest', 'counted', 'rest', 'counted', 'due'])
    })

    it('counts days late once the due date has passed', () => {
      const result = evaluate([received], '2025-11-10')
      expect(result).toMatchObject({ state: 'running', workingDaysUsed: 24, workingDaysRemaining: 0, overdueWorkingDays: 4 })
      expect(result.trace.lines.at(-1)).toBe('截至 2025-11-10 已超过答复期限 4 个工作日')
    })

    it.each([
      ['2025-11-04', true, 0],
      ['2025-11-05', false, 1],
    ])('answered on %s: on time %s, %i working days late', (on, onTime, late) => {
      expect(evaluate([received, { type: 'stop', on }], '2025-12-01')).toMatchObject({
        state: 'stopped',
        answeredOn: on,
        answeredOnTime: onTime,
        overdueWorkingDays: late,
      })
    })

    it('stops the walk-through at an early answer and still states the due date', () => {
      const { trace } = evaluate([received, { type: 'stop', on: '2025-10-20' }], '2025-12-01')
      expect(trace.lines.slice(-3)).toEqual(['第9日 10-20', '2025-10-20 答复', '答复期限：2025-11-04（第20个工作日）'])
      expect(trace.summary).toBe('收到申请 2025-09-30 → 10-01…10-08 国庆节、中秋节放假 → 第1日 10-09 … 2025-10-20 答复 … 答复期限：2025-11-04（第20个工作日）')
    })

    it('marks working days counted after the due date in a late answer', () => {
      const { trace } = evaluate([received, { type: 'stop', on: '2025-11-06' }], '2025-12-01')
      expect(trace.lines.slice(-3)).toEqual(['答复期限：2025-11-04（第20个工作日）', '第21–22日 11-05…11-06，已超过期限', '2025-11-06 答复'])
    })

    it('is provisional when the due date reaches a year without a notice', () => {
      expect(evaluate([{ type: 'start', on: '2026-12-15' }], '2026-12-15')).toMatchObject({ dueOn: '2027-01-12', provisional: true })
    })

    it('gives the same request a different due date before and after 国办发明电〔2020〕1号', () => {
      const events: ClockEvent[] = [{ type: 'start', on: '2020-01-20' }]
      expect(evaluateClock(events, cn2019, calendarBefore2020Amendment(), '2020-01-21').dueOn).toBe('2020-02-21')
      expect(evaluateClock(events, cn2019, calendar, '2020-01-21').dueOn).toBe('2020-02-25')
    })
  })

  describe('extension (第三十三条第二款: at most 20 working days, once)', () => {
    it('moves the due date by the extension', () => {
      const result = evaluate([received, { type: 'extension', on: '2025-10-30', workingDays: 20 }], '2025-11-03')
      expect(result).toMatchObject({ dueOn: '2025-12-02', totalWorkingDays: 40, extensionWorkingDays: 20 })
      expect(result.trace.lines).toContain('2025-10-30 经政府信息公开工作机构负责人同意，延长答复期限 20 个工作日')
    })

    it('may be granted on the due date itself', () => {
      expect(evaluate([received, { type: 'extension', on: '2025-11-04', workingDays: 5 }], '2025-11-04').dueOn).toBe('2025-11-11')
    })

    it.each<[string, ClockEvent[], ClockEvent, string]>([
      [
        'a second extension',
        [received, { type: 'extension', on: '2025-10-30', workingDays: 10 }],
        { type: 'extension', on: '2025-11-03', workingDays: 10 },
        '答复期限只能延长一次（《政府信息公开条例》第三十三条第二款：延长的期限最长不得超过20个工作日）',
      ],
      [
        'more than 20 working days',
        [received],
        { type: 'extension', on: '2025-10-30', workingDays: 21 },
        '延长 21 个工作日超过了上限 20 个工作日（《政府信息公开条例》第三十三条第二款：延长的期限最长不得超过20个工作日）',
      ],
      ['zero days', [received], { type: 'extension', on: '2025-10-30', workingDays: 0 }, '延长的天数应为正整数（收到的是“0”）'],
      ['an extension after the due date', [received], { type: 'extension', on: '2025-11-05', workingDays: 5 }, '答复期限已于 2025-11-04 届满，不能再延期'],
    ])('refuses %s with a Chinese reason', (_, history, next, reason) => {
      expect(checkClockEvent(history, next, cn2019, calendar)).toEqual({ ok: false, reason })
      expect(() => evaluate([...history, next], '2025-12-31')).toThrow(ClockEventError)
      expect(() => evaluate([...history, next], '2025-12-31')).toThrow(`第${history.length + 1}个事件：${reason}`)
    })
  })

  describe('consultation (第三十二条, 第三十四条; 第三十三条第三款 excludes its time)', () => {
    const consulted: ClockEvent = { type: 'pause', on: '2025-10-15', reason: 'third_party_consultation' }

    it('excludes the working days after the letter up to the reply', () => {
      const result = evaluate([received, consulted, { type: 'resume', on: '2025-10-24', reason: 'third_party_consultation' }], '2025-10-27')
      expect(countWorkingDays('2025-10-15', '2025-10-24', calendar)).toBe(7)
      expect(result).toMatchObject({ state: 'running', dueOn: '2025-11-13', workingDaysUsed: 7, workingDaysRemaining: 13 })
      expect(result.consultations).toEqual([
        expect.objectContaining({ reason: 'third_party_consultation', startedOn: '2025-10-15', dueOn: '2025-11-05', endedOn: '2025-10-24', outcome: 'resumed' }),
      ])
      expect(result.trace.lines).toContain('10-16…10-24 征求第三方意见期间，7个工作日不计入')
    })

    it('while waiting, projects the due date as if the reply came today', () => {
      expect(evaluate([received, consulted], '2025-10-20')).toMatchObject({
        state: 'paused',
        openPauses: ['third_party_consultation'],
        dueOn: '2025-11-07',
        dueOnProjected: true,
        workingDaysUsed: 6,
      })
    })

    it('says in the walk-through from which day the due date is projected', () => {
      expect(evaluate([received, consulted], '2025-10-20').trace.lines).toContain('截至 2025-10-20 仍在暂停中，以下按当日恢复计算推算')
    })

    it('ends by itself when the third party stays silent for 15 working days: the agency decides', () => {
      const result = evaluate([received, consulted], '2025-11-20')
      expect(result).toMatchObject({ state: 'running', openPauses: [], dueOn: '2025-11-25', dueOnProjected: false })
      expect(result.consultations[0]).toMatchObject({ dueOn: '2025-11-05', endedOn: '2025-11-05', outcome: 'agency_decides' })
      expect(result.trace.lines).toContain('第三方逾期未提出意见（期限 2025-11-05 届满），由行政机关依照条例决定是否公开，次日起恢复计算')
    })

    it('counts the agency reply period from delivery; silence is deemed consent', () => {
      const result = evaluate([received, { type: 'pause', on: '2025-10-15', reason: 'agency_consultation', deliveredOn: '2025-10-16' }], '2025-11-20')
      expect(result.consultations[0]).toMatchObject({ countsFrom: '2025-10-16', dueOn: '2025-11-06', outcome: 'deemed_consent' })
      expect(result.dueOn).toBe('2025-11-26')
    })

    it('records a late reply without reopening the pause', () => {
      const result = evaluate([received, consulted, { type: 'resume', on: '2025-11-10', reason: 'third_party_consultation' }], '2025-11-20')
      expect(result.dueOn).toBe('2025-11-25')
      expect(result.consultations[0]).toMatchObject({ endedOn: '2025-11-05', outcome: 'agency_decides' })
    })

    it('gains nothing from a pause on the due day itself, which was already counted', () => {
      const events: ClockEvent[] = [received, { type: 'pause', on: '2025-11-04', reason: 'third_party_consultation' }, { type: 'resume', on: '2025-11-10', reason: 'third_party_consultation' }]
      expect(evaluate(events, '2025-11-10').dueOn).toBe('2025-11-04')
    })

    it.each<[string, ClockEvent[], ClockEvent, string]>([
      ['a pause after the due date', [received], { type: 'pause', on: '2025-11-05', reason: 'third_party_consultation' }, '答复期限已于 2025-11-04 届满，不能再暂停计算'],
      ['a second open pause for the same reason', [received, consulted], { type: 'pause', on: '2025-10-16', reason: 'third_party_consultation' }, '征求第三方意见尚未结束，不能重复暂停'],
      ['a resume without a pause', [received], { type: 'resume', on: '2025-10-16', reason: 'agency_consultation' }, '没有进行中的征求其他机关意见，无法恢复计算'],
      [
        'a delivery before the letter was sent',
        [received],
        { type: 'pause', on: '2025-10-15', reason: 'agency_consultation', deliveredOn: '2025-10-14' },
        '送达日期 2025-10-14 早于发出日期 2025-10-15，请检查日期',
      ],
    ])('refuses %s', (_, history, next, reason) => {
      expect(checkClockEvent(history, next, cn2019, calendar)).toEqual({ ok: false, reason })
    })
  })

  describe('fee notice (国办函〔2020〕109号, to be confirmed by counsel)', () => {
    it('pauses until payment', () => {
      const events: ClockEvent[] = [
        { type: 'start', on: '2025-03-03' },
        { type: 'pause', on: '2025-03-10', reason: 'fee_notice' },
        { type: 'resume', on: '2025-03-17', reason: 'fee_notice' },
      ]
      expect(evaluate(events, '2025-03-17').dueOn).toBe(addWorkingDays(addWorkingDays('2025-03-03', 20, calendar).date, 5, calendar).date)
    })

    it('is refused before the measures applied', () => {
      const check = checkClockEvent([{ type: 'start', on: '2020-06-01' }], { type: 'pause', on: '2020-06-05', reason: 'fee_notice' }, cn2019, calendar)
      expect(check).toEqual({ ok: false, reason: '收费通知不计入答复期限的规定自 2021-01-01 起适用' })
    })
  })

  describe('补正 (第三十条)', () => {
    const asked: ClockEvent = { type: 'correction_requested', on: '2025-10-10' }

    it('waits for the applicant: no answer period runs', () => {
      expect(evaluate([received, asked], '2025-10-15')).toMatchObject({
        state: 'paused',
        awaitingCorrection: true,
        dueOn: addWorkingDays('2025-10-15', 20, calendar).date,
        dueOnProjected: true,
        workingDaysUsed: 0,
        correction: { noticeDueOn: '2025-10-16', requestedOn: '2025-10-10', late: false },
      })
    })

    it('counts the answer period afresh from the receipt of the correction', () => {
      const result = evaluate([received, asked, { type: 'restart', on: '2025-10-20' }], '2025-10-22')
      expect(result).toMatchObject({ state: 'running', countsFrom: '2025-10-20', dueOn: '2025-11-17', workingDaysUsed: 2 })
      expect(result.trace.lines.slice(0, 3)).toEqual([
        '收到申请 2025-09-30',
        '2025-10-10 告知补正（告知期限 2025-10-16），答复期限自收到补正之日起重新计算',
        '收到补正 2025-10-20，答复期限重新起算（第三十条）',
      ])
    })

    it('flags a correction requested after the 7 working days', () => {
      const result = evaluate([received, { type: 'correction_requested', on: '2025-10-17' }], '2025-10-17')
      expect(result.correction).toEqual({ noticeDueOn: '2025-10-16', requestedOn: '2025-10-17', late: true })
      expect(result.trace.lines).toContain('2025-10-17 告知补正（已超过第三十条规定的告知期限 2025-10-16），答复期限自收到补正之日起重新计算')
    })

    it('has no due date when the case closes while waiting (视为放弃)', () => {
      expect(evaluate([received, asked, { type: 'stop', on: '2025-11-20' }], '2025-11-20')).toMatchObject({ state: 'stopped', dueOn: null, answeredOnTime: null })
    })

    it.each<[string, ClockEvent[], ClockEvent, string]>([
      ['a second correction request', [received, asked, { type: 'restart', on: '2025-10-20' }], { type: 'correction_requested', on: '2025-10-21' }, '已于 2025-10-10 告知补正；第三十条要求一次性告知，不能再次告知补正'],
      ['a restart without a correction request', [received], { type: 'restart', on: '2025-10-20' }, '尚未告知补正，不能以收到补正重新起算'],
      ['an extension while waiting', [received, asked], { type: 'extension', on: '2025-10-13', workingDays: 5 }, '正在等待申请人补正，答复期限尚未起算，不能延期'],
    ])('refuses %s', (_, history, next, reason) => {
      expect(checkClockEvent(history, next, cn2019, calendar)).toEqual({ ok: false, reason })
    })
  })

  describe('the 2007 regulation', () => {
    it('answers in 15 working days', () => {
      expect(evaluateClock([{ type: 'start', on: '2017-09-25' }], cn2007, calendar, '2017-09-26').dueOn).toBe('2017-10-20')
    })

    it('keeps a third-party consultation open until the reply: the law set no reply period', () => {
      const result = evaluateClock([{ type: 'start', on: '2017-09-25' }, { type: 'pause', on: '2017-09-26', reason: 'third_party_consultation' }], cn2007, calendar, '2017-12-01')
      expect(result).toMatchObject({ state: 'paused', dueOnProjected: true })
      expect(result.consultations[0]).toMatchObject({ dueOn: null, outcome: 'open' })
    })

    it('refuses an agency-consultation pause', () => {
      expect(checkClockEvent([{ type: 'start', on: '2017-09-25' }], { type: 'pause', on: '2017-09-26', reason: 'agency_consultation' }, cn2007, calendar)).toEqual({
        ok: false,
        reason: '《中华人民共和国政府信息公开条例》（2007年，国务院令第492号）没有规定征求其他机关意见的时间不计入答复期限，不能暂停',
      })
    })
  })

  describe('event histories', () => {
    it.each<[string, ClockEvent[], string]>([
      ['no events', [], '第1个事件：没有任何事件，请先记录收到申请的日期'],
      ['a history that does not start with receipt', [{ type: 'stop', on: '2025-10-01' }], '第1个事件：第一个事件必须是收到申请'],
      ['two receipts', [received, { type: 'start', on: '2025-10-09' }], '第2个事件：已经记录了收到申请，不能重复记录'],
      ['events out of order', [received, { type: 'pause', on: '2025-09-29', reason: 'third_party_consultation' }], '第2个事件：事件日期 2025-09-29 早于上一个事件（2025-09-30），请按时间顺序记录'],
      ['an event after the answer', [received, { type: 'stop', on: '2025-10-20' }, { type: 'extension', on: '2025-10-21', workingDays: 5 }], '第3个事件：已于 2025-10-20 答复，不能再记录其他事件'],
      ['an event after today', [received, { type: 'stop', on: '2025-12-01' }], '第2个事件：事件日期 2025-12-01 晚于今天（2025-11-30），请检查日期'],
      ['an impossible date', [{ type: 'start', on: '2025-02-30' }], '第1个事件：2025-02-30 不是真实存在的日期，请检查月份和日期'],
      ['an unknown event', [received, { type: 'withdraw', on: '2025-10-09' } as unknown as ClockEvent], '第2个事件：未知的事件类型“withdraw”'],
    ])('refuses %s', (_, events, message) => {
      expect(() => evaluate(events, '2025-11-30')).toThrow(message)
    })

    it('checks a new event against the history, and accepts a valid one', () => {
      expect(checkClockEvent([received], { type: 'extension', on: '2025-10-30', workingDays: 20 }, cn2019, calendar)).toEqual({ ok: true })
    })
  })

  describe('properties', () => {
    const day = (date: string) => toDayNumber(date)
    const feeDates = fc.integer({ min: day('2021-01-01'), max: day('2026-06-30') })

    it('pausing for k working days moves the due date by exactly k working days', () => {
      fc.assert(
        fc.property(feeDates, fc.nat(400), fc.nat(60), (start, pauseOffset, length) => {
          const receivedOn = fromDayNumber(start)
          const due = addWorkingDays(receivedOn, 20, calendar).date
          const pauseOn = fromDayNumber(start + (pauseOffset % (day(due) - start)))
          const resumeOn = fromDayNumber(day(pauseOn) + length)
          const k = countWorkingDays(pauseOn, resumeOn, calendar)
          const events: ClockEvent[] = [
            { type: 'start', on: receivedOn },
            { type: 'pause', on: pauseOn, reason: 'fee_notice' },
            { type: 'resume', on: resumeOn, reason: 'fee_notice' },
          ]
          expect(evaluate(events, resumeOn).dueOn).toBe(addWorkingDays(due, k, calendar).date)
        }),
      )
    })

    it('a consultation answered within its reply period moves the due date by the working days it took', () => {
      fc.assert(
        fc.property(feeDates, fc.nat(400), fc.nat(15), (start, pauseOffset, replyAfter) => {
          const receivedOn = fromDayNumber(start)
          const due = addWorkingDays(receivedOn, 20, calendar).date
          const pauseOn = fromDayNumber(start + (pauseOffset % (day(due) - start)))
          const resumeOn = addWorkingDays(pauseOn, replyAfter, calendar).date
          const events: ClockEvent[] = [
            { type: 'start', on: receivedOn },
            { type: 'pause', on: pauseOn, reason: 'third_party_consultation' },
            { type: 'resume', on: resumeOn, reason: 'third_party_consultation' },
          ]
          expect(evaluate(events, resumeOn).dueOn).toBe(addWorkingDays(due, replyAfter, calendar).date)
        }),
      )
    })

    // A candidate event, placed within [from, from + span]; kept only if the rules allow it at that point.
    const candidate = fc.record({
      type: fc.constantFrom('extension' as const, 'pause' as const, 'resume' as const),
      offset: fc.nat(40),
      workingDays: fc.integer({ min: 1, max: 25 }),
      reason: fc.constantFrom('third_party_consultation' as const, 'agency_consultation' as const, 'fee_notice' as const),
    })
    type Candidate = typeof candidate extends fc.Arbitrary<infer T> ? T : never

    function place(raw: Candidate, from: number, span: number): ClockEvent {
      const on = fromDayNumber(from + (raw.offset % (span + 1)))
      return raw.type === 'extension' ? { type: 'extension', on, workingDays: raw.workingDays } : { type: raw.type, on, reason: raw.reason }
    }

    function keepAllowed(history: ClockEvent[], candidates: ClockEvent[]): ClockEvent[] {
      const sorted = [...candidates].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
      const kept = [...history]
      for (const event of sorted) if (checkClockEvent(kept, event, cn2019, calendar).ok) kept.push(event)
      return kept
    }

    it('a restart does not depend on the history before it', () => {
      const pick = (events: ClockEvent[], today: string) => {
        const { dueOn, workingDaysUsed, workingDaysRemaining, overdueWorkingDays, state, totalWorkingDays, countsFrom, openPauses, consultations } = evaluate(events, today)
        return { dueOn, workingDaysUsed, workingDaysRemaining, overdueWorkingDays, state, totalWorkingDays, countsFrom, openPauses, consultations }
      }
      fc.assert(
        fc.property(
          fc.integer({ min: day('2021-03-01'), max: day('2026-06-30') }),
          fc.tuple(fc.nat(30), fc.nat(30), fc.nat(20), fc.nat(60)),
          fc.array(candidate, { maxLength: 5 }),
          fc.array(candidate, { maxLength: 5 }),
          fc.array(candidate, { maxLength: 5 }),
          (correctionDay, [lead1, lead2, wait, later], before1, before2, after) => {
            const restartDay = correctionDay + wait
            const history = (lead: number, before: Candidate[]): ClockEvent[] => [
              ...keepAllowed(
                [{ type: 'start', on: fromDayNumber(correctionDay - lead) }],
                before.map((raw) => place(raw, correctionDay - lead, lead)),
              ),
              { type: 'correction_requested', on: fromDayNumber(correctionDay) },
              { type: 'restart', on: fromDayNumber(restartDay) },
            ]
            const first = keepAllowed(history(lead1, before1), after.map((raw) => place(raw, restartDay, 40)))
            const suffix = first.slice(first.findIndex((event) => event.type === 'restart') + 1)
            const second = [...history(lead2, before2), ...suffix]
            const today = fromDayNumber(restartDay + 40 + later)
            expect(pick(second, today)).toEqual(pick(first, today))
          },
        ),
      )
    })
  })
})
