/** The demo 指南 settings of the units with demo accounts: complete contact lines, other units left without, once. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openTestPglite, type TestDatabase } from '../../test/support/test-database.ts'
import { DEMO_UNIT_GUIDES, seedDemoUnitGuides } from './seed-column.ts'

let database: TestDatabase
beforeAll(async () => { database = await openTestPglite() })
afterAll(async () => database?.close())

it('gives 区发展改革委, 区财政局 and 汉丰街道 a full contact in their 指南, and no other unit', async () => {
  const db = database.db
  const guided = async () => db.selectFrom('disclosure_guides as g').innerJoin('organisations as o', 'o.id', 'g.organisation_id')
    .select(['o.code', 'g.office_name', 'g.address', 'g.phone', 'g.office_hours', 'g.email', 'g.postcode']).where('o.code', '!=', 'kzq-bgs').orderBy('o.code').execute()
  // Test images are seeded without them (the "ask for the unit's contact" paths are tested on these units).
  expect(await guided()).toEqual([])
  await seedDemoUnitGuides(db, new Date('2026-11-27T02:00:00Z'))
  await seedDemoUnitGuides(db, new Date('2026-11-27T03:00:00Z'))
  const rows = await guided()
  expect(rows.map((r) => r.code).sort()).toEqual(['500154001', 'czj', 'fgw'])
  for (const r of rows) {
    expect(r.address, r.code).toMatch(/^重庆市开州区汉丰街道/)
    expect(r.phone, r.code).toMatch(/^023-5\d{7}$/)
    expect(r.postcode, r.code).toBe('405400')
    expect(r.email, r.code).toMatch(/@example\.gov\.cn$/)
    expect(r.office_hours, r.code).toContain('工作日')
    expect(r.office_name, r.code).toBe(DEMO_UNIT_GUIDES.find((g) => g.code === r.code)!.officeName)
  }
})
