/**
 * 主动公开 over HTTP: draft → privacy finding → fix → submit → a second person approves → published →
 * visible on the portal and in search (文号 in any bracket style) → new version → withdrawn with a banner.
 * Authorisation per role and unit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, html, staffClients, text } from '../../../test/support/test-app.ts'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'
import { idCheckChar } from './privacy/index.ts'

let database: TestDatabase
let app: Awaited<ReturnType<typeof buildTestApp>>['app']
const as = staffClients(() => app, '192.0.2.', 60)

// A synthetic 身份证号码 with a correct check character (never a real person's).
const first17 = '50023419880808123'
const ID_NUMBER = `${first17}${idCheckChar(first17)}`

const FORM = {
  title: '重庆市开州区发展和改革委员会关于做好2026年冬季天然气保供工作的通知',
  docNo: '开州发改发[2026]  88号',
  issuingBody: '',
  writtenOn: '2026-11-20',
  section: 'ghjh',
  topic: '国民经济管理、国有资产监管',
  genre: '通知',
  summary: '部署今冬明春天然气保供工作。',
  body: `各镇乡人民政府、街道办事处，区级有关部门：\n\n为做好今冬明春天然气保障供应工作，现将有关事项通知如下。联系人身份证号码 ${ID_NUMBER}。`,
  disclosure: 'proactive',
  disclosureBasis: '',
  validity: '',
  effectiveOn: '',
  expiresOn: '',
}

let itemId = 0

beforeAll(async () => {
  database = await openTestPglite()
  app = (await buildTestApp(database.db)).app
})
afterAll(async () => {
  await app.close()
  await database.close()
})

describe('the editorial workflow', () => {
  it('refuses an incomplete form with field messages and saves nothing', async () => {
    const editor = await as('fgw.editor')
    await editor.get('/admin/catalogue/new')
    const res = await editor.post('/admin/catalogue/new', { ...FORM, title: '', writtenOn: '2026-02-30', section: '', validity: '' })
    expect(res.statusCode).toBe(400)
    const summary = text(res, '.error-summary')
    expect(summary).toContain('请填写信息名称')
    expect(summary).toContain('这个日期不存在')
    expect(summary).toContain('请选择目录栏目')
    const count = await database.db.selectFrom('catalogue_items').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(0)
  })

  it('creates a draft with a generated 索引号 and a normalised 文号', async () => {
    const editor = await as('fgw.editor')
    await editor.get('/admin/catalogue/new')
    const res = await editor.post('/admin/catalogue/new', FORM)
    expect(res.statusCode).toBe(303)
    itemId = Number(/\/admin\/catalogue\/(\d+)/.exec(res.headers.location as string)![1])
    const page = await editor.get(`/admin/catalogue/${itemId}`)
    const main = text(page, 'main')
    expect(main).toContain('fgw/2026-00001')
    expect(main).toContain('开州发改发〔2026〕88号')
    expect(main).toContain('草稿')
  })

  it('refuses a second item with the same 文号 in the unit, pointing to the first', async () => {
    const editor = await as('fgw.editor')
    await editor.get('/admin/catalogue/new')
    const res = await editor.post('/admin/catalogue/new', { ...FORM, title: '另一条', docNo: '开州发改发（2026）88号' })
    expect(res.statusCode).toBe(409)
    expect(text(res, '.error-summary')).toContain(`/admin/catalogue/${itemId}`)
  })

  it('blocks submission while the privacy gate finds an ID number, showing it masked', async () => {
    const editor = await as('fgw.editor')
    await editor.get(`/admin/catalogue/${itemId}`)
    const res = await editor.post(`/admin/catalogue/${itemId}/submit`, {})
    expect(res.statusCode).toBe(400)
    const privacy = text(res, '.privacy')
    expect(privacy).toContain('正文')
    expect(privacy).toContain('身份证')
    // the finding is shown masked (the author still sees the draft itself to fix it)
    expect(privacy).not.toContain(ID_NUMBER)
    expect(privacy).toContain(`${ID_NUMBER.slice(0, 4)}**********${ID_NUMBER.slice(-4)}`)
    expect(text(res, 'main')).toContain('草稿')
  })

  it('submits once the number is removed; the submitter cannot approve it, a reviewer can', async () => {
    const editor = await as('fgw.editor')
    await editor.get(`/admin/catalogue/${itemId}/edit`)
    const fixed = await editor.post(`/admin/catalogue/${itemId}/edit`, { ...FORM, body: FORM.body.replace(`联系人身份证号码 ${ID_NUMBER}。`, '联系电话：023-52200000。') })
    expect(fixed.statusCode).toBe(303)
    await editor.get(`/admin/catalogue/${itemId}`)
    expect((await editor.post(`/admin/catalogue/${itemId}/submit`, {})).statusCode).toBe(303)
    // the editor has no approve button and a forged POST is refused
    const own = await editor.post(`/admin/catalogue/${itemId}/approve`, {})
    expect(own.statusCode).toBe(400)
    expect(text(own, '.error-summary')).toContain('只有本单位的审核人或负责人可以审核')
    const reviewer = await as('fgw.reviewer')
    await reviewer.get(`/admin/catalogue/${itemId}`)
    expect((await reviewer.post(`/admin/catalogue/${itemId}/approve`, {})).statusCode).toBe(303)
  })

  it('publishes: the portal shows the item with its metadata block', async () => {
    const reviewer = await as('fgw.reviewer')
    await reviewer.get(`/admin/catalogue/${itemId}`)
    expect((await reviewer.post(`/admin/catalogue/${itemId}/publish`, { publishAt: '' })).statusCode).toBe(303)
    const page = await app.inject(`/xxgk/xinxi/${itemId}`)
    expect(page.statusCode).toBe(200)
    const meta = text(page, '.meta-block')
    expect(meta).toContain('fgw/2026-00001')
    expect(meta).toContain('开州发改发〔2026〕88号')
    expect(meta).toContain('重庆市开州区发展和改革委员会')
    expect(meta).toContain('2026-11-20')
    expect(text(page, 'h1')).toBe(FORM.title)
    expect(page.body).toContain('data:image/svg+xml;base64,')
    const list = await app.inject('/xxgk/fdzdgknr?section=ghjh')
    expect(text(list, '.item-list')).toContain(FORM.title)
    expect(text(await app.inject('/'), 'main')).toContain(FORM.title)
  })

  it.each([['天然气保供'], ['开州发改发[2026]88号'], ['开州发改发〔2026〕88号'], ['开州发改发（2026）88号']])('finds it by searching %s', async (q) => {
    const res = await app.inject(`/search?q=${encodeURIComponent(q)}`)
    const first = html(res).querySelector('.item-list a')
    expect(first?.text).toBe(FORM.title)
  })

  it('shows highlighted snippets and facets that narrow the results without JavaScript', async () => {
    const res = await app.inject(`/search?q=${encodeURIComponent('天然气')}`)
    const doc = html(res)
    expect(doc.querySelector('.snippet mark')?.text).toBe('天然气')
    const sectionLinks = doc.querySelectorAll('nav[aria-label="按目录栏目筛选"] a')
    expect(sectionLinks.map((a) => a.text)).toContain('规划计划（1）')
    const narrowed = await app.inject(sectionLinks[0]!.getAttribute('href')!.replace(/&amp;/g, '&'))
    expect(text(narrowed, '.active-filters')).toContain('规划计划')
    const none = await app.inject(`/search?q=${encodeURIComponent('天然气')}&section=gwyzk`)
    expect(text(none, '.empty-state')).toContain('取消全部筛选')
  })

  it('offers near matches when no item has every word', async () => {
    const res = await app.inject(`/search?q=${encodeURIComponent('天然气 航天飞机')}`)
    expect(text(res, '.empty-state')).toContain('包含您输入的部分词语')
    expect(text(res, '.empty-state .item-list')).toContain('天然气')
  })

  it('answers a search without results with help, not a blank page', async () => {
    const res = await app.inject(`/search?q=${encodeURIComponent('不存在的关键词组合')}`)
    expect(text(res, '.empty-state')).toContain('请试试更短的关键词')
  })

  it('publishes a new version with a change note; the public sees both versions', async () => {
    const editor = await as('fgw.editor')
    await editor.get(`/admin/catalogue/${itemId}`)
    expect((await editor.post(`/admin/catalogue/${itemId}/new-edition`, {})).statusCode).toBe(303)
    await editor.get(`/admin/catalogue/${itemId}/edit`)
    const edited = await editor.post(`/admin/catalogue/${itemId}/edit`, { ...FORM, body: '各镇乡人民政府、街道办事处：\n\n补充：请于12月1日前报送保供方案。', changeKind: 'major', changeNote: '补充报送时间' })
    expect(edited.statusCode).toBe(303)
    // the live version is still the first until the revision is approved
    expect(text(await app.inject(`/xxgk/xinxi/${itemId}`), '.article-body')).toContain('天然气保障供应')
    await editor.post(`/admin/catalogue/${itemId}/submit`, {})
    const reviewer = await as('fgw.reviewer')
    await reviewer.get(`/admin/catalogue/${itemId}`)
    await reviewer.post(`/admin/catalogue/${itemId}/approve`, {})
    await reviewer.post(`/admin/catalogue/${itemId}/publish`, { publishAt: '' })
    const page = await app.inject(`/xxgk/xinxi/${itemId}`)
    expect(text(page, '.article-body')).toContain('12月1日前报送')
    const versions = html(page).querySelectorAll('.versions li').map((li) => li.text)
    expect(versions).toHaveLength(2)
    expect(versions[1]).toContain('补充报送时间')
    const diff = await app.inject(`/xxgk/xinxi/${itemId}/diff?from=1&to=2`)
    expect(diff.statusCode).toBe(200)
    const doc = html(diff)
    expect(doc.querySelectorAll('.diff-table del').length).toBeGreaterThan(0)
    expect(doc.querySelectorAll('.diff-table ins').length).toBeGreaterThan(0)
    const columns = (i: number) => doc.querySelectorAll('.diff-table tbody tr').map((tr) => tr.querySelectorAll('td')[i]!.text).join('')
    expect(columns(0)).toContain('天然气保障供应')
    expect(columns(1)).toContain('12月1日前报送')
    expect((await app.inject(`/xxgk/xinxi/${itemId}/diff?from=abc&to=999`)).statusCode).toBe(200)
  })

  it('withdraws with a public explanation: the page stays, with a banner, and leaves search', async () => {
    const editor = await as('fgw.editor')
    await editor.get(`/admin/catalogue/${itemId}`)
    expect((await editor.post(`/admin/catalogue/${itemId}/withdraw`, { kind: 'replaced', explanation: '请以新通知为准' })).statusCode).toBe(400)
    const reviewer = await as('fgw.reviewer')
    await reviewer.get(`/admin/catalogue/${itemId}`)
    const bad = await reviewer.post(`/admin/catalogue/${itemId}/withdraw`, { kind: 'replaced', explanation: '' })
    expect(text(bad, '.error-summary')).toContain('撤回原因')
    expect((await reviewer.post(`/admin/catalogue/${itemId}/withdraw`, { kind: 'replaced', explanation: '请以新通知为准' })).statusCode).toBe(303)
    const page = await app.inject(`/xxgk/xinxi/${itemId}`)
    expect(page.statusCode).toBe(200)
    expect(text(page, '.notice')).toContain('请以新通知为准')
    const search = await app.inject(`/search?q=${encodeURIComponent('天然气保供')}`)
    expect(html(search).querySelector('.item-list')).toBeNull()
  })

  it('lets a 单位负责人 force-publish with a reason; someone else reviews it afterwards', async () => {
    const head = await as('fgw.head')
    await head.get('/admin/catalogue/new')
    const created = await head.post('/admin/catalogue/new', { ...FORM, title: '紧急：区发展改革委关于暂停部分区域供气的公告', docNo: '', genre: '公告' , body: '因管道抢修，暂停供气。' })
    const id = Number(/(\d+)$/.exec(created.headers.location!.split('?')[0]!)![1])
    await head.get(`/admin/catalogue/${id}`)
    expect(text(await head.post(`/admin/catalogue/${id}/force-publish`, { forceReason: '' }), '.error-summary')).toContain('至少 4 个字')
    expect((await head.post(`/admin/catalogue/${id}/force-publish`, { forceReason: '抢修紧急，须立即告知群众' })).statusCode).toBe(303)
    expect((await app.inject(`/xxgk/xinxi/${id}`)).statusCode).toBe(200)
    expect(text(await head.get(`/admin/catalogue/${id}`), 'main')).toContain('尚待其他审核人补审')
    // the head cannot review their own force-publication
    expect((await head.post(`/admin/catalogue/${id}/approve-retrospectively`, {})).statusCode).toBe(400)
    const reviewer = await as('fgw.reviewer')
    await reviewer.get(`/admin/catalogue/${id}`)
    expect((await reviewer.post(`/admin/catalogue/${id}/approve-retrospectively`, {})).statusCode).toBe(303)
    expect(text(await reviewer.get(`/admin/catalogue/${id}`), 'main')).not.toContain('尚待其他审核人补审')
  })
})

describe('authorisation', () => {
  it('hides a unit’s items from another unit: list, page and every action', async () => {
    const other = await as('czj.editor')
    const list = await other.get('/admin/catalogue')
    expect(list.body).not.toContain(FORM.title)
    expect((await other.get(`/admin/catalogue/${itemId}`)).statusCode).toBe(404)
    for (const action of ['edit', 'submit', 'approve', 'publish', 'withdraw', 'new-edition', 'privacy-override']) {
      const res = await other.post(`/admin/catalogue/${itemId}/${action}`, { ...FORM, reason: 'x'.repeat(10), kind: 'replaced', explanation: 'x'.repeat(10), publishAt: '' })
      expect([403, 404], `${action}`).toContain(res.statusCode)
    }
  })

  it('lets the 公开办 see every unit’s items, read-only', async () => {
    const gkb = await as('gkb')
    const list = await gkb.get('/admin/catalogue')
    expect(list.statusCode).toBe(200)
    expect(text(list, 'main')).toContain('区发展改革委')
    const page = await gkb.get(`/admin/catalogue/${itemId}`)
    expect(page.statusCode).toBe(200)
    expect(html(page).querySelectorAll('form.action-form')).toHaveLength(0)
  })

  it.each([['auditor', 403], ['sysadmin', 403], ['fgw.admin', 403]])('keeps %s out of the catalogue (%i)', async (username, status) => {
    expect((await (await as(username)).get('/admin/catalogue')).statusCode).toBe(status)
  })
})

describe('feeds, sitemap and the read API', () => {
  it('lists published items in the Atom feed of the unit and of the section, and in sitemap.xml', async () => {
    const feed = await app.inject('/xxgk/feed.xml?unit=fgw')
    expect(feed.headers['content-type']).toContain('application/atom+xml')
    expect(feed.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"')
    expect(feed.body).toContain('紧急：区发展改革委关于暂停部分区域供气的公告')
    // the withdrawn item left the feed
    expect(feed.body).not.toContain('天然气保供工作的通知')
    const again = await app.inject('/xxgk/feed.xml?unit=fgw')
    expect(again.headers['content-type']).toContain('application/atom+xml')
    expect((await app.inject('/xxgk/feed.xml?unit=czj')).body).not.toContain('<entry>')
    expect((await app.inject('/xxgk/feed.xml?section=nope')).statusCode).toBe(404)
    const sitemap = await app.inject('/sitemap.xml')
    expect(sitemap.body).toContain('<urlset')
    expect(sitemap.body).toMatch(/\/xxgk\/xinxi\/\d+<\/loc><lastmod>\d{4}-\d{2}-\d{2}<\/lastmod>/)
  })

  it('answers GET /api/v1/items and /api/v1/items/{id} as described in the OpenAPI document', async () => {
    const list = (await app.inject('/api/v1/items?unit=fgw')).json()
    expect(list.total).toBeGreaterThan(0)
    const first = list.items[0]
    expect(first).toMatchObject({ indexNo: expect.stringMatching(/^fgw\/2026-\d{5}$/), section: 'ghjh' })
    const one = (await app.inject(`/api/v1/items/${first.id}`)).json()
    expect(one.title).toBe(first.title)
    expect(one.versions[0].version).toBe(1)
    const withdrawn = (await app.inject(`/api/v1/items/${itemId}`)).json()
    expect(withdrawn.state).toBe('withdrawn')
    expect(withdrawn.withdrawal.explanation).toBe('请以新通知为准')
    expect((await app.inject('/api/v1/items/999999')).statusCode).toBe(404)
    expect((await app.inject('/api/v1/items?pageSize=1000')).json().error.fields[0].field).toBe('pageSize')
    const openapi = (await app.inject('/api/v1/openapi.json')).json()
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/v1/items', '/api/v1/items/{id}', '/api/v1/calendar/due']))
    expect(Object.keys(openapi.components.schemas.ItemSummary.properties).sort()).toEqual(Object.keys(first).sort())
  })
})

describe('the privacy section', () => {
  it('disappears once the content that caused it is fixed', async () => {
    const editor = await as('fgw.editor')
    await editor.get('/admin/catalogue/new')
    const created = await editor.post('/admin/catalogue/new', { ...FORM, title: '隐私复查测试', docNo: '', body: `联系人手机 13800138000。` })
    const id = Number(/\/admin\/catalogue\/(\d+)/.exec(created.headers.location as string)![1])
    await editor.get(`/admin/catalogue/${id}`)
    const blocked = await editor.post(`/admin/catalogue/${id}/submit`, {})
    expect(text(blocked, '.privacy')).toContain('138****8000')
    await editor.get(`/admin/catalogue/${id}/edit`)
    await editor.post(`/admin/catalogue/${id}/edit`, { ...FORM, title: '隐私复查测试', docNo: '', body: '联系电话 023-52200000。' })
    const page = await editor.get(`/admin/catalogue/${id}`)
    expect(html(page).querySelector('.privacy')).toBeNull()
  })
})

describe('修改和废止', () => {
  it('marks a document repealed by a published document and links the two pages', async () => {
    const head = await as('fgw.head')
    const publish = async (form: Record<string, string>) => {
      await head.get('/admin/catalogue/new')
      const res = await head.post('/admin/catalogue/new', { ...FORM, docNo: '', body: '现予公布。', ...form })
      expect(res.statusCode, text(res, '.error-summary')).toBe(303)
      const id = Number(/\/admin\/catalogue\/(\d+)/.exec(res.headers.location as string)![1])
      await head.get(`/admin/catalogue/${id}`)
      expect((await head.post(`/admin/catalogue/${id}/force-publish`, { forceReason: '测试废止关系' })).statusCode).toBe(303)
      return id
    }
    const oldId = await publish({ title: '开州区价格监测办法（旧）', section: 'fggz', validity: 'in_force', writtenOn: '2020-03-02', effectiveOn: '2020-04-01' })
    const indexNo = /fgw\/2020-\d{5}/.exec(text(await head.get(`/admin/catalogue/${oldId}`), 'main'))![0]
    await head.get('/admin/catalogue/new')
    const unknown = await head.post('/admin/catalogue/new', { ...FORM, docNo: '', title: '新办法', section: 'fggz', validity: 'in_force', repeals: 'fgw/1999-00001' })
    expect(text(unknown, '.error-summary')).toContain('找不到索引号为“fgw/1999-00001”的信息')
    const newId = await publish({ title: '开州区价格监测办法', section: 'fggz', validity: 'in_force', effectiveOn: '2026-11-25', repeals: indexNo })
    const oldPage = await app.inject(`/xxgk/xinxi/${oldId}`)
    expect(text(oldPage, '.notice')).toContain('本文件已被《开州区价格监测办法》废止')
    expect(oldPage.body).toContain(`href="/xxgk/xinxi/${newId}"`)
    expect(text(oldPage, '.meta-block')).toContain('废止')
    const newPage = await app.inject(`/xxgk/xinxi/${newId}`)
    expect(text(newPage, 'main')).toContain('废止：《开州区价格监测办法（旧）》')
  })
})
