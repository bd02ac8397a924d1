/**
 * Builds the golden database image once per run: a PGlite migrated and loaded with the demo region.
 * Each test file starts from a copy (PGlite discussion #992: a fresh migration per test gets slow).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { seedDemo } from '../../src/demo/seed-demo.ts'
import { ensureOfficialCalendar } from '../../src/modules/calendar/index.ts'
import { migrateToLatest } from '../../src/platform/database/migrate.ts'
import { openDatabase } from '../../src/platform/database/database.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    goldenImage: string
    emptyImage: string
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-golden-'))
  const opened = await openDatabase({})
  await migrateToLatest(opened.db)
  const empty = await opened.pglite!.dumpDataDir('gzip')
  const emptyFile = path.join(dir, 'empty.tar.gz')
  writeFileSync(emptyFile, Buffer.from(await empty.arrayBuffer()))
  project.provide('emptyImage', emptyFile)
  await ensureOfficialCalendar(opened.db as any, new Date('2026-01-01T00:00:00Z'))
  await seedDemo(opened.db as any, { catalogue: false }) // the demo catalogue (3,150 items) stays out of test images
  const dump = await opened.pglite!.dumpDataDir('gzip')
  const file = path.join(dir, 'golden.tar.gz')
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  await opened.close()
  project.provide('goldenImage', file)
  return () => rmSync(dir, { recursive: true, force: true })
}
