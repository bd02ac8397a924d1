import { FEE_MEASURES, FEE_MEASURES_DOC_NO, citeProvisions, gio } from './citations.ts'
import { PROVISION_FORMS } from '../rules/index.ts'
import { FeeNoticeInput, parseLetterInput } from './inputs.ts'
import { type Letter, numberedItems, paragraph } from './letter.ts'
import { contactNotes, deadlineWithExplanation, requestRecalled } from './wording.ts'

/**
 * 政府信息公开信息处理费收费通知书 (条例 第四十二条; 国办函〔2020〕109号 第三条 one method per application, 第四条
 * 按件, 第五条 按量): the basis, each band of the progressive scale, the total, how and by when to pay, and that the
 * application is no longer handled when the fee is not paid in time (2021 format row （六）2).
 */
export function feeNoticeLetter(raw: FeeNoticeInput): Letter {
  const input = parseLetterInput(FeeNoticeInput, raw)
  const method = input.method
  const [year, month] = method.kind === 'per_application' ? method.month.split('-').map(Number) : [0, 0]
  const facts = method.kind === 'per_application'
    ? `${year}年${month}月，您累计向本机关提出政府信息公开申请${method.applicationsInMonth}件，申请公开政府信息的数量、频次明显超过合理范围。`
    : `您要求以${PROVISION_FORMS[method.form]}的形式获取政府信息，所需提供的政府信息共${method.pages}页，申请公开政府信息的数量明显超过合理范围。`
  const basis = `依照${citeProvisions([gio('第四十二条')])}和《${FEE_MEASURES}》（${FEE_MEASURES_DOC_NO}）第三条、${method.kind === 'per_application' ? '第四条' : '第五条'}的规定`
  const methodName = method.kind === 'per_application' ? '按件计收' : '按量计收'
  const unit = method.kind === 'per_application' ? '件' : '页'
  return {
    kind: 'fee_notice',
    letterhead: input.unit.name,
    docNo: input.docNo,
    title: '政府信息公开信息处理费收费通知书',
    addressee: input.applicant.name,
    body: [
      paragraph(`${requestRecalled(input.request.receivedOn, input.request.description)}${facts}`),
      paragraph(`${basis}，本机关对该申请${methodName}信息处理费，按照超额累进方式计算，不同时按照两种标准重复计算。收费明细如下：`),
      numberedItems(input.lines.map((l) => {
        const band = method.kind === 'per_application' ? `本月第${l.from}件至第${l.to}件` : `第${l.from}页至第${l.to}页`
        return l.yuanEach === 0 ? `${band}，共${l.units}${unit}，不收费` : `${band}，共${l.units}${unit}，每${unit}${l.yuanEach}元，计${l.yuan}元`
      })),
      paragraph(`合计应缴纳信息处理费${input.total}元。`),
      paragraph(`请您于${deadlineWithExplanation(input.paymentDeadline)}前缴纳。缴纳方式：${input.paymentMethod}。`),
      paragraph('逾期未缴纳的，本机关将不再处理您的政府信息公开申请。'),
    ],
    attachments: [],
    signature: { unit: input.unit.name, date: input.writtenOn },
    notes: contactNotes(input.unit),
  }
}
