import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createFieldCipher, sm3Hex } from './sm.ts'

describe('sm3Hex', () => {
  it('matches the GB/T 32905 test vector for "abc"', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0')
  })
})

describe('createFieldCipher', () => {
  const cipher = createFieldCipher('0123456789abcdef0123456789abcdef')
  it('round-trips any text, including Chinese', () => {
    fc.assert(fc.property(fc.string(), (s) => cipher.decrypt(cipher.encrypt(s)) === s))
    expect(cipher.decrypt(cipher.encrypt('张三 500234199001011234'))).toBe('张三 500234199001011234')
  })
  it('never stores the plain text and uses a fresh IV each time', () => {
    const a = cipher.encrypt('13800138000')
    expect(a).not.toContain('13800138000')
    expect(cipher.encrypt('13800138000')).not.toBe(a)
  })
  it('refuses a tampered ciphertext', () => {
    const sealed = cipher.encrypt('秘密')
    const raw = Buffer.from(sealed.slice(3), 'base64')
    raw[20] = (raw[20] ?? 0) ^ 1
    expect(() => cipher.decrypt(`v1:${raw.toString('base64')}`)).toThrow('密文校验失败')
  })
  it('refuses a key of the wrong length', () => {
    expect(() => createFieldCipher('abcd')).toThrow()
  })
})
