/**
 * Demo 公众诉求 for `npm start`: a few letters and calls in every state of the workflow, written through the use
 * cases (so each has its events and reply clock). Kept out of test images, like the demo catalogue.
 */
import type { Db } from '../database.ts'
import { fixedClock, systemClock, type Clock } from '../platform/clock.ts'
import { createFieldCipher } from '../platform/crypto/sm.ts'
import { findOrganisationByCode, findUserByUsername, type Actor, type UseCaseContext } from '../modules/orgs/index.ts'
import { acceptCase, dispatchCase, evaluateCase, rateReply, registerCall, releaseReply, replyToCase, submitLetter } from '../modules/letters/index.ts'

const security = { sessionIdleMinutes: 30, sessionAbsoluteHours: 12, loginMaxFailures: 5, loginLockMinutes: 15, ipMaxFailures: 30, enforcePasswordChange: false }

export async function seedDemoLetters(db: Db, dataKey: string, clock: Clock = systemClock): Promise<number> {
  const existing = await db.selectFrom('letter_cases').select('id').limit(1).executeTakeFirst()
  if (existing) return 0
  const cipher = createFieldCipher(dataKey)
  const actor = async (username: string): Promise<Actor> => {
    const user = (await findUserByUsername(db, username))!
    const unit = (await findOrganisationByCode(db, 'fgw'))!
    return { userId: user.id, username, displayName: user.displayName, organisationId: user.organisationId, organisationName: '', regionId: unit.regionId, roles: user.roles, mustChangePassword: false, totpEnabled: false }
  }
  const gkb = await actor('gkb')
  const fgw = await actor('fgw.editor')
  const hfjd = await actor('hfjd.editor')
  const unit = async (code: string) => (await findOrganisationByCode(db, code))!.id
  // Some letters arrived 25 days ago, so the lists show overdue and finished cases.
  const earlier = new Date(Date.parse(`${clock.today()}T00:00:00Z`) - 25 * 86_400_000).toISOString().slice(0, 10)
  const at = (date: string) => fixedClock(`${date}T02:00:00Z`)
  const ctx = (a: Actor | null, c: Clock = clock, ip = '198.51.100.200'): UseCaseContext => ({ db, clock: c, cipher, security, actor: a, ip })
  let n = 0
  const write = async (c: Clock, subject: string, content: string, category: 'consultation' | 'help' | 'complaint' | 'suggestion' | 'report', name: string, phone: string, consent = false) => {
    n++
    return submitLetter(ctx(null, c, `198.51.100.${200 + n}`), gkb.regionId, { unit: '', category, subject, content, name, phone, publishConsent: consent ? 'yes' : 'no', idempotencyKey: `demo-letter-${n}-0000000000` }, null, 'demo-seed')
  }
  const old = at(earlier)
  const a = await write(old, '汉丰街道滨湖路段路灯不亮', '滨湖路靠近开州大道一段有五盏路灯不亮已经半个月，晚上散步的老人很多，请尽快修复。', 'complaint', '刘德明', '13983000001', true)
  await acceptCase(ctx(gkb, old), a.caseId)
  await dispatchCase(ctx(gkb, old), a.caseId, await unit('500154001'))
  await replyToCase(ctx(hfjd, old), a.caseId, '经核查，滨湖路段五盏路灯因线路老化损坏，已于近日更换线路并恢复照明。感谢您对街道工作的监督。')
  await releaseReply(ctx(gkb, old), a.caseId)
  await rateReply(ctx(null, old), a.queryCode, '0001', 'satisfied', '')
  await evaluateCase(ctx(gkb, old), a.caseId, 'good', '电话回访，来信人表示满意')

  const b = await write(old, '天然气价格调整的依据是什么', '听说我区居民用天然气价格要调整，想了解调整依据、是否举行听证会。', 'consultation', '王淑芬', '13983000002')
  await acceptCase(ctx(gkb, old), b.caseId)
  await dispatchCase(ctx(gkb, old), b.caseId, await unit('fgw')) // overdue: 5 working days for a 咨询

  const c = await write(clock, '建议在汉丰湖环湖步道增设公共厕所', '汉丰湖环湖步道很长，沿途公共厕所太少，建议每两公里设置一处。', 'suggestion', '陈建国', '13983000003', true)
  await acceptCase(ctx(gkb), c.caseId)
  await dispatchCase(ctx(gkb), c.caseId, await unit('500154001'))
  await write(clock, '孩子入学学位咨询', '我家孩子明年上小学，户口在汉丰街道，想咨询对口学校和报名时间。', 'consultation', '李红', '13983000004')
  await write(clock, '申请公开某村征地补偿方案', '请提供2025年某村征地补偿安置方案的文件。', 'help', '赵强', '13983000005')
  const d = await write(clock, '物价部门收费标准咨询', '想了解停车场收费标准由哪个部门制定，如何投诉乱收费。', 'consultation', '孙丽', '13983000006')
  await acceptCase(ctx(gkb), d.caseId)
  await dispatchCase(ctx(gkb), d.caseId, await unit('fgw'))
  await replyToCase(ctx(fgw), d.caseId, '停车场收费标准由区发展改革委会同相关部门制定，乱收费可拨打12315投诉。')

  await registerCall(ctx(gkb), { channel: 'district_hotline', category: 'consultation', name: '', phone: '13983000007', subject: '咨询社保卡补办', content: '来电咨询社保卡丢失后如何补办。', outcome: 'answered', answer: '告知到区人力社保局服务大厅补办，需带身份证原件。', unitId: null })
  await registerCall(ctx(gkb), { channel: 'sunshine_114', category: 'complaint', name: '周先生', phone: '13983000008', subject: '夜间施工噪音扰民', content: '来电反映某工地夜间施工噪音很大，影响休息。', outcome: 'dispatch', answer: '', unitId: await unit('sthjj') })
  return n + 2
}
