/**
 * 公众诉求 statistics for the reports and oversight wings, computed from the case events (DESIGN.md §5), per
 * channel and unit over a period: received (收件), handled (办结/处理完毕), carried over (结转), on time and overdue
 * replies, 监评 per grade, 好差评 distribution and the median handling time in working days. The seed's line
 * "区长公开信箱收件1109件，处理完毕1055件；监评83件，其中优2件、良77件、中4件" is one row of this.
 */
import type { Executor } from '../../database.ts'
import { countWorkingDays, currentCalendar, officialCalendar } from '../calendar/index.ts'
import { countsInSatisfaction, HANDLED_STATES, SATISFACTION_KEYS, SUPERVISION_GRADE_KEYS, type CaseState, type ChannelKey, type Satisfaction, type SupervisionGrade } from './rules/index.ts'

export interface StatisticsQuery {
  regionId: number
  /** First and last day of the period (inclusive), by the letter's receipt date. */
  from: string
  to: string
  channel?: ChannelKey
  unitId?: number
  /** Rows per channel and unit (default), per unit (channel 'all') or per channel (unit 'all'). */
  groupBy?: 'channel_unit' | 'unit' | 'channel'
}

export interface StatisticsRow {
  channel: ChannelKey | 'all'
  /** The unit that handled the case last (null: never dispatched, e.g. answered on the spot or screened out). */
  unitId: number | null | 'all'
  received: number
  /** Handled by the end of the period: the reply released (or answered on the spot), screened out, or closed. */
  handled: number
  /** Received in the period and not handled at its end (结转下期). */
  carriedOver: number
  /** Received before the period and not handled at its start (上期结转); not part of `received`. */
  carriedIn: number
  /** Of carriedIn, handled by the end of the period. */
  carriedInHandled: number
  /** Cases whose unit replied, each counted once: every reply within the limit, or at least one late. */
  repliedOnTime: number
  repliedLate: number
  supervision: Record<SupervisionGrade, number>
  satisfaction: Record<Satisfaction, number>
  /** Median working days from receipt to handling, over the handled cases; null when none. */
  medianWorkingDays: number | null
}

const HANDLING_EVENTS = new Set(['release', 'answer_on_spot', 'not_accept'])

