/**
 * 单位管理 with history (机构改革): a body is never deleted. Dissolving it sets valid_to and links its
 * successor, so records keep their issuing body as of their date and pages of the old body point on.
 */
import { ConflictError, InvalidInputError, NotFoundError } from '../../platform/http/errors.ts'
import { appendAudit } from './audit-log.ts'
import { authorise } from './authorise.ts'
import { requireActor, type UseCaseContext } from './context.ts'
import { findOrganisation, findOrganisationByCode } from './orgs.repository.ts'

export interface OrganisationProfile {
  address: string
  officeHours: string
  phone: string
  email: string
  postcode: string
}

/** The public contact details a unit keeps for its 政府信息公开指南. */
export async function updateOrganisationProfile(ctx: UseCaseContext, organisationId: number, input: OrganisationProfile): Promise<void> {
  const actor = requireActor(ctx)
  const organisation = await findOrganisation(ctx.db, organisationId)
  if (!organisation) throw new NotFoundError()
  await authorise(ctx, 'organisation.editProfile', { organisationId: organisation.id, type: 'organisation', id: organisation.id })
  const changed = (Object.keys(input) as (keyof OrganisationProfile)[]).filter((k) => input[k] !== organisation[k])
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('organisations').set({
      address: input.address, office_hours: input.officeHours, phone: input.phone, email: input.email, postcode: input.postcode, updated_at: ctx.clock.now(),
    }).where('id', '=', organisation.id).execute()
    await appendAudit(trx, { actorUserId: actor.userId, actorUsername: actor.username, organisationId: organisation.id, action: 'organisation.update_profile', outcome: 'success', targetType: 'organisation', targetId: organisation.id, ip: ctx.ip, details: { fields: changed } }, ctx.clock.now())
  })
}

export async function createOrganisation(ctx: UseCaseContext, input: { name: string; shortName: string; code: string; kind: string; validFrom: string; predecessorIds: number[]; basis: string }): Promise<number> {
  const actor = requireActor(ctx)
  await authorise(ctx, 'organisations.manage')
  if (await findOrganisationByCode(ctx.db, input.code)) throw new ConflictError(`单位代码“${input.code}”已被使用（单位代码永不复用，撤销单位的代码也不能再用）`)
  const predecessors = await Promise.all(input.predecessorIds.map((id) => findOrganisation(ctx.db, id)))
  const problems: { field: string; message: string }[] = []
  for (const p of predecessors) {
    if (!p) problems.push({ field: 'predecessorIds', message: '所选的前身单位不存在' })
    else if (p.validTo === null || p.validTo >= input.validFrom) problems.push({ field: 'predecessorIds', message: `前身单位${p.name}须先撤销，且撤销日期早于新单位的成立日期` })
  }
  if (problems.length) throw new InvalidInputError(problems)
  return ctx.db.transaction().execute(async (trx) => {
    const maxOrder = await trx.selectFrom('organisations').select((eb) => eb.fn.max('sort_order').as('m')).executeTakeFirst()
    const { id } = await trx.insertInto('organisations').values({
      region_id: actor.regionId, code: input.code, name: input.name, short_name: input.shortName, kind: input.kind,
      valid_from: input.validFrom, sort_order: Number(maxOrder?.m ?? 0) + 10,
    }).returning('id').executeTakeFirstOrThrow()
    for (const p of input.predecessorIds) {
      await trx.insertInto('organisation_successions').values({ predecessor_id: p, successor_id: id, effective_on: input.validFrom, basis: input.basis }).execute()
    }
    await appendAudit(trx, { actorUserId: actor.userId, actorUsername: actor.username, organisationId: id, action: 'organisation.create', outcome: 'success', targetType: 'organisation', targetId: id, ip: ctx.ip, details: { code: input.code, predecessorIds: input.predecessorIds } }, ctx.clock.now())
    return id
  })
}

/** 撤销 or 合并: the last day the body exists, and optionally the body that carries on its work. */
export async function dissolveOrganisation(ctx: UseCaseContext, organisationId: number, input: { validTo: string; successorId: number | null; basis: string }): Promise<void> {
  const actor = requireActor(ctx)
  await authorise(ctx, 'organisations.manage')
  const organisation = await findOrganisation(ctx.db, organisationId)
  if (!organisation) throw new NotFoundError()
  const problems: { field: string; message: string }[] = []
  if (organisation.validTo) problems.push({ field: '', message: `${organisation.name}已于 ${organisation.validTo} 撤销` })
  if (input.validTo < organisation.validFrom) problems.push({ field: 'validTo', message: `撤销日期不能早于成立日期 ${organisation.validFrom}` })
  if (organisation.isDisclosureOffice && !input.successorId) problems.push({ field: 'successorId', message: '撤销公开办时必须指定承继其职责的单位' })
  if (input.successorId !== null) {
    const successor = await findOrganisation(ctx.db, input.successorId)
    if (!successor || successor.id === organisation.id) problems.push({ field: 'successorId', message: '请选择另一个现有单位作为承继单位' })
    else if (successor.validTo) problems.push({ field: 'successorId', message: `${successor.name}已撤销，不能作为承继单位` })
  }
  if (problems.length) throw new InvalidInputError(problems)
  const activeUsers = await ctx.db.selectFrom('users').select('id').where('organisation_id', '=', organisation.id).where('disabled_at', 'is', null).execute()
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('organisations').set({ valid_to: input.validTo, updated_at: ctx.clock.now() }).where('id', '=', organisation.id).execute()
    if (input.successorId !== null) {
      await trx.insertInto('organisation_successions').values({ predecessor_id: organisation.id, successor_id: input.successorId, effective_on: input.validTo, basis: input.basis }).execute()
    }
    await appendAudit(trx, { actorUserId: actor.userId, actorUsername: actor.username, organisationId: organisation.id, action: 'organisation.dissolve', outcome: 'success', targetType: 'organisation', targetId: organisation.id, ip: ctx.ip, details: { validTo: input.validTo, successorId: input.successorId, basis: input.basis, activeUsers: activeUsers.length } }, ctx.clock.now())
  })
}
