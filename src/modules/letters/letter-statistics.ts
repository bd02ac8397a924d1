/**
 * 公众诉求 statistics for the reports and oversight wings, computed from the case events (DESIGN.md §5), per
 * channel and unit over a period: received (收件), handled (办结/处理完毕), carried over (结转), on time and overdue
 * replies, 监评 per grade, 好差评 distribution and the median handling time in working days. The seed's line
 * "区长公开信箱收件1109件，处理完毕1055件；监评83件，其中优2件、良77件、中4件" is one row of this.
 */
import type { Executor } from '../../database.ts'
import { countWorkingDays, currentCalendar, officialCalendar } from '../calendar/index.ts'
import { HANDLED_STATES, SATISFACTION_KEYS, SUPERVISION_GRADE_KEYS, type CaseState, type ChannelKey, type Satisfaction, type SupervisionGrade } from './rules/index.ts'

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
  /** Received in the period and not handled at its end. */
  carriedOver: number
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
    channel, unitId, received: 0, handled: 0, carriedOver: 0, repliedOnTime: 0, repliedLate: 0,
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

/** Rows per channel and unit, plus a total row (channel 'all', unit 'all') first. */
export async function letterStatistics(db: Executor, query: StatisticsQuery): Promise<StatisticsRow[]> {
  let q = db.selectFrom('letter_cases').select(['id', 'channel', 'unit_id', 'received_on']).where('region_id', '=', query.regionId)
    .where('received_on', '>=', query.from).where('received_on', '<=', query.to)
  if (query.channel) q = q.where('channel', '=', query.channel)
  if (query.unitId !== undefined) q = q.where('unit_id', '=', query.unitId)
  const cases = await q.orderBy('id').execute()
  const ids = cases.map((c) => c.id)
  const events = ids.length
    ? await db.selectFrom('letter_events').select(['case_id', 'type', 'to_state', 'unit_id', 'effective_on', 'details']).where('case_id', 'in', ids).where('effective_on', '<=', query.to).orderBy('id').execute()
    : []
  const byCase = new Map<number, typeof events>()
  for (const e of events) (byCase.get(e.case_id) ?? byCase.set(e.case_id, []).get(e.case_id)!).push(e)
  const calendar = (await currentCalendar(db))?.calendar ?? officialCalendar()

  const total = emptyRow('all', 'all')
  const rows = new Map<string, ReturnType<typeof emptyRow>>()
  for (const c of cases) {
    const list = byCase.get(c.id) ?? []
    const lastUnit = [...list].reverse().find((e) => e.unit_id !== null)?.unit_id ?? null
    const groupBy = query.groupBy ?? 'channel_unit'
    const rowChannel = groupBy === 'unit' ? 'all' : (c.channel as ChannelKey)
    const rowUnit = groupBy === 'channel' ? 'all' : lastUnit
    const key = `${rowChannel}|${rowUnit}`
    const row = rows.get(key) ?? rows.set(key, emptyRow(rowChannel, rowUnit)).get(key)!
    const state = (list.at(-1)?.to_state ?? 'received') as CaseState
    const handled = HANDLED_STATES.includes(state)
    const handledOn = handled ? list.filter((e) => HANDLING_EVENTS.has(e.type)).at(-1)?.effective_on ?? list.at(-1)!.effective_on : null
    const replies = list.filter((e) => e.type === 'reply')
    const grade = list.filter((e) => e.type === 'evaluate').at(-1)?.details.grade as SupervisionGrade | undefined
    const rating = list.filter((e) => e.type === 'rate').at(-1)?.details.satisfaction as Satisfaction | undefined
    for (const r of [row, total]) {
      r.received++
      if (handled) {
        r.handled++
        r.days.push(countWorkingDays(c.received_on, handledOn!, calendar))
      } else r.carriedOver++
      if (replies.length) {
        if (replies.some((e) => e.details.late === true)) r.repliedLate++
        else r.repliedOnTime++
      }
      if (grade && grade in r.supervision) r.supervision[grade]++
      if (rating && rating in r.satisfaction) r.satisfaction[rating]++
    }
  }
  const out = [total, ...[...rows.values()].sort((a, b) => String(a.channel).localeCompare(String(b.channel)) || Number(a.unitId ?? 0) - Number(b.unitId ?? 0))]
  return out.map(({ days, ...r }) => ({ ...r, medianWorkingDays: median(days) }))
}
