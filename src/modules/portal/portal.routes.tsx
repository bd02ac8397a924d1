/** Public portal routes: the 政府信息公开 column shell. Reads the other wings through their index.ts. */
import type { FastifyInstance } from 'fastify'
import type { Db } from '../../database.ts'
import type { Clock } from '../../platform/clock.ts'
import QRCode from 'qrcode'
import { sendFile } from '../publishing/index.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { amendmentsOf, attachmentContent, attachmentsOf, countLiveBySection, emptySearchResult, targetsOf, diffVersions, listLiveItems, publicItem, searchLiveItems, sectionOf, formatTopic, isKnownTopic, loadTopicVocabulary, splitTopic, validityOn, VALIDITY_LABELS, type PublicFilter } from '../publishing/index.ts'
import { columnRoutes } from './column.routes.tsx'
import { CataloguePage as LiveCataloguePage, ItemList, PublicItemView, SearchResultsPage, VersionDiffPage } from './views/catalogue-pages.tsx'
import { currentRegion, findOrganisation, findOrganisationByCode, listOrganisations, successionsOf, type Organisation } from '../orgs/index.ts'
import {
  AccessibilityPage, DisclosureIndexPage, EmptyColumnPage, HomePage, RequestsPage, SitemapPage, UnitPage, UnitsPage,
} from './views/portal-pages.tsx'

export interface PortalDeps {
  db: Db
  clock: Clock
  /** The site's public base URL (QR codes of item pages). */
  publicUrl: string
}

const PUBLIC = { config: { publicCache: true } }

