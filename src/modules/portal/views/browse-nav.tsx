/** URLs of the ways to browse 法定主动公开内容, and the column navigation that links them. */

export const browsePaths = {
  sections: () => '/xxgk/fdzdgknr',
  units: () => '/xxgk/fdzdgknr/danwei',
  unit: (code: string, section?: string, page?: number) => `/xxgk/fdzdgknr/danwei/${code}${query({ lanmu: section, page })}`,
  topics: () => '/xxgk/fdzdgknr/zhuti',
  topic: (topic: string, page?: number) => `/xxgk/fdzdgknr/zhuti/${encodeURIComponent(topic)}${query({ page })}`,
  years: () => '/xxgk/fdzdgknr/niandu',
  year: (year: number, page?: number) => `/xxgk/fdzdgknr/niandu/${year}${query({ page })}`,
  rules: (page?: number) => `/xxgk/zhidu${query({ page })}`,
}

function query(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter(([k, v]) => v !== undefined && v !== '' && !(k === 'page' && v === 1)) as [string, string | number][]
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : ''
}

/** The column's own navigation: the four ways to browse. */
export function BrowseNav({ current }: { current: 'section' | 'unit' | 'topic' | 'year' }) {
  const links: [typeof current, string, string][] = [
    ['section', browsePaths.sections(), '按栏目'], ['unit', browsePaths.units(), '按发布单位'], ['topic', browsePaths.topics(), '按主题分类'], ['year', browsePaths.years(), '按年份'],
  ]
  return (
    <nav class="browse-nav" aria-label="浏览方式">
      <ul>{links.map(([key, href, label]) => <li><a href={href} aria-current={key === current ? 'page' : undefined}>{label}</a></li>)}</ul>
    </nav>
  )
}
