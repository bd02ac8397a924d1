/** 用户管理: creating and changing staff accounts. System administrator for all units; 单位管理员 for their own. */
import { ConflictError, InvalidInputError, NotFoundError } from '../../platform/http/errors.ts'
import { appendAudit } from './audit-log.ts'
import { authorise } from './authorise.ts'
import { requireActor, type UseCaseContext } from './context.ts'
import { assignableRoles } from './orgs.policy.ts'
import { findOrganisation, findUser, findUserByUsername, setRoles } from './orgs.repository.ts'
import { hashPassword, passwordProblems } from './passwords.ts'
import { separationProblem, type Role } from './roles.ts'
import { endSessionsOfUser } from './sessions.ts'

async function checkRoles(ctx: UseCaseContext, organisationId: number, roles: Role[]): Promise<void> {
  const actor = requireActor(ctx)
  const allowed = assignableRoles(actor, organisationId)
  const problems: { field: string; message: string }[] = []
  const notAllowed = roles.filter((r) => !allowed.includes(r))
  if (notAllowed.length) problems.push({ field: 'roles', message: '您不能授予所选的部分角色' })
  const separation = separationProblem(roles)
  if (separation) problems.push({ field: 'roles', message: separation })
  if (roles.includes('disclosure_admin')) {
    const organisation = await findOrganisation(ctx.db, organisationId)
    if (!organisation?.isDisclosureOffice) problems.push({ field: 'roles', message: '公开办管理员只能授予政府信息公开工作主管部门（公开办）的人员' })
  }
  if (problems.length) throw new InvalidInputError(problems)
}

export async function createUser(ctx: UseCaseContext, input: { username: string; displayName: string; organisationId: number; roles: Role[]; password: string }): Promise<number> {
  const actor = requireActor(ctx)
  const organisation = await findOrganisation(ctx.db, input.organisationId)
  if (!organisation) throw new InvalidInputError([{ field: 'organisationId', message: '请选择所属单位' }])
  await authorise(ctx, 'users.manage', { organisationId: organisation.id, type: 'organisation', id: organisation.id })
  if (organisation.validTo && organisation.validTo < ctx.clock.today()) throw new InvalidInputError([{ field: 'organisationId', message: `${organisation.name}已于 ${organisation.validTo} 撤销，请选择其承继单位` }])
  await checkRoles(ctx, organisation.id, input.roles)
  const problems = passwordProblems(input.password, input.username)
  if (problems.length) throw new InvalidInputError(problems.map((message) => ({ field: 'password', message })))
  if (await findUserByUsername(ctx.db, input.username)) throw new ConflictError(`用户名“${input.username}”已被使用，请换一个`)
  const passwordHash = await hashPassword(input.password)
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('users').values({
      username: input.username, display_name: input.displayName, organisation_id: organisation.id, password_hash: passwordHash,
      must_change_password: true, password_changed_at: ctx.clock.now(),
    }).returning('id').executeTakeFirstOrThrow()
    await setRoles(trx, id, input.roles)
    await appendAudit(trx, { actorUserId: actor.userId, actorUsername: actor.username, organisationId: organisation.id, action: 'user.create', outcome: 'success', targetType: 'user', targetId: id, ip: ctx.ip, details: { username: input.username, roles: input.roles } }, ctx.clock.now())
    return id
  })
}

async function loadManagedUser(ctx: UseCaseContext, userId: number) {
  const user = await findUser(ctx.db, userId)
  if (!user) throw new NotFoundError()
  await authorise(ctx, 'users.manage', { organisationId: user.organisationId, type: 'user', id: user.id })
  return user
}

export async function updateUser(ctx: UseCaseContext, userId: number, input: { displayName: string; roles: Role[] }): Promise<void> {
  const actor = requireActor(ctx)
  const user = await loadManagedUser(ctx, userId)
  await checkRoles(ctx, user.organisationId, input.roles)
  if (user.id === actor.userId && !input.roles.every((r) => user.roles.includes(r))) throw new InvalidInputError([{ field: 'roles', message: '不能给自己增加角色' }])
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ display_name: input.displayName }).where('id', '=', user.id).execute()
    await setRoles(trx, user.id, input.roles)
    await appendAudit(trx, { actorUserId: actor.userId, actorUsername: actor.username, organisationId: user.organisationId, action: 'user.update', outcome: 'success', targetType: 'user', targetId: user.id, ip: ctx.ip, details: { rolesBefore: user.roles, rolesAfter: input.roles } }, ctx.clock.now())
  })
}

/** Sets a temporary password that the user must change at the next sign-in. */
export async function resetPassword(ctx: UseCaseContext, userId: number, password: string): Promise<void> {
  const actor = requireActor(ctx)
  const user = await loadManagedUser(ctx, userId)
  const problems = passwordProblems(password, user.username)
  if (problems.length) throw new InvalidInputError(problems.map((message) => ({ field: 'password', message })))
  const passwordHash = await hashPassword(password)
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, must_change_password: true, password_changed_at: ctx.clock.now(), failed_attempts: 0 }).where('id', '=', user.id).execute()
    await endSessionsOfUser(trx, user.id)
    await appendAudit(trx, { actorUserId: actor.userId, actorUsername: actor.username, organisationId: user.organisationId, action: 'user.reset_password', outcome: 'success', targetType: 'user', targetId: user.id, ip: ctx.ip }, ctx.clock.now())
  })
}

export async function setUserDisabled(ctx: UseCaseContext, userId: number, disabled: boolean): Promise<void> {
  const actor = requireActor(ctx)
  const user = await loadManagedUser(ctx, userId)
  if (user.id === actor.userId) throw new InvalidInputError([{ field: '', message: '不能停用自己的账号' }])
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ disabled_at: disabled ? ctx.clock.now() : null }).where('id', '=', user.id).execute()
    if (disabled) await endSessionsOfUser(trx, user.id)
    await appendAudit(trx, { actorUserId: actor.userId, actorUsername: actor.username, organisationId: user.organisationId, action: disabled ? 'user.disable' : 'user.enable', outcome: 'success', targetType: 'user', targetId: user.id, ip: ctx.ip }, ctx.clock.now())
  })
}
