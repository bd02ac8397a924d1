import { messages } from './calendar.messages.ts'

/**
 * Errors of the calendar module. Each carries a stable `code` so the HTTP error handler can map it
 * (CalendarInputError → 400 with a field message) without parsing the Chinese text.
 */

/** Bad input to a calendar function: a malformed or impossible date, a count out of range, an unknown regime. */
export class CalendarInputError extends Error {
  readonly code = 'CALENDAR_INPUT'
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message)
    this.name = 'CalendarInputError'
  }
}

/** A sentence of a holiday notice that the parser cannot read; `sentence` is the text as published. */
export class NoticeParseError extends Error {
  readonly code = 'NOTICE_PARSE'
  constructor(
    readonly sentence: string,
    readonly reason: string,
  ) {
    super(messages.noticeParseError(sentence, reason))
    this.name = 'NoticeParseError'
  }
}

/** A clock event that the rules refuse (a second extension, a resume without a pause …); `index` is its position. */
export class ClockEventError extends Error {
  readonly code = 'CLOCK_EVENT'
  constructor(
    readonly index: number,
    readonly reason: string,
  ) {
    super(messages.clockEventError(index, reason))
    this.name = 'ClockEventError'
  }
}
