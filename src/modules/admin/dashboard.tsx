/** 工作台: what the signed-in staff member can do today, scoped to their unit and role. */
import { formatInstant } from '../../platform/clock.ts'
import { EmptyState, Notice } from '../../platform/views/components.tsx'
import { ROLES, type Actor, type Organisation } from '../orgs/index.ts'

export interface DashboardModel {
  actor: Actor
  organisation: Organisation
  regionName: string
  regionScope: boolean
  unitCount: number
  unitUsers: number
  lastSignIn: Date | null
  mustChangePassword: boolean
  totpEnabled: boolean
  lockedUsers: number
  auditEntriesToday: number
  /** Years (this and next) whose holiday notice is not in the calendar yet, shown to those who keep the calendar. */
  missingCalendarYears: number[]
}

const ROLE_TASKS: Record<string, string> = {
  system_admin: '管理单位（含机构改革的撤销与承继）和用户账号。系统管理员看不到审计日志。',
  security_admin: '解锁被锁定的账号，重置丢失的双因素认证，督促管理员开启双因素认证。',
  audit_admin: '查阅和筛选审计日志，定期校验审计链的完整性。',
  disclosure_admin: '全区政务公开工作的主管：查看和督办各单位的主动公开、依申请公开和信箱办理。',
  unit_admin: '管理本单位的工作人员账号和公开指南联系信息。',
  unit_editor: '起草本单位的主动公开信息，登记依申请公开和信件。',
  unit_reviewer: '审核本单位信息员提交的内容。',
  unit_head: '审批本单位的公开事项和答复。',
}

export function Dashboard({ model }: { model: DashboardModel }) {
  const { actor } = model
  return (
    <>
      <h1>工作台</h1>
      {model.mustChangePassword ? <Notice kind="warning">您仍在使用初始或临时密码。<a href="/admin/account/password">请立即修改密码</a>。</Notice> : null}
      {!model.totpEnabled && actor.roles.some((r) => ROLES[r].scope === 'region') ? <Notice kind="info">管理员账号建议开启<a href="/admin/account/second-factor">双因素认证</a>。</Notice> : null}
      {model.missingCalendarYears.length ? (
        <Notice kind="warning">
          {model.missingCalendarYears.join('、')} 年的国务院放假安排尚未录入工作日历，跨入该年的答复期限都只是暂定的。
          国务院办公厅通常在上一年 10 月至 12 月发布通知，发布后请<a href={`/admin/calendar/notice?year=${model.missingCalendarYears[0]}`}>录入放假通知</a>。
        </Notice>
      ) : null}
      <p>{actor.displayName}，您好。您在{model.regionScope ? `${model.regionName}全区范围` : model.organisation.name}工作。上次登录：{model.lastSignIn ? formatInstant(model.lastSignIn) : '这是您第一次登录'}。</p>
      <h2>您的职责</h2>
      <ul>{actor.roles.map((r) => <li><strong>{ROLES[r].label}</strong>：{ROLE_TASKS[r]}</li>)}</ul>
      <ul class="cards">
        {model.regionScope ? <li class="card"><h2>现有单位</h2><p class="stat">{model.unitCount}</p><p>{model.regionName}的区级部门和镇乡街道</p></li> : null}
        <li class="card"><h2>{model.regionScope ? '本单位账号' : '本单位工作人员'}</h2><p class="stat">{model.unitUsers}</p><p>{model.organisation.shortName}</p></li>
        {actor.roles.includes('security_admin') ? <li class="card"><h2>被锁定的账号</h2><p class="stat">{model.lockedUsers}</p><p><a href="/admin/security">去处理</a></p></li> : null}
        {actor.roles.includes('audit_admin') ? <li class="card"><h2>今日审计记录</h2><p class="stat">{model.auditEntriesToday}</p><p><a href="/admin/audit">查看审计日志</a></p></li> : null}
      </ul>
      {actor.roles.some((r) => r.startsWith('unit_') && r !== 'unit_admin') || actor.roles.includes('disclosure_admin') ? (
        <>
          <h2>待办事项</h2>
          <EmptyState title="暂无待办事项">
            主动公开、依申请公开和区长信箱的待办事项将在这些功能上线后显示在这里。
          </EmptyState>
        </>
      ) : null}
    </>
  )
}