export async function portalRoutes(app: FastifyInstance, deps: PortalDeps): Promise<void> {
  async function unitNames(): Promise<Map<number, string>> {
    const region = await currentRegion(deps.db)
    return new Map((region ? await listOrganisations(deps.db, region.id) : []).map((o) => [o.id, o.name]))
  }

  async function disclosureOffice(): Promise<Organisation | undefined> {
    const region = await currentRegion(deps.db)
    if (!region) return undefined
    const list = await listOrganisations(deps.db, region.id, { on: deps.clock.today() })
    return list.find((o) => o.isDisclosureOffice)
  }

  app.get('/', PUBLIC, async (request, reply) => {
    const latest = await listLiveItems(deps.db, {}, { limit: 10, offset: 0 })
    return reply.page(<HomePage shell={request.shell} disclosureOffice={await disclosureOffice()} latest={latest.items.length ? <ItemList items={latest.items} unitNames={await unitNames()} /> : undefined} />)
  })
  app.get('/xxgk', PUBLIC, async (request, reply) => reply.page(<DisclosureIndexPage shell={request.shell} />))
  // 指南, 制度 and browsing 法定主动公开内容 by unit, 主题分类 and year.
  await columnRoutes(app, deps)
  app.get('/xxgk/fdzdgknr', PUBLIC, async (request, reply) => {
    const q = request.query as Record<string, unknown>
    const section = typeof q.section === 'string' && sectionOf(q.section) ? q.section : undefined
    const page = Math.max(1, Math.min(10_000, Number(q.page ?? 1) || 1))
    const pageSize = 20
    const { items, total } = await listLiveItems(deps.db, { section }, { limit: pageSize, offset: (page - 1) * pageSize })
    return reply.page(<LiveCataloguePage shell={request.shell} counts={await countLiveBySection(deps.db)} section={section} items={items} total={total} page={page} pageSize={pageSize} unitNames={await unitNames()} />)
  })
  app.get('/xxgk/xinxi/:id', PUBLIC, async (request, reply) => {
    const id = Number((request.params as { id: string }).id)
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError()
    const item = await publicItem(deps.db, id)
    if (!item) throw new NotFoundError()
    const unit = await findOrganisation(deps.db, item.organisationId)
    const today = deps.clock.today()
    let successor: { href: string; name: string } | undefined
    if (unit?.validTo && unit.validTo < today) {
      const { successors } = await successionsOf(deps.db, unit.id)
      const next = successors[0] ? await findOrganisation(deps.db, successors[0].successorId) : undefined
      if (next) successor = { href: `/xxgk/jigou/${next.code}`, name: next.name }
    }
    const qr = `data:image/svg+xml;base64,${Buffer.from(await QRCode.toString(`${deps.publicUrl}/xxgk/xinxi/${id}`, { type: 'svg', margin: 1 })).toString('base64')}`
    const amendments = await amendmentsOf(deps.db, id, today)
    // Repealed by a published document in force: 废止, whatever the stored validity said.
    const validity = amendments.some((a) => a.relation === 'repeals') ? 'repealed' : validityOn(item.live.validity, item.live.expiresOn, today)
    return reply.page(<PublicItemView shell={request.shell} page={item} unitName={unit?.name ?? ''} qrDataUri={qr} successor={successor} validity={validity}
      attachments={item.publicState === 'published' ? await attachmentsOf(deps.db, item.live.id) : []} amendments={amendments} targets={await targetsOf(deps.db, item.live.id)} />)
  })
  app.get('/xxgk/xinxi/:id/fujian/:attachmentId', async (request, reply) => {
    const params = request.params as { id: string; attachmentId: string }
    const id = Number(params.id)
    const attachmentId = Number(params.attachmentId)
    if (!Number.isSafeInteger(id) || id <= 0 || !Number.isSafeInteger(attachmentId) || attachmentId <= 0) throw new NotFoundError()
    const item = await publicItem(deps.db, id)
    // Only the live, not-withdrawn version's files are public.
    if (!item || item.publicState !== 'published') throw new NotFoundError()
    const file = await attachmentContent(deps.db, item.live.id, attachmentId)
    if (!file) throw new NotFoundError()
    return sendFile(reply, file)
  })
  app.get('/xxgk/xinxi/:id/diff', PUBLIC, async (request, reply) => {
    const id = Number((request.params as { id: string }).id)
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError()
    const item = await publicItem(deps.db, id)
    if (!item) throw new NotFoundError()
    const versions = item.versions.map((v) => v.versionNo!)
    const q = request.query as Record<string, unknown>
    const last = versions.at(-1)!
    const to = versions.includes(Number(q.to)) ? Number(q.to) : last
    const from = versions.includes(Number(q.from)) ? Number(q.from) : Math.max(1, to - 1)
    const older = item.versions.find((v) => v.versionNo === Math.min(from, to))!
    const newer = item.versions.find((v) => v.versionNo === Math.max(from, to))!
    return reply.page(<VersionDiffPage shell={request.shell} page={item} from={older.versionNo!} to={newer.versionNo!} diff={diffVersions(older, newer)} versions={versions} />)
  })
  app.get('/xxgk/nianbao', PUBLIC, async (request, reply) => reply.page(
    <EmptyColumnPage shell={request.shell} title="政府信息公开工作年度报告" intro="根据《条例》第四十九条、第五十条，全区和各单位每年 1 月 31 日前公布上一年度的政府信息公开工作年度报告。" empty="暂无在本平台发布的年度报告">
      年度报告由本平台根据办理记录生成并经审核后发布在这里。
    </EmptyColumnPage>,
  ))
  app.get('/xxgk/ysqgk', PUBLIC, async (request, reply) => reply.page(<RequestsPage shell={request.shell} disclosureOffice={await disclosureOffice()} />))
  app.get('/xxgk/jigou', PUBLIC, async (request, reply) => {
    const region = await currentRegion(deps.db)
    const units = region ? await listOrganisations(deps.db, region.id, { on: deps.clock.today() }) : []
    return reply.page(<UnitsPage shell={request.shell} units={units} />)
  })
  app.get('/xxgk/jigou/:code', PUBLIC, async (request, reply) => {
    const code = (request.params as { code: string }).code
    if (!/^[A-Za-z0-9-]{1,32}$/.test(code)) throw new NotFoundError()
    const unit = await findOrganisationByCode(deps.db, code)
    if (!unit) throw new NotFoundError()
    const { predecessors, successors } = await successionsOf(deps.db, unit.id)
    const withCode = async (list: typeof successors, key: 'successorId' | 'predecessorId') =>
      Promise.all(list.map(async (s) => ({ succession: s, code: (await findOrganisation(deps.db, s[key]))?.code ?? '' })))
    return reply.page(<UnitPage shell={request.shell} unit={unit} successors={await withCode(successors, 'successorId')} predecessors={await withCode(predecessors, 'predecessorId')} today={deps.clock.today()} />)
  })
  // /hudong/qzxx (区长信箱) is served by the letters module.
  app.get('/search', async (request, reply) => {
    const q = request.query as Record<string, unknown>
    const str = (k: string) => (typeof q[k] === 'string' ? (q[k] as string).trim() : '')
    const query = str('q').slice(0, 100)
    const page = Math.max(1, Math.min(500, Number(q.page ?? 1) || 1))
    const pageSize = 20
    const order = str('order') === 'date' ? 'date' : 'relevance'
    // Filters from facet links; unknown values are dropped rather than failing the search.
    const filters: Record<string, string> = {}
    const filter: PublicFilter = {}
    if (/^\d{1,9}$/.test(str('unit'))) { filter.organisationId = Number(str('unit')); filters.unit = str('unit') }
    if (sectionOf(str('section'))) { filter.section = str('section'); filters.section = str('section') }
    // 主题分类: `topic` is a first level, `subtopic` both levels (综合政务\政务公开).
    const topics = await loadTopicVocabulary(deps.db)
    if (str('topic') && !splitTopic(str('topic')).second && isKnownTopic(topics, str('topic'))) { filter.topic = str('topic'); filters.topic = str('topic') }
    if (splitTopic(str('subtopic')).second && isKnownTopic(topics, str('subtopic'))) { filter.subtopic = str('subtopic'); filters.subtopic = str('subtopic') }
    if (/^\d{4}$/.test(str('year'))) { filter.year = Number(str('year')); filters.year = str('year') }
    if (['in_force', 'expired', 'repealed'].includes(str('validity'))) { filter.validity = str('validity'); filters.validity = str('validity') }
    const names = await unitNames()
    const result = query
      ? await searchLiveItems(deps.db, query, filter, { limit: pageSize, offset: (page - 1) * pageSize }, order)
      : emptySearchResult()
    const facetLabel = (facet: string, value: string) => {
      if (facet === 'unit' || facet === 'organisation') return names.get(Number(value)) ?? value
      if (facet === 'section') return sectionOf(value)?.label ?? value
      if (facet === 'validity') return VALIDITY_LABELS[value as keyof typeof VALIDITY_LABELS] ?? value
      if (facet === 'year') return `${value} 年`
      if (facet === 'subtopic') return formatTopic(value)
      return value
    }
    return reply.page(<SearchResultsPage shell={request.shell} view={{ query, order, filters, page, pageSize, result, unitNames: names }} facetLabel={facetLabel} />)
  })
  app.get('/wza', PUBLIC, async (request, reply) => reply.page(<AccessibilityPage shell={request.shell} />))
  app.get('/sitemap', PUBLIC, async (request, reply) => reply.page(<SitemapPage shell={request.shell} />))
}
