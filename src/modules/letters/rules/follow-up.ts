/**
 * The writer's follow-up after a reply is released: 好差评 and "没有解决". Both are allowed only within a window after
 * the release, and "没有解决" only a limited number of times, so that a case can end (FixMyStreet's questionnaire
 * closes too; 12345 回访 is done within days). No national rule fixes either number: both are [M], local settings the
 * 公开办 changes on 公众诉求设置 (letter_settings), never in code.
 */
export interface LetterSettings {
  /** 延期: at most this many working days, once per dispatch [M]. */
  readonly extensionMaxWorkingDays: number
  /** Days after the release in which the writer may rate or say "没有解决" [M]. */
  readonly followUpWindowDays: number
  /** How often "没有解决" may reopen a case [M]. */
  readonly maxReopens: number
  /** 差评整改: working days from the rating to 整改到位 (四川 example: 15 [S]). */
  readonly rectificationWorkingDays: number
}

/** The seeded defaults (migration 0033); the rules read letter_settings. */
export const DEFAULT_LETTER_SETTINGS: LetterSettings = Object.freeze({ extensionMaxWorkingDays: 10, followUpWindowDays: 15, maxReopens: 2, rectificationWorkingDays: 15 })

/** Column keys of letter_settings and their labels on the settings page. */
export const SETTING_KEYS: Readonly<Record<keyof LetterSettings, { key: string; label: string; min: number; max: number; unit: string }>> = Object.freeze({
  extensionMaxWorkingDays: { key: 'extension_max_working_days', label: '延期最多工作日数', min: 1, max: 30, unit: '个工作日' },
  followUpWindowDays: { key: 'follow_up_window_days', label: '答复发布后可以评价或反馈“没有解决”的天数', min: 1, max: 90, unit: '天' },
  maxReopens: { key: 'max_reopens', label: '“没有解决”重新办理的最多次数', min: 0, max: 10, unit: '次' },
  rectificationWorkingDays: { key: 'rectification_working_days', label: '差评整改期限', min: 1, max: 60, unit: '个工作日' },
})

/** The last day (inclusive) on which the writer may still rate or reopen a reply released on `releasedOn`. */
export function followUpLastDay(releasedOn: string, settings: Pick<LetterSettings, 'followUpWindowDays'>): string {
  // Plain calendar days, not rolled past holidays: a writer rates on a phone on any day.
  return new Date(Date.parse(`${releasedOn}T00:00:00Z`) + settings.followUpWindowDays * 86_400_000).toISOString().slice(0, 10)
}

/** Why the writer may not take the follow-up step today, in Chinese; null when they may. */
export function followUpRefusal(
  facts: { releasedOn: string | null; reopenCount: number },
  step: 'rate' | 'reopen', today: string, settings: Pick<LetterSettings, 'followUpWindowDays' | 'maxReopens'>,
): string | null {
  if (!facts.releasedOn) return '答复发布后才能评价或反馈'
  const last = followUpLastDay(facts.releasedOn, settings)
  if (today > last) return `答复发布后${settings.followUpWindowDays}日内可以${step === 'rate' ? '评价' : '反馈“没有解决”'}，已于 ${last} 截止。如有新的问题，请重新来信或拨打区长公开电话。`
  if (step === 'reopen' && facts.reopenCount >= settings.maxReopens) return `这件信件已经重新办理过 ${facts.reopenCount} 次，不能再反馈“没有解决”。如有新的问题，请重新来信或拨打区长公开电话。`
  return null
}
