/** TOTP second factor (RFC 6238, 30 s, 6 digits, SHA-1 as authenticator apps expect). */
import { Secret, TOTP } from 'otpauth'

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

function totpFor(secretBase32: string, username: string, issuer: string): TOTP {
  return new TOTP({ issuer, label: username, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) })
}

export function totpUri(secretBase32: string, username: string, issuer: string): string {
  return totpFor(secretBase32, username, issuer).toString()
}

/** Accepts the current code and one step either side (clock drift on a phone). */
export function checkTotp(secretBase32: string, code: string, at: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false
  return totpFor(secretBase32, '', 'Gongkai').validate({ token: code, timestamp: at.getTime(), window: 1 }) !== null
}

export function currentTotp(secretBase32: string, at: Date): string {
  return totpFor(secretBase32, '', 'Gongkai').generate({ timestamp: at.getTime() })
}
