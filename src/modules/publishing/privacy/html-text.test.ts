import { describe, expect, it } from 'vitest'
import { htmlToText } from './html-text.ts'

describe('htmlToText', () => {
  it.each([
    ['<p>第一段</p><p>第二段</p>', '第一段\n第二段', 'block elements become line breaks'],
    ['电话138<span>0013</span><b>8000</b>', '电话13800138000', 'inline formatting does not split a number'],
    ['<table><tr><td>1380013</td><td>8000</td></tr></table>', '1380013\n8000', 'table cells never run together'],
    ['<img src="a.png" alt="身份证正面照片"><a href="tel:13800138000">联系我们</a>', '身份证正面照片 13800138000 联系我们', 'alt text and tel: links are exposed'],
    ['<a href="/art/2024/1/5/art_4367420123456781.html" title="通知">通知</a>', '通知 通知', 'ordinary link targets are not text'],
    ['<!-- 内部资料，勿发布 --><p>正文</p>', '内部资料，勿发布\n正文', 'comments ship with the page, so they are scanned'],
    ['<script>var phone = "13800138000"</script><style>p{}</style><p>正文</p>', '正文', 'scripts and styles are dropped'],
    ['&#65297;&#x FF12;&amp;&nbsp;&ldquo;引号&rdquo;&unknown;', '１&#x FF12;& “引号”&unknown;', 'entities are decoded, unknown ones kept'],
    ['<p title="a > b">x</p>', 'a > b\nx', 'a > inside an attribute value does not end the tag'],
    ['a < b 且 c > d', 'a < b 且 c > d', 'a lone < is text'],
  ])('%s → %s (%s)', (html, text) => {
    expect(htmlToText(html)).toBe(text)
  })
})
