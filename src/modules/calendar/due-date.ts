/**
 * 答复期限计算: the due date of an answer period and its explanation, as the public page, the API and
 * the CLI show it. Without `days`, the regime's answer period is used (条例 第三十三条: 20 working days;
 * 2007 条例 第二十四条: 15).
 */
import { CalendarInputError } from './calendar.errors.ts'
import type { Calendar } from './calendar.ts'
import { toDayNumber } from './iso-date.ts'
import { getRegime, regimeInForceOn, type Regime } from './regimes.ts'
import type { Trace } from './trace.ts'
import { addWorkingDays, assertDayCount } from './working-days.ts'

export interface DueDateQuery {
  from: string
  days?: number
  regime?: string
}

export interface DueDateAnswer {
  from: string
  days: number
  regime: { id: string; title: string; citation: string }
  due: string
  provisional: boolean
  /** Years the count reaches that have no official notice yet. */
  missingYears: number[]
  calendarVersion: string
  trace: Trace
}

export function explainDueDate(calendar: Calendar, query: DueDateQuery): DueDateAnswer {
  toDayNumber(query.from, 'from')
  let regime: Regime
  if (query.regime) regime = getRegime(query.regime)
  else {
    try { regime = regimeInForceOn(query.from) } catch { throw new CalendarInputError('from', `${query.from} 时还没有施行《政府信息公开条例》（2008年5月1日起施行），无法确定答复期限`) }
  }
  const days = query.days === undefined ? regime.answer.workingDays : assertDayCount(query.days, 'days')
  const deadline = addWorkingDays(query.from, days, calendar)
  const fromYear = Number(query.from.slice(0, 4))
  const dueYear = Number(deadline.date.slice(0, 4))
  const missingYears: number[] = []
  for (let y = fromYear; y <= dueYear; y++) if (!calendar.coveredYears.has(y)) missingYears.push(y)
  // Late-December days wait for the next year's notice too (it may move them).
  if (deadline.date.slice(5) >= '12-25' && !calendar.coveredYears.has(dueYear + 1)) missingYears.push(dueYear + 1)
  return {
    from: query.from, days, regime: { id: regime.id, title: regime.title, citation: regime.answer.citation }, due: deadline.date,
    provisional: deadline.provisional, missingYears: deadline.provisional ? missingYears : [], calendarVersion: calendar.version, trace: deadline.trace,
  }
}
