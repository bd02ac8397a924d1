/**
 * 办理情况统计 in the back office: the 公开办 sees every channel and unit, unit staff their own unit's letters only.
 * Any range of receipt dates (with month, quarter and year shortcuts), each figure drilled down to its letters, and an
 * XLSX of the same table.
 */
import ExcelJS from 'exceljs'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { FieldMessage } from '../../platform/http/errors.ts'
import { fieldErrors } from '../../platform/http/forms.ts'
import { authorise, contextOf, listOrganisations, requireStaff, StaffPage, type Actor, type StaffDeps } from '../orgs/index.ts'
import { isMeasure, letterStatistics, statisticsCaseIds, type Measure, type StatisticsQuery, type StatisticsRow } from './letter-statistics.ts'
import { findCase, type LetterCase } from './letters.repository.ts'
import { CHANNEL_KEYS, CHANNELS, isChannel, SATISFACTION, SATISFACTION_KEYS, SUPERVISION_GRADE_KEYS, SUPERVISION_GRADES, type ChannelKey } from './rules/index.ts'
import { GROUP_LABELS, OversightStatisticsPage, StatisticsCasesPage, type OversightQuery } from './views/oversight-statistics-page.tsx'

const isoDate = (message: string) => z.string({ message }).regex(/^\d{4}-\d{2}-\d{2}$/, message).refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), message)
export const StatisticsQueryForm = z.object({
  from: isoDate('请填写开始日期，例如 2017-01-01'),
  to: isoDate('请填写结束日期，例如 2017-12-31'),
  channel: z.string().optional().default('').refine((v) => v === '' || isChannel(v), '请选择渠道'),
  unit: z.string().optional().default('').refine((v) => v === '' || v === 'none' || /^\d{1,9}$/.test(v), '请选择承办单位'),
  group: z.enum(['channel', 'unit', 'channel_unit']).optional().default('channel'),
}).refine((q) => q.from <= q.to, { path: ['to'], message: '结束日期不能早于开始日期' })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 10 * 366 * 86_400_000, { path: ['to'], message: '一次最多统计十年' })

const MEASURE_LABELS: Record<string, string> = {
  received: '收件', handled: '办结', carriedOver: '结转下期', carriedIn: '上期结转', carriedInHandled: '上期结转、本期办结', repliedOnTime: '按期答复', repliedLate: '超期答复',
  ...Object.fromEntries(SUPERVISION_GRADE_KEYS.map((g) => [`grade:${g}`, `监评${SUPERVISION_GRADES[g].label}`])),
  ...Object.fromEntries(SATISFACTION_KEYS.map((s) => [`rating:${s}`, `评价“${SATISFACTION[s].label}”`])),
}
const DRILL_PAGE = 50

function monthEnd(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10)
}

/** 本月, 上月, 本季度, 本年, 上年 and the seed's year, as receipt-date ranges. */
function presets(today: string): { label: string; from: string; to: string }[] {
  const y = Number(today.slice(0, 4))
  const m = Number(today.slice(5, 7))
  const q0 = Math.floor((m - 1) / 3) * 3
  const prev = m === 1 ? [y - 1, 12] : [y, m - 1]
  return [
    { label: '本月', from: `${today.slice(0, 7)}-01`, to: monthEnd(y, m) },
    { label: '上月', from: `${prev[0]}-${String(prev[1]).padStart(2, '0')}-01`, to: monthEnd(prev[0]!, prev[1]!) },
    { label: '本季度', from: `${y}-${String(q0 + 1).padStart(2, '0')}-01`, to: monthEnd(y, q0 + 3) },
    { label: '本年', from: `${y}-01-01`, to: `${y}-12-31` },
    { label: '上年', from: `${y - 1}-01-01`, to: `${y - 1}-12-31` },
    { label: '2017年（年报）', from: '2017-01-01', to: '2017-12-31' },
  ]
}

