/** Platform pages: errors. Plain, Chinese, with a way forward. */
import { PortalLayout, AdminLayout, type ShellModel } from '../views/layout.tsx'

const TITLES: Record<number, string> = {
  400: '提交的内容有误',
  401: '请先登录',
  403: '没有权限',
  404: '找不到页面',
  405: '不支持此操作方式',
  409: '内容冲突',
  413: '提交的内容太大',
  415: '不支持的提交格式',
  429: '操作过于频繁',
  500: '系统出错了',
  503: '系统暂时不可用',
}

export function errorTitle(status: number): string {
  return TITLES[status] ?? '出错了'
}

export function ErrorPage({ shell, status, message, requestId, admin }: { shell: ShellModel; status: number; message: string; requestId: string; admin: boolean }) {
  const title = errorTitle(status)
  const body = (
    <>
      <h1>{title}</h1>
      <p>{message}</p>
      {status >= 500 ? <p>已记录的内容没有丢失。请稍后重试；如果问题仍然存在，请联系网站管理员并提供编号：<strong>{requestId}</strong>。</p> : null}
      <p>
        {admin ? <a href="/admin">返回管理后台首页</a> : <a href="/">返回网站首页</a>}
        {status === 404 && !admin ? <>，或使用页面上方的搜索框查找政府信息。</> : null}
      </p>
    </>
  )
  return admin ? <AdminLayout shell={shell} title={title}>{body}</AdminLayout> : <PortalLayout shell={shell} title={title}>{body}</PortalLayout>
}
