/**
 * Demo content of the 政府信息公开专栏 beyond the catalogue: the 公开办's 指南 settings, and a few 政府信息公开制度
 * documents. The 制度 documents are invented for the demo (their titles say so and their 文号 are illustrative),
 * loaded through the same importer as the rest of the demo catalogue.
 */
import type { Db, Trx } from '../database.ts'
import type { Clock } from '../platform/clock.ts'
import { importCatalogue, type ImportResult, type ImportRow } from '../modules/publishing/import-items.ts'

const DEMO_RULE_NOTE = '本文件为演示数据：标题、文号和内容均为示意，不是重庆市开州区的真实文件。'

const RULES: { title: string; docNo: string; writtenOn: string; publishedOn: string; paragraphs: string[] }[] = [
  {
    title: '重庆市开州区政府信息公开保密审查制度', docNo: '开州府办发〔2019〕56号', writtenOn: '2019-08-15', publishedOn: '2019-08-20',
    paragraphs: ['政府信息公开前，由信息形成单位按照“谁公开、谁审查”“先审查、后公开”的原则进行保密审查；不能确定是否可以公开的，报有关主管部门或者保密行政管理部门确定。', '本平台在发布前自动检查身份证号码、手机号码等个人信息，审查记录随信息保存。'],
  },
  {
    title: '重庆市开州区政府信息发布协调制度', docNo: '开州府办发〔2019〕57号', writtenOn: '2019-08-15', publishedOn: '2019-08-20',
    paragraphs: ['行政机关公开政府信息涉及其他机关的，应当与有关机关协商、确认，保证公开的政府信息准确一致。', '协商不一致的，报区政府信息公开工作主管部门协调。'],
  },
  {
    title: '重庆市开州区政府信息公开申请办理工作制度', docNo: '开州府办发〔2019〕58号', writtenOn: '2019-08-15', publishedOn: '2019-08-20',
    paragraphs: ['各单位建立健全政府信息公开申请登记、审核、办理、答复、归档的工作制度（《中华人民共和国政府信息公开条例》第四十五条）。', '答复期限按工作日计算，法定节假日和调休按国务院办公厅每年公布的安排执行。'],
  },
  {
    title: '重庆市开州区政务公开工作考核办法', docNo: '开州府办发〔2020〕12号', writtenOn: '2020-03-10', publishedOn: '2020-03-16',
    paragraphs: ['区政务公开办每月对各单位的主动公开、依申请公开和政务咨询答复情况进行检查并通报，年终汇总考核。'],
  },
]

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** The demo 制度 documents as import rows of the 政府信息公开制度 column (gkzd), issued by the 区政府办公室. */
export function demoRuleRows(): ImportRow[] {
  return RULES.map((r) => ({
    名称: `${r.title}（演示数据）`, 发布机构: 'kzq-bgs', 文号: r.docNo, 成文日期: r.writtenOn, 发布日期: r.publishedOn, 主题分类: '综合政务', 体裁: '通知',
    目录栏目: 'gkzd', 有效性: '有效', 内容概述: DEMO_RULE_NOTE,
    正文: [DEMO_RULE_NOTE, ...r.paragraphs].map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
  }))
}

/** Loads the demo 制度 documents (after the demo catalogue). */
export async function seedDemoRules(db: Db, clock: Clock): Promise<ImportResult> {
  const result = await importCatalogue(db, demoRuleRows(), { dryRun: false, clock, actorLabel: 'demo', audit: false })
  if (result.rejected.length) throw new Error(`演示制度文件未能导入：${result.rejected.map((r) => `第 ${r.row} 行 ${r.field}：${r.message}`).join('；')}`)
  return result
}

/**
 * The 公开办's guide settings, from the contact details the demo already gives the 区政府办公室 (the fax number and
 * e-mail address are left out rather than invented). Other units start without settings, as on a new installation.
 */
export async function seedDemoGuides(trx: Trx, ids: Map<string, number>, now: Date): Promise<void> {
  const office = ids.get('kzq-bgs')
  if (!office) return
  await trx.insertInto('disclosure_guides').values({
    organisation_id: office, office_name: '重庆市开州区人民政府办公室（区政务公开办）', address: '重庆市开州区汉丰街道开州大道中段233号', postcode: '405400',
    office_hours: '工作日 上午 9:00—12:00，下午 14:00—18:00（法定节假日除外）', phone: '023-52222196', channels: JSON.stringify(['in_person', 'post']),
    introduction: '为了便于公民、法人和其他组织获取重庆市开州区人民政府及区政府办公室的政府信息，根据《中华人民共和国政府信息公开条例》，编制本指南。',
    additional_notes: '本指南中的机构信息为演示数据。',
    updated_at: now, updated_by_user_id: null,
  }).execute()
}

/**
 * DEMO DATA — invented, not the real offices: 指南 settings for the units that have demo accounts (区发展改革委,
 * 区财政局, 汉丰街道), so the demo's 依申请公开 letters and online receipt print a contact line (办公地址, 电话, 邮编).
 * Loaded with the full demo only (like the catalogue): test images keep these units without settings, which is how
 * the "ask for the unit's contact" paths are tested; the other units stay without settings in the demo too.
 */
export const DEMO_UNIT_GUIDES: readonly { code: string; officeName: string; address: string; phone: string; email: string }[] = [
  { code: 'fgw', officeName: '重庆市开州区发展和改革委员会办公室', address: '重庆市开州区汉丰街道开州大道中段233号区级机关办公楼4楼', phone: '023-52221406', email: 'kzfgw@example.gov.cn' },
  { code: 'czj', officeName: '重庆市开州区财政局办公室', address: '重庆市开州区汉丰街道南河路168号', phone: '023-52222731', email: 'kzczj@example.gov.cn' },
  { code: '500154001', officeName: '重庆市开州区汉丰街道党政办公室', address: '重庆市开州区汉丰街道安康路36号', phone: '023-52281102', email: 'kzhfjd@example.gov.cn' },
]

export async function seedDemoUnitGuides(db: Db, now: Date): Promise<void> {
  for (const g of DEMO_UNIT_GUIDES) {
    const unit = await db.selectFrom('organisations').select('id').where('code', '=', g.code).executeTakeFirst()
    if (!unit) continue
    await db.insertInto('disclosure_guides').values({
      organisation_id: unit.id, office_name: g.officeName, address: g.address, postcode: '405400', phone: g.phone, email: g.email,
      office_hours: '工作日 上午 9:00—12:00，下午 14:00—18:00（法定节假日除外）', channels: JSON.stringify(['online', 'in_person', 'post', 'email']),
      additional_notes: '本指南中的机构信息为演示数据。', updated_at: now, updated_by_user_id: null,
    }).onConflict((oc) => oc.column('organisation_id').doNothing()).execute()
  }
}
