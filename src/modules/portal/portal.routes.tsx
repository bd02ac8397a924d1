/** Public portal routes: the 政府信息公开 column shell. Reads the other wings through their index.ts. */
import type { FastifyInstance } from 'fastify'
import type { Db } from '../../database.ts'
import type { Clock } from '../../platform/clock.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { currentRegion, findOrganisation, findOrganisationByCode, listOrganisations, successionsOf, type Organisation } from '../orgs/index.ts'
import {
  AccessibilityPage, CataloguePage, DisclosureIndexPage, EmptyColumnPage, GuidePage, HomePage, RequestsPage, SearchPage, SitemapPage, UnitPage, UnitsPage,
} from './views/portal-pages.tsx'

export interface PortalDeps {
  db: Db
  clock: Clock
}

const PUBLIC = { config: { publicCache: true } }

export async function portalRoutes(app: FastifyInstance, deps: PortalDeps): Promise<void> {
  async function disclosureOffice(): Promise<Organisation | undefined> {
    const region = await currentRegion(deps.db)
    if (!region) return undefined
    const list = await listOrganisations(deps.db, region.id, { on: deps.clock.today() })
    return list.find((o) => o.isDisclosureOffice)
  }

  app.get('/', PUBLIC, async (request, reply) => reply.page(<HomePage shell={request.shell} disclosureOffice={await disclosureOffice()} />))
  app.get('/xxgk', PUBLIC, async (request, reply) => reply.page(<DisclosureIndexPage shell={request.shell} />))
  app.get('/xxgk/zhinan', PUBLIC, async (request, reply) => reply.page(<GuidePage shell={request.shell} disclosureOffice={await disclosureOffice()} />))
  app.get('/xxgk/zhidu', PUBLIC, async (request, reply) => reply.page(
    <EmptyColumnPage shell={request.shell} title="政府信息公开制度" intro="本栏目发布本区政府信息公开的工作制度，如主动公开、依申请公开、保密审查、监督考核等制度。" empty="暂无已发布的制度文件">
      制度文件由区政府办公室通过本平台发布后显示在这里。
    </EmptyColumnPage>,
  ))
  app.get('/xxgk/fdzdgknr', PUBLIC, async (request, reply) => reply.page(<CataloguePage shell={request.shell} />))
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
  app.get('/hudong/qzxx', PUBLIC, async (request, reply) => reply.page(
    <EmptyColumnPage shell={request.shell} title="区长信箱" intro="区长信箱受理对本区政府工作的咨询、求助、投诉和建议。" empty="网上写信功能正在建设中">
      <p>在此之前，您可以拨打区长公开电话 {request.shell.site.contact} 反映问题。信访事项请依照《信访工作条例》向信访部门提出。</p>
    </EmptyColumnPage>,
  ))
  app.get('/search', async (request, reply) => {
    const raw = (request.query as Record<string, unknown>).q
    const query = typeof raw === 'string' ? raw.trim().slice(0, 100) : ''
    return reply.page(<SearchPage shell={request.shell} query={query} />)
  })
  app.get('/wza', PUBLIC, async (request, reply) => reply.page(<AccessibilityPage shell={request.shell} />))
  app.get('/sitemap', PUBLIC, async (request, reply) => reply.page(<SitemapPage shell={request.shell} />))
}
