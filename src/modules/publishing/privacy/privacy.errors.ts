/**
 * Errors of the privacy gate. Each carries a stable `code` and a `reason`, so an upload handler can map them to a
 * field message (400) and the publish check can list an attachment as not scanned, without parsing the Chinese text.
 */

/** Why an attachment's text could not be read. */
export type ExtractionFailure = 'unsupported_type' | 'too_large' | 'encrypted' | 'unreadable'

/** An attachment whose text cannot be extracted: unknown or legacy format, over the size limit, encrypted, corrupt. */
export class TextExtractionError extends Error {
  readonly code = 'PRIVACY_TEXT_EXTRACTION'
  constructor(
    readonly reason: ExtractionFailure,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = 'TextExtractionError'
  }
}
