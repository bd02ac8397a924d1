/**
 * The editorial workflow of a catalogue edition, as pure rules (after GOV.UK Whitehall's
 * edition workflow, anchors-portal.md §1.1). Nobody approves their own submission; a 单位负责人
 * may force-publish with a reason, and the edition is then listed for review by someone else.
 */
import type { Actor } from '../orgs/index.ts'

export type EditionState = 'draft' | 'submitted' | 'rejected' | 'approved' | 'scheduled' | 'published' | 'superseded' | 'withdrawn'

export type WorkflowAction = 'edit' | 'submit' | 'reject' | 'approve' | 'publish' | 'schedule' | 'force_publish' | 'approve_retrospectively' | 'withdraw' | 'new_edition' | 'discard'

export const STATE_LABELS: Record<EditionState, string> = {
  draft: '草稿', submitted: '待审核', rejected: '已退回', approved: '已审核', scheduled: '定时发布', published: '已发布', superseded: '已被新版本取代', withdrawn: '已撤回',
}

/** 撤回 kinds (after Whitehall's unpublishing reasons), each with its public behaviour. */
export const WITHDRAWAL_KINDS = {
  published_in_error: { label: '误发', publicNotice: '本信息系误发，已撤回。' },
  replaced: { label: '已被替代', publicNotice: '本信息已被新的信息替代。' },
  expired_repealed: { label: '已失效或废止', publicNotice: '本信息已失效或被废止。' },
} as const
export type WithdrawalKind = keyof typeof WITHDRAWAL_KINDS

const FROM: Record<WorkflowAction, readonly EditionState[]> = {
  edit: ['draft', 'rejected'],
  submit: ['draft', 'rejected'],
  reject: ['submitted'],
  approve: ['submitted'],
  publish: ['approved', 'scheduled'],
  schedule: ['approved'],
  force_publish: ['draft', 'submitted', 'rejected', 'approved'],
  approve_retrospectively: ['published'],
  withdraw: ['published'],
  new_edition: ['published', 'withdrawn'],
  discard: ['draft', 'rejected'],
}

export interface EditionFacts {
  state: EditionState
  organisationId: number
  createdByUserId: number
  submittedByUserId: number | null
  publishedByUserId: number | null
  needsReview: boolean
}

const roles = (actor: Actor) => new Set(actor.roles)

/** Whether `actor` may take `action` on an edition; returns the Chinese reason when not. */
export function workflowRefusal(actor: Actor, action: WorkflowAction, edition: EditionFacts): string | null {
  const r = roles(actor)
  const ownUnit = actor.organisationId === edition.organisationId
  if (!ownUnit) return '只能处理本单位的信息'
  if (!FROM[action].includes(edition.state)) return `当前状态为“${STATE_LABELS[edition.state]}”，不能${ACTION_LABELS[action]}`
  switch (action) {
    case 'edit':
    case 'submit':
    case 'discard':
    case 'new_edition':
      return r.has('unit_editor') || r.has('unit_reviewer') || r.has('unit_head') ? null : '只有本单位的信息员、审核人或负责人可以编辑'
    case 'reject':
    case 'approve':
      if (!r.has('unit_reviewer') && !r.has('unit_head')) return '只有本单位的审核人或负责人可以审核'
      // 2i: a second pair of eyes. Nobody approves what they submitted themselves.
      if (action === 'approve' && edition.submittedByUserId === actor.userId) return '不能审核通过自己提交的信息，请由本单位其他审核人审核'
      return null
    case 'publish':
    case 'schedule':
      return r.has('unit_editor') || r.has('unit_reviewer') || r.has('unit_head') ? null : '只有本单位人员可以发布'
    case 'force_publish':
      return r.has('unit_head') ? null : '只有单位负责人可以直接发布'
    case 'approve_retrospectively':
      if (!edition.needsReview) return '这条信息不需要补审'
      if (!r.has('unit_reviewer') && !r.has('unit_head')) return '只有本单位的审核人或负责人可以补审'
      return edition.publishedByUserId === actor.userId ? '不能补审自己直接发布的信息' : null
    case 'withdraw':
      return r.has('unit_reviewer') || r.has('unit_head') ? null : '只有本单位的审核人或负责人可以撤回已发布的信息'
  }
}

export const ACTION_LABELS: Record<WorkflowAction, string> = {
  edit: '修改', submit: '提交审核', reject: '退回', approve: '审核通过', publish: '发布', schedule: '定时发布', force_publish: '直接发布',
  approve_retrospectively: '补审', withdraw: '撤回', new_edition: '修订', discard: '删除草稿',
}

/** The actions `actor` may take now, for showing buttons. */
export function availableActions(actor: Actor, edition: EditionFacts): WorkflowAction[] {
  return (Object.keys(FROM) as WorkflowAction[]).filter((a) => workflowRefusal(actor, a, edition) === null)
}
