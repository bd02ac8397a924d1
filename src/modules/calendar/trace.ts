import type { DayInfo } from './calendar.ts'
import { messages } from './calendar.messages.ts'
import { type IsoDate, fromDayNumber, yearOf } from './iso-date.ts'

/**
 * One step of a deadline walk-through, for a UI to render; `text` is the same step in Chinese.
 * `counted` is a run of counted days, `rest` a run of weekends and holidays, `paused` a run excluded by a pause
 * (consultation, fee notice), `event` something that happened, `due` the last day of the period.
 */
export type TraceStep =
  | { readonly type: 'event'; readonly date: IsoDate; readonly text: string }
  | {
      readonly type: 'counted'
      readonly unit: 'working_day' | 'calendar_day'
      readonly from: IsoDate
      readonly to: IsoDate
      readonly firstDay: number
      readonly lastDay: number
      readonly workedWeekends: readonly { readonly date: IsoDate; readonly name: string }[]
      readonly text: string
    }
  | { readonly type: 'rest'; readonly from: IsoDate; readonly to: IsoDate; readonly holidays: readonly string[]; readonly text: string }
  | { readonly type: 'paused'; readonly from: IsoDate; readonly to: IsoDate; readonly workingDays: number; readonly text: string }
  | { readonly type: 'due'; readonly date: IsoDate; readonly day: number; readonly text: string }

/**
 * A deadline walk-through: `steps` for rendering, `lines` their texts, and a one-line `summary` such as
 * "收到申请 2025-09-30 → 10-01…10-08 国庆节、中秋节放假 → 第1日 10-09 … 第20日 11-04".
 */
export interface Trace {
  readonly summary: string
  readonly lines: readonly string[]
  readonly steps: readonly TraceStep[]
}

/** How one day was treated by a walk. */
export interface WalkedDay {
  readonly dayNumber: number
  readonly info: DayInfo
  readonly status: 'counted' | 'rest' | 'paused'
  /** 1-based position among counted days. */
  readonly ordinal?: number
  /** Why a paused day is excluded (征求第三方意见期间 …). */
  readonly pauseLabel?: string
}

/** Something that happened on a day; placed after that day's count. */
export interface TraceEvent {
  readonly dayNumber: number
  readonly text: string
}

export interface TraceInput {
  /** Day 0 of the period and its wording (收到申请 2025-09-30). */
  readonly anchor: TraceEvent
  /** Events before day 0 (the original receipt before a 补正 restart). */
  readonly earlier?: readonly TraceEvent[]
  readonly days: readonly WalkedDay[]
  readonly events?: readonly TraceEvent[]
  /** The last day; `inSummary` when the summary cannot show it as "第N日" (nothing counted, or moved by 第二百零三条). */
  readonly due?: { readonly dayNumber: number; readonly day: number; readonly text: string; readonly inSummary?: boolean }
  readonly unit?: 'working_day' | 'calendar_day'
  /** Ordinal of the last counted day, highlighted in the summary. */
  readonly lastOrdinal?: number
}

type Segment = { key: string; days: WalkedDay[] }

/** Compresses a walk into steps: one per run of counted, rest or paused days, with events between them. */
export function buildTrace(input: TraceInput): Trace {
  const unit = input.unit ?? 'working_day'
  const show = dateFormatter(yearOf(input.anchor.dayNumber))
  const steps: TraceStep[] = []
  const spans: [number, number][] = []
  const push = (step: TraceStep, span: [number, number]) => {
    steps.push(step)
    spans.push(span)
  }
  const pushEvent = (event: TraceEvent) => push({ type: 'event', date: fromDayNumber(event.dayNumber), text: event.text }, [event.dayNumber, event.dayNumber])

  for (const event of input.earlier ?? []) pushEvent(event)
  pushEvent(input.anchor)
  const events = [...(input.events ?? [])].sort((a, b) => a.dayNumber - b.dayNumber)
  let nextEvent = 0
  const flushEventsThrough = (dayNumber: number) => {
    while (nextEvent < events.length && events[nextEvent]!.dayNumber <= dayNumber) pushEvent(events[nextEvent++]!)
  }
  flushEventsThrough(input.anchor.dayNumber)

  let segment: Segment | undefined
  const flushSegment = () => {
    if (!segment) return
    const step = segmentStep(segment, unit, show, input.lastOrdinal)
    push(step, [segment.days[0]!.dayNumber, segment.days.at(-1)!.dayNumber])
    segment = undefined
  }
  for (const day of input.days) {
    const key = day.status === 'paused' ? `paused:${day.pauseLabel ?? ''}` : day.status
    if (segment?.key !== key) {
      flushSegment()
      segment = { key, days: [] }
    }
    segment.days.push(day)
    const isDue = input.due?.dayNumber === day.dayNumber
    const hasEvent = nextEvent < events.length && events[nextEvent]!.dayNumber <= day.dayNumber
    if (isDue || hasEvent) {
      flushSegment()
      if (isDue) push({ type: 'due', date: fromDayNumber(day.dayNumber), day: input.due!.day, text: input.due!.text }, [day.dayNumber, day.dayNumber])
      flushEventsThrough(day.dayNumber)
    }
  }
  flushSegment()
  if (input.due && !input.days.some((day) => day.dayNumber === input.due!.dayNumber)) {
    push({ type: 'due', date: fromDayNumber(input.due.dayNumber), day: input.due.day, text: input.due.text }, [input.due.dayNumber, input.due.dayNumber])
  }
  flushEventsThrough(Number.POSITIVE_INFINITY)

  return { summary: summarise(steps, spans, show, input.lastOrdinal, input.due?.inSummary ?? false), lines: steps.map((step) => step.text), steps }
}

