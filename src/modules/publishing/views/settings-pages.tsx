/** Back-office pages of the catalogue's settings: 主题分类, 敏感词表 and each unit's 索引号规则. */
import { formatInstant } from '../../../platform/clock.ts'
import type { FieldMessage } from '../../../platform/http/errors.ts'
import { Breadcrumbs, Button, EmptyState, ErrorSummary, Form, Notice, Select, SummaryList, TableWrap, TextArea, TextField } from '../../../platform/views/components.tsx'
import { TOPIC_SCHEME } from '../catalogue-terms.ts'
import { CODE_KINDS, DEFAULT_INDEX_PATTERN } from '../index-no.ts'
import type { IndexSetting } from '../index-pattern.ts'
import type { AddedTopicRow } from '../manage-topics.ts'
import { MAX_SENSITIVE_WORD_LENGTH, type SensitiveWordRow } from '../manage-sensitive-words.ts'
import { formatTopic, topicValue, type TopicVocabulary } from '../topics.ts'

export const settingsPaths = {
  topics: () => '/admin/catalogue/settings/topics',
  sensitiveWords: () => '/admin/catalogue/settings/sensitive-words',
  indexRules: () => '/admin/catalogue/settings/index-no',
  indexRule: (organisationId: number) => `/admin/catalogue/settings/index-no/${organisationId}`,
}

// The settings are reached from the back-office menu; not everyone who keeps them may open 主动公开 itself.
const SETTINGS_CRUMB = { href: '/admin', label: '工作台' }

export function TopicsPage({ csrf, vocabulary, added, userNames, values = {}, errors, done }: {
  csrf: string; vocabulary: TopicVocabulary; added: AddedTopicRow[]; userNames: Map<number, string>; values?: Record<string, string>; errors?: FieldMessage[]; done?: string
}) {
  const inForce = added.filter((t) => !t.removedAt)
  const removed = added.filter((t) => t.removedAt)
  return (
    <>
      <Breadcrumbs items={[SETTINGS_CRUMB, { label: '主题分类' }]} />
      <h1>主题分类</h1>
      {done ? <Notice>{done}</Notice> : null}
      <ErrorSummary errors={errors} />
      <p>公开信息按中国政府网的两级主题分类标注（如“综合政务 &gt; 政务公开”）。内置分类表中有一部分二级分类和 5 个一级分类是凭记忆整理、尚未与官方分类表核对的；本区使用中发现缺少的分类，可以在这里添加。添加后，各单位录入公开信息时即可选择。</p>
      <details class="topic-scheme">
        <summary>查看内置分类表（{TOPIC_SCHEME.length} 个一级分类）</summary>
        <ul>{TOPIC_SCHEME.map((t) => <li><strong>{t.label}</strong>{t.recalled ? '（待核对）' : ''}{t.children.length ? `：${t.children.map((c) => `${c.label}${c.recalled ? '*' : ''}`).join('、')}` : ''}</li>)}</ul>
        <p class="hint">带 * 的二级分类和标注“待核对”的一级分类尚未与中国政府网的官方分类表核对。</p>
      </details>

      <h2>添加二级分类</h2>
      <Form action={`${settingsPaths.topics()}/second`} csrf={csrf}>
        <Select name="first" label="所属一级分类" value={values.first} placeholder="请选择" options={vocabulary.groups.map((g) => ({ value: g.first, label: g.first }))} errors={errors} />
        <TextField name="second" label="二级分类名称" value={values.second} errors={errors} hint="不超过 40 个字，例如“乡村振兴”" />
        <TextField name="note" label="二级分类说明（可不填）" value={values.note} errors={errors} hint="例如依据的文件，便于日后核对" />
        <Button>添加二级分类</Button>
      </Form>

      <h2>添加一级分类</h2>
      <p>只有确实不属于任何现有一级分类时才添加一级分类。</p>
      <Form action={`${settingsPaths.topics()}/first`} csrf={csrf}>
        <TextField name="newFirst" label="一级分类名称" value={values.newFirst} errors={errors} />
        <TextField name="newFirstNote" label="一级分类说明（可不填）" value={values.newFirstNote} errors={errors} />
        <Button variant="secondary">添加一级分类</Button>
      </Form>

      <h2>本区添加的分类</h2>
      {inForce.length === 0 ? <EmptyState title="还没有添加分类">目前使用内置分类表。</EmptyState> : (
        <TableWrap label="本区添加的主题分类">
          <table class="table">
            <thead><tr><th scope="col">分类</th><th scope="col">说明</th><th scope="col">添加人</th><th scope="col">添加时间</th><th scope="col">操作</th></tr></thead>
            <tbody>{inForce.map((t) => (
              <tr>
                <td>{formatTopic(topicValue(t.first, t.second))}{t.second ? '' : '（一级）'}</td>
                <td>{t.note}</td>
                <td>{userNames.get(t.addedByUserId) ?? ''}</td>
                <td>{formatInstant(t.addedAt)}</td>
                <td><Form action={`${settingsPaths.topics()}/${t.id}/remove`} csrf={csrf} class="inline-form"><Button variant="link">删除 {formatTopic(topicValue(t.first, t.second))}</Button></Form></td>
              </tr>
            ))}</tbody>
          </table>
        </TableWrap>
      )}
      {removed.length ? (
        <>
          <h2>已删除的分类</h2>
          <TableWrap label="已删除的主题分类">
            <table class="table">
              <thead><tr><th scope="col">分类</th><th scope="col">添加人</th><th scope="col">删除人</th><th scope="col">删除时间</th></tr></thead>
              <tbody>{removed.map((t) => <tr><td>{formatTopic(topicValue(t.first, t.second))}</td><td>{userNames.get(t.addedByUserId) ?? ''}</td><td>{userNames.get(t.removedByUserId ?? 0) ?? ''}</td><td>{formatInstant(t.removedAt)}</td></tr>)}</tbody>
            </table>
          </TableWrap>
        </>
      ) : null}
    </>
  )
}

