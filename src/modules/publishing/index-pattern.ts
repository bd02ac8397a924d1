/**
 * 索引号规则 per publisher (regulation.md §5.2): the pattern and the code that stands for {unit} — the unit's
 * 统一社会信用代码, its 组织机构代码, or a local code (by default the unit's code on this platform). Kept as a history
 * (the latest row is in force) and audited. A change never makes a number issued before come out again: serials go on
 * from the unit's yearly counter whatever the pattern, a code once used by one unit cannot be taken by another, and
 * issueIndexNo skips any number already in the catalogue (an imported item may carry anything).
 */
import type { Executor, Trx } from '../../database.ts'
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.ts'
import { appendAudit, findOrganisation, listOrganisations, requireActor, type Organisation, type UseCaseContext } from '../orgs/index.ts'
import { codeProblems, DEFAULT_INDEX_PATTERN, formatIndexNo, indexPatternProblems, MAX_INDEX_NO_LENGTH, takeSerial, type CodeKind } from './index-no.ts'
import { authoriseSetting } from './publishing.policy.ts'

export interface IndexSetting {
  pattern: string
  codeKind: CodeKind
  code: string
  /** null while the unit runs on the default (no one has set a rule yet). */
  setAt: Date | null
  setByUserId: number | null
}

/** The rule in force for a unit: its latest setting, or the default pattern with the unit's platform code. */
export async function indexSettingOf(db: Executor, organisation: Pick<Organisation, 'id' | 'code'>): Promise<IndexSetting> {
  const r = await db.selectFrom('index_no_patterns').selectAll().where('organisation_id', '=', organisation.id).orderBy('id', 'desc').executeTakeFirst()
  if (!r) return { pattern: DEFAULT_INDEX_PATTERN, codeKind: 'local', code: organisation.code, setAt: null, setByUserId: null }
  return { pattern: r.pattern, codeKind: r.code_kind as CodeKind, code: r.code, setAt: new Date(r.set_at), setByUserId: r.set_by_user_id }
}

/** Every rule a unit has had, newest first. */
export async function indexSettingHistory(db: Executor, organisationId: number): Promise<IndexSetting[]> {
  const rows = await db.selectFrom('index_no_patterns').selectAll().where('organisation_id', '=', organisationId).orderBy('id', 'desc').execute()
  return rows.map((r) => ({ pattern: r.pattern, codeKind: r.code_kind as CodeKind, code: r.code, setAt: new Date(r.set_at), setByUserId: r.set_by_user_id }))
}

/** The number the unit's next item written on `on` would get under `setting` (nothing is taken). */
export async function previewIndexNo(db: Executor, organisationId: number, setting: Pick<IndexSetting, 'pattern' | 'code'>, on: string): Promise<string> {
  const year = Number(on.slice(0, 4))
  const counter = await db.selectFrom('index_no_counters').select('last_serial').where('organisation_id', '=', organisationId).where('year', '=', year).executeTakeFirst()
  let serial = (counter?.last_serial ?? 0) + 1
  for (;;) {
    const no = formatIndexNo(setting.pattern, { unit: setting.code, year, month: Number(on.slice(5, 7)), serial })
    if (!(await db.selectFrom('catalogue_items').select('id').where('index_no', '=', no).executeTakeFirst())) return no
    serial++
  }
}

/**
 * Takes the next 索引号 of a unit for an item written on `writtenOn`, inside the caller's transaction: the next serial
 * of the unit's yearly counter under the rule in force, skipping any number the catalogue already holds.
 */
export async function issueIndexNo(trx: Trx, organisation: Pick<Organisation, 'id' | 'code'>, writtenOn: string): Promise<string> {
  const setting = await indexSettingOf(trx, organisation)
  const year = Number(writtenOn.slice(0, 4))
  for (;;) {
    const serial = await takeSerial(trx, organisation.id, year)
    const no = formatIndexNo(setting.pattern, { unit: setting.code, year, month: Number(writtenOn.slice(5, 7)), serial })
    if (!(await trx.selectFrom('catalogue_items').select('id').where('index_no', '=', no).executeTakeFirst())) return no
  }
}

