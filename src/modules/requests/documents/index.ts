// The letters of the requests wing (依申请公开): content builders, the DOCX (公文) and HTML renderers, and their inputs.
// The requests module's own index.ts re-exports what other modules need; inside the module, import from here.

/** A letter's content model: 版头, 发文字号, title, 主送, body blocks, 附件, 署名 and 成文日期, 附注. */
export type { Letter } from './letter.ts'
/** One block of a letter body: paragraph, numbered items, or a table of labelled values. */
export type { LetterBlock } from './letter.ts'
/** The kinds of letter (receipt, correction_notice, … answer, delivery_record). */
export type { LetterKind } from './letter.ts'
/** Every line of a letter's text in reading order, exactly as both renderers print it. */
export { letterText } from './letter.ts'
/** 成文日期 as printed: 2026-11-27 → 2026年11月27日. */
export { chineseDate } from './letter.ts'
/** A download file name: 政府信息公开申请答复书（开州发改依复〔2026〕3号）.docx. */
export { letterFileName } from './letter.ts'

/** Input of 受理回执 (zod schema and type). */
export { ReceiptInput } from './inputs.ts'
/** Input of 补正申请告知书. */
export { CorrectionNoticeInput } from './inputs.ts'
/** Input of 征求第三方意见书 (to the third party; the applicant is not named). */
export { ThirdPartyConsultationInput } from './inputs.ts'
/** Input of 征求意见告知书 (to the applicant). */
export { ConsultationNoticeInput } from './inputs.ts'
/** Input of 延期答复告知书 (at most 20 working days). */
export { ExtensionNoticeInput } from './inputs.ts'
/** Input of 第三十五条 说明理由通知书. */
export { VolumeReasonsRequestInput } from './inputs.ts'
/** Input of 第三十五条 延迟答复告知书. */
export { VolumeLaterDateInput } from './inputs.ts'
/** Input of 收费通知书 (按件 or 按量, with computeFee's lines). */
export { FeeNoticeInput } from './inputs.ts'
/** Input of 答复书: the disposition with its particulars, extra citations, attachments, remedy bodies. */
export { AnswerLetterInput } from './inputs.ts'
/** The disposition part of an answer: one of the rules module's 21 codes with what its letter needs. */
export { DispositionInput } from './inputs.ts'
/** Input of 送达回证. */
export { DeliveryRecordInput } from './inputs.ts'
/** The issuing unit (name, 联系人, 电话, 地址) printed in the 版头, 署名 and 附注. */
export type { IssuingUnit } from './inputs.ts'
/** The 行政复议机关 and the court named in every answer. */
export type { RemedyBodies } from './inputs.ts'
/** A deadline with its explanation (the calendar trace's summary). */
export type { Deadline } from './inputs.ts'
/** One band of a fee, as rules/fees.ts computeFee returns it. */
export type { FeeLine } from './inputs.ts'
/** A withheld part of a partial disclosure: what, on which grounds, why. */
export type { WithheldPart } from './inputs.ts'

/** A provision cited in a letter: { law, provision }. */
export type { Citation } from './citations.ts'
/** Provisions written in a sentence, grouped by law: 《…条例》第十四条、第三十六条第（三）项和《…》第九条. */
export { citeProvisions } from './citations.ts'
/** The provisions an answer cites for a disposition of the rules module, as citations. */
export { dispositionCitations } from './answer-letter.ts'

/** 政府信息公开申请受理回执 (查询码, SM3 内容指纹, 第三十一条 receipt-date rule, 答复期限). */
export { receiptLetter } from './receipt.ts'
/** 政府信息公开申请补正告知书 (第三十条). */
export { correctionNoticeLetter } from './procedure-notices.ts'
/** 政府信息公开申请征求第三方意见书, to the third party (第三十二条). */
export { thirdPartyConsultationLetter } from './procedure-notices.ts'
/** 政府信息公开申请征求意见告知书, to the applicant (第三十二条 / 第三十四条, 第三十三条第三款). */
export { consultationNoticeLetter } from './procedure-notices.ts'
/** 政府信息公开申请延期答复告知书 (第三十三条第二款). */
export { extensionNoticeLetter } from './procedure-notices.ts'
/** 政府信息公开申请说明理由通知书 (第三十五条). */
export { volumeReasonsRequestLetter } from './procedure-notices.ts'
/** 政府信息公开申请延迟答复告知书 (第三十五条, reasons accepted); the refusal is answerLetter with not_processed_unreasonable_volume. */
export { volumeLaterDateLetter } from './procedure-notices.ts'
/** 政府信息公开信息处理费收费通知书 (第四十二条, 国办函〔2020〕109号). */
export { feeNoticeLetter } from './fee-notice.ts'
/** 政府信息公开申请答复书 for any of the 21 dispositions, with its provisions and the remedies. */
export { answerLetter } from './answer-letter.ts'
/** 送达回证 */
export { deliveryRecordLetter } from './delivery-record.ts'

/** A letter as a DOCX Buffer in 公文 layout (GB/T 9704-2012). */
export { letterDocx } from './render-docx.ts'
/** The fonts the DOCX names (方正小标宋简体, 仿宋_GB2312, 宋体). */
export { DOCX_FONTS } from './render-docx.ts'
/** The DOCX page set-up: A4, margins 37/35/28/26 mm, 22 lines × 28 characters. */
export { DOCX_PAGE } from './render-docx.ts'
/** A letter as an HTML fragment (<article>), for a portal or back-office page; titleLevel 2 inside a page with its own h1. */
export { LetterView } from './letter-view.tsx'
/** A standalone printable HTML page for one letter. */
export { LetterPage } from './letter-view.tsx'
/** The standalone page as an HTML string with its doctype. */
export { letterHtml } from './letter-view.tsx'
/** The letter stylesheet: serve it (e.g. at /assets/letter.css) and pass that URL to LetterPage / letterHtml. */
export { LETTER_CSS } from './letter-view.tsx'
