/**
 * The public tracking page's look-up: 查询码 plus the last four digits of the applicant's phone. Failed look-ups are
 * counted per source address (hashed; no address is stored) and refused beyond a limit, so codes cannot be guessed.
 * A successful look-up gives a short-lived sealed ticket (SM4 + HMAC-SM3) for the following pages of that one case.
 */
import { hmacSm3 } from '../../platform/crypto/sm.ts'
import { TooManyRequestsError } from '../../platform/http/errors.ts'
import { phoneLastFour } from './applicant-privacy.ts'
import { normaliseQueryCode } from './query-code.ts'
import type { RequestsContext } from './requests.context.ts'
import { applicantOf, countLookupFailures, findCaseByQueryCode, findCase, recordLookupFailure, type RequestCase } from './requests.repository.ts'

/** Failed look-ups allowed per address within the window before it is refused. */
export const LOOKUP_MAX_FAILURES = 10
export const LOOKUP_WINDOW_MINUTES = 15
/** How long a tracking ticket lasts. */
export const TICKET_MINUTES = 30

function sourceHash(ctx: RequestsContext): string {
  return hmacSm3(`gongkai:lookup:${ctx.identityKey}`, ctx.ip).toString('hex')
}

/** The case for a code and phone digits, or null; throws TooManyRequestsError after too many failures. */
export async function lookUpCase(ctx: RequestsContext, code: string, phoneLast4: string): Promise<RequestCase | null> {
  const now = ctx.clock.now()
  const source = sourceHash(ctx)
  const since = new Date(now.getTime() - LOOKUP_WINDOW_MINUTES * 60_000)
  if (await countLookupFailures(ctx.db, source, since) >= LOOKUP_MAX_FAILURES) {
    throw new TooManyRequestsError(`查询失败次数过多，请 ${LOOKUP_WINDOW_MINUTES} 分钟后再试。如忘记查询码，请联系受理单位。`)
  }
  const found = await findCaseByQueryCode(ctx.db, normaliseQueryCode(code))
  const applicant = found ? await applicantOf(ctx.db, found.id) : undefined
  if (found && applicant && phoneLastFour(ctx.cipher.decrypt(applicant.phone_enc)) === phoneLast4) return found
  await recordLookupFailure(ctx.db, source, now)
  return null
}

/** A sealed ticket naming the case and its expiry (cookie value; nothing readable in it). */
export function issueTicket(ctx: RequestsContext, caseId: number): string {
  return ctx.cipher.encrypt(JSON.stringify({ caseId, exp: ctx.clock.now().getTime() + TICKET_MINUTES * 60_000 }))
}

/** The case of a valid, unexpired ticket, else null. */
export async function caseOfTicket(ctx: RequestsContext, ticket: string | undefined): Promise<RequestCase | null> {
  if (!ticket) return null
  try {
    const { caseId, exp } = JSON.parse(ctx.cipher.decrypt(ticket)) as { caseId: number; exp: number }
    if (!Number.isSafeInteger(caseId) || typeof exp !== 'number' || exp < ctx.clock.now().getTime()) return null
    return (await findCase(ctx.db, caseId)) ?? null
  } catch {
    return null
  }
}
