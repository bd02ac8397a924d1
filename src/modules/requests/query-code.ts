/**
 * 查询码: what the applicant keeps to follow the case. 12 characters from 31 unambiguous letters and digits (no 0/O,
 * 1/I/L) — 59 bits, so that guessing is hopeless even before the tracking page's second factor and rate limit.
 */
import { randomInt } from 'node:crypto'
import { sm3Hex } from '../../platform/crypto/sm.ts'

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

export function newQueryCode(): string {
  let code = ''
  for (let i = 0; i < 12; i++) code += ALPHABET[randomInt(ALPHABET.length)]
  return code
}

/** K7QF3M9X2PLA → K7QF-3M9X-2PLA (how letters and pages print it). */
export function formatQueryCode(code: string): string {
  return code.replace(/(.{4})(.{4})(.{4})/, '$1-$2-$3')
}

/** Typed input → stored form: dashes and spaces dropped, upper case. */
export function normaliseQueryCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase()
}

/**
 * 内容指纹: SM3 over the canonical JSON of what was filed (unit, channel, dates, applicant, request, wanted form).
 * The query code is part of the input, so the fingerprint cannot be used to test guesses of an identity number.
 */
export function contentFingerprint(content: Record<string, unknown>): string {
  return sm3Hex(canonicalJson(content))
}

/** JSON with object keys sorted at every depth, so the fingerprint does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}
