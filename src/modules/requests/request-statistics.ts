/**
 * Statistics for the reports wing: table 三 (2021 and 2019 formats), table 四 and the 2014-era rows for a unit (or
 * several, or the region) and a year, computed by the rules (rules/statistics.ts) from each case's lifecycle state.
 * Every cell carries the ids of its cases (drill-down); carry-over to and from the adjacent years is part of the table.
 */
import type { Executor } from '../../database.ts'
import { currentCalendar, officialCalendar } from '../calendar/index.ts'
import {
  caseFactsOf, legacyRowsFor, table3For2019, table3For2021, table4For, type ApplicantCategory, type CaseFacts, type RequestCase as CaseState,
} from './rules/index.ts'

export interface StatisticsQuery {
  /** Undefined: every unit of the region. */
  organisationIds?: number[]
  year: number
}

/** The facts of the cases that may count in `year` (received up to its end; open or decided from its start). */
export async function caseFactsFor(db: Executor, query: StatisticsQuery): Promise<CaseFacts[]> {
  let q = db.selectFrom('request_cases').select(['id', 'applicant_type', 'rules_state'])
    .where('received_on', 'is not', null).where('received_on', '<=', `${query.year}-12-31`)
    .where((eb) => eb.or([eb('decided_on', 'is', null), eb('decided_on', '>=', `${query.year}-01-01`)]))
  if (query.organisationIds) q = q.where('organisation_id', 'in', query.organisationIds.length ? query.organisationIds : [-1])
  const calendar = (await currentCalendar(db))?.calendar ?? officialCalendar()
  const facts: CaseFacts[] = []
  for (const row of await q.orderBy('id').execute()) {
    const state = (typeof row.rules_state === 'string' ? JSON.parse(row.rules_state) : row.rules_state) as CaseState
    const f = caseFactsOf({ id: String(row.id), applicant: row.applicant_type as ApplicantCategory, state }, calendar)
    if (f) facts.push(f)
  }
  return facts
}

/** Every table of the year, each cell with its cases. */
export async function requestStatistics(db: Executor, query: StatisticsQuery) {
  const facts = await caseFactsFor(db, query)
  return {
    year: query.year,
    table3: table3For2021(facts, query.year),
    table3Format2019: table3For2019(facts, query.year),
    table4: table4For(facts, query.year),
    legacy: legacyRowsFor(facts, query.year),
  }
}
