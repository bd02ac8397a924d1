import { describe, expect, it } from 'vitest'
import type { Edition } from './publishing.repository.ts'
import { diffVersions } from './version-diff.ts'

const base = { title: '关于做好冬季天然气保供工作的通知', docNo: '开州发改发〔2026〕88号', writtenOn: '2026-11-20', topic: '综合政务', validity: null, effectiveOn: null, expiresOn: null, summary: '' } as unknown as Edition
const edition = (bodyHtml: string, extra: Partial<Edition> = {}) => ({ ...base, bodyHtml, ...extra }) as Edition

describe('diffVersions', () => {
  it('marks changed characters inside a rewritten paragraph', () => {
    const d = diffVersions(edition('<p>请于11月30日前报送方案。</p>'), edition('<p>请于12月1日前报送方案。</p>'))
    expect(d.paragraphs).toHaveLength(1)
    const row = d.paragraphs[0]!
    expect(row.changed).toBe(true)
    expect(row.before.filter((s) => s.change === 'removed').map((s) => s.text).join('')).toBe('130')
    expect(row.after.filter((s) => s.change === 'added').map((s) => s.text).join('')).toBe('21')
    expect(row.before.map((s) => s.text).join('')).toBe('请于11月30日前报送方案。')
    expect(row.after.map((s) => s.text).join('')).toBe('请于12月1日前报送方案。')
  })

  it('shows an added paragraph only on the right and keeps unchanged ones on both sides', () => {
    const d = diffVersions(edition('<p>第一段。</p><p>第二段。</p>'), edition('<p>第一段。</p><p>第二段。</p><p>新增第三段。</p>'))
    expect(d.paragraphs.map((r) => r.changed)).toEqual([false, false, true])
    expect(d.paragraphs[2]!.before).toEqual([])
    expect(d.paragraphs[2]!.after).toEqual([{ text: '新增第三段。', change: 'added' }])
  })

  it('lists changed metadata fields', () => {
    const d = diffVersions(edition('<p>x</p>'), edition('<p>x</p>', { title: '关于做好冬季天然气保供工作的补充通知', validity: 'expired' }))
    expect(d.fields.map((f) => f.label)).toEqual(['名称', '有效性'])
  })

  it('finds no change between identical versions', () => {
    const d = diffVersions(edition('<p>同样的内容。</p>'), edition('<p>同样的内容。</p>'))
    expect(d.fields).toEqual([])
    expect(d.paragraphs.every((r) => !r.changed)).toBe(true)
  })
})

import { validityOn } from './validity.ts'
describe('validityOn', () => {
  it.each([
    ['in_force', '2026-12-31', '2026-11-27', 'in_force'],
    ['in_force', '2026-11-27', '2026-11-27', 'expired'],
    ['in_force', '2025-01-01', '2026-11-27', 'expired'],
    ['in_force', null, '2026-11-27', 'in_force'],
    ['repealed', '2030-01-01', '2026-11-27', 'repealed'],
    [null, '2020-01-01', '2026-11-27', null],
  ])('%s with 失效日期 %s on %s reads as %s', (validity, expiresOn, today, expected) => {
    expect(validityOn(validity, expiresOn, today)).toBe(expected)
  })
})
