/**
 * 依申请公开统计 in the back office: the tables of a year for the actor's unit (a unit's staff) or for any unit or the
 * whole region (the 公开办), and the drill-down from each number to exactly its cases.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ComponentChildren } from 'preact'
import { NotFoundError } from '../../platform/http/errors.ts'
import { contextOf, listOrganisations, recordAudit, requireStaff, StaffPage } from '../orgs/index.ts'
import { authoriseCase } from './authorise-case.ts'
import { requestStatistics } from './request-statistics.ts'
import { statisticsWorkbook } from './statistics-workbook.ts'
import { canOnCase, isDisclosureOffice } from './requests.policy.ts'
import type { StaffDeps } from '../orgs/index.ts'

type RequestsDeps = StaffDeps & { identityKey: string }
import {
  APPLICANT_CATEGORIES, CASE_STATUS_LABELS, checkLegacyRows, checkTable3, checkTable4, DISPOSITIONS, LEGACY_ROW_LABELS, RECEIPT_CHANNELS, REMEDY_OUTCOMES,
  TABLE3_COLUMN_LABELS, TABLE3_LAYOUT_2019, TABLE3_LAYOUT_2021, TABLE4_BLOCKS, tableNumbers, type CaseStatus, type Cell, type LegacyRowKey,
} from './rules/index.ts'
import {
  CARRY_ROWS, DrillPage, STATISTICS_TABLE_TITLES, STATISTICS_TABLES, StatisticsPage, table3LineLabel, type CarryRow, type StatisticsTable, type StatisticsView,
} from './views/statistics-page.tsx'

const intersect = (a: Cell, b: Cell): Cell => {
  const keep = new Set(b.caseIds)
  const ids = a.caseIds.filter((id) => keep.has(id))
  return { count: ids.length, caseIds: ids }
}

export async function statisticsRoutes(app: FastifyInstance, deps: RequestsDeps): Promise<void> {
  const staff = requireStaff(deps)
  const page = (request: FastifyRequest, reply: FastifyReply, title: string, body: ComponentChildren, status = 200) =>
    reply.page(<StaffPage deps={deps} request={request} title={title}>{body}</StaffPage>, status)

  /**
   * The year and the unit of the query, as far as this actor may see them. A unit's staff see their own unit; asking
   * for another unit is refused as not found and audited (the 公开办 may pick any unit, or 全区).
   */
  async function scope(request: FastifyRequest) {
    const ctx = { ...contextOf(deps, request), identityKey: deps.identityKey }
    await authoriseCase(ctx, 'list')
    const actor = request.actor!
    const q = request.query as Record<string, unknown>
    const thisYear = Number(deps.clock.today().slice(0, 4))
    const year = /^\d{4}$/.test(String(q.year ?? '')) && Number(q.year) >= 2008 && Number(q.year) <= thisYear + 1 ? Number(q.year) : thisYear
    const regionWide = isDisclosureOffice(actor)
    const orgs = await listOrganisations(deps.db, actor.regionId)
    const asked = q.unit === undefined || q.unit === '' ? undefined : String(q.unit)
    let unitId: string
    if (regionWide) unitId = asked && orgs.some((o) => String(o.id) === asked) ? asked : 'all'
    else {
      if (asked !== undefined && asked !== String(actor.organisationId)) {
        const target = orgs.find((o) => String(o.id) === asked)
        if (!target || !canOnCase(actor, 'list', target.id)) {
          await recordAudit(deps.db, {
            actorUserId: actor.userId, actorUsername: actor.username, organisationId: actor.organisationId, action: 'request.statistics', outcome: 'denied',
            targetType: 'organisation', targetId: asked.slice(0, 20), ip: request.ip,
          }, deps.clock.now())
          throw new NotFoundError()
        }
      }
      unitId = String(actor.organisationId)
    }
    const organisationIds = unitId === 'all' ? undefined : [Number(unitId)]
    const unitName = unitId === 'all' ? '全区' : orgs.find((o) => String(o.id) === unitId)?.name ?? ''
    const unitOptions = regionWide
      ? [{ value: 'all', label: '全区（各单位合计）' }, ...orgs.filter((o) => !o.validTo || o.id === Number(unitId)).map((o) => ({ value: String(o.id), label: o.name }))]
      : [{ value: unitId, label: actor.organisationName }]
    return { year, unitId, unitName, unitOptions, organisationIds, thisYear, orgs }
  }

  async function statisticsView(s: Awaited<ReturnType<typeof scope>>): Promise<StatisticsView> {
    const stats = await requestStatistics(deps.db, { year: s.year, organisationIds: s.organisationIds })
    const previous = await requestStatistics(deps.db, { year: s.year - 1, organisationIds: s.organisationIds })
    const t3 = stats.table3.table
    const carry: Record<CarryRow, Cell> = {
      carried_over: t3.carried_over.total,
      previous_forward: previous.table3.table.carried_forward.total,
      carried_over_decided: intersect(t3.carried_over.total, t3.total_processed.total),
      carried_over_open: intersect(t3.carried_over.total, t3.carried_forward.total),
      carried_forward: t3.carried_forward.total,
    }
    const legacyNumbers = Object.fromEntries(Object.entries(stats.legacy.rows).map(([k, c]) => [k, c.count])) as Record<LegacyRowKey, number>
    return {
      year: s.year, unitId: s.unitId, unitName: s.unitName, unitOptions: s.unitOptions,
      yearOptions: Array.from({ length: s.thisYear + 1 - 2008 + 1 }, (_, i) => s.thisYear + 1 - i),
      table2021: t3 as unknown as Record<string, Record<string, Cell>>,
      table2019: stats.table3Format2019.table as unknown as Record<string, Record<string, Cell>>,
      table4: stats.table4.table as unknown as Record<string, Record<string, Cell>>,
      legacy: stats.legacy.rows as unknown as Record<string, Cell>,
      carry,
      problems: [
        ...checkTable3(tableNumbers(t3), '2021', tableNumbers(previous.table3.table)),
        ...checkTable3(tableNumbers(stats.table3Format2019.table), '2019'),
        ...checkTable4(tableNumbers(stats.table4.table)),
        ...checkLegacyRows(legacyNumbers),
      ],
      rejected: [...stats.table3.rejected],
    }
  }

  app.get('/admin/requests/tongji', { preHandler: staff }, async (request, reply) => {
    const s = await scope(request)
    return page(request, reply, '依申请公开统计', <StatisticsPage view={await statisticsView(s)} />)
  })

  app.get('/admin/requests/tongji.xlsx', { preHandler: staff }, async (request, reply) => {
    const view = await statisticsView(await scope(request))
    const name = `依申请公开统计-${view.unitName}-${view.year}.xlsx`
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="statistics-${view.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(await statisticsWorkbook(view))
  })

  // 下钻: the cases of one number; the list is exactly the cell's cases, so its length is the number.
  app.get('/admin/requests/tongji/anjian', { preHandler: staff }, async (request, reply) => {
    const s = await scope(request)
    const q = request.query as Record<string, unknown>
    const table = String(q.table ?? '') as StatisticsTable
    const row = String(q.row ?? '')
    const col = String(q.col ?? 'total')
    if (!STATISTICS_TABLES.includes(table)) throw new NotFoundError()
    const view = await statisticsView(s)
    const source: Record<string, Record<string, Cell> | Cell> = table === '2021' ? view.table2021 : table === '2019' ? view.table2019 : table === '4' ? view.table4 : table === '2014' ? view.legacy : view.carry
    const entry = Object.hasOwn(source, row) ? source[row] : undefined
    // A carry-over line is one cell (column 总计); a table row is a record of cells by column.
    const cell = !entry ? undefined : 'caseIds' in entry ? (col === 'total' ? (entry as Cell) : undefined) : Object.hasOwn(entry, col) ? (entry as Record<string, Cell>)[col] : undefined
    if (!cell) throw new NotFoundError()
    const rowLabel = table === '2021' ? table3LineLabel(TABLE3_LAYOUT_2021, row) : table === '2019' ? table3LineLabel(TABLE3_LAYOUT_2019, row)
      : table === '4' ? TABLE4_BLOCKS[row as keyof typeof TABLE4_BLOCKS] : table === '2014' ? LEGACY_ROW_LABELS[row as LegacyRowKey] : CARRY_ROWS[row as CarryRow]
    const colLabel = table === '2021' || table === '2019' ? TABLE3_COLUMN_LABELS[col as keyof typeof TABLE3_COLUMN_LABELS] : table === '4' ? (col === 'total' ? '总计' : REMEDY_OUTCOMES[col as keyof typeof REMEDY_OUTCOMES]) : ''
    const ids = cell.caseIds.map(Number)
    let q2 = deps.db.selectFrom('request_cases').select(['id', 'organisation_id', 'received_on', 'channel', 'applicant_type', 'decided_on', 'disposition', 'state']).where('id', 'in', ids.length ? ids : [-1])
    if (s.organisationIds) q2 = q2.where('organisation_id', 'in', s.organisationIds)
    const rows = await q2.orderBy('received_on').orderBy('id').execute()
    const names = new Map(s.orgs.map((o) => [o.id, o.shortName || o.name]))
    const when = `${s.year} 年`
    const previousYear = row === 'previous_forward' ? `（${s.year - 1} 年）` : ''
    return page(request, reply, '统计数字对应的申请', <DrillPage view={{
      backHref: `/admin/requests/tongji?year=${s.year}&unit=${s.unitId}`,
      title: `${s.unitName} ${when} ${STATISTICS_TABLE_TITLES[table]}：${rowLabel}${previousYear}${colLabel ? ` · ${colLabel}` : ''}`,
      count: cell.count,
      cases: rows.map((r) => ({
        id: r.id, unitName: names.get(r.organisation_id) ?? '', receivedOn: r.received_on ?? '', decidedOn: r.decided_on ?? '',
        channel: RECEIPT_CHANNELS.find((c) => c.code === r.channel)?.label ?? r.channel,
        applicant: APPLICANT_CATEGORIES.find((c) => c.code === r.applicant_type)?.label ?? r.applicant_type,
        disposition: DISPOSITIONS.find((d) => d.code === r.disposition)?.label ?? '',
        status: CASE_STATUS_LABELS[r.state as CaseStatus] ?? r.state,
      })),
    }} />)
  })
}
