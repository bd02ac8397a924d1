/**
 * 查看完整姓名和电话: staff who handle a case may open the writer's full name and phone (for handling and 回访), and
 * every opening is recorded in the audit log (who, which case, when, from where) before anything is decrypted.
 * Another unit's user gets a not-found, and the denial is audited (caseForActor → authorise).
 */
import { recordAudit, requireActor, type UseCaseContext } from '../orgs/index.ts'
import { caseForActor } from './case-actions.ts'
import { sealedContact } from './letters.repository.ts'

export const CONTACT_REVEALED = 'letters.contact_revealed'

export async function revealContact(ctx: UseCaseContext, caseId: number): Promise<{ name: string; phone: string }> {
  const { c } = await caseForActor(ctx, caseId)
  const actor = requireActor(ctx)
  const sealed = (await sealedContact(ctx.db, c.id))!
  // No personal data in the audit row: the case number identifies what was opened.
  await recordAudit(ctx.db, {
    actorUserId: actor.userId, actorUsername: actor.username, organisationId: actor.organisationId, action: CONTACT_REVEALED, outcome: 'success',
    targetType: 'letter_case', targetId: c.id, ip: ctx.ip, details: { caseNo: c.caseNo },
  }, ctx.clock.now())
  return { name: ctx.cipher.decrypt(sealed.nameSealed), phone: ctx.cipher.decrypt(sealed.phoneSealed) }
}
