/**
 * Use cases that change the calendar in force: importing the shipped official data, adding a year's
 * State Council notice, and amending a year (国办发明电〔2020〕1号). Each stores a new version; every
 * open deadline that a changed day touches is recomputed and the change is recorded on its clock.
 */
import type { Db, Trx } from '../../database.ts'
import type { Clock } from '../../platform/clock.ts'
import { CalendarInputError } from './calendar.errors.ts'
import { buildCalendar, calendarEntries, changedDates, type Calendar, type CalendarChange, type CalendarEntry, type HolidayNotice } from './calendar.ts'
import { evaluateClock } from './clock.ts'
import { isWeekend, toDayNumber } from './iso-date.ts'
import { parseHolidayNotice } from './notice-parser.ts'
import { OFFICIAL_CALENDAR_VERSION, officialCalendar } from './official-calendar.ts'
import { getRegime } from './regimes.ts'
import { countOpenClocks, currentCalendar, insertVersion, openClocksAfter, versionLabel, type CalendarVersion } from './calendar.repository.ts'

/** What calendar use cases run with. `audit` writes the audit-log row in the same transaction. */
export interface CalendarContext {
  db: Db
  clock: Clock
  actorUserId: number | null
  audit: (trx: Trx, entry: { action: string; targetType: string; targetId: string | number; details: Record<string, unknown> }) => Promise<unknown>
}

/** Stores the shipped official calendar (holiday-cn 2007–2026) as version 1 when no version exists. */
export async function ensureOfficialCalendar(db: Db, at: Date): Promise<boolean> {
  if (await currentCalendar(db)) return false
  const official = officialCalendar()
  await db.transaction().execute(async (trx) => {
    if (await currentCalendar(trx)) return
    await insertVersion(trx, {
      kind: 'official_import', label: OFFICIAL_CALENDAR_VERSION, basis: '国务院办公厅历年部分节假日安排的通知（holiday-cn 数据集）', reason: '初始日历',
      createdByUserId: null, createdAt: at, calendar: { entries: calendarEntries(official), notices: official.notices },
    })
  })
  return true
}

function sourceYear(entry: CalendarEntry): number | null {
  const m = /(\d{4})/.exec(entry.source ?? '')
  return m ? Number(m[1]) : null
}

/** A proposed new version and what it would change, for the confirmation page. */
export interface CalendarProposal {
  kind: CalendarVersion['kind']
  year: number
  basis: string
  reason: string
  entries: CalendarEntry[]
  notices: HolidayNotice[]
  /** The declared rows of the notice or amendment itself. */
  declared: CalendarEntry[]
  changes: CalendarChange[]
  openDeadlines: number
  calendar: Calendar
}

async function propose(db: Db, kind: CalendarVersion['kind'], year: number, basis: string, reason: string, entries: CalendarEntry[], notices: HolidayNotice[], declared: CalendarEntry[]): Promise<CalendarProposal> {
  const current = await currentCalendar(db)
  if (!current) throw new Error('calendar not initialised')
  const calendar = buildCalendar({ version: 'proposal', entries, notices })
  return { kind, year, basis, reason, entries, notices, declared, changes: changedDates(current.calendar, calendar), openDeadlines: await countOpenClocks(db), calendar }
}

export interface NoticeInput {
  year: number
  text: string
  title: string
  docNo: string
  url: string
}

