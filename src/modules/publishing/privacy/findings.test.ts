import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { passesLuhn } from './bank-card.ts'
import { scanText, type Finding, type ScanOptions } from './findings.ts'
import { idCheckChar, isValidIdNumber } from './id-card.ts'
import {
  chineseText,
  syntheticCardNumber,
  syntheticIdNumber,
  toFullWidth,
  unionPayCardNumber,
  validIdNumber,
  withWrongCheckChar,
  withWrongLuhnDigit,
} from './privacy.fixtures.ts'

const TODAY = '2026-06-01'
const scan = (text: string, options: ScanOptions = {}) => scanText(text, { today: TODAY, ...options })
const kinds = (findings: Finding[]) => findings.map((f) => `${f.kind}:${f.match}`)

// Synthetic numbers (check characters computed by the fixtures).
const ID = syntheticIdNumber('500103', '19850615', '123') // 重庆市渝中区
const ID_X = (() => {
  for (let seq = 0; seq < 1000; seq++) {
    const id = syntheticIdNumber('110105', '19491231', String(seq).padStart(3, '0'))
    if (id.endsWith('X')) return id
  }
  throw new Error('no X check character in range')
})()
const CARD_16 = syntheticCardNumber('622848', 16)
const CARD_19 = syntheticCardNumber('621700', 19)
const VISA_16 = syntheticCardNumber('436742', 16)

describe('idCheckChar', () => {
  it('computes the GB 11643-1999 check character of the standard’s own example 11010519491231002X', () => {
    expect(idCheckChar('11010519491231002')).toBe('X')
  })

  it.each([
    ['50010319850615123', ID[17]],
    ['44030520000229001', idCheckChar('44030520000229001')],
  ])('check character of %s is one of 1 0 X 9 8 7 6 5 4 3 2', (first17, expected) => {
    expect('10X98765432').toContain(idCheckChar(first17))
    expect(idCheckChar(first17)).toBe(expected)
  })
})

describe('isValidIdNumber', () => {
  it.each([
    [ID, true, 'a valid number'],
    [withWrongCheckChar(ID), false, 'a wrong check character'],
    [syntheticIdNumber('990103', '19850615', '123'), false, 'province 99 does not exist'],
    [syntheticIdNumber('500103', '18991231', '123'), false, 'born before 1900'],
    [syntheticIdNumber('500103', '20270101', '123'), false, 'born after today'],
    [syntheticIdNumber('500103', '19850230', '123'), false, '30 February'],
    [syntheticIdNumber('500103', '19000229', '123'), false, '1900 was not a leap year'],
    [syntheticIdNumber('500103', '20000229', '123'), true, '2000 was a leap year'],
    [syntheticIdNumber('830000', '19900101', '001'), true, '83: 台湾居民居住证'],
  ])('%s → %s (%s)', (id, valid) => {
    expect(isValidIdNumber(id, TODAY)).toBe(valid)
  })
})

