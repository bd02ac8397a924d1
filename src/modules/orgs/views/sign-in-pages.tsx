import { AdminLayout, type ShellModel } from '../../../platform/views/layout.tsx'
import { Button, ErrorSummary, Form, Notice, TextField } from '../../../platform/views/components.tsx'
import type { FieldMessage } from '../../../platform/http/errors.ts'
import { orgPaths } from '../orgs.paths.ts'

export function SignInPage({ shell, csrf, username = '', returnTo = '', errors, notice }: { shell: ShellModel; csrf: string; username?: string; returnTo?: string; errors?: FieldMessage[]; notice?: string }) {
  return (
    <AdminLayout shell={shell} title="工作人员登录">
      <div class="narrow">
        <h1>工作人员登录</h1>
        {notice ? <Notice kind="info">{notice}</Notice> : null}
        <ErrorSummary errors={errors} />
        <Form action={returnTo ? orgPaths.signIn(returnTo) : orgPaths.signIn()} csrf={csrf}>
          <TextField name="username" label="用户名" value={username} autocomplete="username" width="short" errors={errors} />
          <TextField name="password" label="密码" type="password" autocomplete="current-password" width="short" errors={errors} />
          <Button>登录</Button>
        </Form>
        <p class="hint">忘记密码或账号被锁定，请联系本单位管理员或区政府办公室安全管理员。连续输错密码 5 次，账号将被暂时锁定。</p>
      </div>
    </AdminLayout>
  )
}

export function SecondFactorPage({ shell, csrf, errors }: { shell: ShellModel; csrf: string; errors?: FieldMessage[] }) {
  return (
    <AdminLayout shell={shell} title="输入动态验证码">
      <h1>输入动态验证码</h1>
      <p>您的账号开启了双因素认证。请打开手机上的验证器应用，输入当前显示的 6 位数字。</p>
      <ErrorSummary errors={errors} />
      <Form action={orgPaths.secondFactor()} csrf={csrf}>
        <TextField name="code" label="动态验证码" inputmode="numeric" autocomplete="one-time-code" width="short" errors={errors} />
        <Button>验证</Button>
      </Form>
      <Form action={orgPaths.signOut()} csrf={csrf}><Button variant="link">取消并退出</Button></Form>
    </AdminLayout>
  )
}
