import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

const productionEnv = {
  NODE_ENV: 'production', PUBLIC_URL: 'https://www.example.gov.cn', SESSION_SECRET: 'x'.repeat(48),
  DATA_ENCRYPTION_KEY: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', SITE_ID_CODE: '5002340001', SITE_ICP: '渝ICP备12345678号',
}

describe('loadConfig', () => {
  it('gives working defaults in development', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({ env: 'development', port: 3000, databaseUrl: '', https: false })
    expect(c.dataDir.endsWith('data')).toBe(true)
    expect(Object.isFrozen(c)).toBe(true)
  })

  it('reads PORT and turns on HTTPS features for an https PUBLIC_URL', () => {
    const c = loadConfig({ PORT: '8080', PUBLIC_URL: 'https://gk.example.gov.cn' })
    expect(c.port).toBe(8080)
    expect(c.https).toBe(true)
  })

  it('refuses default secrets and missing settings in production, naming each', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError)
    try {
      loadConfig({ NODE_ENV: 'production' })
    } catch (e) {
      const m = (e as Error).message
      for (const name of ['PUBLIC_URL', 'SESSION_SECRET', 'DATA_ENCRYPTION_KEY', 'SITE_ID_CODE', 'SITE_ICP']) expect(m).toContain(name)
    }
    expect(() => loadConfig({ ...productionEnv, SESSION_SECRET: 'gongkai-development-session-secret-not-for-production' })).toThrow('默认的 SESSION_SECRET')
    expect(() => loadConfig({ ...productionEnv, DATA_ENCRYPTION_KEY: '00112233445566778899aabbccddeeff' })).toThrow('默认的 DATA_ENCRYPTION_KEY')
    expect(loadConfig(productionEnv).isProduction).toBe(true)
  })

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATA_ENCRYPTION_KEY: 'short' }, 'DATA_ENCRYPTION_KEY'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ LOGIN_MAX_FAILURES: '1' }, 'LOGIN_MAX_FAILURES'],
  ])('explains a bad value %o in Chinese', (env, name) => {
    expect(() => loadConfig(env)).toThrow(name)
  })
})
