/** The orgs data layer on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set. */
import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeEachDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { createFieldCipher } from '../../platform/crypto/sm.ts'
import { appendAudit, verifyAuditChain } from './audit-log.ts'
import type { UseCaseContext } from './context.ts'
import { currentRegion, currentSuccessor, findOrganisationByCode, findUserByUsername, listOrganisations, listRegions, successionsOf } from './orgs.repository.ts'
import { resolveSession } from './sessions.ts'
import { signIn } from './sign-in.ts'

const security = { sessionIdleMinutes: 30, sessionAbsoluteHours: 12, loginMaxFailures: 5, loginLockMinutes: 15, ipMaxFailures: 30, enforcePasswordChange: false }

describeEachDatabase('orgs data layer', (database) => {
  const ctx = (clock = fixedClock('2026-11-27T02:00:00Z'), ip = '198.51.100.7'): UseCaseContext => ({
    db: database().db, clock, cipher: createFieldCipher('0123456789abcdef0123456789abcdef'), security, actor: null, ip,
  })

  it('keeps the region history: 开县 until 2016-06-07, then 开州区 (国函〔2016〕99号)', async () => {
    const regions = await listRegions(database().db)
    expect(regions.map((r) => [r.code, r.name, r.validFrom, r.validTo])).toEqual([
      ['500234', '重庆市开县', '1997-06-18', '2016-06-07'],
      ['500154', '重庆市开州区', '2016-06-08', null],
    ])
    expect((await currentRegion(database().db))?.name).toBe('重庆市开州区')
  })

  it('returns dates as YYYY-MM-DD strings, not Date objects', async () => {
    const fgw = await findOrganisationByCode(database().db, 'fgw')
    expect(fgw?.validFrom).toBe('2016-06-08')
  })

  it('lists the bodies that existed on a date: 食药监局 in 2017, 市场监管局 in 2020', async () => {
    const region = (await currentRegion(database().db))!
    const in2017 = (await listOrganisations(database().db, region.id, { on: '2017-12-31' })).map((o) => o.shortName)
    const in2020 = (await listOrganisations(database().db, region.id, { on: '2020-01-01' })).map((o) => o.shortName)
    expect(in2017).toContain('区食药监局')
    expect(in2017).not.toContain('区市场监管局')
    expect(in2020).toContain('区市场监管局')
    expect(in2020).not.toContain('区食药监局')
    // the 40 镇乡街道 of NBS 2023 are there in both years
    expect(in2020.filter((n) => /(镇|乡|街道)$/.test(n))).toHaveLength(40)
  })

  it('points a dissolved body to its successor, and a merged body to all its predecessors', async () => {
    const db = database().db
    const syjj = (await findOrganisationByCode(db, 'syjj'))!
    expect((await currentSuccessor(db, syjj.id, '2026-11-27'))?.code).toBe('scjgj')
    expect((await currentSuccessor(db, syjj.id, '2018-01-01'))?.code).toBe('syjj')
    const scjgj = (await findOrganisationByCode(db, 'scjgj'))!
    const { predecessors } = await successionsOf(db, scjgj.id)
    expect(predecessors.map((p) => p.otherName).sort()).toEqual(['重庆市开州区工商行政管理局', '重庆市开州区食品药品监督管理局', '重庆市开州区质量技术监督局'].sort())
  })

  it('signs in with the right password, writing a session and a success audit row', async () => {
    const result = await signIn(ctx(), { username: 'fgw.editor', password: 'Kaizhou#2026' })
    expect(result.ok).toBe(true)
    const session = await resolveSession(database().db, (result as { token: string }).token, new Date('2026-11-27T02:05:00Z'), security)
    expect(session?.actor.organisationName).toBe('重庆市开州区发展和改革委员会')
    expect(session?.actor.roles).toEqual(['unit_editor'])
    // idle for longer than 30 minutes: the session is gone
    expect(await resolveSession(database().db, (result as { token: string }).token, new Date('2026-11-27T03:00:00Z'), security)).toBeNull()
  })

  it('locks an account after 5 wrong passwords, even for the right password, until the lock expires', async () => {
    const clock = fixedClock('2026-11-27T02:00:00Z')
    const messages: string[] = []
    for (let i = 0; i < 5; i++) {
      const r = await signIn(ctx(clock), { username: 'czj.editor', password: 'wrong-password' })
      if (!r.ok) messages.push(r.message)
    }
    expect(messages[0]).toContain('再输错 4 次')
    expect(messages[4]).toContain('账号已锁定')
    const locked = await signIn(ctx(clock), { username: 'czj.editor', password: 'Kaizhou#2026' })
    expect(locked).toMatchObject({ ok: false })
    expect((locked as { message: string }).message).toContain('账号已锁定')
    clock.advance(16 * 60_000)
    expect((await signIn(ctx(clock), { username: 'czj.editor', password: 'Kaizhou#2026' })).ok).toBe(true)
    expect((await findUserByUsername(database().db, 'czj.editor'))?.failedAttempts).toBe(0)
  })

  it('does not reveal whether a username exists', async () => {
    const unknown = await signIn(ctx(), { username: 'nobody', password: 'x' })
    const known = await signIn(ctx(), { username: 'gkb', password: 'x' })
    expect((unknown as { message: string }).message).toBe('用户名或密码不正确')
    expect((known as { message: string }).message.startsWith('用户名或密码不正确')).toBe(true)
  })

  it('throttles an address after too many failures across accounts', async () => {
    const c = ctx(fixedClock('2026-11-27T04:00:00Z'), '192.0.2.99')
    for (let i = 0; i < security.ipMaxFailures; i++) await signIn(c, { username: `ghost${i}`, password: 'x' })
    await expect(signIn(c, { username: 'gkb', password: 'Kaizhou#2026' })).rejects.toThrow('登录失败次数过多')
  })

  it('keeps the audit log append-only: UPDATE and DELETE are refused by the database', async () => {
    const db = database().db
    await db.transaction().execute((trx) => appendAudit(trx, { action: 'test.event', outcome: 'success' }, new Date()))
    await expect(db.updateTable('audit_log').set({ action: 'x' }).where('seq', '=', 1).execute()).rejects.toThrow(/append-only/)
    await expect(db.deleteFrom('audit_log').where('seq', '=', 1).execute()).rejects.toThrow(/append-only/)
    expect((await verifyAuditChain(db)).ok).toBe(true)
  })

  it('detects an edited, a deleted and an inserted audit row even when the trigger is bypassed', async () => {
    const db = database().db
    for (let i = 0; i < 3; i++) await db.transaction().execute((trx) => appendAudit(trx, { action: `tamper.${i}`, outcome: 'success', details: { i } }, new Date()))
    const before = await verifyAuditChain(db)
    expect(before.ok).toBe(true)
    const last = before.checked
    await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db)
    try {
      await db.updateTable('audit_log').set({ actor_username: 'mallory' }).where('seq', '=', last - 2).execute()
      const edited = await verifyAuditChain(db)
      expect(edited.ok).toBe(false)
      expect(edited.problems.map((p) => p.seq)).toContain(last - 2)
      expect(edited.problems[0]!.problem).toContain('被改动')
      await db.updateTable('audit_log').set({ actor_username: '' }).where('seq', '=', last - 2).execute()
      expect((await verifyAuditChain(db)).ok).toBe(true)

      const row = await db.selectFrom('audit_log').selectAll().where('seq', '=', last - 1).executeTakeFirstOrThrow()
      await db.deleteFrom('audit_log').where('seq', '=', last - 1).execute()
      const deleted = await verifyAuditChain(db)
      expect(deleted.ok).toBe(false)
      expect(deleted.problems.some((p) => p.seq === last && p.problem.includes('序号不连续'))).toBe(true)
      await db.insertInto('audit_log').values({ ...row, details: JSON.stringify(row.details) }).execute()
      expect((await verifyAuditChain(db)).ok).toBe(true)

      await db.insertInto('audit_log').values({ ...row, seq: last + 1, details: JSON.stringify({ forged: true }) }).execute()
      const inserted = await verifyAuditChain(db)
      expect(inserted.ok).toBe(false)
      expect(inserted.problems.some((p) => p.seq === last + 1)).toBe(true)
      await db.deleteFrom('audit_log').where('seq', '=', last + 1).execute()
    } finally {
      await sql`alter table audit_log enable trigger audit_log_no_change`.execute(db)
    }
    expect((await verifyAuditChain(db)).ok).toBe(true)
  })
})
