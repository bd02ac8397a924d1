/** guide: each unit's 政府信息公开指南 (条例 第十二条) — its settings, kept by the unit or the 公开办, and the generated guide. */

/** 受理渠道 and the settings form. */
export { CHANNELS, CHANNEL_KEYS, DisclosureSettingsForm, type ChannelKey, type DisclosureSettingsInput } from './guide.forms.ts'
/** Reads of the settings. */
export { findDisclosureSettings, guideUpdateTimes, type DisclosureSettings } from './guide.repository.ts'
/** Saving the settings (authorised and audited). */
export { updateDisclosureSettings } from './update-disclosure-settings.ts'
/** The generated guide of one unit. */
export { buildUnitGuide, reviewBodyFor, paragraphsOf, REMEDY_PERIODS, type UnitGuide, type GuideChapter, type GuideInput, type Inline } from './guide-content.ts'
/** Back-office routes: the settings pages. */
export { guideRoutes } from './guide.routes.tsx'
