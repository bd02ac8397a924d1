// The search module's public surface: 发文字号 normalisation, Chinese tokens for a tsvector('simple'), snippets.
// Everything is pure except that the jieba dictionary is loaded once, on first use.

/** A 发文字号 in canonical form (国办发〔2019〕51号, 国务院令第711号) with its issuer, year and serial. */
export type { DocNo } from './doc-no.ts'
/** A 发文字号 found in running text, with its UTF-16 offsets in that text. */
export type { DocNoMatch } from './doc-no.ts'
/** Normalises a 发文字号 written in any bracket style, spacing or digit width; null when the value is not one. */
export { normaliseDocNo } from './doc-no.ts'
/** True when a search query is, as a whole, one 发文字号 (国办发[2019]51号): search the 文号 rather than the words. */
export { looksLikeDocNo } from './doc-no.ts'
/** The 发文字号 a search query consists of (a final 号 may be missing), or null: compare with a stored normalised 文号. */
export { wholeQueryDocNo } from './doc-no.ts'
/** Every 发文字号 in a text, normalised, with where it stands. */
export { findDocNos } from './doc-no.ts'

/** Tokens to index a document with (jieba cutForSearch, plus each 文号 normalised with its issuer and year). */
export { indexTokens } from './tokenise.ts'
/** Tokens to search with (jieba cut; long words as the dictionary words that tile them; a 文号 as one token). */
export { queryTokens } from './tokenise.ts'
/** Bound parameter for to_tsvector('simple', $1): one lexeme per token, letters and digits only. */
export { toTsvectorText } from './tokenise.ts'
/** Bound parameter for to_tsquery('simple', $1), 'and' or 'or'; always parses; empty means "search nothing". */
export { toTsqueryText } from './tokenise.ts'
/** Loads the jieba dictionary now (about half a second) instead of on the first search. */
export { preloadSegmenter } from './tokenise.ts'
/** Characters of a query that count (200); the rest is ignored. */
export { MAX_QUERY_LENGTH } from './tokenise.ts'

/** A search-result snippet: the best window of a text, HTML-escaped, matches in <mark>, … where cut. */
export { highlight } from './highlight.ts'
/** Options of highlight: maxLength, the longest snippet in characters. */
export type { HighlightOptions } from './highlight.ts'
/** The result of highlight: snippetHtml. */
export type { Highlight } from './highlight.ts'
/** Snippet length when none is given (160 characters). */
export { DEFAULT_SNIPPET_LENGTH } from './highlight.ts'
