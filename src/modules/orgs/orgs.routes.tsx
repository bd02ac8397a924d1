/** Back-office routes of the orgs module: sign-in, own account, users, security, organisations, audit log. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ComponentChildren } from 'preact'
import QRCode from 'qrcode'
import { AppError, ConflictError, InvalidInputError, NotFoundError, type FieldMessage } from '../../platform/http/errors.ts'
import { fieldErrors, formBody, safeReturnPath } from '../../platform/http/forms.ts'
import { cookieOptions } from '../../platform/http/server.tsx'
import { CSRF_COOKIE } from '../../platform/http/csrf.ts'
import { listAudit } from './audit-log.ts'
import { authorise } from './authorise.ts'
import { changeOwnPassword, beginSecondFactorSetup, confirmSecondFactor, pendingSecondFactorSecret } from './manage-own-account.ts'
import { createOrganisation, dissolveOrganisation, updateOrganisationProfile } from './manage-organisations.ts'
import { resetSecondFactor, unlockUser } from './manage-security.ts'
import { createUser, resetPassword, setUserDisabled, updateUser } from './manage-users.ts'
import * as forms from './orgs.forms.ts'
import { orgPaths } from './orgs.paths.ts'
import { assignableRoles, can } from './orgs.policy.ts'
import { countUsersByOrganisation, currentRegion, findOrganisation, findUser, findUserByUsername, listOrganisations, listUsers, successionsOf } from './orgs.repository.ts'
import { resolveSession } from './sessions.ts'
import { completeSecondFactor, signIn, signOut } from './sign-in.ts'
import { contextOf, requireStaff, SESSION_COOKIE, StaffPage, type StaffDeps } from './staff-pages.tsx'
import { totpUri } from './totp.ts'
import { PasswordForm, SecondFactorSetup } from './views/account-pages.tsx'
import { AuditLogPage, NewOrganisationForm, NewUserForm, OrganisationDetail, OrganisationList, SecurityOverview, UserDetail, UserList, type OrganisationRow } from './views/admin-pages.tsx'
import { SecondFactorPage, SignInPage } from './views/sign-in-pages.tsx'
import type { Role } from './roles.ts'

type Params = { id: string }

function idParam(request: FastifyRequest): number {
  const id = Number((request.params as Params).id)
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError()
  return id
}

function doneOf(request: FastifyRequest): string | undefined {
  const d = (request.query as Record<string, unknown>).done
  return typeof d === 'string' ? d : undefined
}

export async function orgsRoutes(app: FastifyInstance, deps: StaffDeps): Promise<void> {
  const staff = requireStaff(deps)
  const ctx = (request: FastifyRequest) => contextOf(deps, request)
  const page = (request: FastifyRequest, reply: FastifyReply, title: string, body: ComponentChildren, status = 200) =>
    reply.page(<StaffPage deps={deps} request={request} title={title}>{body}</StaffPage>, status)
  const sessionCookie = (reply: FastifyReply, token: string) => reply.setCookie(SESSION_COOKIE, token, cookieOptions(deps.https))

  // ── Sign-in ──────────────────────────────────────────────────────────────
  app.get('/admin/login', async (request, reply) => {
    const returnTo = safeReturnPath((request.query as Record<string, unknown>).return, '')
    const token = request.cookies[SESSION_COOKIE]
    if (token && (await resolveSession(deps.db, token, deps.clock.now(), deps.security))) return reply.redirect(returnTo || orgPaths.dashboard(), 303)
    const notice = (request.query as Record<string, unknown>).signedOut ? '您已安全退出。' : undefined
    return reply.page(<SignInPage shell={request.shell} csrf={request.csrfToken()} returnTo={returnTo} notice={notice} />)
  })

  app.post('/admin/login', async (request, reply) => {
    const returnTo = safeReturnPath((request.query as Record<string, unknown>).return, '')
    const form = forms.SignInForm.safeParse(formBody(request.body))
    const username = typeof (request.body as any)?.username === 'string' ? String((request.body as any).username).slice(0, 64) : ''
    if (!form.success) return reply.page(<SignInPage shell={request.shell} csrf={request.csrfToken()} username={username} returnTo={returnTo} errors={fieldErrors(form.error)} />, 400)
    try {
      const result = await signIn(contextOf(deps, request), form.data)
      if (!result.ok) return reply.page(<SignInPage shell={request.shell} csrf={request.csrfToken()} username={username} returnTo={returnTo} errors={[{ field: 'password', message: result.message }]} />, 401)
      sessionCookie(reply, result.token)
      reply.clearCookie(CSRF_COOKIE, { path: '/' }) // a new CSRF seed after sign-in
      if (result.pendingSecondFactor) return reply.redirect(orgPaths.secondFactor(), 303)
      if (result.mustChangePassword && deps.security.enforcePasswordChange) return reply.redirect(orgPaths.password(), 303)
      return reply.redirect(returnTo || orgPaths.dashboard(), 303)
    } catch (error) {
      if (error instanceof AppError && error.status === 429) return reply.page(<SignInPage shell={request.shell} csrf={request.csrfToken()} username={username} errors={[{ field: '', message: error.message }]} />, 429)
      throw error
    }
  })

  async function pendingSession(request: FastifyRequest) {
    const token = request.cookies[SESSION_COOKIE]
    const session = token ? await resolveSession(deps.db, token, deps.clock.now(), deps.security) : null
    return session?.pendingSecondFactor ? session : null
  }

  app.get('/admin/login/second-factor', async (request, reply) => {
    if (!(await pendingSession(request))) return reply.redirect(orgPaths.signIn(), 303)
    return reply.page(<SecondFactorPage shell={request.shell} csrf={request.csrfToken()} />)
  })

  app.post('/admin/login/second-factor', async (request, reply) => {
    const session = await pendingSession(request)
    if (!session) return reply.redirect(orgPaths.signIn(), 303)
    const form = forms.SecondFactorForm.safeParse(formBody(request.body))
    if (!form.success) return reply.page(<SecondFactorPage shell={request.shell} csrf={request.csrfToken()} errors={fieldErrors(form.error)} />, 400)
    const result = await completeSecondFactor({ ...contextOf(deps, request), actor: session.actor }, { sessionId: session.sessionId, userId: session.actor.userId, code: form.data.code })
    if (!result.ok) return reply.page(<SecondFactorPage shell={request.shell} csrf={request.csrfToken()} errors={[{ field: 'code', message: result.message }]} />, 401)
    if (session.actor.mustChangePassword && deps.security.enforcePasswordChange) return reply.redirect(orgPaths.password(), 303)
    return reply.redirect(orgPaths.dashboard(), 303)
  })

  app.post('/admin/logout', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE]
    const session = token ? await resolveSession(deps.db, token, deps.clock.now(), deps.security) : null
    if (session) await signOut({ ...contextOf(deps, request), actor: session.actor }, session.sessionId)
    reply.clearCookie(SESSION_COOKIE, { path: '/' })
    return reply.redirect(`${orgPaths.signIn()}?signedOut=1`, 303)
  })

  // ── Own account ──────────────────────────────────────────────────────────
  const passwordGuard = requireStaff(deps, { allowPendingPasswordChange: true })
  app.get('/admin/account/password', { preHandler: passwordGuard }, async (request, reply) =>
    page(request, reply, '修改密码', <PasswordForm csrf={request.csrfToken()} mustChange={request.actor!.mustChangePassword} done={doneOf(request) === 'saved'} />))

  app.post('/admin/account/password', { preHandler: passwordGuard }, async (request, reply) => {
    const form = forms.ChangePasswordForm.safeParse(formBody(request.body))
    const render = (errors: FieldMessage[]) => page(request, reply, '修改密码', <PasswordForm csrf={request.csrfToken()} mustChange={request.actor!.mustChangePassword} errors={errors} />, 400)
    if (!form.success) return render(fieldErrors(form.error))
    try {
      await changeOwnPassword(ctx(request), request.sessionId!, form.data)
    } catch (error) {
      if (error instanceof InvalidInputError) return render(error.fields)
      throw error
    }
    return reply.redirect(`${orgPaths.password()}?done=saved`, 303)
  })

  app.get('/admin/account/second-factor', { preHandler: staff }, async (request, reply) => {
    const secret = request.actor!.totpEnabled ? null : await pendingSecondFactorSecret(ctx(request))
    return renderSecondFactorSetup(request, reply, secret, undefined, doneOf(request) === 'enabled')
  })

  async function renderSecondFactorSetup(request: FastifyRequest, reply: FastifyReply, secret: string | null, errors?: FieldMessage[], done?: boolean) {
    const uri = secret ? totpUri(secret, request.actor!.username, `${request.shell.site.regionName}政务公开`) : null
    const qr = uri ? `data:image/svg+xml;base64,${Buffer.from(await QRCode.toString(uri, { type: 'svg', margin: 1 })).toString('base64')}` : null
    return page(request, reply, '双因素认证', <SecondFactorSetup csrf={request.csrfToken()} enabled={request.actor!.totpEnabled} secret={secret} qrDataUri={qr} errors={errors} done={done} />, errors ? 400 : 200)
  }

  app.post('/admin/account/second-factor', { preHandler: staff }, async (request, reply) => {
    const body = formBody(request.body)
    if (request.actor!.totpEnabled) return reply.redirect(orgPaths.secondFactorSetup(), 303)
    if (body.step === 'begin') {
      await beginSecondFactorSetup(ctx(request))
      return reply.redirect(orgPaths.secondFactorSetup(), 303)
    }
    const form = forms.SecondFactorForm.safeParse(body)
    const secret = await pendingSecondFactorSecret(ctx(request))
    if (!form.success) return renderSecondFactorSetup(request, reply, secret, fieldErrors(form.error))
    try {
      await confirmSecondFactor(ctx(request), form.data.code)
    } catch (error) {
      if (error instanceof InvalidInputError) return renderSecondFactorSetup(request, reply, secret, error.fields)
      throw error
    }
    return reply.redirect(`${orgPaths.secondFactorSetup()}?done=enabled`, 303)
  })

  // ── Users ────────────────────────────────────────────────────────────────
  async function organisationsMap(request: FastifyRequest) {
    const list = await listOrganisations(deps.db, request.actor!.regionId)
    return { list, map: new Map(list.map((o) => [o.id, o])) }
  }

  app.get('/admin/users', { preHandler: staff }, async (request, reply) => {
    const actor = request.actor!
    const all = can(actor, 'users.list')
    // A section, not a record: refused users see 没有权限 (403).
    if (!all && !can(actor, 'users.manage', actor.organisationId)) await authorise(ctx(request), 'users.list')
    const users = await listUsers(deps.db, all ? {} : { organisationId: actor.organisationId })
    const { map } = await organisationsMap(request)
    return page(request, reply, '用户管理', <UserList users={users} organisations={map} now={deps.clock.now()} canCreate filterOrganisationId={all ? undefined : actor.organisationId} done={doneOf(request)} />)
  })

  async function creatableOrganisations(request: FastifyRequest) {
    const actor = request.actor!
    const today = deps.clock.today()
    const { list } = await organisationsMap(request)
    return list.filter((o) => (!o.validTo || o.validTo >= today) && can(actor, 'users.manage', o.id))
  }

  // The system administrator may give any role (assignableRoles ignores the unit for them); a 单位管理员 the unit roles.
  const assignableAll = (request: FastifyRequest): Role[] => assignableRoles(request.actor!, request.actor!.organisationId)

  app.get('/admin/users/new', { preHandler: staff }, async (request, reply) => {
    const actor = request.actor!
    if (!can(actor, 'users.list') && !can(actor, 'users.manage', actor.organisationId)) await authorise(ctx(request), 'users.manage')
    const organisations = await creatableOrganisations(request)
    return page(request, reply, '新建用户', <NewUserForm csrf={request.csrfToken()} organisations={organisations} assignable={assignableAll(request)} values={{ organisationId: organisations.length === 1 ? organisations[0]!.id : '' }} />)
  })

  app.post('/admin/users/new', { preHandler: staff }, async (request, reply) => {
    const body = formBody(request.body)
    const values = { username: String(body.username ?? ''), displayName: String(body.displayName ?? ''), organisationId: String(body.organisationId ?? ''), roles: ([] as string[]).concat(body.roles ?? []) }
    const render = async (errors: FieldMessage[], status = 400) =>
      page(request, reply, '新建用户', <NewUserForm csrf={request.csrfToken()} organisations={await creatableOrganisations(request)} assignable={assignableAll(request)} values={values} errors={errors} />, status)
    const form = forms.CreateUserForm.safeParse(body)
    if (!form.success) return render(fieldErrors(form.error))
    try {
      const id = await createUser(ctx(request), { ...form.data, roles: form.data.roles as Role[] })
      return reply.redirect(`${orgPaths.user(id)}?done=created`, 303)
    } catch (error) {
      if (error instanceof InvalidInputError) return render(error.fields)
      if (error instanceof ConflictError) return render([{ field: 'username', message: error.message }], 409)
      throw error
    }
  })

  async function loadUserFor(request: FastifyRequest) {
    const user = await findUser(deps.db, idParam(request))
    if (!user) throw new NotFoundError()
    // Reading a user is managing-level: another unit's user is "not found".
    await authorise(ctx(request), 'users.manage', { organisationId: user.organisationId, type: 'user', id: user.id })
    return user
  }

  async function renderUser(request: FastifyRequest, reply: FastifyReply, opts: { errors?: FieldMessage[]; values?: { displayName?: string; roles?: string[] }; status?: number } = {}) {
    const user = await loadUserFor(request)
    const organisation = await findOrganisation(deps.db, user.organisationId)
    return page(request, reply, user.displayName, <UserDetail csrf={request.csrfToken()} user={user} organisation={organisation} assignable={assignableRoles(request.actor!, user.organisationId)} canManage values={opts.values} errors={opts.errors} done={doneOf(request)} now={deps.clock.now()} />, opts.status ?? 200)
  }

  app.get('/admin/users/:id', { preHandler: staff }, async (request, reply) => renderUser(request, reply))

  app.post('/admin/users/:id', { preHandler: staff }, async (request, reply) => {
    const body = formBody(request.body)
    const values = { displayName: String(body.displayName ?? ''), roles: ([] as string[]).concat(body.roles ?? []) }
    const form = forms.UpdateUserForm.safeParse(body)
    if (!form.success) return renderUser(request, reply, { errors: fieldErrors(form.error), values, status: 400 })
    try {
      await updateUser(ctx(request), idParam(request), { displayName: form.data.displayName, roles: form.data.roles as Role[] })
    } catch (error) {
      if (error instanceof InvalidInputError) return renderUser(request, reply, { errors: error.fields, values, status: 400 })
      throw error
    }
    return reply.redirect(`${orgPaths.user(idParam(request))}?done=saved`, 303)
  })

  app.post('/admin/users/:id/password', { preHandler: staff }, async (request, reply) => {
    const form = forms.ResetPasswordForm.safeParse(formBody(request.body))
    if (!form.success) return renderUser(request, reply, { errors: fieldErrors(form.error), status: 400 })
    try {
      await resetPassword(ctx(request), idParam(request), form.data.password)
    } catch (error) {
      if (error instanceof InvalidInputError) return renderUser(request, reply, { errors: error.fields, status: 400 })
      throw error
    }
    return reply.redirect(`${orgPaths.user(idParam(request))}?done=password`, 303)
  })

  for (const [suffix, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(`/admin/users/:id/${suffix}`, { preHandler: staff }, async (request, reply) => {
      try {
        await setUserDisabled(ctx(request), idParam(request), disabled)
      } catch (error) {
        if (error instanceof InvalidInputError) return renderUser(request, reply, { errors: error.fields, status: 400 })
        throw error
      }
      return reply.redirect(`${orgPaths.user(idParam(request))}?done=${disabled ? 'disabled' : 'enabled'}`, 303)
    })
  }

  // ── Security administration ──────────────────────────────────────────────
  async function renderSecurity(request: FastifyRequest, reply: FastifyReply, errors?: FieldMessage[]) {
    await authorise(ctx(request), 'security.manage')
    const now = deps.clock.now()
    const users = await listUsers(deps.db)
    const { map } = await organisationsMap(request)
    const locked = users.filter((u) => u.lockedUntil && new Date(u.lockedUntil) > now)
    const admins = users.filter((u) => !u.disabledAt && !u.totpEnabled && u.roles.some((r) => ['system_admin', 'security_admin', 'audit_admin', 'disclosure_admin', 'unit_admin'].includes(r)))
    const body = <>{errors ? <div class="error-summary" role="alert"><h2 class="error-summary__title">提交的内容有问题</h2><ul class="error-summary__list">{errors.map((e) => <li>{e.message}</li>)}</ul></div> : null}<SecurityOverview csrf={request.csrfToken()} locked={locked} withoutSecondFactor={admins} organisations={map} done={doneOf(request)} /></>
    return page(request, reply, '安全管理', body, errors ? 400 : 200)
  }
  app.get('/admin/security', { preHandler: staff }, async (request, reply) => renderSecurity(request, reply))
  app.post('/admin/security/users/:id/unlock', { preHandler: staff }, async (request, reply) => {
    await unlockUser(ctx(request), idParam(request))
    return reply.redirect(`${orgPaths.security()}?done=unlocked`, 303)
  })
  app.post('/admin/security/users/:id/reset-second-factor', { preHandler: staff }, async (request, reply) => {
    await resetSecondFactor(ctx(request), idParam(request))
    return reply.redirect(`${orgPaths.security()}?done=second-factor-reset`, 303)
  })
  app.post('/admin/security/reset-second-factor', { preHandler: staff }, async (request, reply) => {
    await authorise(ctx(request), 'security.manage')
    const username = String(formBody(request.body).username ?? '').trim()
    const user = username ? await findUserByUsername(deps.db, username) : undefined
    if (!user) return renderSecurity(request, reply, [{ field: 'username', message: username ? `没有用户名为“${username}”的账号` : '请填写要重置的用户名' }])
    await resetSecondFactor(ctx(request), user.id)
    return reply.redirect(`${orgPaths.security()}?done=second-factor-reset`, 303)
  })

  // ── Organisations ────────────────────────────────────────────────────────
  app.get('/admin/organisations', { preHandler: staff }, async (request, reply) => {
    const actor = request.actor!
    const region = await currentRegion(deps.db)
    const all = await listOrganisations(deps.db, region?.id ?? actor.regionId)
    if (!can(actor, 'organisation.view', actor.organisationId)) await authorise(ctx(request), 'organisation.view')
    const visible = all.filter((o) => can(actor, 'organisation.view', o.id))
    const counts = await countUsersByOrganisation(deps.db)
    const byId = new Map(all.map((o) => [o.id, o]))
    const successions = await deps.db.selectFrom('organisation_successions').select(['predecessor_id', 'successor_id']).execute()
    const rows: OrganisationRow[] = visible.map((o) => ({
      organisation: o, users: counts.get(o.id) ?? 0,
      successors: successions.filter((s) => s.predecessor_id === o.id).map((s) => byId.get(s.successor_id)?.shortName ?? ''),
    }))
    return page(request, reply, '单位管理', <OrganisationList rows={rows} canManage={can(actor, 'organisations.manage')} today={deps.clock.today()} done={doneOf(request)} />)
  })

  async function dissolvedOrganisations(request: FastifyRequest) {
    const { list } = await organisationsMap(request)
    return list.filter((o) => o.validTo)
  }

  app.get('/admin/organisations/new', { preHandler: staff }, async (request, reply) => {
    await authorise(ctx(request), 'organisations.manage')
    return page(request, reply, '新增单位', <NewOrganisationForm csrf={request.csrfToken()} predecessors={await dissolvedOrganisations(request)} values={{}} />)
  })

  app.post('/admin/organisations/new', { preHandler: staff }, async (request, reply) => {
    await authorise(ctx(request), 'organisations.manage')
    const body = formBody(request.body)
    const render = async (errors: FieldMessage[], status = 400) => page(request, reply, '新增单位', <NewOrganisationForm csrf={request.csrfToken()} predecessors={await dissolvedOrganisations(request)} values={body} errors={errors} />, status)
    const form = forms.CreateOrganisationForm.safeParse(body)
    if (!form.success) return render(fieldErrors(form.error))
    try {
      const id = await createOrganisation(ctx(request), form.data as any)
      return reply.redirect(`${orgPaths.organisation(id)}?done=created`, 303)
    } catch (error) {
      if (error instanceof InvalidInputError) return render(error.fields)
      if (error instanceof ConflictError) return render([{ field: 'code', message: error.message }], 409)
      throw error
    }
  })

  async function renderOrganisation(request: FastifyRequest, reply: FastifyReply, opts: { errors?: FieldMessage[]; values?: Record<string, string>; status?: number } = {}) {
    const actor = request.actor!
    const organisation = await findOrganisation(deps.db, idParam(request))
    if (!organisation) throw new NotFoundError()
    await authorise(ctx(request), 'organisation.view', { organisationId: organisation.id, type: 'organisation', id: organisation.id })
    const successions = await successionsOf(deps.db, organisation.id)
    const today = deps.clock.today()
    const { list } = await organisationsMap(request)
    const users = (await countUsersByOrganisation(deps.db)).get(organisation.id) ?? 0
    return page(request, reply, organisation.shortName, (
      <OrganisationDetail csrf={request.csrfToken()} organisation={organisation} successions={successions}
        canEditProfile={can(actor, 'organisation.editProfile', organisation.id)} canManage={can(actor, 'organisations.manage')}
        candidates={list.filter((o) => !o.validTo || o.validTo >= today)} values={opts.values} errors={opts.errors} done={doneOf(request)} users={users} />
    ), opts.status ?? 200)
  }

  app.get('/admin/organisations/:id', { preHandler: staff }, async (request, reply) => renderOrganisation(request, reply))

  app.post('/admin/organisations/:id/profile', { preHandler: staff }, async (request, reply) => {
    const body = formBody(request.body)
    const form = forms.OrganisationProfileForm.safeParse(body)
    const values = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<string, string>
    if (!form.success) {
      // Authorise before showing anything of the record.
      const organisation = await findOrganisation(deps.db, idParam(request))
      if (!organisation) throw new NotFoundError()
      await authorise(ctx(request), 'organisation.editProfile', { organisationId: organisation.id, type: 'organisation', id: organisation.id })
      return renderOrganisation(request, reply, { errors: fieldErrors(form.error), values, status: 400 })
    }
    await updateOrganisationProfile(ctx(request), idParam(request), form.data)
    return reply.redirect(`${orgPaths.organisation(idParam(request))}?done=saved`, 303)
  })

  app.post('/admin/organisations/:id/dissolve', { preHandler: staff }, async (request, reply) => {
    await authorise(ctx(request), 'organisations.manage')
    const body = formBody(request.body)
    const values = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<string, string>
    const form = forms.DissolveOrganisationForm.safeParse(body)
    if (!form.success) return renderOrganisation(request, reply, { errors: fieldErrors(form.error), values, status: 400 })
    try {
      await dissolveOrganisation(ctx(request), idParam(request), { validTo: form.data.validTo, successorId: form.data.successorId === '' ? null : form.data.successorId, basis: form.data.basis })
    } catch (error) {
      if (error instanceof InvalidInputError) return renderOrganisation(request, reply, { errors: error.fields, values, status: 400 })
      throw error
    }
    return reply.redirect(`${orgPaths.organisation(idParam(request))}?done=dissolved`, 303)
  })

  // ── Audit log (审计管理员 only) ───────────────────────────────────────────
  app.get('/admin/audit', { preHandler: staff }, async (request, reply) => {
    await authorise(ctx(request), 'audit.read')
    const raw = Object.fromEntries(Object.entries(request.query as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>
    const parsed = forms.AuditFilterForm.safeParse(raw)
    const filter = parsed.success ? parsed.data : { actor: '', action: '', outcome: '' as const, from: '', to: '', page: 1 }
    const pageSize = 50
    const { rows, total } = await listAudit(deps.db, { ...filter, outcome: filter.outcome || undefined, pageSize })
    const queryFor = (p: number) => orgPaths.audit(new URLSearchParams({ ...Object.fromEntries(Object.entries(filter).filter(([k, v]) => k !== 'page' && v)), page: String(p) } as Record<string, string>).toString())
    return page(request, reply, '审计日志', <AuditLogPage rows={rows} total={total} page={filter.page} pageSize={pageSize} filter={raw} errors={parsed.success ? undefined : fieldErrors(parsed.error)} queryFor={queryFor} />, parsed.success ? 200 : 400)
  })
}
