import type { IsoDate } from '../../calendar/index.ts'
import { statutoryDate } from '../../../platform/clock.ts'
import { findAddresses } from './address.ts'
import { isPlausibleCardNumber } from './bank-card.ts'
import { DEFAULT_SENSITIVE_WORDS } from './default-sensitive-words.ts'
import { isPlausibleOldIdNumber, isValidIdNumber, looksLikeIdNumber } from './id-card.ts'
import { messages } from './privacy.messages.ts'

/** What a finding is: 身份证号码, 手机号码, 银行卡号, a configured 敏感词, or (when asked for) a 住址. */
export type FindingKind = 'id_card' | 'mobile' | 'bank_card' | 'sensitive_word' | 'address'

/** One thing in a text that must not be published without a decision (条例 第十四条、第十五条). */
export interface Finding {
  kind: FindingKind
  /** The text as it appears, e.g. '１３８ ００１３ ８０００'. */
  match: string
  /** Canonical value: the digits of a number ('X' upper-case, no +86, no spaces), or the configured word. */
  value: string
  /** The value with its middle hidden ('5002**********1234', '138****8000'); a word is shown as configured. */
  masked: string
  /** UTF-16 offsets in the scanned text: text.slice(start, end) === match. */
  start: number
  end: number
  /** Up to 15 characters either side, with this and every other number in it masked, whitespace collapsed. */
  context: string
  /** Chinese: what was found and what to do. */
  message: string
  /** 'low' for 15-digit old ID numbers, which have no check character; 'high' otherwise. */
  confidence: 'high' | 'low'
}

/** How to scan: the 敏感词 list, numbers approved for publication, and today's date for birth-date checks. */
export interface ScanOptions {
  /** Replaces DEFAULT_SENSITIVE_WORDS; matched case-insensitively, ignoring spaces between characters. */
  sensitiveWords?: readonly string[]
  /**
   * Values a reviewer has approved for publication (an office's published 对公账户 for 信息处理费, a service mobile
   * number). Compared after normalisation, so '138-0013-8000' allows 13800138000.
   */
  allowedValues?: readonly string[]
  /** Today in Beijing time ('YYYY-MM-DD'); birth dates after it are impossible. Defaults to the system date. */
  today?: IsoDate
  /**
   * Also find 住址 down to a house, flat or village group (address.ts). Off by default: catalogue items name offices'
   * addresses on purpose; letters published with their replies (选登) turn it on.
   */
  addresses?: boolean
}

const CONTEXT_CHARS = 15

/**
 * Finds 身份证号码, 手机号码, 银行卡号 and 敏感词 in a text. Overlaps are resolved by strength of evidence: an ID number
 * (check character) wins over a card number (Luhn), which wins over a mobile number inside it. Sorted by start.
 */
export function scanText(text: string, options: ScanOptions = {}): Finding[] {
  const today = options.today ?? statutoryDate(new Date())
  const folded = foldForMatching(text)
  const allowed = new Set((options.allowedValues ?? []).map(canonicalValue))

  const numbers = resolveOverlaps([
    ...findIdNumbers(folded, today),
    ...findCardNumbers(folded, today),
    ...findMobileNumbers(folded),
    ...(options.addresses ? findAddresses(folded).map((a): Candidate => ({ kind: 'address', start: a.start, end: a.end, value: text.slice(a.start, a.end), masked: a.masked, confidence: 'high', rank: 5 })) : []),
  ]).filter((candidate) => !allowed.has(candidate.value))
  const words = findSensitiveWords(folded, options.sensitiveWords ?? DEFAULT_SENSITIVE_WORDS)

  return [...numbers, ...words]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((candidate) => toFinding(text, candidate, numbers))
}

interface Candidate {
  kind: FindingKind
  start: number
  end: number
  value: string
  masked: string
  confidence: 'high' | 'low'
  /** Lower wins when two candidates overlap. */
  rank: number
}

// ---------------------------------------------------------------------------------------------------------------
// Normalisation. Every replacement maps one UTF-16 unit to one, so offsets in the folded text are offsets in the
// original: full-width digits and letters (０-９, Ｘ), full-width + and -, dashes used as hyphens, and the
// ideographic space become their ASCII forms; letters are lower-cased for case-insensitive word matching.
// ---------------------------------------------------------------------------------------------------------------

/** Folds full-width forms to ASCII and lower-cases, keeping every character at its offset. */
function foldForMatching(text: string): string {
  return text.replace(FOLDABLE, foldOne)
}

