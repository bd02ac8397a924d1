/**
 * The only reader of process.env. Typed and frozen; development defaults; strict in production.
 * Every variable is documented in README.md (section 配置).
 */
import { randomBytes } from 'node:crypto'
import path from 'node:path'

export const DEV_SESSION_SECRET = 'gongkai-development-session-secret-not-for-production'
export const DEV_DATA_KEY = '00112233445566778899aabbccddeeff'

export interface Config {
  readonly env: 'development' | 'production' | 'test'
  readonly isProduction: boolean
  readonly port: number
  readonly host: string
  /** Public base URL; an https:// URL turns on HSTS, upgrade-insecure-requests and Secure cookies. */
  readonly publicUrl: string
  readonly https: boolean
  /** PostgreSQL connection string; when empty, the embedded PGlite database in dataDir is used. */
  readonly databaseUrl: string
  readonly dataDir: string
  /** HMAC key for CSRF tokens. */
  readonly sessionSecret: string
  /** SM4 key (32 hex characters) for personal data and TOTP secrets at rest. */
  readonly dataKey: string
  readonly sessionIdleMinutes: number
  readonly sessionAbsoluteHours: number
  readonly loginMaxFailures: number
  readonly loginLockMinutes: number
  readonly bodyLimitBytes: number
  /** How long a rendered public page is served from the page cache (0 = off). */
  readonly pageCacheSeconds: number
  readonly logLevel: string
  readonly site: {
    readonly name: string
    readonly regionName: string
    /** 网站标识码 (SiteIDCode), issued by the 国务院办公厅 website registry. */
    readonly siteCode: string
    /** ICP 备案号. */
    readonly icp: string
    /** 公安机关备案号. */
    readonly psb: string
    readonly sponsor: string
    readonly contact: string
  }
}

type Env = Record<string, string | undefined>

export class ConfigError extends Error {}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = (env.NODE_ENV ?? 'development') as Config['env']
  if (!['development', 'production', 'test'].includes(nodeEnv)) throw new ConfigError(`NODE_ENV 只能是 development、production 或 test，现为 ${nodeEnv}`)
  const isProduction = nodeEnv === 'production'
  const problems: string[] = []

  function get(name: string, devDefault: string, opts: { requiredInProduction?: boolean } = {}): string {
    const value = env[name]
    if (value !== undefined && value !== '') return value
    if (isProduction && opts.requiredInProduction) problems.push(`生产环境必须设置 ${name}`)
    return devDefault
  }
  function int(name: string, devDefault: number, min: number, max: number): number {
    const raw = get(name, String(devDefault))
    const n = Number(raw)
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`${name} 必须是 ${min} 到 ${max} 之间的整数，现为 “${raw}”`)
    return n
  }

  const port = int('PORT', 3000, 0, 65535)
  const host = get('HOST', '0.0.0.0')
  const publicUrl = get('PUBLIC_URL', `http://localhost:${port}`, { requiredInProduction: true })
  const sessionSecret = get('SESSION_SECRET', nodeEnv === 'test' ? randomBytes(32).toString('hex') : DEV_SESSION_SECRET, { requiredInProduction: true })
  const dataKey = get('DATA_ENCRYPTION_KEY', DEV_DATA_KEY, { requiredInProduction: true })
  if (!/^[0-9a-f]{32}$/i.test(dataKey)) problems.push('DATA_ENCRYPTION_KEY 必须是 32 位十六进制字符（SM4 密钥，128 位）')
  if (isProduction && sessionSecret === DEV_SESSION_SECRET) problems.push('生产环境不能使用默认的 SESSION_SECRET')
  if (isProduction && sessionSecret.length < 32) problems.push('SESSION_SECRET 至少 32 个字符')
  if (isProduction && dataKey.toLowerCase() === DEV_DATA_KEY) problems.push('生产环境不能使用默认的 DATA_ENCRYPTION_KEY')

  const config: Config = {
    env: nodeEnv,
    isProduction,
    port,
    host,
    publicUrl,
    https: publicUrl.startsWith('https://'),
    databaseUrl: get('DATABASE_URL', ''),
    dataDir: path.resolve(get('DATA_DIR', './data')),
    sessionSecret,
    dataKey,
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 30, 5, 24 * 60),
    sessionAbsoluteHours: int('SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 7),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, 3, 20),
    loginLockMinutes: int('LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 1_048_576, 1024, 100 * 1_048_576),
    pageCacheSeconds: int('PAGE_CACHE_SECONDS', 60, 0, 3600),
    logLevel: get('LOG_LEVEL', nodeEnv === 'test' ? 'silent' : 'info'),
    site: {
      name: get('SITE_NAME', '重庆市开州区人民政府'),
      regionName: get('SITE_REGION_NAME', '重庆市开州区'),
      siteCode: get('SITE_ID_CODE', '0000000000', { requiredInProduction: true }),
      icp: get('SITE_ICP', '渝ICP备00000000号（演示）', { requiredInProduction: true }),
      psb: get('SITE_PSB', ''),
      sponsor: get('SITE_SPONSOR', '重庆市开州区人民政府办公室'),
      contact: get('SITE_CONTACT', '023-52222196'),
    },
  }
  if (problems.length > 0) throw new ConfigError(`配置有误：\n- ${problems.join('\n- ')}`)
  return Object.freeze(config)
}
