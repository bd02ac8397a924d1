import type { UseCaseContext } from '../orgs/index.ts'
import type { FeeSchedule } from './rules/index.ts'

/** The context of the requests use cases: the orgs context plus the key that derives applicant identity HMACs. */
export interface RequestsContext extends UseCaseContext {
  /** Secret material (the data key) for identityHmac; never logged or stored. */
  readonly identityKey: string
  /**
   * The 信息处理费 tariff in force (rules/fees.ts FEE_SCHEDULE when absent). Its effective date, payment period and
   * exemptions are recalled, not verified (regulation.md §2 [M]): a deployment that has checked 国办函〔2020〕109号 (or
   * a local 收费目录) passes its own schedule here; nothing in code assumes the recalled values.
   */
  readonly feeSchedule?: FeeSchedule
}

/** Subject type of request clocks in tracked_clocks. */
export const CLOCK_SUBJECT = 'request_case'
