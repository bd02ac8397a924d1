// Chinese tokens for full-text search, stored in a tsvector('simple') (DESIGN.md: search).
//
// Postgres cannot segment Chinese, so the application does it with jieba and hands Postgres tokens separated by
// spaces. Indexing uses cutForSearch (a long word plus the dictionary words inside it: 中华人民共和国 also yields 中华,
// 人民, 共和国), queries use cut; both without jieba's HMM, which guesses unknown words differently depending on the
// surrounding text, so a query could be cut one way and the same words in a document another.
//
// A query word of three or more characters is searched as the dictionary words that tile it (人民政府 → 人民 政府),
// because those are what cutForSearch is sure to have indexed: in 上海市人民政府, cut as one word, the index holds
// 上海 人民 政府 上海市 but not 人民政府. A document holding the whole word holds its pieces too, so this never loses a
// match. Over 26 common terms × 200 administrative regulations that contain them as text, whole words missed 16 of
// 824 documents and tiled words 8 (the rest are true misses: 申请人 in 申请人民法院).
//
// A token stored or searched is letters and digits only. Postgres' text-search parser splits on other characters,
// and differently by locale: in a C-locale database every non-ASCII character counts as a letter (国办发〔2019〕51号
// stays one word, and so does "机关，收到"), under C.UTF-8 (PGlite) 〔 and ， split words. Letters-and-digits tokens are
// read the same way by both, and by to_tsquery they cannot be mistaken for an operator.

import { createRequire } from 'node:module'
import type { Jieba } from '@node-rs/jieba'
import { type DocNoMatch, findDocNos, wholeQueryDocNo } from './doc-no.ts'

/** Longest query looked at, in characters; the rest is ignored (a search box, not a document). */
export const MAX_QUERY_LENGTH = 200
/** Longest token kept. Postgres ignores lexemes over 2047 bytes; nothing that long is a word anyone searches for. */
export const MAX_TOKEN_LENGTH = 100

let jieba: Jieba | undefined

/**
 * The jieba segmenter with its bundled dictionary, built on first use: loading the 5 MB dictionary takes about half a
 * second, which a process that never searches should not pay at start-up.
 */
export function segmenter(): Jieba {
  if (!jieba) {
    const require = createRequire(import.meta.url)
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba')
    const { dict } = require('@node-rs/jieba/dict.js') as typeof import('@node-rs/jieba/dict.js')
    jieba = JiebaClass.withDict(dict)
  }
  return jieba
}

/** Builds the segmenter now rather than on the first search: for a process that wants the half second at start-up. */
export function preloadSegmenter(): void {
  segmenter()
}

const NOT_WORD = /[^\p{L}\p{N}]+/u
const WORD = /^[\p{L}\p{N}]+$/u

/**
 * Tokens to index a text with: jieba cutForSearch, lower-cased, punctuation and whitespace dropped, ASCII words and
 * numbers kept. Each 文号 in the text is added in normalised form (国办发〔2019〕51号, however it was written) as one
 * token, with its issuer (国办发) and year (2019) as tokens of their own. Duplicates are kept: frequency counts in ranking.
 */
export function indexTokens(text: string): string[] {
  const normalised = text.normalize('NFKC')
  const tokens = wordTokens(segmenter().cutForSearch(normalised, false))
  for (const docNo of findDocNos(normalised)) tokens.push(...docNoTokens(docNo))
  return tokens
}

/**
 * Tokens to search with: jieba cut, lower-cased, punctuation and whitespace dropped, words of three or more characters
 * replaced by the dictionary words that tile them (人民政府 → 人民 政府), duplicates removed. A 文号 in the
 * query becomes its normalised form, one token (国办发[2019]51号 → 国办发〔2019〕51号); a query that is nothing but a
 * 文号 may leave out the final 号. Only the first MAX_QUERY_LENGTH characters count.
 */
export function queryTokens(query: string): string[] {
  const normalised = query.normalize('NFKC').slice(0, MAX_QUERY_LENGTH)
  const whole = wholeQueryDocNo(normalised)
  if (whole) return [whole.normalised.toLowerCase()]
  const docNos = findDocNos(normalised)
  let rest = normalised
  for (const docNo of docNos.toReversed()) rest = `${rest.slice(0, docNo.start)} ${rest.slice(docNo.end)}`
  const words = wordTokens(segmenter().cut(rest, false)).flatMap(dictionaryTiling)
  return [...new Set([...docNos.map((docNo) => docNo.normalised.toLowerCase()), ...words])]
}

/**
 * Text for `to_tsvector('simple', $1)`: the tokens as lexemes separated by spaces. Each token is reduced to its letters
 * and digits (国办发〔2019〕51号 is stored as 国办发201951号), so Postgres reads exactly one lexeme per token.
 */
export function toTsvectorText(tokens: readonly string[]): string {
  return lexemes(tokens).join(' ')
}

/**
 * Text for `to_tsquery('simple', $1)`: the tokens reduced as in toTsvectorText and joined with & (all must match) or
 * | (any). Operators, quotes, weights and prefixes in user input are removed with the rest of the punctuation, so the
 * result always parses. Empty when no token is left: to_tsquery('simple', '') matches nothing, so skip the search.
 */
export function toTsqueryText(tokens: readonly string[], mode: 'and' | 'or'): string {
  return [...new Set(lexemes(tokens))].join(mode === 'and' ? ' & ' : ' | ')
}

function lexemes(tokens: readonly string[]): string[] {
  const out: string[] = []
  for (const token of tokens) {
    const lexeme = token.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
    if (lexeme && lexeme.length <= MAX_TOKEN_LENGTH) out.push(lexeme)
  }
  return out
}

function wordTokens(pieces: readonly string[]): string[] {
  const tokens: string[] = []
  for (const piece of pieces) {
    if (piece.length <= MAX_TOKEN_LENGTH && WORD.test(piece)) {
      tokens.push(piece.toLowerCase())
      continue
    }
    for (const part of piece.toLowerCase().split(NOT_WORD)) {
      if (part && part.length <= MAX_TOKEN_LENGTH) tokens.push(part)
    }
  }
  return tokens
}

/** The fewest 2- and 3-character dictionary words that cutForSearch finds inside a word and that tile it; or the word. */
function dictionaryTiling(word: string): string[] {
  if (word.length < 3) return [word]
  const inner = new Set(segmenter().cutForSearch(word, false).filter((piece) => piece !== word))
  const best: (string[] | undefined)[] = [[]]
  for (let at = 0; at < word.length; at++) {
    const before = best[at]
    if (!before) continue
    for (const piece of inner) {
      const next = at + piece.length
      if (word.startsWith(piece, at) && (!best[next] || best[next]!.length > before.length + 1)) best[next] = [...before, piece]
    }
  }
  return best[word.length] ?? [word]
}

function docNoTokens(docNo: DocNoMatch): string[] {
  const tokens = [docNo.normalised.toLowerCase(), docNo.issuer.toLowerCase()]
  if (docNo.year !== null) tokens.push(String(docNo.year))
  return tokens
}
