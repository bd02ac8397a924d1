// The letters of the requests wing (依申请公开): content builders, the DOCX (公文) and HTML renderers, and inputs.
// The requests module's own index.ts re-exports what other modules need; inside the module, import from here.

/** A letter's content model, rendered identically to DOCX and HTML. */
export type { Letter, LetterBlock, LetterKind } from './letter.ts'
/** Every line of a letter's text in reading order, as both renderers print it. */
export { letterText } from './letter.ts'
/** 成文日期 as printed: 2026-11-27 → 2026年11月27日. */
export { chineseDate } from './letter.ts'

/** Input schemas (zod) and types of each letter; a bad value throws InvalidInputError with Chinese field messages. */
export {
  AnswerLetterInput, ConsultationNoticeInput, CorrectionNoticeInput, DeliveryRecordInput, DispositionInput,
  ExtensionNoticeInput, FeeNoticeInput, ReceiptInput, ThirdPartyConsultationInput, VolumeLaterDateInput,
  VolumeReasonsRequestInput,
} from './inputs.ts'
/** Shared input parts: the issuing unit, remedy bodies, a deadline with its explanation, channels, fee lines. */
export type { DeliveryMethod, Deadline, FeeLine, IssuingUnit, ReceiptChannel, RemedyBodies, WithheldPart } from './inputs.ts'

/** A provision cited in a letter ({ law, provision }) and how a list of them is written in a sentence. */
export { type Citation, citeProvisions } from './citations.ts'
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
/** 政府信息公开申请延迟答复告知书 (第三十五条, reasons accepted); the refusal is answerLetter with not_processed.excessive. */
export { volumeLaterDateLetter } from './procedure-notices.ts'
/** 政府信息公开信息处理费收费通知书 (第四十二条, 国办函〔2020〕109号). */
export { feeNoticeLetter } from './fee-notice.ts'
/** 政府信息公开申请答复书 for any disposition, with its provisions and the remedies. */
export { answerLetter } from './answer-letter.ts'
/** 送达回证 */
export { deliveryRecordLetter } from './delivery-record.ts'

/** A letter as a DOCX Buffer in 公文 layout (GB/T 9704-2012). */
export { letterDocx } from './render-docx.ts'
/** The DOCX page set-up and fonts (for tests and for anyone printing on the same grid). */
export { DOCX_FONTS, DOCX_PAGE } from './render-docx.ts'
/** A letter as an HTML fragment (<article>), for a portal or back-office page. */
export { LetterView } from './letter-view.tsx'
/** A standalone printable HTML page for one letter, and the same as a string. */
export { LetterPage, letterHtml } from './letter-view.tsx'
/** The letter stylesheet; serve it (e.g. at /assets/letter.css) and pass that URL to LetterPage. */
export { LETTER_CSS } from './letter-view.tsx'
