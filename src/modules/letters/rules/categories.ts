/**
 * 诉求类别. 重庆 公开信箱 and the seed name 咨询、求助、投诉 (年报 第二部分第1点: "受理市民咨询、求助、投诉等事项");
 * 建议 and 举报 complete the usual 12345 taxonomy (国办发〔2020〕53号 "诉求分类办理机制").
 */
export type CategoryKey = 'consultation' | 'help' | 'complaint' | 'suggestion' | 'report'

export const CATEGORIES: Readonly<Record<CategoryKey, { readonly label: string; readonly hint: string }>> = Object.freeze({
  consultation: { label: '咨询', hint: '询问政策、办事程序、政府工作职责' },
  help: { label: '求助', hint: '生活中遇到困难，请求政府部门帮助' },
  complaint: { label: '投诉', hint: '反映行政机关办事效率、工作作风等问题' },
  suggestion: { label: '建议', hint: '对经济社会发展、政府工作提出意见建议' },
  report: { label: '举报', hint: '反映违反法律法规的行为（举报党员干部违纪违法请向纪检监察机关反映）' },
})

export const CATEGORY_KEYS = Object.keys(CATEGORIES) as CategoryKey[]

export function isCategory(value: string): value is CategoryKey {
  return Object.hasOwn(CATEGORIES, value)
}
