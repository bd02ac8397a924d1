/** Public pages of the 政府信息公开 column. Content from later wings shows an honest empty state. */
import type { ComponentChildren } from 'preact'
import { Breadcrumbs, EmptyState, Notice, SummaryList } from '../../../platform/views/components.tsx'
import { PortalLayout, PORTAL_NAV, type ShellModel } from '../../../platform/views/layout.tsx'
import type { Organisation, Succession } from '../../orgs/index.ts'


function Page({ shell, title, crumbs, children, query }: { shell: ShellModel; title: string; crumbs?: { href?: string; label: string }[]; children: ComponentChildren; query?: string }) {
  return (
    <PortalLayout shell={shell} title={title} query={query}>
      <Breadcrumbs items={[{ href: '/', label: '首页' }, ...(crumbs ?? [{ label: title }])]} />
      {children}
    </PortalLayout>
  )
}

const XXGK_CRUMB = { href: '/xxgk', label: '政府信息公开' }

export function HomePage({ shell, disclosureOffice, latest }: { shell: ShellModel; disclosureOffice?: Organisation; latest?: ComponentChildren }) {
  return (
    <PortalLayout shell={shell} title="首页">
      <h1 class="visually-hidden">{shell.site.name}</h1>
      <div class="two-columns">
        <section aria-labelledby="home-xxgk">
          <h2 id="home-xxgk">政府信息公开</h2>
          <ul class="cards">
            <li class="card"><h3><a href="/xxgk/zhinan">政府信息公开指南</a></h3><p>公开的范围、方式和程序，各单位的联系方式。</p></li>
            <li class="card"><h3><a href="/xxgk/fdzdgknr">法定主动公开内容</a></h3><p>按《政府信息公开条例》第二十条、第二十一条分类。</p></li>
            <li class="card"><h3><a href="/xxgk/ysqgk">依申请公开</a></h3><p>申请获取政府信息，查询办理进度。</p></li>
            <li class="card"><h3><a href="/xxgk/nianbao">政府信息公开年报</a></h3><p>全区和各单位的年度报告。</p></li>
          </ul>
          <h2>最新公开信息</h2>
          {latest ?? <EmptyState title="暂无已发布的信息">各单位通过本平台发布的政府信息将按发布时间显示在这里。</EmptyState>}
          {latest ? <p><a href="/xxgk/fdzdgknr">更多公开信息</a></p> : null}
        </section>
        <aside class="secondary-content" aria-labelledby="home-contact">
          <h2 id="home-contact">互动交流</h2>
          <p><a href="/hudong/qzxx">区长信箱</a>：咨询、求助、投诉、建议。</p>
          {disclosureOffice ? (
            <>
              <h2>政府信息公开工作机构</h2>
              <p>{disclosureOffice.name}</p>
              {disclosureOffice.address ? <p>地址：{disclosureOffice.address}</p> : null}
              {disclosureOffice.phone ? <p>电话：{disclosureOffice.phone}</p> : null}
            </>
          ) : null}
        </aside>
      </div>
    </PortalLayout>
  )
}

export function DisclosureIndexPage({ shell }: { shell: ShellModel }) {
  return (
    <Page shell={shell} title="政府信息公开">
      <h1>政府信息公开</h1>
      <p>根据《中华人民共和国政府信息公开条例》，本栏目集中发布法定主动公开内容，提供依申请公开渠道。</p>
      <ul class="cards">
        {PORTAL_NAV.slice(2, 7).map((n) => <li class="card"><h2><a href={n.href}>{n.label}</a></h2></li>)}
        <li class="card"><h2><a href="/xxgk/jigou">公开主体</a></h2><p>区政府部门和镇乡街道</p></li>
      </ul>
    </Page>
  )
}

export function EmptyColumnPage({ shell, title, intro, empty, children }: { shell: ShellModel; title: string; intro: string; empty: string; children?: ComponentChildren }) {
  return (
    <Page shell={shell} title={title} crumbs={[XXGK_CRUMB, { label: title }]}>
      <h1>{title}</h1>
      <p>{intro}</p>
      <EmptyState title={empty}>{children}</EmptyState>
    </Page>
  )
}

export function RequestsPage({ shell, disclosureOffice }: { shell: ShellModel; disclosureOffice?: Organisation }) {
  return (
    <Page shell={shell} title="依申请公开" crumbs={[XXGK_CRUMB, { label: '依申请公开' }]}>
      <h1>依申请公开</h1>
      <ul class="cards">
        <li class="card"><h2><a href="/xxgk/ysqgk/shenqing">在线申请</a></h2><p>无需注册，提交后得到查询码。</p></li>
        <li class="card"><h2><a href="/xxgk/ysqgk/chaxun">查询办理进度</a></h2><p>凭查询码和联系电话后 4 位查询进度、下载答复文书。</p></li>
      </ul>
      <h2>如何提交申请</h2>
      <p>请写明：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；获取信息的方式、途径（《条例》第二十九条）。</p>
      {disclosureOffice ? <p>信函请寄：{disclosureOffice.address || disclosureOffice.name}{disclosureOffice.postcode ? `（邮编 ${disclosureOffice.postcode}）` : ''}，信封上请注明“政府信息公开申请”。咨询电话：{disclosureOffice.phone || '见公开指南'}。</p> : null}
      <p>以邮寄方式提交的，以行政机关签收之日为收到申请之日（《条例》第三十一条）。</p>
      <h2>答复期限</h2>
      <p>行政机关自收到申请之日起 20 个工作日内答复（《条例》第三十三条）。您可以用<a href="/gongju/dqjs">答复期限计算</a>核对任何一件申请的答复期限和计算过程。</p>
    </Page>
  )
}

