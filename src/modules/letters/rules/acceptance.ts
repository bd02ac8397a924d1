/**
 * 受理范围 of the 区长公开信箱 (regulation.md §6.2 [S]: the 重庆 公开信箱 notice to writers; 潍坊市12345热线条例
 * 第十九条 [V] for the hotline equivalent). A letter outside the scope is screened out with one of these reasons and
 * is never lost: the writer is told where to go, and an information request is offered conversion into a
 * 依申请公开 application.
 */
export type ScreeningOutcome = 'accept' | NotAcceptedReason

export type NotAcceptedReason =
  | 'information_request'
  | 'petition'
  | 'litigation'
  | 'discipline'
  | 'other_body'
  | 'repeated'
  | 'unclear'
  | 'unlawful_content'
  | 'not_government'

export interface ScreeningRule {
  readonly label: string
  /** What the writer is told: where to go instead (shown on the follow-up page). */
  readonly guidance: string
  /** The writer is offered conversion into a 依申请公开 application. */
  readonly offersRequestConversion: boolean
  /** The screener must name the earlier case (repeated letters). */
  readonly needsRelatedCase: boolean
  readonly citation: string
}

const SCOPE = '重庆市政府公开信箱受理范围（regulation.md §6.2，来源 [S]）'

export const NOT_ACCEPTED: Readonly<Record<NotAcceptedReason, ScreeningRule>> = Object.freeze({
  information_request: {
    label: '属于政府信息公开申请',
    guidance: '您要获取的是政府信息，应当按照《中华人民共和国政府信息公开条例》提出政府信息公开申请，答复期限为20个工作日。您可以把这封信转为依申请公开申请。',
    offersRequestConversion: true, needsRelatedCase: false,
    citation: `${SCOPE}：依法应当通过依申请公开等法定途径解决的不予受理；潍坊市12345热线条例 第十九条（政府信息公开）`,
  },
  petition: {
    label: '属于信访事项',
    guidance: '您反映的事项已进入或应当进入信访程序，请向开州区信访办公室提出，或通过国家信访局网上信访平台反映。信访事项按《信访工作条例》办理（受理告知15日，办理60日）。',
    offersRequestConversion: false, needsRelatedCase: false,
    citation: `${SCOPE}：已信访终结的不予受理；《信访工作条例》第二十二条、第三十四条`,
  },
  litigation: {
    label: '应通过诉讼、仲裁或行政复议解决',
    guidance: '您反映的事项依法应当通过诉讼、仲裁或行政复议解决。请向有管辖权的人民法院、仲裁机构或行政复议机关提出。',
    offersRequestConversion: false, needsRelatedCase: false,
    citation: `${SCOPE}：已经或依法应当通过诉讼、仲裁、行政复议等法定途径解决的不予受理`,
  },
  discipline: {
    label: '属于纪检监察事项',
    guidance: '举报党员干部和公职人员违纪违法问题，请向纪检监察机关反映：开州区纪委监委信访举报室，或中央纪委国家监委网站 12388 举报平台。',
    offersRequestConversion: false, needsRelatedCase: false,
    citation: `${SCOPE}：纪检监察事项不予受理；潍坊市12345热线条例 第十九条（纪检监察）`,
  },
  other_body: {
    label: '属于党委、人大、政协、法院、检察院或部队事项',
    guidance: '您反映的事项不属于区人民政府的职责，请向相应的党委、人大、政协、法院、检察院或部队机关反映。',
    offersRequestConversion: false, needsRelatedCase: false,
    citation: `${SCOPE}：党委、人大、政协、纪检监察、部队、法院、检察院事项不予受理`,
  },
  repeated: {
    label: '重复来信',
    guidance: '您反映的事项正在办理或已经办理完毕，请用原来的查询码查看办理情况。',
    offersRequestConversion: false, needsRelatedCase: true,
    citation: `${SCOPE}：正在办理或办理完毕的重复来信不予受理`,
  },
  unclear: {
    label: '事实不清或内容空泛',
    guidance: '来信内容不够具体，我们无法办理。欢迎您写明时间、地点、事情经过和诉求后重新来信。',
    offersRequestConversion: false, needsRelatedCase: false,
    citation: `${SCOPE}：事实不清、内容空泛、广告类信件不予受理`,
  },
  unlawful_content: {
    label: '含有违法有害言论或违反社会公德',
    guidance: '来信含有违反法律法规或社会公德的内容，不予受理。',
    offersRequestConversion: false, needsRelatedCase: false,
    citation: `${SCOPE}：违法有害言论，违反法律法规、社会公德的不予受理`,
  },
  not_government: {
    label: '不属于政府职责',
    guidance: '您反映的事项不属于政府职责范围（例如企业之间、个人之间的民事纠纷），建议通过协商、人民调解或司法途径解决。',
    offersRequestConversion: false, needsRelatedCase: false,
    citation: `${SCOPE}：不属于政府职责范围的不予受理`,
  },
})

export const NOT_ACCEPTED_REASONS = Object.keys(NOT_ACCEPTED) as NotAcceptedReason[]

export function isNotAcceptedReason(value: string): value is NotAcceptedReason {
  return Object.hasOwn(NOT_ACCEPTED, value)
}

/** 受理范围 as the public reads it on the letter form. */
export const ACCEPTED_SCOPE: readonly string[] = [
  '对经济社会发展的意见和建议',
  '日常生活中的热点、难点问题及建议',
  '政府工作职责、办事程序和政策法规咨询',
  '对行政机关办事效率、工作作风的投诉',
  '其他应当由区人民政府及其部门按职责处理的事项',
]
