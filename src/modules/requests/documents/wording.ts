/**
 * Wording shared by several letters: the contact note, the request as recalled in an opening sentence, the remedy
 * paragraph. Kept in one place so that the Chinese can be reviewed together.
 */
import { ADMINISTRATIVE_LITIGATION_LAW, ADMINISTRATIVE_REVIEW_LAW } from './citations.ts'
import type { IssuingUnit, RemedyBodies } from './inputs.ts'
import { chineseDate } from './letter.ts'

/**
 * 附注 with the unit's contact details that are known: "承办机构：…，联系人：…，联系电话：…，通信地址：…". None known →
 * no 附注 at all (a stand-in such as "见政府信息公开指南" is never printed).
 */
export function contactNotes(unit: IssuingUnit): string[] {
  const parts = [unit.office ? `承办机构：${unit.office}` : null, unit.contactPerson ? `联系人：${unit.contactPerson}` : null, unit.phone ? `联系电话：${unit.phone}` : null, unit.address ? `通信地址：${unit.address}` : null]
  const known = parts.filter((p) => p !== null)
  return known.length ? [known.join('，')] : []
}

/** "本机关于2026年11月2日收到您提交的政府信息公开申请，您申请公开“…”。" */
export function requestRecalled(receivedOn: string, description: string): string {
  return `本机关于${chineseDate(receivedOn)}收到您提交的政府信息公开申请，您申请公开“${description}”。`
}

/**
 * The remedies every answer states (regulation.md §1.12): 行政复议 within 60 days (行政复议法 第二十条) to the named
 * body, 行政诉讼 within 6 months (行政诉讼法 第四十六条) to the named court.
 */
export const REMEDY_PERIODS = { reviewDays: 60, litigationMonths: 6 } as const

export function remediesParagraph(remedies: RemedyBodies, what = '本答复'): string {
  return `如对${what}不服，您可以自收到${what}之日起${REMEDY_PERIODS.reviewDays}日内向${remedies.reviewBody}申请行政复议，`
    + `也可以自收到${what}之日起${REMEDY_PERIODS.litigationMonths}个月内向${remedies.court}提起行政诉讼`
    + `（《${ADMINISTRATIVE_REVIEW_LAW}》第二十条、《${ADMINISTRATIVE_LITIGATION_LAW}》第四十六条）。`
}

/** A deadline in a sentence: "2026年12月1日（自…起算…）". */
export function deadlineWithExplanation(deadline: { dueOn: string; explanation: string }): string {
  return `${chineseDate(deadline.dueOn)}（${deadline.explanation}）`
}
