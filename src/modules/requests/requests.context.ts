import type { UseCaseContext } from '../orgs/index.ts'

/** The context of the requests use cases: the orgs context plus the key that derives applicant identity HMACs. */
export interface RequestsContext extends UseCaseContext {
  /** Secret material (the data key) for identityHmac; never logged or stored. */
  readonly identityKey: string
}

/** Subject type of request clocks in tracked_clocks. */
export const CLOCK_SUBJECT = 'request_case'
