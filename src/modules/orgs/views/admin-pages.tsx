import { formatInstant } from '../../../platform/clock.ts'
import type { FieldMessage } from '../../../platform/http/errors.ts'
import { Breadcrumbs, Button, Checkboxes, EmptyState, ErrorSummary, Form, Notice, Pagination, Select, SummaryList, TableWrap, TextField } from '../../../platform/views/components.tsx'
import type { AuditRow } from '../audit-log.ts'
import { KIND_LABELS } from '../orgs.forms.ts'
import { orgPaths } from '../orgs.paths.ts'
import type { Organisation, Succession, User } from '../orgs.repository.ts'
import { ROLES, roleLabel, type Role } from '../roles.ts'

const DONE: Record<string, string> = {
  created: '已创建。',
  saved: '已保存。',
  password: '已设置临时密码，该用户下次登录时必须修改密码。',
  disabled: '账号已停用，其登录已全部退出。',
  enabled: '账号已启用。',
  unlocked: '账号已解锁。',
  'second-factor-reset': '双因素认证已重置，该用户需重新设置。',
  dissolved: '已登记撤销。该单位的历史记录保持不变，页面将指向承继单位。',
}

export function DoneNotice({ done }: { done?: string }) {
  const text = done ? DONE[done] : undefined
  return text ? <Notice>{text}</Notice> : null
}

function status(user: User, now: Date) {
  if (user.disabledAt) return <span class="tag tag--red">已停用</span>
  if (user.lockedUntil && new Date(user.lockedUntil) > now) return <span class="tag tag--red">已锁定</span>
  return <span class="tag tag--green">正常</span>
}

