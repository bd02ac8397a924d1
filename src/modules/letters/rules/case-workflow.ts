/**
 * The life of a letter or call (regulation.md §6.5, after the 12345 closed loop of 国办发〔2020〕53号
 * "受理、调度、办理、回复、督办、办结、回访、评价"):
 *
 *   received ─screen→ accepted ─dispatch→ dispatched ─reply→ replied ─release→ released ─evaluate/close→ closed
 *       └─screen (不予受理) or convert (转为依申请公开)→ not_accepted        ↑  └─return (退回)→ returned ─dispatch (改派)┘
 *                                               └──────────── send_back (审核不通过) ─ replied
 *   released / closed ─reopen ("没有解决")→ dispatched (same unit, a new clock)
 *   received … returned ─merge (并单)→ merged ─split→ received
 *   a call answered on the spot is registered straight into released.
 */
export type CaseState = 'received' | 'accepted' | 'not_accepted' | 'dispatched' | 'returned' | 'replied' | 'released' | 'closed' | 'merged'

export type CaseAction =
  | 'accept' | 'not_accept' | 'dispatch' | 'reassign' | 'return' | 'extend' | 'reply' | 'send_back' | 'release'
  | 'rate' | 'reopen' | 'evaluate' | 'close' | 'merge' | 'split' | 'convert'

export const STATE_LABELS: Readonly<Record<CaseState, string>> = Object.freeze({
  received: '待受理', accepted: '已受理，待转办', not_accepted: '不予受理', dispatched: '办理中', returned: '单位退回，待改派',
  replied: '已答复，待审核', released: '已办结，待回访', closed: '已办结', merged: '已并单',
})

/** What the writer sees on the follow-up page: fewer words, no internal steps. */
export const PUBLIC_STATE_LABELS: Readonly<Record<CaseState, string>> = Object.freeze({
  received: '已收到，等待受理', accepted: '已受理，正在转交承办单位', not_accepted: '不予受理', dispatched: '承办单位正在办理', returned: '正在转交承办单位',
  replied: '承办单位已答复，正在审核', released: '已答复', closed: '已办结', merged: '已与同一事项的来信合并办理',
})

export const ACTION_LABELS: Readonly<Record<CaseAction, string>> = Object.freeze({
  accept: '受理', not_accept: '不予受理', dispatch: '转办', reassign: '改派', return: '退回', extend: '延期', reply: '答复', send_back: '审核退回',
  release: '审核发布', rate: '评价', reopen: '重新办理', evaluate: '回访监评', close: '办结', merge: '并单', split: '拆分', convert: '转为依申请公开',
})

/** Who takes an action: the 公开办 (office), the unit the case is dispatched to (unit), or the writer (public). */
export type Party = 'office' | 'unit' | 'public'

interface Transition {
  readonly from: readonly CaseState[]
  /** The state after; `same` keeps the state (改派, 延期, 评价). */
  readonly to: CaseState | 'same'
  readonly by: readonly Party[]
  /** The action needs a written reason (退回, 改派, 延期, 审核退回, 不予受理, 重新办理 are explained to someone). */
  readonly needsReason: boolean
}

export const TRANSITIONS: Readonly<Record<CaseAction, Transition>> = Object.freeze({
  accept: { from: ['received'], to: 'accepted', by: ['office'], needsReason: false },
  not_accept: { from: ['received'], to: 'not_accepted', by: ['office'], needsReason: true },
  dispatch: { from: ['accepted', 'returned'], to: 'dispatched', by: ['office'], needsReason: false },
  reassign: { from: ['dispatched'], to: 'same', by: ['office'], needsReason: true },
  return: { from: ['dispatched'], to: 'returned', by: ['unit'], needsReason: true },
  extend: { from: ['dispatched'], to: 'same', by: ['unit'], needsReason: true },
  reply: { from: ['dispatched'], to: 'replied', by: ['unit'], needsReason: false },
  send_back: { from: ['replied'], to: 'dispatched', by: ['office'], needsReason: true },
  release: { from: ['replied'], to: 'released', by: ['office'], needsReason: false },
  rate: { from: ['released', 'closed'], to: 'same', by: ['public'], needsReason: false },
  reopen: { from: ['released', 'closed'], to: 'dispatched', by: ['public', 'office'], needsReason: true },
  evaluate: { from: ['released'], to: 'closed', by: ['office'], needsReason: false },
  close: { from: ['released'], to: 'closed', by: ['office'], needsReason: false },
  merge: { from: ['received', 'accepted', 'dispatched', 'returned'], to: 'merged', by: ['office'], needsReason: true },
  split: { from: ['merged'], to: 'received', by: ['office'], needsReason: true },
  // 转为依申请公开: screening that finds an information request (§6.2) and, instead of only telling the writer, registers a
  // 依申请公开 case in the requests wing; the letter ends not accepted by the mailbox, with the case's query code.
  convert: { from: ['received'], to: 'not_accepted', by: ['office'], needsReason: false },
})

export const CASE_ACTIONS = Object.keys(TRANSITIONS) as CaseAction[]
export const CASE_STATES = Object.keys(STATE_LABELS) as CaseState[]

/** States in which the unit's reply clock runs. */
export const OPEN_STATES: readonly CaseState[] = ['received', 'accepted', 'dispatched', 'returned', 'replied']
/** States that count as 办结 (handled) in statistics. */
export const HANDLED_STATES: readonly CaseState[] = ['released', 'closed', 'not_accepted']

export interface CaseFacts {
  readonly state: CaseState
  /** The case already carries a 延期 in the current dispatch. */
  readonly extended?: boolean
}

/** Why `party` may not take `action` on a case in this state, in Chinese; null when it may. */
export function caseRefusal(facts: CaseFacts, action: CaseAction, party: Party, reason: string): string | null {
  const rule = TRANSITIONS[action]
  if (!rule.by.includes(party)) return `${partyLabel(party)}不能${ACTION_LABELS[action]}`
  if (!rule.from.includes(facts.state)) return `当前状态为“${STATE_LABELS[facts.state]}”，不能${ACTION_LABELS[action]}`
  if (action === 'extend' && facts.extended) return '已经延期过一次，不能再次延期'
  if (rule.needsReason && reason.trim().length < 2) return `${ACTION_LABELS[action]}需要写明理由`
  return null
}

/** The state after an allowed action. */
export function nextState(state: CaseState, action: CaseAction): CaseState {
  const to = TRANSITIONS[action].to
  return to === 'same' ? state : to
}

/** The actions `party` may take in a state (the buttons a page shows). */
export function availableCaseActions(facts: CaseFacts, party: Party): CaseAction[] {
  return CASE_ACTIONS.filter((action) => caseRefusal(facts, action, party, REASON_GIVEN) === null)
}

function partyLabel(party: Party): string {
  return party === 'office' ? '公开办' : party === 'unit' ? '承办单位' : '来信人'
}

// availableCaseActions lists buttons before any reason is typed: the reason is checked when the form comes back.
const REASON_GIVEN = '（理由在表单中填写）'