const FOLDABLE = /[\u00a0\u2010-\u2013\u3000\uff01-\uff5e]|[\p{Lu}\p{Lt}]/gu

function foldOne(ch: string): string {
  const code = ch.charCodeAt(0)
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0).toLowerCase()
  if (code === 0x3000 || code === 0xa0) return ' '
  if (code >= 0x2010 && code <= 0x2013) return '-'
  const lower = ch.toLowerCase()
  // A few letters lower-case to two characters (İ → i̇); those stay as they are so offsets do not move.
  return lower.length === ch.length ? lower : ch
}

function canonicalValue(value: string): string {
  const compact = foldForMatching(value.trim()).replace(/[\s\-+()]/g, '').toUpperCase()
  return /^(?:0086|86)1[3-9]\d{9}$/.test(compact) ? compact.slice(-11) : compact
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------------------------

const ID_18 = /(?<!\d)\d{17}[\dx](?!\d)/g
const ID_15 = /(?<!\d)\d{15}(?![\dx])/g
// 16–19 digits in one run, or in groups of four separated by one kind of separator (the last group may be shorter).
const CARD_RUN = /(?<!\d)\d{16,19}(?!\d)/g
const CARD_GROUPED = /(?<!\d[ -]?)\d{4}([ -])\d{4}(?:\1\d{4}){2}(?:\1\d{1,3})?(?![ -]?\d)/g
// 3-4-4 with optional single spaces or hyphens, optionally after +86, 0086, 86 or (+86).
const MOBILE = /(?<![\d+])(?:(?:\+|00)?86[ -]?|\(\+?86\) ?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g

function findIdNumbers(folded: string, today: IsoDate): Candidate[] {
  const found: Candidate[] = []
  for (const m of folded.matchAll(ID_18)) {
    const value = m[0].toUpperCase()
    if (!isValidIdNumber(value, today)) continue
    found.push({ kind: 'id_card', start: m.index, end: m.index + 18, value, masked: maskMiddle(value, 4, 4), confidence: 'high', rank: 0 })
  }
  for (const m of folded.matchAll(ID_15)) {
    if (!isPlausibleOldIdNumber(m[0])) continue
    found.push({ kind: 'id_card', start: m.index, end: m.index + 15, value: m[0], masked: maskMiddle(m[0], 4, 4), confidence: 'low', rank: 2 })
  }
  return found
}

function findCardNumbers(folded: string, today: IsoDate): Candidate[] {
  const found: Candidate[] = []
  for (const pattern of [CARD_RUN, CARD_GROUPED]) {
    for (const m of folded.matchAll(pattern)) {
      const value = m[0].replace(/\D/g, '')
      if (!isPlausibleCardNumber(value)) continue
      if (value.length === 18 && looksLikeIdNumber(value, today)) continue
      found.push({ kind: 'bank_card', start: m.index, end: m.index + m[0].length, value, masked: maskMiddle(value, 4, 4), confidence: 'high', rank: 1 })
    }
  }
  return found
}

function findMobileNumbers(folded: string): Candidate[] {
  const found: Candidate[] = []
  for (const m of folded.matchAll(MOBILE)) {
    const value = m[0].replace(/\D/g, '').slice(-11)
    found.push({ kind: 'mobile', start: m.index, end: m.index + m[0].length, value, masked: maskMiddle(value, 3, 4), confidence: 'high', rank: 3 })
  }
  return found
}

function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  return value.slice(0, keepStart) + '*'.repeat(value.length - keepStart - keepEnd) + value.slice(value.length - keepEnd)
}

/**
 * Keeps the strongest of overlapping candidates (lowest rank, then earliest). Candidates are swept in order of start
 * and grouped into runs that overlap; the choice is made inside each run, so a long text costs n log n.
 */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start)
  const kept: Candidate[] = []
  let run: Candidate[] = []
  let runEnd = -1
  const settle = () => {
    const chosen: Candidate[] = []
    for (const c of run.sort((a, b) => a.rank - b.rank || a.start - b.start)) {
      if (!chosen.some((k) => c.start < k.end && k.start < c.end)) chosen.push(c)
    }
    kept.push(...chosen.sort((a, b) => a.start - b.start))
  }
  for (const c of sorted) {
    if (c.start >= runEnd && run.length > 0) {
      settle()
      run = []
    }
    run.push(c)
    runEnd = Math.max(runEnd, c.end)
  }
  if (run.length > 0) settle()
  return kept
}

