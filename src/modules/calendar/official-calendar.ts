import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Calendar } from './calendar.ts'
import { calendarFromHolidayCn } from './holiday-cn.ts'

// The only file of the module that reads from disk: the shipped copy of holiday-cn (data/holiday-cn/PROVENANCE.md).
const DATA_DIR = fileURLToPath(new URL('./data/holiday-cn/', import.meta.url))
const YEAR_FILE = /^\d{4}\.json$/

/** Label of the shipped calendar version: dataset and upstream commit. */
export const OFFICIAL_CALENDAR_VERSION = 'holiday-cn@d4e53bf2143de9a85bbd0a916c6c4adac32b075f'

let cached: Calendar | undefined

/**
 * The national calendar shipped with the code (2007–2026 notices, 2020 after its COVID amendment), read once and
 * cached. Synchronous on purpose: about 20 small files, read at first use.
 */
export function officialCalendar(): Calendar {
  cached ??= calendarFromHolidayCn(readYearFiles(), OFFICIAL_CALENDAR_VERSION)
  return cached
}

function readYearFiles(): unknown[] {
  return readdirSync(DATA_DIR)
    .filter((name) => YEAR_FILE.test(name))
    .map((name) => JSON.parse(readFileSync(`${DATA_DIR}${name}`, 'utf8')) as unknown)
}
