/**
 * The notices the law requires while a request is handled: 补正 (第三十条), consultation (第三十二条, 第三十四条),
 * extension (第三十三条第二款) and the 第三十五条 request for reasons with its later-date answer.
 */
import { REGIMES } from '../../calendar/index.ts'
import { accordingTo, gio } from './citations.ts'
import {
  ConsultationNoticeInput, CorrectionNoticeInput, ExtensionNoticeInput, ThirdPartyConsultationInput,
  VolumeLaterDateInput, VolumeReasonsRequestInput, parseLetterInput,
} from './inputs.ts'
import { type Letter, chineseDate, numberedItems, paragraph } from './letter.ts'
import { contactNotes, deadlineWithExplanation, requestRecalled } from './wording.ts'

const CN_2019 = REGIMES['cn-2019']

/** 政府信息公开申请补正告知书 (条例 第三十条): every item at once, the time limit, the clock restart, 视为放弃. */
export function correctionNoticeLetter(raw: CorrectionNoticeInput): Letter {
  const input = parseLetterInput(CorrectionNoticeInput, raw)
  return {
    kind: 'correction_notice',
    letterhead: input.unit.name,
    docNo: input.docNo,
    title: '政府信息公开申请补正告知书',
    addressee: input.applicant.name,
    body: [
      paragraph(`${requestRecalled(input.request.receivedOn, input.request.description)}经审查，您的申请内容不明确。${accordingTo([gio('第三十条')])}，现一次性告知您需要补正的事项如下：`),
      numberedItems(input.items),
      paragraph(`补正说明：${input.guidance}。`),
      paragraph(`请您于${deadlineWithExplanation(input.correctionDeadline)}前，${input.submitTo}。`),
      paragraph('答复期限自本机关收到补正的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。'),
    ],
    attachments: [],
    signature: { unit: input.unit.name, date: input.writtenOn },
    notes: contactNotes(input.unit),
  }
}

/** 政府信息公开申请征求第三方意见书 (条例 第三十二条), to the third party; the applicant is not named. */
export function thirdPartyConsultationLetter(raw: ThirdPartyConsultationInput): Letter {
  const input = parseLetterInput(ThirdPartyConsultationInput, raw)
  const days = CN_2019.pauses.third_party_consultation.replyWorkingDays
  return {
    kind: 'third_party_consultation',
    letterhead: input.unit.name,
    docNo: input.docNo,
    title: '政府信息公开申请征求第三方意见书',
    addressee: input.thirdParty,
    body: [
      paragraph(`本机关于${chineseDate(input.receivedOn)}收到政府信息公开申请，申请公开“${input.description}”。经审查，${input.harm}，公开可能损害您的合法权益。${accordingTo([gio('第三十二条')])}，现书面征求您的意见。`),
      paragraph(`请您自收到本征求意见书之日起${days}个工作日内，${input.replyTo}，书面提出是否同意公开的意见；不同意公开的，请说明理由。`),
      paragraph('逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。您不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知您。'),
    ],
    attachments: input.attachments,
    signature: { unit: input.unit.name, date: input.writtenOn },
    notes: contactNotes(input.unit),
  }
}

/** 政府信息公开申请征求意见告知书 to the applicant: who is consulted, and that the time is not counted (第三十三条第三款). */
export function consultationNoticeLetter(raw: ConsultationNoticeInput): Letter {
  const input = parseLetterInput(ConsultationNoticeInput, raw)
  const consulted = input.consulted
  // The applicant is not told who the third party is: its identity may itself be what 第十五条 protects (个人隐私、
  // 商业秘密) until it has been consulted. The agencies of 第三十四条 are public bodies and are named.
  const why = consulted.kind === 'third_party'
    ? `经审查，您申请公开的政府信息公开可能损害第三方合法权益。${accordingTo([gio('第三十二条')])}，本机关已于${chineseDate(input.consultedOn)}书面征求第三方的意见，第三方应当自收到征求意见书之日起${CN_2019.pauses.third_party_consultation.replyWorkingDays}个工作日内提出意见。`
    : `经审查，您申请公开的政府信息由本机关与${consulted.agencies.join('、')}共同制作。${accordingTo([gio('第三十四条')])}，本机关已于${chineseDate(input.consultedOn)}征求${consulted.agencies.join('、')}的意见，被征求意见机关应当自收到征求意见书之日起${CN_2019.pauses.agency_consultation.replyWorkingDays}个工作日内提出意见。`
  return {
    kind: 'consultation_notice',
    letterhead: input.unit.name,
    docNo: input.docNo,
    title: '政府信息公开申请征求意见告知书',
    addressee: input.applicant.name,
    body: [
      paragraph(`${requestRecalled(input.request.receivedOn, input.request.description)}${why}`),
      paragraph(`${accordingTo([gio('第三十三条第三款')])}，征求第三方和其他机关意见所需时间不计算在答复期限内。征求意见前，答复期限已用${input.workingDaysUsed}个工作日，尚余${input.workingDaysLeft}个工作日。本机关将在收到意见或者征求意见期限届满后继续办理，并依法作出答复。`),
      paragraph('特此告知。'),
    ],
    attachments: [],
    signature: { unit: input.unit.name, date: input.writtenOn },
    notes: contactNotes(input.unit),
  }
}

