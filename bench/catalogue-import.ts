/**
 * Import rate of importCatalogue (导入公开信息) on the real demo corpus, on PGlite and, with BENCH_DATABASE_URL, on
 * PostgreSQL in a throwaway schema:
 *   1. a dry run of all 3,150 demo rows (checks only);
 *   2. the 3,000 short rows (real 发文字号, a two-paragraph body) — a typical old-site catalogue;
 *   3. the 150 law and regulation texts (20 kB of text each on average);
 *   4. the 3,000 short rows again for other units, `repeat` times (default 3): a large file.
 * Stops before a step that would take the run past about 4 minutes, and says so.
 *   npx tsx bench/catalogue-import.ts [repeat]
 */
import type { Db } from '../src/database.ts'
import { demoCatalogueRows } from '../src/demo/seed-catalogue.ts'
import { currentRegion, listOrganisations } from '../src/modules/orgs/index.ts'
import { importCatalogue, type ImportRow } from '../src/modules/publishing/index.ts'
import { systemClock } from '../src/platform/clock.ts'
import { onEachDatabase } from './lib/bench-database.ts'
import { BenchError, loadNote, printTable, round, runMain } from './lib/harness.ts'

const REPEAT = Math.max(0, Math.floor(Number(process.argv[2] ?? 3)))
const BUDGET_MS = 4 * 60_000
const started = performance.now()

interface Step { step: string; rows: number; imported: number; ms: number; itemsPerSecond: number }

async function step(db: Db, name: string, rows: ImportRow[], dryRun: boolean): Promise<Step> {
  const t0 = performance.now()
  const result = await importCatalogue(db, rows, { dryRun, clock: systemClock, actorLabel: 'bench' })
  const ms = performance.now() - t0
  if (result.rejected.length) throw new BenchError(`${name}: ${result.rejected.length} rows rejected, e.g. row ${result.rejected[0]!.row} ${result.rejected[0]!.field}: ${result.rejected[0]!.message}`)
  return { step: name, rows: rows.length, imported: result.imported, ms: Math.round(ms), itemsPerSecond: Math.round(rows.length / (ms / 1000)) }
}

runMain('catalogue-import', async () => {
  console.log(`at start: ${loadNote()}`)
  const results = await onEachDatabase(async ({ label, db }) => {
    const rows = await demoCatalogueRows(db)
    const short = rows.filter((r) => r.目录栏目 === 'qtfd')
    const laws = rows.filter((r) => r.目录栏目 !== 'qtfd')
    const steps: Step[] = [await step(db, 'dry run, all demo rows', rows, true), await step(db, 'short rows (real 文号)', short, false), await step(db, 'law texts', laws, false)]
    // The same 文号 may be used again by another unit: each repeat moves every row to the next unit of the region.
    const region = (await currentRegion(db))!
    const units = (await listOrganisations(db, region.id)).map((u) => u.code)
    const notes: string[] = []
    for (let k = 1; k <= REPEAT; k++) {
      const last = steps.at(-1)!
      const elapsed = performance.now() - started
      if (elapsed + last.ms * 1.5 > BUDGET_MS) {
        notes.push(`${label}: stopped after ${k - 1} of ${REPEAT} repeats to stay within about 4 minutes`)
        break
      }
      const moved = short.map((r) => ({ ...r, 发布机构: units[(units.indexOf(String(r.发布机构)) + k) % units.length] }))
      steps.push(await step(db, `short rows, repeat ${k}`, moved, false))
    }
    console.log(`\n${label}`)
    printTable(['step', 'rows', 'ms', 'items/s'], steps.map((s) => [s.step, s.rows, s.ms, s.itemsPerSecond]))
    // The corpus as a unit migrating from its old site would bring it: the short rows and the law texts together.
    const corpus = { items: steps[1]!.rows + steps[2]!.rows, ms: steps[1]!.ms + steps[2]!.ms }
    const corpusItemsPerSecond = round(corpus.items / (corpus.ms / 1000))
    console.log(`corpus: ${corpus.items} items in ${round(corpus.ms / 1000, 1)} s = ${corpusItemsPerSecond} items/s`)
    for (const note of notes) console.log(note)
    const imported = steps.filter((s) => s.imported > 0)
    const total = imported.reduce((n, s) => n + s.imported, 0)
    const ms = imported.reduce((n, s) => n + s.ms, 0)
    return { database: label, steps, corpusItemsPerSecond, importedTotal: total, itemsPerSecondOverall: round(total / (ms / 1000)), notes }
  })
  console.log(`at end: ${loadNote()}`)
  console.log(JSON.stringify({ bench: 'catalogue-import', repeat: REPEAT, results }))
})
