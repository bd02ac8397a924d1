/**
 * 正文: staff type or paste it; what is stored is sanitised HTML. Plain text (the usual case from an old
 * intranet browser without an editor) becomes paragraphs at blank lines; pasted HTML keeps only the
 * structure a government page needs. Nothing executable survives.
 */
import sanitizeHtml from 'sanitize-html'

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'blockquote', 'a', 'sub', 'sup'],
  allowedAttributes: { a: ['href'], th: ['scope', 'colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: { b: 'strong', i: 'em' },
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export function bodyToHtml(input: string): string {
  const trimmed = input.replace(/\r\n?/g, '\n').trim()
  if (!trimmed) return ''
  const looksLikeHtml = /<\/?(p|br|div|h[1-6]|table|ul|ol|li|strong|em|span|a)\b/i.test(trimmed)
  if (looksLikeHtml) return sanitizeHtml(trimmed, ALLOWED).trim()
  return trimmed.split(/\n\s*\n/).map((para) => `<p>${escapeText(para.trim()).replace(/\n/g, '<br />')}</p>`).join('\n')
}

/** The body as editable text again (for the edit form): paragraphs separated by blank lines. */
export function htmlToEditableText(html: string): string {
  if (!html) return ''
  const simple = /^(<p>[\s\S]*?<\/p>\s*)+$/.test(html) && !/<(?!\/?p>|br \/>)/.test(html.replace(/<p>|<\/p>|<br \/>/g, ''))
  if (!simple) return html
  return html.split(/<\/p>\s*/).filter(Boolean).map((p) => p.replace(/^<p>/, '').replace(/<br \/>/g, '\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).join('\n\n')
}

/** Visible text of stored HTML (search, diff, privacy scan). */
export function htmlText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|h[2-4]|li|tr|blockquote)>/g, '$&\n').replace(/<br \/>/g, '\n'), { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/\n{3,}/g, '\n\n').trim()
}
