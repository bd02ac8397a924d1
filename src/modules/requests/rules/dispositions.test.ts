import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DISPOSITION_CODES,
  DISPOSITIONS,
  type DecisionInput,
  type DispositionCode,
  dispositionRule,
  legacyAnswerCell,
  parseDispositionCode,
  LEGACY_ANSWER_ROWS,
  table3Row2019,
  validateDecision,
} from './dispositions.ts'

const withheldPart = { description: '第三页中的申请人身份证号码', grounds: ['third_party'], explanation: '属于个人隐私，公开会损害第三方合法权益' }

describe('the 2021 disposition taxonomy (国办公开办函〔2021〕30号 表三)', () => {
  it('has one disposition per outcome row: 予以公开, 部分公开, 不予公开 ×8, 无法提供 ×3, 不予处理 ×5, 其他处理 ×3', () => {
    const perGroup: Record<string, number> = {}
    for (const rule of DISPOSITIONS) perGroup[rule.group] = (perGroup[rule.group] ?? 0) + 1
    expect(perGroup).toEqual({ granted: 1, partial: 1, denied: 8, unable: 3, not_processed: 5, other: 3 })
    expect(new Set(DISPOSITION_CODES).size).toBe(21)
  })

  it('prints the row labels of the format, in order', () => {
    expect(DISPOSITIONS.filter((rule) => rule.group === 'denied').map((rule) => rule.label)).toEqual([
      '1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益',
      '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项',
    ])
  })

  it.each([
    ['denied_state_secret', '《政府信息公开条例》第十四条'],
    ['denied_third_party', '《政府信息公开条例》第十五条'],
    ['denied_process_information', '《政府信息公开条例》第十六条第二款'],
    ['unable_needs_creation', '《政府信息公开条例》第三十八条'],
    ['not_processed_petition', '《政府信息公开条例》第三十九条第一款'],
    ['not_processed_repeated', '《政府信息公开条例》第三十六条第（六）项'],
    ['not_processed_unreasonable_volume', '《政府信息公开条例》第三十五条'],
    ['other_overdue_correction', '《政府信息公开条例》第三十条'],
  ] as const)('%s cites %s', (code, article) => {
    expect(dispositionRule(code).articles).toContain(article)
  })

  it('merges the three 其他处理 rows into one for the 2019 trial format and keeps every other row', () => {
    expect(table3Row2019('other_overdue_fee')).toBe('other')
    expect(table3Row2019('other_overdue_correction')).toBe('other')
    expect(table3Row2019('denied_enforcement_file')).toBe('denied_enforcement_file')
    expect(new Set(DISPOSITION_CODES.map(table3Row2019)).size).toBe(19)
  })

  it('states remedies in every answer except the two 不再处理 outcomes, which send none', () => {
    expect(DISPOSITIONS.filter((rule) => !rule.statesRemedies).map((rule) => rule.code)).toEqual(['other_overdue_correction', 'other_overdue_fee'])
  })
})