/** Parses a pasted notice for `year` and shows what the calendar would become (nothing is stored). */
export async function proposeNotice(db: Db, input: NoticeInput): Promise<CalendarProposal> {
  const source = `notice:${input.year}:${input.docNo || input.title || '国务院办公厅通知'}`
  const parsed = parseHolidayNotice(input.text, input.year, source)
  const current = (await currentCalendar(db))!.calendar
  const declaredDates = new Set(parsed.entries.map((e) => e.date))
  // The year's own earlier rows are replaced; rows another year's notice declared stay, unless re-declared.
  const kept = calendarEntries(current).filter((e) => !declaredDates.has(e.date) && sourceYear(e) !== input.year)
  const notice: HolidayNotice = { year: input.year, title: input.title || `《国务院办公厅关于${input.year}年部分节假日安排的通知》`, docNo: input.docNo || null, url: input.url || null }
  const notices = [...current.notices.filter((n) => n.year !== input.year), notice].sort((a, b) => a.year - b.year)
  const entries = [...kept, ...parsed.entries].sort((a, b) => a.date.localeCompare(b.date))
  return propose(db, 'notice', input.year, notice.docNo ?? notice.title, `录入${input.year}年放假安排`, entries, notices, [...parsed.entries])
}

export interface AmendmentInput {
  /** Lines "2020-01-31 休 春节", "2020-02-01 班 春节", "2020-02-03 常". */
  lines: string
  title: string
  docNo: string
  url: string
  reason: string
}

/** Reads amendment lines; throws CalendarInputError naming the line. */
export function parseAmendmentLines(lines: string): { date: string; change: 'holiday' | 'worked_weekend' | 'normal'; name: string }[] {
  const out: { date: string; change: 'holiday' | 'worked_weekend' | 'normal'; name: string }[] = []
  const rows = lines.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
  if (rows.length === 0) throw new CalendarInputError('lines', '请至少填写一行调整，例如“2020-01-31 休 春节”')
  if (rows.length > 400) throw new CalendarInputError('lines', '一次最多调整 400 天')
  for (const [i, row] of rows.entries()) {
    const m = /^(\d{4}-\d{2}-\d{2})\s+(休|班|常)(?:\s+(.+))?$/.exec(row)
    if (!m) throw new CalendarInputError('lines', `第 ${i + 1} 行“${row}”看不懂：请写成“日期 休/班/常 节日名”，例如“2020-01-31 休 春节”`)
    const date = m[1]!
    try { toDayNumber(date, 'lines') } catch { throw new CalendarInputError('lines', `第 ${i + 1} 行的日期 ${date} 不存在`) }
    const change = m[2] === '休' ? 'holiday' : m[2] === '班' ? 'worked_weekend' : 'normal'
    const name = (m[3] ?? '').trim()
    if (change !== 'normal' && !name) throw new CalendarInputError('lines', `第 ${i + 1} 行缺少节日名称，例如“${date} ${m[2]} 春节”`)
    if (change === 'worked_weekend' && !isWeekend(toDayNumber(date, 'lines'))) throw new CalendarInputError('lines', `第 ${i + 1} 行：${date} 不是周末，不能设为调休上班；周一至周五本来就是工作日，请用“常”`)
    if (out.some((o) => o.date === date)) throw new CalendarInputError('lines', `第 ${i + 1} 行：${date} 重复出现`)
    out.push({ date, change, name })
  }
  return out
}

/** An amendment (e.g. 国办发明电〔2020〕1号) on top of the calendar in force (nothing is stored). */
export async function proposeAmendment(db: Db, input: AmendmentInput): Promise<CalendarProposal> {
  if (!input.reason.trim()) throw new CalendarInputError('reason', '请填写调整原因，例如“延长2020年春节假期”')
  const changes = parseAmendmentLines(input.lines)
  const current = (await currentCalendar(db))!.calendar
  const source = `amendment:${changes[0]!.date.slice(0, 4)}:${input.docNo || input.title}`
  const byDate = new Map(calendarEntries(current).map((e) => [e.date, e]))
  const declared: CalendarEntry[] = []
  for (const c of changes) {
    if (c.change === 'normal') byDate.delete(c.date)
    else {
      const entry: CalendarEntry = { date: c.date, kind: c.change, name: c.name, source }
      byDate.set(c.date, entry)
      declared.push(entry)
    }
  }
  const year = Number(changes[0]!.date.slice(0, 4))
  const notices = input.title || input.docNo ? [...current.notices, { year, title: input.title || `调整${year}年放假安排`, docNo: input.docNo || null, url: input.url || null }] : [...current.notices]
  const entries = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date))
  return propose(db, 'amendment', year, input.docNo || input.title, input.reason, entries, notices, declared)
}

