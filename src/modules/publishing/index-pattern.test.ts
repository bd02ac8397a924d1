/**
 * 索引号规则 changes never make a number come out twice. A property test on PGlite and PostgreSQL: any sequence of
 * rule changes (by the 公开办, on three units, with codes they share or swap), new items, and items imported ahead
 * of time with numbers a rule will produce later — every new item is created, gets a number no item had before,
 * and that number follows the rule in force for its unit.
 */
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { fixedClock } from '../../platform/clock.ts'
import { createFieldCipher } from '../../platform/crypto/sm.ts'
import { InvalidInputError } from '../../platform/http/errors.ts'
import { describeEachDatabase } from '../../../test/support/test-database.ts'
import { findOrganisationByCode, findUserByUsername, type Actor, type Organisation, type UseCaseContext } from '../orgs/index.ts'
import { createItem } from './edition-workflow.ts'
import { formatIndexNo } from './index-no.ts'
import { indexSettingOf, previewIndexNo, setIndexRule } from './index-pattern.ts'

const security = { sessionIdleMinutes: 30, sessionAbsoluteHours: 12, loginMaxFailures: 5, loginLockMinutes: 15, ipMaxFailures: 30, enforcePasswordChange: false }
const UNITS = [['fgw', 'fgw.editor'], ['czj', 'czj.editor'], ['500154001', 'hfjd.editor']] as const
// Patterns that overlap on purpose: the same shape with other widths, a literal digit that mimics padding.
const PATTERNS = ['{unit}/{yyyy}-{serial:05}', '{unit}/{yyyy}-{serial:04}', '{unit}/{yyyy}-0{serial:04}', '{unit}/{yyyy}{mm}-{serial:05}', '{unit}/{yyyy}-{serial:1}', '{unit}/{yyyy}-1{serial:04}']
// Codes the units share, swap and take from each other (the platform codes among them).
const CODES = [['local', 'fgw'], ['local', 'czj'], ['local', '500154001'], ['local', 'shared'], ['uscc', '11341702486344515H'], ['org_code', '000014349']] as const
const DATES = ['2025-12-31', '2026-01-05', '2026-11-20']

type Command =
  | { kind: 'rule'; unit: number; pattern: string; code: readonly [string, string] }
  | { kind: 'create'; unit: number; writtenOn: string }
  | { kind: 'import'; unit: number; writtenOn: string; ahead: number }

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('rule' as const), unit: fc.integer({ min: 0, max: 2 }), pattern: fc.constantFrom(...PATTERNS), code: fc.constantFrom(...CODES) }),
  fc.record({ kind: fc.constant('create' as const), unit: fc.integer({ min: 0, max: 2 }), writtenOn: fc.constantFrom(...DATES) }),
  fc.record({ kind: fc.constant('import' as const), unit: fc.integer({ min: 0, max: 2 }), writtenOn: fc.constantFrom(...DATES), ahead: fc.integer({ min: 0, max: 3 }) }),
)

function patternRegex(pattern: string, code: string, writtenOn: string): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
  const parts = pattern.split(/(\{[^}]+\})/).filter(Boolean).map((p) => {
    if (p === '{unit}') return escape(code)
    if (p === '{yyyy}') return writtenOn.slice(0, 4)
    if (p === '{mm}') return writtenOn.slice(5, 7)
    const serial = /^\{serial(?::(\d+))?\}$/.exec(p)
    return serial ? `\\d{${Number(serial[1] ?? 1)},}` : escape(p)
  })
  return new RegExp(`^${parts.join('')}$`)
}

describeEachDatabase('索引号规则 changes', (database) => {
  it('never issue a number twice, and every new number follows the rule in force', async () => {
    const db = database().db
    const clock = fixedClock('2026-11-27T02:00:00Z')
    const cipher = createFieldCipher('0123456789abcdef0123456789abcdef')
    const actorOf = async (username: string): Promise<Actor> => {
      const user = (await findUserByUsername(db, username))!
      return { userId: user.id, username, displayName: user.displayName, organisationId: user.organisationId, organisationName: '', regionId: 1, roles: user.roles, mustChangePassword: false, totpEnabled: false }
    }
    const ctx = (actor: Actor): UseCaseContext => ({ db, clock, cipher, security, actor, ip: '127.0.0.1' })
    const office = ctx(await actorOf('gkb'))
    const units: Organisation[] = await Promise.all(UNITS.map(async ([code]) => (await findOrganisationByCode(db, code))!))
    const editors = await Promise.all(UNITS.map(async ([, username]) => ctx(await actorOf(username))))
    const creator = editors[0]!.actor!.userId
    let refused = 0
    let created = 0

    await fc.assert(fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 10 }), async (commands) => {
      for (const c of commands) {
        const unit = units[c.unit]!
        if (c.kind === 'rule') {
          try {
            await setIndexRule(office, unit.id, { pattern: c.pattern, codeKind: c.code[0] as 'local', code: c.code[1] })
          } catch (error) {
            // A code another unit holds or held, or no change: refused with a message, nothing saved.
            if (!(error instanceof InvalidInputError)) throw error
            refused++
          }
        } else if (c.kind === 'import') {
          // An item brought in from the old site with the number this unit's rule will give some serials ahead.
          const setting = await indexSettingOf(db, unit)
          const next = await previewIndexNo(db, unit.id, setting, c.writtenOn)
          const serial = Number(/(\d+)$/.exec(next)![1]) + c.ahead
          const no = formatIndexNo(setting.pattern, { unit: setting.code, year: Number(c.writtenOn.slice(0, 4)), month: Number(c.writtenOn.slice(5, 7)), serial })
          await db.insertInto('catalogue_items').values({ organisation_id: unit.id, index_no: no, created_by_user_id: creator }).onConflict((oc) => oc.column('index_no').doNothing()).execute()
        } else {
          const before = new Set((await db.selectFrom('catalogue_items').select('index_no').execute()).map((r) => r.index_no))
          const setting = await indexSettingOf(db, unit)
          const id = await createItem(editors[c.unit]!, {
            title: `索引号测试 ${created}`, issuingBody: '', docNo: '', writtenOn: c.writtenOn, topic: '综合政务', genre: '通知', section: 'ghjh', summary: '', body: '测试。',
            disclosure: 'proactive', disclosureBasis: '', validity: '', effectiveOn: '', expiresOn: '',
          })
          created++
          const { index_no: no } = await db.selectFrom('catalogue_items').select('index_no').where('id', '=', id).executeTakeFirstOrThrow()
          expect(before.has(no)).toBe(false)
          expect(no).toMatch(patternRegex(setting.pattern, setting.code, c.writtenOn))
        }
      }
      const all = (await db.selectFrom('catalogue_items').select('index_no').execute()).map((r) => r.index_no)
      expect(new Set(all).size).toBe(all.length)
    }), { numRuns: 25 })
    // The generator reaches the interesting cases: some rules were refused, many items were created.
    expect(refused).toBeGreaterThan(0)
    expect(created).toBeGreaterThan(20)
  }, 300_000)
})
