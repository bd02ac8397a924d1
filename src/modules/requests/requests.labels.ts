/** Chinese wording of the requests wing kept in one place (states, events, channels), for review. */
import { ID_TYPES, WANTED_FORMS, DELIVERY_METHODS } from './requests.forms.ts'
import { APPLICANT_CATEGORIES, RECEIPT_CHANNELS } from './rules/index.ts'

const byValue = (list: readonly { value: string; label: string }[]) => Object.fromEntries(list.map((x) => [x.value, x.label])) as Record<string, string>

export const ID_TYPE_LABELS = byValue(ID_TYPES)
export const WANTED_FORM_LABELS = byValue(WANTED_FORMS)
export const DELIVERY_LABELS = byValue(DELIVERY_METHODS)
export const CHANNEL_LABELS: Record<string, string> = Object.fromEntries(RECEIPT_CHANNELS.map((c) => [c.code, c.label]))
export const APPLICANT_LABELS: Record<string, string> = Object.fromEntries(APPLICANT_CATEGORIES.map((c) => [c.code, c.formLabel]))

export function labelOf(labels: Record<string, string>, code: string | null | undefined): string {
  if (!code) return ''
  return labels[code] ?? code
}
