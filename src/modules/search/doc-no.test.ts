import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findDocNos, looksLikeDocNo, normaliseDocNo } from './doc-no.ts'
import samples from './fixtures/doc-numbers-ptc2024.json' with { type: 'json' }

// Real scraped values (fixtures/PROVENANCE.md) and the normalised form we decided for each; null means "not a 文号".
// Decisions: regulation.md §5.3 (normalise 〔〕 [] () and spaces on input); GB/T 9704-2012 §7.2.4 (〔〕, no padding).
const expected: Record<string, string | null> = {
  '国函〔2023〕98号': '国函〔2023〕98号',
  '国发〔2023〕13号': '国发〔2023〕13号',
  '国办发〔2023〕27号': '国办发〔2023〕27号',
  '国办函〔2023〕70号': '国办函〔2023〕70号',
  '国办发明电〔2022〕16号': '国办发明电〔2022〕16号',
  '国发明电〔2020〕5号': '国发明电〔2020〕5号',
  '国办应急明电〔2008〕1号': '国办应急明电〔2008〕1号',
  '灾总指挥部发明电〔2010〕2号': '灾总指挥部发明电〔2010〕2号', // truncated by the scraper; kept as written
  '国海管字〔2004〕90号': '国海管字〔2004〕90号',
  '发文字号：渝府发〔2023〕15号': '渝府发〔2023〕15号', // label dropped
  '发文字号：渝府发〔2022〕32 号': '渝府发〔2022〕32号',
  '渝府令〔2023〕358号': '渝府令〔2023〕358号',
  '渝府人〔2023〕32号': '渝府人〔2023〕32号',
  '渝肺炎指办发〔2022〕51 号': '渝肺炎指办发〔2022〕51号',
  '其他 〔 2022 〕 86 号': '其他〔2022〕86号', // the site's placeholder issuer; a well-formed number all the same
  '重庆市人民政府令第 359 号': '重庆市人民政府令第359号',
  '发文字号：渝府发〔2000〕48号〔〕': null, // junk after 号
  '\u200b渝府办发〔2019〕103号': '渝府办发〔2019〕103号', // zero-width space
  '渝府〔2023〕8号\u200b': '渝府〔2023〕8号',
  '\u200d渝肺炎指办发〔2022〕92号': '渝肺炎指办发〔2022〕92号', // zero-width joiner
  '发文字号：渝府办发〔 2022 〕96 号': '渝府办发〔2022〕96号',
  '川办发〔2022〕62号': '川办发〔2022〕62号',
  '粤府〔2023〕67号': '粤府〔2023〕67号',
  '粤办函〔2023〕267号': '粤办函〔2023〕267号',
  '粤府函〔2023〕223号': '粤府函〔2023〕223号',
  '控方案的通知粤府〔2020〕71号': '粤府〔2020〕71号', // title tail dropped up to 的通知
  '粤府办〔2002〕1２号': '粤府办〔2002〕12号', // one full-width digit
  '豫政办〔2023〕43号': '豫政办〔2023〕43号',
  '豫政 〔2023〕27号': '豫政〔2023〕27号',
  '豫政办 〔 2021 〕68 号': '豫政办〔2021〕68号',
  '省政府令 第219号': '省政府令第219号',
  '豫政 第24号': null, // ordinal without 令/公告 and without a year
  '鄂政办电〔2023〕22号': '鄂政办电〔2023〕22号',
  '鄂政发〔2023〕12号': '鄂政发〔2023〕12号',
  '鄂政管办发〔2019〕4号': '鄂政管办发〔2019〕4号',
  '辽交港航发〔2018〕240号': '辽交港航发〔2018〕240号',
  '辽卫函字〔2013〕321号': '辽卫函字〔2013〕321号',
  '日辽政发〔1985〕146号': '日辽政发〔1985〕146号', // leading noise that cannot be told from an issuer is kept
  '省人民政府辽政发〔1987〕17号': '省人民政府辽政发〔1987〕17号', // likewise
  '宁政办发〔2023〕37号': '宁政办发〔2023〕37号',
  '宁政办明电发〔2023〕8号': '宁政办明电发〔2023〕8号',
  '宁夏回族自治区人民政府令第127号': '宁夏回族自治区人民政府令第127号',
  '宁政公开办发〔2021〕36号': '宁政公开办发〔2021〕36号',
  '沪科〔2023〕292号': '沪科〔2023〕292号',
  '金府办发〔2023〕20号': '金府办发〔2023〕20号',
  '的通知沪发改价管〔2023〕27号': '沪发改价管〔2023〕27号',
  '沪绿容〔2020〕014号': '沪绿容〔2020〕14号', // GB/T 9704: 不编虚位
  '根据国办公开办函〔2019〕61号': '国办公开办函〔2019〕61号',
  '国卫办职健函〔2020〕434号': '国卫办职健函〔2020〕434号',
  '农业农村部通告〔2019〕3号': '农业农村部通告〔2019〕3号',
  '公告2018年第14号': '公告2018年第14号',
  '国家税务总局公告2015年第41号': '国家税务总局公告2015年第41号',
  '国家发展改革委2017年第9号': '国家发展改革委2017年第9号',
  '交通运输部令2016年第62号': '交通运输部令2016年第62号',
  '号市人大公告1996年第40号': '市人大公告1996年第40号', // tail of the previous number dropped
  '上海海关已发布2019年第1号': null, // only sentence words before the year: no issuer left
  '的批复国函〔2023〕12号': '国函〔2023〕12号',
  '管理的通告沪府发〔2009〕43号': '通告沪府发〔2009〕43号', // known limit: 通告 is also a real issuer word
  '工作通知〔2020〕1928号': null,
  '市财政局沪人〔1992〕54号': '市财政局沪人〔1992〕54号',
  '发文字号：晋政函〔2023〕83号': '晋政函〔2023〕83号',
  '发文字号：晋政发[2013]35号': '晋政发〔2013〕35号',
  '发文字号：晋政发(2007)18号': '晋政发〔2007〕18号',
  '发文字号：晋政办发(2017〕109号': '晋政办发〔2017〕109号', // mismatched brackets
  '发文字号：山西省人民政府令第304号': '山西省人民政府令第304号',
  '发文字号：晋政函〔2017〕 69号': '晋政函〔2017〕69号',
  '发文字号：\u200b晋政办发〔2023〕38号': '晋政办发〔2023〕38号',
  '发文字号：晋政发〔2014〕号16': null, // 号 before the serial
  '发文字号：晋政办发〔2012〕18': '晋政办发〔2012〕18号', // missing 号 supplied
  '发文字号：': null,
  '川府函〔2022〕36号': '川府函〔2022〕36号',
  '川办规〔2023〕2号': '川办规〔2023〕2号',
  '广安府〔2011〕67号': '广安府〔2011〕67号',
  '云政任〔2023〕59号': '云政任〔2023〕59号',
  '云政复〔1993〕123号': '云政复〔1993〕123号',
  '中办发〔2018〕16号': '中办发〔2018〕16号',
  '云府办明电〔2022〕16号': '云府办明电〔2022〕16号',
  '国中医药办法监发〔2017〕30号': '国中医药办法监发〔2017〕30号', // 办 + 法监 + 发: 办法 is not sentence noise here
}

