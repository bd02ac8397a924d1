/**
 * The seed's 2017 公众诉求 as records, so that the 2017 statistics come out of them rather than being typed in
 * (开州区2017年政府信息公开工作年度报告 第二部分第4点第1项):
 *
 *   "市长信箱共收件32件，办结30件；市长公开电话收件171件，办结166件。区长公开信箱收件1109件，处理完毕1055件；
 *    监评83件，其中优2件、良77件、中4件。共接收区长公开电话3866件，处理完毕3866件。"
 *
 * Each letter has the events of its path (received → accepted → dispatched → replied → released → evaluated/closed;
 * some 区长信箱 letters screened out; hotline calls answered on the spot and closed). Letters carried over at the end of
 * 2017 (1109 − 1055 = 54, 32 − 30 = 2, 171 − 166 = 5) arrived in the last week of December and were answered in
 * January 2018. The report gives no count for the 114阳光政务 line ("继续办好…114阳光政务等热线电话"): the demo
 * records SUNSHINE_114_DEMO calls there so that the channel shows — a demo figure, not the seed's.
 *
 * Everything is inserted in bulk (two statements of unnest arrays), so `npm start`'s first start stays fast.
 */
import { sql } from 'kysely'
import type { Db } from '../database.ts'
import { addWorkingDays, currentCalendar, isWorkingDay, officialCalendar, type Calendar } from '../modules/calendar/index.ts'
import { findUserByUsername, listOrganisations, currentRegion } from '../modules/orgs/index.ts'
import { letterRules, maskName, maskPhone, newQueryCode } from '../modules/letters/index.ts'
import { createFieldCipher } from '../platform/crypto/sm.ts'

type ChannelKey = letterRules.ChannelKey
type CategoryKey = letterRules.CategoryKey

/** The seed's figures per channel: received, handled by 2017-12-31, and the 监评 grades of the 区长公开信箱. */
export const SEED_2017 = {
  district_mailbox: { received: 1109, handled: 1055, supervision: { excellent: 2, good: 77, fair: 4, poor: 0 } },
  mayor_mailbox: { received: 32, handled: 30 },
  mayor_hotline: { received: 171, handled: 166 },
  district_hotline: { received: 3866, handled: 3866 },
} as const
/** Not in the seed: a demo count for the 114阳光政务 line. */
export const SUNSHINE_114_DEMO = 48
/** 区长信箱 letters screened out (不予受理) among the handled ones: a demo share, counted as 处理完毕. */
const NOT_ACCEPTED_2017 = 31

const SUBJECTS: readonly [string, CategoryKey][] = [
  ['小区门口路灯不亮', 'complaint'], ['咨询城乡居民医保缴费时间', 'consultation'], ['夜间施工噪音扰民', 'complaint'], ['建议增设公交站点', 'suggestion'],
  ['农村危房改造补助咨询', 'consultation'], ['举报占道经营', 'report'], ['物业费收取问题', 'complaint'], ['学校周边交通安全', 'suggestion'],
  ['老旧小区改造进度', 'consultation'], ['求助低保申请', 'help'], ['河道垃圾清理', 'complaint'], ['建议延长图书馆开放时间', 'suggestion'],
  ['养老保险转移接续', 'consultation'], ['反映施工扬尘', 'complaint'], ['乡村道路维修', 'help'],
]
const NAMES = ['王明', '李华', '张芳', '刘军', '陈秀英', '杨建国', '黄丽', '赵伟', '吴小红', '周德福', '徐春梅', '孙志强', '马敏', '朱玉兰', '胡国庆', '郭明', '何华', '罗芳', '谭军', '冉秀英']

interface EventRow { type: string; from: string | null; to: string; unitId: number | null; on: string; details: Record<string, unknown> }
interface CaseRow {
  channel: ChannelKey; category: CategoryKey; subject: string; unitId: number | null; state: string; receivedOn: string
  replyText: string | null; repliedOn: string | null; releasedOn: string | null; closedOn: string | null; notAccepted: boolean; onSpot: boolean; grade: string | null
  events: EventRow[]
}