export async function lettersStatisticsRoutes(app: FastifyInstance, deps: StaffDeps): Promise<void> {
  const staff = requireStaff(deps)
  const ctx = (request: FastifyRequest) => contextOf(deps, request)
  const page = (request: FastifyRequest, reply: FastifyReply, title: string, body: preact.ComponentChildren, status = 200) =>
    reply.page(<StaffPage deps={deps} request={request} title={title}>{body}</StaffPage>, status)

  /** The 公开办 sees the region; unit staff their own unit (a unit filter is forced); anyone else: 403, audited. */
  async function scope(request: FastifyRequest): Promise<{ actor: Actor; office: boolean }> {
    const actor = request.actor!
    if (actor.roles.includes('disclosure_admin')) return { actor, office: true }
    if (actor.roles.some((r) => r === 'unit_editor' || r === 'unit_reviewer' || r === 'unit_head')) return { actor, office: false }
    await authorise(ctx(request), 'letters.manage')
    return { actor, office: true }
  }

  function parse(request: FastifyRequest, office: boolean, actor: Actor): { query: OversightQuery; errors?: FieldMessage[] } {
    const raw = request.query as Record<string, unknown>
    const today = deps.clock.today()
    const fallback: OversightQuery = { from: `${today.slice(0, 4)}-01-01`, to: today, channel: '', unit: office ? '' : String(actor.organisationId), group: office ? 'channel' : 'channel' }
    if (raw.from === undefined && raw.to === undefined) return { query: fallback }
    const form = StatisticsQueryForm.safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])))
    if (!form.success) return { query: { ...fallback, ...Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string')) as Partial<OversightQuery>, unit: office ? String(raw.unit ?? '') : fallback.unit }, errors: fieldErrors(form.error) }
    // A unit's view is its own unit, whatever the address says.
    return { query: { ...form.data, unit: office ? form.data.unit : String(actor.organisationId) } }
  }

  function statisticsQuery(regionId: number, q: OversightQuery): StatisticsQuery {
    return {
      regionId, from: q.from, to: q.to, ...(q.channel ? { channel: q.channel as ChannelKey } : {}), ...(/^\d+$/.test(q.unit) ? { unitId: Number(q.unit) } : {}),
      groupBy: q.group,
    }
  }

  async function unitNames(regionId: number) {
    const list = await listOrganisations(deps.db, regionId)
    return { names: new Map(list.map((o) => [o.id, o.shortName])), order: new Map(list.map((o, i) => [o.id, i])), options: list.filter((o) => o.kind !== 'region').map((o) => ({ value: String(o.id), label: o.shortName })) }
  }

  /** Rows in the units' usual order (never ranked by a figure). */
  async function rowsFor(regionId: number, q: OversightQuery): Promise<{ rows: StatisticsRow[]; names: Map<number, string>; options: { value: string; label: string }[] }> {
    const units = await unitNames(regionId)
    const rows = q.unit === 'none'
      ? (await letterStatistics(deps.db, statisticsQuery(regionId, { ...q, unit: '' }))).filter((r, i) => i === 0 || r.unitId === null)
      : await letterStatistics(deps.db, statisticsQuery(regionId, q))
    const channelOrder = (c: StatisticsRow['channel']) => (c === 'all' ? -1 : CHANNEL_KEYS.indexOf(c))
    const body = rows.slice(1).sort((a, b) => channelOrder(a.channel) - channelOrder(b.channel) || (units.order.get(a.unitId as number) ?? 1e9) - (units.order.get(b.unitId as number) ?? 1e9))
    return { rows: [rows[0]!, ...body], names: units.names, options: units.options }
  }

  app.get('/admin/letters/tongji', { preHandler: staff }, async (request, reply) => {
    const { actor, office } = await scope(request)
    const { query, errors } = parse(request, office, actor)
    const { rows, names, options } = errors ? { rows: [], names: new Map<number, string>(), options: (await unitNames(actor.regionId)).options } : await rowsFor(actor.regionId, query)
    return page(request, reply, '办理情况统计', <OversightStatisticsPage query={query} rows={rows} unitNames={names} unitOptions={options} office={office} presets={presets(deps.clock.today())} errors={errors} />, errors ? 400 : 200)
  })

  app.get('/admin/letters/tongji/xinjian', { preHandler: staff }, async (request, reply) => {
    const { actor, office } = await scope(request)
    const { query, errors } = parse(request, office, actor)
    const raw = request.query as Record<string, unknown>
    const measure = String(raw.measure ?? '')
    if (errors || !isMeasure(measure)) return reply.redirect(`/admin/letters/tongji`, 303)
    const row = { channel: (query.channel || 'all') as ChannelKey | 'all', unitId: query.unit === 'none' ? null : query.unit ? Number(query.unit) : 'all' as const }
    const sq = statisticsQuery(actor.regionId, { ...query, unit: office ? '' : query.unit })
    const ids = await statisticsCaseIds(deps.db, sq, row, measure as Measure)
    const pageNo = Math.max(1, Math.min(Math.ceil(ids.length / DRILL_PAGE) || 1, Number(raw.page ?? 1) || 1))
    const cases: LetterCase[] = []
    for (const id of ids.slice((pageNo - 1) * DRILL_PAGE, pageNo * DRILL_PAGE)) cases.push((await findCase(deps.db, id))!)
    const { names } = await unitNames(actor.regionId)
    const scopeLabel = [query.channel ? CHANNELS[query.channel as ChannelKey].label : '', query.unit === 'none' ? '未转办' : query.unit ? names.get(Number(query.unit)) ?? '' : ''].filter(Boolean).join(' · ')
    const title = `${scopeLabel ? `${scopeLabel}：` : ''}${MEASURE_LABELS[measure]}`
    return page(request, reply, title, <StatisticsCasesPage query={{ ...query, measure }} title={title} rows={cases} total={ids.length} page={pageNo} pageSize={DRILL_PAGE} unitNames={names} />)
  })

  app.get('/admin/letters/tongji.xlsx', { preHandler: staff }, async (request, reply) => {
    const { actor, office } = await scope(request)
    const { query, errors } = parse(request, office, actor)
    if (errors) return reply.redirect('/admin/letters/tongji', 303)
    const { rows, names } = await rowsFor(actor.regionId, query)
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('办理情况')
    sheet.addRow([`公众诉求办理情况统计（${query.from} 至 ${query.to}，${GROUP_LABELS[query.group]}）`])
    sheet.addRow(['渠道', '承办单位', '收件', '办结', '结转下期', '上期结转', '上期结转本期办结', '按期答复', '超期答复', ...SUPERVISION_GRADE_KEYS.map((g) => `监评${SUPERVISION_GRADES[g].label}`),
      ...SATISFACTION_KEYS.map((s) => SATISFACTION[s].label), '办理用时中位数（工作日）'])
    for (const r of [...rows.slice(1), rows[0]!]) {
      sheet.addRow([
        r.channel === 'all' ? '合计' : CHANNELS[r.channel].label, r.unitId === 'all' ? '' : r.unitId === null ? '未转办' : names.get(r.unitId) ?? '',
        r.received, r.handled, r.carriedOver, r.carriedIn, r.carriedInHandled, r.repliedOnTime, r.repliedLate, ...SUPERVISION_GRADE_KEYS.map((g) => r.supervision[g]),
        ...SATISFACTION_KEYS.map((s) => r.satisfaction[s]), r.medianWorkingDays ?? '',
      ])
    }
    const bytes = Buffer.from(await book.xlsx.writeBuffer())
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="letters-${query.from}-${query.to}.xlsx"`).send(bytes)
  })
}
