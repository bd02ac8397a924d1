/** Public pages of 法定主动公开内容: browse, an item with its metadata block and versions, and search. */
import { statutoryDate } from '../../../platform/clock.ts'
import { Breadcrumbs, EmptyState, Notice, Pagination, TableWrap } from '../../../platform/views/components.tsx'
import { PortalLayout, type ShellModel } from '../../../platform/views/layout.tsx'
import { BrowseNav } from './browse-nav.tsx'
import { ATTACHMENT_TYPES, STATUTORY_SECTIONS, formatSize, formatTopic, VALIDITY_LABELS, WITHDRAWAL_KINDS, sectionOf, type Attachment, type DiffSegment, type RelatedDocument, type PublicItem, type PublicItemPage, type SearchResult, type VersionDiff, type Facet, SEARCH_COUNT_CAP } from '../../publishing/index.ts'

const XXGK = { href: '/xxgk', label: '政府信息公开' }
const CATALOGUE = { href: '/xxgk/fdzdgknr', label: '法定主动公开内容' }
const date = statutoryDate

export function ItemList({ items, unitNames }: { items: PublicItem[]; unitNames: Map<number, string> }) {
  return (
    <ul class="item-list">
      {items.map((i) => (
        <li>
          <a href={`/xxgk/xinxi/${i.itemId}`}>{i.title}</a>
          <span class="item-list__meta">{unitNames.get(i.organisationId)}{i.docNo ? ` · ${i.docNo}` : ''} · {date(i.publishedAt)}{i.validity && i.validity !== 'in_force' ? ` · ${VALIDITY_LABELS[i.validity as keyof typeof VALIDITY_LABELS]}` : ''}</span>
        </li>
      ))}
    </ul>
  )
}

export function CataloguePage({ shell, counts, section, items, total, page, pageSize, unitNames }: {
  shell: ShellModel; counts: Map<string, number>; section?: string; items: PublicItem[]; total: number; page: number; pageSize: number; unitNames: Map<number, string>
}) {
  const current = section ? sectionOf(section) : undefined
  return (
    <PortalLayout shell={shell} title={current ? current.label : '法定主动公开内容'} column="法定主动公开内容">
      <Breadcrumbs items={[{ href: '/', label: '首页' }, XXGK, ...(current ? [CATALOGUE, { label: current.label }] : [{ label: '法定主动公开内容' }])]} />
      <h1>{current ? current.label : '法定主动公开内容'}</h1>
      {current ? <p>依据：{current.column ? current.basis : `《政府信息公开条例》${current.basis}`}。</p> : <p>按《政府信息公开条例》第二十条、第二十一条规定的主动公开内容分类。</p>}
      {current ? null : <BrowseNav current="section" />}
      {!current ? (
        <TableWrap label="目录栏目">
          <table class="table">
            <caption>目录栏目</caption>
            <thead><tr><th scope="col">栏目</th><th scope="col">条例依据</th><th scope="col">已公开</th></tr></thead>
            <tbody>{STATUTORY_SECTIONS.map((s) => <tr><td><a href={`/xxgk/fdzdgknr?section=${s.key}`}>{s.label}</a></td><td>{s.basis}</td><td>{counts.get(s.key) ?? 0} 条</td></tr>)}</tbody>
          </table>
        </TableWrap>
      ) : null}
      <h2>{current ? '本栏目信息' : '最新公开信息'}</h2>
      {items.length ? <ItemList items={items} unitNames={unitNames} /> : <EmptyState title={current ? '本栏目暂无已发布的信息' : '暂无已发布的信息'}>各单位发布的政府信息将按发布时间显示在这里。</EmptyState>}
      <Pagination page={page} pageSize={pageSize} total={total} href={(p) => `/xxgk/fdzdgknr?${new URLSearchParams({ ...(section ? { section } : {}), page: String(p) })}`} />
    </PortalLayout>
  )
}

