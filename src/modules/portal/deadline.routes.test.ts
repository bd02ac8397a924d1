/** 答复期限计算: the public page and GET /api/v1/calendar/due give the same answer with its trace. */
import { describe, expect, it } from 'vitest'
import { html, text, useTestApp } from '../../../test/support/test-app.ts'

const site = useTestApp()

describe('GET /api/v1/calendar/due', () => {
  it.each([
    ['2025-01-24', '20', '', '2025-02-27'], // 春节 2025-01-28…02-04; 01-26 and 02-08 worked
    ['2025-09-30', '20', '', '2025-11-04'], // 国庆节、中秋节 10-01…10-08
    ['2025-09-26', '1', '', '2025-09-28'], // a Sunday worked in lieu
    ['2017-09-29', '', 'cn-2007', '2017-10-26'], // the seed's year: 15 working days
  ])('from %s, %s working days (%s) → %s', async (from, days, regime, due) => {
    const res = await site.app.inject(`/api/v1/calendar/due?from=${from}${days ? `&days=${days}` : ''}${regime ? `&regime=${regime}` : ''}`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.due).toBe(due)
    expect(body.provisional).toBe(false)
    expect(body.trace.lines.length).toBeGreaterThan(1)
    expect(body.trace.lines[0]).toContain(from)
  })

  it('uses the regime in force on the receipt date when none is given', async () => {
    expect((await site.app.inject('/api/v1/calendar/due?from=2018-03-01')).json()).toMatchObject({ regime: 'cn-2007', days: 15 })
    expect((await site.app.inject('/api/v1/calendar/due?from=2025-03-03')).json()).toMatchObject({ regime: 'cn-2019', days: 20 })
  })

  it('marks a deadline reaching into a year without official data as provisional, naming the year', async () => {
    const body = (await site.app.inject('/api/v1/calendar/due?from=2026-12-10&days=20')).json()
    expect(body.provisional).toBe(true)
    expect(body.missingYears).toEqual([2027])
  })

  it.each([
    ['from=2025-02-30&days=20', 'from', '不是真实存在的日期'],
    ['from=2025-01-24&days=-3', 'days', '不能是负数'],
    ['from=2025-01-24&days=99999', 'days', '不能超过 3650'],
    ['from=2025-01-24&days=1.5', 'days', '整数'],
    ['from=2025-01-24&regime=cn-1999', 'regime', 'cn-2019'],
    ['from=yesterday', 'from', '2025-09-30'],
    ['', 'from', '请填写收到申请的日期'],
  ])('refuses %s with a Chinese message on field %s', async (query, field, message) => {
    const res = await site.app.inject(`/api/v1/calendar/due?${query}`)
    expect(res.statusCode).toBe(400)
    const body = res.json()
    expect(body.error.code).toBe('GK_INVALID_INPUT')
    expect(body.error.fields[0].field).toBe(field)
    expect(body.error.fields[0].message).toContain(message)
  })
})

describe('/gongju/dqjs', () => {
  it('shows an empty form first', async () => {
    const res = await site.app.inject('/gongju/dqjs')
    expect(res.statusCode).toBe(200)
    expect(text(res, 'h1')).toBe('答复期限计算')
    expect(html(res).querySelector('.deadline-answer')).toBeNull()
  })

  it('shows the same due date and trace as the API', async () => {
    const page = await site.app.inject('/gongju/dqjs?from=2025-09-30&days=20')
    const api = (await site.app.inject('/api/v1/calendar/due?from=2025-09-30&days=20')).json()
    expect(text(page, '.deadline-answer')).toContain('2025-11-04')
    expect(html(page).querySelectorAll('.trace li').map((li) => li.text)).toEqual(api.trace.lines)
    expect(text(page, '.trace')).toContain('国庆节')
  })

  it('shows the provisional warning', async () => {
    const page = await site.app.inject('/gongju/dqjs?from=2026-12-10')
    expect(text(page, '.notice')).toContain('2027 年的放假安排尚未公布或尚未录入')
  })

  it('answers bad input with the error summary', async () => {
    const page = await site.app.inject('/gongju/dqjs?from=2025-13-01&days=20')
    expect(page.statusCode).toBe(400)
    expect(text(page, '.error-summary')).toContain('2025-13-01')
  })
})
