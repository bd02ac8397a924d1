/**
 * The catalogue's settings over HTTP, on PGlite and PostgreSQL: 主题分类 (two levels, extendable by the 公开办), the
 * 敏感词表 the privacy gate uses, and each unit's 索引号规则 — with authorisation per role and unit, Chinese field
 * messages that change nothing, and an audit row for every change.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import { buildTestApp, html, staffClients, text } from '../../../test/support/test-app.ts'
import { describeEachDatabase } from '../../../test/support/test-database.ts'
import { DEFAULT_SENSITIVE_WORDS } from './privacy/index.ts'
import { sensitiveWordsInForce } from './manage-sensitive-words.ts'

const FORM = {
  title: '重庆市开州区发展和改革委员会关于开展2026年度乡村振兴项目申报工作的通知',
  docNo: '',
  issuingBody: '',
  writtenOn: '2026-11-20',
  section: 'ghjh',
  topic: '综合政务\\政务公开',
  genre: '通知',
  summary: '部署乡村振兴项目申报。',
  body: '各镇乡人民政府、街道办事处：\n\n现将乡村振兴项目申报有关事项通知如下。',
  disclosure: 'proactive',
  disclosureBasis: '',
  validity: '',
  effectiveOn: '',
  expiresOn: '',
}

describeEachDatabase('catalogue settings', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>['app']
  const as = staffClients(() => app, '198.51.100.', 30)
  const db = () => database().db
  const audits = async (action: string) => (await db().selectFrom('audit_log').select(['action', 'outcome', 'actor_username', 'details']).where('action', '=', action).execute())

  beforeAll(async () => {
    app = (await buildTestApp(db())).app
  })
  afterAll(async () => app?.close())

  async function createItem(username: string, form: Record<string, string>) {
    const editor = await as(username)
    await editor.get('/admin/catalogue/new')
    const res = await editor.post('/admin/catalogue/new', form)
    return { res, id: Number(/\/admin\/catalogue\/(\d+)/.exec(String(res.headers.location ?? ''))?.[1] ?? 0) }
  }

  describe('主题分类', () => {
    it('offers the two-level scheme grouped by first level and stores a two-level value', async () => {
      const editor = await as('fgw.editor')
      const form = html(await editor.get('/admin/catalogue/new'))
      const groups = form.querySelectorAll('select[name="topic"] optgroup')
      expect(groups.length).toBe(22)
      const general = groups.find((g) => g.getAttribute('label') === '综合政务')!
      expect(general.querySelectorAll('option').map((o) => [o.getAttribute('value'), o.text])).toContainEqual(['综合政务\\政务公开', '政务公开'])
      expect(general.querySelector('option')!.getAttribute('value')).toBe('综合政务')
      const { res, id } = await createItem('fgw.editor', FORM)
      expect(res.statusCode).toBe(303)
      const page = await editor.get(`/admin/catalogue/${id}`)
      expect(text(page, '.summary-list')).toContain('综合政务 > 政务公开')
      const stored = await db().selectFrom('catalogue_editions').select('topic').where('item_id', '=', id).executeTakeFirstOrThrow()
      expect(stored.topic).toBe('综合政务\\政务公开')
    })

    it('keeps a first-level value valid and refuses a second level that does not exist', async () => {
      const first = await createItem('fgw.editor', { ...FORM, title: '只有一级分类的信息', topic: '综合政务' })
      expect(first.res.statusCode).toBe(303)
      const wrong = await createItem('fgw.editor', { ...FORM, title: '分类不存在的信息', topic: '综合政务\\天气预报' })
      expect(wrong.res.statusCode).toBe(400)
      expect(text(wrong.res, '.error-summary')).toContain('请选择主题分类')
    })

    it.each([['fgw.editor'], ['fgw.admin'], ['secadmin'], ['auditor']])('refuses the topic page to %s (403, audited)', async (username) => {
      const client = await as(username)
      expect((await client.get('/admin/catalogue/settings/topics')).statusCode).toBe(403)
      await client.get('/admin')
      const post = await client.post('/admin/catalogue/settings/topics/second', { first: '综合政务', second: '越权添加', note: '' })
      expect(post.statusCode).toBe(403)
      expect((await audits('catalogue.topics.manage')).filter((a) => a.actor_username === username && a.outcome === 'denied').length).toBeGreaterThanOrEqual(2)
      expect(await db().selectFrom('catalogue_topics').selectAll().where('second_level', '=', '越权添加').execute()).toEqual([])
    })

    it.each([
      [{ first: '', second: '乡村振兴' }, '请选择二级分类所属的一级分类'],
      [{ first: '农业、林业、水利', second: '' }, '请填写二级分类的名称'],
      [{ first: '农业、林业、水利', second: '乡村\\振兴' }, '分类名称中不能有反斜杠'],
      [{ first: '农业、林业、水利', second: '很'.repeat(41) }, '分类名称不能超过 40 个字'],
      [{ first: '科技、教育', second: '科技' }, '“科技”已在内置的主题分类表中'],
      [{ first: '没有这个一级分类', second: '乡村振兴' }, '请选择二级分类所属的一级分类'],
    ])('refuses %o with a field message and adds nothing', async (input, message) => {
      const gkb = await as('gkb')
      await gkb.get('/admin/catalogue/settings/topics')
      const res = await gkb.post('/admin/catalogue/settings/topics/second', { ...input, note: '' })
      expect(res.statusCode).toBe(400)
      expect(text(res, '.error-summary')).toContain(message)
      expect(await db().selectFrom('catalogue_topics').selectAll().execute()).toEqual([])
    })

    it('lets the 公开办 add a second level that editors can then choose; in use, it cannot be removed', async () => {
      const gkb = await as('gkb')
      await gkb.get('/admin/catalogue/settings/topics')
      const added = await gkb.post('/admin/catalogue/settings/topics/second', { first: '农业、林业、水利', second: '乡村振兴', note: '渝委发〔2026〕1号' })
      expect(added.statusCode).toBe(303)
      const page = await gkb.get('/admin/catalogue/settings/topics')
      expect(text(page, 'main')).toContain('农业、林业、水利 > 乡村振兴')
      expect(text(page, 'main')).toContain('陈公开')
      expect((await audits('catalogue.topic_added')).at(-1)).toMatchObject({ outcome: 'success', actor_username: 'gkb', details: { topic: '农业、林业、水利\\乡村振兴' } })
      // a second time is a duplicate
      const again = await gkb.post('/admin/catalogue/settings/topics/second', { first: '农业、林业、水利', second: '乡村振兴', note: '' })
      expect(text(again, '.error-summary')).toContain('下已有二级分类“乡村振兴”')

      const { res, id } = await createItem('fgw.editor', { ...FORM, title: '乡村振兴分类的信息', topic: '农业、林业、水利\\乡村振兴' })
      expect(res.statusCode).toBe(303)
      expect(id).toBeGreaterThan(0)
      const row = await db().selectFrom('catalogue_topics').select('id').where('second_level', '=', '乡村振兴').executeTakeFirstOrThrow()
      await gkb.get('/admin/catalogue/settings/topics')
      const remove = await gkb.post(`/admin/catalogue/settings/topics/${row.id}/remove`, {})
      expect(remove.statusCode).toBe(400)
      expect(text(remove, '.error-summary')).toContain('已有 1 条信息')
    })

    it('lets the system administrator add a first level and remove it while unused, keeping who did it', async () => {
      const sysadmin = await as('sysadmin')
      await sysadmin.get('/admin/catalogue/settings/topics')
      const exists = await sysadmin.post('/admin/catalogue/settings/topics/first', { newFirst: '综合政务', newFirstNote: '' })
      expect(text(exists, '.error-summary')).toContain('已在内置的主题分类表中')
      expect((await sysadmin.post('/admin/catalogue/settings/topics/first', { newFirst: '区情概况', newFirstNote: '' })).statusCode).toBe(303)
      const row = await db().selectFrom('catalogue_topics').select('id').where('first_level', '=', '区情概况').executeTakeFirstOrThrow()
      await sysadmin.get('/admin/catalogue/settings/topics')
      expect((await sysadmin.post(`/admin/catalogue/settings/topics/${row.id}/remove`, {})).statusCode).toBe(303)
      const page = await sysadmin.get('/admin/catalogue/settings/topics')
      expect(text(page, 'main')).toContain('已删除的分类')
      expect((await audits('catalogue.topic_removed')).length).toBe(1)
      const editor = await as('fgw.editor')
      const labels = html(await editor.get('/admin/catalogue/new')).querySelectorAll('select[name="topic"] optgroup').map((g) => g.getAttribute('label'))
      expect(labels).not.toContain('区情概况')
    })

    it('publishes a two-level item: the portal shows both levels and search filters by either level', async () => {
      const { id } = await createItem('fgw.editor', { ...FORM, title: '开州区政务公开工作要点', body: '全面推进政务公开标准化规范化。' })
      const editor = await as('fgw.editor')
      await editor.get(`/admin/catalogue/${id}`)
      expect((await editor.post(`/admin/catalogue/${id}/submit`, {})).statusCode).toBe(303)
      const reviewer = await as('fgw.reviewer')
      await reviewer.get(`/admin/catalogue/${id}`)
      expect((await reviewer.post(`/admin/catalogue/${id}/approve`, {})).statusCode).toBe(303)
      expect((await reviewer.post(`/admin/catalogue/${id}/publish`, { publishAt: '' })).statusCode).toBe(303)
      expect(text(await app.inject(`/xxgk/xinxi/${id}`), '.meta-block')).toContain('综合政务 > 政务公开')

      const q = encodeURIComponent('政务公开')
      const search = html(await app.inject(`/search?q=${q}`))
      expect(search.querySelector('.item-list a')?.text).toBe('开州区政务公开工作要点')
      const topicFacet = search.querySelector('nav[aria-label="按主题分类筛选"]')!
      expect(topicFacet.text).toContain('综合政务（1）')
      const byFirst = html(await app.inject(`/search?q=${q}&topic=${encodeURIComponent('综合政务')}`))
      expect(byFirst.querySelector('.item-list a')?.text).toBe('开州区政务公开工作要点')
      expect(byFirst.querySelector('nav[aria-label="按二级主题分类筛选"]')?.text).toContain('综合政务 > 政务公开（1）')
      const bySecond = html(await app.inject(`/search?q=${q}&topic=${encodeURIComponent('综合政务')}&subtopic=${encodeURIComponent('综合政务\\政务公开')}`))
      expect(bySecond.querySelector('.item-list a')?.text).toBe('开州区政务公开工作要点')
      const otherSecond = html(await app.inject(`/search?q=${q}&subtopic=${encodeURIComponent('综合政务\\应急管理')}`))
      expect(otherSecond.querySelector('.empty-state')?.text).toContain('没有找到')
      const otherFirst = html(await app.inject(`/search?q=${q}&topic=${encodeURIComponent('国防')}`))
      expect(otherFirst.querySelector('.empty-state')?.text).toContain('没有找到')
    })
  })

  describe('敏感词表', () => {
    it.each([['fgw.editor'], ['fgw.admin'], ['sysadmin'], ['auditor']])('refuses the word list to %s (403, audited)', async (username) => {
      const client = await as(username)
      expect((await client.get('/admin/catalogue/settings/sensitive-words')).statusCode).toBe(403)
      await client.get('/admin')
      expect((await client.post('/admin/catalogue/settings/sensitive-words/add', { words: '越权词语', note: '' })).statusCode).toBe(403)
      expect(await db().selectFrom('sensitive_words').selectAll().where('word', '=', '越权词语').execute()).toEqual([])
      expect((await audits('catalogue.sensitive_words.manage')).some((a) => a.actor_username === username && a.outcome === 'denied')).toBe(true)
    })

    it.each([
      ['', '请填写要添加的敏感词，每行一个'],
      ['   \n  ', '请填写要添加的敏感词，每行一个'],
      ['密', '只有一个字'],
      ['长'.repeat(31), '超过 30 个字'],
      ['机密', '“机密”已在敏感词表中'],
      ['ＡＢ内部\nab内部', '第 2 行“ab内部”与第 1 行重复'],
      ['内部参阅\n绝 密', '第 2 行“绝 密”已在敏感词表中（写作“绝密”）'],
    ])('refuses %j with a field message and adds nothing', async (words, message) => {
      const gkb = await as('gkb')
      await gkb.get('/admin/catalogue/settings/sensitive-words')
      const before = await db().selectFrom('sensitive_words').selectAll().execute()
      const res = await gkb.post('/admin/catalogue/settings/sensitive-words/add', { words, note: '' })
      expect(res.statusCode).toBe(400)
      expect(text(res, '.error-summary')).toContain(message)
      expect(html(res).querySelector('#f-words')?.getAttribute('aria-invalid')).toBe('true')
      expect(await db().selectFrom('sensitive_words').selectAll().execute()).toEqual(before)
    })

    it('starts with the built-in list, shown as added by 系统, and writes nothing until the first change', async () => {
      const gkb = await as('gkb')
      const page = html(await gkb.get('/admin/catalogue/settings/sensitive-words'))
      const rows = page.querySelectorAll('main table tbody tr').map((r) => r.querySelectorAll('td').map((c) => c.text.trim()))
      expect(rows.map((r) => r[0]).sort()).toEqual([...DEFAULT_SENSITIVE_WORDS].sort())
      expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['系统']))
      expect(await sensitiveWordsInForce(db())).toEqual([...DEFAULT_SENSITIVE_WORDS])
      expect(await db().selectFrom('sensitive_words').selectAll().execute()).toEqual([])
    })

    it('the privacy gate uses the list: an added word blocks submission, removing it lets the edition through', async () => {
      const secadmin = await as('secadmin')
      await secadmin.get('/admin/catalogue/settings/sensitive-words')
      expect((await secadmin.post('/admin/catalogue/settings/sensitive-words/add', { words: '内部参考\n仅供领导参阅', note: '保密办通知' })).statusCode).toBe(303)
      const page = await secadmin.get('/admin/catalogue/settings/sensitive-words')
      expect(text(page, 'main')).toContain('仅供领导参阅')
      expect(text(page, 'main')).toContain('李安全')
      expect((await audits('catalogue.sensitive_words_added')).at(-1)).toMatchObject({ actor_username: 'secadmin', details: { count: 2, words: ['内部参考', '仅供领导参阅'] } })

      const { id } = await createItem('czj.editor', { ...FORM, title: '财政局内部参考材料', body: '本材料为内部参考。' })
      const editor = await as('czj.editor')
      await editor.get(`/admin/catalogue/${id}`)
      const blocked = await editor.post(`/admin/catalogue/${id}/submit`, {})
      expect(blocked.statusCode).toBe(400)
      expect(text(blocked, '.privacy')).toContain('内部参考')

      const gkb = await as('gkb')
      await gkb.get('/admin/catalogue/settings/sensitive-words')
      expect((await gkb.post('/admin/catalogue/settings/sensitive-words/remove', { word: '内部参考' })).statusCode).toBe(303)
      const after = await gkb.get('/admin/catalogue/settings/sensitive-words')
      expect(text(after, 'main')).toContain('已删除的词')
      expect((await audits('catalogue.sensitive_word_removed')).at(-1)).toMatchObject({ actor_username: 'gkb', details: { word: '内部参考' } })
      await editor.get(`/admin/catalogue/${id}`)
      expect((await editor.post(`/admin/catalogue/${id}/submit`, {})).statusCode).toBe(303)
    })

    it('removes a built-in word like any other; the rest of the built-in list stays in force', async () => {
      const gkb = await as('gkb')
      await gkb.get('/admin/catalogue/settings/sensitive-words')
      expect((await gkb.post('/admin/catalogue/settings/sensitive-words/remove', { word: '涉密' })).statusCode).toBe(303)
      const inForce = await sensitiveWordsInForce(db())
      expect(inForce).not.toContain('涉密')
      expect(inForce).toEqual(expect.arrayContaining([...DEFAULT_SENSITIVE_WORDS.filter((w) => w !== '涉密'), '仅供领导参阅']))
      expect((await gkb.post('/admin/catalogue/settings/sensitive-words/remove', { word: '涉密' })).statusCode).toBe(404)
    })
  })

  describe('索引号规则', () => {
    const unitId = async (code: string) => (await db().selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id

    it('takes a unit administrator to the own unit; another unit\'s rule is "not found" (audited) and unchanged', async () => {
      const admin = await as('fgw.admin')
      const list = await admin.get('/admin/catalogue/settings/index-no')
      expect(list.statusCode).toBe(303)
      expect(list.headers.location).toBe(`/admin/catalogue/settings/index-no/${await unitId('fgw')}`)
      const czj = await unitId('czj')
      expect((await admin.get(`/admin/catalogue/settings/index-no/${czj}`)).statusCode).toBe(404)
      await admin.get(`/admin/catalogue/settings/index-no/${await unitId('fgw')}`)
      const post = await admin.post(`/admin/catalogue/settings/index-no/${czj}`, { pattern: '{unit}/{yyyy}{mm}-{serial:05}', codeKind: 'local', code: 'czj2', intent: 'save' })
      expect(post.statusCode).toBe(404)
      expect(await db().selectFrom('index_no_patterns').selectAll().where('organisation_id', '=', czj).execute()).toEqual([])
      expect((await audits('catalogue.index_pattern.manage')).filter((a) => a.actor_username === 'fgw.admin' && a.outcome === 'denied').length).toBe(2)
    })

    it.each([['fgw.editor', 403], ['sysadmin', 403], ['auditor', 403]])('refuses the rule list to %s', async (username, status) => {
      const client = await as(username)
      expect((await client.get('/admin/catalogue/settings/index-no')).statusCode).toBe(status)
      expect((await client.get(`/admin/catalogue/settings/index-no/${await unitId('fgw')}`)).statusCode).toBe(404)
    })

    it.each([
      [{ pattern: '{unit}/{yyyy}', codeKind: 'local', code: 'fgw' }, 'pattern', '必须有且只有一个流水号'],
      [{ pattern: '{unit}-{serial:05}', codeKind: 'local', code: 'fgw' }, 'pattern', '必须有且只有一个年份'],
      [{ pattern: '{yyyy}-{serial:05}', codeKind: 'local', code: 'fgw' }, 'pattern', '必须有且只有一个单位编码'],
      [{ pattern: '{unit}/{yyyy}-{seq:05}', codeKind: 'local', code: 'fgw' }, 'pattern', '{seq:05} 无法识别'],
      [{ pattern: '{unit}/{yyyy}-{serial:05}', codeKind: 'uscc', code: '11341702486344515X' }, 'code', '统一社会信用代码应为 18 位'],
      [{ pattern: '{unit}/{yyyy}-{serial:05}', codeKind: 'org_code', code: '000014348' }, 'code', '组织机构代码应为 9 位'],
      [{ pattern: '{unit}/{yyyy}-{serial:05}', codeKind: 'local', code: 'czj' }, 'code', '已由重庆市开州区财政局用于索引号'],
      [{ pattern: '{unit}/{yyyy}-{serial:05}', codeKind: 'local', code: '' }, 'code', '请填写单位编码'],
    ])('refuses %o with a message on %s, for preview and save alike', async (rule, field, message) => {
      const admin = await as('fgw.admin')
      const path = `/admin/catalogue/settings/index-no/${await unitId('fgw')}`
      await admin.get(path)
      for (const intent of ['preview', 'save']) {
        const res = await admin.post(path, { ...rule, intent })
        expect(res.statusCode).toBe(400)
        expect(text(res, '.error-summary')).toContain(message)
        expect(html(res).querySelector(`#f-${field}`)?.getAttribute('aria-invalid')).toBe('true')
      }
      expect(await db().selectFrom('index_no_patterns').selectAll().execute()).toEqual([])
    })

    it('previews, then saves a 统一社会信用代码 rule: new items are numbered by it, serials go on, the change is audited', async () => {
      const fgw = await unitId('fgw')
      const before = (await db().selectFrom('catalogue_items').select('index_no').where('organisation_id', '=', fgw).execute()).map((r) => r.index_no)
      const admin = await as('fgw.admin')
      const path = `/admin/catalogue/settings/index-no/${fgw}`
      await admin.get(path)
      const rule = { pattern: '{unit}/{yyyy}{mm}-{serial:05}', codeKind: 'uscc', code: '11341702486344515H' }
      const preview = await admin.post(path, { ...rule, intent: 'preview' })
      expect(preview.statusCode).toBe(200)
      const serial = String(before.length + 1).padStart(5, '0')
      expect(text(preview, '.notice')).toContain(`11341702486344515H/202611-${serial}`)
      expect(await db().selectFrom('index_no_patterns').selectAll().execute()).toEqual([])
      const saved = await admin.post(path, { ...rule, intent: 'save' })
      expect(saved.statusCode).toBe(303)
      expect(text(await admin.get(path), '.summary-list')).toContain(`11341702486344515H/202611-${serial}`)
      expect((await audits('catalogue.index_pattern_changed')).at(-1)).toMatchObject({ actor_username: 'fgw.admin', details: { from: { pattern: '{unit}/{yyyy}-{serial:05}', code: 'fgw' }, to: { code: '11341702486344515H' } } })

      const { id } = await createItem('fgw.editor', { ...FORM, title: '按新规则编号的信息' })
      const item = await db().selectFrom('catalogue_items').select('index_no').where('id', '=', id).executeTakeFirstOrThrow()
      expect(item.index_no).toBe(`11341702486344515H/202611-${serial}`)
      // the old code is now taken by fgw: no other unit may use it
      const gkb = await as('gkb')
      const czjPath = `/admin/catalogue/settings/index-no/${await unitId('czj')}`
      await gkb.get(czjPath)
      const steal = await gkb.post(czjPath, { pattern: '{unit}/{yyyy}-{serial:05}', codeKind: 'uscc', code: '11341702486344515H', intent: 'save' })
      expect(text(steal, '.error-summary')).toContain('已由重庆市开州区发展和改革委员会用于索引号')
    })

    it('lets the 公开办 see every unit\'s rule and change another unit\'s', async () => {
      const gkb = await as('gkb')
      const list = await gkb.get('/admin/catalogue/settings/index-no')
      expect(list.statusCode).toBe(200)
      expect(text(list, 'main')).toContain('11341702486344515H')
      const czjPath = `/admin/catalogue/settings/index-no/${await unitId('czj')}`
      await gkb.get(czjPath)
      expect((await gkb.post(czjPath, { pattern: '{unit}-{yyyy}-{serial:04}', codeKind: 'org_code', code: '000014349', intent: 'save' })).statusCode).toBe(303)
      const { id } = await createItem('czj.editor', { ...FORM, title: '财政局按组织机构代码编号的信息' })
      const item = await db().selectFrom('catalogue_items').select('index_no').where('id', '=', id).executeTakeFirstOrThrow()
      expect(item.index_no).toMatch(/^000014349-2026-\d{4}$/)
    })
  })
})
