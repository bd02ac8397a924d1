/**
 * Deadline computations per second with the official calendar (holiday-cn 2007–2026).
 *
 *   npx tsx bench/calendar-due.ts
 *
 * - addWorkingDays(from, 20, officialCalendar()) over random start dates in 2008–2026 (~3 s in total);
 * - evaluateClock(events, cn-2019, officialCalendar(), today) with a typical event list: start, third-party
 *   consultation pause and resume, 20-working-day extension (~2 s);
 * - a bare loop that only builds the random dates with the same RNG (~1.5 s): the yardstick for the machine's noise.
 * The three run interleaved in 20 short rounds so each sees the same noise; the ratios to the bare loop (median of
 * the per-round ratios) are what to compare between runs.
 */
import { type ClockEvent, addWorkingDays, evaluateClock, getRegime, officialCalendar } from '../src/modules/calendar/index.ts'
import { BenchError, median, printTable, round, runMain } from './lib/harness.ts'

const SEED = 0x5eed2026
// Many short interleaved slices: each round's three loops see much the same noise; totals ≈ 1.5 s, 3 s, 2.2 s.
const ROUNDS = 20
const BARE_MS = 75
const DUE_MS = 150
const CLOCK_MS = 110
const WARMUP_MS = 300
const N = 20

const MS_PER_DAY = 86_400_000
const FIRST_DAY = Date.UTC(2008, 0, 1) / MS_PER_DAY
const DAY_SPAN = Date.UTC(2026, 11, 31) / MS_PER_DAY - FIRST_DAY + 1

/** mulberry32: small, fast, seeded. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A random 'YYYY-MM-DD' in 2008-01-01 … 2026-12-31. */
function randomDate(next: () => number): string {
  return new Date((FIRST_DAY + Math.floor(next() * DAY_SPAN)) * MS_PER_DAY).toISOString().slice(0, 10)
}

interface Tally {
  ops: number
  ms: number
}

/** Calls `body` in batches of `batch` until `budgetMs` has passed; returns ops and elapsed time. `body` returns a checksum. */
function timed(budgetMs: number, body: () => number, tally: Tally, sink: { value: number }, batch: number): void {
  const t0 = performance.now()
  let ops = 0
  let elapsed = 0
  do {
    for (let i = 0; i < batch; i++) sink.value = (sink.value + body()) | 0
    ops += batch
    elapsed = performance.now() - t0
  } while (elapsed < budgetMs)
  tally.ops += ops
  tally.ms += elapsed
}

