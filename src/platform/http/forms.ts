import { z } from 'zod'
import type { FieldMessage } from './errors.ts'

// Messages that a schema does not set itself (a wrong type, a repeated field) come in Chinese.
z.config(z.locales.zhCN())
z.config({ customError: (issue) => (issue.code === 'invalid_type' ? '填写的内容格式不正确，请检查后重新填写' : undefined) })

/** True for a real calendar date written 'YYYY-MM-DD' (2026-02-30 is not). */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

/** A form date: the format message says what to type; an impossible date gets its own message. */
export function dateField(formatMessage: string) {
  return z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, formatMessage).refine(isRealDate, '这个日期不存在，请检查年月日')
}

/** zod issues → field messages in form order, one per field (the first is the one to fix first). */
export function fieldErrors(error: z.ZodError): FieldMessage[] {
  const seen = new Set<string>()
  const out: FieldMessage[] = []
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.')
    if (seen.has(field)) continue
    seen.add(field)
    out.push({ field, message: issue.message })
  }
  return out
}

/** A form body as a plain object of strings (and string arrays for repeated fields), never anything else. */
export function formBody(body: unknown): Record<string, string | string[]> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {}
  const out: Record<string, string | string[]> = {}
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v as string[]
  }
  return out
}

/** A safe local path to return to: must start with one slash (no protocol-relative or absolute URLs). */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !/^\/(?![/\\])/.test(value) || value.length > 500 || /[\r\n]/.test(value)) return fallback
  return value
}
