/**
 * The text a reader of a published page can get at: visible text, image descriptions (alt), tooltips (title) and the
 * numbers behind tel:/sms:/mailto: links, plus HTML comments, which ship with the page source. Script and style
 * bodies are dropped. Block elements and table cells become line breaks so that two cells never run together into
 * one number; inline elements (<span>, <b>) are removed without a gap, so a number split by formatting stays whole.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '\n')
    .replace(/<!--([\s\S]*?)-->/g, ' $1 ')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(TAG, (tag, name: string) => {
      const exposed = exposedAttributes(tag)
      const gap = BLOCK_TAGS.has(name.toLowerCase()) ? '\n' : ''
      return exposed === '' ? gap : `${gap || ' '}${exposed}${gap || ' '}`
    })
  return decodeEntities(text)
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim()
}

// A tag, including attribute values that contain '>'. Declarations (<!DOCTYPE>) and closing tags match too.
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*|!doctype)(?:[^>"']|"[^"]*"|'[^']*')*>/gi
const ATTRIBUTE = /\s([a-zA-Z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'option', 'textarea',
])

function exposedAttributes(tag: string): string {
  const values: string[] = []
  for (const m of tag.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase()
    const value = m[2] ?? m[3] ?? m[4] ?? ''
    if (name === 'alt' || name === 'title') values.push(value)
    else if (name === 'href' && /^\s*(tel|sms|mailto):/i.test(value)) values.push(value.replace(/^\s*[a-z]+:/i, ''))
  }
  return values.filter((v) => v.trim() !== '').join(' ')
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·',
  times: '×', divide: '÷', copy: '©', reg: '®', deg: '°', bull: '•', laquo: '«', raquo: '»', yen: '¥',
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : entity
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity
  })
}
