/** The calendar in the back office: who may see and change it, notice import with confirmation, amendment. */
import { describe, expect, it } from 'vitest'
import { html, staffClients, text, useTestApp } from '../../../test/support/test-app.ts'
import { currentCalendar, dayKind, listVersions } from '../calendar/index.ts'

const site = useTestApp()
const as = staffClients(() => site.app, '198.51.100.', 40)

describe('calendar pages', () => {
  it('shows any year with its working-day count, notices and special days', async () => {
    const res = await (await as('fgw.editor')).get('/admin/calendar?year=2025')
    expect(res.statusCode).toBe(200)
    expect(text(res, 'h1')).toBe('2025 年工作日历')
    expect(text(res, 'main')).toContain('全年工作日 248 天')
    expect(text(res, 'main')).toContain('国办发明电〔2024〕12号')
    const rows = html(res).querySelectorAll('table.table tbody tr').map((r) => r.text)
    expect(rows.some((r) => r.includes('2025-10-11') && r.includes('调休上班'))).toBe(true)
    // a unit liaison sees the calendar but cannot change it
    expect(res.body).not.toContain('/admin/calendar/amend')
  })

  it('warns that next year has no official data yet', async () => {
    const res = await (await as('gkb')).get('/admin/calendar?year=2027')
    expect(text(res, '.notice')).toContain('2027 年的国务院放假安排尚未录入')
    const dashboard = await (await as('gkb')).get('/admin')
    expect(text(dashboard, 'main')).toContain('2027 年的国务院放假安排尚未录入工作日历')
    const liaison = await (await as('fgw.editor')).get('/admin')
    expect(text(liaison, 'main')).not.toContain('放假安排尚未录入')
  })

  it.each([['fgw.editor', 403], ['fgw.admin', 403], ['auditor', 403], ['gkb', 200], ['sysadmin', 200]])('GET /admin/calendar/amend as %s → %i', async (username, status) => {
    expect((await (await as(username)).get('/admin/calendar/amend')).statusCode).toBe(status)
  })

  it('refuses a POST from someone who may not change the calendar, and stores nothing', async () => {
    const before = (await listVersions(site.db)).length
    const client = await as('fgw.editor')
    await client.get('/admin/calendar')
    const res = await client.post('/admin/calendar/amend', { docNo: 'x', reason: 'x', lines: '2025-10-13 休 测试', step: 'confirm' })
    expect(res.statusCode).toBe(403)
    expect((await listVersions(site.db)).length).toBe(before)
  })

  it('imports a notice only after confirmation', async () => {
    const client = await as('gkb')
    await client.get('/admin/calendar/notice?year=2027')
    const form = { year: '2027', title: '假设的2027年通知（测试）', docNo: '', url: '', text: '一、元旦：1月1日（周五）至3日（周日）放假，共3天。' }
    const before = (await listVersions(site.db)).length
    const preview = await client.post('/admin/calendar/notice', { ...form, step: 'preview' })
    expect(preview.statusCode).toBe(200)
    expect(text(preview, '#proposal-title')).toBe('请核对')
    expect(text(preview, 'main')).toContain('有 3 个日期会改变')
    expect((await listVersions(site.db)).length).toBe(before)
    const confirm = await client.post('/admin/calendar/notice', { ...form, step: 'confirm' })
    expect(confirm.statusCode).toBe(303)
    expect((await listVersions(site.db)).length).toBe(before + 1)
    const cal = (await currentCalendar(site.db))!.calendar
    expect(dayKind('2027-01-01', cal).kind).toBe('holiday')
    const after = await client.get(confirm.headers.location as string)
    expect(text(after, '.notice')).toContain('已保存为日历版本')
  })

  it('explains which sentence of a notice it cannot read, and stores nothing', async () => {
    const client = await as('gkb')
    await client.get('/admin/calendar/notice')
    const before = (await listVersions(site.db)).length
    const res = await client.post('/admin/calendar/notice', { year: '2028', title: '', docNo: '', url: '', text: '一、元旦：某月某日放假一天，具体另行通知。', step: 'confirm' })
    expect(res.statusCode).toBe(400)
    expect(text(res, '.error-summary')).toContain('某月某日')
    expect((await listVersions(site.db)).length).toBe(before)
  })

  it('refuses amendment lines it cannot read, naming the line', async () => {
    const client = await as('sysadmin')
    await client.get('/admin/calendar/amend')
    const res = await client.post('/admin/calendar/amend', { docNo: '国办发明电〔2020〕1号', title: '', url: '', reason: '延长春节假期', lines: '2020-01-31 休 春节\n2020-02-31 休 春节', step: 'preview' })
    expect(res.statusCode).toBe(400)
    expect(text(res, '.error-summary')).toContain('第 2 行')
  })
})