// The due day ends a segment, so a counted run lies wholly before or wholly after it.
function segmentStep(segment: Segment, unit: 'working_day' | 'calendar_day', show: (dayNumber: number) => string, lastOrdinal?: number): TraceStep {
  const first = segment.days[0]!
  const last = segment.days.at(-1)!
  const from = fromDayNumber(first.dayNumber)
  const to = fromDayNumber(last.dayNumber)
  const range = first === last ? show(first.dayNumber) : `${show(first.dayNumber)}…${show(last.dayNumber)}`
  if (first.status === 'counted') {
    const weekendDays = segment.days.filter((day) => day.info.kind === 'worked_weekend')
    const workedWeekends = weekendDays.map((day) => ({ date: day.info.date, name: day.info.name ?? '' }))
    const firstDay = first.ordinal ?? 0
    const lastDay = last.ordinal ?? 0
    const weekendNote = weekendDays.map((day) => `${show(day.dayNumber)} ${messages.weekdayName(day.info.weekday)}`)
    const late = lastOrdinal !== undefined && firstDay > lastOrdinal
    const text = messages.countedRun(firstDay, lastDay, range, weekendNote, unit === 'calendar_day') + (late ? messages.pastDue : '')
    return { type: 'counted', unit, from, to, firstDay, lastDay, workedWeekends, text }
  }
  if (first.status === 'paused') {
    const workingDays = segment.days.filter((day) => day.info.kind === 'working' || day.info.kind === 'worked_weekend').length
    return { type: 'paused', from, to, workingDays, text: messages.pausedRun(range, first.pauseLabel ?? '', workingDays) }
  }
  const holidays = [...new Set(segment.days.flatMap((day) => (day.info.kind === 'holiday' && day.info.name ? [day.info.name] : [])))]
  const plainWeekend = segment.days.some((day) => day.info.kind === 'weekend')
  const text = holidays.length > 0 ? messages.holidayRun(range, holidays, plainWeekend) : messages.weekendRun(range, first === last ? first.info.weekday : undefined)
  return { type: 'rest', from, to, holidays, text }
}

/**
 * The one-line summary keeps events, holiday runs, pauses, day 1 and the last counted day; runs that are only
 * weekends and the middle of counted runs are elided. Neighbouring parts are joined by "→" when they touch and
 * by "…" when days were left out.
 */
function summarise(
  steps: readonly TraceStep[],
  spans: readonly [number, number][],
  show: (dayNumber: number) => string,
  lastOrdinal: number | undefined,
  dueInSummary: boolean,
): string {
  const parts: { text: string; start: number; end: number }[] = []
  steps.forEach((step, index) => {
    const [start, end] = spans[index]!
    switch (step.type) {
      case 'event':
      case 'paused':
        parts.push({ text: step.text, start, end })
        break
      case 'rest':
        if (step.holidays.length > 0) parts.push({ text: step.text, start, end })
        break
      case 'counted':
        // A counted run has one record per calendar day, so its k-th counted day sits k - firstDay days in.
        if (step.firstDay === 1) parts.push({ text: messages.dayMark(1, show(start)), start, end: start })
        if (lastOrdinal !== undefined && lastOrdinal > 1 && step.firstDay <= lastOrdinal && lastOrdinal <= step.lastDay) {
          const day = start + (lastOrdinal - step.firstDay)
          parts.push({ text: messages.dayMark(lastOrdinal, show(day)), start: day, end: day })
        }
        break
      case 'due':
        if (dueInSummary) parts.push({ text: step.text, start, end })
        break
    }
  })
  return parts.reduce((line, part, index) => {
    if (index === 0) return part.text
    const previous = parts[index - 1]!
    return `${line}${part.start <= previous.end + 1 ? ' → ' : ' … '}${part.text}`
  }, '')
}

/** 'MM-DD' inside the anchor's year, the full date outside it. */
function dateFormatter(year: number): (dayNumber: number) => string {
  return (dayNumber) => {
    const date = fromDayNumber(dayNumber)
    return yearOf(dayNumber) === year ? date.slice(5) : date
  }
}
