/** The statutory time zone: every legal date is a date in Beijing time. */
export const STATUTORY_TIME_ZONE = 'Asia/Shanghai'

export interface Clock {
  now(): Date
  /** Today's date in Asia/Shanghai as 'YYYY-MM-DD'. */
  today(): string
}

const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: STATUTORY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: STATUTORY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
})

/** The date of an instant in Beijing time. */
export function statutoryDate(instant: Date): string {
  return dateFormat.format(instant)
}

/** '2026-11-27 19:21:05' in Beijing time, for pages and logs read by people. */
export function formatInstant(instant: Date | string | null | undefined): string {
  if (!instant) return ''
  const d = typeof instant === 'string' ? new Date(instant) : instant
  return dateTimeFormat.format(d).replace(/\//g, '-')
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => statutoryDate(new Date()),
}

/** A clock that stands still (tests) and can be moved forward. */
export function fixedClock(start: Date | string): Clock & { advance(ms: number): void; set(d: Date | string): void } {
  let current = new Date(start)
  return {
    now: () => new Date(current),
    today: () => statutoryDate(current),
    advance(ms) { current = new Date(current.getTime() + ms) },
    set(d) { current = new Date(d) },
  }
}
