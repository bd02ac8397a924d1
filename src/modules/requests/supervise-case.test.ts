/** 督办 by the 公开办 over HTTP: only the 公开办 may, units see it (case page, trace, list), bad input changes nothing. */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, Client, html, staffClients, TEST_NOW } from '../../../test/support/test-app.ts'
import { openTestPglite, type TestDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { findOrganisationByCode } from '../orgs/index.ts'
import { runDeadlineReminders } from './deadline-reminders.ts'
import { recordStep } from './record-step.ts'
import { registerRequest } from './register-request.ts'
import { actorOf, onlineApplication, requestsContext } from './requests.fixtures.ts'

let database: TestDatabase
let app: FastifyInstance
let staff: (username: string) => Promise<Client>
let caseId: number

beforeAll(async () => {
  database = await openTestPglite()
  app = (await buildTestApp(database.db)).app
  staff = staffClients(() => app, '192.0.2.')
  const db = database.db
  const fgw = (await findOrganisationByCode(db, 'fgw'))!
  const editor = requestsContext(db, fixedClock(TEST_NOW), await actorOf(db, 'fgw.editor'))
  caseId = (await registerRequest(editor, onlineApplication(fgw.id, { channel: 'in_person', facts: { submittedOn: '2026-11-20' }, idempotencyKey: '7'.repeat(32) }))).case.id
})
afterAll(async () => {
  await app?.close()
  await database?.close()
})

const supervisedEvents = () => database.db.selectFrom('request_events').select(['type', 'actor_user_id', 'details']).where('case_id', '=', caseId).where('type', '=', 'supervised').execute()
const audit = (outcome: string, action = 'request.supervise') => database.db.selectFrom('audit_log').select('actor_username').where('action', '=', action).where('outcome', '=', outcome)
  .where('target_id', '=', String(caseId)).execute()

describe('督办 of a request case', () => {
  it('refuses the handling unit (403, no form offered) and another unit (404), audits both and writes nothing', async () => {
    const own = await staff('fgw.head')
    const page = await own.get(`/admin/requests/${caseId}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).not.toContain('督办这件申请')
    expect((await own.post(`/admin/requests/${caseId}/supervise`, { reason: '请于三个工作日内答复' })).statusCode).toBe(403)
    const other = await staff('czj.editor')
    await other.get('/admin/requests')
    expect((await other.post(`/admin/requests/${caseId}/supervise`, { reason: '请于三个工作日内答复' })).statusCode).toBe(404)
    expect(await supervisedEvents()).toEqual([])
    expect((await audit('denied')).map((a) => a.actor_username)).toEqual(['fgw.head'])
    // Another unit is refused before it learns the case exists (audited as a refused view).
    expect((await audit('denied', 'request.view')).map((a) => a.actor_username)).toEqual(['czj.editor'])
  })

  it('refuses a 公开办 post without a reason or without the CSRF token, and changes nothing', async () => {
    const gkb = await staff('gkb')
    const page = await gkb.get(`/admin/requests/${caseId}`)
    expect(html(page).querySelector(`form[action="/admin/requests/${caseId}/supervise"] textarea[name="reason"]`)).not.toBeNull()
    const empty = await gkb.post(`/admin/requests/${caseId}/supervise`, { reason: '  ' })
    expect(empty.statusCode).toBe(400)
    expect(html(empty).querySelectorAll('.error-summary__list li').map((li) => li.text)).toEqual(['请填写督办理由，至少 4 个字'])
    const tooLong = await gkb.post(`/admin/requests/${caseId}/supervise`, { reason: '催'.repeat(501) })
    expect(tooLong.statusCode).toBe(400)
    expect((await gkb.post(`/admin/requests/${caseId}/supervise`, { reason: '请于三个工作日内答复' }, { csrf: false })).statusCode).toBe(403)
    expect(await supervisedEvents()).toEqual([])
    expect(await audit('success')).toEqual([])
  })

  it('refuses to supervise a closed case (409) and writes nothing', async () => {
    const db = database.db
    const editor = requestsContext(db, fixedClock(TEST_NOW), await actorOf(db, 'fgw.editor'))
    const closed = (await registerRequest(editor, onlineApplication((await findOrganisationByCode(db, 'fgw'))!.id, { channel: 'in_person', facts: { submittedOn: '2026-11-16' }, idempotencyKey: '6'.repeat(32) }))).case
    await recordStep(editor, closed.id, { type: 'decided', on: '2026-11-26', decision: { code: 'granted', answerForm: 'provided' } }, { howProvided: '随本答复书提供电子文本' })
    const gkb = await staff('gkb')
    const page = html(await gkb.get(`/admin/requests/${closed.id}`))
    expect(page.querySelector(`form[action="/admin/requests/${closed.id}/supervise"]`)).toBeNull()
    const res = await gkb.post(`/admin/requests/${closed.id}/supervise`, { reason: '请说明答复情况' })
    expect(res.statusCode).toBe(409)
    expect(html(res).querySelector('.error-summary')?.text).toContain('这件申请已经办结，不能督办')
    expect(await database.db.selectFrom('request_events').select('id').where('case_id', '=', closed.id).where('type', '=', 'supervised').execute()).toEqual([])
  })

  it('lets the 公开办 supervise: an event in the trace by that user, audited, and the unit sees it on the case and in its list', async () => {
    const gkb = await staff('gkb')
    await gkb.get(`/admin/requests/${caseId}`)
    const done = await gkb.post(`/admin/requests/${caseId}/supervise`, { reason: '申请人多次来电，请于三个工作日内答复' })
    expect(done.statusCode).toBe(303)
    expect(done.headers.location).toBe(`/admin/requests/${caseId}?done=supervised`)
    const events = await supervisedEvents()
    expect(events).toHaveLength(1)
    expect(events[0]!.details).toMatchObject({ reason: '申请人多次来电，请于三个工作日内答复', notes: ['督办理由：申请人多次来电，请于三个工作日内答复'] })
    expect((await audit('success')).map((a) => a.actor_username)).toEqual(['gkb'])

    const unit = await staff('fgw.editor')
    const casePage = html(await unit.get(`/admin/requests/${caseId}`))
    expect(casePage.querySelector('#supervision-title')?.text).toBe('督办')
    expect(casePage.text).toContain('公开办已督办这件申请')
    const traceRow = casePage.querySelectorAll('table tr').find((tr) => tr.text.includes('督办理由：申请人多次来电'))
    expect(traceRow?.querySelectorAll('td').map((td) => td.text).slice(1, 4)).toEqual(['公开办督办', '督办理由：申请人多次来电，请于三个工作日内答复', expect.stringMatching(/\S/)])
    const list = html(await unit.get('/admin/requests'))
    expect(list.querySelector('.notice--warning')?.text).toBe('本单位有 1 件在办申请正被公开办督办，列表中标有“督办”。')
    const row = list.querySelectorAll('tbody tr').find((tr) => tr.querySelector('a')?.getAttribute('href') === `/admin/requests/${caseId}`)
    expect(row?.querySelector('.tag--red')?.text).toBe('督办')
    // Another unit's list shows no 督办 of this case.
    const czjList = html(await (await staff('czj.editor')).get('/admin/requests'))
    expect(czjList.querySelector('.notice--warning')).toBeNull()
  })

  it('counts the automatic 督办 of the reminder job too', async () => {
    const db = database.db
    const fgw = (await findOrganisationByCode(db, 'fgw'))!
    const clock = fixedClock(TEST_NOW)
    // Received 2026-10-26, due 2026-11-23: on 11-27 more than 3 working days past due, so the job escalates it.
    const late = (await registerRequest(requestsContext(db, clock, await actorOf(db, 'fgw.editor')), onlineApplication(fgw.id, { channel: 'in_person', facts: { submittedOn: '2026-10-26' }, idempotencyKey: '8'.repeat(32) }))).case.id
    expect((await runDeadlineReminders({ db, clock })).escalated).toBe(1)
    const list = html(await (await staff('fgw.editor')).get('/admin/requests'))
    expect(list.querySelector('.notice--warning')?.text).toBe('本单位有 2 件在办申请正被公开办督办，列表中标有“督办”。')
    const row = list.querySelectorAll('tbody tr').find((tr) => tr.querySelector('a')?.getAttribute('href') === `/admin/requests/${late}`)
    expect(row?.querySelector('.tag--red')?.text).toBe('督办')
  })

  it('shows the 公开办 a 督办中 count per unit in the overview', async () => {
    const page = html(await (await staff('gkb')).get('/admin/requests'))
    const table = page.querySelector('#overview-title')!.parentNode.querySelector('table')!
    expect(table.querySelectorAll('thead th').map((th) => th.text)).toEqual(['单位', '在办', '即将到期', '已逾期', '督办中'])
    const cells = (unit: string) => table.querySelectorAll('tbody tr').find((tr) => tr.querySelector('td')?.text === unit)?.querySelectorAll('td').map((td) => td.text)
    expect(cells('区发展改革委')?.[4]).toBe('2')
    expect(table.querySelectorAll('tbody tr').every((tr) => /^\d+$/.test(tr.querySelectorAll('td')[4]!.text))).toBe(true)
  })
})
