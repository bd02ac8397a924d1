/**
 * 版本比较: what changed between two published versions, for the public side-by-side view. Text is
 * compared paragraph by paragraph, then character by character inside changed paragraphs (Chinese has
 * no spaces to split words on).
 */
import { diffArrays, diffChars } from 'diff'
import { htmlText } from './body.ts'
import type { Edition } from './publishing.repository.ts'
import { formatTopic } from './topics.ts'

export interface DiffSegment {
  text: string
  change: 'same' | 'removed' | 'added'
}

export interface ParagraphRow {
  /** Segments shown in the left (older) column; removed text is marked. */
  before: DiffSegment[]
  /** Segments shown in the right (newer) column; added text is marked. */
  after: DiffSegment[]
  changed: boolean
}

export interface FieldChange {
  label: string
  before: string
  after: string
}

export interface VersionDiff {
  fields: FieldChange[]
  paragraphs: ParagraphRow[]
}

function paragraphs(html: string): string[] {
  return htmlText(html).split(/\n+/).map((p) => p.trim()).filter(Boolean)
}

function charRow(before: string, after: string): ParagraphRow {
  const parts = diffChars(before, after)
  return {
    before: parts.filter((p) => !p.added).map((p) => ({ text: p.value, change: p.removed ? 'removed' : 'same' })),
    after: parts.filter((p) => !p.removed).map((p) => ({ text: p.value, change: p.added ? 'added' : 'same' })),
    changed: parts.some((p) => p.added || p.removed),
  }
}

export function diffVersions(older: Edition, newer: Edition): VersionDiff {
  const fields: FieldChange[] = []
  const compare = (label: string, a: string | null, b: string | null) => { if ((a ?? '') !== (b ?? '')) fields.push({ label, before: a ?? '', after: b ?? '' }) }
  compare('名称', older.title, newer.title)
  compare('文号', older.docNo, newer.docNo)
  compare('成文日期', older.writtenOn, newer.writtenOn)
  compare('主题分类', formatTopic(older.topic), formatTopic(newer.topic))
  compare('有效性', older.validity, newer.validity)
  compare('施行日期', older.effectiveOn, newer.effectiveOn)
  compare('失效日期', older.expiresOn, newer.expiresOn)
  compare('内容概述', older.summary, newer.summary)

  const a = paragraphs(older.bodyHtml)
  const b = paragraphs(newer.bodyHtml)
  const rows: ParagraphRow[] = []
  const chunks = diffArrays(a, b)
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!
    if (!chunk.added && !chunk.removed) {
      for (const p of chunk.value) rows.push({ before: [{ text: p, change: 'same' }], after: [{ text: p, change: 'same' }], changed: false })
      continue
    }
    // A removal followed by an addition is a rewrite: pair the paragraphs and compare characters.
    const next = chunks[i + 1]
    if (chunk.removed && next?.added) {
      const n = Math.max(chunk.value.length, next.value.length)
      for (let k = 0; k < n; k++) rows.push(charRow(chunk.value[k] ?? '', next.value[k] ?? ''))
      i++
      continue
    }
    for (const p of chunk.value) {
      rows.push(chunk.removed
        ? { before: [{ text: p, change: 'removed' }], after: [], changed: true }
        : { before: [], after: [{ text: p, change: 'added' }], changed: true })
    }
  }
  return { fields, paragraphs: rows }
}
