/**
 * 国密 primitives built into node:crypto: SM3 (hash) and SM4 (block cipher).
 * Personal data at rest uses SM4-CBC with an HMAC-SM3 tag (encrypt-then-MAC), since node has no SM4-GCM.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export function sm3Hex(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex')
}

export function hmacSm3(key: Buffer | string, data: string | Buffer): Buffer {
  return createHmac('sm3', key).update(data).digest()
}

export interface FieldCipher {
  encrypt(plain: string): string
  decrypt(sealed: string): string
}

/** A cipher for personal data fields; `keyHex` is 32 hex characters (128 bits). */
export function createFieldCipher(keyHex: string): FieldCipher {
  const master = Buffer.from(keyHex, 'hex')
  if (master.length !== 16) throw new Error('SM4 密钥必须是 128 位（32 位十六进制字符）')
  const encKey = hmacSm3(master, 'gongkai:sm4:enc').subarray(0, 16)
  const macKey = hmacSm3(master, 'gongkai:sm4:mac')
  return {
    encrypt(plain) {
      const iv = randomBytes(16)
      const cipher = createCipheriv('sm4-cbc', encKey, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      const tag = hmacSm3(macKey, Buffer.concat([iv, body]))
      return `v1:${Buffer.concat([iv, body, tag]).toString('base64')}`
    },
    decrypt(sealed) {
      if (!sealed.startsWith('v1:')) throw new Error('无法识别的密文格式')
      const raw = Buffer.from(sealed.slice(3), 'base64')
      if (raw.length < 16 + 16 + 32) throw new Error('密文已损坏')
      const iv = raw.subarray(0, 16)
      const body = raw.subarray(16, raw.length - 32)
      const tag = raw.subarray(raw.length - 32)
      if (!timingSafeEqual(tag, hmacSm3(macKey, Buffer.concat([iv, body])))) throw new Error('密文校验失败')
      const decipher = createDecipheriv('sm4-cbc', encKey, iv)
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')
    },
  }
}