function emptyRow(channel: StatisticsRow['channel'], unitId: StatisticsRow['unitId']): StatisticsRow & { days: number[] } {
  return {
    channel, unitId, received: 0, handled: 0, carriedOver: 0, carriedIn: 0, carriedInHandled: 0, repliedOnTime: 0, repliedLate: 0,
    supervision: Object.fromEntries(SUPERVISION_GRADE_KEYS.map((g) => [g, 0])) as Record<SupervisionGrade, number>,
    satisfaction: Object.fromEntries(SATISFACTION_KEYS.map((s) => [s, 0])) as Record<Satisfaction, number>,
    medianWorkingDays: null, days: [],
  }
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** What one case contributes to the figures of a period (the drill-down lists cases by these). */
export interface CaseFigures {
  id: number
  channel: ChannelKey
  unitId: number | null
  /** Received in the period (false: carried in from before it). */
  inPeriod: boolean
  handled: boolean
  workingDays: number | null
  replied: 'on_time' | 'late' | null
  grade: SupervisionGrade | null
  rating: Satisfaction | null
}

type EventRow = { case_id: number; type: string; to_state: string; unit_id: number | null; effective_on: string; details: Record<string, unknown> }

function eventsByCase(events: EventRow[]) {
  const byCase = new Map<number, EventRow[]>()
  for (const e of events) (byCase.get(e.case_id) ?? byCase.set(e.case_id, []).get(e.case_id)!).push(e)
  return byCase
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
}

/** Each case received in the period, and each carried in from before it, with what it counts for. */
export async function caseFigures(db: Executor, query: StatisticsQuery): Promise<CaseFigures[]> {
  let q = db.selectFrom('letter_cases').select(['id', 'channel', 'unit_id', 'received_on', 'satisfaction_voided']).where('region_id', '=', query.regionId)
    .where('received_on', '>=', query.from).where('received_on', '<=', query.to)
  if (query.channel) q = q.where('channel', '=', query.channel)
  if (query.unitId !== undefined) q = q.where('unit_id', '=', query.unitId)
  const cases = await q.orderBy('id').execute()
  // 上期结转: received before the period, and either still open or with an event on or after its first day (merged letters
  // are carried by the letter they joined).
  let before = db.selectFrom('letter_cases').select(['id', 'channel', 'unit_id', 'received_on', 'satisfaction_voided']).where('region_id', '=', query.regionId).where('received_on', '<', query.from)
    .where((eb) => eb.or([eb('state', 'not in', [...HANDLED_STATES, 'merged'] as CaseState[]), eb('id', 'in', eb.selectFrom('letter_events').select('case_id').where('effective_on', '>=', query.from))]))
  if (query.channel) before = before.where('channel', '=', query.channel)
  if (query.unitId !== undefined) before = before.where('unit_id', '=', query.unitId)
  const earlier = await before.orderBy('id').execute()
  const ids = [...cases, ...earlier].map((c) => c.id)
  // Sequential: PGlite has one connection (DESIGN.md §2). Large id lists go in chunks.
  const events: EventRow[] = []
  for (let i = 0; i < ids.length; i += 10_000) {
    events.push(...await db.selectFrom('letter_events').select(['case_id', 'type', 'to_state', 'unit_id', 'effective_on', 'details'])
      .where('case_id', 'in', ids.slice(i, i + 10_000)).where('effective_on', '<=', query.to).orderBy('id').execute())
  }
  const byCase = eventsByCase(events)
  const calendar = (await currentCalendar(db))?.calendar ?? officialCalendar()
  const start = dayBefore(query.from)

  const figures = (c: { id: number; channel: string; received_on: string; satisfaction_voided: boolean }, list: EventRow[], inPeriod: boolean): CaseFigures => {
    const lastUnit = [...list].reverse().find((e) => e.unit_id !== null)?.unit_id ?? null
    const state = (list.at(-1)?.to_state ?? 'received') as CaseState
    const handled = HANDLED_STATES.includes(state)
    const handledOn = handled ? list.filter((e) => HANDLING_EVENTS.has(e.type)).at(-1)?.effective_on ?? list.at(-1)!.effective_on : null
    const replies = list.filter((e) => e.type === 'reply' && (inPeriod || e.effective_on >= query.from))
    const grade = list.filter((e) => e.type === 'evaluate').at(-1)?.details.grade as SupervisionGrade | undefined
    const rating = list.filter((e) => e.type === 'rate').at(-1)?.details.satisfaction as Satisfaction | undefined
    return {
      id: c.id, channel: c.channel as ChannelKey, unitId: lastUnit, inPeriod, handled,
      workingDays: handled ? countWorkingDays(c.received_on, handledOn!, calendar) : null,
      replied: replies.length ? (replies.some((e) => e.details.late === true) ? 'late' : 'on_time') : null,
      grade: grade && SUPERVISION_GRADE_KEYS.includes(grade) ? grade : null,
      // 申诉复核 voided the rating (国办发〔2019〕51号; rectify-rating.ts): it is left out (rules countsInSatisfaction).
      rating: rating && SATISFACTION_KEYS.includes(rating) && countsInSatisfaction({ satisfaction: rating, satisfactionVoided: c.satisfaction_voided }) ? rating : null,
    }
  }
  const out = cases.map((c) => figures(c, byCase.get(c.id) ?? [], true))
  for (const c of earlier) {
    const list = byCase.get(c.id) ?? []
    const atStart = list.filter((e) => e.effective_on <= start)
    const stateAtStart = (atStart.at(-1)?.to_state ?? 'received') as CaseState
    // A letter merged into another (并单) is carried by the one it joined.
    if (HANDLED_STATES.includes(stateAtStart) || stateAtStart === 'merged') continue
    out.push(figures(c, list, false))
  }
  return out
}

/** Rows per channel and unit, plus a total row (channel 'all', unit 'all') first. */
export async function letterStatistics(db: Executor, query: StatisticsQuery): Promise<StatisticsRow[]> {
  const total = emptyRow('all', 'all')
  const rows = new Map<string, ReturnType<typeof emptyRow>>()
  const groupBy = query.groupBy ?? 'channel_unit'
  for (const f of await caseFigures(db, query)) {
    const rowChannel = groupBy === 'unit' ? 'all' : f.channel
    const rowUnit = groupBy === 'channel' ? 'all' : f.unitId
    const key = `${rowChannel}|${rowUnit}`
    const row = rows.get(key) ?? rows.set(key, emptyRow(rowChannel, rowUnit)).get(key)!
    for (const r of [row, total]) {
      if (!f.inPeriod) {
        // Carried in: counted apart from the period's own letters, which alone make up the other figures.
        r.carriedIn++
        if (f.handled) r.carriedInHandled++
        continue
      }
      r.received++
      if (f.handled) {
        r.handled++
        r.days.push(f.workingDays!)
      } else r.carriedOver++
      if (f.replied === 'late') r.repliedLate++
      else if (f.replied === 'on_time') r.repliedOnTime++
      if (f.grade) r.supervision[f.grade]++
      if (f.rating) r.satisfaction[f.rating]++
    }
  }
  const out = [total, ...[...rows.values()].sort((a, b) => String(a.channel).localeCompare(String(b.channel)) || Number(a.unitId ?? 0) - Number(b.unitId ?? 0))]
  return out.map(({ days, ...r }) => ({ ...r, medianWorkingDays: median(days) }))
}

/** A figure of a statistics row, for the drill-down to its cases. */
export type Measure = 'received' | 'handled' | 'carriedOver' | 'carriedIn' | 'carriedInHandled' | 'repliedOnTime' | 'repliedLate' | `grade:${SupervisionGrade}` | `rating:${Satisfaction}`

export const MEASURES: readonly Measure[] = [
  'received', 'handled', 'carriedOver', 'carriedIn', 'carriedInHandled', 'repliedOnTime', 'repliedLate',
  ...SUPERVISION_GRADE_KEYS.map((g) => `grade:${g}` as const), ...SATISFACTION_KEYS.map((s) => `rating:${s}` as const),
]

export function isMeasure(value: string): value is Measure {
  return (MEASURES as readonly string[]).includes(value)
}

/** Whether a case counts for a measure (the same rules letterStatistics adds up). */
export function countsFor(f: CaseFigures, measure: Measure): boolean {
  switch (measure) {
    case 'carriedIn': return !f.inPeriod
    case 'carriedInHandled': return !f.inPeriod && f.handled
    case 'received': return f.inPeriod
    case 'handled': return f.inPeriod && f.handled
    case 'carriedOver': return f.inPeriod && !f.handled
    case 'repliedOnTime': return f.inPeriod && f.replied === 'on_time'
    case 'repliedLate': return f.inPeriod && f.replied === 'late'
    default: {
      if (!f.inPeriod) return false
      const [kind, value] = measure.split(':')
      return kind === 'grade' ? f.grade === value : f.rating === value
    }
  }
}

/** The ids of the cases behind one figure of a row (channel and unit as in the row; 'all' for any). */
export async function statisticsCaseIds(db: Executor, query: StatisticsQuery, row: { channel: ChannelKey | 'all'; unitId: number | null | 'all' }, measure: Measure): Promise<number[]> {
  return (await caseFigures(db, query))
    .filter((f) => (row.channel === 'all' || f.channel === row.channel) && (row.unitId === 'all' || f.unitId === row.unitId) && countsFor(f, measure))
    .map((f) => f.id)
}