async function main() {
  const started = performance.now()
  const loadStart = performance.now()
  const calendar = officialCalendar()
  const loadMs = performance.now() - loadStart
  const regime = getRegime('cn-2019')

  // A typical 依申请公开 case: received the day before 国庆, third-party consultation 10-15 … 10-24, then a
  // 20-working-day extension; evaluated at the end of the year. Checked once before timing.
  const events: ClockEvent[] = [
    { type: 'start', on: '2025-09-30' },
    { type: 'pause', on: '2025-10-15', reason: 'third_party_consultation' },
    { type: 'resume', on: '2025-10-24', reason: 'third_party_consultation' },
    { type: 'extension', on: '2025-10-30', workingDays: 20 },
  ]
  const today = '2025-12-31'
  const probe = evaluateClock(events, regime, calendar, today)
  if (probe.totalWorkingDays !== 40 || probe.consultations.length !== 1) throw new BenchError(`unexpected evaluation of the sample case: ${JSON.stringify(probe)}`)
  const sampleDue = addWorkingDays('2025-09-30', N, calendar).date
  if (sampleDue !== '2025-11-04') throw new BenchError(`addWorkingDays('2025-09-30', 20) = ${sampleDue}, expected 2025-11-04`)

  const sink = { value: 0 }
  let next = rng(SEED)
  const bareBody = () => randomDate(next).charCodeAt(9)
  const dueBody = () => addWorkingDays(randomDate(next), N, calendar).date.charCodeAt(9)
  const clockBody = () => evaluateClock(events, regime, calendar, today).workingDaysUsed

  // Warm-up: let the JIT settle on all three before anything is counted.
  const scratch: Tally = { ops: 0, ms: 0 }
  for (const body of [bareBody, dueBody, clockBody]) timed(WARMUP_MS, body, scratch, sink, 8)

  const bare: Tally = { ops: 0, ms: 0 }
  const due: Tally = { ops: 0, ms: 0 }
  const clock: Tally = { ops: 0, ms: 0 }
  // Ratios per round too: each round's three loops run back to back and see much the same noise.
  const roundDueRatio: number[] = []
  const roundClockRatio: number[] = []
  for (let r = 0; r < ROUNDS; r++) {
    const b: Tally = { ops: 0, ms: 0 }
    const d: Tally = { ops: 0, ms: 0 }
    const c: Tally = { ops: 0, ms: 0 }
    // The bare and the due loop walk the same date sequence (same seed each round).
    next = rng(SEED + r)
    timed(BARE_MS, bareBody, b, sink, 64)
    next = rng(SEED + r)
    timed(DUE_MS, dueBody, d, sink, 8)
    timed(CLOCK_MS, clockBody, c, sink, 2)
    roundDueRatio.push(d.ms / d.ops / (b.ms / b.ops))
    roundClockRatio.push(c.ms / c.ops / (b.ms / b.ops))
    for (const [total, part] of [[bare, b], [due, d], [clock, c]] as const) {
      total.ops += part.ops
      total.ms += part.ms
    }
  }

  const perSecond = (t: Tally) => (t.ops / t.ms) * 1000
  const nsPerOp = (t: Tally) => (t.ms * 1e6) / t.ops
  const bareNs = nsPerOp(bare)
  const dueNs = nsPerOp(due)
  const clockNs = nsPerOp(clock)
  const dueNetNs = dueNs - bareNs

  console.log(`期限计算基准 / deadline computation benchmark — node ${process.version}, calendar ${calendar.version ?? ''} (loaded in ${round(loadMs, 1)} ms)`)
  const range = (values: number[]) => `${round(Math.min(...values), 1)}…${round(Math.max(...values), 1)}`
  console.log(`${ROUNDS} interleaved rounds: bare ${BARE_MS} ms, addWorkingDays ${DUE_MS} ms, evaluateClock ${CLOCK_MS} ms (after ${WARMUP_MS} ms warm-up each)\n`)
  printTable(
    ['操作 / operation', 'ops/s', 'µs/op', '÷ 裸循环 / ÷ bare', '每轮中位 (范围) / per-round median (range)', '次数 / ops', 'ms'],
    [
      ['裸循环：只生成日期 / bare: build dates only', round(perSecond(bare)), round(bareNs / 1000, 3), '1×', '', bare.ops, round(bare.ms)],
      [`addWorkingDays(随机日期, ${N}) 含生成日期 / incl. date`, round(perSecond(due)), round(dueNs / 1000, 3), `${round(dueNs / bareNs, 1)}×`, `${round(median(roundDueRatio), 1)}× (${range(roundDueRatio)})`, due.ops, round(due.ms)],
      [`  扣除生成日期 / net of date building`, round(1e9 / dueNetNs), round(dueNetNs / 1000, 3), `${round(dueNetNs / bareNs, 1)}×`, '', '', ''],
      ['evaluateClock(收到+暂停/恢复+延期)', round(perSecond(clock)), round(clockNs / 1000, 3), `${round(clockNs / bareNs, 1)}×`, `${round(median(roundClockRatio), 1)}× (${range(roundClockRatio)})`, clock.ops, round(clock.ms)],
    ],
  )
  console.log(`\n比值 evaluateClock ÷ addWorkingDays（每次耗时）/ cost ratio: ${round(clockNs / dueNs, 2)}×`)

  const summary = {
    bench: 'calendar-due',
    node: process.version,
    calendarLoadMs: round(loadMs, 1),
    bareOpsPerSec: round(perSecond(bare)),
    addWorkingDaysOpsPerSec: round(perSecond(due)),
    addWorkingDaysNetOpsPerSec: round(1e9 / dueNetNs),
    evaluateClockOpsPerSec: round(perSecond(clock)),
    ratioAddWorkingDaysToBare: round(dueNs / bareNs, 2),
    ratioEvaluateClockToBare: round(clockNs / bareNs, 2),
    ratioEvaluateClockToAddWorkingDays: round(clockNs / dueNs, 2),
    medianRoundRatioAddWorkingDaysToBare: round(median(roundDueRatio), 2),
    medianRoundRatioEvaluateClockToBare: round(median(roundClockRatio), 2),
    checksum: sink.value,
    wallSeconds: round((performance.now() - started) / 1000, 1),
  }
  console.log(`\n${JSON.stringify(summary)}`)
}

runMain('bench/calendar-due', main)
