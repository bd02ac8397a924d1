/**
 * The security headers of every response, built once when the server starts: a strict Content-Security-Policy
 * (everything from this origin, no inline script or style, no framing) and the other headers helmet 8 sends by
 * default, written out so that a reviewer sees every one. HSTS and upgrade-insecure-requests only when the public
 * URL is https.
 *
 * These used to come from @fastify/helmet, which builds a new helmet middleware — and parses the CSP directives
 * again — on every request: about 7 % of the CPU time of a cached portal page (bench/portal-pages.ts). The pages
 * carry no inline script or style, so the policy needs no per-response nonce and can be one constant string.
 */
const CSP_DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['form-action', "'self'"],
  ['frame-ancestors', "'none'"],
  ['base-uri', "'self'"],
  ['object-src', "'none'"],
]

export function securityHeaders(options: { https: boolean }): Readonly<Record<string, string>> {
  const csp = [...CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`), ...(options.https ? ['upgrade-insecure-requests'] : [])].join(';')
  return Object.freeze({
    'content-security-policy': csp,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'strict-origin-when-cross-origin',
    ...(options.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    // frame-ancestors 'none' is what modern browsers obey; X-Frame-Options is for the old ones.
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    // The old XSS auditor did more harm than good; helmet turns it off explicitly.
    'x-xss-protection': '0',
  })
}
