/** The step forms as data: the decision form's second step shows exactly the fields its disposition's letter needs. */
import { describe, expect, it } from 'vitest'
import { checkAnswerFacts } from './answer-facts.ts'
import { decisionChoices, decisionStep, isSelectableDisposition, STEPS, stepOf, type SelectableDisposition } from './case-steps.ts'
import { DISPOSITIONS, dispositionRule, validateDecision } from './rules/index.ts'

const selectable = DISPOSITIONS.filter((d) => !d.byEventOnly).map((d) => d.code as SelectableDisposition)
const names = (code: SelectableDisposition) => decisionStep(code).fields.map((f) => f.name)

describe('decisionStep', () => {
  it.each<[SelectableDisposition, string[]]>([
    ['granted', ['on', 'answerForm', 'howProvided']],
    ['partial', ['on', 'provided', 'howProvided', 'withheld', 'thirdPartyInterest']],
    ['denied_state_secret', ['on', 'reasons']],
    ['denied_law_forbidden', ['on', 'reasons', 'basisLaw', 'basisProvision']],
    ['denied_third_party', ['on', 'reasons', 'thirdPartyInterest']],
    ['denied_administrative_query', ['on', 'reasons', 'howProvided']],
    ['unable_not_held', ['on', 'answerForm', 'reasons', 'agencyName', 'agencyContact']],
    ['unable_needs_creation', ['on', 'reasons']],
    ['not_processed_petition', ['on', 'reasons', 'howProvided']],
    ['not_processed_repeated', ['on', 'previousDocNo', 'previousAnswerOn']],
    ['not_processed_publication', ['on', 'reasons', 'howProvided']],
    ['not_processed_unreasonable_volume', ['on', 'applicantResponse', 'reasons']],
    ['not_processed_confirm_or_reissue', ['on', 'reasons', 'basisLaw', 'basisProvision']],
    ['other', ['on', 'reasons', 'basisLaw', 'basisProvision']],
  ])('%s asks for %j', (code, expected) => {
    expect(names(code)).toEqual(expected)
  })

  it.each(selectable)('%s shows every field the server requires for its letter, and offers only its 第三十六条 forms', (code) => {
    const shown = new Set(names(code))
    const forms = dispositionRule(code).answerForms
    for (const form of forms.length ? forms : [null]) {
      const facts = checkAnswerFacts(code, form, null, {})
      const required = facts.ok ? [] : facts.errors.map((e) => (e.field.startsWith('withheld') ? 'withheld' : e.field))
      for (const field of required) expect(shown, `${code} / ${form}: ${field}`).toContain(field)
      const rules = validateDecision({ code, answerForm: form, withheld: code === 'partial' ? { grounds: ['third_party'] } : null })
      const ruled = rules.ok ? [] : rules.problems.map((p) => p.field.split('.')[0]!)
      for (const field of ruled) expect(shown, `${code} / ${form}: ${field}`).toContain(field)
    }
    const answerForm = decisionStep(code).fields.find((f) => f.name === 'answerForm')
    if (forms.length > 1) expect(answerForm?.options?.map((o) => o.value)).toEqual(forms)
    else expect(answerForm).toBeUndefined()
  })

  it('labels the reasons by what the letter states, not generically', () => {
    expect(decisionStep('unable_needs_creation').fields.find((f) => f.name === 'reasons')!.label).toBe('需要加工、分析的情形')
    expect(decisionStep('not_processed_publication').fields.find((f) => f.name === 'howProvided')!.label).toBe('获取的途径')
    expect(decisionStep('granted').fields.find((f) => f.name === 'answerForm')!.label).toBe('答复形式')
  })
})

describe('decisionChoices', () => {
  it('offers the 19 dispositions staff may choose, grouped as table 三 prints them, never the two 不再处理 rows', () => {
    const choices = decisionChoices()
    expect(choices.map((g) => g.group)).toEqual(['（一）予以公开', '（二）部分公开', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理'])
    expect(choices.flatMap((g) => g.options.map((o) => o.value))).toEqual(selectable)
    expect(selectable).toHaveLength(19)
    expect(isSelectableDisposition('other_overdue_fee')).toBe(false)
    expect(isSelectableDisposition('other')).toBe(true)
  })
})

describe('STEPS', () => {
  it('has a form for every event staff record by hand, and stepOf refuses a type without one', () => {
    expect(stepOf('withdrawn').fields.map((f) => f.name)).toEqual(['on', 'channel'])
    expect(stepOf('withdrawn').fields[1]!.options!.map((o) => o.value)).toEqual(['letter', 'in_person'])
    const partial = STEPS as Record<string, unknown>
    const saved = partial.archived
    delete partial.archived
    try {
      expect(() => stepOf('archived')).toThrow('no step form for event type archived')
    } finally {
      partial.archived = saved
    }
  })
})