export function SensitiveWordsPage({ csrf, words, userNames, values = {}, errors, done }: {
  csrf: string; words: SensitiveWordRow[]; userNames: Map<number, string>; values?: Record<string, string>; errors?: FieldMessage[]; done?: string
}) {
  const inForce = words.filter((w) => !w.removedAt)
  const removed = words.filter((w) => w.removedAt)
  const who = (id: number | null) => (id === null ? '系统' : userNames.get(id) ?? '')
  return (
    <>
      <Breadcrumbs items={[SETTINGS_CRUMB, { label: '敏感词表' }]} />
      <h1>敏感词表</h1>
      {done ? <Notice>{done}</Notice> : null}
      <ErrorSummary errors={errors} />
      <p>公开信息提交审核和发布前，系统检查标题、概述、正文和附件中是否出现下列词语；出现的，须修改或由审核人说明理由后放行。词表由公开办或安全管理员会同保密部门维护，本页不对公众公开。</p>
      {inForce.length === 0 ? <Notice kind="warning">敏感词表是空的：隐私审查只检查身份证号码、手机号码和银行卡号。</Notice> : null}
      <h2>添加敏感词</h2>
      <Form action={`${settingsPaths.sensitiveWords()}/add`} csrf={csrf}>
        <TextArea name="words" label="敏感词" value={values.words} rows={4} errors={errors} hint={`每行一个词，每个词 2 到 ${MAX_SENSITIVE_WORD_LENGTH} 个字。全角、半角和大小写视为相同`} />
        <TextField name="note" label="说明（可不填）" value={values.note} errors={errors} hint="例如依据的保密工作通知" />
        <Button>添加</Button>
      </Form>
      <h2>现行词表（{inForce.length} 个）</h2>
      {inForce.length ? (
        <TableWrap label="现行敏感词">
          <table class="table">
            <thead><tr><th scope="col">敏感词</th><th scope="col">说明</th><th scope="col">添加人</th><th scope="col">添加时间</th><th scope="col">操作</th></tr></thead>
            <tbody>{inForce.map((w) => (
              <tr>
                <td>{w.word}</td><td>{w.note}</td><td>{who(w.addedByUserId)}</td><td>{w.addedByUserId === null ? '' : formatInstant(w.addedAt)}</td>
                <td><Form action={`${settingsPaths.sensitiveWords()}/remove`} csrf={csrf} class="inline-form"><input type="hidden" name="word" value={w.word} /><Button variant="link">删除“{w.word}”</Button></Form></td>
              </tr>
            ))}</tbody>
          </table>
        </TableWrap>
      ) : null}
      {removed.length ? (
        <>
          <h2>已删除的词</h2>
          <TableWrap label="已删除的敏感词">
            <table class="table">
              <thead><tr><th scope="col">敏感词</th><th scope="col">添加人</th><th scope="col">删除人</th><th scope="col">删除时间</th></tr></thead>
              <tbody>{removed.map((w) => <tr><td>{w.word}</td><td>{who(w.addedByUserId)}</td><td>{userNames.get(w.removedByUserId ?? 0) ?? ''}</td><td>{formatInstant(w.removedAt)}</td></tr>)}</tbody>
            </table>
          </TableWrap>
        </>
      ) : null}
    </>
  )
}

