/** Back-office routes of the catalogue's settings: 主题分类, 敏感词表 and each unit's 索引号规则. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ComponentChildren } from 'preact'
import { z } from 'zod'
import { InvalidInputError, NotFoundError, type FieldMessage } from '../../platform/http/errors.ts'
import { fieldErrors, formBody } from '../../platform/http/forms.ts'
import { contextOf, currentRegion, findOrganisation, listOrganisations, listUsers, requireStaff, StaffPage, type StaffDeps } from '../orgs/index.ts'
import { CODE_KINDS } from './index-no.ts'
import { checkIndexRule, indexSettingHistory, indexSettingOf, previewIndexNo, setIndexRule } from './index-pattern.ts'
import { addSensitiveWords, listSensitiveWords, removeSensitiveWord } from './manage-sensitive-words.ts'
import { addTopic, listAddedTopics, loadTopicVocabulary, removeTopic } from './manage-topics.ts'
import { AddFirstLevelForm, AddSecondLevelForm } from './publishing.forms.ts'
import { authoriseSetting, canChangeSetting } from './publishing.policy.ts'
import { IndexRulePage, IndexRulesPage, SensitiveWordsPage, settingsPaths, TopicsPage } from './views/settings-pages.tsx'

const DONE: Record<string, string> = {
  'topic-added': '分类已添加，录入公开信息时即可选择。', 'topic-removed': '分类已删除。',
  'words-added': '敏感词已添加，此后提交和发布的信息按新词表审查。', 'word-removed': '敏感词已删除。',
  'rule-saved': '索引号规则已保存，新建的信息按新规则编号。',
}

const SensitiveWordsForm = z.object({
  words: z.string().max(20_000, '内容过长，请分批添加').default(''),
  note: z.string().trim().max(200, '说明不能超过 200 个字').default(''),
})

const IndexRuleForm = z.object({
  pattern: z.string().trim().max(80, '规则不能超过 80 个字符'),
  codeKind: z.enum(Object.keys(CODE_KINDS) as [keyof typeof CODE_KINDS, ...(keyof typeof CODE_KINDS)[]], { message: '请选择编码类型' }),
  code: z.string().trim().max(32, '单位编码不能超过 32 个字符'),
  intent: z.enum(['preview', 'save']).default('preview'),
})

export async function catalogueSettingsRoutes(app: FastifyInstance, deps: StaffDeps): Promise<void> {
  const staff = requireStaff(deps)
  const ctx = (request: FastifyRequest) => contextOf(deps, request)
  const page = (request: FastifyRequest, reply: FastifyReply, title: string, body: ComponentChildren, status = 200) =>
    reply.page(<StaffPage deps={deps} request={request} title={title}>{body}</StaffPage>, status)
  const doneOf = (request: FastifyRequest) => DONE[String((request.query as Record<string, unknown>).done ?? '')]
  const idOf = (request: FastifyRequest, key = 'id') => {
    const id = Number((request.params as Record<string, string>)[key])
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError()
    return id
  }
  const userNames = async () => new Map((await listUsers(deps.db)).map((u) => [u.id, u.displayName]))
  const stringValues = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<string, string>

  // ── 主题分类 ──────────────────────────────────────────────────────────────
  async function renderTopics(request: FastifyRequest, reply: FastifyReply, errors?: FieldMessage[], values?: Record<string, string>) {
    await authoriseSetting(ctx(request), 'catalogue.topics.manage')
    return page(request, reply, '主题分类', (
      <TopicsPage csrf={request.csrfToken()} vocabulary={await loadTopicVocabulary(deps.db)} added={await listAddedTopics(deps.db)} userNames={await userNames()} values={values} errors={errors} done={doneOf(request)} />
    ), errors ? 400 : 200)
  }
  app.get(settingsPaths.topics(), { preHandler: staff }, async (request, reply) => renderTopics(request, reply))
  const topicPost = (path: string, read: (body: Record<string, string | string[]>) => { first: string; second: string; note: string }, schema: typeof AddSecondLevelForm | typeof AddFirstLevelForm) =>
    app.post(`${settingsPaths.topics()}/${path}`, { preHandler: staff }, async (request, reply) => {
      await authoriseSetting(ctx(request), 'catalogue.topics.manage')
      const body = formBody(request.body)
      const form = schema.safeParse(body)
      if (!form.success) return renderTopics(request, reply, fieldErrors(form.error), stringValues(body))
      try {
        await addTopic(ctx(request), read(form.data as Record<string, string>))
      } catch (error) {
        if (error instanceof InvalidInputError) return renderTopics(request, reply, error.fields, stringValues(body))
        throw error
      }
      return reply.redirect(`${settingsPaths.topics()}?done=topic-added`, 303)
    })
  topicPost('second', (b) => ({ first: String(b.first), second: String(b.second), note: String(b.note ?? '') }), AddSecondLevelForm)
  topicPost('first', (b) => ({ first: String(b.newFirst), second: '', note: String(b.newFirstNote ?? '') }), AddFirstLevelForm)
  app.post(`${settingsPaths.topics()}/:id/remove`, { preHandler: staff }, async (request, reply) => {
    try {
      await removeTopic(ctx(request), idOf(request))
    } catch (error) {
      if (error instanceof InvalidInputError) return renderTopics(request, reply, error.fields)
      throw error
    }
    return reply.redirect(`${settingsPaths.topics()}?done=topic-removed`, 303)
  })

  // ── 敏感词表 ──────────────────────────────────────────────────────────────
  async function renderWords(request: FastifyRequest, reply: FastifyReply, errors?: FieldMessage[], values?: Record<string, string>) {
    await authoriseSetting(ctx(request), 'catalogue.sensitive_words.manage')
    return page(request, reply, '敏感词表', (
      <SensitiveWordsPage csrf={request.csrfToken()} words={await listSensitiveWords(deps.db)} userNames={await userNames()} values={values} errors={errors} done={doneOf(request)} />
    ), errors ? 400 : 200)
  }
  app.get(settingsPaths.sensitiveWords(), { preHandler: staff }, async (request, reply) => renderWords(request, reply))
  app.post(`${settingsPaths.sensitiveWords()}/add`, { preHandler: staff }, async (request, reply) => {
    await authoriseSetting(ctx(request), 'catalogue.sensitive_words.manage')
    const body = formBody(request.body)
    const form = SensitiveWordsForm.safeParse(body)
    if (!form.success) return renderWords(request, reply, fieldErrors(form.error), stringValues(body))
    try {
      await addSensitiveWords(ctx(request), form.data)
    } catch (error) {
      if (error instanceof InvalidInputError) return renderWords(request, reply, error.fields, stringValues(body))
      throw error
    }
    return reply.redirect(`${settingsPaths.sensitiveWords()}?done=words-added`, 303)
  })
  // The word travels in the form body (never in the URL: the list is not public).
  app.post(`${settingsPaths.sensitiveWords()}/remove`, { preHandler: staff }, async (request, reply) => {
    await authoriseSetting(ctx(request), 'catalogue.sensitive_words.manage')
    const word = String(formBody(request.body).word ?? '')
    if (!word || word.length > 30) throw new NotFoundError()
    await removeSensitiveWord(ctx(request), word)
    return reply.redirect(`${settingsPaths.sensitiveWords()}?done=word-removed`, 303)
  })

  // ── 索引号规则 ────────────────────────────────────────────────────────────
  // The 公开办 sees every unit; a unit administrator goes straight to the own unit's rule.
  app.get(settingsPaths.indexRules(), { preHandler: staff }, async (request, reply) => {
    const actor = request.actor!
    if (!actor.roles.includes('disclosure_admin')) {
      if (canChangeSetting(actor, 'catalogue.index_pattern.manage', actor.organisationId)) return reply.redirect(settingsPaths.indexRule(actor.organisationId), 303)
      await authoriseSetting(ctx(request), 'catalogue.index_pattern.manage')
    }
    const region = await currentRegion(deps.db)
    const today = deps.clock.today()
    const units = await listOrganisations(deps.db, region?.id ?? actor.regionId, { on: today })
    const rows = []
    for (const unit of units) {
      const setting = await indexSettingOf(deps.db, unit)
      rows.push({ organisationId: unit.id, name: unit.name, setting, next: await previewIndexNo(deps.db, unit.id, setting, today) })
    }
    return page(request, reply, '索引号规则', <IndexRulesPage units={rows} />)
  })

  async function renderRule(request: FastifyRequest, reply: FastifyReply, opts: { errors?: FieldMessage[]; values?: Record<string, string>; preview?: string } = {}) {
    const organisationId = idOf(request)
    const unit = await findOrganisation(deps.db, organisationId)
    if (!unit) throw new NotFoundError()
    // Another unit's administrator is told "not found", like any record of another unit; the refusal is audited.
    await authoriseSetting(ctx(request), 'catalogue.index_pattern.manage', { organisationId, type: 'organisation', id: organisationId })
    const setting = await indexSettingOf(deps.db, unit)
    const values = opts.values ?? { pattern: setting.pattern, codeKind: setting.codeKind, code: setting.code }
    return page(request, reply, `${unit.shortName}索引号规则`, (
      <IndexRulePage csrf={request.csrfToken()} unitName={unit.name} organisationId={unit.id} setting={setting} next={await previewIndexNo(deps.db, unit.id, setting, deps.clock.today())}
        history={await indexSettingHistory(deps.db, unit.id)} userNames={await userNames()} values={values} errors={opts.errors} preview={opts.preview} done={doneOf(request)}
        showList={request.actor!.roles.includes('disclosure_admin')} />
    ), opts.errors ? 400 : 200)
  }
  app.get(`${settingsPaths.indexRules()}/:id`, { preHandler: staff }, async (request, reply) => renderRule(request, reply))
  app.post(`${settingsPaths.indexRules()}/:id`, { preHandler: staff }, async (request, reply) => {
    const organisationId = idOf(request)
    if (!(await findOrganisation(deps.db, organisationId))) throw new NotFoundError()
    await authoriseSetting(ctx(request), 'catalogue.index_pattern.manage', { organisationId, type: 'organisation', id: organisationId })
    const body = formBody(request.body)
    const values = stringValues(body)
    const form = IndexRuleForm.safeParse(body)
    if (!form.success) return renderRule(request, reply, { errors: fieldErrors(form.error), values })
    const { intent, ...rule } = form.data
    if (intent === 'preview') {
      const { problems, preview } = await checkIndexRule(ctx(request), organisationId, rule)
      return renderRule(request, reply, problems.length ? { errors: problems, values } : { values, preview: preview! })
    }
    try {
      await setIndexRule(ctx(request), organisationId, rule)
    } catch (error) {
      if (error instanceof InvalidInputError) return renderRule(request, reply, { errors: error.fields, values })
      throw error
    }
    return reply.redirect(`${settingsPaths.indexRule(organisationId)}?done=rule-saved`, 303)
  })
}
