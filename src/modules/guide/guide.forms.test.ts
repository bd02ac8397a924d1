/** The 指南 settings form: what a unit administrator may type, and the Chinese message when it is wrong. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fieldErrors } from '../../platform/http/forms.ts'
import { DisclosureSettingsForm, isPhoneList } from './guide.forms.ts'

const VALID = {
  officeName: '区财政局办公室', address: '重庆市开州区汉丰街道开州大道中段233号', postcode: '405400', officeHours: '工作日 9:00—12:00，14:00—18:00',
  phone: '023-52222196', fax: '', email: '', channels: ['in_person', 'post'], introduction: '', additionalNotes: '',
}

function messages(change: Record<string, unknown>): Record<string, string> {
  const result = DisclosureSettingsForm.safeParse({ ...VALID, ...change })
  return result.success ? {} : Object.fromEntries(fieldErrors(result.error).map((e) => [e.field, e.message]))
}

describe('DisclosureSettingsForm', () => {
  it('accepts a complete form', () => {
    expect(DisclosureSettingsForm.safeParse(VALID).success).toBe(true)
  })

  it.each([
    [{ officeName: '' }, 'officeName', '请填写政府信息公开工作机构的名称，例如“区财政局办公室”'],
    [{ address: '' }, 'address', '请填写办公地址'],
    [{ postcode: '40540' }, 'postcode', '邮政编码是 6 位数字，例如 405400'],
    [{ postcode: '4054OO' }, 'postcode', '邮政编码是 6 位数字，例如 405400'],
    [{ officeHours: '' }, 'officeHours', '请填写办公时间，例如“工作日 9:00—12:00，14:00—18:00”'],
    [{ phone: '' }, 'phone', '请填写联系电话'],
    [{ phone: '5222' }, 'phone', '请填写有效的电话号码，例如 023-52222196；多个号码用顿号隔开'],
    [{ phone: '023-5222219a' }, 'phone', '请填写有效的电话号码，例如 023-52222196；多个号码用顿号隔开'],
    [{ fax: '传真' }, 'fax', '请填写有效的传真号码，例如 023-52222197'],
    [{ email: 'gkb@' }, 'email', '请填写有效的电子邮箱，例如 gkb@example.gov.cn'],
    [{ channels: [] }, 'channels', '请至少选择一种受理渠道'],
    [{ channels: ['pigeon'] }, 'channels.0', '请选择列出的受理渠道'],
  ])('refuses %o with a message on %s', (change, field, message) => {
    expect(messages(change)[field]).toBe(message)
  })

  it.each([
    [{ channels: ['post'], postcode: '' }, 'postcode', '受理信函申请的，请填写邮政编码'],
    [{ channels: ['fax'] }, 'fax', '受理传真申请的，请填写传真号码'],
    [{ channels: ['email'] }, 'email', '受理电子邮件申请的，请填写电子邮箱'],
  ])('asks for the contact a chosen channel needs: %o', (change, field, message) => {
    expect(messages(change)[field]).toBe(message)
  })

  it('offers 网上申请 now that online applications exist, needing no contact field of its own', () => {
    expect(messages({ channels: ['online'] })).toEqual({})
    expect(DisclosureSettingsForm.parse({ ...VALID, channels: ['online', 'in_person'] }).channels).toEqual(['online', 'in_person'])
  })

  it('keeps one channel when a form sends a single value rather than a list', () => {
    const result = DisclosureSettingsForm.parse({ ...VALID, channels: 'in_person' })
    expect(result.channels).toEqual(['in_person'])
  })
})

describe('isPhoneList', () => {
  it.each([
    ['023-52222196', true], ['02352222196', true], ['023-52222196-8001', true], ['13800138000', true], ['12345', true], ['400-123-4567', true],
    ['023-52222196、023-52222197', true], ['023-52222196，12345', true],
    ['', false], ['5222', false], ['023-5222219a', false], ['+86 23 52222196', false], ['电话', false],
  ])('%s → %s', (value, ok) => {
    expect(isPhoneList(value)).toBe(ok)
  })

  it('accepts any 0-area-code landline of 7 or 8 digits, with or without the hyphen', () => {
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''))
    fc.assert(fc.property(fc.integer({ min: 2, max: 3 }).chain((n) => digits(n)), fc.integer({ min: 7, max: 8 }).chain((n) => digits(n)), fc.boolean(), (area, local, hyphen) => {
      expect(isPhoneList(`0${area}${hyphen ? '-' : ''}${local}`)).toBe(true)
    }))
  })

  it('never accepts text containing a letter', () => {
    fc.assert(fc.property(fc.string(), fc.constantFrom('a', 'Z', 'x'), fc.string(), (a, letter, b) => {
      expect(isPhoneList(`${a}${letter}${b}`)).toBe(false)
    }))
  })
})