export interface StoredVersion {
  versionId: number
  changedDates: number
  recomputed: number
  changedDeadlines: number
}

/**
 * Stores a proposal as the new calendar in force, then recomputes open deadlines: each clock whose due
 * date or provisional flag changes is updated and gets a "deadline changed" record with the old and
 * new dates and the reason. All in one transaction.
 */
export async function storeCalendarVersion(ctx: CalendarContext, proposal: CalendarProposal): Promise<StoredVersion> {
  const now = ctx.clock.now()
  const today = ctx.clock.today()
  return ctx.db.transaction().execute(async (trx) => {
    const versionId = await insertVersion(trx, {
      kind: proposal.kind, label: `${proposal.kind === 'notice' ? '录入' : proposal.kind === 'amendment' ? '修订' : '导入'} ${proposal.year} ${proposal.basis}`.trim(),
      basis: proposal.basis, reason: proposal.reason, createdByUserId: ctx.actorUserId, createdAt: now,
      calendar: { entries: proposal.entries, notices: proposal.notices },
    })
    const calendar = buildCalendar({ version: versionLabel(versionId), entries: proposal.entries, notices: proposal.notices })
    const result = await recomputeOpenClocks(trx, calendar, versionId, today, now, `${proposal.basis ? `${proposal.basis}：` : ''}${proposal.reason}`)
    await ctx.audit(trx, {
      action: `calendar.${proposal.kind}`, targetType: 'calendar_version', targetId: versionId,
      details: { year: proposal.year, basis: proposal.basis, changedDates: proposal.changes.map((c) => c.date), recomputed: result.recomputed, changedDeadlines: result.changed },
    })
    return { versionId, changedDates: proposal.changes.length, recomputed: result.recomputed, changedDeadlines: result.changed }
  })
}

/** Re-evaluates every open clock under `calendar`; records each changed due date. */
export async function recomputeOpenClocks(trx: Trx, calendar: Calendar, versionId: number, today: string, at: Date, reason: string, pageSize = 1000): Promise<{ recomputed: number; changed: number }> {
  let after = 0
  let recomputed = 0
  let changed = 0
  for (;;) {
    const clocks = await openClocksAfter(trx, after, pageSize)
    if (clocks.length === 0) break
    const changes: { id: number; dueOn: string | null; provisional: boolean; state: string; old: string | null; oldProvisional: boolean }[] = []
    for (const clock of clocks) {
      after = clock.id
      recomputed++
      let evaluation: ReturnType<typeof evaluateClock>
      try {
        evaluation = evaluateClock(clock.events, getRegime(clock.regime), calendar, today)
      } catch {
        // A clock whose stored events no longer evaluate (e.g. dated after `today` by a clock error) keeps its
        // date rather than stopping every other case's recomputation.
        continue
      }
      if (evaluation.dueOn !== clock.dueOn || evaluation.provisional !== clock.provisional) {
        changes.push({ id: clock.id, dueOn: evaluation.dueOn, provisional: evaluation.provisional, state: evaluation.state, old: clock.dueOn, oldProvisional: clock.provisional })
      }
    }
    for (const c of changes) {
      await trx.updateTable('tracked_clocks').set({ due_on: c.dueOn, provisional: c.provisional, state: c.state, calendar_version_id: versionId, updated_at: at }).where('id', '=', c.id).execute()
    }
    if (changes.length) {
      await trx.insertInto('clock_changes').values(changes.map((c) => ({
        clock_id: c.id, calendar_version_id: versionId, occurred_at: at,
        kind: c.dueOn !== c.old ? 'deadline_changed' : 'provisional_resolved', old_due_on: c.old, new_due_on: c.dueOn, reason,
      }))).execute()
    }
    changed += changes.length
  }
  return { recomputed, changed }
}
