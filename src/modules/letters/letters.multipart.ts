/**
 * Form bodies of the letters wing that may carry files: a multipart body (fields as { value } objects, files with a
 * name, repeated fields as arrays) or a urlencoded one, as plain strings plus the chosen files. A file input left
 * empty sends a part without a name; it is not a file.
 */
import type { LetterUpload } from './letter-attachments.ts'
import { LETTER_ATTACHMENT_MAX_COUNT } from './letter-attachments.ts'

export interface FilePart { filename: string; toBuffer(): Promise<Buffer> }

export interface FormWithFiles {
  fields: Record<string, string>
  files: FilePart[]
  /** Fields cut off by the multipart field-size limit. */
  truncated: string[]
}

export function formWithFiles(body: unknown): FormWithFiles {
  const fields: Record<string, string> = {}
  const files: FilePart[] = []
  const truncated: string[] = []
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    for (const [k, raw] of Object.entries(body as Record<string, unknown>)) {
      for (const v of Array.isArray(raw) ? raw : [raw]) {
        if (typeof v === 'string') {
          if (!(k in fields)) fields[k] = v
        } else if (v && typeof v === 'object' && (v as { type?: string }).type === 'field') {
          const f = v as { value?: unknown; valueTruncated?: boolean }
          if (!(k in fields)) fields[k] = String(f.value ?? '')
          if (f.valueTruncated) truncated.push(k)
        } else if (v && typeof v === 'object' && (v as { type?: string }).type === 'file') {
          const f = v as { filename?: string; toBuffer?: () => Promise<Buffer> }
          if (f.filename && typeof f.toBuffer === 'function') files.push({ filename: f.filename, toBuffer: () => f.toBuffer!() })
        }
      }
    }
  }
  return { fields, files, truncated }
}

export async function uploadsOf(files: readonly FilePart[]): Promise<LetterUpload[]> {
  const out: LetterUpload[] = []
  for (const f of files) out.push({ fileName: f.filename, bytes: await f.toBuffer() })
  return out
}

/**
 * Route config for a form with attachments: one file more than allowed is still parsed, so that the use case can
 * refuse it with a clear message on the form (more than that is refused by the parser: 413).
 */
export const ATTACHMENT_ROUTE_CONFIG = { multipartOptions: { limits: { files: LETTER_ATTACHMENT_MAX_COUNT + 1 } } } as const