/** Problems with a rule before it is saved: the pattern, the code, the length of what it produces. */
function ruleProblems(input: { pattern: string; codeKind: string; code: string }): { field: string; message: string }[] {
  const out = [
    ...indexPatternProblems(input.pattern).map((message) => ({ field: 'pattern', message })),
    ...codeProblems(input.codeKind, input.code).map((message) => ({ field: 'code', message })),
  ]
  if (!out.length) {
    const longest = formatIndexNo(input.pattern, { unit: input.code, year: 9999, month: 12, serial: 99_999_999 })
    if (longest.length > MAX_INDEX_NO_LENGTH) out.push({ field: 'pattern', message: `按此规则生成的索引号最长 ${longest.length} 个字符，超过了 ${MAX_INDEX_NO_LENGTH} 个字符，请缩短` })
  }
  return out
}

/** A code another unit of the region uses or used for its 索引号 (its platform code counts: it is the default). */
async function codeOwner(db: Executor, organisation: Organisation, code: string): Promise<Organisation | undefined> {
  const units = await listOrganisations(db, organisation.regionId)
  const lower = code.toLowerCase()
  const byPlatformCode = units.find((u) => u.id !== organisation.id && u.code.toLowerCase() === lower)
  if (byPlatformCode) return byPlatformCode
  const used = await db.selectFrom('index_no_patterns').select('organisation_id').where('organisation_id', '<>', organisation.id)
    .where((eb) => eb(eb.fn('lower', ['code']), '=', lower)).executeTakeFirst()
  return used ? units.find((u) => u.id === used.organisation_id) ?? (await findOrganisation(db, used.organisation_id)) : undefined
}

/** Checks a rule for a unit and returns the problems and, when there are none, the next number it would give. */
export async function checkIndexRule(ctx: UseCaseContext, organisationId: number, input: { pattern: string; codeKind: string; code: string }): Promise<{ problems: { field: string; message: string }[]; preview: string | null }> {
  const organisation = await findOrganisation(ctx.db, organisationId)
  if (!organisation) throw new NotFoundError()
  await authoriseSetting(ctx, 'catalogue.index_pattern.manage', { organisationId, type: 'organisation', id: organisationId })
  const problems = ruleProblems(input)
  if (!problems.some((p) => p.field === 'code')) {
    const owner = await codeOwner(ctx.db, organisation, input.code)
    if (owner) problems.push({ field: 'code', message: `编码“${input.code}”已由${owner.name}用于索引号，两个单位用同一编码会使索引号重复，请核对` })
  }
  return { problems, preview: problems.length ? null : await previewIndexNo(ctx.db, organisationId, input, ctx.clock.today()) }
}

/** Saves a unit's 索引号 rule (unit administrator of that unit, or the 公开办), with an audit row. */
export async function setIndexRule(ctx: UseCaseContext, organisationId: number, input: { pattern: string; codeKind: CodeKind; code: string }): Promise<void> {
  const actor = requireActor(ctx)
  const { problems } = await checkIndexRule(ctx, organisationId, input)
  if (problems.length) throw new InvalidInputError(problems)
  const organisation = (await findOrganisation(ctx.db, organisationId))!
  const before = await indexSettingOf(ctx.db, organisation)
  if (before.pattern === input.pattern && before.code === input.code && before.codeKind === input.codeKind) throw new InvalidInputError([{ field: 'pattern', message: '规则没有变化，无需保存' }])
  await ctx.db.transaction().execute(async (trx) => {
    const at = ctx.clock.now()
    await trx.insertInto('index_no_patterns').values({ organisation_id: organisationId, pattern: input.pattern, code_kind: input.codeKind, code: input.code, set_by_user_id: actor.userId, set_at: at }).execute()
    await appendAudit(trx, {
      actorUserId: actor.userId, actorUsername: actor.username, organisationId, action: 'catalogue.index_pattern_changed', outcome: 'success', targetType: 'organisation', targetId: organisationId, ip: ctx.ip,
      details: { from: { pattern: before.pattern, codeKind: before.codeKind, code: before.code }, to: input },
    }, at)
  })
}
