/** The requests wing's use cases on a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set). */
import { expect, it } from 'vitest'
import { describeEachDatabase } from '../../../test/support/test-database.ts'
import { fixedClock } from '../../platform/clock.ts'
import { findClock } from '../calendar/index.ts'
import { findOrganisationByCode } from '../orgs/index.ts'
import { openApplicant } from './applicant-privacy.ts'
import { openLetter } from './issue-letters.tsx'
import { recordStep, StepRefusedError } from './record-step.ts'
import { registerRequest } from './register-request.ts'
import { actorOf, onlineApplication, requestsContext } from './requests.fixtures.ts'
import { applicantOf, documentsOf, eventsOf, findCase } from './requests.repository.ts'
import { caseOfTicket, issueTicket, lookUpCase, LOOKUP_MAX_FAILURES } from './track-request.ts'

describeEachDatabase('requests use cases', (get) => {
  const clock = fixedClock('2026-11-27T02:00:00Z')
  const key = (n: number) => n.toString(16).padStart(32, '0')

  it('registers an online application once, however often the form is sent, with the applicant encrypted and masked', async () => {
    const db = get().db
    const fgw = (await findOrganisationByCode(db, 'fgw'))!
    const ctx = requestsContext(db, clock, null)
    const first = await registerRequest(ctx, onlineApplication(fgw.id, { idempotencyKey: key(101) }))
    const again = await registerRequest(ctx, onlineApplication(fgw.id, { idempotencyKey: key(101) }))
    expect(first.created).toBe(true)
    expect(again.created).toBe(false)
    expect(again.case.id).toBe(first.case.id)
    expect(first.case.state).toBe('awaiting_receipt')
    expect(first.case.receivedOn).toBeNull()
    expect(first.case.queryCode).toMatch(/^[A-Z2-9]{12}$/)
    expect(first.case.fingerprint).toMatch(/^[0-9a-f]{64}$/)
    const row = (await applicantOf(db, first.case.id))!
    expect(row.id_number_enc).not.toContain('500234')
    expect(row.phone_enc).not.toContain('1391234')
    expect(row.id_number_masked).toBe('5002**********1232')
    expect(row.phone_masked).toBe('139****5678')
    expect(row.name_masked).toBe('李**')
    expect(openApplicant(ctx.cipher, row).idNumber).toBe('500234199001011232')
    const events = await eventsOf(db, first.case.id)
    expect(events.map((e) => e.type)).toEqual(['registered'])
    expect(JSON.stringify(events[0]!.details)).not.toContain('500234')
  })

  it('starts the clock on the day of an in-person application and issues the receipt letter', async () => {
    const db = get().db
    const fgw = (await findOrganisationByCode(db, 'fgw'))!
    const ctx = requestsContext(db, clock, await actorOf(db, 'fgw.editor'))
    const { case: c } = await registerRequest(ctx, onlineApplication(fgw.id, { channel: 'in_person', facts: { submittedOn: '2026-11-02' }, idempotencyKey: key(102) }))
    expect(c.state).toBe('in_progress')
    expect(c.receivedOn).toBe('2026-11-02')
    // 20 working days after 2026-11-02 (no holidays in November 2026).
    expect(c.dueOn).toBe('2026-11-30')
    expect((await findClock(db, 'request_case', String(c.id)))?.events).toEqual([{ type: 'start', on: '2026-11-02' }])
    const docs = await documentsOf(db, c.id)
    expect(docs.map((d) => d.kind)).toEqual(['receipt'])
    expect(docs[0]!.html).not.toContain('李明华')
    expect(openLetter(ctx.cipher, docs[0]!).html).toContain('李明华')
  })

  it('takes a case through 补正, third-party consultation, extension, partial disclosure, delivery and archive', async () => {
    const db = get().db
    const fgw = (await findOrganisationByCode(db, 'fgw'))!
    const editor = requestsContext(db, clock, await actorOf(db, 'fgw.editor'))
    const head = requestsContext(db, clock, await actorOf(db, 'fgw.head'))
    const { case: c } = await registerRequest(requestsContext(db, clock, null), onlineApplication(fgw.id, { facts: { submittedOn: '2026-09-01' }, idempotencyKey: key(103) }))
    await recordStep(editor, c.id, { type: 'receipt_confirmed', on: '2026-09-01' })
    await recordStep(editor, c.id, { type: 'correction_requested', on: '2026-09-03', items: ['请写明所需方案的年份'], dueOn: '2026-09-18' })
    // Deciding a case that waits for 补正 is refused and changes nothing.
    const before = await findCase(db, c.id)
    await expect(recordStep(editor, c.id, { type: 'decided', on: '2026-09-04', decision: { code: 'granted', answerForm: 'provided' } }, { howProvided: '随本答复书提供纸质复印件' })).rejects.toThrow(/补正/)
    expect(await findCase(db, c.id)).toEqual(before)
    expect((await eventsOf(db, c.id)).length).toBe(3)
    await recordStep(editor, c.id, { type: 'correction_received', on: '2026-09-10' })
    await recordStep(editor, c.id, { type: 'consultation_sent', on: '2026-09-14', party: 'third_party' }, { thirdParty: '重庆某建设有限公司', harm: '方案附有施工单位的报价' })
    await recordStep(editor, c.id, { type: 'consultation_answered', on: '2026-09-21', party: 'third_party', opinion: 'objects' })
    // Only the head of the disclosure work may extend (条例 第三十三条第二款).
    await expect(recordStep(editor, c.id, { type: 'extension_granted', on: '2026-09-22', workingDays: 10, approvedBy: 'x' })).rejects.toThrow()
    await recordStep(head, c.id, { type: 'extension_granted', on: '2026-09-22', workingDays: 10, approvedBy: '发展改革委负责人', reason: '需要与第三方进一步核实' })
    await expect(recordStep(head, c.id, { type: 'extension_granted', on: '2026-09-23', workingDays: 5, approvedBy: '发展改革委负责人' })).rejects.toThrow(StepRefusedError)
    await recordStep(editor, c.id, {
      type: 'decided', on: '2026-10-20',
      decision: { code: 'partial', thirdPartyInterest: 'trade_secret' },
    }, { provided: '实施方案正文', howProvided: '通过本网站下载', withheldParts: [{ part: '施工单位报价明细', grounds: ['third_party'], reason: '涉及第三方商业秘密，第三方不同意公开' }] })
    await recordStep(editor, c.id, { type: 'delivered', on: '2026-10-21', method: 'online_download' })
    await recordStep(editor, c.id, { type: 'archived', on: '2026-10-22' })
    const done = (await findCase(db, c.id))!
    expect(done.state).toBe('archived')
    expect(done.disposition).toBe('partial')
    expect(done.decidedOn).toBe('2026-10-20')
    const events = await eventsOf(db, c.id)
    expect(events.map((e) => e.type)).toEqual(['registered', 'receipt_confirmed', 'correction_requested', 'correction_received', 'consultation_sent', 'consultation_answered', 'extension_granted', 'decided', 'delivered', 'archived'])
    expect(events.every((e) => e.recordedAt instanceof Date)).toBe(true)
    const docs = await documentsOf(db, c.id)
    expect(docs.map((d) => d.kind)).toEqual(['receipt', 'correction_notice', 'third_party_consultation', 'consultation_notice', 'extension_notice', 'answer'])
    expect(docs.find((d) => d.kind === 'third_party_consultation')!.forApplicant).toBe(false)
    const answer = openLetter(editor.cipher, docs.at(-1)!)
    expect(answer.html).toContain('施工单位报价明细')
    expect(answer.html).toContain('行政复议')
    const clockRow = (await findClock(db, 'request_case', String(c.id)))!
    expect(clockRow.events.map((e) => e.type)).toEqual(['start', 'correction_requested', 'restart', 'pause', 'resume', 'extension', 'stop'])
  })

  it('refuses another unit and hides the case from it', async () => {
    const db = get().db
    const fgw = (await findOrganisationByCode(db, 'fgw'))!
    const { case: c } = await registerRequest(requestsContext(db, clock, null), onlineApplication(fgw.id, { idempotencyKey: key(104) }))
    const other = requestsContext(db, clock, await actorOf(db, 'czj.editor'))
    await expect(recordStep(other, c.id, { type: 'receipt_confirmed', on: '2026-10-09' })).rejects.toMatchObject({ status: 404 })
    expect((await findCase(db, c.id))!.state).toBe('awaiting_receipt')
  })

  it('finds a case by query code and phone digits only, and throttles guessing', async () => {
    const db = get().db
    const fgw = (await findOrganisationByCode(db, 'fgw'))!
    const { case: c } = await registerRequest(requestsContext(db, clock, null), onlineApplication(fgw.id, { idempotencyKey: key(105) }))
    const visitor = requestsContext(db, clock, null, '203.0.113.99')
    const code = `${c.queryCode.slice(0, 4)}-${c.queryCode.slice(4, 8)}-${c.queryCode.slice(8)}`.toLowerCase()
    expect((await lookUpCase(visitor, code, '5678'))?.id).toBe(c.id)
    expect(await lookUpCase(visitor, code, '0000')).toBeNull()
    for (let i = 1; i < LOOKUP_MAX_FAILURES; i++) await lookUpCase(visitor, 'AAAAAAAAAAAA', '1234')
    await expect(lookUpCase(visitor, code, '5678')).rejects.toMatchObject({ status: 429 })
    const ticket = issueTicket(visitor, c.id)
    expect((await caseOfTicket(visitor, ticket))?.id).toBe(c.id)
    expect(await caseOfTicket(visitor, ticket.slice(0, -4) + 'AAAA')).toBeNull()
  })
})
