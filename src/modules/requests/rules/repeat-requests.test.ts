import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type RequestSummary, descriptionSimilarity, findRepeatRequests, normaliseDescription, proactiveCandidates } from './repeat-requests.ts'

const request = (overrides: Partial<RequestSummary> & Pick<RequestSummary, 'id' | 'description'>): RequestSummary => ({
  applicantKey: 'applicant-1',
  unitId: 'fgw',
  receivedOn: '2025-03-01',
  decidedOn: '2025-03-20',
  disposition: 'granted',
  answerForm: 'provided',
  ...overrides,
})

describe('normaliseDescription', () => {
  it('extracts 文号 in any bracket style and drops request boilerplate and punctuation', () => {
    expect(normaliseDescription('申请公开：国办发[2019]51号文件全文。')).toMatchObject({ docNos: [{ year: 2019, serial: 51 }], text: '' })
    expect(normaliseDescription('请提供 2024年 开州区 城区道路改造工程的 立项批复')).toMatchObject({ docNos: [], text: '2024年开州区城区道路改造工程立项批复' })
  })
})

describe('descriptionSimilarity', () => {
  it.each([
    ['申请公开国办发〔2019〕51号', '请提供国办发[2019]51号文件全文', 1],
    ['开州府发（2023）7号', '开州府发〔2023〕7号的全文', 1],
    ['国办发〔2019〕51号', '国办发〔2019〕52号', 0],
    ['渝府办发〔2020〕70号', '国办发〔2020〕70号', 0],
  ])('“%s” and “%s”: %f', (a, b, expected) => {
    expect(descriptionSimilarity(a, b)).toBeCloseTo(expected, 5)
  })

  it('ranks the same project above a different one', () => {
    const base = '2024年开州区城区道路改造工程的立项批复'
    expect(descriptionSimilarity(base, '开州区城区道路改造工程（2024年）立项批复文件')).toBeGreaterThan(0.7)
    expect(descriptionSimilarity(base, '2024年开州区义务教育学校招生计划')).toBeLessThan(0.4)
  })

  it('is symmetric, within 0…1, and 1 for a text and itself', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
      const ab = descriptionSimilarity(a, b)
      expect(ab).toBeCloseTo(descriptionSimilarity(b, a), 10)
      expect(ab).toBeGreaterThanOrEqual(0)
      expect(ab).toBeLessThanOrEqual(1)
      expect(descriptionSimilarity(a, a)).toBe(1)
    }))
  })
})

describe('findRepeatRequests (第三十六条第（六）项)', () => {
  const now = request({ id: 'new', description: '请提供国办发[2019]51号全文', receivedOn: '2025-05-01', decidedOn: null, disposition: null })
  const earlier = [
    request({ id: 'same', description: '申请公开国办发〔2019〕51号' }),
    request({ id: 'other-applicant', applicantKey: 'applicant-2', description: '国办发〔2019〕51号' }),
    request({ id: 'other-unit', unitId: 'czj', description: '国办发〔2019〕51号' }),
    request({ id: 'abandoned', description: '国办发〔2019〕51号', disposition: 'other_overdue_correction' }),
    request({ id: 'undecided', description: '国办发〔2019〕51号', decidedOn: null, disposition: null }),
    request({ id: 'answered-later', description: '国办发〔2019〕51号', receivedOn: '2025-04-20', decidedOn: '2025-05-10' }),
    request({ id: 'different', description: '国办发〔2019〕52号' }),
  ]

  it('finds only the same applicant’s answered request to the same unit for the same information', () => {
    const matches = findRepeatRequests(now, earlier)
    expect(matches.map((match) => match.requestId)).toEqual(['same'])
    expect(matches[0]!.explanation).toContain('第三十六条第（六）项')
  })
})

describe('proactiveCandidates (第四十四条)', () => {
  it('groups publishable requests for the same information from two or more applicants', () => {
    const candidates = proactiveCandidates([
      request({ id: 'a', applicantKey: 'p1', description: '2024年开州区城区道路改造工程的立项批复', receivedOn: '2025-02-01' }),
      request({ id: 'b', applicantKey: 'p2', description: '开州区城区道路改造工程（2024年）立项批复文件', receivedOn: '2025-03-01' }),
      request({ id: 'c', applicantKey: 'p3', description: '2024年开州区城区道路改造工程立项批复', disposition: 'partial', receivedOn: '2025-04-01' }),
      request({ id: 'refused', applicantKey: 'p4', description: '2024年开州区城区道路改造工程立项批复', disposition: 'denied_process_information' }),
      request({ id: 'published', applicantKey: 'p5', description: '2024年开州区城区道路改造工程立项批复', answerForm: 'already_published' }),
      request({ id: 'one-applicant-1', applicantKey: 'p6', description: '国办发〔2019〕51号' }),
      request({ id: 'one-applicant-2', applicantKey: 'p6', description: '国办发[2019]51号全文' }),
      request({ id: 'other-unit', applicantKey: 'p7', unitId: 'czj', description: '2024年开州区城区道路改造工程立项批复' }),
    ])
    expect(candidates).toHaveLength(1)
    expect(candidates[0]).toMatchObject({ unitId: 'fgw', requestIds: ['a', 'b', 'c'], applicantCount: 3, description: '2024年开州区城区道路改造工程的立项批复' })
    expect(candidates[0]!.explanation).toContain('第四十四条')
  })

  it('never groups requests of different units nor groups with a single applicant', () => {
    const summary = fc.record({ id: fc.uuid(), applicantKey: fc.constantFrom('p1', 'p2', 'p3'), unitId: fc.constantFrom('u1', 'u2'), description: fc.constantFrom('国办发〔2019〕51号', '国办发[2019]51号全文', '2024年道路改造立项批复', '道路改造立项批复2024年') })
      .map((fields) => request(fields))
    fc.assert(fc.property(fc.uniqueArray(summary, { selector: (item) => item.id, maxLength: 20 }), (requests) => {
      const byId = new Map(requests.map((item) => [item.id, item]))
      for (const candidate of proactiveCandidates(requests)) {
        const members = candidate.requestIds.map((id) => byId.get(id)!)
        expect(new Set(members.map((member) => member.unitId)).size).toBe(1)
        expect(new Set(members.map((member) => member.applicantKey)).size).toBeGreaterThanOrEqual(2)
      }
    }))
  })
})
