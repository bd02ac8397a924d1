import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../../../platform/http/errors.ts'
import { answerLetter } from './answer-letter.ts'
import { deliveryRecordLetter } from './delivery-record.ts'
import { DISPOSITION_CODES, type DispositionCode } from '../rules/index.ts'
import { feeNoticeLetter } from './fee-notice.ts'
import { type Letter, letterFileName, letterText } from './letter.ts'
import * as F from './letters.fixtures.ts'
import { normalise, renderBoth } from './letters.test-support.tsx'
import {
  consultationNoticeLetter, correctionNoticeLetter, extensionNoticeLetter, thirdPartyConsultationLetter,
  volumeLaterDateLetter, volumeReasonsRequestLetter,
} from './procedure-notices.ts'
import { receiptLetter } from './receipt.ts'

const REMEDIES = ['60日内向重庆市开州区人民政府申请行政复议', '6个月内向重庆市万州区人民法院提起行政诉讼', '《中华人民共和国行政复议法》第二十条', '《中华人民共和国行政诉讼法》第四十六条']
const GIO = '《中华人民共和国政府信息公开条例》'

// What each disposition's answer must say: the provisions (written out here, independently of dispositions.ts) and
// the particulars from the input.
const ANSWER_STATEMENTS: Record<DispositionCode, string[]> = {
  granted: [`${GIO}第三十六条第（二）项`, '本机关予以公开', '《开州区2025年重大建设项目计划》'],
  partial: [`${GIO}第三十七条、第三十六条第（二）项、第（三）项`, '能够作区分处理', '第五章“投资估算与资金筹措”', '（保护第三方合法权益）', `${GIO}第十五条、第三十二条`, '附件3“专家评审意见”', '（属于四类过程性信息）', `${GIO}第十六条第二款`, '不予公开'],
  'denied_state_secret': [`${GIO}第十四条、第三十六条第（三）项`, '国家秘密', '决定不予公开'],
  'denied_law_forbidden': [`${GIO}第十四条、第三十六条第（三）项和《中华人民共和国统计法》第三十九条`, '决定不予公开'],
  'denied_three_safety_one_stability': [`${GIO}第十四条、第三十六条第（三）项`, '国家安全、公共安全、经济安全、社会稳定'],
  'denied_third_party': [`${GIO}第十五条、第三十二条、第三十六条第（三）项`, '第三方合法权益'],
  'denied_internal_affairs': [`${GIO}第十六条第一款、第三十六条第（三）项`, '人事管理、后勤管理、内部工作流程'],
  'denied_process_information': [`${GIO}第十六条第二款、第三十六条第（三）项`, '讨论记录、过程稿、磋商信函、请示报告'],
  'denied_enforcement_file': [`${GIO}第十六条第二款、第三十六条第（三）项`, '行政执法案卷信息'],
  'denied_administrative_query': [`${GIO}第三十六条第（七）项`, '《不动产登记暂行条例》', '重庆市开州区不动产登记中心'],
  'unable_not_held': [`${GIO}第三十六条第（五）项`, '不属于本机关负责公开', '重庆市开州区住房和城乡建设委员会', '023-52220000'],
  'unable_needs_creation': [`${GIO}第三十八条`, '加工、分析', '不予提供'],
  'unable_unclear_after_correction': [`${GIO}第三十条`, '2026年11月5日', '2026年11月16日', '补正后申请内容仍不明确'],
  'not_processed_petition': [`${GIO}第三十九条第一款`, '不作为政府信息公开申请处理', '12345政务服务便民热线'],
  'not_processed_repeated': [`${GIO}第三十六条第（六）项`, '2026年9月15日', '开州发改依复〔2026〕1号', '不予重复处理'],
  'not_processed_publication': [`${GIO}第三十九条第二款`, '《开州年鉴（2025）》', '重庆市开州区图书馆'],
  'not_processed_unreasonable_volume': [`${GIO}第三十五条`, '2026年11月6日', '申请理由不合理', '不予处理'],
  'not_processed_confirm_or_reissue': [`${GIO}第二条`, '确认或者重新出具', '不予处理'],
  'other_overdue_correction': [`${GIO}第三十条`, '2026年11月19日', '视为您放弃申请', '不再处理'],
  other_overdue_fee: [`${GIO}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）`, '开州发改依费〔2026〕1号', '200元', '2026年12月11日', '不再处理'],
  'other': [`${GIO}第二十七条`, '书面撤回'],
}

interface Case { name: string; letter: () => Letter; says: string[]; absent?: string[]; letterhead?: boolean }

