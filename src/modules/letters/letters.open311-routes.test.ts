/** Open311 GeoReport v2: service list, create request (idempotent, validated), request status without personal data. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildTestApp } from '../../../test/support/test-app.ts'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'

let database: TestDatabase
let app: Awaited<ReturnType<typeof buildTestApp>>['app']
beforeAll(async () => {
  database = await openTestPglite()
  app = (await buildTestApp(database.db)).app
})
afterAll(async () => {
  await app.close()
  await database.close()
})

const post = (form: Record<string, string>, key = 'open311-test-key-000001') => app.inject({
  method: 'POST', url: '/open311/v2/requests.json', payload: new URLSearchParams(form).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': key }, remoteAddress: '203.0.113.90',
})

it('lists the five categories as services', async () => {
  const res = await app.inject({ method: 'GET', url: '/open311/v2/services.json' })
  expect(res.json().map((s: { service_code: string; service_name: string }) => `${s.service_code}:${s.service_name}`)).toEqual(['consultation:咨询', 'help:求助', 'complaint:投诉', 'suggestion:建议', 'report:举报'])
})

it('creates a request once per idempotency key and reports its status without personal data', async () => {
  const bad = await post({ service_code: 'nonsense', description: '短', phone: '' })
  expect(bad.statusCode).toBe(400)
  expect(bad.json().map((e: { description: string }) => e.description)).toEqual(expect.arrayContaining(['service_code: 请选择诉求类别']))
  const form = { service_code: 'complaint', description: '小区门口路灯坏了两个月，请尽快修复。', last_name: '钱', first_name: '七', phone: '13500005555' }
  const created = await post(form)
  expect(created.statusCode).toBe(201)
  const [{ service_request_id: id, token }] = created.json()
  expect(id).toMatch(/^\d{10}$/)
  expect(token).toMatch(/^[A-Z2-9]{10}$/)
  const again = await post(form)
  expect(again.statusCode).toBe(200)
  expect(again.json()[0].service_request_id).toBe(id)

  const status = await app.inject({ method: 'GET', url: `/open311/v2/requests/${id}.json` })
  expect(status.json()[0]).toMatchObject({ service_request_id: id, status: 'open', gongkai_status: 'received', service_code: 'complaint', service_name: '投诉', channel: '区长公开信箱' })
  expect(status.body).not.toContain('13500005555')
  expect(status.body).not.toContain('路灯')
  expect((await app.inject({ method: 'GET', url: '/open311/v2/requests/9999999999.json' })).statusCode).toBe(404)
  const doc = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })
  expect(Object.keys(doc.json().paths)).toEqual(expect.arrayContaining(['/open311/v2/services.json', '/open311/v2/requests.json', '/open311/v2/requests/{id}.json']))
})
