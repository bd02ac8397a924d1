import { describe, expect, it } from 'vitest'
import { anonymise } from './published-letters.ts'

describe('anonymise', () => {
  it('hides the writer\'s name and masks phone numbers found by the privacy scan', () => {
    const out = anonymise('我是张三丰，电话13812345678，张三丰家门口路灯不亮。', '张三丰', '2026-11-27')
    expect(out).toBe('我是张某，电话138****5678，张某家门口路灯不亮。')
  })
  it('masks an address down to the flat, keeping the place names', () => {
    expect(anonymise('李四住开州区汉丰街道滨湖路12号3栋2单元501室，道路积水。', '李四', '2026-11-27')).toBe('李某住开州区汉丰街道滨湖路**号*栋*单元***室，道路积水。')
  })
  it('leaves a text without personal data alone', () => {
    expect(anonymise('建议增加公交班次。', '李四', '2026-11-27')).toBe('建议增加公交班次。')
  })
})
