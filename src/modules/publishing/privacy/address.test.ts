import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findAddresses, maskAddress } from './address.ts'
import { scanText } from './findings.ts'

const found = (text: string) => findAddresses(text).map((a) => [text.slice(a.start, a.end), a.masked])

describe('findAddresses', () => {
  it.each([
    ['我家住在重庆市开州区汉丰街道滨湖路12号3栋2单元501室，门口路灯坏了', '重庆市开州区汉丰街道滨湖路12号3栋2单元501室', '重庆市开州区汉丰街道滨湖路**号*栋*单元***室'],
    ['地址：开州大道中段188号附2号', '开州大道中段188号附2号', '开州大道中段***号附*号'],
    ['长沙镇齐圣村五组的道路坏了', '长沙镇齐圣村五组', '长沙镇齐圣村*组'],
    ['我住在幸福家园5栋2单元301，楼上漏水', '幸福家园5栋2单元301', '幸福家园*栋*单元***'],
    ['3栋2单元501室漏水已经一个月', '3栋2单元501室', '*栋*单元***室'],
    ['他住云枫街道平桥社区8号楼2单元', '云枫街道平桥社区8号楼2单元', '云枫街道平桥社区*号楼*单元'],
    ['住址是上海路12-3号', '上海路12-3号', '上海路**-*号'],
    ['竹溪镇 新华村 3社', '新华村 3社', '新华村 *社'],
  ])('finds the address in %s', (text, match, masked) => {
    expect(found(text)).toEqual([[match, masked]])
  })

  // Ordinary words that end like a place, place names without a house, and numbers that are not addresses.
  it.each([
    '加强道路交通安全管理，马路上车多',
    '建议拓宽道路，增设人行道',
    '请到汉丰街道办事处咨询',
    '云枫街道平桥社区的路灯不亮',
    '这条路3号桥附近积水',
    '公交12路班次太少',
    '渝府发〔2017〕15号',
    '请于3个工作日内答复',
    '二〇一七年三月五日',
    '汉丰湖边步道12号观景台',
    '第三单元的课文',
    '开州区2017年收件1109件',
    '高速公路出口拥堵',
  ])('finds nothing in %s', (text) => {
    expect(findAddresses(text)).toEqual([])
  })

  const names = fc.constantFrom('滨湖', '开州', '中山', '人民', '健康', '迎宾', '盛山', '南河')
  const suffixes = fc.constantFrom('路', '大道', '街', '巷')
  const prefixes = fc.constantFrom('', '重庆市开州区', '开州区汉丰街道', '汉丰街道')
  const n = fc.integer({ min: 1, max: 2999 })
  const sentence = fc.constantFrom('我家住在', '地址：', '来信人住', '')

  it('finds every generated road address and hides all its digits (property)', () => {
    fc.assert(fc.property(sentence, prefixes, names, suffixes, n, fc.option(n, { nil: undefined }), fc.option(n, { nil: undefined }), fc.option(n, { nil: undefined }),
      (lead, prefix, name, suffix, house, building, entrance, room) => {
        const address = `${prefix}${name}${suffix}${house}号${building ? `${building}栋` : ''}${entrance ? `${entrance}单元` : ''}${room ? `${room}室` : ''}`
        const text = `${lead}${address}，路灯不亮。`
        const matches = findAddresses(text)
        expect(matches).toHaveLength(1)
        const [m] = matches
        expect(text.slice(m!.start, m!.end)).toBe(address)
        expect(m!.masked).not.toMatch(/\d/)
        expect(m!.masked).toBe(maskAddress(address))
      }))
  })

  it('finds nothing in text made of words that contain no numerals (property)', () => {
    const words = fc.constantFrom('道路', '马路', '街道', '小区', '社区', '村里', '单元', '室内', '路灯', '建议', '反映', '开州区', '汉丰街道', '滨湖路', '，', '。', '的', '我家')
    fc.assert(fc.property(fc.array(words, { maxLength: 30 }), (parts) => {
      expect(findAddresses(parts.join(''))).toEqual([])
    }))
  })
})

describe('scanText with addresses', () => {
  it('reports addresses only when asked, with a message that shows the masked form', () => {
    const text = '我住滨湖路12号，电话13800138000'
    expect(scanText(text, { today: '2026-06-01' }).map((f) => f.kind)).toEqual(['mobile'])
    const findings = scanText(text, { today: '2026-06-01', addresses: true })
    expect(findings.map((f) => [f.kind, f.match, f.masked])).toEqual([['address', '滨湖路12号', '滨湖路**号'], ['mobile', '13800138000', '138****8000']])
    expect(findings[0]!.message).toBe('发现疑似个人住址 滨湖路**号：公开前请删除或遮盖，确需公开的请说明理由')
    expect(findings[1]!.context).not.toContain('12号')
  })

  it('reads full-width digits in an address', () => {
    const findings = scanText('住址：滨湖路１２号３栋', { today: '2026-06-01', addresses: true })
    expect(findings.map((f) => [f.match, f.masked])).toEqual([['滨湖路１２号３栋', '滨湖路**号*栋']])
  })
})
