/**
 * Browsing 法定主动公开内容 outside search: by 发布单位, by 主题分类 (first level) and by 成文年份, each with counts,
 * and the 政府信息公开制度 column. Every list is paginated; URLs are paths a person can read and keep.
 */
import type { ComponentChildren } from 'preact'
import { Breadcrumbs, EmptyState, Pagination, TableWrap } from '../../../platform/views/components.tsx'
import { PortalLayout, type ShellModel } from '../../../platform/views/layout.tsx'
import type { Organisation } from '../../orgs/index.ts'
import type { CatalogueSection, PublicItem } from '../../publishing/index.ts'
import { ItemList } from './catalogue-pages.tsx'
import { BrowseNav, browsePaths } from './browse-nav.tsx'

const XXGK = { href: '/xxgk', label: '政府信息公开' }
const CATALOGUE = { href: '/xxgk/fdzdgknr', label: '法定主动公开内容' }

function Frame({ shell, title, crumbs, current, children }: { shell: ShellModel; title: string; crumbs: { href?: string; label: string }[]; current: 'section' | 'unit' | 'topic' | 'year'; children: ComponentChildren }) {
  return (
    <PortalLayout shell={shell} title={title} column="法定主动公开内容">
      <Breadcrumbs items={[{ href: '/', label: '首页' }, XXGK, CATALOGUE, ...crumbs]} />
      <h1>{title}</h1>
      <BrowseNav current={current} />
      {children}
    </PortalLayout>
  )
}

export interface CountRow {
  href: string
  label: string
  count: number
  note?: string
}

function CountTable({ caption, head, rows }: { caption: string; head: string; rows: CountRow[] }) {
  return (
    <TableWrap label={caption}>
      <table class="table">
        <caption>{caption}</caption>
        <thead><tr><th scope="col">{head}</th><th scope="col">已公开</th></tr></thead>
        <tbody>{rows.map((r) => (
          <tr><td>{r.count ? <a href={r.href}>{r.label}</a> : r.label}{r.note ? <span class="tag">{r.note}</span> : null}</td><td>{r.count} 条</td></tr>
        ))}</tbody>
      </table>
    </TableWrap>
  )
}

export function UnitsBrowsePage({ shell, groups }: { shell: ShellModel; groups: { label: string; rows: CountRow[] }[] }) {
  return (
    <Frame shell={shell} title="按发布单位浏览" crumbs={[{ label: '按发布单位' }]} current="unit">
      <p>区政府各部门和各镇乡街道在本平台主动公开的政府信息，按发布单位列出。点击单位名称查看该单位各栏目的信息。</p>
      {groups.filter((g) => g.rows.length).map((g) => <CountTable caption={`${g.label}（${g.rows.length} 个）`} head="发布单位" rows={g.rows} />)}
    </Frame>
  )
}

export interface ListView {
  items: PublicItem[]
  total: number
  page: number
  pageSize: number
  href: (page: number) => string
  unitNames: Map<number, string>
}

function Items({ view, empty }: { view: ListView; empty: string }) {
  return view.items.length ? (
    <>
      <ItemList items={view.items} unitNames={view.unitNames} />
      <Pagination page={view.page} pageSize={view.pageSize} total={view.total} href={view.href} />
    </>
  ) : <EmptyState title={empty}>各单位发布的政府信息将按发布时间显示在这里。</EmptyState>
}

