/**
 * Page shells. The portal shell is the 政府网站 frame (site name, 网站标识码, ICP, 无障碍/长辈版 switch);
 * the admin shell is the back office. Both are plain HTML and CSS, usable without JavaScript.
 */
import type { ComponentChildren } from 'preact'

export interface SiteInfo {
  name: string
  regionName: string
  siteCode: string
  icp: string
  psb: string
  sponsor: string
  contact: string
}

export type DisplayMode = 'standard' | 'elder'

/** What every page shell needs to know about the request, without the request itself. */
export interface ShellModel {
  site: SiteInfo
  mode: DisplayMode
  /** Path and query of this page (to come back to after switching modes). */
  path: string
  /** Asset URL suffix for cache busting. */
  assetVersion: string
}

interface DocumentProps {
  shell: ShellModel
  title: string
  column: string
  bodyClass: string
  children: ComponentChildren
}

function Document({ shell, title, column, bodyClass, children }: DocumentProps) {
  return (
    <html lang="zh-CN" class={shell.mode === 'elder' ? 'mode-elder' : 'mode-standard'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta http-equiv="X-UA-Compatible" content="IE=edge" />
        <title>{`${title} - ${shell.site.name}`}</title>
        {/* 《政府网站发展指引》网页设计规范: site and column meta tags */}
        <meta name="SiteName" content={shell.site.name} />
        <meta name="SiteIDCode" content={shell.site.siteCode} />
        <meta name="ColumnName" content={column} />
        <link rel="stylesheet" href={`/assets/site.css?v=${shell.assetVersion}`} />
      </head>
      <body class={bodyClass}>
        <a class="skip-link" href="#main">跳到主要内容</a>
        {children}
      </body>
    </html>
  )
}

export const PORTAL_NAV: { href: string; label: string }[] = [
  { href: '/', label: '首页' },
  { href: '/xxgk', label: '政府信息公开' },
  { href: '/xxgk/zhinan', label: '公开指南' },
  { href: '/xxgk/zhidu', label: '公开制度' },
  { href: '/xxgk/fdzdgknr', label: '法定主动公开内容' },
  { href: '/xxgk/nianbao', label: '公开年报' },
  { href: '/xxgk/ysqgk', label: '依申请公开' },
  { href: '/hudong/qzxx', label: '区长信箱' },
]

function isCurrent(path: string, href: string): boolean {
  const p = path.split('?')[0]!
  return href === '/' ? p === '/' : p === href
}

function ModeSwitch({ shell }: { shell: ShellModel }) {
  const target = shell.mode === 'elder' ? 'standard' : 'elder'
  const label = shell.mode === 'elder' ? '返回标准版' : '长辈版（大字体、高对比度）'
  return <a class="mode-switch" href={`/display?mode=${target}&return=${encodeURIComponent(shell.path)}`}>{label}</a>
}

export function PortalLayout({ shell, title, column, children, query = '' }: { shell: ShellModel; title: string; column?: string; children: ComponentChildren; query?: string }) {
  return (
    <Document shell={shell} title={title} column={column ?? title} bodyClass="portal">
      <header class="site-header">
        <div class="container site-header__top">
          <a class="site-header__name" href="/">
            <span class="site-header__emblem" aria-hidden="true">政</span>
            <span>{shell.site.name}</span>
          </a>
          <div class="site-header__tools">
            <ModeSwitch shell={shell} />
            <a href="/wza">无障碍说明</a>
            <a href="/admin">工作人员登录</a>
          </div>
        </div>
        <nav class="site-nav" aria-label="主导航">
          <ul class="container site-nav__list">
            {PORTAL_NAV.map((n) => (
              <li><a href={n.href} aria-current={isCurrent(shell.path, n.href) ? 'page' : undefined}>{n.label}</a></li>
            ))}
          </ul>
        </nav>
        <div class="container site-search">
          <form action="/search" method="get" role="search" class="search-form">
            <label for="site-search-q" class="visually-hidden">搜索本站政府信息</label>
            <input id="site-search-q" class="input search-form__input" type="search" name="q" value={query} placeholder="输入标题、文号或关键词" />
            <button type="submit" class="button button--primary">搜索</button>
          </form>
        </div>
      </header>
      <main id="main" class="container main" tabIndex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <div class="container">
          <ul class="site-footer__links">
            <li><a href="/xxgk/zhinan">政府信息公开指南</a></li>
            <li><a href="/wza">无障碍说明</a></li>
            <li><a href="/sitemap">网站地图</a></li>
          </ul>
          <p>主办：{shell.site.sponsor}　联系电话：{shell.site.contact}</p>
          <p>网站标识码：{shell.site.siteCode}　<span>{shell.site.icp}</span>{shell.site.psb ? <span>　{shell.site.psb}</span> : null}</p>
        </div>
      </footer>
    </Document>
  )
}

export interface AdminNavItem {
  href: string
  label: string
}

export interface AdminShellUser {
  displayName: string
  organisationName: string
  roleLabels: string[]
}

export function AdminLayout({ shell, title, user, nav, csrf, children }: { shell: ShellModel; title: string; user?: AdminShellUser; nav?: AdminNavItem[]; csrf?: string; children: ComponentChildren }) {
  return (
    <Document shell={shell} title={title} column="管理后台" bodyClass="admin">
      <header class="admin-header">
        <div class="container admin-header__inner">
          <a class="admin-header__name" href="/admin">{shell.site.regionName}政务公开管理平台</a>
          <div class="admin-header__tools">
            {user ? <span class="admin-header__user">{user.organisationName} · {user.displayName}（{user.roleLabels.join('、')}）</span> : null}
            <ModeSwitch shell={shell} />
            {user && csrf ? (
              <form action="/admin/logout" method="post" class="inline-form">
                <input type="hidden" name="_csrf" value={csrf} />
                <button type="submit" class="button button--link admin-header__logout">退出登录</button>
              </form>
            ) : <a href="/">返回网站首页</a>}
          </div>
        </div>
        {nav && nav.length ? (
          <nav class="admin-nav" aria-label="后台导航">
            <ul class="container admin-nav__list">
              {nav.map((n) => <li><a href={n.href} aria-current={isCurrent(shell.path, n.href) ? 'page' : undefined}>{n.label}</a></li>)}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" class="container main" tabIndex={-1}>
        {children}
      </main>
      <footer class="admin-footer">
        <div class="container"><p>Gongkai 政务公开平台 · 技术支持电话：{shell.site.contact}</p></div>
      </footer>
    </Document>
  )
}
