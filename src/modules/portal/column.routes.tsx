/**
 * The 政府信息公开专栏's columns beyond the catalogue table (国办公开办函〔2019〕61号): 指南 (region index and each unit's
 * generated guide), 制度, and browsing 法定主动公开内容 by unit, 主题分类 and year. Every page is public and cached.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Db } from '../../database.ts'
import type { Clock } from '../../platform/clock.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { buildUnitGuide, findDisclosureSettings, guideUpdateTimes, reviewBodyFor } from '../guide/index.ts'
import { currentRegion, findOrganisation, findOrganisationByCode, listOrganisations, successionsOf, type Organisation } from '../orgs/index.ts'
import { countLiveBy, countLiveBySection, listLiveItems, STATUTORY_SECTIONS, TOPICS, type PublicFilter } from '../publishing/index.ts'
import { statutoryDate } from '../../platform/clock.ts'
import { RulesPage, TopicBrowsePage, TopicsBrowsePage, UnitBrowsePage, UnitsBrowsePage, YearBrowsePage, YearsBrowsePage, type CountRow, type ListView } from './views/browse-pages.tsx'
import { browsePaths } from './views/browse-nav.tsx'
import { GuideIndexPage, UnitGuidePage } from './views/guide-pages.tsx'

const PUBLIC = { config: { publicCache: true } }
const PAGE_SIZE = 20
const TOWN_KINDS = ['town', 'subdistrict']

function pageOf(request: FastifyRequest): number {
  const raw = (request.query as Record<string, unknown>).page
  return Math.max(1, Math.min(10_000, Number(raw ?? 1) || 1))
}

function codeParam(request: FastifyRequest): string {
  const code = (request.params as { code: string }).code
  if (!/^[A-Za-z0-9-]{1,32}$/.test(code)) throw new NotFoundError()
  return code
}

export async function columnRoutes(app: FastifyInstance, deps: { db: Db; clock: Clock }): Promise<void> {
  async function allUnits(): Promise<Organisation[]> {
    const region = await currentRegion(deps.db)
    return region ? listOrganisations(deps.db, region.id) : []
  }
  const isCurrent = (u: Organisation, today: string) => u.validFrom <= today && (!u.validTo || u.validTo >= today)

  async function listView(filter: PublicFilter, page: number, href: (page: number) => string): Promise<ListView> {
    const { items, total } = await listLiveItems(deps.db, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
    return { items, total, page, pageSize: PAGE_SIZE, href, unitNames: new Map((await allUnits()).map((u) => [u.id, u.name])) }
  }

  // ── 政府信息公开指南 ────────────────────────────────────────────────
  app.get('/xxgk/zhinan', PUBLIC, async (request, reply) => {
    const today = deps.clock.today()
    const units = (await allUnits()).filter((u) => isCurrent(u, today))
    const updated = await guideUpdateTimes(deps.db)
    const rows = units.map((unit) => ({ unit, updatedOn: updated.has(unit.id) ? statutoryDate(updated.get(unit.id)!) : null }))
    return reply.page(<GuideIndexPage shell={request.shell} disclosureOffice={units.find((u) => u.isDisclosureOffice)} rows={rows} />)
  })

  app.get('/xxgk/zhinan/:code', PUBLIC, async (request, reply) => {
    const unit = await findOrganisationByCode(deps.db, codeParam(request))
    if (!unit) throw new NotFoundError()
    const today = deps.clock.today()
    const units = await allUnits()
    const supervisor = units.find((u) => u.isDisclosureOffice && isCurrent(u, today))
    const government = units.find((u) => u.kind === 'government' && isCurrent(u, today))
    const counts = await countLiveBySection(deps.db, { organisationId: unit.id })
    const sections = STATUTORY_SECTIONS.filter((s) => counts.get(s.key)).map((s) => ({ ...s, count: counts.get(s.key)!, href: browsePaths.unit(unit.code, s.key) }))
    const guide = buildUnitGuide({
      unit, settings: await findDisclosureSettings(deps.db, unit.id), sections,
      supervisor: supervisor && supervisor.id !== unit.id ? { name: supervisor.name, href: `/xxgk/zhinan/${supervisor.code}` } : undefined,
      reviewBody: reviewBodyFor(unit.kind, government?.name ?? '本级人民政府'),
      catalogueHref: browsePaths.unit(unit.code), requestsHref: '/xxgk/ysqgk',
    })
    let successor: { code: string; name: string } | undefined
    if (unit.validTo && unit.validTo < today) {
      const next = (await successionsOf(deps.db, unit.id)).successors[0]
      const found = next ? await findOrganisation(deps.db, next.successorId) : undefined
      if (found) successor = { code: found.code, name: found.name }
    }
    return reply.page(<UnitGuidePage shell={request.shell} unit={unit} guide={guide} successor={successor} today={today} />)
  })

  // ── 政府信息公开制度: catalogue items of the gkzd section ──────────────────
  app.get('/xxgk/zhidu', PUBLIC, async (request, reply) => {
    return reply.page(<RulesPage shell={request.shell} view={await listView({ section: 'gkzd' }, pageOf(request), (p) => browsePaths.rules(p))} />)
  })

  // ── 法定主动公开内容 by unit ─────────────────────────────────────────
  app.get('/xxgk/fdzdgknr/danwei', PUBLIC, async (request, reply) => {
    const today = deps.clock.today()
    const counts = new Map((await countLiveBy(deps.db, 'organisation', { statutoryOnly: true })).map((f) => [Number(f.value), f.count]))
    const units = await allUnits()
    const row = (u: Organisation): CountRow => ({ href: browsePaths.unit(u.code), label: u.name, count: counts.get(u.id) ?? 0 })
    const current = units.filter((u) => isCurrent(u, today))
    return reply.page(<UnitsBrowsePage shell={request.shell} groups={[
      { label: '区政府及部门', rows: current.filter((u) => !TOWN_KINDS.includes(u.kind)).map(row) },
      { label: '镇乡街道', rows: current.filter((u) => TOWN_KINDS.includes(u.kind)).map(row) },
      // A dissolved body's information stays public under its own name (机构改革).
      { label: '已撤销的单位', rows: units.filter((u) => !isCurrent(u, today) && counts.get(u.id)).map((u) => ({ ...row(u), note: '已撤销' })) },
    ]} />)
  })

  app.get('/xxgk/fdzdgknr/danwei/:code', PUBLIC, async (request, reply) => {
    const unit = await findOrganisationByCode(deps.db, codeParam(request))
    if (!unit) throw new NotFoundError()
    const lanmu = (request.query as Record<string, unknown>).lanmu
    const section = typeof lanmu === 'string' ? STATUTORY_SECTIONS.find((s) => s.key === lanmu) : undefined
    const counts = await countLiveBySection(deps.db, { organisationId: unit.id })
    const sections = STATUTORY_SECTIONS.filter((s) => counts.get(s.key)).map((s) => ({ ...s, count: counts.get(s.key)! }))
    const view = await listView({ organisationId: unit.id, statutoryOnly: true, section: section?.key }, pageOf(request), (p) => browsePaths.unit(unit.code, section?.key, p))
    const today = deps.clock.today()
    return reply.page(<UnitBrowsePage shell={request.shell} unit={unit} sections={sections} section={section} view={view} dissolvedOn={unit.validTo && unit.validTo < today ? unit.validTo : undefined} />)
  })

  // ── by 主题分类 (first level; '综合政务\政务公开' counts under 综合政务) ─────────
  app.get('/xxgk/fdzdgknr/zhuti', PUBLIC, async (request, reply) => {
    const counts = new Map((await countLiveBy(deps.db, 'topicGroup', { statutoryOnly: true })).map((f) => [f.value, f.count]))
    const rows = TOPICS.map((t) => ({ href: browsePaths.topic(t), label: t, count: counts.get(t) ?? 0 }))
    return reply.page(<TopicsBrowsePage shell={request.shell} rows={rows} />)
  })

  app.get('/xxgk/fdzdgknr/zhuti/:topic', PUBLIC, async (request, reply) => {
    const topic = (request.params as { topic: string }).topic
    if (!TOPICS.includes(topic)) throw new NotFoundError()
    const view = await listView({ topicGroup: topic, statutoryOnly: true }, pageOf(request), (p) => browsePaths.topic(topic, p))
    return reply.page(<TopicBrowsePage shell={request.shell} topic={topic} view={view} />)
  })

  // ── by 成文年份 ───────────────────────────────────────────────────────
  app.get('/xxgk/fdzdgknr/niandu', PUBLIC, async (request, reply) => {
    const years = await countLiveBy(deps.db, 'year', { statutoryOnly: true })
    return reply.page(<YearsBrowsePage shell={request.shell} rows={years.map((y) => ({ href: browsePaths.year(Number(y.value)), label: `${y.value} 年`, count: y.count }))} />)
  })

  app.get('/xxgk/fdzdgknr/niandu/:year', PUBLIC, async (request, reply) => {
    const raw = (request.params as { year: string }).year
    const year = Number(raw)
    if (!/^\d{4}$/.test(raw) || year < 1949 || year > Number(deps.clock.today().slice(0, 4)) + 1) throw new NotFoundError()
    const view = await listView({ year, statutoryOnly: true }, pageOf(request), (p) => browsePaths.year(year, p))
    return reply.page(<YearBrowsePage shell={request.shell} year={year} view={view} />)
  })
}
