/** Back-office routes of the 指南 settings: the 公开办 keeps any unit's, a unit administrator their own. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ComponentChildren } from 'preact'
import { NotFoundError, type FieldMessage } from '../../platform/http/errors.ts'
import { fieldErrors, formBody } from '../../platform/http/forms.ts'
import { authorise, can, contextOf, currentRegion, findOrganisation, listOrganisations, requireStaff, StaffPage, type Organisation, type StaffDeps } from '../orgs/index.ts'
import { DisclosureSettingsForm } from './guide.forms.ts'
import { guidePaths } from './guide.paths.ts'
import { findDisclosureSettings, guideUpdateTimes } from './guide.repository.ts'
import { updateDisclosureSettings } from './update-disclosure-settings.ts'
import { SettingsFormPage, SettingsListPage } from './views/settings-pages.tsx'

/** First-time values: the contact details the unit already keeps in its organisation profile. */
function prefill(unit: Organisation): Record<string, string | string[]> {
  return { officeName: '', address: unit.address, postcode: unit.postcode, officeHours: unit.officeHours, phone: unit.phone, fax: '', email: unit.email, channels: ['in_person', 'post'], introduction: '', additionalNotes: '' }
}

export async function guideRoutes(app: FastifyInstance, deps: StaffDeps): Promise<void> {
  const staff = requireStaff(deps)
  const ctx = (request: FastifyRequest) => contextOf(deps, request)
  const page = (request: FastifyRequest, reply: FastifyReply, title: string, body: ComponentChildren, status = 200) =>
    reply.page(<StaffPage deps={deps} request={request} title={title}>{body}</StaffPage>, status)

  /** The unit of the URL, after the policy check: another unit's administrator gets 404 (and a denial in the audit log). */
  async function unitOf(request: FastifyRequest): Promise<Organisation> {
    const id = Number((request.params as { id: string }).id)
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError()
    const unit = await findOrganisation(deps.db, id)
    if (!unit) throw new NotFoundError()
    await authorise(ctx(request), 'disclosureGuide.edit', { organisationId: unit.id, type: 'organisation', id: unit.id })
    return unit
  }

  app.get('/admin/disclosure-guides', { preHandler: staff }, async (request, reply) => {
    const actor = request.actor!
    // A unit administrator has one guide to keep: go straight to it.
    if (!can(actor, 'disclosureGuide.edit') && can(actor, 'disclosureGuide.edit', actor.organisationId)) return reply.redirect(guidePaths.settings(actor.organisationId), 303)
    await authorise(ctx(request), 'disclosureGuide.edit')
    const region = await currentRegion(deps.db)
    const units = region ? await listOrganisations(deps.db, region.id, { on: deps.clock.today() }) : []
    return page(request, reply, '政府信息公开指南', <SettingsListPage units={units} updated={await guideUpdateTimes(deps.db)} />)
  })

  async function renderForm(request: FastifyRequest, reply: FastifyReply, unit: Organisation, opts: { values?: Record<string, string | string[]>; errors?: FieldMessage[]; status?: number } = {}) {
    const settings = await findDisclosureSettings(deps.db, unit.id)
    const values = opts.values ?? (settings ? { ...settings, channels: settings.channels } as unknown as Record<string, string | string[]> : prefill(unit))
    const done = (request.query as Record<string, unknown>).done === 'saved'
    return page(request, reply, `${unit.shortName}政府信息公开指南`, (
      <SettingsFormPage csrf={request.csrfToken()} unit={unit} values={values} errors={opts.errors} done={done && !opts.errors} updatedAt={settings?.updatedAt} canList={can(request.actor!, 'disclosureGuide.edit')} />
    ), opts.status ?? 200)
  }

  app.get('/admin/disclosure-guides/:id', { preHandler: staff }, async (request, reply) => renderForm(request, reply, await unitOf(request)))

  app.post('/admin/disclosure-guides/:id', { preHandler: staff }, async (request, reply) => {
    const unit = await unitOf(request)
    const body = formBody(request.body)
    const form = DisclosureSettingsForm.safeParse(body)
    if (!form.success) return renderForm(request, reply, unit, { values: body, errors: fieldErrors(form.error), status: 400 })
    await updateDisclosureSettings(ctx(request), unit.id, form.data)
    return reply.redirect(`${guidePaths.settings(unit.id)}?done=saved`, 303)
  })
}