export function UnitBrowsePage({ shell, unit, sections, section, view, dissolvedOn }: {
  shell: ShellModel; unit: Organisation; sections: (CatalogueSection & { count: number })[]; section?: CatalogueSection; view: ListView; dissolvedOn?: string
}) {
  return (
    <Frame shell={shell} title={unit.name} crumbs={[{ href: browsePaths.units(), label: '按发布单位' }, { label: unit.shortName }]} current="unit">
      <p>
        {dissolvedOn ? `本单位已于 ${dissolvedOn} 撤销，撤销前公开的信息保留在这里。` : null}
        本单位的<a href={`/xxgk/zhinan/${unit.code}`}>政府信息公开指南</a>和<a href={`/xxgk/jigou/${unit.code}`}>机构信息</a>。
      </p>
      {sections.length ? (
        <TableWrap label="本单位的栏目">
          <table class="table">
            <caption>本单位发布信息的栏目</caption>
            <thead><tr><th scope="col">栏目</th><th scope="col">条例依据</th><th scope="col">已公开</th></tr></thead>
            <tbody>{sections.map((s) => (
              <tr><td>{section?.key === s.key ? <strong>{s.label}</strong> : <a href={browsePaths.unit(unit.code, s.key)}>{s.label}</a>}</td><td>{s.basis}</td><td>{s.count} 条</td></tr>
            ))}</tbody>
          </table>
        </TableWrap>
      ) : null}
      <h2>{section ? `${section.label}` : '本单位公开的信息'}（{view.total} 条）</h2>
      {section ? <p><a href={browsePaths.unit(unit.code)}>显示本单位全部栏目的信息</a></p> : null}
      <Items view={view} empty="本单位暂无已发布的信息" />
    </Frame>
  )
}

export function TopicsBrowsePage({ shell, rows }: { shell: ShellModel; rows: CountRow[] }) {
  return (
    <Frame shell={shell} title="按主题分类浏览" crumbs={[{ label: '按主题分类' }]} current="topic">
      <p>按国务院公文主题分类的第一级浏览；第二级分类（如“综合政务\政务公开”）的信息归入其所属的第一级。</p>
      <CountTable caption="主题分类" head="主题分类" rows={rows} />
    </Frame>
  )
}

export function TopicBrowsePage({ shell, topic, view }: { shell: ShellModel; topic: string; view: ListView }) {
  return (
    <Frame shell={shell} title={`主题分类：${topic}`} crumbs={[{ href: browsePaths.topics(), label: '按主题分类' }, { label: topic }]} current="topic">
      <p>共 {view.total} 条信息。</p>
      <Items view={view} empty="本主题分类暂无已发布的信息" />
    </Frame>
  )
}

export function YearsBrowsePage({ shell, rows }: { shell: ShellModel; rows: CountRow[] }) {
  return (
    <Frame shell={shell} title="按年份浏览" crumbs={[{ label: '按年份' }]} current="year">
      <p>按信息的成文年份浏览。</p>
      {rows.length ? <CountTable caption="成文年份" head="年份" rows={rows} /> : <EmptyState title="暂无已发布的信息">各单位发布的政府信息将按成文年份列在这里。</EmptyState>}
    </Frame>
  )
}

export function YearBrowsePage({ shell, year, view }: { shell: ShellModel; year: number; view: ListView }) {
  return (
    <Frame shell={shell} title={`${year} 年的政府信息`} crumbs={[{ href: browsePaths.years(), label: '按年份' }, { label: `${year} 年` }]} current="year">
      <p>成文日期在 {year} 年的信息，共 {view.total} 条。</p>
      <Items view={view} empty={`暂无 ${year} 年的已发布信息`} />
    </Frame>
  )
}

export function RulesPage({ shell, view }: { shell: ShellModel; view: ListView }) {
  return (
    <PortalLayout shell={shell} title="政府信息公开制度">
      <Breadcrumbs items={[{ href: '/', label: '首页' }, XXGK, { label: '政府信息公开制度' }]} />
      <h1>政府信息公开制度</h1>
      <p>本栏目发布本区政府信息公开的工作制度，如保密审查、发布协调、依申请公开办理、监督考核等制度文件（国办公开办函〔2019〕61号）。每份制度载明文号和日期，可以查看全文和版本记录。</p>
      {view.items.length ? (
        <>
          <ItemList items={view.items} unitNames={view.unitNames} />
          <Pagination page={view.page} pageSize={view.pageSize} total={view.total} href={view.href} />
        </>
      ) : (
        <EmptyState title="暂无已发布的制度文件">制度文件由各单位在本平台的“政府信息公开制度”栏目发布，经审核后显示在这里。</EmptyState>
      )}
    </PortalLayout>
  )
}
