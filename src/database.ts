/**
 * The application's Database type: the union of every module's tables. Modules import only the
 * `Db` type from here (type-only, erased at run time); each module keeps its tables private.
 */
import type { Kysely, Transaction } from 'kysely'
import type { CalendarTables } from './modules/calendar/calendar.tables.ts'
import type { OrgsTables } from './modules/orgs/orgs.tables.ts'
import type { PublishingTables } from './modules/publishing/publishing.tables.ts'
import type { GuideTables } from './modules/guide/guide.tables.ts'

import type { LettersTables } from './modules/letters/letters.tables.ts'

import type { RequestsTables } from './modules/requests/requests.tables.ts'

export type Database = OrgsTables & CalendarTables & PublishingTables
  & GuideTables
  & LettersTables
  & RequestsTables

export type Db = Kysely<Database>
export type Trx = Transaction<Database>
/** A handle that is either the database or an open transaction. */
export type Executor = Db | Trx
