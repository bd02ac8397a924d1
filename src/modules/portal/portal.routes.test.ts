/** The public portal shell: every page answers in Chinese, with honest empty states. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, Client, html, text } from '../../../test/support/test-app.ts'
import { findOrganisationByCode } from '../orgs/index.ts'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'

let database: TestDatabase
let app: Awaited<ReturnType<typeof buildTestApp>>['app']

beforeAll(async () => {
  database = await openTestPglite()
  app = (await buildTestApp(database.db, { env: { SITE_ID_CODE: '5002340099', SITE_ICP: '渝ICP备99999999号' } })).app
})
afterAll(async () => {
  await app.close()
  await database.close()
})

const PAGES: [string, string][] = [
  ['/', '重庆市开州区人民政府'],
  ['/xxgk', '政府信息公开'],
  ['/xxgk/zhinan', '政府信息公开指南'],
  ['/xxgk/zhidu', '政府信息公开制度'],
  ['/xxgk/fdzdgknr', '法定主动公开内容'],
  ['/xxgk/nianbao', '政府信息公开工作年度报告'],
  ['/xxgk/ysqgk', '依申请公开'],
  ['/xxgk/jigou', '公开主体'],
  ['/hudong/qzxx', '区长信箱'],
  ['/search?q=国办发〔2019〕51号', '搜索'],
  ['/wza', '无障碍说明'],
  ['/sitemap', '网站地图'],
]

describe('portal shell', () => {
  for (const [url, heading] of PAGES) {
    it(`serves ${url} with its heading, the site identity and the navigation`, async () => {
      const res = await app.inject(encodeURI(url))
      expect(res.statusCode).toBe(200)
      const doc = html(res)
      expect(doc.querySelector('html')?.getAttribute('lang')).toBe('zh-CN')
      expect(doc.querySelectorAll('h1')).toHaveLength(1)
      expect(doc.querySelector('h1')?.text).toBe(heading)
      expect(text(res, 'footer')).toContain('网站标识码：5002340099')
      expect(text(res, 'footer')).toContain('渝ICP备99999999号')
      expect(doc.querySelector('meta[name="SiteIDCode"]')?.getAttribute('content')).toBe('5002340099')
      expect(doc.querySelectorAll('nav[aria-label="主导航"] a').map((a) => a.text)).toEqual(['首页', '政府信息公开', '公开指南', '公开制度', '法定主动公开内容', '公开年报', '依申请公开', '区长信箱'])
      expect(res.body).not.toMatch(/lorem|ipsum|TODO/i)
    })
  }

  it('shows the 公开办 contact from the organisation records in the guide', async () => {
    const res = await app.inject('/xxgk/zhinan')
    expect(text(res, 'main')).toContain('重庆市开州区人民政府办公室')
    expect(text(res, 'main')).toContain('023-52222196')
  })

  it('lists the statutory catalogue sections of 条例 第二十条 with an honest empty state', async () => {
    const res = await app.inject('/xxgk/fdzdgknr')
    const rows = html(res).querySelectorAll('tbody tr')
    expect(rows.length).toBe(17)
    expect(rows[0]!.text).toContain('规章和规范性文件')
    expect(rows[0]!.text).toContain('第二十条（一）')
    expect(rows[1]!.text).toContain('机构职能')
    expect(text(res, '.empty-state')).toContain('暂无已发布的信息')
  })

  it('lists the units that exist today: departments and the 40 镇乡街道, not the dissolved ones', async () => {
    const res = await app.inject('/xxgk/jigou')
    const body = text(res, 'main')
    expect(body).toContain('镇乡街道（40 个）')
    expect(body).toContain('重庆市开州区市场监督管理局')
    expect(body).not.toContain('重庆市开州区食品药品监督管理局')
  })

  it('keeps the page of a dissolved unit and points to its successor', async () => {
    const res = await app.inject('/xxgk/jigou/syjj')
    expect(res.statusCode).toBe(200)
    expect(text(res, '.notice')).toContain('本单位已于 2019-02-28 撤销')
    expect(res.body).toContain('href="/xxgk/jigou/scjgj"')
    const successor = await app.inject('/xxgk/jigou/scjgj')
    expect(text(successor, 'main')).toContain('重庆市开州区食品药品监督管理局')
  })

  it('escapes what a visitor types into the search box', async () => {
    const res = await app.inject(`/search?q=${encodeURIComponent('<script>alert(1)</script>')}`)
    expect(res.body).not.toContain('<script>alert(1)</script>')
    expect(res.body).toContain('&lt;script')
  })

  it('answers an unknown unit code with 404', async () => {
    expect((await app.inject('/xxgk/jigou/nope')).statusCode).toBe(404)
    expect((await app.inject('/xxgk/jigou/%3Cx%3E')).statusCode).toBe(404)
  })
})

describe('public page cache', () => {
  it('serves a public page again from the cache, per display mode', async () => {
    await app.inject('/xxgk/zhinan')
    const second = await app.inject('/xxgk/zhinan')
    expect(second.headers['x-page-cache']).toBe('hit')
    const elder = await app.inject({ url: '/xxgk/zhinan', cookies: { gk_display: 'elder' } })
    expect(elder.body).toContain('mode-elder')
    expect(second.body).toContain('mode-standard')
  })

  it('shows a change at once: the 公开办 updates its phone and the guide shows the new number', async () => {
    await app.inject('/xxgk/zhinan')
    const office = (await findOrganisationByCode(database.db, 'kzq-bgs'))!
    const client = new Client(app, '198.51.100.200')
    await client.signIn('gkb')
    await client.get(`/admin/organisations/${office.id}`)
    const res = await client.post(`/admin/organisations/${office.id}/profile`, { address: office.address, officeHours: office.officeHours, phone: '023-52299999', email: '', postcode: '405400' })
    expect(res.statusCode).toBe(303)
    const guide = await app.inject('/xxgk/zhinan')
    expect(guide.headers['x-page-cache']).toBeUndefined()
    expect(text(guide, 'main')).toContain('023-52299999')
  })

  it('never caches staff pages', async () => {
    const login = await app.inject('/admin/login')
    expect(login.headers['cache-control']).toBe('no-store')
  })
})
