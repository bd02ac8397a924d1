/**
 * 索引号: generated from a per-publisher pattern, default `{unit code}/{yyyy}-{serial:05}` (the gov.cn
 * form, regulation.md §5.2); serials restart each year and are never reused.
 */
import type { Executor } from '../../database.ts'

export const DEFAULT_INDEX_PATTERN = '{unit}/{yyyy}-{serial:05}'

export function formatIndexNo(pattern: string, parts: { unit: string; year: number; month: number; serial: number }): string {
  return pattern
    .replace('{unit}', parts.unit)
    .replace('{yyyy}', String(parts.year))
    .replace('{mm}', String(parts.month).padStart(2, '0'))
    .replace(/\{serial(?::(\d+))?\}/, (_m, width: string | undefined) => String(parts.serial).padStart(Number(width ?? 1), '0'))
}

/** The next serial for a publisher and year, taken inside the caller's transaction (a row lock serialises takers). */
export async function takeSerial(trx: Executor, organisationId: number, year: number): Promise<number> {
  const row = await trx.insertInto('index_no_counters').values({ organisation_id: organisationId, year, last_serial: 1 })
    .onConflict((oc) => oc.columns(['organisation_id', 'year']).doUpdateSet((eb) => ({ last_serial: eb('index_no_counters.last_serial', '+', 1) })))
    .returning('last_serial').executeTakeFirstOrThrow()
  return row.last_serial
}
