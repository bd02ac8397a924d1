/**
 * 修改和废止: an edition names the items it amends or repeals by 索引号. A repealed item's page then
 * reads 废止 and links to the repealing document once that document is published and in force; an
 * amended one links to its amendments (《政府网站发展指引》: 修改、废止、失效 marked on the original).
 */
import type { Executor } from '../../database.ts'
import { InvalidInputError } from '../../platform/http/errors.ts'

export type Relation = 'amends' | 'repeals'

/** Reads "索引号, one per line" into item ids of the same region; unknown numbers are refused by line. */
export async function resolveIndexNos(db: Executor, text: string, field: string, selfItemId?: number): Promise<number[]> {
  const lines = text.split(/[\r\n,，、；;]+/).map((l) => l.trim()).filter(Boolean)
  if (lines.length > 50) throw new InvalidInputError([{ field, message: '一次最多关联 50 个文件' }])
  const ids: number[] = []
  for (const indexNo of lines) {
    const row = await db.selectFrom('catalogue_items').select(['id', 'public_state']).where('index_no', '=', indexNo).executeTakeFirst()
    if (!row) throw new InvalidInputError([{ field, message: `找不到索引号为“${indexNo}”的信息，请核对` }])
    if (row.id === selfItemId) throw new InvalidInputError([{ field, message: '不能关联本条信息自己' }])
    if (row.public_state === 'unpublished') throw new InvalidInputError([{ field, message: `索引号“${indexNo}”的信息尚未发布，不能被修改或废止` }])
    if (!ids.includes(row.id)) ids.push(row.id)
  }
  return ids
}

export async function setRelations(trx: Executor, editionId: number, relations: { relation: Relation; itemIds: number[] }[]): Promise<void> {
  await trx.deleteFrom('catalogue_relations').where('edition_id', '=', editionId).execute()
  const rows = relations.flatMap((r) => r.itemIds.map((id) => ({ edition_id: editionId, target_item_id: id, relation: r.relation })))
  if (rows.length) await trx.insertInto('catalogue_relations').values(rows).execute()
}

export async function copyRelations(trx: Executor, fromEditionId: number, toEditionId: number): Promise<void> {
  const rows = await trx.selectFrom('catalogue_relations').selectAll().where('edition_id', '=', fromEditionId).execute()
  if (rows.length) await trx.insertInto('catalogue_relations').values(rows.map((r) => ({ ...r, edition_id: toEditionId }))).execute()
}

/** The 索引号 an edition amends and repeals, for the edit form. */
export async function relationsOf(db: Executor, editionId: number): Promise<{ amends: string[]; repeals: string[] }> {
  const rows = await db.selectFrom('catalogue_relations as r').innerJoin('catalogue_items as i', 'i.id', 'r.target_item_id').select(['r.relation', 'i.index_no']).where('r.edition_id', '=', editionId).execute()
  return { amends: rows.filter((r) => r.relation === 'amends').map((r) => r.index_no), repeals: rows.filter((r) => r.relation === 'repeals').map((r) => r.index_no) }
}

export interface RelatedDocument {
  itemId: number
  title: string
  relation: Relation
  effectiveOn: string | null
}

/** Published documents that amend or repeal `itemId` (their live editions), as of `today`. */
export async function amendmentsOf(db: Executor, itemId: number, today: string): Promise<RelatedDocument[]> {
  const rows = await db.selectFrom('catalogue_relations as r')
    .innerJoin('catalogue_editions as e', 'e.id', 'r.edition_id')
    .innerJoin('catalogue_items as i', (j) => j.onRef('i.id', '=', 'e.item_id').onRef('i.live_edition_id', '=', 'e.id'))
    .select(['i.id', 'e.title', 'r.relation', 'e.effective_on']).where('r.target_item_id', '=', itemId).where('i.public_state', '=', 'published').execute()
  return rows.filter((r) => !r.effective_on || r.effective_on <= today).map((r) => ({ itemId: r.id, title: r.title, relation: r.relation as Relation, effectiveOn: r.effective_on }))
}

/** What a live edition itself amends and repeals (links on its page). */
export async function targetsOf(db: Executor, editionId: number): Promise<RelatedDocument[]> {
  const rows = await db.selectFrom('catalogue_relations as r').innerJoin('catalogue_items as i', 'i.id', 'r.target_item_id')
    .innerJoin('catalogue_editions as e', 'e.id', 'i.live_edition_id').select(['i.id', 'e.title', 'r.relation', 'e.effective_on']).where('r.edition_id', '=', editionId).execute()
  return rows.map((r) => ({ itemId: r.id, title: r.title, relation: r.relation as Relation, effectiveOn: r.effective_on }))
}
