// Search-result snippets: the stretch of a document that holds the most query tokens, escaped, with the matches in
// <mark>. Chinese has no spaces between words, so tokens are found as substrings, not at word boundaries.

import { findDocNos } from './doc-no.ts'

/** Snippet length used when the caller gives none, in characters. */
export const DEFAULT_SNIPPET_LENGTH = 160

/** Options of highlight: the longest snippet, in characters (UTF-16 code units; a Chinese character counts one). */
export interface HighlightOptions {
  readonly maxLength?: number
}

/** A snippet as HTML: text escaped, matches in <mark>, … where the document was cut. */
export interface Highlight {
  readonly snippetHtml: string
}

interface Match {
  readonly start: number
  readonly end: number
  readonly term: number
}

/** Matches looked at per token; a token that occurs thousands of times adds nothing to the choice of window. */
const MAX_MATCHES_PER_TERM = 1000
const WHITESPACE = /\s/u
const SENTENCE_END = /[。！？；!?;\n]/u
const CLAUSE_END = /[，、：,:]/u
/** Context shorter than this before the first match, and not a whole clause, is left out. */
const SHORT_LEAD = 8

/**
 * Picks the window of at most maxLength characters that contains the most distinct query tokens (then the most
 * matches, then the earliest), starts it at a sentence where one begins shortly before the first match, escapes it,
 * wraps the matches in <mark> and adds … where text was cut. Runs of whitespace become one space.
 *
 * Tokens are matched case-insensitively and full-width letters and digits match their ASCII forms. A 文号 token in
 * normalised form (国办发〔2019〕51号) also marks the number written in any other style (国办发[2019]51号). A
 * one-character token is marked only next to another match (好 差 评 in 好差评) unless no token is longer, so a
 * query with 的 in it does not light up every 的 in the document. Without any match the snippet is the text's start.
 */
export function highlight(text: string, tokens: readonly string[], options: HighlightOptions = {}): Highlight {
  const maxLength = Math.max(1, Math.floor(options.maxLength ?? DEFAULT_SNIPPET_LENGTH))
  const matches = findMatches(text, tokens)
  const [start, end] = chooseWindow(text, matches, maxLength)
  return { snippetHtml: render(text, start, end, mergeMarks(matches)) }
}

function findMatches(text: string, tokens: readonly string[]): Match[] {
  const terms = [...new Set(tokens.map((token) => fold(token.normalize('NFKC')).trim()).filter((term) => term.length > 0))]
  const folded = fold(text)
  const matches: Match[] = []
  terms.forEach((term, index) => {
    let found = 0
    for (let at = folded.indexOf(term); at !== -1 && found < MAX_MATCHES_PER_TERM; at = folded.indexOf(term, at + term.length)) {
      matches.push({ start: at, end: at + term.length, term: index })
      found++
    }
  })
  for (const docNo of findDocNos(text)) {
    const index = terms.indexOf(docNo.normalised.toLowerCase())
    if (index !== -1) matches.push({ start: docNo.start, end: docNo.end, term: index })
  }
  matches.sort((a, b) => a.start - b.start || b.end - a.end)
  const longest = Math.max(0, ...terms.map((term) => [...term].length))
  if (longest <= 1) return matches
  // A one-character match stands alone unless another match overlaps or touches it.
  return matches.filter((match, i) => {
    if ([...folded.slice(match.start, match.end)].length > 1) return true
    const before = matches[i - 1]
    const after = matches[i + 1]
    return (before !== undefined && before.end >= match.start) || (after !== undefined && after.start <= match.end)
  })
}

/** Lower-cases and maps full-width ASCII (Ｇ，１) and the ideographic space to ASCII, keeping every offset. */
function fold(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i)
    if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0
    else if (code === 0x3000) code = 0x20
    if (code >= 0x41 && code <= 0x5a) code += 0x20
    out += String.fromCharCode(code)
  }
  return out
}

