/**
 * 差评整改 and 申诉复核 (国办发〔2019〕51号 《关于建立政务服务“好差评”制度提高政务服务水平的意见》, regulation.md §6.1 [S]:
 * "建立差评整改和反馈机制" and "申诉复核机制" (排除误评和“恶意”差评); 四川 practice [S local]: 收到差评 → 回访核实 →
 * 整改 / 解释说明 / 误评和不实差评走申诉复核).
 *
 *   a 差评 (不满意 / 非常不满意) opens a task for the unit that answered:
 *   open ─rectify (整改说明 + 回访结果)→ rectified
 *   open ─appeal (申诉理由)→ appealed ─uphold (复核维持评价)→ open
 *                                    └─void (复核撤销评价)→ voided   (the rating leaves the satisfaction statistics)
 */
export type RectificationState = 'open' | 'rectified' | 'appealed' | 'voided'
export type RectificationAction = 'rectify' | 'appeal' | 'uphold' | 'void'

export const RECTIFICATION_STATE_LABELS: Readonly<Record<RectificationState, string>> = Object.freeze({
  open: '待整改', rectified: '已整改', appealed: '已申诉，待复核', voided: '复核撤销评价',
})

export const RECTIFICATION_ACTION_LABELS: Readonly<Record<RectificationAction, string>> = Object.freeze({
  rectify: '整改', appeal: '申诉', uphold: '复核维持评价', void: '复核撤销评价',
})

const RULES: Readonly<Record<RectificationAction, { from: RectificationState; to: RectificationState; by: 'unit' | 'office' }>> = Object.freeze({
  rectify: { from: 'open', to: 'rectified', by: 'unit' },
  appeal: { from: 'open', to: 'appealed', by: 'unit' },
  uphold: { from: 'appealed', to: 'open', by: 'office' },
  void: { from: 'appealed', to: 'voided', by: 'office' },
})

/** Why `party` may not take `action` on a task in `state`, in Chinese; null when it may. */
export function rectificationRefusal(state: RectificationState, action: RectificationAction, party: 'unit' | 'office'): string | null {
  const rule = RULES[action]
  if (rule.by !== party) return `${party === 'unit' ? '承办单位' : '公开办'}不能${RECTIFICATION_ACTION_LABELS[action]}`
  if (rule.from !== state) return `整改任务当前为“${RECTIFICATION_STATE_LABELS[state]}”，不能${RECTIFICATION_ACTION_LABELS[action]}`
  return null
}

export function nextRectificationState(action: RectificationAction): RectificationState {
  return RULES[action].to
}

/** The actions a party may take on a task (the forms a page shows). */
export function availableRectificationActions(state: RectificationState, party: 'unit' | 'office'): RectificationAction[] {
  return (Object.keys(RULES) as RectificationAction[]).filter((a) => rectificationRefusal(state, a, party) === null)
}

/**
 * Whether a rating counts in satisfaction statistics: rated and not voided by 申诉复核. letter-statistics (and any
 * other reader) should count `satisfaction is not null and not satisfaction_voided`.
 */
export function countsInSatisfaction(c: { satisfaction: string | null; satisfactionVoided: boolean }): boolean {
  return c.satisfaction !== null && !c.satisfactionVoided
}
