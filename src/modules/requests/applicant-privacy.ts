/**
 * The applicant's personal data (条例 第二十九条（一）: 姓名或者名称、身份证明、联系方式) at rest: SM4-encrypted
 * with a masked copy for lists and pages, and an HMAC-SM3 of the identity number to recognise the same applicant
 * again (repeated requests, 第三十六条（六）; fees per applicant and month, 国办函〔2020〕109号) without decrypting.
 */
import { randomBytes } from 'node:crypto'
import { hmacSm3, type FieldCipher } from '../../platform/crypto/sm.ts'

/** What an applicant gives (plain text; lives only in memory and in encrypted columns). */
export interface ApplicantDetails {
  name: string
  contactPerson: string
  idType: string
  idNumber: string
  phone: string
  email: string
  address: string
  postcode: string
}

export interface SealedApplicant {
  name_enc: string
  name_masked: string
  contact_person_enc: string | null
  id_type: string
  id_number_enc: string
  id_number_masked: string
  id_number_hmac: string
  phone_enc: string
  phone_masked: string
  email_enc: string | null
  address_enc: string | null
  address_masked: string
  postcode: string
}

function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  if (value.length <= keepStart + keepEnd) return '*'.repeat(value.length)
  return value.slice(0, keepStart) + '*'.repeat(value.length - keepStart - keepEnd) + value.slice(value.length - keepEnd)
}

/** 张三丰 → 张**; an organisation keeps its name (a 法人 name is not personal data): 重庆某某公司 stays. */
export function maskName(name: string, isOrganisation: boolean): string {
  const n = name.trim()
  if (isOrganisation) return n
  return n.slice(0, 1) + '*'.repeat(Math.max(1, [...n].length - 1))
}

/** 500234199001011234 → 5002**********1234: the region prefix and the last four, as 公安 practice shows them. */
export function maskIdNumber(idNumber: string): string {
  const v = normaliseIdNumber(idNumber)
  return v.length >= 10 ? maskMiddle(v, 4, 4) : maskMiddle(v, 1, 1)
}

/** 13912345678 → 139****5678. */
export function maskPhone(phone: string): string {
  const digits = phoneDigits(phone)
  return digits.length >= 7 ? maskMiddle(digits, 3, 4) : maskMiddle(digits, 1, 1)
}

/** Only the first six characters of an address (district level) are shown. */
export function maskAddress(address: string): string {
  const chars = [...address.trim()]
  if (chars.length === 0) return ''
  return chars.slice(0, 6).join('') + (chars.length > 6 ? '……' : '')
}

export function normaliseIdNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase()
}

export function phoneDigits(value: string): string {
  return value.replace(/\D/g, '')
}

/** The last four digits of the phone number: the second factor of the public tracking page. */
export function phoneLastFour(phone: string): string {
  return phoneDigits(phone).slice(-4)
}

/** HMAC-SM3 of the normalised identity number under a key derived from the data key: same person → same value. */
export function identityHmac(cipherKeyMaterial: string, idNumber: string): string {
  return hmacSm3(`gongkai:applicant-identity:${cipherKeyMaterial}`, normaliseIdNumber(idNumber)).toString('hex')
}

export function sealApplicant(cipher: FieldCipher, identityKey: string, details: ApplicantDetails, isOrganisation: boolean): SealedApplicant {
  const opt = (v: string) => (v.trim() ? cipher.encrypt(v.trim()) : null)
  return {
    name_enc: cipher.encrypt(details.name.trim()),
    name_masked: maskName(details.name, isOrganisation),
    contact_person_enc: opt(details.contactPerson),
    id_type: details.idType,
    id_number_enc: cipher.encrypt(normaliseIdNumber(details.idNumber)),
    id_number_masked: maskIdNumber(details.idNumber),
    // No identity number yet (a converted letter waiting for the applicant's 身份证明): a random key that matches no one,
    // so applicants without one are never taken for the same person (repeat requests, fees per applicant and month).
    id_number_hmac: normaliseIdNumber(details.idNumber) ? identityHmac(identityKey, details.idNumber) : randomBytes(32).toString('hex'),
    phone_enc: cipher.encrypt(details.phone.trim()),
    phone_masked: maskPhone(details.phone),
    email_enc: opt(details.email),
    address_enc: opt(details.address),
    address_masked: maskAddress(details.address),
    postcode: details.postcode.trim(),
  }
}

export function openApplicant(cipher: FieldCipher, row: SealedApplicant): ApplicantDetails {
  const opt = (v: string | null) => (v ? cipher.decrypt(v) : '')
  return {
    name: cipher.decrypt(row.name_enc), contactPerson: opt(row.contact_person_enc), idType: row.id_type, idNumber: cipher.decrypt(row.id_number_enc),
    phone: cipher.decrypt(row.phone_enc), email: opt(row.email_enc), address: opt(row.address_enc), postcode: row.postcode,
  }
}
