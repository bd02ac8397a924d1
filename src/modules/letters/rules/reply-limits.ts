/**
 * 办理时限 in working days, per channel and category — configurable data, not law. No national rule fixes a
 * 信箱 reply limit; the defaults come from published local practice (regulation.md §6.2, §6.3):
 * - 重庆 公开信箱 (2005): "各单位收到上级单位的交办邮件应在10个工作日内回复办理结果" [S] → 10 for letters
 *   passed down from the city and the default for everything else;
 * - 许昌 市长信箱 "一般 5个工作日" [S], 沈阳 "一般问题 3个工作日" [S] → 5 for 咨询 (a question, not a matter to fix);
 * - 潍坊市12345热线条例 第二十条 [V] "能够在五个工作日内办理完毕的，应当办理完毕" → 5 for hotline calls dispatched.
 * The extension of at most 10 working days, once, with a reason is [M]: chosen here, to be confirmed locally.
 * LIMIT_TABLE is the default the migration seeded (0033); the 公开办 edits the table on 办理时限设置 (letter_reply_limits),
 * and the rules read that data, never these constants, once it exists.
 */
import type { CategoryKey } from './categories.ts'
import type { ChannelKey } from './channels.ts'

export interface ReplyLimit {
  readonly workingDays: number
  readonly citation: string
}

/** Most specific first: a (channel, category) row beats a channel row beats the default. */
export interface LimitRow {
  readonly channel?: ChannelKey
  readonly category?: CategoryKey
  readonly workingDays: number
  readonly citation: string
}

export const LIMIT_TABLE: readonly LimitRow[] = Object.freeze([
  { channel: 'mayor_mailbox', workingDays: 10, citation: '重庆市政府公开信箱：收到上级单位的交办邮件应在10个工作日内回复办理结果 [S]' },
  { channel: 'mayor_hotline', workingDays: 10, citation: '重庆市政府公开信箱：收到上级单位的交办件应在10个工作日内回复办理结果 [S]' },
  { channel: 'district_hotline', workingDays: 5, citation: '参照《潍坊市12345政务服务便民热线条例》第二十条：能够在五个工作日内办理完毕的，应当办理完毕（本区默认值）' },
  { channel: 'sunshine_114', workingDays: 5, citation: '参照《潍坊市12345政务服务便民热线条例》第二十条（本区默认值）' },
  { category: 'consultation', workingDays: 5, citation: '咨询类一般5个工作日内答复（参照许昌市长信箱做法 [S]，本区默认值）' },
  { workingDays: 10, citation: '重庆市政府公开信箱：10个工作日内回复办理结果 [S]（本区默认值）' },
].map((row) => Object.freeze(row)) as LimitRow[])

/** 延期: at most this many working days, once, with a reason [M]. */
export const EXTENSION_MAX_WORKING_DAYS = 10
export const EXTENSION_CITATION = '延期办理：经单位负责人同意，说明理由，最多延长10个工作日，限一次（本区默认值 [M]，待本地制度确认）'

function specificity(row: LimitRow): number {
  return (row.channel ? 2 : 0) + (row.category ? 1 : 0)
}

/** The reply limit of a case of this channel and category under a limit table. */
export function replyLimit(channel: ChannelKey, category: CategoryKey, table: readonly LimitRow[] = LIMIT_TABLE): ReplyLimit {
  let best: LimitRow | undefined
  for (const row of table) {
    if (row.channel !== undefined && row.channel !== channel) continue
    if (row.category !== undefined && row.category !== category) continue
    if (!best || specificity(row) > specificity(best)) best = row
  }
  if (!best) throw new Error('办理时限表缺少默认行')
  return { workingDays: best.workingDays, citation: best.citation }
}

/**
 * The clock regime id the calendar module evaluates for a limit: a plain working-day limit with an extension
 * (calendar/regimes.ts `workingDayLimitRegime`).
 */
export function clockRegimeFor(limit: ReplyLimit, extensionMaxWorkingDays: number = EXTENSION_MAX_WORKING_DAYS): string {
  return `wd:${limit.workingDays}:${extensionMaxWorkingDays}`
}

/** The limit and extension a clock regime id of clockRegimeFor carries (cases dispatched before limits were stored). */
export function limitOfRegime(regimeId: string): { workingDays: number; extensionMaxWorkingDays: number } | null {
  const m = /^wd:(\d{1,3}):(\d{1,3})$/.exec(regimeId)
  return m ? { workingDays: Number(m[1]), extensionMaxWorkingDays: Number(m[2]) } : null
}
