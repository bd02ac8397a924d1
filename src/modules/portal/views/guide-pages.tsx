/** Public pages of 政府信息公开指南: the region-level index and each unit's generated guide. */
import { Breadcrumbs, Notice, SummaryList, TableWrap } from '../../../platform/views/components.tsx'
import { PortalLayout, type ShellModel } from '../../../platform/views/layout.tsx'
import type { Inline, UnitGuide } from '../../guide/index.ts'
import type { Organisation } from '../../orgs/index.ts'

const XXGK = { href: '/xxgk', label: '政府信息公开' }
const GUIDES = { href: '/xxgk/zhinan', label: '政府信息公开指南' }

function Text({ parts }: { parts: Inline[] }) {
  return <>{parts.map((p) => (typeof p === 'string' ? p : <a href={p.href}>{p.text}</a>))}</>
}

export interface GuideIndexRow {
  unit: Organisation
  /** The date the unit last saved its guide, or null. */
  updatedOn: string | null
}

export function GuideIndexPage({ shell, disclosureOffice, rows }: { shell: ShellModel; disclosureOffice?: Organisation; rows: GuideIndexRow[] }) {
  const groups: [string, GuideIndexRow[]][] = [
    ['区政府及部门', rows.filter((r) => !['town', 'subdistrict'].includes(r.unit.kind))],
    ['镇乡街道', rows.filter((r) => ['town', 'subdistrict'].includes(r.unit.kind))],
  ]
  const filled = rows.filter((r) => r.updatedOn).length
  return (
    <PortalLayout shell={shell} title="政府信息公开指南">
      <Breadcrumbs items={[{ href: '/', label: '首页' }, XXGK, { label: '政府信息公开指南' }]} />
      <h1>政府信息公开指南</h1>
      <p>本指南依据《中华人民共和国政府信息公开条例》（以下简称《条例》）第十二条编制，说明本区政府信息公开的机构、方式和程序。区政府各部门和各镇乡街道分别编制本单位的指南，见本页下方的列表。</p>
      <h2>一、主动公开</h2>
      <p>属于主动公开范围的政府信息，自形成或者变更之日起 20 个工作日内，通过本网站“<a href="/xxgk/fdzdgknr">法定主动公开内容</a>”栏目及政府公报、新闻发布会、政务新媒体、公共查阅点等途径公开（《条例》第二十六条）。信息可以按栏目、发布单位、主题分类和年份浏览，也可以搜索。</p>
      <h2>二、依申请公开</h2>
      <p>公民、法人或者其他组织可以向行政机关申请获取相关政府信息。申请应当包括申请人的姓名或者名称、身份证明、联系方式，申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述，以及获取信息的方式、途径（《条例》第二十九条）。</p>
      <p>行政机关能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起 20 个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过 20 个工作日（《条例》第三十三条）。依申请提供政府信息不收取费用；申请数量、频次明显超过合理范围的，可以依照国办函〔2020〕109号收取信息处理费（《条例》第四十二条）。申请办法见<a href="/xxgk/ysqgk">依申请公开</a>。</p>
      <h2>三、政府信息公开工作主管部门</h2>
      {disclosureOffice ? (
        <SummaryList rows={[
          { key: '机构名称', value: disclosureOffice.name },
          { key: '办公地址', value: disclosureOffice.address || '未填写' },
          { key: '办公时间', value: disclosureOffice.officeHours || '未填写' },
          { key: '联系电话', value: disclosureOffice.phone || '未填写' },
          { key: '邮政编码', value: disclosureOffice.postcode || '未填写' },
        ]} />
      ) : <p>本区尚未指定政府信息公开工作主管部门。</p>}
      <h2>四、监督和救济</h2>
      <p>公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。</p>
      <h2>各单位的政府信息公开指南</h2>
      <p>共 {rows.length} 个单位，其中 {filled} 个已填写本单位的工作机构和联系方式。</p>
      {groups.map(([label, list]) => (
        <TableWrap label={label}>
          <table class="table">
            <caption>{label}（{list.length} 个）</caption>
            <thead><tr><th scope="col">单位</th><th scope="col">指南更新日期</th></tr></thead>
            <tbody>{list.map((r) => (
              <tr><td><a href={`/xxgk/zhinan/${r.unit.code}`}>{r.unit.name}</a></td><td>{r.updatedOn ?? '尚未填写'}</td></tr>
            ))}</tbody>
          </table>
        </TableWrap>
      ))}
    </PortalLayout>
  )
}

export function UnitGuidePage({ shell, unit, guide, successor, today }: { shell: ShellModel; unit: Organisation; guide: UnitGuide; successor?: { code: string; name: string }; today: string }) {
  const title = `${unit.name}政府信息公开指南`
  const dissolved = unit.validTo !== null && unit.validTo < today
  return (
    <PortalLayout shell={shell} title={title} column="政府信息公开指南">
      <Breadcrumbs items={[{ href: '/', label: '首页' }, XXGK, GUIDES, { label: unit.shortName }]} />
      <h1>{title}</h1>
      {dissolved ? (
        <Notice kind="warning">本单位已于 {unit.validTo} 撤销。{successor ? <>请查阅承继单位<a href={`/xxgk/zhinan/${successor.code}`}>{successor.name}</a>的指南。</> : null}</Notice>
      ) : null}
      {guide.updatedOn ? <p class="guide-updated">更新日期：<time dateTime={guide.updatedOn}>{guide.updatedOn}</time></p> : (
        <Notice kind="info">本单位尚未填写政府信息公开指南的工作机构和联系方式。下面的分类、获取方式和救济途径由本平台按《条例》和本单位的公开目录生成；需要联系本单位的，请先联系<a href="/xxgk/zhinan">区政府信息公开工作主管部门</a>。</Notice>
      )}
      {guide.introduction.map((p) => <p>{p}</p>)}
      {guide.chapters.map((c) => (
        <section>
          <h2>{c.title}</h2>
          {c.paragraphs.map((p) => <p><Text parts={p} /></p>)}
          {c.parts?.map((part) => <><h3>{part.title}</h3>{part.paragraphs.map((p) => <p><Text parts={p} /></p>)}</>)}
          {c.list?.length ? <ul>{c.list.map((l) => <li><Text parts={l} /></li>)}</ul> : null}
          {c.rows ? <SummaryList rows={c.rows} /> : null}
          {c.missing ? <p class="empty-state__title">{c.missing}</p> : null}
        </section>
      ))}
    </PortalLayout>
  )
}
