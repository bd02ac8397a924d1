import { PGlite } from '@electric-sql/pglite'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_QUERY_LENGTH, indexTokens, queryTokens, segmenter, toTsqueryText, toTsvectorText } from './tokenise.ts'

// Sentences quoted from LawRefBook/Laws (official texts, PRC Copyright Law art. 5).
/** 政府信息公开条例 (2019) 第三十三条. */
const ARTICLE_33 =
  '第三十三条 行政机关收到政府信息公开申请，能够当场答复的，应当当场予以答复。\n\n' +
  '行政机关不能当场答复的，应当自收到申请之日起20个工作日内予以答复；需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。'
/** 政府信息公开条例 (2019), header lines. */
const REGULATION_HEADER = '# 中华人民共和国政府信息公开条例\n\n2007年4月5日 中华人民共和国国务院令第492号公布\n\n2019年4月3日 中华人民共和国国务院令第711号修订\u3000'
/** 特种设备安全监察条例 (2009) 第九十九条 (一). */
const BOILERS = '(一)锅炉，是指利用各种燃料、电或者其他能源，将所盛装的液体加热到一定的参数，并对外输出热能的设备，其范围规定为容积大于或者等于30L的承压蒸汽锅炉'
/** 关于职工全年月平均工作时间和工资折算问题的通知 (2008). */
const REPEAL = '2000年3月17日劳动保障部发布的《关于职工全年月平均工作时间和工资折算问题的通知》（劳社部发[2000]8号）同时废止。'

const WORD = /^[\p{L}\p{N}]+$/u
const HOSTILE = [
  "'); DROP TABLE documents; --",
  "a & b | !c <-> (d) e:* f:AB 'g' \\h",
  '!!!', '&|', '()', ':*', "''", '<->', '<2>', '\\', '"', '\u0000', '　', '',
  '国办发〔2019〕51号 & | !',
  "政府信息' | '公开",
  '𠀀𠀁 😀 \ud800',
  '((((((((((政府))))))))))',
]

describe('indexTokens', () => {
  it('keeps the words of a sentence and drops its punctuation and whitespace', () => {
    const tokens = indexTokens(ARTICLE_33)
    expect(tokens).toEqual(expect.arrayContaining(['行政', '机关', '收到', '政府', '信息', '公开', '申请', '当场', '答复', '工作日', '20']))
    expect(tokens.filter((token) => !WORD.test(token))).toEqual([])
  })

  it('adds the dictionary words inside a long word (cutForSearch)', () => {
    expect(indexTokens(REGULATION_HEADER)).toEqual(expect.arrayContaining(['中华', '人民', '共和国', '政府', '信息', '公开', '条例']))
  })

  it('keeps ASCII words and numbers, lower-cased', () => {
    expect(indexTokens(BOILERS)).toEqual(expect.arrayContaining(['30l', '锅炉', '燃料', '能源']))
    expect(indexTokens('GB/T 9704-2012《党政机关公文格式》')).toEqual(expect.arrayContaining(['gb', 't', '9704', '2012', '党政机关', '公文', '格式']))
  })

  it('adds each 文号 in normalised form, with its issuer and year', () => {
    const tokens = indexTokens(REPEAL)
    expect(tokens).toEqual(expect.arrayContaining(['劳社部发〔2000〕8号', '劳社部发', '2000']))
    expect(indexTokens(REGULATION_HEADER)).toEqual(expect.arrayContaining(['国务院令第492号', '国务院令第711号', '国务院令']))
  })

  it('reads full-width letters and digits as their ASCII forms', () => {
    expect(indexTokens('ＧＢ／Ｔ　９７０４')).toEqual(['gb', 't', '9704'])
  })

  it('builds the segmenter once', () => {
    expect(segmenter()).toBe(segmenter())
  })
})

