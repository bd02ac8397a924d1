/** Test helpers: the text of a DOCX (document.xml) and of rendered HTML, for comparing what the two say. */
import JSZip from 'jszip'
import { parse } from 'node-html-parser'
import { renderToString } from 'preact-render-to-string'
import { letterDocx } from './render-docx.ts'
import type { Letter } from './letter.ts'
import { LetterView } from './letter-view.tsx'

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

export function decodeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]!)
}

/** Whitespace removed: how the two renderings are compared (line breaks and indents differ by design). */
export function normalise(s: string): string {
  return s.replace(/\s+/gu, '')
}

export interface RenderedLetter {
  xml: string
  /** footer1.xml (odd pages) and footer2.xml (even pages). */
  footers: string[]
  docxText: string
  html: string
  htmlText: string
}

/** Renders a letter both ways and extracts the text of each. */
export async function renderBoth(letter: Letter): Promise<RenderedLetter> {
  const zip = await JSZip.loadAsync(await letterDocx(letter))
  const xml = await zip.file('word/document.xml')!.async('string')
  const footers = await Promise.all(['word/footer1.xml', 'word/footer2.xml'].map((f) => zip.file(f)!.async('string')))
  const docxText = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]!)).join('')
  const html = renderToString(<LetterView letter={letter} />)
  const htmlText = parse(html).text
  return { xml, footers, docxText, html, htmlText }
}