export function PublicItemView({ shell, page, unitName, qrDataUri, successor, validity, attachments, amendments, targets }: { shell: ShellModel; page: PublicItemPage; unitName: string; qrDataUri: string; successor?: { href: string; name: string }; validity: string | null; attachments: Attachment[]; amendments: RelatedDocument[]; targets: RelatedDocument[] }) {
  const e = page.live
  const section = sectionOf(e.section)
  const withdrawn = page.publicState === 'withdrawn'
  return (
    <PortalLayout shell={shell} title={e.title} column={section?.label ?? '法定主动公开内容'}>
      <Breadcrumbs items={[{ href: '/', label: '首页' }, XXGK, ...(section?.column === 'zhidu' ? [{ href: '/xxgk/zhidu', label: section.label }] : [CATALOGUE, ...(section ? [{ href: `/xxgk/fdzdgknr?section=${section.key}`, label: section.label }] : [])]), { label: '正文' }]} />
      {withdrawn ? (
        <Notice kind="warning">
          <strong>本信息已于 {date(e.updatedAt)} 撤回。</strong>{WITHDRAWAL_KINDS[e.withdrawalKind as keyof typeof WITHDRAWAL_KINDS]?.publicNotice ?? ''}{e.withdrawalExplanation}
        </Notice>
      ) : null}
      {!withdrawn && (validity === 'expired' || validity === 'repealed') && !amendments.some((a) => a.relation === 'repeals') ? (
        <Notice kind="warning">本文件已{validity === 'expired' ? '失效' : '废止'}{validity === 'expired' && e.expiresOn ? `（失效日期 ${e.expiresOn}）` : ''}，仅供查阅。</Notice>
      ) : null}
      {amendments.filter((a) => a.relation === 'repeals').map((a) => <Notice kind="warning">本文件已被<a href={`/xxgk/xinxi/${a.itemId}`}>《{a.title}》</a>废止{a.effectiveOn ? `（${a.effectiveOn} 起）` : ''}。</Notice>)}
      {amendments.filter((a) => a.relation === 'amends').map((a) => <Notice kind="info">本文件已被<a href={`/xxgk/xinxi/${a.itemId}`}>《{a.title}》</a>修改{a.effectiveOn ? `（${a.effectiveOn} 起）` : ''}，请一并查阅。</Notice>)}
      {successor ? <Notice kind="info">发布机构已撤销，其职责由 <a href={successor.href}>{successor.name}</a> 承继。</Notice> : null}
      <table class="meta-block">
        <caption class="visually-hidden">信息属性</caption>
        <tbody>
          <tr><th scope="row">索引号</th><td>{page.indexNo}</td><th scope="row">主题分类</th><td>{formatTopic(e.topic)}</td></tr>
          <tr><th scope="row">发布机构</th><td>{unitName}</td><th scope="row">成文日期</th><td>{e.writtenOn}</td></tr>
          <tr><th scope="row">文号</th><td>{e.docNo ?? '无'}</td><th scope="row">发布日期</th><td>{date(page.firstPublishedAt)}</td></tr>
          <tr><th scope="row">名称</th><td colSpan={3}>{e.title}</td></tr>
          <tr><th scope="row">有效性</th><td>{validity ? VALIDITY_LABELS[validity as keyof typeof VALIDITY_LABELS] : '—'}</td><th scope="row">体裁</th><td>{e.genre}</td></tr>
        </tbody>
      </table>
      <h1>{e.title}</h1>
      {e.summary ? <p class="summary">{e.summary}</p> : null}
      <div class="article-body" dangerouslySetInnerHTML={{ __html: e.bodyHtml }} />
      {targets.length ? (
        <>
          <h2>本文件修改或废止的文件</h2>
          <ul>{targets.map((t) => <li>{t.relation === 'repeals' ? '废止' : '修改'}：<a href={`/xxgk/xinxi/${t.itemId}`}>《{t.title}》</a></li>)}</ul>
        </>
      ) : null}
      {attachments.length ? (
        <>
          <h2>附件</h2>
          <ul class="attachments">{attachments.map((a) => <li><a href={`/xxgk/xinxi/${page.itemId}/fujian/${a.id}`}>{a.fileName}</a>（{ATTACHMENT_TYPES[a.mediaType]?.label ?? a.mediaType}，{formatSize(a.sizeBytes)}）</li>)}</ul>
        </>
      ) : null}
      <h2>版本记录</h2>
      <ol class="versions">
        {page.versions.map((v) => (
          <li>
            版本 {v.versionNo}，{v.publishedAt ? date(v.publishedAt) : ''}{v.versionNo === 1 ? '：首次发布' : v.changeNote ? `：${v.changeNote}` : v.changeKind === 'minor' ? '：细微修改' : ''}
            {v.versionNo && v.versionNo > 1 ? <> <a href={`/xxgk/xinxi/${page.itemId}/diff?from=${v.versionNo - 1}&to=${v.versionNo}`}>与版本 {v.versionNo - 1} 比较</a></> : null}
          </li>
        ))}
      </ol>
      <aside class="secondary-content qr-block" aria-label="用手机打开本页">
        <img class="qr" src={qrDataUri} alt="本页网址的二维码，用手机扫描即可打开" />
        <p>用手机扫描二维码打开本页</p>
      </aside>
    </PortalLayout>
  )
}