// ---------------------------------------------------------------------------------------------------------------
// Sensitive words: a trie over the folded words, walked from every position. Spaces and zero-width characters
// between the characters of a word are skipped, so '内 部 资 料' and '机\u200B密' match; the longest word wins.
// ---------------------------------------------------------------------------------------------------------------

interface TrieNode {
  children: Map<string, TrieNode>
  word?: string
}

const tries = new WeakMap<readonly string[], TrieNode>()

function trieOf(words: readonly string[]): TrieNode {
  let root = tries.get(words)
  if (root) return root
  root = { children: new Map() }
  for (const word of words) {
    const key = [...foldForMatching(word)].filter((ch) => !isSkippable(ch)).join('')
    if (key === '') continue
    let node = root
    for (const ch of key) {
      let next = node.children.get(ch)
      if (!next) node.children.set(ch, (next = { children: new Map() }))
      node = next
    }
    node.word ??= word.trim()
  }
  tries.set(words, root)
  return root
}

function isSkippable(ch: string | undefined): boolean {
  return ch !== undefined && /[\s\u200b-\u200d\u2060\ufeff]/.test(ch)
}

function findSensitiveWords(folded: string, words: readonly string[]): Candidate[] {
  const root = trieOf(words)
  if (root.children.size === 0) return []
  const found: Candidate[] = []
  let i = 0
  while (i < folded.length) {
    let node = root.children.get(folded[i]!)
    let best: { end: number; word: string } | undefined
    let j = i + 1
    while (node) {
      if (node.word !== undefined) best = { end: j, word: node.word }
      while (isSkippable(folded[j])) j++
      const ch = folded[j]
      node = ch === undefined ? undefined : node.children.get(ch)
      j++
    }
    if (best) {
      found.push({ kind: 'sensitive_word', start: i, end: best.end, value: best.word, masked: best.word, confidence: 'high', rank: 4 })
      i = best.end
    } else {
      i++
    }
  }
  return found
}

// ---------------------------------------------------------------------------------------------------------------
// Presentation
// ---------------------------------------------------------------------------------------------------------------

function toFinding(text: string, c: Candidate, numbers: readonly Candidate[]): Finding {
  return {
    kind: c.kind,
    match: text.slice(c.start, c.end),
    value: c.value,
    masked: c.masked,
    start: c.start,
    end: c.end,
    context: contextAround(text, c, numbers),
    message: messageFor(c),
    confidence: c.confidence,
  }
}

function messageFor(c: Candidate): string {
  switch (c.kind) {
    case 'id_card':
      return c.confidence === 'low' ? messages.oldIdCard(c.masked) : messages.idCard(c.masked)
    case 'mobile':
      return messages.mobile(c.masked)
    case 'bank_card':
      return messages.bankCard(c.masked)
    case 'sensitive_word':
      return messages.sensitiveWord(c.value)
    case 'address':
      return messages.address(c.masked)
  }
}

/**
 * The text around a finding. Every number found in the window is masked, not just this one, so that a context line
 * never shows a neighbouring ID number in full; a number cut by the window edge shows only asterisks.
 */
function contextAround(text: string, c: Candidate, numbers: readonly Candidate[]): string {
  let from = Math.max(0, c.start - CONTEXT_CHARS)
  let to = Math.min(text.length, c.end + CONTEXT_CHARS)
  if (isLowSurrogate(text.charCodeAt(from))) from--
  if (isLowSurrogate(text.charCodeAt(to))) to++
  let out = ''
  let at = from
  const masked = numbersWithin(numbers, from, to)
  if (!masked.includes(c)) masked.push(c)
  for (const n of masked.sort((a, b) => a.start - b.start)) {
    if (n.start < at) continue
    out += text.slice(at, n.start)
    if (n.start >= from && n.end <= to) out += n.masked
    else out += text.slice(Math.max(n.start, from), Math.min(n.end, to)).replace(/\S/g, '*')
    at = Math.min(n.end, to)
  }
  out += text.slice(at, to)
  return out.replace(/\s+/g, ' ').trim()
}

/** Numbers (sorted by start, not overlapping) that overlap [from, to): a binary search, then a short walk. */
function numbersWithin(numbers: readonly Candidate[], from: number, to: number): Candidate[] {
  let low = 0
  let high = numbers.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (numbers[mid]!.end <= from) low = mid + 1
    else high = mid
  }
  const within: Candidate[] = []
  for (let i = low; i < numbers.length && numbers[i]!.start < to; i++) within.push(numbers[i]!)
  return within
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
