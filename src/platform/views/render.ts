import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'

/** Renders a whole page. preact-render-to-string escapes all text; raw HTML needs an explicit *Html prop. */
export function renderPage(page: VNode): string {
  return `<!DOCTYPE html>${renderToString(page)}`
}
