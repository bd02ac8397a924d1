import type { Db } from '../../database.ts'
import type { Clock } from '../../platform/clock.ts'
import type { FieldCipher } from '../../platform/crypto/sm.ts'
import type { Actor } from './actor.ts'

/** Security settings a use case needs (from config). */
export interface SecurityPolicy {
  sessionIdleMinutes: number
  sessionAbsoluteHours: number
  loginMaxFailures: number
  loginLockMinutes: number
  /** Failed sign-ins from one address within the lock window before that address is refused. */
  ipMaxFailures: number
  /** Whether must_change_password is enforced (production). */
  enforcePasswordChange: boolean
}

/** What every use case runs with: the database, the clock, the caller and where they came from. */
export interface UseCaseContext {
  readonly db: Db
  readonly clock: Clock
  readonly cipher: FieldCipher
  readonly security: SecurityPolicy
  readonly actor: Actor | null
  readonly ip: string
}

export function requireActor(ctx: UseCaseContext): Actor {
  if (!ctx.actor) throw new Error('use case needs a signed-in actor')
  return ctx.actor
}