export interface UnitIndexRule {
  organisationId: number
  name: string
  setting: IndexSetting
  next: string
}

export function IndexRulesPage({ units }: { units: UnitIndexRule[] }) {
  return (
    <>
      <Breadcrumbs items={[SETTINGS_CRUMB, { label: '索引号规则' }]} />
      <h1>索引号规则</h1>
      <p>各单位的索引号按本单位的规则生成。未设置的单位使用默认规则 {DEFAULT_INDEX_PATTERN}（单位编码/年份-五位流水号）。</p>
      <TableWrap label="各单位的索引号规则">
        <table class="table">
          <thead><tr><th scope="col">单位</th><th scope="col">规则</th><th scope="col">单位编码</th><th scope="col">下一个索引号</th></tr></thead>
          <tbody>{units.map((u) => (
            <tr><td><a href={settingsPaths.indexRule(u.organisationId)}>{u.name}</a></td><td class="code-value">{u.setting.pattern}{u.setting.setAt ? '' : '（默认）'}</td><td class="code-value">{u.setting.code}</td><td class="code-value">{u.next}</td></tr>
          ))}</tbody>
        </table>
      </TableWrap>
    </>
  )
}

export function IndexRulePage({ csrf, unitName, organisationId, setting, next, history, userNames, values, errors, preview, done, showList }: {
  csrf: string; unitName: string; organisationId: number; setting: IndexSetting; next: string; history: IndexSetting[]; userNames: Map<number, string>
  values: Record<string, string>; errors?: FieldMessage[]; preview?: string; done?: string; showList: boolean
}) {
  return (
    <>
      <Breadcrumbs items={[SETTINGS_CRUMB, ...(showList ? [{ href: settingsPaths.indexRules(), label: '索引号规则' }] : []), { label: unitName }]} />
      <h1>{unitName}索引号规则</h1>
      {done ? <Notice>{done}</Notice> : null}
      <ErrorSummary errors={errors} />
      <SummaryList rows={[
        { key: '现行规则', value: <span class="code-value">{setting.pattern}{setting.setAt ? '' : '（默认）'}</span> },
        { key: '单位编码', value: <><span class="code-value">{setting.code}</span>（{CODE_KINDS[setting.codeKind]}）</> },
        { key: '下一个索引号', value: <span class="code-value">{next}</span> },
      ]} />
      <h2>修改规则</h2>
      <p>修改后，新建的信息按新规则编号；已有信息的索引号不变。流水号接着本年度已用的号码继续，不会重复使用已经发出的索引号。</p>
      {preview ? <Notice kind="info">按填写的规则，下一个索引号将是 <strong class="code-value">{preview}</strong>。确认无误后点击“保存规则”。</Notice> : null}
      <Form action={settingsPaths.indexRule(organisationId)} csrf={csrf}>
        <TextField name="pattern" label="规则" value={values.pattern} errors={errors} hint="可用 {unit} 单位编码、{yyyy} 年份、{mm} 月份、{serial:05} 五位流水号，例如 {unit}/{yyyy}-{serial:05} 或 {unit}/{yyyy}{mm}-{serial:05}" />
        <Select name="codeKind" label="单位编码类型" value={values.codeKind} options={Object.entries(CODE_KINDS).map(([value, label]) => ({ value, label }))} errors={errors} />
        <TextField name="code" label="单位编码" value={values.code} errors={errors} hint="统一社会信用代码见单位的法人证书，例如 11341702486344515H；组织机构代码例如 000014349" />
        <div class="button-group">
          <Button variant="secondary" name="intent" value="preview">预览下一个索引号</Button>
          <Button name="intent" value="save">保存规则</Button>
        </div>
      </Form>
      <h2>修改记录</h2>
      {history.length === 0 ? <p>本单位一直使用默认规则。</p> : (
        <TableWrap label="索引号规则修改记录">
          <table class="table">
            <thead><tr><th scope="col">启用时间</th><th scope="col">规则</th><th scope="col">单位编码</th><th scope="col">修改人</th></tr></thead>
            <tbody>{history.map((h) => <tr><td>{formatInstant(h.setAt)}</td><td class="code-value">{h.pattern}</td><td class="code-value">{h.code}</td><td>{userNames.get(h.setByUserId ?? 0) ?? ''}</td></tr>)}</tbody>
          </table>
        </TableWrap>
      )}
    </>
  )
}
