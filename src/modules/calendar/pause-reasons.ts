/**
 * Why the answer clock may stand still: 征求第三方意见 (third party, 条例 第三十二条), 征求其他机关意见 (co-producing
 * agency, 第三十四条), 收费通知 until payment (fee notice, 国办函〔2020〕109号). 第三十三条第三款 excludes consultation time.
 */
export type PauseReason = 'third_party_consultation' | 'agency_consultation' | 'fee_notice'

/** What silence at the end of a consultation means: 第三十二条 the agency decides; 第三十四条 deemed consent. */
export type SilenceOutcome = 'agency_decides' | 'deemed_consent'
