/**
 * The 答复书 of every 2021 outcome, table-driven: each states its decision in the law's words, cites exactly the
 * articles the rules give it (rules/dispositions.ts), takes its 第三十六条 form where the 条例 gives one (and cites no
 * 第三十六条 item where another article governs), and states the remedies — 行政复议 within 60 days (行政复议法
 * 第二十条) and 行政诉讼 within 6 months (行政诉讼法 第四十六条), regulation.md §1.12 — in the DOCX and the HTML alike.
 */
import { describe, expect, it } from 'vitest'
import { dispositionRule, type DispositionCode } from '../rules/index.ts'
import { answerLetter } from './answer-letter.ts'
import type { DispositionInput } from './inputs.ts'
import { answerInput, DISPOSITION_SAMPLES } from './letters.fixtures.ts'
import { normalise, renderBoth } from './letters.test-support.tsx'

const GIO = '《中华人民共和国政府信息公开条例》'
const REVIEW = '如对本答复不服，您可以自收到本答复之日起60日内向重庆市开州区人民政府申请行政复议，也可以自收到本答复之日起6个月内向重庆市万州区人民法院提起行政诉讼（《中华人民共和国行政复议法》第二十条、《中华人民共和国行政诉讼法》第四十六条）。'

interface Row {
  name: string
  disposition: DispositionInput
  /** The basis sentence, exactly as printed. */
  basis: string
  /** What the letter decides, in the law's words. */
  says: string[]
  /** The 第三十六条 item the answer takes, or null where another article governs (and no 第三十六条 item is cited). */
  form: string | null
}

const sample = (code: DispositionCode) => DISPOSITION_SAMPLES[code]
const ROWS: Row[] = [
  { name: '予以公开 (提供)', disposition: sample('granted'), basis: `依照${GIO}第三十六条第（二）项的规定`, says: ['本机关予以公开'], form: '第三十六条第（二）项' },
  { name: '予以公开 (已主动公开)', disposition: { code: 'granted', route: { kind: 'already_published', howToObtain: '可在开州区人民政府网站“法定主动公开内容”栏目查阅' } }, basis: `依照${GIO}第三十六条第（一）项的规定`, says: ['已经主动公开', '告知您获取该政府信息的方式、途径'], form: '第三十六条第（一）项' },
  { name: '部分公开', disposition: sample('partial'), basis: `依照${GIO}第三十七条、第三十六条第（二）项、第（三）项的规定`, says: ['能够作区分处理', '对不予公开的内容，说明理由如下', `依照${GIO}第十五条、第三十二条的规定，不予公开`, `依照${GIO}第十六条第二款的规定，不予公开`], form: '第三十六条第（二）项、第（三）项' },
  { name: '不予公开 1 国家秘密', disposition: sample('denied_state_secret'), basis: `依照${GIO}第十四条、第三十六条第（三）项的规定`, says: ['依法确定为国家秘密', '本机关决定不予公开'], form: '第三十六条第（三）项' },
  { name: '不予公开 2 法律行政法规禁止', disposition: sample('denied_law_forbidden'), basis: `依照${GIO}第十四条、第三十六条第（三）项和《中华人民共和国统计法》第三十九条的规定`, says: ['法律、行政法规禁止公开', '本机关决定不予公开'], form: '第三十六条第（三）项' },
  { name: '不予公开 3 三安全一稳定', disposition: sample('denied_three_safety_one_stability'), basis: `依照${GIO}第十四条、第三十六条第（三）项的规定`, says: ['国家安全、公共安全、经济安全、社会稳定', '本机关决定不予公开'], form: '第三十六条第（三）项' },
  { name: '不予公开 4 第三方合法权益', disposition: sample('denied_third_party'), basis: `依照${GIO}第十五条、第三十二条、第三十六条第（三）项的规定`, says: ['公开会对第三方合法权益造成损害', '本机关决定不予公开'], form: '第三十六条第（三）项' },
  { name: '不予公开 5 内部事务', disposition: sample('denied_internal_affairs'), basis: `依照${GIO}第十六条第一款、第三十六条第（三）项的规定`, says: ['内部事务信息', '本机关决定不予公开'], form: '第三十六条第（三）项' },
  { name: '不予公开 6 过程性信息', disposition: sample('denied_process_information'), basis: `依照${GIO}第十六条第二款、第三十六条第（三）项的规定`, says: ['讨论记录、过程稿、磋商信函、请示报告等过程性信息', '本机关决定不予公开'], form: '第三十六条第（三）项' },
  { name: '不予公开 7 行政执法案卷', disposition: sample('denied_enforcement_file'), basis: `依照${GIO}第十六条第二款、第三十六条第（三）项的规定`, says: ['行政执法案卷信息', '本机关决定不予公开'], form: '第三十六条第（三）项' },
  { name: '不予公开 8 行政查询 (工商、不动产登记资料等)', disposition: sample('denied_administrative_query'), basis: `依照${GIO}第三十六条第（七）项的规定`, says: ['属于工商、不动产登记资料等信息', '《不动产登记暂行条例》对信息的获取有特别规定', '请您依照有关法律、行政法规的规定办理'], form: '第三十六条第（七）项' },
  { name: '无法提供 1 不属于本机关', disposition: sample('unable_not_held'), basis: `依照${GIO}第三十六条第（五）项的规定`, says: ['不属于本机关负责公开', '负责公开该政府信息的行政机关为重庆市开州区住房和城乡建设委员会，联系方式：023-52220000'], form: '第三十六条第（五）项' },
  { name: '无法提供 1 不存在', disposition: { code: 'unable_not_held', route: { kind: 'not_exist', search: '本机关检索了2019年以来的发文目录和档案' } }, basis: `依照${GIO}第三十六条第（四）项的规定`, says: ['经检索，本机关没有您申请公开的政府信息', '告知您该政府信息不存在'], form: '第三十六条第（四）项' },
  { name: '无法提供 2 需另行制作', disposition: sample('unable_needs_creation'), basis: `依照${GIO}第三十八条的规定`, says: ['需要本机关对现有政府信息进行加工、分析', '本机关不予提供'], form: null },
  { name: '无法提供 3 补正后仍不明确', disposition: sample('unable_unclear_after_correction'), basis: `依照${GIO}第三十条的规定`, says: ['补正后申请内容仍不明确', '2026年11月16日提交了补正后的申请'], form: null },
  { name: '不予处理 1 信访举报投诉', disposition: sample('not_processed_petition'), basis: `依照${GIO}第三十九条第一款的规定`, says: ['以政府信息公开申请的形式进行信访、投诉、举报等活动', '不作为政府信息公开申请处理', '您可以通过以下渠道提出'], form: null },
  { name: '不予处理 2 重复申请', disposition: sample('not_processed_repeated'), basis: `依照${GIO}第三十六条第（六）项的规定`, says: ['本机关已于2026年9月15日就您提出的政府信息公开申请作出答复（开州发改依复〔2026〕1号）', '本机关不予重复处理'], form: '第三十六条第（六）项' },
  { name: '不予处理 3 公开出版物', disposition: sample('not_processed_publication'), basis: `依照${GIO}第三十九条第二款的规定`, says: ['您申请获取的是公开出版物：《开州年鉴（2025）》', '告知您获取的途径'], form: null },
  { name: '不予处理 4 大量反复申请 (第三十五条)', disposition: sample('not_processed_unreasonable_volume'), basis: `依照${GIO}第三十五条的规定`, says: ['数量、频次明显超过合理范围', '本机关于2026年11月6日要求您说明理由', '本机关认为申请理由不合理', '本机关对您的申请不予处理'], form: null },
  { name: '不予处理 5 确认或重新出具', disposition: sample('not_processed_confirm_or_reissue'), basis: `依照${GIO}第二条的规定`, says: ['要求本机关确认或者重新出具您已获取的信息', '本机关不予处理'], form: null },
  { name: '其他处理 1 逾期不补正', disposition: sample('other_overdue_correction'), basis: `依照${GIO}第三十条的规定`, says: ['补正期限至2026年11月19日', '视为您放弃申请，本机关不再处理该政府信息公开申请'], form: null },
  { name: '其他处理 2 逾期未缴费', disposition: sample('other_overdue_fee'), basis: `依照${GIO}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定`, says: ['（开州发改依费〔2026〕1号）', '信息处理费200元', '本机关不再处理您的政府信息公开申请'], form: null },
  { name: '其他处理 3 其他 (申请人撤回)', disposition: sample('other'), basis: `依照${GIO}第二十七条的规定`, says: ['书面撤回该政府信息公开申请，本机关终止办理', '特此告知'], form: null },
]

