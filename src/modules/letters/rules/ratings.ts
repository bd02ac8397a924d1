/**
 * Two evaluations of a reply:
 * - 好差评 by the writer, five levels (国办发〔2019〕51号 as implemented by provinces, regulation.md §6.1 [S]:
 *   非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意; "后两个等级为差评");
 * - 监评 by the 公开办 (回访 and supervisory evaluation), 优 / 良 / 中 / 差 — the seed's scale (监评83: 优2 良77 中4);
 *   a Chongqing-local practice with no national rule found (regulation.md §6.2 [S/M]).
 */
export type Satisfaction = 'very_satisfied' | 'satisfied' | 'basically_satisfied' | 'dissatisfied' | 'very_dissatisfied'

export const SATISFACTION: Readonly<Record<Satisfaction, { readonly label: string; readonly stars: number; readonly negative: boolean }>> = Object.freeze({
  very_satisfied: { label: '非常满意', stars: 5, negative: false },
  satisfied: { label: '满意', stars: 4, negative: false },
  basically_satisfied: { label: '基本满意', stars: 3, negative: false },
  dissatisfied: { label: '不满意', stars: 2, negative: true },
  very_dissatisfied: { label: '非常不满意', stars: 1, negative: true },
})

export const SATISFACTION_KEYS = Object.keys(SATISFACTION) as Satisfaction[]

export function isSatisfaction(value: string): value is Satisfaction {
  return Object.hasOwn(SATISFACTION, value)
}

/** 差评: the two lowest levels (山西 interpretation of 51号 [S]); they call for 回访 and 整改. */
export function isBadReview(value: Satisfaction): boolean {
  return SATISFACTION[value].negative
}

export type SupervisionGrade = 'excellent' | 'good' | 'fair' | 'poor'

export const SUPERVISION_GRADES: Readonly<Record<SupervisionGrade, { readonly label: string }>> = Object.freeze({
  excellent: { label: '优' }, good: { label: '良' }, fair: { label: '中' }, poor: { label: '差' },
})

export const SUPERVISION_GRADE_KEYS = Object.keys(SUPERVISION_GRADES) as SupervisionGrade[]

export function isSupervisionGrade(value: string): value is SupervisionGrade {
  return Object.hasOwn(SUPERVISION_GRADES, value)
}