const CASES: Case[] = [
  {
    name: '受理回执',
    letter: () => receiptLetter(F.receiptInput),
    says: ['政府信息公开申请受理回执', '张晓红：', `${GIO}第三十一条第（三）项`, '以双方确认之日为收到申请之日', '2026年11月2日',
      '2026年11月30日（自2026年11月3日起算20个工作日，期间周六、周日不计）', '查询码KZ7Q-3M9D-2026', `内容指纹（SM3）${F.receiptInput.fingerprint}`,
      `${GIO}第三十三条`, '20个工作日内予以答复', '征求第三方和其他机关意见所需时间不计算在答复期限内', F.receiptInput.trackingUrl],
  },
  {
    name: '补正申请告知书',
    letter: () => correctionNoticeLetter(F.correctionInput),
    says: ['政府信息公开申请补正告知书', '开州发改依补〔2026〕1号', `${GIO}第三十条`, '一次性告知', '1.请写明所需文件的名称或者文号', '2.请写明所需信息的时间范围', '3.请提供申请人有效身份证明的复印件',
      '2026年11月19日（自2026年11月6日起算10个工作日）前', '答复期限自本机关收到补正的申请之日起计算', '视为放弃申请', '补正说明：'],
  },
  {
    name: '征求第三方意见书',
    letter: () => thirdPartyConsultationLetter(F.thirdPartyInput),
    says: ['政府信息公开申请征求第三方意见书', '重庆开州某某建设有限公司：', `${GIO}第三十二条`, '自收到本征求意见书之日起15个工作日内', '逾期未提出意见的', '商业秘密', '附件：拟公开的政府信息'],
    absent: ['张晓红'],
  },
  {
    name: '征求意见告知书（第三方）',
    letter: () => consultationNoticeLetter(F.consultationNoticeInput),
    says: ['政府信息公开申请征求意见告知书', `${GIO}第三十二条`, `${GIO}第三十三条第三款`, '2026年11月10日', '15个工作日内', '已用6个工作日', '尚余14个工作日', '不计算在答复期限内'],
  },
  {
    name: '征求意见告知书（其他机关）',
    letter: () => consultationNoticeLetter(F.agencyConsultationNoticeInput),
    says: [`${GIO}第三十四条`, '重庆市开州区财政局、重庆市开州区住房和城乡建设委员会', '15个工作日内', `${GIO}第三十三条第三款`],
  },
  {
    name: '延期答复告知书',
    letter: () => extensionNoticeLetter(F.extensionInput),
    says: ['政府信息公开申请延期答复告知书', `${GIO}第三十三条第二款`, '负责人于2026年11月25日同意', '答复期限原至2026年11月30日', '延长20个工作日',
      '最长不得超过20个工作日', '2026年12月28日（自原答复期限届满之次日起算20个工作日，期间周六、周日不计）'],
  },
  {
    name: '说明理由通知书',
    letter: () => volumeReasonsRequestLetter(F.volumeReasonsInput),
    says: ['政府信息公开申请说明理由通知书', `${GIO}第三十五条`, '共计68件', '数量、频次明显超过合理范围', '2026年11月20日', '不予处理', '延迟答复的合理期限'],
  },
  {
    name: '延迟答复告知书',
    letter: () => volumeLaterDateLetter(F.volumeLaterDateInput),
    says: ['政府信息公开申请延迟答复告知书', `${GIO}第三十五条`, '2026年11月6日', '2026年11月18日', '申请理由合理', '2027年1月29日（本机关确定的合理期限'],
  },
  {
    name: '收费通知书（按件）',
    letter: () => feeNoticeLetter(F.perItemFeeInput),
    says: ['政府信息公开信息处理费收费通知书', `${GIO}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第三条、第四条`, '按件计收', '2026年11月',
      '12件', '1.本月第11件至第12件，共2件，每件100元，计200元', '合计应缴纳信息处理费200元', '2026年12月11日', '不再处理'],
    absent: ['按量计收信息处理费', '第五条'],
  },
  {
    name: '收费通知书（按量）',
    letter: () => feeNoticeLetter(F.perPageFeeInput),
    says: ['第三条、第五条', '按量计收', '以纸质件的形式', '共120页', '1.第1页至第30页，共30页，不收费', '2.第31页至第100页，共70页，每页10元，计700元', '3.第101页至第120页，共20页，每页20元，计400元', '合计应缴纳信息处理费1100元'],
    absent: ['按件计收信息处理费', '第四条'],
  },
  {
    name: '送达回证',
    letter: () => deliveryRecordLetter(F.deliveryRecordInput),
    says: ['重庆市开州区发展和改革委员会送达回证', '送达文书政府信息公开申请答复书（开州发改依复〔2026〕3号）', '受送达人张晓红', '送达方式邮寄', '送达日期2026年11月28日', '李明、王芳', '受送达人签名或者盖章', 'EMS 邮件号'],
    letterhead: false,
  },
  {
    name: '送达回证（日期待填）',
    letter: () => deliveryRecordLetter({ ...F.deliveryRecordInput, deliveredOn: null, remarks: null }),
    says: ['送达日期　　年　　月　　日'],
    letterhead: false,
  },
  ...DISPOSITION_CODES.map((code: DispositionCode): Case => ({
    name: `答复书：${code}`,
    letter: () => answerLetter(F.answerInput(F.DISPOSITION_SAMPLES[code])),
    says: ['政府信息公开申请答复书', '开州发改依复〔2026〕3号', '张晓红：', '2026年11月2日', '经审查，现答复如下', ...ANSWER_STATEMENTS[code], ...REMEDIES, '2026年11月27日'],
  })),
  {
    name: '答复书：granted（已主动公开）',
    letter: () => answerLetter(F.answerInput({ code: 'granted', route: { kind: 'already_published', howToObtain: '开州区人民政府网站“重大建设项目”栏目' } })),
    says: [`${GIO}第三十六条第（一）项`, '已经主动公开', '“重大建设项目”栏目', ...REMEDIES],
  },
  {
    name: '答复书：unable.not_held（信息不存在）',
    letter: () => answerLetter(F.answerInput({ code: 'unable_not_held', route: { kind: 'not_exist', search: '本机关检索了2019年以来的收文、发文和档案目录' } })),
    says: [`${GIO}第三十六条第（四）项`, '该政府信息不存在', '检索了2019年以来的收文', ...REMEDIES],
  },
]

