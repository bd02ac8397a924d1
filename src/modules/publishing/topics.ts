/**
 * 主题分类 values: the built-in gov.cn scheme (catalogue-terms.ts TOPIC_SCHEME) plus the classes the installation
 * added (table catalogue_topics). A value is a first level alone or "first\second" (gov.cn's backslash); items
 * classified before the second level existed keep their first-level value, which stays valid.
 */
import { TOPIC_SCHEME } from './catalogue-terms.ts'

/** gov.cn writes the two levels joined by a backslash: 综合政务\政务公开. */
export const TOPIC_SEPARATOR = '\\'

export interface TopicParts {
  first: string
  second: string | null
}

export function splitTopic(value: string): TopicParts {
  const at = value.indexOf(TOPIC_SEPARATOR)
  return at < 0 ? { first: value, second: null } : { first: value.slice(0, at), second: value.slice(at + 1) }
}

export function topicValue(first: string, second?: string | null): string {
  return second ? `${first}${TOPIC_SEPARATOR}${second}` : first
}

/** How pages show a 主题分类: "综合政务 > 政务公开" (a screen reader reads ">" more gently than a backslash). */
export function formatTopic(value: string): string {
  const { first, second } = splitTopic(value)
  return second ? `${first} > ${second}` : first
}

/** A class the installation added (second '' = a new first-level class). */
export interface AddedTopic {
  first: string
  second: string
}

/** The classes in force: each first level with its second levels, built-in first, then those the installation added. */
export interface TopicVocabulary {
  groups: { first: string; seconds: string[] }[]
}

export function topicVocabulary(added: readonly AddedTopic[] = []): TopicVocabulary {
  const groups = TOPIC_SCHEME.map((t) => ({ first: t.label, seconds: t.children.map((c) => c.label) }))
  const byFirst = new Map(groups.map((g) => [g.first, g]))
  for (const a of added.filter((x) => !x.second)) {
    if (!byFirst.has(a.first)) {
      const group = { first: a.first, seconds: [] as string[] }
      groups.push(group)
      byFirst.set(a.first, group)
    }
  }
  for (const a of added.filter((x) => x.second)) {
    const group = byFirst.get(a.first)
    if (group && !group.seconds.includes(a.second)) group.seconds.push(a.second)
  }
  return { groups }
}

export function isKnownTopic(vocabulary: TopicVocabulary, value: string): boolean {
  const { first, second } = splitTopic(value)
  const group = vocabulary.groups.find((g) => g.first === first)
  return !!group && (second === null || group.seconds.includes(second))
}

/** The topic Select's option groups: each first level as the group label, its own value first ("不细分"), then its second levels. */
export function topicOptionGroups(vocabulary: TopicVocabulary): { label: string; options: { value: string; label: string }[] }[] {
  return vocabulary.groups.map((g) => ({
    label: g.first,
    options: [{ value: g.first, label: g.seconds.length ? `${g.first}（不细分）` : g.first }, ...g.seconds.map((s) => ({ value: topicValue(g.first, s), label: s }))],
  }))
}

/** True when the built-in scheme already lists this class (it cannot be added again, nor removed). */
export function isBuiltInTopic(first: string, second: string): boolean {
  const t = TOPIC_SCHEME.find((x) => x.label === first)
  if (!t) return false
  return second === '' || t.children.some((c) => c.label === second)
}