export interface SearchView {
  query: string
  order: 'relevance' | 'date'
  /** Active filters as query-string values. */
  filters: Record<string, string>
  page: number
  pageSize: number
  result: SearchResult
  unitNames: Map<number, string>
}

const FACET_TITLES: [keyof SearchResult['facets'], string, string][] = [
  ['organisation', 'unit', '发布机构'], ['section', 'section', '目录栏目'], ['topic', 'topic', '主题分类'], ['subtopic', 'subtopic', '二级主题分类'], ['year', 'year', '成文年份'], ['validity', 'validity', '有效性'],
]

/** "1,234 条", or "1,000 条以上" when the search stopped counting. */
function count(n: number, isLowerBound: boolean): string {
  return `${n.toLocaleString('zh-CN')} 条${isLowerBound ? '以上' : ''}`
}

function searchHref(view: SearchView, change: Record<string, string | undefined>): string {
  const params: Record<string, string> = { q: view.query, ...view.filters, ...(view.order === 'date' ? { order: 'date' } : {}) }
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined) delete params[k]
    else params[k] = v
  }
  return `/search?${new URLSearchParams(params)}`
}

export function SearchResultsPage({ shell, view, facetLabel }: { shell: ShellModel; view: SearchView; facetLabel: (facet: string, value: string) => string }) {
  const { query, result } = view
  const active = Object.entries(view.filters)
  return (
    <PortalLayout shell={shell} title="搜索" query={query}>
      <Breadcrumbs items={[{ href: '/', label: '首页' }, { label: '搜索' }]} />
      <h1>搜索</h1>
      {!query ? <p>请在上方搜索框中输入标题、文号或关键词。</p> : (
        <div class="search-layout">
          <div class="search-results">
            {active.length ? (
              <p class="active-filters">已筛选：{active.map(([k, v]) => <a class="tag" href={searchHref(view, { [k]: undefined, page: undefined, ...(k === 'topic' ? { subtopic: undefined } : {}) })}>{facetLabel(k, v)}（取消）</a>)}</p>
            ) : null}
            {result.items.length ? (
              <>
                <p>找到 {count(result.total, result.totalIsLowerBound)}与“{query}”相关的信息{result.docNo ? `（按文号 ${result.docNo} 匹配的排在最前）` : ''}。
                  {result.totalIsLowerBound ? `结果较多，按相关度排序只在其中 ${SEARCH_COUNT_CAP.toLocaleString('zh-CN')} 条和标题含有搜索词的信息中进行，加上关键词可以缩小范围。` : ''}
                  排序：{view.order === 'date' ? <><a href={searchHref(view, { order: undefined, page: undefined })}>按相关度</a> · <strong>按日期</strong></> : <><strong>按相关度</strong> · <a href={searchHref(view, { order: 'date', page: undefined })}>按日期</a></>}
                </p>
                <ul class="item-list">
                  {result.items.map((i) => (
                    <li>
                      <a href={`/xxgk/xinxi/${i.itemId}`}>{i.title}</a>
                      <span class="item-list__meta">{view.unitNames.get(i.organisationId)}{i.docNo ? ` · ${i.docNo}` : ''} · {date(i.publishedAt)}</span>
                      {i.snippetHtml ? <span class="snippet" dangerouslySetInnerHTML={{ __html: i.snippetHtml }} /> : null}
                    </li>
                  ))}
                </ul>
                <Pagination page={view.page} pageSize={view.pageSize} total={result.total} totalText={count(result.total, result.totalIsLowerBound)} href={(p) => searchHref(view, { page: String(p) })} />
              </>
            ) : (
              <EmptyState title={`没有找到与“${query}”相关的信息`}>
                {active.length ? (
                  <p>您设置了筛选条件，可以<a href={searchHref(view, Object.fromEntries(active.map(([k]) => [k, undefined])))}>取消全部筛选</a>后再试
                    {result.unfilteredTotal ? `（不加筛选可找到 ${count(result.unfilteredTotal, result.unfilteredIsLowerBound)}）` : ''}。</p>
                ) : null}
                <p>请试试更短的关键词，或只输入文号（例如“国办发〔2019〕51号”，括号写成 [] 也可以）。</p>
                {result.similarTitles.length ? (
                  <>
                    <h2 class="empty-state__heading">标题相近的信息</h2>
                    <ItemList items={result.similarTitles} unitNames={view.unitNames} />
                  </>
                ) : null}
                {result.nearMatches.length ? (
                  <>
                    <h2 class="empty-state__heading">包含您输入的部分词语的信息</h2>
                    <ItemList items={result.nearMatches} unitNames={view.unitNames} />
                  </>
                ) : null}
                <p>您也可以浏览<a href="/xxgk/fdzdgknr">法定主动公开内容</a>，或通过<a href="/xxgk/ysqgk">依申请公开</a>获取所需信息。</p>
              </EmptyState>
            )}
          </div>
          {result.total > 0 ? (
            <aside class="facets secondary-content" aria-label="按类别筛选">
              {result.facetsSampled ? <p class="facet__note">匹配的信息超过 {SEARCH_COUNT_CAP.toLocaleString('zh-CN')} 条，以下分类取自其中 {SEARCH_COUNT_CAP.toLocaleString('zh-CN')} 条，不显示条数。</p> : null}
              {FACET_TITLES.map(([key, param, title]) => { const facetText = (f: Facet) => result.facetsSampled ? facetLabel(param, f.value) : `${facetLabel(param, f.value)}（${f.count}）`; return result.facets[key].length ? (
                <nav aria-label={`按${title}筛选`}>
                  <h2 class="facet__title">{title}</h2>
                  <ul>{result.facets[key].map((f) => (
                    <li>{view.filters[param] === f.value ? <strong>{facetText(f)}</strong> : <a href={searchHref(view, { [param]: f.value, page: undefined, ...(param === 'topic' ? { subtopic: undefined } : {}) })}>{facetText(f)}</a>}</li>
                  ))}</ul>
                </nav>
              ) : null })}
            </aside>
          ) : null}
        </div>
      )}
    </PortalLayout>
  )
}