export function UserList({ users, organisations, now, canCreate, filterOrganisationId, done }: { users: User[]; organisations: Map<number, Organisation>; now: Date; canCreate: boolean; filterOrganisationId?: number; done?: string }) {
  return (
    <>
      <h1>用户管理</h1>
      <DoneNotice done={done} />
      {canCreate ? <p><a class="button button--primary" href={orgPaths.newUser()}>新建用户</a></p> : null}
      {users.length === 0 ? <EmptyState title="还没有用户">{filterOrganisationId ? '本单位还没有工作人员账号。' : null}</EmptyState> : (
        <TableWrap label="用户列表">
          <table class="table">
            <caption>共 {users.length} 个账号</caption>
            <thead><tr><th scope="col">用户名</th><th scope="col">姓名</th><th scope="col">单位</th><th scope="col">角色</th><th scope="col">双因素</th><th scope="col">状态</th><th scope="col">最近登录</th></tr></thead>
            <tbody>
              {users.map((u) => (
                <tr>
                  <td><a href={orgPaths.user(u.id)}>{u.username}</a></td>
                  <td>{u.displayName}</td>
                  <td>{organisations.get(u.organisationId)?.shortName ?? ''}</td>
                  <td>{u.roles.map(roleLabel).join('、')}</td>
                  <td>{u.totpEnabled ? '已开启' : '未开启'}</td>
                  <td>{status(u, now)}</td>
                  <td>{u.lastSignInAt ? formatInstant(u.lastSignInAt) : '从未登录'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  )
}

export interface UserFormValues {
  username?: string
  displayName?: string
  organisationId?: string | number
  roles?: string[]
}

function roleOptions(roles: Role[]) {
  return roles.map((r) => ({ value: r, label: ROLES[r].label, hint: ROLES[r].scope === 'region' ? '全区范围' : '本单位范围' }))
}

export function NewUserForm({ csrf, organisations, assignable, values, errors }: { csrf: string; organisations: Organisation[]; assignable: Role[]; values: UserFormValues; errors?: FieldMessage[] }) {
  return (
    <>
      <Breadcrumbs items={[{ href: orgPaths.users(), label: '用户管理' }, { label: '新建用户' }]} />
      <h1>新建用户</h1>
      <ErrorSummary errors={errors} />
      <Form action={orgPaths.newUser()} csrf={csrf}>
        <TextField name="username" label="用户名" value={values.username} width="short" errors={errors} hint="登录时使用，例如 fgw.zhang；3 到 32 个小写字母、数字、点、下划线或短横线" />
        <TextField name="displayName" label="姓名" value={values.displayName} width="short" errors={errors} />
        <Select name="organisationId" label="所属单位" value={values.organisationId} placeholder="请选择" options={organisations.map((o) => ({ value: o.id, label: o.name }))} errors={errors} />
        <Checkboxes name="roles" label="角色" values={values.roles ?? []} options={roleOptions(assignable)} errors={errors} hint="三员（系统、安全、审计管理员）不能兼任，也不能兼任业务角色" />
        <TextField name="password" label="初始密码" type="password" autocomplete="new-password" width="short" errors={errors} hint="用户首次登录后必须修改。至少 10 个字符，包含大写字母、小写字母、数字和符号中的至少三类" />
        <Button>创建用户</Button>
      </Form>
    </>
  )
}

export function UserDetail({ csrf, user, organisation, assignable, canManage, values, errors, done, now }: { csrf: string; user: User; organisation: Organisation | undefined; assignable: Role[]; canManage: boolean; values?: UserFormValues; errors?: FieldMessage[]; done?: string; now: Date }) {
  return (
    <>
      <Breadcrumbs items={[{ href: orgPaths.users(), label: '用户管理' }, { label: user.username }]} />
      <h1>{user.displayName}（{user.username}）</h1>
      <DoneNotice done={done} />
      <ErrorSummary errors={errors} />
      <SummaryList rows={[
        { key: '所属单位', value: organisation?.name ?? '' },
        { key: '角色', value: user.roles.map(roleLabel).join('、') },
        { key: '状态', value: status(user, now) },
        { key: '双因素认证', value: user.totpEnabled ? '已开启' : '未开启' },
        { key: '需修改密码', value: user.mustChangePassword ? '是（初始或临时密码）' : '否' },
        { key: '最近登录', value: user.lastSignInAt ? formatInstant(user.lastSignInAt) : '从未登录' },
      ]} />
      {canManage ? (
        <>
          <h2>修改信息和角色</h2>
          <Form action={orgPaths.user(user.id)} csrf={csrf}>
            <TextField name="displayName" label="姓名" value={values?.displayName ?? user.displayName} width="short" errors={errors} />
            <Checkboxes name="roles" label="角色" values={values?.roles ?? user.roles} options={roleOptions(assignable)} errors={errors} />
            <Button>保存</Button>
          </Form>
          <h2>重置密码</h2>
          <Form action={orgPaths.userPassword(user.id)} csrf={csrf}>
            <TextField name="password" label="临时密码" type="password" autocomplete="new-password" width="short" errors={errors} hint="用户下次登录时必须修改；其现有登录将全部退出" />
            <Button variant="secondary">设置临时密码</Button>
          </Form>
          <h2>{user.disabledAt ? '启用账号' : '停用账号'}</h2>
          <Form action={user.disabledAt ? orgPaths.userEnable(user.id) : orgPaths.userDisable(user.id)} csrf={csrf}>
            <p>{user.disabledAt ? '启用后该用户可以重新登录。' : '停用后该用户不能登录，已有登录立即退出。账号和其经手的记录都会保留。'}</p>
            <Button variant={user.disabledAt ? 'secondary' : 'warning'}>{user.disabledAt ? '启用账号' : '停用账号'}</Button>
          </Form>
        </>
      ) : null}
    </>
  )
}

export function SecurityOverview({ csrf, locked, withoutSecondFactor, organisations, done }: { csrf: string; locked: User[]; withoutSecondFactor: User[]; organisations: Map<number, Organisation>; done?: string }) {
  return (
    <>
      <h1>安全管理</h1>
      <DoneNotice done={done} />
      <h2>被锁定的账号</h2>
      {locked.length === 0 ? <p>当前没有被锁定的账号。</p> : (
        <TableWrap label="被锁定的账号">
        <table class="table">
          <caption class="visually-hidden">被锁定的账号（{locked.length} 个）</caption>
          <thead><tr><th scope="col">用户名</th><th scope="col">单位</th><th scope="col">锁定至</th><th scope="col">操作</th></tr></thead>
          <tbody>{locked.map((u) => (
            <tr><td>{u.username}</td><td>{organisations.get(u.organisationId)?.shortName}</td><td>{formatInstant(u.lockedUntil)}</td>
              <td><Form action={orgPaths.unlock(u.id)} csrf={csrf}><Button variant="secondary">解锁 {u.username}</Button></Form></td></tr>
          ))}</tbody>
        </table>
        </TableWrap>
      )}
      <h2>管理员账号的双因素认证</h2>
      {withoutSecondFactor.length === 0 ? <p>所有管理员账号都已开启双因素认证。</p> : (
        <>
          <p>以下管理员账号尚未开启双因素认证，建议督促其在“我的账号”中开启：</p>
          <ul>{withoutSecondFactor.map((u) => <li>{u.displayName}（{u.username}，{organisations.get(u.organisationId)?.shortName}，{u.roles.map(roleLabel).join('、')}）</li>)}</ul>
        </>
      )}
      <h2>重置双因素认证</h2>
      <p>用户手机丢失时，可在此重置其双因素认证；重置后该用户的登录全部退出。</p>
      <Form action="/admin/security/reset-second-factor" csrf={csrf}>
        <TextField name="username" label="用户名" width="short" />
        <Button variant="warning">重置双因素认证</Button>
      </Form>
    </>
  )
}

export interface OrganisationRow {
  organisation: Organisation
  users: number
  successors: string[]
}

export function OrganisationList({ rows, canManage, today, done }: { rows: OrganisationRow[]; canManage: boolean; today: string; done?: string }) {
  const current = rows.filter((r) => !r.organisation.validTo || r.organisation.validTo >= today)
  const past = rows.filter((r) => r.organisation.validTo && r.organisation.validTo < today)
  const table = (list: OrganisationRow[], caption: string, showEnd: boolean) => (
    <TableWrap label={caption}>
      <table class="table">
        <caption>{caption}（{list.length} 个）</caption>
        <thead><tr><th scope="col">单位</th><th scope="col">类型</th><th scope="col">代码</th><th scope="col">设立</th>{showEnd ? <><th scope="col">撤销</th><th scope="col">承继单位</th></> : <th scope="col">账号</th>}</tr></thead>
        <tbody>{list.map((r) => (
          <tr>
            <td><a href={orgPaths.organisation(r.organisation.id)}>{r.organisation.name}</a>{r.organisation.isDisclosureOffice ? <span class="tag">公开办</span> : null}</td>
            <td>{KIND_LABELS[r.organisation.kind] ?? r.organisation.kind}</td>
            <td>{r.organisation.code}</td>
            <td>{r.organisation.validFrom}</td>
            {showEnd ? <><td>{r.organisation.validTo}</td><td>{r.successors.join('、') || '无'}</td></> : <td>{r.users}</td>}
          </tr>
        ))}</tbody>
      </table>
    </TableWrap>
  )
  return (
    <>
      <h1>单位管理</h1>
      <DoneNotice done={done} />
      {canManage ? <p><a class="button button--primary" href={orgPaths.newOrganisation()}>新增单位</a></p> : null}
      {table(current, '现有单位', false)}
      {past.length ? <><h2>已撤销或合并的单位</h2>{table(past, '历史单位', true)}</> : null}
    </>
  )
}

export function OrganisationDetail({ csrf, organisation, successions, canEditProfile, canManage, candidates, values, errors, done, users }: {
  csrf: string; organisation: Organisation; successions: { predecessors: Succession[]; successors: Succession[] }; canEditProfile: boolean; canManage: boolean
  candidates: Organisation[]; values?: Record<string, string>; errors?: FieldMessage[]; done?: string; users: number
}) {
  const v = values ?? {}
  return (
    <>
      <Breadcrumbs items={[{ href: orgPaths.organisations(), label: '单位管理' }, { label: organisation.shortName }]} />
      <h1>{organisation.name}</h1>
      <DoneNotice done={done} />
      {organisation.validTo ? (
        <Notice kind="warning">
          本单位已于 {organisation.validTo} 撤销。
          {successions.successors.length ? <>其职责由 {successions.successors.map((s, i) => <>{i ? '、' : ''}<a href={orgPaths.organisation(s.successorId)}>{s.otherName}</a></>)} 承继（依据：{successions.successors[0]!.basis}）。</> : null}
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} />
      <SummaryList rows={[
        { key: '简称', value: organisation.shortName },
        { key: '类型', value: KIND_LABELS[organisation.kind] ?? organisation.kind },
        { key: '单位代码', value: organisation.code },
        { key: '设立日期', value: organisation.validFrom },
        { key: '前身单位', value: successions.predecessors.length ? successions.predecessors.map((s, i) => <>{i ? '、' : ''}<a href={orgPaths.organisation(s.predecessorId)}>{s.otherName}</a>（{s.effectiveOn}）</>) : '无' },
        { key: '工作人员账号', value: `${users} 个` },
      ]} />
      <h2>公开指南联系信息</h2>
      {canEditProfile ? (
        <Form action={orgPaths.organisationProfile(organisation.id)} csrf={csrf}>
          <TextField name="address" label="办公地址" value={v.address ?? organisation.address} errors={errors} />
          <TextField name="officeHours" label="办公时间" value={v.officeHours ?? organisation.officeHours} errors={errors} />
          <TextField name="phone" label="咨询电话" value={v.phone ?? organisation.phone} width="short" errors={errors} />
          <TextField name="email" label="电子邮箱" value={v.email ?? organisation.email} type="email" errors={errors} />
          <TextField name="postcode" label="邮政编码" value={v.postcode ?? organisation.postcode} width="short" inputmode="numeric" errors={errors} />
          <Button>保存联系信息</Button>
        </Form>
      ) : (
        <SummaryList rows={[
          { key: '办公地址', value: organisation.address || '未填写' },
          { key: '办公时间', value: organisation.officeHours || '未填写' },
          { key: '咨询电话', value: organisation.phone || '未填写' },
        ]} />
      )}
      {canManage && !organisation.validTo ? (
        <>
          <h2>撤销或合并（机构改革）</h2>
          <p>撤销不会删除本单位：其历史记录仍以本单位名义保存，公开页面将指向承继单位。</p>
          <Form action={orgPaths.dissolveOrganisation(organisation.id)} csrf={csrf}>
            <TextField name="validTo" label="撤销日期（本单位存续的最后一天）" value={v.validTo} width="short" errors={errors} hint="例如 2019-02-28" />
            <Select name="successorId" label="承继单位" value={v.successorId} placeholder="无承继单位" options={candidates.filter((c) => c.id !== organisation.id).map((c) => ({ value: c.id, label: c.name }))} errors={errors} />
            <TextField name="basis" label="依据" value={v.basis} errors={errors} hint="例如机构改革方案的名称和文号" />
            <Button variant="warning">登记撤销</Button>
          </Form>
        </>
      ) : null}
    </>
  )
}

export function NewOrganisationForm({ csrf, predecessors, values, errors }: { csrf: string; predecessors: Organisation[]; values: Record<string, string | string[]>; errors?: FieldMessage[] }) {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '')
  const list = (k: string) => (Array.isArray(values[k]) ? (values[k] as string[]) : values[k] ? [values[k] as string] : [])
  return (
    <>
      <Breadcrumbs items={[{ href: orgPaths.organisations(), label: '单位管理' }, { label: '新增单位' }]} />
      <h1>新增单位</h1>
      <ErrorSummary errors={errors} />
      <Form action={orgPaths.newOrganisation()} csrf={csrf}>
        <TextField name="name" label="单位全称" value={str('name')} errors={errors} hint="例如 重庆市开州区市场监督管理局" />
        <TextField name="shortName" label="单位简称" value={str('shortName')} width="short" errors={errors} hint="例如 区市场监管局" />
        <TextField name="code" label="单位代码" value={str('code')} width="short" errors={errors} hint="用于索引号和网址，设定后不能修改，也不会复用" />
        <Select name="kind" label="单位类型" value={str('kind')} placeholder="请选择" options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} errors={errors} />
        <TextField name="validFrom" label="设立日期" value={str('validFrom')} width="short" errors={errors} hint="例如 2019-03-01" />
        <Checkboxes name="predecessorIds" label="前身单位（机构改革时选择）" values={list('predecessorIds')} options={predecessors.map((p) => ({ value: String(p.id), label: p.name, hint: `${p.validTo} 撤销` }))} errors={errors} hint="只列出已撤销的单位；不是机构改革新设的单位不用选择" />
        <TextField name="basis" label="依据" value={str('basis')} errors={errors} />
        <Button>新增单位</Button>
      </Form>
    </>
  )
}

const OUTCOME_LABELS: Record<string, string> = { success: '成功', failure: '失败', denied: '拒绝' }

export function AuditLogPage({ rows, total, page, pageSize, filter, errors, queryFor }: { rows: AuditRow[]; total: number; page: number; pageSize: number; filter: Record<string, string>; errors?: FieldMessage[]; queryFor: (page: number) => string }) {
  return (
    <>
      <h1>审计日志</h1>
      <p>审计日志只能追加，每条记录用 SM3 与上一条链接。可在服务器上运行 <code>npx gongkai audit verify</code> 校验整条链。</p>
      <ErrorSummary errors={errors} />
      <form action={orgPaths.audit()} method="get" class="filters">
        <TextField name="actor" label="操作人用户名" value={filter.actor} width="short" errors={errors} />
        <TextField name="action" label="操作类型" value={filter.action} width="short" errors={errors} hint="例如 auth.sign_in" />
        <Select name="outcome" label="结果" value={filter.outcome} placeholder="全部" options={Object.entries(OUTCOME_LABELS).map(([value, label]) => ({ value, label }))} errors={errors} />
        <TextField name="from" label="从（日期）" value={filter.from} width="short" errors={errors} hint="2026-01-01" />
        <TextField name="to" label="到（日期）" value={filter.to} width="short" errors={errors} hint="2026-12-31" />
        <div class="form-group"><Button>筛选</Button></div>
      </form>
      {rows.length === 0 ? <EmptyState title="没有符合条件的记录">请放宽筛选条件后重试。</EmptyState> : (
        <TableWrap label="审计日志">
          <table class="table">
            <caption>共 {total} 条</caption>
            <thead><tr><th scope="col">序号</th><th scope="col">时间</th><th scope="col">操作人</th><th scope="col">操作</th><th scope="col">结果</th><th scope="col">对象</th><th scope="col">地址</th><th scope="col">详情</th></tr></thead>
            <tbody>{rows.map((r) => (
              <tr>
                <td>{r.seq}</td><td>{formatInstant(r.occurredAt)}</td><td>{r.actorUsername || '（匿名）'}</td><td>{r.action}</td>
                <td>{OUTCOME_LABELS[r.outcome] ?? r.outcome}</td><td>{r.targetType ? `${r.targetType} ${r.targetId}` : ''}</td><td>{r.ip}</td>
                <td><code>{Object.keys(r.details).length ? JSON.stringify(r.details) : ''}</code></td>
              </tr>
            ))}</tbody>
          </table>
        </TableWrap>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} href={queryFor} />
    </>
  )
}
