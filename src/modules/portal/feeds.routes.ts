/**
 * Machine-readable outputs of the catalogue: Atom feeds per unit and per section, sitemap.xml, and the read
 * API (GET /api/v1/items, /api/v1/items/{id}) described by OpenAPI at /api/v1/openapi.json.
 */
import type { FastifyInstance } from 'fastify'
import type { Db } from '../../database.ts'
import type { Clock } from '../../platform/clock.ts'
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.ts'
import { currentRegion, findOrganisationByCode, listOrganisations } from '../orgs/index.ts'
import { listLiveItems, publicItem, searchLiveItems, sectionOf, validityOn, CATALOGUE_SECTIONS, type PublicFilter } from '../publishing/index.ts'
import { OPENAPI } from './openapi.ts'

export interface FeedDeps {
  db: Db
  clock: Clock
  publicUrl: string
  siteName: string
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
}

export async function feedRoutes(app: FastifyInstance, deps: FeedDeps): Promise<void> {
  async function filterOf(query: Record<string, unknown>): Promise<PublicFilter & { label: string }> {
    const filter: PublicFilter & { label: string } = { label: '' }
    if (typeof query.unit === 'string' && query.unit) {
      const unit = /^[A-Za-z0-9-]{1,32}$/.test(query.unit) ? await findOrganisationByCode(deps.db, query.unit) : undefined
      if (!unit) throw new NotFoundError('没有这个单位')
      filter.organisationId = unit.id
      filter.label = unit.name
    }
    if (typeof query.section === 'string' && query.section) {
      const section = sectionOf(query.section)
      if (!section) throw new NotFoundError('没有这个目录栏目')
      filter.section = section.key
      filter.label = [filter.label, section.label].filter(Boolean).join(' · ')
    }
    if (typeof query.year === 'string' && query.year) {
      const year = Number(query.year)
      if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new InvalidInputError([{ field: 'year', message: '年份须是 1990 到 2100 之间的整数' }])
      filter.year = year
    }
    return filter
  }

  app.get('/xxgk/feed.xml', { config: { publicCache: true } }, async (request, reply) => {
    const filter = await filterOf(request.query as Record<string, unknown>)
    const { items } = await listLiveItems(deps.db, filter, { limit: 50, offset: 0 })
    const self = `${deps.publicUrl}${request.url}`
    const updated = (items[0]?.publishedAt ?? new Date(0)).toISOString()
    const entries = items.map((i) => `  <entry>
    <title>${xml(i.title)}</title>
    <link href="${xml(`${deps.publicUrl}/xxgk/xinxi/${i.itemId}`)}"/>
    <id>${xml(`${deps.publicUrl}/xxgk/xinxi/${i.itemId}`)}</id>
    <updated>${i.publishedAt.toISOString()}</updated>
    <summary>${xml([i.docNo, sectionOf(i.section)?.label].filter(Boolean).join(' · '))}</summary>
  </entry>`).join('\n')
    const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <title>${xml(`${deps.siteName} 政府信息公开${filter.label ? ` - ${filter.label}` : ''}`)}</title>
  <link rel="self" href="${xml(self)}"/>
  <link href="${xml(`${deps.publicUrl}/xxgk/fdzdgknr`)}"/>
  <id>${xml(self)}</id>
  <updated>${updated}</updated>
${entries}
</feed>
`
    return reply.type('application/atom+xml; charset=utf-8').send(body)
  })

  app.get('/sitemap.xml', { config: { publicCache: true } }, async (_request, reply) => {
    const fixed = ['/', '/xxgk', '/xxgk/zhinan', '/xxgk/zhidu', '/xxgk/fdzdgknr', '/xxgk/nianbao', '/xxgk/ysqgk', '/xxgk/jigou', '/hudong/qzxx', '/gongju/dqjs', '/wza', ...CATALOGUE_SECTIONS.map((s) => `/xxgk/fdzdgknr?section=${s.key}`),
      '/xxgk/fdzdgknr/danwei', '/xxgk/fdzdgknr/zhuti', '/xxgk/fdzdgknr/niandu']
    const region = await currentRegion(deps.db)
    const units = region ? await listOrganisations(deps.db, region.id) : []
    const urls: { loc: string; lastmod?: string }[] = [...fixed.map((p) => ({ loc: p })), ...units.map((u) => ({ loc: `/xxgk/jigou/${u.code}` })),
      ...units.flatMap((u) => [{ loc: `/xxgk/zhinan/${u.code}` }, { loc: `/xxgk/fdzdgknr/danwei/${u.code}` }])]
    // The sitemap protocol allows 50,000 URLs per file.
    const limit = 50_000 - urls.length
    for (let offset = 0; offset < limit; offset += 5000) {
      const { items } = await listLiveItems(deps.db, {}, { limit: Math.min(5000, limit - offset), offset })
      urls.push(...items.map((i) => ({ loc: `/xxgk/xinxi/${i.itemId}`, lastmod: i.publishedAt.toISOString().slice(0, 10) })))
      if (items.length < 5000) break
    }
    const body = `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `  <url><loc>${xml(deps.publicUrl + u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`).join('\n')}
</urlset>
`
    return reply.type('application/xml; charset=utf-8').send(body)
  })

  app.get('/api/v1/openapi.json', async () => OPENAPI)

  app.get('/api/v1/items', async (request) => {
    const query = request.query as Record<string, unknown>
    const filter = await filterOf(query)
    const page = Number(query.page ?? 1)
    const pageSize = Number(query.pageSize ?? 20)
    if (!Number.isInteger(page) || page < 1 || page > 10_000) throw new InvalidInputError([{ field: 'page', message: 'page 须是 1 到 10000 之间的整数' }])
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) throw new InvalidInputError([{ field: 'pageSize', message: 'pageSize 须是 1 到 100 之间的整数' }])
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 100) : ''
    const window = { limit: pageSize, offset: (page - 1) * pageSize }
    const result = q ? await searchLiveItems(deps.db, q, filter, window) : await listLiveItems(deps.db, filter, window)
    const today = deps.clock.today()
    return {
      page, pageSize, total: result.total,
      items: result.items.map((i) => ({
        id: i.itemId, indexNo: i.indexNo, title: i.title, docNo: i.docNo, section: i.section, topic: i.topic, year: i.year,
        validity: validityOn(i.validity, null, today), publishedAt: i.publishedAt.toISOString(), url: `${deps.publicUrl}/xxgk/xinxi/${i.itemId}`,
      })),
    }
  })

  app.get('/api/v1/items/:id', async (request) => {
    const id = Number((request.params as { id: string }).id)
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError()
    const item = await publicItem(deps.db, id)
    if (!item) throw new NotFoundError()
    const e = item.live
    return {
      id: item.itemId, indexNo: item.indexNo, organisationId: item.organisationId, state: item.publicState, title: e.title, docNo: e.docNo, issuingBody: e.issuingBody,
      writtenOn: e.writtenOn, firstPublishedAt: item.firstPublishedAt.toISOString(), topic: e.topic, genre: e.genre, section: e.section, summary: e.summary, bodyHtml: e.bodyHtml,
      validity: validityOn(e.validity, e.expiresOn, deps.clock.today()), effectiveOn: e.effectiveOn, expiresOn: e.expiresOn,
      withdrawal: item.publicState === 'withdrawn' ? { kind: e.withdrawalKind, explanation: e.withdrawalExplanation } : null,
      versions: item.versions.map((v) => ({ version: v.versionNo, publishedAt: v.publishedAt?.toISOString() ?? null, changeKind: v.changeKind, changeNote: v.changeNote })),
      url: `${deps.publicUrl}/xxgk/xinxi/${item.itemId}`,
    }
  })
}
