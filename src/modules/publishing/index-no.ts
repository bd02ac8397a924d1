/**
 * 索引号: generated from a per-publisher pattern, default `{unit}/{yyyy}-{serial:05}` (the gov.cn form, regulation.md
 * §5.2); serials restart each year and are never reused. The pattern and the code that stands for {unit} are a unit
 * setting (index-pattern.ts); the rules a pattern must follow are here, as pure functions.
 */
import type { Executor } from '../../database.ts'

export const DEFAULT_INDEX_PATTERN = '{unit}/{yyyy}-{serial:05}'

/** catalogue_items.index_no is varchar(64). */
export const MAX_INDEX_NO_LENGTH = 64

export function formatIndexNo(pattern: string, parts: { unit: string; year: number; month: number; serial: number }): string {
  return pattern
    .replace('{unit}', parts.unit)
    .replace('{yyyy}', String(parts.year))
    .replace('{mm}', String(parts.month).padStart(2, '0'))
    .replace(/\{serial(?::(\d+))?\}/, (_m, width: string | undefined) => String(parts.serial).padStart(Number(width ?? 1), '0'))
}

/**
 * What is wrong with a pattern, in Chinese (empty when it is usable). A usable pattern holds {unit} (numbers of two
 * units never meet), {yyyy} (serials restart each year, so the year keeps them apart) and one {serial} or {serial:N}
 * (N = 1…8 digits), at most one {mm}, and otherwise only letters, digits and / - _ . as separators.
 */
export function indexPatternProblems(pattern: string): string[] {
  const problems: string[] = []
  if (!pattern.trim()) return ['请填写索引号规则，例如 {unit}/{yyyy}-{serial:05}']
  const placeholders = [...pattern.matchAll(/\{[^{}]*\}/g)].map((m) => m[0])
  const count = (p: RegExp) => placeholders.filter((x) => p.test(x)).length
  const unknown = placeholders.filter((x) => !/^\{(unit|yyyy|mm|serial(:\d+)?)\}$/.test(x))
  if (unknown.length) problems.push(`规则中的 ${unknown.join('、')} 无法识别，只能使用 {unit}、{yyyy}、{mm}、{serial:N}`)
  if (count(/^\{serial(:\d+)?\}$/) !== 1) problems.push('规则中必须有且只有一个流水号 {serial:N}，例如 {serial:05}')
  const width = /\{serial:(\d+)\}/.exec(pattern)?.[1]
  if (width !== undefined && (Number(width) < 1 || Number(width) > 8)) problems.push('流水号位数 N 应在 1 到 8 之间，例如 {serial:05}')
  if (count(/^\{unit\}$/) !== 1) problems.push('规则中必须有且只有一个单位编码 {unit}，否则不同单位的索引号可能重复')
  if (count(/^\{yyyy\}$/) !== 1) problems.push('规则中必须有且只有一个年份 {yyyy}：流水号每年从 1 开始，没有年份会重复')
  if (count(/^\{mm\}$/) > 1) problems.push('月份 {mm} 最多出现一次')
  const literal = pattern.replace(/\{[^{}]*\}/g, '')
  if (/[{}]/.test(literal) || !/^[A-Za-z0-9/_.-]*$/.test(literal)) problems.push('除占位符外，只能使用字母、数字和 / - _ . 作分隔')
  if (pattern.length > 80) problems.push('规则不能超过 80 个字符')
  return problems
}

/**
 * GB 32100-2015 统一社会信用代码: 18 characters from 0-9 and A-Z without I, O, S, V, Z; the last is a check character
 * (weights 3^i mod 31). Checked against the codes of 宁国市商务局 and 亳州市谯城区统计局 in regulation.md §5.2.
 */
export function isValidUscc(code: string): boolean {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  const sum = weights.reduce((acc, w, i) => acc + alphabet.indexOf(code[i]!) * w, 0)
  return alphabet[(31 - (sum % 31)) % 31] === code[17]
}

/**
 * GB 11714-1997 组织机构代码: 8 digits or capital letters and a check character (0-9 or X), with or without a hyphen
 * before it. The codes of regulation.md §5.2 (000014349, 009315877, 014416330) pass; "0142768-8" seen there has only
 * 7 characters before its check digit, so a unit using such a code enters it as a local code.
 */
export function isValidOrgCode(code: string): boolean {
  const m = /^([0-9A-Z]{8})-?([0-9X])$/.exec(code)
  if (!m) return false
  const weights = [3, 7, 9, 10, 5, 8, 4, 2]
  const value = (ch: string) => (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55)
  const sum = [...m[1]!].reduce((acc, ch, i) => acc + value(ch) * weights[i]!, 0)
  const check = 11 - (sum % 11)
  return (check === 10 ? 'X' : check === 11 ? '0' : String(check)) === m[2]
}

/** What {unit} stands for: 统一社会信用代码, 组织机构代码, or a local code (by default the unit's code on this platform). */
export const CODE_KINDS = {
  local: '本平台单位代码或本地编码',
  uscc: '统一社会信用代码（18 位）',
  org_code: '组织机构代码（9 位）',
} as const
export type CodeKind = keyof typeof CODE_KINDS

export function codeProblems(kind: string, code: string): string[] {
  if (!code) return ['请填写单位编码']
  if (kind === 'uscc') return isValidUscc(code) ? [] : ['统一社会信用代码应为 18 位（数字和大写字母，不含 I、O、S、V、Z），且校验位正确，请核对营业执照或事业单位法人证书']
  if (kind === 'org_code') return isValidOrgCode(code) ? [] : ['组织机构代码应为 9 位（如 000014349，也可写作 00001434-9），且校验位正确']
  if (kind === 'local') return /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/.test(code) ? [] : ['本地编码只能由字母、数字和 _ . - 组成，不超过 32 个字符']
  return ['请选择编码类型']
}

/** The next serial for a publisher and year, taken inside the caller's transaction (a row lock serialises takers). */
export async function takeSerial(trx: Executor, organisationId: number, year: number): Promise<number> {
  const row = await trx.insertInto('index_no_counters').values({ organisation_id: organisationId, year, last_serial: 1 })
    .onConflict((oc) => oc.columns(['organisation_id', 'year']).doUpdateSet((eb) => ({ last_serial: eb('index_no_counters.last_serial', '+', 1) })))
    .returning('last_serial').executeTakeFirstOrThrow()
  return row.last_serial
}