const OPENINGS = ['〔', '[', '（', '(', '【', '［', '﹝', '〖']
const CLOSINGS = ['〕', ']', '）', ')', '】', '］', '﹞', '〗']
const SPACES = [' ', '\u3000', '\u00a0', '\t', '\u200b', '\ufeff']
// Real issuers from the fixture, including long ones and a 明电.
const ISSUERS = ['国办发', '国函', '渝北府发', '豫政办', '宁政办明电发', '国卫办职健函', '沪发改价管', '辽卫函字', '云政任', '粤办函']

const toFullWidth = (text: string) => text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0))

describe('normaliseDocNo', () => {
  it('has a decided result for every real sample in the fixture', () => {
    expect(samples.length).toBeGreaterThanOrEqual(60)
    for (const sample of samples) expect(Object.keys(expected)).toContain(sample.docNumber)
  })

  it.each(samples.map((sample) => [sample.docNumber, expected[sample.docNumber]] as const))('normalises %j to %j', (raw, normalised) => {
    expect(normaliseDocNo(raw)?.normalised ?? null).toBe(normalised)
  })

  it.each([
    ['国办发[2019]51号', '国办发〔2019〕51号'], // the 好差评 opinion as often typed
    ['渝北府发 〔2017〕 7号', '渝北府发〔2017〕7号'], // regulation.md §5.3
    ['国办发（2019）51号', '国办发〔2019〕51号'],
    ['国办发【2019】51号', '国办发〔2019〕51号'],
    ['国办发［2019］51号', '国办发〔2019〕51号'],
    ['国办发﹝2019﹞51号', '国办发〔2019〕51号'],
    ['国办发〔２０１９〕５１号', '国办发〔2019〕51号'],
    ['国办发〔2019〕051号', '国办发〔2019〕51号'],
    ['国办发〔2019〕51', '国办发〔2019〕51号'],
    ['国办函〔2020〕109号', '国办函〔2020〕109号'],
    ['文号：国办公开办函〔2021〕30号', '国办公开办函〔2021〕30号'],
  ])('writes %j as %j', (raw, normalised) => {
    expect(normaliseDocNo(raw)?.normalised).toBe(normalised)
  })

  // regulation.md §5.3 quotes "〔201747号": the closing bracket lost. Years are always four digits (GB/T 9704), so
  // the serial is unambiguous and the number is repaired rather than rejected.
  it.each([
    ['渝北府发〔201747号', '渝北府发〔2017〕47号'],
    ['国办发2017〕47号', '国办发〔2017〕47号'],
    ['国办发〔2017 47号', '国办发〔2017〕47号'],
  ])('repairs a lost bracket: %j is %j', (raw, normalised) => {
    expect(normaliseDocNo(raw)?.normalised).toBe(normalised)
  })

  it.each([
    ['国务院令第711号', '国务院令第711号'],
    ['中华人民共和国国务院令第711号', '国务院令第711号'], // the same order with and without the national prefix
    ['公安部令第 149 号', '公安部令第149号'],
    ['国家税务总局公告2015年第41号', '国家税务总局公告2015年第41号'],
  ])('recognises the ordinal number %j as %j', (raw, normalised) => {
    expect(normaliseDocNo(raw)?.normalised).toBe(normalised)
  })

  it.each([
    ['国办发201951号'], // no bracket at all: the year cannot be told from the serial with certainty
    ['国办发〔94〕12号'], // 2-digit year
    ['国办发〔1899〕1号'],
    ['国办发〔2019〕0号'],
    ['国办发〔2019〕'],
    ['〔2019〕51号'],
    ['第3号'],
    ['附件第3号'],
    ['政府信息公开条例'],
    ['第三十三条'],
    [''],
  ])('rejects %j', (raw) => {
    expect(normaliseDocNo(raw)).toBeNull()
  })

  it('returns the issuer, year and serial', () => {
    expect(normaliseDocNo('渝北府发 〔2017〕 7号')).toEqual({ normalised: '渝北府发〔2017〕7号', issuer: '渝北府发', year: 2017, serial: 7 })
    expect(normaliseDocNo('国务院令第711号')).toEqual({ normalised: '国务院令第711号', issuer: '国务院令', year: null, serial: 711 })
    expect(normaliseDocNo('国家税务总局公告2015年第41号')).toEqual({ normalised: '国家税务总局公告2015年第41号', issuer: '国家税务总局公告', year: 2015, serial: 41 })
  })

  it('is idempotent on its own output', () => {
    for (const sample of samples) {
      const first = normaliseDocNo(sample.docNumber)
      if (first) expect(normaliseDocNo(first.normalised)).toEqual(first)
    }
  })

  it('gives the same number whatever the bracket style, spacing and digit width', () => {
    const styled = fc.record({
      issuer: fc.constantFrom(...ISSUERS),
      year: fc.integer({ min: 1900, max: 2099 }),
      serial: fc.integer({ min: 1, max: 999_999 }),
      open: fc.constantFrom(...OPENINGS),
      close: fc.constantFrom(...CLOSINGS),
      fullWidth: fc.boolean(),
      spaces: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...SPACES)), { maxLength: 6 }),
    })
    fc.assert(
      fc.property(styled, ({ issuer, year, serial, open, close, fullWidth, spaces }) => {
        const digits = (n: number) => (fullWidth ? toFullWidth(String(n)) : String(n))
        let raw = `${issuer}${open}${digits(year)}${close}${digits(serial)}号`
        for (const [at, space] of spaces) {
          const index = at % (raw.length + 1)
          raw = raw.slice(0, index) + space + raw.slice(index)
        }
        expect(normaliseDocNo(raw)).toEqual({ normalised: `${issuer}〔${year}〕${serial}号`, issuer, year, serial })
      }),
    )
  })
})