/** 政府信息公开申请延期答复告知书 (条例 第三十三条第二款): approved by the office head, at most 20 working days. */
export function extensionNoticeLetter(raw: ExtensionNoticeInput): Letter {
  const input = parseLetterInput(ExtensionNoticeInput, raw)
  return {
    kind: 'extension_notice',
    letterhead: input.unit.name,
    docNo: input.docNo,
    title: '政府信息公开申请延期答复告知书',
    addressee: input.applicant.name,
    body: [
      paragraph(`${requestRecalled(input.request.receivedOn, input.request.description)}该申请的答复期限原至${chineseDate(input.originalDueOn)}。因${input.reason}，本机关不能在规定期限内作出答复。`),
      paragraph(`${accordingTo([gio('第三十三条第二款')])}，经本机关政府信息公开工作机构负责人于${chineseDate(input.approvedOn)}同意，答复期限延长${input.extraWorkingDays}个工作日（延长的期限最长不得超过${CN_2019.extension.maxWorkingDays}个工作日），延长后的答复期限至${deadlineWithExplanation(input.newDeadline)}。`),
      paragraph('特此告知。'),
    ],
    attachments: [],
    signature: { unit: input.unit.name, date: input.writtenOn },
    notes: contactNotes(input.unit),
  }
}

/** 政府信息公开申请说明理由通知书 (条例 第三十五条): asks the applicant for reasons; says what follows either way. */
export function volumeReasonsRequestLetter(raw: VolumeReasonsRequestInput): Letter {
  const input = parseLetterInput(VolumeReasonsRequestInput, raw)
  return {
    kind: 'volume_reasons_request',
    letterhead: input.unit.name,
    docNo: input.docNo,
    title: '政府信息公开申请说明理由通知书',
    addressee: input.applicant.name,
    body: [
      paragraph(`${requestRecalled(input.request.receivedOn, input.request.description)}${input.volumeFacts}。本机关认为，您申请公开政府信息的数量、频次明显超过合理范围。`),
      paragraph(`${accordingTo([gio('第三十五条')])}，请您于${deadlineWithExplanation(input.replyDeadline)}前，${input.replyTo}，书面说明申请理由。`),
      paragraph('本机关认为申请理由不合理的，将告知您不予处理；认为申请理由合理，但是无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复的，将确定延迟答复的合理期限并告知您。'),
    ],
    attachments: [],
    signature: { unit: input.unit.name, date: input.writtenOn },
    notes: contactNotes(input.unit),
  }
}

/** 政府信息公开申请延迟答复告知书 (条例 第三十五条): reasons accepted, a reasonable later answer date. */
export function volumeLaterDateLetter(raw: VolumeLaterDateInput): Letter {
  const input = parseLetterInput(VolumeLaterDateInput, raw)
  return {
    kind: 'volume_later_date_notice',
    letterhead: input.unit.name,
    docNo: input.docNo,
    title: '政府信息公开申请延迟答复告知书',
    addressee: input.applicant.name,
    body: [
      paragraph(`${requestRecalled(input.request.receivedOn, input.request.description)}本机关于${chineseDate(input.askedOn)}要求您说明申请理由，您于${chineseDate(input.reasonsGivenOn)}作出了说明。`),
      paragraph(`经审查，本机关认为您的申请理由合理，但是${input.whyLater}，无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复。${accordingTo([gio('第三十五条')])}，确定延迟答复的合理期限至${deadlineWithExplanation(input.newDeadline)}。`),
      paragraph('特此告知。'),
    ],
    attachments: [],
    signature: { unit: input.unit.name, date: input.writtenOn },
    notes: contactNotes(input.unit),
  }
}