/** Loads the 2017 records once (none if any 2017 letter exists); returns the number of cases inserted. */
export async function seedDemoLetters2017(db: Db, dataKey: string): Promise<number> {
  const existing = await db.selectFrom('letter_cases').select('id').where('received_on', '>=', '2017-01-01').where('received_on', '<=', '2017-12-31').limit(1).executeTakeFirst()
  if (existing) return 0
  const region = await currentRegion(db)
  const gkb = await findUserByUsername(db, 'gkb')
  if (!region || !gkb) return 0
  const calendar: Calendar = (await currentCalendar(db))?.calendar ?? officialCalendar()
  const units = (await listOrganisations(db, region.id)).filter((o) => o.kind === 'department' || o.kind === 'town' || o.kind === 'subdistrict').map((o) => o.id)
  if (!units.length) return 0

  const workingDays: string[] = []
  for (let t = Date.UTC(2017, 0, 1); t <= Date.UTC(2017, 11, 31); t += 86_400_000) {
    const d = new Date(t).toISOString().slice(0, 10)
    if (isWorkingDay(d, calendar)) workingDays.push(d)
  }
  // Cases handled in 2017 arrive between January and 1 December (all answered within twelve working days, so by
  // the end of the year); cases carried over arrive in the last week of December.
  const handledDays = workingDays.filter((d) => d <= '2017-12-01')
  const carriedDays = workingDays.filter((d) => d >= '2017-12-25')
  const plus = (d: string, n: number) => (n === 0 ? d : addWorkingDays(d, n, calendar).date)
  const cases: CaseRow[] = []

  const letterPath = (channel: ChannelKey, i: number, receivedOn: string, handled: boolean, grade: string | null): CaseRow => {
    const [subject, category] = SUBJECTS[i % SUBJECTS.length]!
    const unitId = units[(i * 7 + channel.length) % units.length]!
    const limit = letterRules.replyLimit(channel, category).workingDays
    // Reply after 2–9 working days (a few past the limit), released the next working day; carried-over letters
    // are answered early in January 2018.
    const replyAfter = handled ? 2 + ((i * 5) % 8) : 4 + (i % 3)
    const repliedOn = plus(receivedOn, replyAfter)
    const releasedOn = plus(repliedOn, 1)
    const closedOn = plus(releasedOn, 2)
    const events: EventRow[] = [
      { type: 'received', from: null, to: 'received', unitId: null, on: receivedOn, details: { channel } },
      { type: 'accept', from: 'received', to: 'accepted', unitId: null, on: receivedOn, details: {} },
      { type: 'dispatch', from: 'accepted', to: 'dispatched', unitId, on: receivedOn, details: {} },
      { type: 'reply', from: 'dispatched', to: 'replied', unitId, on: repliedOn, details: { late: replyAfter > limit, overdueWorkingDays: Math.max(0, replyAfter - limit) } },
      { type: 'release', from: 'replied', to: 'released', unitId, on: releasedOn, details: {} },
      grade
        ? { type: 'evaluate', from: 'released', to: 'closed', unitId, on: closedOn, details: { grade, label: letterRules.SUPERVISION_GRADES[grade as 'good'].label } }
        : { type: 'close', from: 'released', to: 'closed', unitId, on: closedOn, details: {} },
    ]
    return {
      channel, category, subject, unitId, state: 'closed', receivedOn, replyText: '经核实，已安排相关部门处理，感谢您的来信。', repliedOn, releasedOn, closedOn,
      notAccepted: false, onSpot: false, grade, events,
    }
  }
  const lettersOf = (channel: ChannelKey, received: number, handled: number, grades: string[] = [], notAccepted = 0) => {
    for (let i = 0; i < received; i++) {
      const isHandled = i < handled
      const receivedOn = isHandled ? handledDays[Math.floor((i * handledDays.length) / handled)]! : carriedDays[i % carriedDays.length]!
      if (isHandled && i >= handled - notAccepted) {
        const [subject, category] = SUBJECTS[i % SUBJECTS.length]!
        const on = plus(receivedOn, 1)
        cases.push({
          channel, category, subject, unitId: null, state: 'not_accepted', receivedOn, replyText: null, repliedOn: null, releasedOn: null, closedOn: on, notAccepted: true, onSpot: false, grade: null,
          events: [
            { type: 'received', from: null, to: 'received', unitId: null, on: receivedOn, details: { channel } },
            { type: 'not_accept', from: 'received', to: 'not_accepted', unitId: null, on, details: { reason: 'petition', label: letterRules.NOT_ACCEPTED.petition.label } },
          ],
        })
      } else cases.push(letterPath(channel, i, receivedOn, isHandled, isHandled ? grades[i] ?? null : null))
    }
  }
  const callsOf = (channel: ChannelKey, count: number) => {
    for (let i = 0; i < count; i++) {
      const [subject, category] = SUBJECTS[(i * 3) % SUBJECTS.length]!
      const on = workingDays[Math.floor((i * workingDays.length) / count)]!
      cases.push({
        channel, category, subject, unitId: null, state: 'closed', receivedOn: on, replyText: '来电当场答复。', repliedOn: on, releasedOn: on, closedOn: on, notAccepted: false, onSpot: true, grade: null,
        events: [
          { type: 'received', from: null, to: 'received', unitId: null, on, details: { channel } },
          { type: 'accept', from: 'received', to: 'accepted', unitId: null, on, details: {} },
          { type: 'answer_on_spot', from: 'accepted', to: 'released', unitId: null, on, details: {} },
          { type: 'close', from: 'released', to: 'closed', unitId: null, on, details: {} },
        ],
      })
    }
  }
  // 监评 83 of the 区长公开信箱's letters, spread over the year: 优2 良77 中4.
  const { excellent, good, fair } = SEED_2017.district_mailbox.supervision
  const gradeList = [...Array(excellent).fill('excellent'), ...Array(good).fill('good'), ...Array(fair).fill('fair')] as string[]
  const grades: string[] = []
  const step = Math.floor((SEED_2017.district_mailbox.handled - NOT_ACCEPTED_2017) / gradeList.length)
  gradeList.forEach((g, k) => { grades[k * step] = g })
  lettersOf('district_mailbox', SEED_2017.district_mailbox.received, SEED_2017.district_mailbox.handled, grades, NOT_ACCEPTED_2017)
  lettersOf('mayor_mailbox', SEED_2017.mayor_mailbox.received, SEED_2017.mayor_mailbox.handled)
  lettersOf('mayor_hotline', SEED_2017.mayor_hotline.received, SEED_2017.mayor_hotline.handled)
  callsOf('district_hotline', SEED_2017.district_hotline.received)
  callsOf('sunshine_114', SUNSHINE_114_DEMO)

  const cipher = createFieldCipher(dataKey)
  const contacts = NAMES.map((name, i) => {
    const phone = `139830${String(10_000 + i * 37).padStart(5, '0')}`
    return { nameSealed: cipher.encrypt(name), phoneSealed: cipher.encrypt(phone), nameMasked: maskName(name), phoneMasked: maskPhone(phone) }
  })
  const at = (d: string | null) => (d ? new Date(`${d}T01:30:00Z`) : null)
  const col = <T,>(f: (c: CaseRow, i: number) => T) => cases.map(f)
  const registered = (c: CaseRow) => c.channel !== 'district_mailbox'

  await db.transaction().execute(async (trx) => {
    const inserted = await sql<{ id: number; case_no: string }>`
      insert into letter_cases (region_id, case_no, channel, category, unit_id, subject, content, publish_consent, state, contact_name_sealed, contact_phone_sealed,
        contact_name_masked, contact_phone_masked, query_code, received_on, received_at, reply_text, replied_at, released_at, closed_at, not_accepted_reason,
        screening_note, supervision_grade, answered_on_spot, registered_by_user_id)
      select ${region.id}, t.case_no, t.channel, t.category, t.unit_id, t.subject, t.subject || '，请相关部门核实处理并答复。', false, t.state,
        t.ns, t.ps, t.nm, t.pm, t.qc, t.received_on, t.received_at, t.reply_text, t.replied_at, t.released_at, t.closed_at,
        case when t.not_accepted then 'petition' end, case when t.not_accepted then '属信访事项，请向区信访办反映。' end, t.grade, t.on_spot, t.registered_by
      from unnest(${col((_, i) => `d2017-${String(i).padStart(8, '0')}`)}::text[], ${col((c) => c.channel)}::text[], ${col((c) => c.category)}::text[],
        ${col((c) => c.unitId)}::int[], ${col((c) => c.subject)}::text[], ${col((c) => c.state)}::text[],
        ${col((_, i) => contacts[i % contacts.length]!.nameSealed)}::text[], ${col((_, i) => contacts[i % contacts.length]!.phoneSealed)}::text[],
        ${col((_, i) => contacts[i % contacts.length]!.nameMasked)}::text[], ${col((_, i) => contacts[i % contacts.length]!.phoneMasked)}::text[],
        ${col(() => newQueryCode())}::text[], ${col((c) => c.receivedOn)}::date[], ${col((c) => at(c.receivedOn))}::timestamptz[], ${col((c) => c.replyText)}::text[],
        ${col((c) => at(c.repliedOn))}::timestamptz[], ${col((c) => at(c.releasedOn))}::timestamptz[], ${col((c) => at(c.closedOn))}::timestamptz[],
        ${col((c) => c.notAccepted)}::boolean[], ${col((c) => c.grade)}::text[], ${col((c) => c.onSpot)}::boolean[], ${col((c) => (registered(c) ? gkb.id : null))}::int[])
        as t(case_no, channel, category, unit_id, subject, state, ns, ps, nm, pm, qc, received_on, received_at, reply_text, replied_at, released_at, closed_at, not_accepted, grade, on_spot, registered_by)
      returning id, case_no`.execute(trx)
    const idOf = new Map(inserted.rows.map((r) => [r.case_no, r.id]))
    // Calls answered on the spot (four events each, most of the rows) are written by one INSERT … SELECT from the cases.
    await sql`
      insert into letter_events (case_id, type, from_state, to_state, unit_id, actor_user_id, actor_kind, effective_on, recorded_at, reason, details)
      select c.id, s.type, s.from_state, s.to_state, null, ${gkb.id}::int, 'staff', c.received_on, (c.received_on + time '09:30') at time zone 'Asia/Shanghai', '',
        case when s.type = 'received' then jsonb_build_object('channel', c.channel) else '{}'::jsonb end
      from letter_cases c
      cross join (values (1, 'received', null, 'received'), (2, 'accept', 'received', 'accepted'), (3, 'answer_on_spot', 'accepted', 'released'), (4, 'close', 'released', 'closed'))
        as s(ord, type, from_state, to_state)
      where c.case_no like 'd2017-%' and c.answered_on_spot
      order by c.id, s.ord`.execute(trx)
    const events = cases.flatMap((c, i) => (c.onSpot ? [] : c.events).map((e) => ({ caseId: idOf.get(`d2017-${String(i).padStart(8, '0')}`)!, staff: e.type !== 'received' || registered(c), ...e })))
    const ev = <T,>(f: (e: (typeof events)[number]) => T) => events.map(f)
    await sql`
      insert into letter_events (case_id, type, from_state, to_state, unit_id, actor_user_id, actor_kind, effective_on, recorded_at, reason, details)
      select t.case_id, t.type, t.from_state, t.to_state, t.unit_id, t.actor, t.kind, t.on_, (t.on_ + time '09:30') at time zone 'Asia/Shanghai', '', t.details
      from unnest(${ev((e) => e.caseId)}::int[], ${ev((e) => e.type)}::text[], ${ev((e) => e.from)}::text[], ${ev((e) => e.to)}::text[], ${ev((e) => e.unitId)}::int[],
        ${ev((e) => (e.staff ? gkb.id : null))}::int[], ${ev((e) => (e.staff ? 'staff' : 'public'))}::text[], ${ev((e) => e.on)}::date[], ${ev((e) => JSON.stringify(e.details))}::jsonb[])
        as t(case_id, type, from_state, to_state, unit_id, actor, kind, on_, details)`.execute(trx)
    // 信件编号: the year and the row id, as for every other letter.
    await sql`update letter_cases set case_no = '2017' || lpad(id::text, 6, '0') where case_no like 'd2017-%'`.execute(trx)
  })
  return cases.length
}
