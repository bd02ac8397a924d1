// Writes docs/schema.sql: migrate an empty embedded database and describe the result.
import { writeFileSync } from 'node:fs'
import { migrateToLatest } from '../src/platform/database/migrate.ts'
import { openDatabase } from '../src/platform/database/database.ts'
import { dumpSchema } from '../src/platform/database/schema-dump.ts'

const opened = await openDatabase({})
await migrateToLatest(opened.db)
writeFileSync(new URL('../docs/schema.sql', import.meta.url), await dumpSchema(opened.db))
await opened.close()
console.log('已写入 docs/schema.sql')