describe('letters', () => {
  describe.each(CASES)('$name', ({ letter, says, absent = [], letterhead = true }) => {
    it('says the required statements, in the DOCX and in the HTML alike', async () => {
      const built = letter()
      const { docxText, htmlText } = await renderBoth(built)
      const docx = normalise(docxText)
      const html = normalise(htmlText)
      expect(docx).toBe(html)
      expect(docx).toBe(normalise(letterText(built).join('')))
      for (const statement of says) expect(docx).toContain(normalise(statement))
      for (const statement of absent) expect(docx).not.toContain(normalise(statement))
      if (built.signature) expect(docx).toContain('（印章）')
    })

    it('is laid out as a 公文: A4, margins 37/35/28/26 mm, a 22 × 28 grid, 仿宋 body, 小标宋 title', async () => {
      const { xml, footers } = await renderBoth(letter())
      // 页码 "— 1 —" in 4号宋体: odd pages on the right, even pages on the left (evenAndOddHeaders).
      expect(footers[0]).toMatch(/<w:jc w:val="right"\/>.*w:eastAsia="宋体".*<w:sz w:val="28"\/>.*— .*PAGE.* —/)
      expect(footers[1]).toMatch(/<w:jc w:val="left"\/>.*PAGE/)
      expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>')
      expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/)
      expect(xml).toContain('<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/>')
      expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="32"\/>/)
      // The title: 2号 (22 pt = 44 half-points) 方正小标宋简体.
      expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/)
      expect(xml).toMatch(/<w:spacing w:line="579" w:lineRule="exact"\/>/)
      if (letterhead) {
        // 版头 in red, and the red separator line under the 发文字号.
        expect(xml).toMatch(/<w:spacing w:line="240" w:lineRule="auto"\/><w:jc w:val="center"\/><\/w:pPr><w:r><w:rPr><w:rFonts [^>]*w:eastAsia="方正小标宋简体"[^>]*\/><w:color w:val="FF0000"\/>/)
        expect(xml).toMatch(/<w:bottom w:val="single" w:color="FF0000"/)
      } else {
        expect(xml).not.toContain('FF0000')
      }
    })
  })

  it('escapes what the applicant typed in both renderings', async () => {
    const letter = answerLetter(F.answerInput(F.DISPOSITION_SAMPLES.granted))
    const tricky = { ...letter, addressee: '<b>张&三</b>' }
    const { xml, html, docxText, htmlText } = await renderBoth(tricky)
    expect(html).toContain('&lt;b>张&amp;三&lt;/b>')
    expect(html).not.toContain('<b>')
    expect(xml).toContain('&lt;b&gt;张&amp;三&lt;/b&gt;')
    expect(normalise(docxText)).toBe(normalise(htmlText))
  })

  it('shrinks a long unit name in the 版头 so it stays on one line of the 156 mm 版心, up to 小初 for short names', async () => {
    const sizeOf = async (name: string) => {
      const letter = answerLetter({ ...F.answerInput(F.DISPOSITION_SAMPLES.granted), unit: { ...F.UNIT, name } })
      const { xml } = await renderBoth(letter)
      return Number(/<w:color w:val="FF0000"\/><w:sz w:val="(\d+)"\/>/.exec(xml)![1]) / 2
    }
    expect(await sizeOf('开州区财政局')).toBe(36)
    const long = '重庆市开州区规划和自然资源局开州分局不动产登记中心'
    const size = await sizeOf(long)
    // 156 mm = 442.2 pt of 版心 width
    expect(size * long.length).toBeLessThanOrEqual(442.2)
    expect(size).toBeGreaterThanOrEqual(17)
  })

  it('names download files by title and 发文字号, without characters file systems refuse', () => {
    expect(letterFileName(answerLetter(F.answerInput(F.DISPOSITION_SAMPLES.granted)), 'docx')).toBe('政府信息公开申请答复书（开州发改依复〔2026〕3号）.docx')
    expect(letterFileName(receiptLetter(F.receiptInput), 'html')).toBe('政府信息公开申请受理回执.html')
    const odd = { ...receiptLetter(F.receiptInput), docNo: 'A/B:C?"D"' }
    expect(letterFileName(odd, 'docx')).toBe('政府信息公开申请受理回执（AB：C？D）.docx')
  })

  it('puts the seal note, the unit and the 成文日期 at the end, in that order', () => {
    const text = letterText(answerLetter(F.answerInput(F.DISPOSITION_SAMPLES.granted)))
    const seal = text.indexOf('（印章）')
    expect(text.slice(seal, seal + 3)).toEqual(['（印章）', '重庆市开州区发展和改革委员会', '2026年11月27日'])
  })
})

