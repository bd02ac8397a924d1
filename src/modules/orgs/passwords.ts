/**
 * Passwords: argon2id (RFC 9106 second recommended option: m=64 MiB, t=3, p=4 is heavy for a 2-core
 * server under load; we use m=19 MiB, t=2, p=1, the OWASP minimum for argon2id).
 */
import { hash, verify, type Options } from '@node-rs/argon2'

// Algorithm.Argon2id is 2 (a const enum that verbatimModuleSyntax cannot read from the package's types).
const OPTIONS: Options = { algorithm: 2 as Options['algorithm'], memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

// Verified against when the username does not exist, so that timing does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('gongkai-dummy-password-for-timing')
  await verifyPassword(await dummyHash, password)
  return false
}

const COMMON = ['password', '12345678', '123456789', '1234567890', 'qwertyuiop', 'admin123', 'gongkai', 'abc12345', '11111111', 'iloveyou', 'woaini1314', 'a123456789']

/**
 * Password policy (等级保护 2.0 三级 practice: length and complexity): at least 10 characters, at least
 * three of upper case, lower case, digits and symbols, not containing the username, not a common password.
 * Returns the Chinese problems, empty when the password is acceptable.
 */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = []
  if (password.length < 10) problems.push('密码至少需要 10 个字符')
  if (password.length > 128) problems.push('密码不能超过 128 个字符')
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
  if (classes < 3) problems.push('密码需要包含大写字母、小写字母、数字和符号中的至少三类')
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名')
  if (COMMON.some((c) => password.toLowerCase().includes(c))) problems.push('密码过于常见，请换一个')
  return problems
}
