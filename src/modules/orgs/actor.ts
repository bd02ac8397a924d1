import type { Role } from './roles.ts'

/** The signed-in staff member on whose behalf a use case runs. */
export interface Actor {
  readonly userId: number
  readonly username: string
  readonly displayName: string
  readonly organisationId: number
  readonly organisationName: string
  readonly regionId: number
  readonly roles: readonly Role[]
  readonly mustChangePassword: boolean
  readonly totpEnabled: boolean
}