export function UnitsPage({ shell, units }: { shell: ShellModel; units: Organisation[] }) {
  const groups: [string, Organisation[]][] = [
    ['区政府及部门', units.filter((u) => ['government', 'office', 'department', 'other'].includes(u.kind))],
    ['镇乡街道', units.filter((u) => ['town', 'subdistrict'].includes(u.kind))],
  ]
  return (
    <Page shell={shell} title="公开主体" crumbs={[XXGK_CRUMB, { label: '公开主体' }]}>
      <h1>公开主体</h1>
      {groups.map(([label, list]) => (
        <section>
          <h2>{label}（{list.length} 个）</h2>
          <ul class="unit-list">{list.map((u) => <li><a href={`/xxgk/jigou/${u.code}`}>{u.name}</a></li>)}</ul>
        </section>
      ))}
    </Page>
  )
}

export function UnitPage({ shell, unit, successors, predecessors, today }: { shell: ShellModel; unit: Organisation; successors: { succession: Succession; code: string }[]; predecessors: { succession: Succession; code: string }[]; today: string }) {
  const dissolved = unit.validTo !== null && unit.validTo < today
  return (
    <Page shell={shell} title={unit.name} crumbs={[XXGK_CRUMB, { href: '/xxgk/jigou', label: '公开主体' }, { label: unit.shortName }]}>
      <h1>{unit.name}</h1>
      {dissolved ? (
        <Notice kind="warning">
          本单位已于 {unit.validTo} 撤销。
          {successors.length ? <>其职责由{successors.map((s, i) => <>{i ? '、' : ''}<a href={`/xxgk/jigou/${s.code}`}>{s.succession.otherName}</a></>)}承继，请前往承继单位查询。</> : null}
          本单位撤销前公开的信息仍在此保留。
        </Notice>
      ) : null}
      <SummaryList rows={[
        { key: '办公地址', value: unit.address || '未填写' },
        { key: '办公时间', value: unit.officeHours || '未填写' },
        { key: '咨询电话', value: unit.phone || '未填写' },
        { key: '设立日期', value: unit.validFrom },
        ...(predecessors.length ? [{ key: '前身单位', value: <>{predecessors.map((p, i) => <>{i ? '、' : ''}<a href={`/xxgk/jigou/${p.code}`}>{p.succession.otherName}</a></>)}</> }] : []),
      ]} />
      <h2>本单位公开的信息</h2>
      <p><a href={`/xxgk/fdzdgknr/danwei/${unit.code}`}>本单位的法定主动公开内容</a> · <a href={`/xxgk/zhinan/${unit.code}`}>本单位的政府信息公开指南</a></p>
    </Page>
  )
}

export function AccessibilityPage({ shell }: { shell: ShellModel }) {
  return (
    <Page shell={shell} title="无障碍说明">
      <h1>无障碍说明</h1>
      <p>本网站按照 WCAG 2.1 AA 级和 GB/T 37668—2019《信息技术 互联网内容无障碍可访问性技术要求与测试方法》建设，每次更新都经过自动无障碍检查。</p>
      <h2>长辈版</h2>
      <p>点击页面顶部的“长辈版”，网站将使用更大的字体、更高的对比度和更简洁的单栏布局，没有广告和弹窗。再次点击“返回标准版”即可恢复。该设置保存在您的浏览器中，不需要安装任何插件。</p>
      <h2>键盘操作</h2>
      <p>所有功能都可以只用键盘完成：按 Tab 键在链接和按钮之间移动，按回车键确认。每个页面的第一个链接“跳到主要内容”可以跳过导航。</p>
      <h2>读屏软件</h2>
      <p>页面使用规范的标题层级、地标区域和表单标签，适合读屏软件使用。关闭 JavaScript 时，所有页面仍可正常使用。</p>
      <h2>问题反馈</h2>
      <p>如果您在使用中遇到障碍，请拨打 {shell.site.contact} 或通过<a href="/hudong/qzxx">区长信箱</a>告诉我们。</p>
    </Page>
  )
}

export function SitemapPage({ shell }: { shell: ShellModel }) {
  return (
    <Page shell={shell} title="网站地图">
      <h1>网站地图</h1>
      <ul>
        {PORTAL_NAV.map((n) => <li><a href={n.href}>{n.label}</a></li>)}
        <li><a href="/xxgk/jigou">公开主体</a></li>
        <li><a href="/xxgk/fdzdgknr/danwei">法定主动公开内容：按发布单位</a></li>
        <li><a href="/xxgk/fdzdgknr/zhuti">法定主动公开内容：按主题分类</a></li>
        <li><a href="/xxgk/fdzdgknr/niandu">法定主动公开内容：按年份</a></li>
        <li><a href="/gongju/dqjs">答复期限计算</a></li>
        <li><a href="/wza">无障碍说明</a></li>
        <li><a href="/admin">工作人员登录</a></li>
      </ul>
    </Page>
  )
}
