/** A unit's 政府信息公开指南 settings are saved by the unit administrator or the 公开办, audited in the same transaction. */
import { NotFoundError } from '../../platform/http/errors.ts'
import { appendAudit, authorise, findOrganisation, requireActor, type UseCaseContext } from '../orgs/index.ts'
import type { DisclosureSettingsInput } from './guide.forms.ts'
import { findDisclosureSettings } from './guide.repository.ts'

const FIELD_COLUMNS = {
  officeName: 'office_name', address: 'address', postcode: 'postcode', officeHours: 'office_hours', phone: 'phone', fax: 'fax', email: 'email',
  introduction: 'introduction', additionalNotes: 'additional_notes',
} as const

/**
 * 条例 第十二条 asks every body for a guide with its working body's name, address, hours, phone, fax and
 * internet contact; 第五十三条 counts a guide that is not kept up to date as a violation, so the date of
 * every save is kept and shown on the guide.
 */
export async function updateDisclosureSettings(ctx: UseCaseContext, organisationId: number, input: DisclosureSettingsInput): Promise<void> {
  const actor = requireActor(ctx)
  const organisation = await findOrganisation(ctx.db, organisationId)
  if (!organisation) throw new NotFoundError()
  await authorise(ctx, 'disclosureGuide.edit', { organisationId: organisation.id, type: 'organisation', id: organisation.id })
  const now = ctx.clock.now()
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findDisclosureSettings(trx, organisation.id)
    const values = {
      office_name: input.officeName, address: input.address, postcode: input.postcode, office_hours: input.officeHours, phone: input.phone,
      fax: input.fax, email: input.email, channels: JSON.stringify(input.channels), introduction: input.introduction,
      additional_notes: input.additionalNotes, updated_at: now, updated_by_user_id: actor.userId,
    }
    await trx.insertInto('disclosure_guides').values({ organisation_id: organisation.id, ...values })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values)).execute()
    const changed = before
      ? [...(Object.keys(FIELD_COLUMNS) as (keyof typeof FIELD_COLUMNS)[]).filter((k) => before[k] !== input[k]),
        ...(before.channels.join(',') !== input.channels.join(',') ? ['channels'] : [])]
      : ['created']
    await appendAudit(trx, {
      actorUserId: actor.userId, actorUsername: actor.username, organisationId: organisation.id, action: 'disclosure_guide.update', outcome: 'success',
      targetType: 'organisation', targetId: organisation.id, ip: ctx.ip, details: { fields: changed },
    }, now)
  })
}
