import type { IsoDate } from '../../calendar/index.ts'

/**
 * 公民身份号码 (GB 11643-1999): 6-digit 行政区划代码 (GB/T 2260), 8-digit birth date, 3-digit sequence number,
 * and a check character computed with ISO 7064 MOD 11-2. The older 15-digit numbers (before 1999) have a 6-digit
 * birth date without the century and no check character.
 */

// GB 11643-1999 §6.2: weight of position i is 2^(17-i) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const CHECK_CHARS = '10X98765432'

// First two digits of GB/T 2260 codes: provinces, autonomous regions and municipalities, plus 71 台湾, 81 香港 and
// 82 澳门. 83 is the code used on 台湾居民居住证 numbers (same format, issued since 2018) and is kept because those are
// personal numbers as well.
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
  61, 62, 63, 64, 65, 71, 81, 82, 83,
])

/** The check character of the first 17 digits of an 18-character 身份证号码: one of 1 0 X 9 8 7 6 5 4 3 2. */
export function idCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!
  return CHECK_CHARS[sum % 11]!
}

/** True when the first two digits are a real province-level code. */
export function hasProvinceCode(digits: string): boolean {
  return PROVINCE_CODES.has(Number(digits.slice(0, 2)))
}

/** True when yyyymmdd is a real date between 1900-01-01 and today (inclusive). */
export function isPlausibleBirthDate(yyyymmdd: string, today: IsoDate): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false
  const year = Number(yyyymmdd.slice(0, 4))
  const month = Number(yyyymmdd.slice(4, 6))
  const day = Number(yyyymmdd.slice(6, 8))
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false
  return yyyymmdd <= today.replaceAll('-', '')
}

/**
 * An 18-character number (digits, the last may be 'X') with a real province code, a birth date between 1900 and
 * today and a correct check character. Expects upper-case 'X'.
 */
export function isValidIdNumber(number: string, today: IsoDate): boolean {
  return /^\d{17}[\dX]$/.test(number)
    && hasProvinceCode(number)
    && isPlausibleBirthDate(number.slice(6, 14), today)
    && idCheckChar(number) === number[17]
}

/**
 * A 15-digit number shaped like an old 身份证号码: a real province code and a real birth date in 1900–1999. There is
 * no check character, so this says only that the number could be one.
 */
export function isPlausibleOldIdNumber(number: string): boolean {
  return /^\d{15}$/.test(number) && hasProvinceCode(number) && isPlausibleBirthDate(`19${number.slice(6, 12)}`, '1999-12-31')
}

/**
 * True when an 18-digit number has the shape of an ID number (province code and birth date) whatever its check
 * character. Such a number is not reported as a bank card either: 18-digit cards are rare, and reporting an ID-shaped
 * number with a wrong check character as a "bank card" would be a misleading finding.
 */
export function looksLikeIdNumber(number: string, today: IsoDate): boolean {
  return /^\d{17}[\dX]$/.test(number) && hasProvinceCode(number) && isPlausibleBirthDate(number.slice(6, 14), today)
}
