import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { highlight } from './highlight.ts'
import { queryTokens } from './tokenise.ts'

// Quoted from LawRefBook/Laws (official texts, PRC Copyright Law art. 5): 政府信息公开条例 (2019) 第三十二条、第三十三条.
const ARTICLES_32_33 =
  '第三十二条 依申请公开的政府信息公开会损害第三方合法权益的，行政机关应当书面征求第三方的意见。第三方应当自收到征求意见书之日起15个工作日内提出意见。第三方逾期未提出意见的，由行政机关依照本条例的规定决定是否公开。第三方不同意公开且有合理理由的，行政机关不予公开。行政机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知第三方。\n\n' +
  '第三十三条 行政机关收到政府信息公开申请，能够当场答复的，应当当场予以答复。\n\n' +
  '行政机关不能当场答复的，应当自收到申请之日起20个工作日内予以答复；需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。\n\n' +
  '行政机关征求第三方和其他机关意见所需时间不计算在前款规定的期限内。'
/** Title of 国办发〔2019〕51号 (regulation.md §6.1). */
const GOOD_BAD_TITLE = '国务院办公厅关于建立政务服务"好差评"制度提高政务服务水平的意见'
/** 关于职工全年月平均工作时间和工资折算问题的通知 (2008). */
const REPEAL = '2000年3月17日劳动保障部发布的《关于职工全年月平均工作时间和工资折算问题的通知》（劳社部发[2000]8号）同时废止。'

const visibleText = (html: string) =>
  html.replace(/<\/?mark>/g, '').replace(/&lt;|&gt;|&quot;|&#39;|&amp;/g, (entity) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' })[entity]!)

describe('highlight', () => {
  it('escapes HTML in the text', () => {
    const { snippetHtml } = highlight('公开<b>政府信息</b> & "目录"', ['政府'])
    expect(snippetHtml).toBe('公开&lt;b&gt;<mark>政府</mark>信息&lt;/b&gt; &amp; &quot;目录&quot;')
  })

  it('escapes HTML inside a match', () => {
    expect(highlight('a<b>c', ['<b>']).snippetHtml).toBe('a<mark>&lt;b&gt;</mark>c')
  })

  it('marks every query token in a short text and adds no ellipsis', () => {
    const text = '第三十三条 行政机关收到政府信息公开申请，能够当场答复的，应当当场予以答复。'
    expect(highlight(text, queryTokens('当场答复')).snippetHtml).toBe(
      '第三十三条 行政机关收到政府信息公开申请，能够<mark>当场答复</mark>的，应当<mark>当场</mark>予以<mark>答复</mark>。',
    )
  })

  it('chooses the stretch with the most distinct query tokens and cuts with …', () => {
    const { snippetHtml } = highlight(ARTICLES_32_33, queryTokens('延长答复期限'), { maxLength: 60 })
    expect(snippetHtml).toMatch(/^…/)
    expect(snippetHtml).toMatch(/…$/)
    expect(snippetHtml).toContain('<mark>延长答复期限</mark>')
    expect(visibleText(snippetHtml).length).toBeLessThanOrEqual(62)
  })

  it('starts the snippet at the sentence that holds the first match', () => {
    const { snippetHtml } = highlight(ARTICLES_32_33, queryTokens('所需时间'), { maxLength: 80 })
    expect(snippetHtml).toBe('…行政机关征求第三方和其他机关意见<mark>所需时间</mark>不计算在前款规定的期限内。')
  })

  it('shows the start of the text when nothing matches', () => {
    expect(highlight(ARTICLES_32_33, ['锅炉'], { maxLength: 20 }).snippetHtml).toBe('第三十二条 依申请公开的政府信息公开会损…')
  })

  it('joins one-character tokens that stand together into one mark', () => {
    expect(highlight(GOOD_BAD_TITLE, ['好', '差', '评']).snippetHtml).toContain('&quot;<mark>好差评</mark>&quot;')
  })

  it('does not mark a lone one-character token next to longer ones', () => {
    const { snippetHtml } = highlight(ARTICLES_32_33, ['的', '第三方'], { maxLength: 200 })
    expect(snippetHtml).toContain('<mark>第三方</mark>')
    expect(snippetHtml).not.toContain('<mark>的</mark>')
  })

  it('marks a 文号 written in another bracket style', () => {
    expect(highlight(REPEAL, queryTokens('劳社部发〔2000〕8号')).snippetHtml).toContain('（<mark>劳社部发[2000]8号</mark>）')
  })

  it('matches full-width and upper-case letters', () => {
    expect(highlight('依照ＧＢ／Ｔ　９７０４编排', ['gb', '9704']).snippetHtml).toBe('依照<mark>ＧＢ</mark>／Ｔ <mark>９７０４</mark>编排')
  })

  it('never lets markup through and never cuts a character in half', () => {
    const alphabet = fc.constantFrom('<', '>', '&', '"', "'", ' ', '\n', '政', '府', '信', '息', '𠀀', 'a', 'B')
    fc.assert(
      fc.property(
        fc.string({ unit: alphabet, maxLength: 300 }),
        fc.array(fc.string({ unit: alphabet, minLength: 1, maxLength: 3 }), { maxLength: 4 }),
        fc.integer({ min: 1, max: 80 }),
        (text, tokens, maxLength) => {
          const { snippetHtml } = highlight(text, tokens, { maxLength })
          expect(snippetHtml.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"']/)
          expect(snippetHtml).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
          const visible = visibleText(snippetHtml).replace(/^…|…$/g, '')
          expect(text.replace(/\s+/g, ' ')).toContain(visible)
          expect(visible.length).toBeLessThanOrEqual(maxLength)
        },
      ),
    )
  })
})
