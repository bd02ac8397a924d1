/** Test and demo helpers of the requests wing: an actor from a demo user, a context, a valid application. */
import type { Db } from '../../database.ts'
import type { Clock } from '../../platform/clock.ts'
import { createFieldCipher } from '../../platform/crypto/sm.ts'
import { findOrganisation, findUserByUsername, type Actor } from '../orgs/index.ts'
import type { ApplicationInput } from './register-request.ts'
import type { RequestsContext } from './requests.context.ts'

export const TEST_DATA_KEY = '0123456789abcdef0123456789abcdef'
const SECURITY = { sessionIdleMinutes: 30, sessionAbsoluteHours: 12, loginMaxFailures: 5, loginLockMinutes: 15, ipMaxFailures: 30, enforcePasswordChange: false }

export async function actorOf(db: Db, username: string): Promise<Actor> {
  const user = await findUserByUsername(db, username)
  if (!user) throw new Error(`no user ${username}`)
  const unit = (await findOrganisation(db, user.organisationId))!
  return {
    userId: user.id, username, displayName: user.displayName, organisationId: user.organisationId, organisationName: unit.name, regionId: unit.regionId,
    roles: user.roles, mustChangePassword: false, totpEnabled: false,
  }
}

export function requestsContext(db: Db, clock: Clock, actor: Actor | null, ip = '198.51.100.7', dataKey = TEST_DATA_KEY): RequestsContext {
  return { db, clock, cipher: createFieldCipher(dataKey), security: SECURITY, actor, ip, identityKey: dataKey }
}

/** A complete online application to `organisationId` (a valid 居民身份证 number with its check digit). */
export function onlineApplication(organisationId: number, overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    organisationId,
    applicantCategory: 'natural_person',
    applicant: { name: '李明华', contactPerson: '', idType: 'resident_id', idNumber: '500234199001011232', phone: '13912345678', email: 'li@example.com', address: '重庆市开州区汉丰街道安康路12号', postcode: '405400' },
    informationName: '开州区2026年老旧小区改造项目实施方案',
    docNo: '',
    description: '汉丰街道安康社区改造项目的实施方案及资金安排',
    wantedForm: 'electronic',
    delivery: 'online',
    channel: 'online',
    facts: { submittedOn: '2026-10-09' },
    idempotencyKey: 'a'.repeat(32),
    ...overrides,
  }
}
