import type { FieldMessage } from '../../../platform/http/errors.ts'
import { Button, ErrorSummary, Form, Notice, TextField } from '../../../platform/views/components.tsx'
import { orgPaths } from '../orgs.paths.ts'

export function PasswordForm({ csrf, mustChange, errors, done }: { csrf: string; mustChange: boolean; errors?: FieldMessage[]; done?: boolean }) {
  return (
    <>
      <h1>修改密码</h1>
      {done ? <Notice>密码已修改。您在其他设备上的登录已全部退出。</Notice> : null}
      {mustChange ? <Notice kind="warning">这是初始密码或重置后的临时密码，请先设置您自己的新密码再继续使用。</Notice> : null}
      <ErrorSummary errors={errors} />
      <Form action={orgPaths.password()} csrf={csrf}>
        <TextField name="currentPassword" label="当前密码" type="password" autocomplete="current-password" width="short" errors={errors} />
        <TextField name="newPassword" label="新密码" type="password" autocomplete="new-password" width="short" errors={errors}
          hint="至少 10 个字符，包含大写字母、小写字母、数字和符号中的至少三类，不能包含用户名" />
        <TextField name="confirmPassword" label="再次输入新密码" type="password" autocomplete="new-password" width="short" errors={errors} />
        <Button>保存新密码</Button>
      </Form>
    </>
  )
}

export function SecondFactorSetup({ csrf, enabled, secret, qrDataUri, errors, done }: { csrf: string; enabled: boolean; secret: string | null; qrDataUri: string | null; errors?: FieldMessage[]; done?: boolean }) {
  return (
    <>
      <h1>双因素认证</h1>
      {done ? <Notice>双因素认证已开启。以后登录时，输入密码后还需输入验证器应用中的动态验证码。</Notice> : null}
      {enabled ? (
        <p>您的账号已开启双因素认证。如果手机丢失，请联系安全管理员重置。</p>
      ) : secret ? (
        <>
          <p>第一步：用手机上的验证器应用（例如“腾讯身份验证器”或其他支持 TOTP 的应用）扫描下面的二维码，或手动输入密钥。</p>
          {qrDataUri ? <img class="qr" src={qrDataUri} alt={`双因素认证二维码，无法扫描时请手动输入密钥 ${secret}`} /> : null}
          <p>密钥：<span class="totp-secret">{secret}</span></p>
          <p>第二步：输入验证器应用中显示的 6 位数字，完成开启。</p>
          <ErrorSummary errors={errors} />
          <Form action={orgPaths.secondFactorSetup()} csrf={csrf}>
            <input type="hidden" name="step" value="confirm" />
            <TextField name="code" label="动态验证码" inputmode="numeric" autocomplete="one-time-code" width="short" errors={errors} />
            <Button>开启双因素认证</Button>
          </Form>
        </>
      ) : (
        <>
          <p>开启后，登录时除密码外还需输入手机验证器应用生成的动态验证码。建议所有管理员开启。</p>
          <Form action={orgPaths.secondFactorSetup()} csrf={csrf}>
            <input type="hidden" name="step" value="begin" />
            <Button>生成密钥</Button>
          </Form>
        </>
      )}
    </>
  )
}
