// The ordered list of migrations. Add a file with `npm run new-migration <name>`, then list it here.
import type { Migration } from 'kysely'
import * as m0001 from './0001_create_organisations_and_users.ts'
import * as m0002 from './0002_create_calendar_versions_and_clocks.ts'
import * as m0003 from './0003_create_catalogue.ts'
import * as m0004 from './0004_create_catalogue_attachments.ts'
import * as m0005 from './0005_create_catalogue_relations.ts'
import * as m0006 from './0006_publisher_settings.ts'
import * as m0007 from './0007_disclosure_guides.ts'
import * as m0008 from './0008_search_indexes.ts'
import * as m0010 from './0010_create_request_cases.ts'
import * as m0011 from './0011_add_request_case_rules_state.ts'
import * as m0020 from './0020_create_letter_cases.ts'
import * as m0021 from './0021_letter_case_list_indexes.ts'
import * as m0030 from './0030_request_reminder_once.ts'
import * as m0031 from './0031_create_request_history_uploads.ts'
import * as m0033 from './0033_letters_operations.ts'
import * as m0034 from './0034_letter_publications.ts'
import * as m0035 from './0035_request_fee_settings.ts'
import * as m0036 from './0036_letter_rectification_escalation.ts'

export const migrations: Record<string, Migration> = {
  '0001_create_organisations_and_users': m0001,
  '0002_create_calendar_versions_and_clocks': m0002,
  '0003_create_catalogue': m0003,
  '0004_create_catalogue_attachments': m0004,
  '0005_create_catalogue_relations': m0005,
  '0006_publisher_settings': m0006,
  '0007_disclosure_guides': m0007,
  '0008_search_indexes': m0008,
  '0010_create_request_cases': m0010,
  '0011_add_request_case_rules_state': m0011,
  '0020_create_letter_cases': m0020,
  '0021_letter_case_list_indexes': m0021,
  '0030_request_reminder_once': m0030,
  '0031_create_request_history_uploads': m0031,
  '0033_letters_operations': m0033,
  '0034_letter_publications': m0034,
  '0035_request_fee_settings': m0035,
  '0036_letter_rectification_escalation': m0036,
}