function Segments({ segments }: { segments: DiffSegment[] }) {
  return <>{segments.map((s) => (s.change === 'removed' ? <del>{s.text}</del> : s.change === 'added' ? <ins>{s.text}</ins> : s.text))}</>
}

export function VersionDiffPage({ shell, page, from, to, diff, versions }: { shell: ShellModel; page: PublicItemPage; from: number; to: number; diff: VersionDiff; versions: number[] }) {
  const e = page.live
  return (
    <PortalLayout shell={shell} title={`版本比较 - ${e.title}`} column="法定主动公开内容">
      <Breadcrumbs items={[{ href: '/', label: '首页' }, XXGK, CATALOGUE, { href: `/xxgk/xinxi/${page.itemId}`, label: '正文' }, { label: '版本比较' }]} />
      <h1>版本比较：{e.title}</h1>
      <form action={`/xxgk/xinxi/${page.itemId}/diff`} method="get" class="filters">
        <div class="form-group"><label class="label" for="f-from">旧版本</label><select class="select" id="f-from" name="from">{versions.map((v) => <option value={String(v)} selected={v === from}>版本 {v}</option>)}</select></div>
        <div class="form-group"><label class="label" for="f-to">新版本</label><select class="select" id="f-to" name="to">{versions.map((v) => <option value={String(v)} selected={v === to}>版本 {v}</option>)}</select></div>
        <div class="form-group"><button type="submit" class="button button--secondary">比较</button></div>
      </form>
      <p>左栏为版本 {from}，右栏为版本 {to}。<del>删除线</del>表示删去的文字，<ins>下划线</ins>表示新增的文字。</p>
      {diff.fields.length ? (
        <TableWrap label="属性的变化">
          <table class="table">
            <caption>属性的变化</caption>
            <thead><tr><th scope="col">属性</th><th scope="col">版本 {from}</th><th scope="col">版本 {to}</th></tr></thead>
            <tbody>{diff.fields.map((f) => <tr><th scope="row">{f.label}</th><td>{f.before || '（空）'}</td><td>{f.after || '（空）'}</td></tr>)}</tbody>
          </table>
        </TableWrap>
      ) : null}
      {diff.paragraphs.some((r) => r.changed) || diff.fields.length ? (
        <TableWrap label="正文的变化">
          <table class="table diff-table">
            <caption>正文的变化</caption>
            <thead><tr><th scope="col">版本 {from}</th><th scope="col">版本 {to}</th></tr></thead>
            <tbody>{diff.paragraphs.map((r) => <tr class={r.changed ? 'diff-row--changed' : undefined}><td><Segments segments={r.before} /></td><td><Segments segments={r.after} /></td></tr>)}</tbody>
          </table>
        </TableWrap>
      ) : <p>这两个版本的内容相同。</p>}
    </PortalLayout>
  )
}