describe('validateDecision', () => {
  it.each<[string, DecisionInput, object]>([
    ['予以公开 (already published)', { code: 'granted', answerForm: 'already_published' }, { code: 'granted', answerForm: 'already_published' }],
    ['不予公开 with reasons takes 第三十六条第（三）项', { code: 'denied_process_information', reasons: '属于内部讨论记录' }, { answerForm: 'withheld', reasons: '属于内部讨论记录' }],
    ['部分公开 with what and why', { code: 'partial', withheld: withheldPart, thirdPartyInterest: 'privacy' }, { answerForm: 'provided', withheld: withheldPart, thirdPartyInterest: 'privacy' }],
    ['不属于本机关, naming the responsible agency', { code: 'unable_not_held', answerForm: 'not_this_agency', reasons: '该信息由区规划自然资源局制作', responsibleAgency: { name: '区规划自然资源局', contact: '023-52222222' } }, { responsibleAgency: { name: '区规划自然资源局', contact: '023-52222222' } }],
    ['另行制作, no 第三十六条 form', { code: 'unable_needs_creation' }, { answerForm: null }],
  ])('accepts %s', (_name, input, expected) => {
    const result = validateDecision(input)
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.decision).toMatchObject(expected)
  })

  it.each<[string, DecisionInput, string[], string]>([
    ['an unknown code', { code: 'granted_maybe' }, ['code'], '未知的办理结果“granted_maybe”'],
    ['部分公开 without what was withheld and why', { code: 'partial' }, ['withheld.description', 'withheld.grounds', 'withheld.explanation'], '部分公开须写明不予公开的内容'],
    ['部分公开 with an unknown ground', { code: 'partial', withheld: { ...withheldPart, grounds: ['inconvenient'] } }, ['withheld.grounds'], '未知的不予公开依据：inconvenient'],
    ['部分公开 protecting a third party without saying which interest', { code: 'partial', withheld: withheldPart }, ['thirdPartyInterest'], '商业秘密、个人隐私'],
    ['不予公开 without reasons', { code: 'denied_state_secret' }, ['reasons'], '请说明不予公开的理由'],
    ['予以公开 without choosing between 第三十六条第（一）项 and 第（二）项', { code: 'granted' }, ['answerForm'], '请选择答复形式'],
    ['an answer form the disposition does not allow', { code: 'not_processed_repeated', answerForm: 'provided' }, ['answerForm'], '第三十六条第（六）项'],
    ['withheld content on a full disclosure', { code: 'granted', answerForm: 'provided', withheld: withheldPart }, ['withheld'], '只有部分公开才记录不予公开的内容'],
    ['逾期不补正 chosen directly', { code: 'other_overdue_correction' }, ['code'], '请在补正期限届满后记录“逾期未补正”'],
    ['逾期未缴费 chosen directly', { code: 'other_overdue_fee' }, ['code'], '逾期未缴费'],
  ])('refuses %s, in Chinese', (_name, input, fields, message) => {
    const result = validateDecision(input)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.problems.map((problem) => problem.field)).toEqual(fields)
      expect(result.reason).toContain(message)
    }
  })

  it('refuses every code that is not one of the 21', () => {
    fc.assert(fc.property(fc.string().filter((code) => !(DISPOSITION_CODES as readonly string[]).includes(code)), (code) => {
      expect(validateDecision({ code }).ok).toBe(false)
    }))
  })

  it('gives every accepted decision exactly one row in each format', () => {
    const input = fc.record({
      code: fc.constantFrom<string>(...DISPOSITION_CODES),
      answerForm: fc.option(fc.constantFrom('already_published', 'provided', 'withheld', 'not_exist', 'not_this_agency', 'repeated', 'special_law')),
      reasons: fc.option(fc.constantFrom('', '理由')),
      withheld: fc.option(fc.constant(withheldPart)),
      thirdPartyInterest: fc.option(fc.constantFrom('trade_secret', 'privacy', 'other', 'gossip')),
    })
    fc.assert(fc.property(input, (given) => {
      const result = validateDecision(given)
      if (!result.ok) return
      const code: DispositionCode = result.decision.code
      expect(DISPOSITION_CODES).toContain(code)
      expect(dispositionRule(code).byEventOnly).toBe(false)
      expect(Object.keys(LEGACY_ANSWER_ROWS)).toContain(legacyAnswerCell(result.decision).row)
      if (code === 'partial') expect(result.decision.withheld).not.toBeNull()
    }))
  })
})

