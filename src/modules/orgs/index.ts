/** orgs: regions, organisations (with 机构改革 history), users, roles, sign-in, sessions and the audit log. */

/** The signed-in staff member. */
export type { Actor } from './actor.ts'
/** What every use case runs with. */
export type { UseCaseContext, SecurityPolicy } from './context.ts'
/** The actor of a use-case context (throws when there is none). */
export { requireActor } from './context.ts'
/** Role catalogue (三员分立 and unit roles) and their Chinese labels. */
export { ROLES, ROLE_NAMES, roleLabel, isRole, type Role } from './roles.ts'
/** Pure authorisation rules. */
export { can, reachesOrganisation, assignableRoles, type Action } from './orgs.policy.ts'
/** Checks an action and records a denial in the audit log. */
export { authorise } from './authorise.ts'
/** argon2id hashing and the password policy. */
export { hashPassword, verifyPassword, passwordProblems } from './passwords.ts'
/** Audit log: append inside a transaction, verify the SM3 chain, list with filters. */
export { appendAudit, recordAudit, verifyAuditChain, listAudit, countAuditSince, previousSignIn, type AuditRow, type AuditEntry, type AuditVerification } from './audit-log.ts'
/** Staff sessions (token cookie, hashed id, idle and absolute timeouts). */
export { resolveSession, type ResolvedSession } from './sessions.ts'
/** Sign-in, second factor and sign-out. */
export { signIn, completeSecondFactor, signOut, type SignInResult } from './sign-in.ts'
/** Own account: password change and TOTP set-up. */
export { changeOwnPassword, beginSecondFactorSetup, pendingSecondFactorSecret, confirmSecondFactor } from './manage-own-account.ts'
/** TOTP helpers (for the set-up page and tests). */
export { totpUri, currentTotp } from './totp.ts'
/** User administration. */
export { createUser, updateUser, resetPassword, setUserDisabled } from './manage-users.ts'
/** Security administration. */
export { unlockUser, resetSecondFactor } from './manage-security.ts'
/** Organisation administration with history. */
export { createOrganisation, updateOrganisationProfile, dissolveOrganisation, type OrganisationProfile } from './manage-organisations.ts'
/** Read queries for organisations, users and regions. */
export {
  findOrganisation, findOrganisationByCode, listOrganisations, successionsOf, currentSuccessor, findUser, findUserByUsername, listUsers,
  countUsersByOrganisation, currentRegion, listRegions, type Organisation, type User, type Region, type Succession,
} from './orgs.repository.ts'
/** Form schemas and labels. */
export * as orgForms from './orgs.forms.ts'
export { KIND_LABELS } from './orgs.forms.ts'
/** Back-office page frame and staff guard for every module's routes. */
export { requireStaff, contextOf, StaffPage, SESSION_COOKIE, type StaffDeps } from './staff-pages.tsx'
/** Back-office routes of this module. */
export { orgsRoutes } from './orgs.routes.tsx'