describe('queryTokens', () => {
  it('cuts a query into words without punctuation or repeats', () => {
    expect(queryTokens('当场答复，当场答复！')).toEqual(['当场', '答复'])
  })

  it('searches a long word as the dictionary words that tile it', () => {
    expect(queryTokens('县级以上地方人民政府')).toEqual(['县级', '以上', '地方', '人民', '政府'])
    expect(queryTokens('中华人民共和国')).toEqual(['中华', '人民', '共和国'])
    expect(queryTokens('申请人')).toEqual(['申请人']) // no tiling: 人 alone is not indexed inside 申请人
  })

  it.each([['国办发[2019]51号'], ['国办发（2019）51号'], ['国办发 〔2019〕 51'], ['国办发【２０１９】５１号']])('reads %j as one 文号 token', (query) => {
    expect(queryTokens(query)).toEqual(['国办发〔2019〕51号'])
  })

  it('takes a 文号 out of a longer query and cuts the rest', () => {
    expect(queryTokens('好差评 国办发[2019]51号')).toEqual(['国办发〔2019〕51号', '好', '差', '评'])
  })

  it(`looks at the first ${MAX_QUERY_LENGTH} characters only`, () => {
    expect(queryTokens('政府'.repeat(MAX_QUERY_LENGTH) + '信息')).toEqual(['政府'])
  })
})

describe('toTsqueryText and toTsvectorText', () => {
  let db: PGlite
  beforeAll(async () => {
    db = new PGlite()
    await db.waitReady
  })
  afterAll(async () => {
    await db.close()
  })

  const tsquery = async (text: string) => (await db.query<{ q: string }>("select to_tsquery('simple', $1)::text as q", [text])).rows[0]!.q
  const matches = async (document: string, query: string, mode: 'and' | 'or' = 'and') => {
    const { rows } = await db.query<{ hit: boolean }>("select to_tsvector('simple', $1) @@ to_tsquery('simple', $2) as hit", [
      toTsvectorText(indexTokens(document)),
      toTsqueryText(queryTokens(query), mode),
    ])
    return rows[0]!.hit
  }

  it('joins tokens with & or |', () => {
    expect(toTsqueryText(['当场', '答复'], 'and')).toBe('当场 & 答复')
    expect(toTsqueryText(['当场', '答复', '当场'], 'or')).toBe('当场 | 答复')
    expect(toTsvectorText(['国办发〔2019〕51号', '国办发', '2019'])).toBe('国办发201951号 国办发 2019')
  })

  it('strips operators, quotes, weights and prefixes from tokens given directly', () => {
    expect(toTsqueryText(["a'b", 'c:*', '!d', '(e|f)', '<->', 'g:AB', '&'], 'and')).toBe('ab & c & d & ef & gab')
    expect(toTsqueryText([], 'or')).toBe('')
  })

  it('gives text that to_tsquery always parses, for hostile and random input', async () => {
    const inputs = [...HOSTILE, ...fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), { numRuns: 150, seed: 33 })]
    for (const input of inputs) {
      const text = toTsqueryText(queryTokens(input), 'and')
      expect(text).toMatch(/^(?:[\p{L}\p{N}]+(?: & [\p{L}\p{N}]+)*)?$/u)
      await expect(tsquery(text)).resolves.toBeTypeOf('string')
      await expect(tsquery(toTsqueryText([input], 'or'))).resolves.toBeTypeOf('string')
    }
  })

  it('gives Postgres exactly one lexeme per token', async () => {
    const tokens = indexTokens(`${ARTICLE_33}\n${REGULATION_HEADER}\n${BOILERS}\n${REPEAL}`)
    const { rows } = await db.query<{ lexeme: string }>("select unnest(tsvector_to_array(to_tsvector('simple', $1))) as lexeme", [toTsvectorText(tokens)])
    expect(rows.map((row) => row.lexeme).sort()).toEqual([...new Set(toTsvectorText(tokens).split(' '))].sort())
  })

  it('finds a document by words in it, all of them or any', async () => {
    expect(await matches(ARTICLE_33, '当场答复')).toBe(true)
    expect(await matches(ARTICLE_33, '政府信息公开工作机构负责人')).toBe(true)
    expect(await matches(ARTICLE_33, '延长答复期限')).toBe(true)
    expect(await matches(ARTICLE_33, '当场答复 锅炉')).toBe(false)
    expect(await matches(ARTICLE_33, '当场答复 锅炉', 'or')).toBe(true)
  })

  it('finds a document by its 文号 in any bracket style', async () => {
    expect(await matches(REPEAL, '劳社部发〔2000〕8号')).toBe(true)
    expect(await matches(REPEAL, '劳社部发（2000）8号')).toBe(true)
    expect(await matches(REPEAL, '劳社部发 [2000] 8')).toBe(true)
    expect(await matches(REPEAL, '劳社部发〔2000〕9号')).toBe(false)
    expect(await matches(REGULATION_HEADER, '国务院令第711号')).toBe(true)
  })
})