describe('legacyAnswerCell (2014-era 答复类型)', () => {
  it.each([
    [{ code: 'granted', answerForm: 'already_published', thirdPartyInterest: null }, 'already_published', null],
    [{ code: 'granted', answerForm: 'provided', thirdPartyInterest: null }, 'granted', null],
    [{ code: 'partial', answerForm: 'provided', thirdPartyInterest: null }, 'partial', null],
    [{ code: 'denied_third_party', answerForm: 'withheld', thirdPartyInterest: 'trade_secret' }, 'refused', 'trade_secret'],
    [{ code: 'denied_third_party', answerForm: 'withheld', thirdPartyInterest: 'privacy' }, 'refused', 'privacy'],
    [{ code: 'denied_three_safety_one_stability', answerForm: 'withheld', thirdPartyInterest: null }, 'refused', 'security_stability'],
    [{ code: 'unable_not_held', answerForm: 'not_this_agency', thirdPartyInterest: null }, 'not_this_agency', null],
    [{ code: 'unable_not_held', answerForm: 'not_exist', thirdPartyInterest: null }, 'not_exist', null],
    [{ code: 'other_overdue_correction', answerForm: null, thirdPartyInterest: null }, 'told_to_amend', null],
    [{ code: 'not_processed_petition', answerForm: null, thirdPartyInterest: null }, 'other_channels', null],
    // The dispositions newer than the 2014-era table (dispositions.ts legacyAnswerCell explains each placement).
    [{ code: 'unable_needs_creation', answerForm: null, thirdPartyInterest: null }, 'not_exist', null],
    [{ code: 'unable_unclear_after_correction', answerForm: null, thirdPartyInterest: null }, 'told_to_amend', null],
    [{ code: 'not_processed_repeated', answerForm: 'repeated', thirdPartyInterest: null }, 'other_channels', null],
    [{ code: 'not_processed_publication', answerForm: null, thirdPartyInterest: null }, 'other_channels', null],
    [{ code: 'not_processed_unreasonable_volume', answerForm: null, thirdPartyInterest: null }, 'other_channels', null],
    [{ code: 'not_processed_confirm_or_reissue', answerForm: null, thirdPartyInterest: null }, 'other_channels', null],
    [{ code: 'other_overdue_fee', answerForm: null, thirdPartyInterest: null }, 'other_channels', null],
    [{ code: 'other', answerForm: null, thirdPartyInterest: null }, 'other_channels', null], // incl. 申请人撤回
    [{ code: 'denied_administrative_query', answerForm: 'special_law', thirdPartyInterest: null }, 'other_channels', null],
    [{ code: 'denied_process_information', answerForm: 'withheld', thirdPartyInterest: null }, 'refused', 'other_legal'],
  ] as const)('%o is counted in row %s (其中 %s)', (decision, row, reason) => {
    expect(legacyAnswerCell(decision)).toEqual({ row, refusalReason: reason })
  })
})

describe('parseDispositionCode (import files, old registers)', () => {
  it.each([
    ['予以公开', 'granted'],
    ['部分公开（区分处理的，只计这一情形，不计其他情形）', 'partial'],
    ['不予公开：属于国家秘密', 'denied_state_secret'],
    ['（三）不予公开 3.危及“三安全一稳定”', 'denied_three_safety_one_stability'],
    ['危及三安全一稳定', 'denied_three_safety_one_stability'],
    ['（四）无法提供 2.没有现成信息需要另行制作', 'unable_needs_creation'],
    ['不予处理-重复申请', 'not_processed_repeated'],
    ['1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'other_overdue_correction'],
    ['逾期未按收费通知要求缴纳费用', 'other_overdue_fee'],
    ['not_processed_petition', 'not_processed_petition'],
    ['不予公开', null],
    ['其他处理', null],
    ['同意公开', null],
  ])('reads “%s” as %s', (text, code) => {
    expect(parseDispositionCode(text)).toBe(code)
  })

  it('reads back every label it prints, with and without its group', () => {
    for (const rule of DISPOSITIONS) {
      const label = rule.group === 'granted' || rule.group === 'partial' ? rule.label : `${rule.group === 'other' ? '（六）其他处理' : ''}${rule.label}`
      expect(parseDispositionCode(label)).toBe(rule.code)
    }
  })
})
