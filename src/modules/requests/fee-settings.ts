/**
 * 信息处理费 facts the 公开办 sets: the payment period (working days), the effective date and the exemption list of
 * 国办函〔2020〕109号 are recalled, not verified (regulation.md §2 [M]; rules/fees.ts FEE_SCHEDULE), so the 公开办
 * checks them against the gov.cn text (or a local 收费目录) and sets them here. The tariff bands are verbatim ([V])
 * and stay in code, read-only. Each change stores a full snapshot (request_fee_settings) with an audit entry, in one
 * transaction; the newest snapshot is in force, the rows are the history. An empty table means the code defaults.
 */
import { z } from 'zod'
import type { Executor } from '../../database.ts'
import { isRealDate } from '../../platform/http/forms.ts'
import { appendAudit, requireActor, type UseCaseContext } from '../orgs/index.ts'
import { authoriseCase } from './authorise-case.ts'
import { FEE_SCHEDULE, type FeeExemption, type FeeSchedule } from './rules/index.ts'

/** The schedule in force: FEE_SCHEDULE with the 公开办's latest [M] facts, if it has set any. */
export async function loadFeeSchedule(db: Executor): Promise<FeeSchedule> {
  const row = await db.selectFrom('request_fee_settings').select(['payment_working_days', 'effective_from', 'exemptions']).orderBy('id', 'desc').limit(1).executeTakeFirst()
  if (!row) return FEE_SCHEDULE
  return { ...FEE_SCHEDULE, paymentWorkingDays: row.payment_working_days, effectiveFrom: row.effective_from, exemptions: row.exemptions }
}

export interface FeeSettingsChange { id: number; changedAt: Date; username: string; summary: string }

export async function listFeeSettingsChanges(db: Executor, limit = 50): Promise<FeeSettingsChange[]> {
  const rows = await db.selectFrom('request_fee_settings as s').leftJoin('users as u', 'u.id', 's.user_id').select(['s.id', 's.changed_at', 's.summary', 'u.username'])
    .orderBy('s.id', 'desc').limit(limit).execute()
  return rows.map((r) => ({ id: r.id, changedAt: r.changed_at, username: r.username ?? '', summary: r.summary }))
}

/** One exemption per line: 代码｜名称｜依据 (the code is how a fee notice refers to it). */
const exemptionLine = z.string().transform((line, ctx): FeeExemption | typeof z.NEVER => {
  const parts = line.split(/[|｜]/).map((p) => p.trim())
  if (parts.length !== 3 || !/^[a-z][a-z0-9_]{1,31}$/.test(parts[0]!) || !parts[1] || !parts[2] || parts[1].length > 60 || parts[2].length > 120) {
    ctx.addIssue({ code: 'custom', message: `减免事由“${line.slice(0, 30)}”格式不对：每行写“代码｜名称｜依据”，代码用小写英文字母、数字和下划线，如 hardship｜申请人生活确有困难｜国办函〔2020〕109号` })
    return z.NEVER
  }
  return { code: parts[0]!, label: parts[1]!, citation: parts[2]! }
})

export const FeeSettingsForm = z.object({
  paymentWorkingDays: z.string({ error: '请填写缴费期限' }).trim().regex(/^\d{1,2}$/, '缴费期限应为 1 到 60 之间的整数（工作日）').transform(Number)
    .refine((n) => n >= 1 && n <= 60, '缴费期限应为 1 到 60 之间的整数（工作日）'),
  effectiveFrom: z.string({ error: '请填写施行日期' }).trim().refine(isRealDate, '施行日期应为真实日期，格式 YYYY-MM-DD，如 2021-01-01'),
  exemptions: z.string().default('').transform((text) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)).pipe(z.array(exemptionLine).max(20, '减免事由最多 20 项'))
    .refine((list) => new Set(list.map((e) => e.code)).size === list.length, '减免事由的代码不能重复'),
})
export type FeeSettingsInput = z.output<typeof FeeSettingsForm>

/** The exemption list as the form shows it, one per line. */
export const exemptionsText = (list: readonly FeeExemption[]) => list.map((e) => `${e.code}｜${e.label}｜${e.citation}`).join('\n')

/** Saves the 公开办's [M] fee facts (a new snapshot) with an audit entry; unchanged input records nothing. */
export async function saveFeeSettings(ctx: UseCaseContext, input: FeeSettingsInput): Promise<boolean> {
  const actor = requireActor(ctx)
  await authoriseCase(ctx, 'supervise')
  const before = await loadFeeSchedule(ctx.db)
  const changes: string[] = []
  if (before.paymentWorkingDays !== input.paymentWorkingDays) changes.push(`缴费期限 ${before.paymentWorkingDays} → ${input.paymentWorkingDays} 个工作日`)
  if (before.effectiveFrom !== input.effectiveFrom) changes.push(`施行日期 ${before.effectiveFrom} → ${input.effectiveFrom}`)
  if (exemptionsText(before.exemptions) !== exemptionsText(input.exemptions)) changes.push(`减免事由改为：${input.exemptions.map((e) => e.label).join('、') || '无'}`)
  if (!changes.length) return false
  const summary = changes.join('；')
  const now = ctx.clock.now()
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('request_fee_settings').values({
      payment_working_days: input.paymentWorkingDays, effective_from: input.effectiveFrom, exemptions: JSON.stringify(input.exemptions), summary, user_id: actor.userId, changed_at: now,
    }).returning('id').executeTakeFirstOrThrow()
    await appendAudit(trx, {
      actorUserId: actor.userId, actorUsername: actor.username, organisationId: actor.organisationId, action: 'request.fee_settings', outcome: 'success',
      targetType: 'request_fee_settings', targetId: row.id, ip: ctx.ip, details: { summary },
    }, now)
  })
  return true
}
