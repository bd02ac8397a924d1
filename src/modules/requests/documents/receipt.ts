import { REGIMES } from '../../calendar/index.ts'
import { accordingTo, gio } from './citations.ts'
import { type ReceiptChannel, ReceiptInput, parseLetterInput } from './inputs.ts'
import { type Letter, chineseDate, paragraph } from './letter.ts'
import { contactNotes, deadlineWithExplanation } from './wording.ts'

// 条例 第三十一条 (regulation.md §1.2): how the receipt date is fixed for each channel, with its item.
const RECEIPT_RULES: Record<ReceiptChannel, { channel: string; item: string; rule: string }> = {
  in_person: { channel: '当面提交', item: '第三十一条第（一）项', rule: '以提交之日为收到申请之日' },
  registered_mail: { channel: '以邮寄方式提交', item: '第三十一条第（二）项', rule: '以本机关签收之日为收到申请之日' },
  ordinary_mail: { channel: '以平常信函等无需签收的邮寄方式提交', item: '第三十一条第（二）项', rule: '以本机关与您确认之日为收到申请之日' },
  online: { channel: '通过互联网渠道提交', item: '第三十一条第（三）项', rule: '以双方确认之日为收到申请之日' },
  // An application by email is one "通过互联网渠道" (第三十一条第（三）项).
  email: { channel: '通过电子邮件提交', item: '第三十一条第（三）项', rule: '以双方确认之日为收到申请之日' },
  fax: { channel: '通过传真提交', item: '第三十一条第（三）项', rule: '以双方确认之日为收到申请之日' },
}

/** 政府信息公开申请受理回执: receipt date and its rule, answer deadline, 查询码 and SM3 fingerprint. */
export function receiptLetter(raw: ReceiptInput): Letter {
  const input = parseLetterInput(ReceiptInput, raw)
  const rule = RECEIPT_RULES[input.channel]
  const answer = REGIMES['cn-2019'].answer.workingDays
  return {
    kind: 'receipt',
    letterhead: input.unit.name,
    docNo: input.docNo,
    title: '政府信息公开申请受理回执',
    addressee: input.applicant.name,
    body: [
      paragraph(`本机关已收到您提交的政府信息公开申请，现予登记受理。您${rule.channel}申请，${accordingTo([gio(rule.item)])}，${rule.rule}，本申请的收到申请之日为${chineseDate(input.request.receivedOn)}。`),
      {
        kind: 'fields',
        rows: [
          { label: '申请公开的政府信息', value: input.request.description },
          { label: '收到申请日期', value: chineseDate(input.request.receivedOn) },
          { label: '答复期限', value: deadlineWithExplanation(input.answerDeadline) },
          { label: '查询码', value: input.queryCode },
          { label: '内容指纹（SM3）', value: input.fingerprint },
          { label: '查询网址', value: input.trackingUrl },
        ],
      },
      // 条例 第三十三条第二款、第三款
      paragraph(`本机关将${accordingTo([gio('第三十三条')])}，自收到申请之日起${answer}个工作日内予以答复；需要延长答复期限的，将另行书面告知您。征求第三方和其他机关意见所需时间不计算在答复期限内。`),
      paragraph('内容指纹是对您提交的申请内容计算的SM3杂凑值，可用于核对申请内容在办理过程中未被改动。请妥善保存查询码，凭查询码可以在上述网址查询办理进度、下载答复文书。'),
    ],
    attachments: [],
    signature: { unit: input.unit.name, date: input.writtenOn },
    notes: contactNotes(input.unit),
  }
}
