/**
 * Legal provisions the letters cite, and how a list of them is written in a sentence. Article numbers are those of
 * the 2019 条例 (国务院令第711号) as quoted in shared/domain/regulation.md §1; the remedy periods are §1.12.
 */

/** A provision of a law or rule: the title without 书名号 and the provision ("第三十六条第（三）项"). */
export interface Citation {
  law: string
  provision: string
}

/** 《中华人民共和国政府信息公开条例》(2019 修订). */
export const GIO_REGULATION = '中华人民共和国政府信息公开条例'
/** 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号), regulation.md §2. */
export const FEE_MEASURES = '政府信息公开信息处理费管理办法'
/** The 文号 of the fee measures, printed after their title. */
export const FEE_MEASURES_DOC_NO = '国办函〔2020〕109号'
/** 《中华人民共和国行政复议法》(2023 修订): 第二十条 60 日. */
export const ADMINISTRATIVE_REVIEW_LAW = '中华人民共和国行政复议法'
/** 《中华人民共和国行政诉讼法》: 第四十六条 6 个月. */
export const ADMINISTRATIVE_LITIGATION_LAW = '中华人民共和国行政诉讼法'

/** A provision of the 条例. */
export function gio(provision: string): Citation {
  return { law: GIO_REGULATION, provision }
}

/**
 * Provisions as written in a sentence, grouped by law in first-mention order and without repeats:
 * 《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项和《中华人民共和国保守国家秘密法》第九条.
 */
export function citeProvisions(citations: readonly Citation[]): string {
  const byLaw = new Map<string, string[]>()
  for (const c of citations) {
    const list = byLaw.get(c.law) ?? []
    if (!list.includes(c.provision)) list.push(c.provision)
    byLaw.set(c.law, list)
  }
  const laws = [...byLaw.entries()].map(([law, provisions]) => `《${law}》${provisions.join('、')}`)
  if (laws.length <= 1) return laws.join('')
  return `${laws.slice(0, -1).join('、')}和${laws[laws.length - 1]}`
}

/** "依照…的规定" around a list of provisions. */
export function accordingTo(citations: readonly Citation[]): string {
  return `依照${citeProvisions(citations)}的规定`
}
