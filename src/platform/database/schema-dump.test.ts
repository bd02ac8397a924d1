import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { describeEachDatabase } from '../../../test/support/test-database.ts'
import { dumpSchema } from './schema-dump.ts'

// The committed docs/schema.sql must be what the migrations produce, on PGlite and on PostgreSQL 15.
describeEachDatabase('docs/schema.sql', (database) => {
  it('matches the schema the migrations build (run npm run dump-schema after adding a migration)', async () => {
    const committed = readFileSync(new URL('../../../docs/schema.sql', import.meta.url), 'utf8')
    expect(await dumpSchema(database().db)).toBe(committed)
  })
})