describe('letter inputs', () => {
  const fieldsOf = (fn: () => unknown) => {
    try {
      fn()
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError)
      return (error as InvalidInputError).fields
    }
    throw new Error('expected InvalidInputError')
  }

  it('refuses an extension longer than 20 working days (条例 第三十三条第二款)', () => {
    expect(fieldsOf(() => extensionNoticeLetter({ ...F.extensionInput, extraWorkingDays: 21 }))).toEqual([{ field: 'extraWorkingDays', message: '延长的期限最长不得超过20个工作日' }])
  })

  it('refuses a fee whose lines do not add up to the total', () => {
    expect(fieldsOf(() => feeNoticeLetter({ ...F.perPageFeeInput, total: 1000 }))).toEqual([{ field: 'total', message: '合计金额应等于各项金额之和' }])
  })

  it('refuses a fee line whose amount is not units × price, or whose units do not match its band', () => {
    const wrongAmount = [{ from: 31, to: 100, units: 70, yuanEach: 10, yuan: 600 }]
    expect(fieldsOf(() => feeNoticeLetter({ ...F.perPageFeeInput, lines: wrongAmount, total: 600 }))[0]).toEqual({ field: 'lines.0.yuan', message: '金额应等于数量乘以收费标准' })
    const wrongUnits = [{ from: 31, to: 100, units: 60, yuanEach: 10, yuan: 600 }]
    expect(fieldsOf(() => feeNoticeLetter({ ...F.perPageFeeInput, lines: wrongUnits, total: 600 }))[0]).toEqual({ field: 'lines.0.units', message: '数量应等于计费区间的件数或页数' })
  })

  it('refuses a partial disclosure that does not say what was withheld and why', () => {
    const fields = fieldsOf(() => answerLetter(F.answerInput({ code: 'partial', provided: '甲', howProvided: '乙', withheld: [] })))
    expect(fields).toEqual([{ field: 'disposition.withheld', message: '部分公开应写明不予公开的内容及理由' }])
  })

  it('refuses an unknown disposition code', () => {
    const fields = fieldsOf(() => answerLetter(F.answerInput({ code: 'denied_unknown' } as never)))
    expect(fields[0]!.field).toBe('disposition.code')
  })

  it('refuses a fingerprint that is not an SM3 digest, and an impossible date', () => {
    const fields = fieldsOf(() => receiptLetter({ ...F.receiptInput, fingerprint: 'abc', request: { ...F.receiptInput.request, receivedOn: '2026-02-30' } }))
    expect(fields).toEqual(expect.arrayContaining([
      { field: 'fingerprint', message: '内容指纹应为64位小写十六进制SM3杂凑值' },
      { field: 'request.receivedOn', message: '这个日期不存在，请检查年月日' },
    ]))
  })

  it('refuses a blank applicant name and a missing remedy court, naming each field', () => {
    const input = { ...F.answerInput(F.DISPOSITION_SAMPLES.granted), applicant: { name: '  ' }, remedies: { ...F.REMEDIES, court: '' } }
    expect(fieldsOf(() => answerLetter(input))).toEqual([
      { field: 'applicant.name', message: '请填写申请人姓名或者名称' },
      { field: 'remedies.court', message: '请填写人民法院名称' },
    ])
  })

  it('refuses a practice-category answer with no legal basis', () => {
    const fields = fieldsOf(() => answerLetter(F.answerInput({ code: 'other', statement: '甲', legalBasis: [] })))
    expect(fields).toEqual([{ field: 'disposition.legalBasis', message: '请写明法律依据' }])
  })
})
