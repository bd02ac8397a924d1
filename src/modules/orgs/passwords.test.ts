import { describe, expect, it } from 'vitest'
import { hashPassword, passwordProblems, verifyPassword } from './passwords.ts'

describe('passwordProblems', () => {
  it.each([
    ['Kz#2026abcd', 'liaison', []],
    ['short1A!', 'liaison', ['密码至少需要 10 个字符']],
    ['alllowercaseletters', 'liaison', ['密码需要包含大写字母、小写字母、数字和符号中的至少三类']],
    ['Liaison#2026x', 'liaison', ['密码不能包含用户名']],
    ['Password#2026', 'x', ['密码过于常见，请换一个']],
  ])('judges %s for user %s', (password, username, expected) => {
    expect(passwordProblems(password, username)).toEqual(expected)
  })
})

describe('hashPassword', () => {
  it('produces an argon2id hash that verifies only the same password', async () => {
    const h = await hashPassword('Kz#2026abcd')
    expect(h.startsWith('$argon2id$')).toBe(true)
    expect(await verifyPassword(h, 'Kz#2026abcd')).toBe(true)
    expect(await verifyPassword(h, 'Kz#2026abce')).toBe(false)
    expect(await verifyPassword('not a hash', 'x')).toBe(false)
  })
})
