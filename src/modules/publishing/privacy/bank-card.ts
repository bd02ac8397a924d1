/**
 * 银行卡号: 16–19 digits (ISO/IEC 7812) ending in a Luhn check digit. Only issuer prefixes (IIN) seen on cards held in
 * China count, each with the lengths it is issued in; this keeps long serial numbers, timestamps (20190515…) and
 * 统一社会信用代码 out.
 */

interface IssuerRange {
  prefix: RegExp
  lengths: readonly number[]
}

const ISSUER_RANGES: readonly IssuerRange[] = [
  { prefix: /^62/, lengths: [16, 17, 18, 19] }, // 中国银联
  { prefix: /^60/, lengths: [16, 19] }, // 中国银行 601382…, Discover 6011
  { prefix: /^4/, lengths: [16, 19] }, // Visa, also many domestic debit cards (436742… 19 digits)
  { prefix: /^5[1-5]/, lengths: [16] }, // Mastercard
  { prefix: /^35/, lengths: [16, 17, 18, 19] }, // JCB
  { prefix: /^9558|^95599/, lengths: [19] }, // older 工商银行 and 农业银行 debit cards
]

/** True when the digits pass the Luhn (mod 10) check. */
export function passesLuhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/** The Luhn check digit to append to a partial number. */
export function luhnCheckDigit(partial: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(partial + d)) return String(d)
  throw new Error('unreachable: one of ten digits always completes a Luhn number')
}

/** A plausible card number: all digits, a known issuer prefix at one of its lengths, a valid Luhn check digit. */
export function isPlausibleCardNumber(digits: string): boolean {
  if (!/^\d{16,19}$/.test(digits)) return false
  // Runs of one digit pass Luhn by accident (0000…, 5555…) and are placeholders, not cards.
  if (/^(\d)\1+$/.test(digits)) return false
  const issued = ISSUER_RANGES.some((range) => range.prefix.test(digits) && range.lengths.includes(digits.length))
  return issued && passesLuhn(digits)
}
