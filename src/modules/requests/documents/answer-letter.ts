/**
 * 政府信息公开申请答复书: one template family for every row of the 2021 taxonomy. Each disposition states what was
 * decided and why, cites the provisions the rules module gives for it (rules/dispositions.ts) plus any the unit
 * adds, and every answer ends with the remedies (行政复议 60 日, 行政诉讼 6 个月, regulation.md §1.12) — including the
 * two 不再处理 outcomes, for which the rules send no answer by default: when a unit does tell the applicant, the
 * letter is an administrative act like any other and states how to challenge it.
 */
import { ANSWER_FORMS, type AnswerForm, type DispositionCode, WITHHOLDING_GROUNDS, dispositionRule } from '../rules/index.ts'
import { type Citation, GIO_REGULATION, accordingTo, gio } from './citations.ts'
import { AnswerLetterInput, type Disposition, parseLetterInput } from './inputs.ts'
import { type Letter, type LetterBlock, chineseDate, numberedItems, paragraph } from './letter.ts'
import { contactNotes, remediesParagraph, requestRecalled } from './wording.ts'

/**
 * The provisions the rules module cites for a disposition, as citations. Its articles read
 * "《政府信息公开条例》第十四条" (printed here with the regulation's full title) or "《其他法规》…"; an entry that
 * is not a provision of a law (the report-format row of 确认或重新出具) is no legal basis and is left out.
 */
export function dispositionCitations(code: DispositionCode): Citation[] {
  const out: Citation[] = []
  for (const article of dispositionRule(code).articles) {
    const match = /^《([^》]+)》(.*)$/u.exec(article)
    if (!match) continue
    out.push({ law: match[1] === '政府信息公开条例' ? GIO_REGULATION : match[1]!, provision: match[2]! })
  }
  return out
}

/** The 第三十六条 item of an answer form ("第三十六条第（二）项"). */
const formArticle = (form: AnswerForm) => gio(ANSWER_FORMS[form].article)

