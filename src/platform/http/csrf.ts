/**
 * CSRF protection for every form: a signed double-submit token (OWASP). The browser holds a random
 * value in an httpOnly cookie; each form carries HMAC(secret, value). A cross-site page can neither
 * read the cookie nor compute the HMAC.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export const CSRF_COOKIE = 'gk_csrf'
export const CSRF_FIELD = '_csrf'

export function newCsrfSeed(): string {
  return randomBytes(24).toString('base64url')
}

export function csrfTokenFor(secret: string, seed: string): string {
  return createHmac('sha256', secret).update(`csrf:${seed}`).digest('base64url')
}

export function csrfTokenValid(secret: string, seed: string | undefined, token: unknown): boolean {
  if (!seed || typeof token !== 'string' || token.length === 0 || token.length > 128) return false
  const expected = Buffer.from(csrfTokenFor(secret, seed))
  const given = Buffer.from(token)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
