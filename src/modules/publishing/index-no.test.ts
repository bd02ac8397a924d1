/** 索引号 rules as pure functions: which patterns are usable, the two national code check characters, and formatting. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codeProblems, DEFAULT_INDEX_PATTERN, formatIndexNo, indexPatternProblems, isValidOrgCode, isValidUscc } from './index-no.ts'

describe('indexPatternProblems', () => {
  it.each([
    [DEFAULT_INDEX_PATTERN],
    ['{unit}/{yyyy}{mm}-{serial:05}'], // 宁国市商务局 (regulation.md §5.2)
    ['{unit}-{yyyy}-{serial:4}'],
    ['XM02100-0101-{unit}-{yyyy}-{serial:05}'], // 厦门市湖里区's local scheme, with {unit}
    ['{unit}.{yyyy}_{serial}'],
  ])('accepts %s', (pattern) => {
    expect(indexPatternProblems(pattern)).toEqual([])
  })

  it.each([
    ['', '请填写索引号规则'],
    ['{unit}/{yyyy}', '必须有且只有一个流水号'],
    ['{unit}/{yyyy}-{serial:05}-{serial:02}', '必须有且只有一个流水号'],
    ['{unit}/{yyyy}-{serial:09}', '流水号位数 N 应在 1 到 8 之间'],
    ['{unit}/{yyyy}-{serial:0}', '流水号位数 N 应在 1 到 8 之间'],
    ['{yyyy}-{serial:05}', '必须有且只有一个单位编码'],
    ['{unit}/{unit}/{yyyy}-{serial:05}', '必须有且只有一个单位编码'],
    ['{unit}/{serial:05}', '必须有且只有一个年份'],
    ['{unit}/{yyyy}{mm}{mm}-{serial:05}', '月份 {mm} 最多出现一次'],
    ['{unit}/{yy}-{serial:05}', '{yy} 无法识别'],
    ['{unit} {yyyy}-{serial:05}', '只能使用字母、数字和 / - _ . 作分隔'],
    ['{unit}/{yyyy}年-{serial:05}', '只能使用字母、数字和 / - _ . 作分隔'],
    ['{unit}/{yyyy}-{serial:05', '只能使用字母、数字和 / - _ . 作分隔'],
  ])('refuses %j: %s', (pattern, message) => {
    expect(indexPatternProblems(pattern).join('；')).toContain(message)
  })
})

describe('national codes', () => {
  // The real codes of regulation.md §5.2: two 统一社会信用代码 and three 组织机构代码 from published 索引号.
  it.each([['11341702486344515H'], ['11341602003165775Y']])('accepts the 统一社会信用代码 %s', (code) => {
    expect(isValidUscc(code)).toBe(true)
    expect(codeProblems('uscc', code)).toEqual([])
  })
  it.each([['000014349'], ['009315877'], ['014416330'], ['00001434-9']])('accepts the 组织机构代码 %s', (code) => {
    expect(isValidOrgCode(code)).toBe(true)
  })
  it.each([['11341702486344515X'], ['11341702486344515'], ['I1341702486344515H'], ['113417024863445150H']])('refuses %s as a 统一社会信用代码', (code) => {
    expect(isValidUscc(code)).toBe(false)
  })
  it.each([['000014348'], ['0142768-8'], ['00001434'], ['00001434-99']])('refuses %s as a 组织机构代码', (code) => {
    expect(isValidOrgCode(code)).toBe(false)
  })
  it('catches every single-character change of a 统一社会信用代码 (the check character is MOD 31)', () => {
    const code = '11341702486344515H'
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
    fc.assert(fc.property(fc.integer({ min: 0, max: 16 }), fc.constantFrom(...alphabet), (at, ch) => {
      fc.pre(code[at] !== ch)
      expect(isValidUscc(code.slice(0, at) + ch + code.slice(at + 1))).toBe(false)
    }))
  })
  it('the 组织机构代码 inside a 统一社会信用代码 (characters 9–17) is itself valid', () => {
    expect(isValidOrgCode('11341702486344515H'.slice(8, 17))).toBe(true)
  })
  it.each([['local', 'fgw'], ['local', 'kz-fgw.2']])('accepts the local code %s %s', (kind, code) => {
    expect(codeProblems(kind, code)).toEqual([])
  })
  it.each([['local', 'fg w'], ['local', ''], ['local', '开州'], ['nonsense', 'fgw']])('refuses %s %j', (kind, code) => {
    expect(codeProblems(kind, code)).not.toEqual([])
  })
})

describe('formatIndexNo', () => {
  it.each([
    [DEFAULT_INDEX_PATTERN, '000014349', 2019, 1, 7, '000014349/2019-00007'],
    ['{unit}/{yyyy}{mm}-{serial:05}', '11341702486344515H', 2021, 10, 13, '11341702486344515H/202110-00013'],
    ['{unit}/{yyyy}-{serial:05}', 'fgw', 2026, 11, 123456, 'fgw/2026-123456'],
  ])('%s with %s, %i-%i, serial %i is %s', (pattern, unit, year, month, serial, expected) => {
    expect(formatIndexNo(pattern, { unit, year, month, serial })).toBe(expected)
  })

  // Serials grow past their width; years are four digits: under one usable pattern and code, two different
  // (year, serial) pairs never give the same number.
  const usablePattern = fc.tuple(
    fc.shuffledSubarray(['{unit}', '{yyyy}', '{serial:N}', '{mm}'], { minLength: 4, maxLength: 4 }),
    fc.boolean(), fc.integer({ min: 1, max: 8 }), fc.array(fc.constantFrom('', '/', '-', '_', '.', 'X0'), { minLength: 4, maxLength: 4 }),
  ).map(([parts, withMonth, width, seps]) => parts.filter((p) => withMonth || p !== '{mm}').map((p, i) => seps[i] + (p === '{serial:N}' ? `{serial:${width}}` : p)).join(''))

  it('gives different numbers for different years or serials under one usable pattern', () => {
    fc.assert(fc.property(
      usablePattern, fc.stringMatching(/^[A-Za-z0-9]{1,18}$/),
      fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 2_000_000 })),
      fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 2_000_000 })),
      (pattern, unit, [year, month, serial], [year2, serial2]) => {
        expect(indexPatternProblems(pattern)).toEqual([])
        fc.pre(year !== year2 || serial !== serial2)
        // the same month, so that only year and serial differ
        expect(formatIndexNo(pattern, { unit, year, month, serial })).not.toBe(formatIndexNo(pattern, { unit, year: year2, month, serial: serial2 }))
      },
    ), { numRuns: 500 })
  })
})