/** The decision paragraphs of one disposition, with the provisions they rest on. */
function decision(d: Disposition, extra: readonly Citation[]): LetterBlock[] {
  const basis = (own: readonly Citation[]) => accordingTo([...own, ...extra])
  const fixed = dispositionCitations(d.code)
  switch (d.code) {
    case 'granted':
      return d.route.kind === 'already_published'
        ? [paragraph(`您申请公开的政府信息已经主动公开。${basis([formArticle('already_published')])}，告知您获取该政府信息的方式、途径：${d.route.howToObtain}。`)]
        : [paragraph(`您申请公开的政府信息属于可以公开的政府信息。${basis([formArticle('provided')])}，本机关予以公开，${d.route.howProvided}。`)]
    case 'partial':
      return [
        paragraph(`您申请公开的政府信息中含有不应当公开的内容，但是能够作区分处理。${basis(fixed)}，本机关向您提供可以公开的政府信息内容：${d.provided}。提供方式：${d.howProvided}。`),
        paragraph('对不予公开的内容，说明理由如下：'),
        numberedItems(d.withheld.map((w) => `${w.part}：${w.reason}（${w.grounds.map((g) => WITHHOLDING_GROUNDS[g].label).join('、')}），${accordingTo([...w.grounds.map((g) => gio(WITHHOLDING_GROUNDS[g].article)), ...w.citations])}，不予公开。`)),
      ]
    case 'denied_state_secret':
      return [paragraph(`经审查，您申请公开的政府信息属于依法确定为国家秘密的政府信息：${d.reason}。${basis(fixed)}，本机关决定不予公开。`)]
    case 'denied_law_forbidden':
      return [paragraph(`经审查，您申请公开的政府信息属于法律、行政法规禁止公开的政府信息：${d.reason}。${basis([...fixed, ...d.prohibitingLaw])}，本机关决定不予公开。`)]
    case 'denied_three_safety_one_stability':
      return [paragraph(`经审查，您申请公开的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定：${d.reason}。${basis(fixed)}，本机关决定不予公开。`)]
    case 'denied_third_party':
      return [paragraph(`经审查，您申请公开的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害：${d.reason}。${basis(fixed)}，本机关决定不予公开。`)]
    case 'denied_internal_affairs':
      return [paragraph(`经审查，您申请公开的政府信息属于行政机关的内部事务信息（人事管理、后勤管理、内部工作流程等方面的信息）：${d.reason}。${basis(fixed)}，本机关决定不予公开。`)]
    case 'denied_process_information':
      return [paragraph(`经审查，您申请公开的政府信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息：${d.reason}。${basis(fixed)}，本机关决定不予公开。`)]
    case 'denied_enforcement_file':
      return [paragraph(`经审查，您申请公开的政府信息属于行政执法案卷信息：${d.reason}。${basis(fixed)}，本机关决定不予公开。`)]
    case 'denied_administrative_query':
      return [paragraph(`经审查，您申请公开的政府信息属于工商、不动产登记资料等信息，${d.specialRules}对信息的获取有特别规定。${basis(fixed)}，请您依照有关法律、行政法规的规定办理：${d.howToObtain}。`)]
    case 'unable_not_held':
      return d.route.kind === 'not_exist'
        ? [paragraph(`本机关对您申请公开的政府信息进行了检索：${d.route.search}。经检索，本机关没有您申请公开的政府信息。${basis([formArticle('not_exist')])}，告知您该政府信息不存在。`)]
        : [paragraph(`经审查，您申请公开的政府信息不属于本机关负责公开，理由是：${d.route.reason}。${basis([formArticle('not_this_agency')])}，特此告知。${agencySentence(d.route.agency)}`)]
    case 'unable_needs_creation':
      return [paragraph(`经审查，本机关没有您申请公开的现成政府信息，提供该信息需要本机关对现有政府信息进行加工、分析：${d.reason}。${basis(fixed)}，本机关不予提供。`)]
    case 'unable_unclear_after_correction':
      return [paragraph(`本机关于${chineseDate(d.correctionNoticeOn)}告知您作出补正，您于${chineseDate(d.correctedOn)}提交了补正后的申请。经审查，补正后申请内容仍不明确：${d.reason}，本机关无法确定您申请公开的政府信息。${basis(fixed)}，本机关无法向您提供。`)]
    case 'not_processed_petition':
      return [paragraph(`经审查，您以政府信息公开申请的形式进行信访、投诉、举报等活动：${d.reason}。${basis(fixed)}，本机关不作为政府信息公开申请处理。${d.channel ? `您可以通过以下渠道提出：${d.channel}。` : ''}`)]
    case 'not_processed_repeated':
      return [paragraph(`本机关已于${chineseDate(d.previousAnswerOn)}就您提出的政府信息公开申请作出答复（${d.previousDocNo}），您再次申请公开相同政府信息。${basis(fixed)}，本机关不予重复处理。`)]
    case 'not_processed_publication':
      return [paragraph(`经审查，您申请获取的是公开出版物：${d.publication}。${basis(fixed)}，告知您获取的途径：${d.howToObtain}。`)]
    case 'not_processed_unreasonable_volume':
      return [paragraph(`您申请公开政府信息的数量、频次明显超过合理范围，本机关于${chineseDate(d.askedOn)}要求您说明理由。${d.applicantResponse}。经审查，本机关认为申请理由不合理：${d.assessment}。${basis(fixed)}，本机关对您的申请不予处理。`)]
    case 'not_processed_confirm_or_reissue':
      return [paragraph(`经审查，您的申请是要求本机关确认或者重新出具您已获取的信息：${d.reason}。${basis(d.legalBasis)}，本机关不予处理。`)]
    case 'other_overdue_correction':
      return [paragraph(`本机关于${chineseDate(d.correctionNoticeOn)}告知您作出补正，补正期限至${chineseDate(d.correctionDueOn)}。您无正当理由逾期未补正。${basis(fixed)}，视为您放弃申请，本机关不再处理该政府信息公开申请。`)]
    case 'other_overdue_fee':
      return [paragraph(`本机关于${chineseDate(d.feeNoticeOn)}向您发出收费通知（${d.feeNoticeDocNo}），请您于${chineseDate(d.paymentDueOn)}前缴纳信息处理费${d.amount}元。您逾期未按收费通知要求缴纳费用。${basis(fixed)}，本机关不再处理您的政府信息公开申请。`)]
    case 'other':
      return [paragraph(`${d.statement}。${basis(d.legalBasis)}，特此告知。`)]
  }
}

// 第三十六条第（五）项: "能够确定负责公开该政府信息的行政机关的，告知申请人该行政机关的名称、联系方式".
function agencySentence(agency: { name: string; contact: string | null } | null): string {
  if (!agency) return ''
  return `负责公开该政府信息的行政机关为${agency.name}${agency.contact ? `，联系方式：${agency.contact}` : ''}。`
}

/** 政府信息公开申请答复书 for any disposition of the 2021 taxonomy. */
export function answerLetter(raw: AnswerLetterInput): Letter {
  const input = parseLetterInput(AnswerLetterInput, raw)
  const opening = requestRecalled(input.request.receivedOn, input.request.description)
    + (input.correctedOn ? `本机关于${chineseDate(input.correctedOn)}收到您补正后的申请。` : '')
    + '经审查，现答复如下：'
  return {
    kind: 'answer',
    letterhead: input.unit.name,
    docNo: input.docNo,
    title: '政府信息公开申请答复书',
    addressee: input.applicant.name,
    body: [
      paragraph(opening),
      ...decision(input.disposition, input.additionalCitations),
      paragraph(remediesParagraph(input.remedies)),
    ],
    attachments: input.attachments,
    signature: { unit: input.unit.name, date: input.writtenOn },
    notes: contactNotes(input.unit),
  }
}
