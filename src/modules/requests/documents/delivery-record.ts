import { DELIVERY_METHODS } from '../rules/index.ts'
import { DeliveryRecordInput, parseLetterInput } from './inputs.ts'
import { type Letter, chineseDate } from './letter.ts'

// A blank date to fill in by hand, as on printed forms.
const BLANK_DATE = '　　年　　月　　日'

/**
 * 送达回证: which documents (title and 发文字号), to whom, where, how, when and by whom; the recipient signs in the
 * blank. A form, not a letter: no 版头 and no 主送; the unit's name heads the title.
 */
export function deliveryRecordLetter(raw: DeliveryRecordInput): Letter {
  const input = parseLetterInput(DeliveryRecordInput, raw)
  return {
    kind: 'delivery_record',
    letterhead: null,
    docNo: null,
    title: `${input.unit.name}送达回证`,
    addressee: null,
    body: [
      {
        kind: 'fields',
        rows: [
          { label: '送达文书', value: input.documents.map((d) => `${d.title}（${d.docNo}）`).join('；') },
          { label: '受送达人', value: input.recipient },
          { label: '送达地址', value: input.address },
          { label: '送达方式', value: DELIVERY_METHODS[input.method] },
          { label: '送达日期', value: input.deliveredOn ? chineseDate(input.deliveredOn) : BLANK_DATE },
          { label: '送达人', value: input.servedBy.join('、') },
          { label: '受送达人签名或者盖章', value: '' },
          { label: '代收人及代收理由', value: '' },
          { label: '备注', value: input.remarks ?? '' },
        ],
      },
    ],
    attachments: [],
    signature: null,
    notes: [],
  }
}
