/** Back-office pages: the list of units with the state of their guide, and one unit's 指南 settings form. */
import { formatInstant } from '../../../platform/clock.ts'
import type { FieldMessage } from '../../../platform/http/errors.ts'
import { Breadcrumbs, Button, Checkboxes, ErrorSummary, Form, Notice, TableWrap, TextArea, TextField } from '../../../platform/views/components.tsx'
import type { Organisation } from '../../orgs/index.ts'
import { CHANNEL_KEYS, CHANNELS } from '../guide.forms.ts'
import { guidePaths } from '../guide.paths.ts'

export function SettingsListPage({ units, updated }: { units: Organisation[]; updated: Map<number, Date> }) {
  const filled = units.filter((u) => updated.has(u.id)).length
  return (
    <>
      <h1>政府信息公开指南</h1>
      <p>各单位的指南由本页的设置和该单位在本平台的公开目录自动生成，发布在<a href={guidePaths.publicIndex()}>政府信息公开指南</a>栏目。已填写 {filled} 个单位，未填写 {units.length - filled} 个。</p>
      <TableWrap label="各单位的指南">
        <table class="table">
          <caption>各单位的指南（{units.length} 个）</caption>
          <thead><tr><th scope="col">单位</th><th scope="col">状态</th><th scope="col">最近更新</th></tr></thead>
          <tbody>{units.map((u) => (
            <tr>
              <td><a href={guidePaths.settings(u.id)}>{u.name}</a></td>
              <td>{updated.has(u.id) ? '已填写' : <strong>未填写</strong>}</td>
              <td>{updated.has(u.id) ? formatInstant(updated.get(u.id)!) : '—'}</td>
            </tr>
          ))}</tbody>
        </table>
      </TableWrap>
    </>
  )
}

export function SettingsFormPage({ csrf, unit, values, errors, done, updatedAt, canList }: {
  csrf: string; unit: Organisation; values: Record<string, string | string[]>; errors?: FieldMessage[]; done?: boolean; updatedAt?: Date; canList: boolean
}) {
  const v = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '')
  const channels = ([] as string[]).concat(values.channels ?? [])
  return (
    <>
      {canList ? <Breadcrumbs items={[{ href: guidePaths.settingsList(), label: '政府信息公开指南' }, { label: unit.shortName }]} /> : null}
      <h1>{unit.name}：政府信息公开指南</h1>
      {done ? <Notice>指南已保存，公开页面已更新。</Notice> : null}
      <ErrorSummary errors={errors} />
      <p>
        {updatedAt ? `最近一次保存：${formatInstant(updatedAt)}。` : <strong>本单位尚未填写指南，公开页面目前显示“本单位尚未填写”。</strong>}
        指南的分类、编排体系和申请办法由本平台按《条例》和本单位的公开目录生成，这里填写的是《条例》第十二条要求的工作机构信息和本单位的补充说明。
        <a href={guidePaths.publicUnit(unit.code)}>查看公开的指南</a>
      </p>
      <Form action={guidePaths.settings(unit.id)} csrf={csrf}>
        <h2>政府信息公开工作机构</h2>
        <TextField name="officeName" label="机构名称" hint="负责本单位政府信息公开工作的机构，例如“区财政局办公室”" value={v('officeName')} errors={errors} maxLength={100} />
        <TextField name="address" label="办公地址" value={v('address')} errors={errors} autocomplete="street-address" maxLength={200} />
        <TextField name="postcode" label="邮政编码" value={v('postcode')} errors={errors} width="short" inputmode="numeric" autocomplete="postal-code" maxLength={6} />
        <TextField name="officeHours" label="办公时间" value={v('officeHours')} errors={errors} maxLength={200} />
        <TextField name="phone" label="联系电话" hint="例如 023-52222196；多个号码用顿号隔开" value={v('phone')} errors={errors} type="tel" autocomplete="tel" maxLength={60} />
        <TextField name="fax" label="传真号码（选填）" value={v('fax')} errors={errors} type="tel" maxLength={60} />
        <TextField name="email" label="电子邮箱（选填）" value={v('email')} errors={errors} type="email" autocomplete="email" maxLength={120} />
        <Checkboxes name="channels" label="受理依申请公开的渠道" hint="选择本单位接收书面申请的方式" values={channels} errors={errors}
          options={CHANNEL_KEYS.map((k) => ({ value: k, label: CHANNELS[k].label, hint: CHANNELS[k].hint }))} />
        <h2>本单位的说明</h2>
        <TextArea name="introduction" label="前言（选填）" hint="显示在指南开头。空一行表示另起一段。" value={v('introduction')} errors={errors} rows={4} />
        <TextArea name="additionalNotes" label="其他说明（选填）" hint="例如查阅场所、咨询方式。显示在指南末尾的“其他说明”。" value={v('additionalNotes')} errors={errors} rows={6} />
        <Button>保存指南</Button>
      </Form>
    </>
  )
}
