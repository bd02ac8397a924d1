/** Saving a unit's 指南 settings on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set. */
import { expect, it } from 'vitest'
import { describeEachDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { createFieldCipher } from '../../platform/crypto/sm.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { findOrganisation, findOrganisationByCode, findUserByUsername, type Actor, type UseCaseContext } from '../orgs/index.ts'
import type { DisclosureSettingsInput } from './guide.forms.ts'
import { findDisclosureSettings, guideUpdateTimes } from './guide.repository.ts'
import { updateDisclosureSettings } from './update-disclosure-settings.ts'

const security = { sessionIdleMinutes: 30, sessionAbsoluteHours: 12, loginMaxFailures: 5, loginLockMinutes: 15, ipMaxFailures: 30, enforcePasswordChange: false }

const INPUT: DisclosureSettingsInput = {
  officeName: '区发展改革委办公室', address: '重庆市开州区汉丰街道云枫路1号', postcode: '405400', officeHours: '工作日 9:00—12:00，14:00—18:00',
  phone: '023-52220001', fax: '023-52220002', email: 'fgw@example.gov.cn', channels: ['in_person', 'post', 'email'], introduction: '前言', additionalNotes: '',
}

describeEachDatabase('updateDisclosureSettings', (database) => {
  const clock = fixedClock('2026-11-27T02:00:00Z')
  async function ctx(username: string): Promise<UseCaseContext> {
    const db = database().db
    const user = (await findUserByUsername(db, username))!
    const unit = (await findOrganisation(db, user.organisationId))!
    const actor: Actor = { userId: user.id, username, displayName: user.displayName, organisationId: unit.id, organisationName: unit.name, regionId: unit.regionId, roles: user.roles, mustChangePassword: false, totpEnabled: false }
    return { db, clock, cipher: createFieldCipher('0123456789abcdef0123456789abcdef'), security, actor, ip: '198.51.100.9' }
  }
  const unitId = async (code: string) => (await findOrganisationByCode(database().db, code))!.id
  const audit = (action: string) => database().db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute()

  it('lets a unit administrator save their own unit’s guide, with the audit row in the same transaction', async () => {
    const fgw = await unitId('fgw')
    expect(await findDisclosureSettings(database().db, fgw)).toBeUndefined()
    await updateDisclosureSettings(await ctx('fgw.admin'), fgw, INPUT)
    const saved = (await findDisclosureSettings(database().db, fgw))!
    expect(saved).toMatchObject({ ...INPUT, organisationId: fgw })
    expect(saved.updatedAt.toISOString()).toBe('2026-11-27T02:00:00.000Z')
    const rows = await audit('disclosure_guide.update')
    expect(rows.at(-1)).toMatchObject({ actor_username: 'fgw.admin', outcome: 'success', target_id: String(fgw), organisation_id: fgw })
    expect(rows.at(-1)!.details).toEqual({ fields: ['created'] })
  })

  it('records which fields changed on a later save, and keeps one row per unit', async () => {
    const fgw = await unitId('fgw')
    clock.set('2026-11-28T03:00:00Z')
    await updateDisclosureSettings(await ctx('gkb'), fgw, { ...INPUT, phone: '023-52220009', channels: ['in_person'] })
    expect((await findDisclosureSettings(database().db, fgw))!.phone).toBe('023-52220009')
    expect((await audit('disclosure_guide.update')).at(-1)!.details).toEqual({ fields: ['phone', 'channels'] })
    const times = await guideUpdateTimes(database().db)
    expect(times.get(fgw)?.toISOString()).toBe('2026-11-28T03:00:00.000Z')
    const count = await database().db.selectFrom('disclosure_guides').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', fgw).executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(1)
  })

  it('lets the 公开办 save any unit’s guide', async () => {
    const czj = await unitId('czj')
    await updateDisclosureSettings(await ctx('gkb'), czj, { ...INPUT, officeName: '区财政局办公室' })
    expect((await findDisclosureSettings(database().db, czj))!.officeName).toBe('区财政局办公室')
  })

  it('answers another unit’s administrator as if the unit did not exist, changes nothing and records the denial', async () => {
    const czj = await unitId('czj')
    const before = await findDisclosureSettings(database().db, czj)
    await expect(updateDisclosureSettings(await ctx('fgw.admin'), czj, { ...INPUT, officeName: '篡改' })).rejects.toBeInstanceOf(NotFoundError)
    expect(await findDisclosureSettings(database().db, czj)).toEqual(before)
    const denied = (await audit('disclosureGuide.edit')).at(-1)
    expect(denied).toMatchObject({ actor_username: 'fgw.admin', outcome: 'denied', target_id: String(czj) })
  })

  it('refuses an editor (not an administrator) even for their own unit', async () => {
    const fgw = await unitId('fgw')
    await expect(updateDisclosureSettings(await ctx('fgw.editor'), fgw, INPUT)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('answers an unknown unit with not found', async () => {
    await expect(updateDisclosureSettings(await ctx('gkb'), 999_999, INPUT)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('has the 公开办’s own guide from the demo data', async () => {
    const office = (await findDisclosureSettings(database().db, await unitId('kzq-bgs')))!
    expect(office.phone).toBe('023-52222196')
    expect(office.channels).toEqual(['in_person', 'post'])
  })
})
