/** Contact details of a writer or caller: validation, masking for lists, and the follow-up credentials. */
import { randomInt, timingSafeEqual } from 'node:crypto'

/** 手机 (1[3-9] + 9 digits) or 固定电话 (area code + 7–8 digits, an optional dash). Spaces and dashes are ignored. */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '')
  if (/^1[3-9]\d{9}$/.test(digits)) return digits
  if (/^0\d{2,3}\d{7,8}$/.test(digits)) return digits
  if (/^\d{7,8}$/.test(digits)) return digits
  return null
}

/** 138****5678: the first three and last four digits stay. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return `${phone.slice(0, 1)}${'*'.repeat(Math.max(0, phone.length - 3))}${phone.slice(-2)}`
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`
}

/** 张* / 张*明 / 欧阳**: the family name (first character) and, for three or more, the last. */
export function maskName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length === 0) return '（未留姓名）'
  if (chars.length === 1) return `${chars[0]}*`
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`
}

// No 0/O, 1/I/L: a code read aloud over the phone or copied from paper is not misread.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const QUERY_CODE_LENGTH = 10

/** A new 查询码: 10 characters of a 31-letter alphabet (about 50 bits). */
export function newQueryCode(): string {
  let code = ''
  for (let i = 0; i < QUERY_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}

/** A typed query code: case and spaces or dashes do not matter. Null when it cannot be one. */
export function normaliseQueryCode(raw: string): string | null {
  const code = raw.toUpperCase().replace(/[\s-]/g, '')
  return code.length === QUERY_CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null
}

/** ABCDE-FGHJK: how the receipt prints a code. */
export function formatQueryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`
}

/** The second factor of the follow-up page: the last four digits of the phone given, compared in constant time. */
export function secondFactorMatches(phone: string, given: string): boolean {
  const expected = Buffer.from(phone.slice(-4))
  const actual = Buffer.from(given.trim())
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}