describe('答复书 for every 2021 outcome', () => {
  it('covers every disposition code', () => {
    expect(new Set(ROWS.map((r) => r.disposition.code))).toEqual(new Set(Object.keys(DISPOSITION_SAMPLES)))
  })

  it.each(ROWS)('$name: decision, articles, 第三十六条 form and remedies, in the DOCX and the HTML', async ({ disposition, basis, says, form }) => {
    const letter = answerLetter(answerInput(disposition))
    expect(letter.title).toBe('政府信息公开申请答复书')
    const { docxText, htmlText } = await renderBoth(letter)
    for (const text of [normalise(docxText), normalise(htmlText)]) {
      expect(text).toContain(normalise(basis))
      for (const phrase of says) expect(text).toContain(normalise(phrase))
      if (form) expect(basis).toContain(form)
      else expect(text).not.toMatch(/第三十六条第（[一二三四五六七]）项/u)
      // Remedies close every answer: it is an administrative act (行政复议法 第二十条第二款 [M]: a decision that omits
      // them lets the time limit run from when the applicant learns of them).
      expect(text).toContain(normalise(REVIEW))
    }
    // The articles the rules give the disposition are the ones printed (the report-format row of 确认或重新出具 is no
    // law); a disposition with two 第三十六条 forms (予以公开, 本机关不掌握) cites only the form it took.
    const rule = dispositionRule(disposition.code)
    if (rule.answerForms.length < 2) for (const article of rule.articles) {
      const provision = article.replace(/^《[^》]+》/u, '')
      if (article.startsWith('《')) expect(basis).toContain(provision)
    }
  })
})