describe('scanText', () => {
  describe('身份证号码', () => {
    it('finds an 18-digit number with its offsets, masked value and message', () => {
      const text = `申请人张某，身份证号${ID}，住所略。`
      const [finding, ...rest] = scan(text)
      expect(rest).toEqual([])
      expect(finding).toMatchObject({
        kind: 'id_card',
        match: ID,
        value: ID,
        masked: `5001**********${ID.slice(14)}`,
        start: 10,
        end: 28,
        confidence: 'high',
        message: `发现疑似居民身份证号码 5001**********${ID.slice(14)}：公开前请删除或遮盖，确需公开的请说明理由`,
      })
      expect(text.slice(finding!.start, finding!.end)).toBe(ID)
    })

    it('finds the check character X in upper or lower case', () => {
      expect(kinds(scan(`证件号：${ID_X}`))).toEqual([`id_card:${ID_X}`])
      const lower = ID_X.toLowerCase()
      const [finding] = scan(`证件号：${lower}`)
      expect(finding).toMatchObject({ kind: 'id_card', match: lower, value: ID_X })
    })

    it('finds full-width digits and keeps offsets in the original text', () => {
      const wide = toFullWidth(ID_X)
      const text = `身份证：${wide}。`
      const [finding] = scan(text)
      expect(finding).toMatchObject({ kind: 'id_card', match: wide, value: ID_X, start: 4, end: 22 })
    })

    it('finds a 15-digit old number with a real date, with low confidence', () => {
      const old = '500103850615123'
      const [finding] = scan(`旧证号码 ${old} 已换发`)
      expect(finding).toMatchObject({ kind: 'id_card', match: old, masked: '5001*******5123', confidence: 'low' })
      expect(finding!.message).toContain('15位旧版')
    })

    it.each([
      ['500103851315123', '13th month'],
      ['500103850230123', '30 February'],
      ['990103850615123', 'province 99'],
    ])('does not report the 15-digit number %s (%s)', (number) => {
      expect(scan(`编号 ${number}`)).toEqual([])
    })

    it('does not report an 18-digit number with a wrong check character', () => {
      expect(scan(`号码 ${withWrongCheckChar(ID)}`)).toEqual([])
    })

    it('does not report a birth date after today', () => {
      const future = syntheticIdNumber('500103', '20260701', '123')
      expect(scan(future)).toEqual([])
      expect(kinds(scan(future, { today: '2026-07-01' }))).toEqual([`id_card:${future}`])
    })

    it('does not report an ID number inside a longer run of digits', () => {
      expect(scan(`1${ID}`)).toEqual([])
      expect(scan(`${ID}0`)).toEqual([])
    })
  })

  describe('手机号码', () => {
    it.each([
      ['13800138000', '13800138000'],
      ['+8613800138000', '+8613800138000'],
      ['+86 138 0013 8000', '+86 138 0013 8000'],
      ['8613800138000', '8613800138000'],
      ['0086-13800138000', '0086-13800138000'],
      ['(+86)13800138000', '(+86)13800138000'],
      ['138-0013-8000', '138-0013-8000'],
      ['138 0013 8000', '138 0013 8000'],
      ['１３８００１３８０００', '１３８００１３８０００'],
      ['＋８６　１３８　００１３　８０００', '＋８６　１３８　００１３　８０００'],
    ])('finds %s', (written, match) => {
      const [finding, ...rest] = scan(`联系电话：${written}。`)
      expect(rest).toEqual([])
      expect(finding).toMatchObject({ kind: 'mobile', match, value: '13800138000', masked: '138****8000', start: 5 })
      expect(finding!.message).toBe('发现疑似手机号码 138****8000：公开前请删除或遮盖，确需公开的请说明理由')
    })

    it.each([
      ['201913800138000123', 'inside a longer number'],
      ['订单号1380013800012345', 'a 16-digit serial starting with 13'],
      ['12800138000', 'second digit 2 is not a mobile prefix'],
      ['1380013800', 'ten digits'],
      ['023-63851234', 'a landline'],
    ])('does not report %s (%s)', (text) => {
      expect(scan(text)).toEqual([])
    })

    it('finds several numbers in a list', () => {
      expect(kinds(scan('13800138000、13900139000'))).toEqual(['mobile:13800138000', 'mobile:13900139000'])
    })
  })

  describe('银行卡号', () => {
    it.each([
      [CARD_16, '16 digits (银联)'],
      [CARD_19, '19 digits (银联)'],
      [VISA_16, 'a Visa-branded debit card'],
      [CARD_19.replace(/(\d{4})(?=\d)/g, '$1 '), 'groups of four, separated by spaces'],
      [CARD_16.replace(/(\d{4})(?=\d)/g, '$1-'), 'groups of four, separated by hyphens'],
      [toFullWidth(CARD_16), 'full-width digits'],
    ])('finds %s (%s)', (written) => {
      const [finding, ...rest] = scan(`收款账号：${written}，户名略`)
      expect(rest).toEqual([])
      expect(finding).toMatchObject({ kind: 'bank_card', match: written, start: 5 })
      expect(finding!.masked).toMatch(/^\d{4}\*+\d{4}$/)
      expect(finding!.message).toBe(`发现疑似银行卡号 ${finding!.masked}：公开前请删除或遮盖，确需公开的请说明理由`)
    })

    it.each([
      [withWrongLuhnDigit(CARD_16), 'fails Luhn'],
      [syntheticCardNumber('123456', 16), 'no card issuer starts with 1'],
      [syntheticCardNumber('202305', 16), 'a date-like serial'],
      [syntheticCardNumber('512345', 19), 'Mastercard numbers have 16 digits'],
      ['0000000000000000', 'a placeholder'],
      [`${CARD_16}1234`.slice(0, 20), 'twenty digits'],
      [CARD_16.replace(/(\d{4})(?=\d)/g, '$1 ') + ' 5678', 'five groups of four'],
    ])('does not report %s (%s)', (written) => {
      expect(scan(`编号 ${written}`)).toEqual([])
    })

    it('does not report an ID-shaped 18-digit number with a wrong check character as a card, even if it passes Luhn', () => {
      let shaped = ''
      for (let seq = 0; seq < 1000 && shaped === ''; seq++) {
        const wrong = withWrongCheckChar(syntheticIdNumber('620102', '19900101', String(seq).padStart(3, '0')))
        for (const c of '0123456789') {
          const candidate = wrong.slice(0, 17) + c
          if (!isValidIdNumber(candidate, TODAY) && passesLuhn(candidate)) shaped = candidate
        }
      }
      expect(shaped).toMatch(/^62\d{16}$/)
      expect(scan(shaped)).toEqual([])
    })
  })

  describe('numbers that are neither', () => {
    it.each([
      ['国办发〔2019〕51号', 'a 文号'],
      ['渝府办发〔2024〕103号', 'a local 文号'],
      ['20190515', 'a date'],
      ['2019年5月15日', 'a date in words'],
      ['201905151430001234', 'a timestamp'],
      ['统一社会信用代码：91500000MA5U7AE16X', '统一社会信用代码'],
      ['索引号：11500103MB1234567X/2024-00012', '索引号'],
      ['电话：023-63851234，邮编400010', 'landline and postcode'],
      ['金额 1,234,567,890.00 元', 'an amount'],
    ])('reports nothing in %s (%s)', (text) => {
      expect(scan(text)).toEqual([])
    })
  })

  describe('敏感词', () => {
    it('finds the default classification markings', () => {
      const text = '本文件为内部资料，不得外传。秘密★1年'
      expect(kinds(scan(text))).toEqual(['sensitive_word:内部资料', 'sensitive_word:不得外传', 'sensitive_word:秘密★'])
      expect(scan(text)[0]!.message).toBe('发现敏感词“内部资料”：涉密或内部信息不得公开，请核实后删除；无法确定是否涉密的，请报保密行政管理部门确定')
    })

    it('does not report 秘密 as quoted from 条例 第十五条', () => {
      expect(scan('涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开。')).toEqual([])
    })

    it('ignores spaces and zero-width characters between the characters of a word', () => {
      const text = '内 部　资 料'
      expect(scan(text)).toMatchObject([{ kind: 'sensitive_word', match: text, value: '内部资料', start: 0, end: text.length }])
      expect(kinds(scan('机\u200b密'))).toEqual(['sensitive_word:机\u200b密'])
    })

    it('uses a configured list instead of the default, case-insensitively and across full-width forms', () => {
      const options = { sensitiveWords: ['Confidential', '征求意见稿'] }
      expect(kinds(scan('CONFIDENTIAL draft', options))).toEqual(['sensitive_word:CONFIDENTIAL'])
      expect(kinds(scan('ｃｏｎｆｉｄｅｎｔｉａｌ', options))).toEqual(['sensitive_word:ｃｏｎｆｉｄｅｎｔｉａｌ'])
      expect(kinds(scan('本稿为征求意见稿', options))).toEqual(['sensitive_word:征求意见稿'])
      expect(scan('内部资料', options)).toEqual([])
    })

    it('prefers the longest configured word at a position', () => {
      expect(scan('内部资料汇编', { sensitiveWords: ['内部', '内部资料'] })).toMatchObject([{ value: '内部资料', start: 0, end: 4 }])
    })

    it('finds nothing with an empty list', () => {
      expect(scan('绝密', { sensitiveWords: [] })).toEqual([])
    })
  })

  describe('overlaps and order', () => {
    it('reports an ID number that also passes Luhn with a card prefix only as an ID number', () => {
      let both = ''
      for (let seq = 0; seq < 1000 && both === ''; seq++) {
        const id = syntheticIdNumber('620102', '19900101', String(seq).padStart(3, '0'))
        if (passesLuhn(id)) both = id
      }
      expect(kinds(scan(`号码${both}`))).toEqual([`id_card:${both}`])
    })

    it('sorts findings by position', () => {
      const text = `机密 ${CARD_16} 13800138000 ${ID}`
      expect(scan(text).map((f) => f.kind)).toEqual(['sensitive_word', 'bank_card', 'mobile', 'id_card'])
      expect(scan(text).map((f) => f.start)).toEqual([...scan(text).map((f) => f.start)].sort((a, b) => a - b))
    })
  })

  describe('context', () => {
    it('shows up to 15 characters either side with the number masked', () => {
      const text = `一二三四五六七八九十甲乙丙丁戊己庚${ID}子丑寅卯辰巳午未申酉戌亥天干地支`
      const [finding] = scan(text)
      expect(finding!.context).toBe(`三四五六七八九十甲乙丙丁戊己庚${finding!.masked}子丑寅卯辰巳午未申酉戌亥天干地`)
    })

    it('masks neighbouring numbers too, and cuts a number at the edge into asterisks', () => {
      const text = `电话13800138000身份证${ID}`
      const [mobile, id] = scan(text)
      // The mobile number's window ends 12 characters into the ID number: those show as asterisks.
      expect(mobile!.context).toBe(`电话138****8000身份证${'*'.repeat(12)}`)
      expect(id!.context).toBe(`话138****8000身份证${id!.masked}`)
    })

    it('collapses line breaks', () => {
      expect(scan('第一行\n\n13800138000\n第三行')[0]!.context).toBe('第一行 138****8000 第三行')
    })
  })

  describe('allowedValues', () => {
    it('skips numbers a reviewer approved for publication, whatever their formatting', () => {
      const text = `咨询电话 138-0013-8000，缴费账户 ${CARD_16}`
      expect(scan(text, { allowedValues: ['13800138000', CARD_16] })).toEqual([])
      expect(kinds(scan(text, { allowedValues: ['+86 138 0013 8000'] }))).toEqual([`bank_card:${CARD_16}`])
    })
  })

  describe('properties', () => {
    it('finds any valid ID number embedded in Chinese text, at its exact offsets', () => {
      fc.assert(
        fc.property(chineseText, validIdNumber, chineseText, (before, id, after) => {
          const found = scan(before + id + after).filter((f) => f.kind === 'id_card')
          expect(found).toHaveLength(1)
          expect(found[0]).toMatchObject({ match: id, start: before.length, end: before.length + 18 })
        }),
      )
    })

    it('finds the same number written in full-width digits at the same offsets', () => {
      fc.assert(
        fc.property(chineseText, validIdNumber, (before, id) => {
          const found = scan(before + toFullWidth(id) + '。')
          expect(found).toMatchObject([{ kind: 'id_card', value: id, start: before.length, end: before.length + 18 }])
        }),
      )
    })

    it('finds nothing when the check character is wrong', () => {
      fc.assert(
        fc.property(chineseText, validIdNumber, chineseText, (before, id, after) => {
          const found = scan(before + withWrongCheckChar(id) + after)
          expect(found.filter((f) => f.start < before.length + 18 && before.length < f.end)).toEqual([])
        }),
      )
    })

    it('finds any Luhn-valid 16-digit number starting with 62 as a card number', () => {
      fc.assert(
        fc.property(chineseText, unionPayCardNumber, (before, card) => {
          fc.pre(!/^(\d)\1+$/.test(card))
          expect(scan(before + card + '。')).toMatchObject([{ kind: 'bank_card', value: card, start: before.length }])
        }),
      )
    })

    it('finds nothing when the card number fails Luhn', () => {
      fc.assert(
        fc.property(chineseText, unionPayCardNumber, (before, card) => {
          expect(scan(before + withWrongLuhnDigit(card) + '。')).toEqual([])
        }),
      )
    })
  })
})