describe('looksLikeDocNo', () => {
  it.each(['国办发〔2019〕51号', '国办发[2019]51号', '国办发(2019)51号', ' 国办发 （2019） 51 号 ', '国务院令第711号', '国办发〔2019〕51'])(
    'takes %j for a 文号',
    (query) => {
      expect(looksLikeDocNo(query)).toBe(true)
    },
  )

  it.each(['政府信息公开', '国办发', '2019', '51号', '好差评 国办发〔2019〕51号', '第三十三条', '2019年第9号台风'])('does not take %j for a 文号', (query) => {
    expect(looksLikeDocNo(query)).toBe(false)
  })
})

describe('findDocNos', () => {
  it('finds a 文号 in parentheses after a title (刑事诉讼法 解释 第六百五十五条)', () => {
    const text =
      '最高人民法院2012年12月20日发布的《关于适用〈中华人民共和国刑事诉讼法〉的解释》（法释〔2012〕21号）同时废止。'
    const [found, ...rest] = findDocNos(text)
    expect(rest).toEqual([])
    expect(found).toMatchObject({ normalised: '法释〔2012〕21号', issuer: '法释', year: 2012, serial: 21 })
    expect(text.slice(found!.start, found!.end)).toBe('法释〔2012〕21号')
  })

  it('drops a preposition written against the issuer (关于军民合用机场使用管理的若干暂行规定 第九条)', () => {
    const text = '第九条 凡需新辟军民合用机场，按国办发(1985)49号文件规定办理。'
    const found = findDocNos(text)
    expect(found.map((docNo) => docNo.normalised)).toEqual(['国办发〔1985〕49号'])
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('国办发(1985)49号')
  })

  it('finds 国务院令 numbers in a law header and ignores the date before them (政府信息公开条例)', () => {
    const text = '2007年4月5日 中华人民共和国国务院令第492号公布\n\n2019年4月3日中华人民共和国国务院令第711号修订\u3000'
    const found = findDocNos(text)
    expect(found.map((docNo) => docNo.normalised)).toEqual(['国务院令第492号', '国务院令第711号'])
    expect(found.map((docNo) => text.slice(docNo.start, docNo.end))).toEqual(['中华人民共和国国务院令第492号', '中华人民共和国国务院令第711号'])
  })

  it('finds numbers in any bracket style and with stray spaces', () => {
    const text = '根据国办发[2019]51号和渝北府发 〔2017〕 7号，以及劳社部发〔201747号的要求'
    expect(findDocNos(text).map((docNo) => docNo.normalised)).toEqual(['国办发〔2019〕51号', '渝北府发〔2017〕7号', '劳社部发〔2017〕47号'])
  })

  it('does not take dates, article numbers or typhoon numbers for 文号', () => {
    const text = '第三十三条 行政机关不能当场答复的，应当自收到申请之日起20个工作日内予以答复。关于做好2019年第9号台风防御工作的通知（2019）'
    expect(findDocNos(text)).toEqual([])
  })

  it('finds the same number as normaliseDocNo, whatever surrounds it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...samples.map((sample) => sample.docNumber).filter((raw) => expected[raw] && !raw.startsWith('发文字号'))),
        fc.constantFrom('', '。', '（', '，根据', '\n'),
        fc.constantFrom('', '）', '。', '文件', '\n'),
        (raw, before, after) => {
          const found = findDocNos(`${before}${raw}${after}`)
          expect(found.map((docNo) => docNo.normalised)).toEqual([normaliseDocNo(raw)!.normalised])
        },
      ),
    )
  })
})
