import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DISPOSITION_CODES } from '../rules/index.ts'
import { answerLetter } from './answer-letter.ts'
import { deliveryRecordLetter } from './delivery-record.ts'
import { feeNoticeLetter } from './fee-notice.ts'
import { type Letter, chineseDate, letterText } from './letter.ts'
import * as F from './letters.fixtures.ts'
import { normalise, renderBoth } from './letters.test-support.tsx'
import {
  consultationNoticeLetter, correctionNoticeLetter, extensionNoticeLetter, thirdPartyConsultationLetter,
  volumeLaterDateLetter, volumeReasonsRequestLetter,
} from './procedure-notices.ts'
import { receiptLetter } from './receipt.ts'

// Every builder with a valid sample input; the property replaces the sample's free text and dates with arbitrary ones.
const BUILDERS: { name: string; build: (input: never) => Letter; sample: unknown }[] = [
  { name: 'receipt', build: receiptLetter, sample: F.receiptInput },
  { name: 'correction', build: correctionNoticeLetter, sample: F.correctionInput },
  { name: 'third party', build: thirdPartyConsultationLetter, sample: F.thirdPartyInput },
  { name: 'consultation', build: consultationNoticeLetter, sample: F.agencyConsultationNoticeInput },
  { name: 'extension', build: extensionNoticeLetter, sample: F.extensionInput },
  { name: 'volume reasons', build: volumeReasonsRequestLetter, sample: F.volumeReasonsInput },
  { name: 'volume later date', build: volumeLaterDateLetter, sample: F.volumeLaterDateInput },
  { name: 'fee per application', build: feeNoticeLetter, sample: F.perItemFeeInput },
  { name: 'fee per page', build: feeNoticeLetter, sample: F.perPageFeeInput },
  { name: 'delivery record', build: deliveryRecordLetter, sample: F.deliveryRecordInput },
  ...DISPOSITION_CODES.map((code) => ({ name: `answer ${code}`, build: answerLetter, sample: F.answerInput(F.DISPOSITION_SAMPLES[code]) })),
]

// Keys whose string values (or string array elements) are free text printed in the letter.
const FREE_TEXT = new Set([
  'name', 'phone', 'contactPerson', 'address', 'docNo', 'description', 'explanation', 'queryCode', 'trackingUrl', 'items', 'guidance',
  'submitTo', 'thirdParty', 'harm', 'replyTo', 'attachments', 'agencies', 'reason', 'volumeFacts', 'whyLater', 'paymentMethod',
  'howToObtain', 'howProvided', 'provided', 'part', 'search', 'contact', 'publication', 'applicantResponse', 'assessment',
  'statement', 'specialRules', 'previousDocNo', 'feeNoticeDocNo', 'reviewBody', 'court', 'recipient', 'servedBy', 'remarks', 'title',
])
const isDateKey = (key: string) => /On$/.test(key)

// Characters a person may type: Chinese, Latin, digits, full-width punctuation, and the ones HTML and XML escape.
const CHARS = [...'开州区发展改革委员会张晓红政府信息公开申请答复书项目文件年月日第条款', ...'AbZz09', ...'（）“”、：；—-/.', '<', '>', '&', '"', "'", ' ']
const freeText = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 24 }).map((chars) => chars.join(''))
  .filter((s) => /[^\s（）“”、：；—\-/.<>&"' ]/u.test(s))
const isoDate = fc.date({ min: new Date('2019-05-15T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))

// What the letter prints for a free-text value: the schemas trim it and drop trailing sentence punctuation.
const printed = (s: string) => s.trim().replace(/[。；，、.;,\s]+$/u, '')

/** The sample with its free text and dates replaced; `used` collects what must appear in the letter. */
function replaced(value: unknown, texts: string[], dates: string[], used: string[], key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => replaced(v, texts, dates, used, key))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaced(v, texts, dates, used, k)]))
  if (typeof value !== 'string') return value
  if (isDateKey(key)) {
    const d = dates.pop() ?? value
    used.push(chineseDate(d))
    return d
  }
  if (FREE_TEXT.has(key)) {
    const t = texts.pop() ?? value
    used.push(printed(t))
    return t
  }
  return value
}

describe('letters (property)', () => {
  it('for any valid input, the DOCX and the HTML say the same words and drop nothing from the input', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...BUILDERS),
        fc.array(freeText, { minLength: 40, maxLength: 40 }),
        fc.array(isoDate, { minLength: 12, maxLength: 12 }),
        async (builder, texts, dates) => {
          const used: string[] = []
          const input = replaced(builder.sample, [...texts], [...dates], used)
          const letter = builder.build(input as never)
          const { docxText, htmlText } = await renderBoth(letter)
          const docx = normalise(docxText)
          expect(normalise(htmlText)).toBe(docx)
          expect(normalise(letterText(letter).join(''))).toBe(docx)
          for (const value of used) expect(docx).toContain(normalise(value))
        },
      ),
      { numRuns: 150 },
    )
  })
})
