/**
 * A letter as HTML for online applicants: the same `Letter` the DOCX is made from, so both say the same words.
 * `LetterView` is the fragment to put inside a portal page; `LetterPage` is a standalone printable page (A4 when
 * printed, one column on a phone). Styles live in letter.css (no inline styles: the site's CSP forbids them).
 */
import { readFileSync } from 'node:fs'
import type { VNode } from 'preact'
import { renderPage } from '../../../platform/views/render.ts'
import { type Letter, type LetterBlock, SEAL_NOTE, addresseeLine, attachmentLines, chineseDate, noteLines } from './letter.ts'

/** The letter stylesheet (screen, phone and print); serve it as a static asset next to site.css. */
export const LETTER_CSS = readFileSync(new URL('./letter.css', import.meta.url), 'utf8')

function Block({ block }: { block: LetterBlock }) {
  switch (block.kind) {
    case 'paragraph':
      return <p class="letter__para">{block.text}</p>
    case 'items':
      return <ol class="letter__items">{block.items.map((item) => <li>{item}</li>)}</ol>
    case 'fields':
      return (
        <table class="letter__fields">
          <tbody>
            {block.rows.map((row) => (
              <tr><th scope="row">{row.label}</th><td>{row.value}</td></tr>
            ))}
          </tbody>
        </table>
      )
  }
}

/** A letter as an HTML fragment: `<article>` with the 版头, title, body, signature and notes. */
export function LetterView({ letter, titleLevel = 1 }: { letter: Letter; titleLevel?: 1 | 2 }): VNode {
  const Title = titleLevel === 1 ? 'h1' : 'h2'
  const addressee = addresseeLine(letter)
  const attachments = attachmentLines(letter)
  return (
    <article class="letter" lang="zh-CN" aria-label={letter.title}>
      {letter.letterhead !== null || letter.docNo !== null ? (
        <header class={`letter__masthead${letter.letterhead !== null ? ' letter__masthead--red' : ''}`}>
          {letter.letterhead !== null ? <p class="letter__issuer">{letter.letterhead}</p> : null}
          {letter.docNo !== null ? <p class="letter__doc-no">{letter.docNo}</p> : null}
        </header>
      ) : null}
      <Title class="letter__title">{letter.title}</Title>
      {addressee !== null ? <p class="letter__addressee">{addressee}</p> : null}
      {letter.body.map((block) => <Block block={block} />)}
      {attachments.length ? <div class="letter__attachments">{attachments.map((line) => <p>{line}</p>)}</div> : null}
      {letter.signature ? (
        <div class="letter__signature">
          <p class="letter__seal">{SEAL_NOTE}</p>
          <p>{letter.signature.unit}</p>
          <p><time dateTime={letter.signature.date}>{chineseDate(letter.signature.date)}</time></p>
        </div>
      ) : null}
      {noteLines(letter).map((note) => <p class="letter__note">{note}</p>)}
    </article>
  )
}

/** A standalone printable page for one letter; `stylesheetHref` is where letter.css is served. */
export function LetterPage({ letter, stylesheetHref }: { letter: Letter; stylesheetHref: string }): VNode {
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{letter.docNo ? `${letter.title}（${letter.docNo}）` : letter.title}</title>
        <link rel="stylesheet" href={stylesheetHref} />
      </head>
      <body class="letter-page">
        <main class="letter-page__main">
          <LetterView letter={letter} />
        </main>
      </body>
    </html>
  )
}

/** The standalone page as an HTML string (with its doctype). */
export function letterHtml(letter: Letter, stylesheetHref: string): string {
  return renderPage(<LetterPage letter={letter} stylesheetHref={stylesheetHref} />)
}
