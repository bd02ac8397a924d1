import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { APPLICANT_CATEGORIES, APPLICANT_CATEGORY_CODES, applicantCategory, applicantCategoryRule, parseApplicantCategory } from './applicant.ts'

describe('applicant categories (table 三 columns, 国办公开办函〔2021〕30号)', () => {
  it('lists the six columns in printed order, before 总计', () => {
    expect(APPLICANT_CATEGORIES.map((rule) => rule.label)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'])
    expect(APPLICANT_CATEGORIES.filter((rule) => rule.type === 'natural_person').map((rule) => rule.code)).toEqual(['natural_person'])
  })

  it.each([
    ['natural_person', undefined, 'natural_person'],
    ['natural_person', 'commercial', 'natural_person'],
    ['organisation', 'legal_service', 'legal_service'],
    ['organisation', undefined, null],
    ['organisation', 'natural_person', null],
  ] as const)('a %s of kind %s is counted in column %s', (type, kind, column) => {
    expect(applicantCategory(type, kind as never)).toBe(column)
  })

  it.each([
    ['自然人', 'natural_person'],
    ['公民', 'natural_person'],
    [' 商业企业 ', 'commercial'],
    ['法人或其他组织：科研机构', 'research'],
    ['法人或者其他组织-社会公益组织', 'public_welfare'],
    ['法人或其他组织（法律服务机构）', 'legal_service'],
    ['其他', 'other'],
    ['legal_service', 'legal_service'],
    ['法人或其他组织', null],
    ['律师', null],
  ])('reads “%s” as %s', (text, code) => {
    expect(parseApplicantCategory(text)).toBe(code)
  })

  it('reads back every label and form label it prints', () => {
    fc.assert(fc.property(fc.constantFrom(...APPLICANT_CATEGORY_CODES), (code) => {
      const rule = applicantCategoryRule(code)
      expect(parseApplicantCategory(rule.label)).toBe(code)
      expect(parseApplicantCategory(rule.formLabel)).toBe(code)
    }))
  })
})