function chooseWindow(text: string, matches: readonly Match[], maxLength: number): [number, number] {
  if (text.length <= maxLength) return [0, text.length]
  if (matches.length === 0) return snapToCodePoints(text, 0, maxLength)

  // Two pointers: the window starting at match i holds matches i…j-1, those that end within maxLength.
  const counts = new Map<number, number>()
  let best = { first: 0, last: 0, distinct: -1, total: -1 }
  let j = 0
  for (let i = 0; i < matches.length; i++) {
    const limit = matches[i]!.start + maxLength
    if (j < i) j = i
    // Match i always counts, even when it alone is longer than the window.
    while (j < matches.length && (j === i || matches[j]!.end <= limit)) {
      counts.set(matches[j]!.term, (counts.get(matches[j]!.term) ?? 0) + 1)
      j++
    }
    const total = j - i
    if (counts.size > best.distinct || (counts.size === best.distinct && total > best.total)) {
      best = { first: i, last: Math.max(i, j - 1), distinct: counts.size, total }
    }
    const leaving = matches[i]!.term
    const left = (counts.get(leaving) ?? 0) - 1
    if (left > 0) counts.set(leaving, left)
    else counts.delete(leaving)
  }

  const from = matches[best.first]!.start
  const to = Math.max(...matches.slice(best.first, best.last + 1).map((match) => match.end))
  const slack = Math.max(0, maxLength - (to - from))
  let start = Math.max(0, from - Math.floor(slack / 2))
  // Start where the sentence begins if that is between here and the first match, else where a clause begins; with
  // neither and little room, at the first match, so the snippet does not open on half a word (…府信息).
  const lead = text.slice(start, from)
  const boundary = lastIndexMatching(lead, SENTENCE_END) ?? lastIndexMatching(lead, CLAUSE_END)
  if (boundary !== undefined) start += boundary + 1
  else if (lead.length < SHORT_LEAD) start = from
  return snapToCodePoints(text, start, Math.min(text.length, start + maxLength))
}

function lastIndexMatching(text: string, pattern: RegExp): number | undefined {
  for (let at = text.length - 1; at >= 0; at--) if (pattern.test(text[at]!)) return at
  return undefined
}

/** Moves window edges off the middle of a surrogate pair, so no half character reaches the page. */
function snapToCodePoints(text: string, start: number, end: number): [number, number] {
  const isLow = (at: number) => {
    const code = text.charCodeAt(at)
    return code >= 0xdc00 && code <= 0xdfff
  }
  if (start > 0 && start < text.length && isLow(start)) start++
  if (end > start && end < text.length && isLow(end)) end--
  return [start, end]
}

/** Overlapping or touching matches become one mark: 好 差 评 → <mark>好差评</mark>. */
function mergeMarks(matches: readonly Match[]): [number, number][] {
  const marks: [number, number][] = []
  for (const { start, end } of matches) {
    const last = marks.at(-1)
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else marks.push([start, end])
  }
  return marks
}

function render(text: string, start: number, end: number, marks: readonly [number, number][]): string {
  const cutBefore = start > 0
  const cutAfter = end < text.length
  while (start < end && WHITESPACE.test(text[start]!)) start++
  while (end > start && WHITESPACE.test(text[end - 1]!)) end--
  let html = ''
  let inMark = false
  let afterSpace = false
  let next = 0
  for (let at = start; at < end; at++) {
    while (next < marks.length && marks[next]![1] <= at) next++
    const marked = next < marks.length && marks[next]![0] <= at
    const space = WHITESPACE.test(text[at]!)
    if (space && afterSpace) continue
    if (marked !== inMark) {
      html += marked ? '<mark>' : '</mark>'
      inMark = marked
    }
    html += space ? ' ' : escapeHtml(text[at]!)
    afterSpace = space
  }
  if (inMark) html += '</mark>'
  return `${cutBefore ? '…' : ''}${html}${cutAfter ? '…' : ''}`
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!)
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
