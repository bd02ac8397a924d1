/**
 * The HTML letters in Chromium: accessible (axe, WCAG 2.1 AA), one h1, readable on a phone without sideways
 * scrolling, and printable on A4. Screenshots go to screenshots/letters/ (gitignored) for people to look at.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerLetter } from './answer-letter.ts'
import { deliveryRecordLetter } from './delivery-record.ts'
import { feeNoticeLetter } from './fee-notice.ts'
import type { Letter } from './letter.ts'
import { LETTER_CSS, letterHtml } from './letter-view.tsx'
import * as F from './letters.fixtures.ts'
import {
  consultationNoticeLetter, correctionNoticeLetter, extensionNoticeLetter, thirdPartyConsultationLetter,
  volumeLaterDateLetter, volumeReasonsRequestLetter,
} from './procedure-notices.ts'
import { receiptLetter } from './receipt.ts'

const CHROMIUM = '/usr/bin/chromium'
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const SHOTS = fileURLToPath(new URL('../../../../screenshots/letters/', import.meta.url))

const LETTERS: [string, () => Letter][] = [
  ['receipt', () => receiptLetter(F.receiptInput)],
  ['correction-notice', () => correctionNoticeLetter(F.correctionInput)],
  ['third-party-consultation', () => thirdPartyConsultationLetter(F.thirdPartyInput)],
  ['consultation-notice', () => consultationNoticeLetter(F.agencyConsultationNoticeInput)],
  ['extension-notice', () => extensionNoticeLetter(F.extensionInput)],
  ['volume-reasons', () => volumeReasonsRequestLetter(F.volumeReasonsInput)],
  ['volume-later-date', () => volumeLaterDateLetter(F.volumeLaterDateInput)],
  ['fee-notice', () => feeNoticeLetter(F.perPageFeeInput)],
  ['answer-partial', () => answerLetter(F.answerInput(F.DISPOSITION_SAMPLES.partial))],
  ['answer-denied', () => answerLetter(F.answerInput(F.DISPOSITION_SAMPLES.denied_law_forbidden))],
  ['delivery-record', () => deliveryRecordLetter(F.deliveryRecordInput)],
]

const run = existsSync(CHROMIUM) ? describe : describe.skip
run(`letters in Chromium${existsSync(CHROMIUM) ? '' : `（已跳过：未找到 Chromium，${CHROMIUM} 不存在）`}`, () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] })
    mkdirSync(SHOTS, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
  })

  async function open(letter: Letter, viewport: { width: number; height: number }) {
    const page = await browser.newPage({ viewport })
    // The stylesheet is served by the app; here it is put in directly (setContent has no server to fetch it from).
    await page.setContent(letterHtml(letter, 'letter.css'))
    await page.addStyleTag({ content: LETTER_CSS })
    return page
  }

  it.each(LETTERS)('%s: no axe violations, one h1, no sideways scrolling on a phone', async (name, build) => {
    const letter = build()
    for (const [label, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 375, height: 740 }]] as const) {
      const page = await open(letter, viewport)
      await page.evaluate(axeSource)
      const violations = await page.evaluate(async () => {
        const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
        return (result.violations as { id: string; nodes: { target: string[] }[] }[]).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
      })
      expect(violations, `${name} (${label})`).toEqual([])
      expect(await page.locator('h1').count()).toBe(1)
      expect(await page.locator('h1').innerText()).toBe(letter.title)
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }))
      expect(scrollWidth, `${name} (${label}) is ${scrollWidth}px wide`).toBeLessThanOrEqual(innerWidth + 1)
      await page.screenshot({ path: path.join(SHOTS, `${name}-${label}.png`), fullPage: true })
      await page.close()
    }
  })

  it('prints the answer on A4 in the print layout (red 版头 line, no screen background)', async () => {
    const page = await open(answerLetter(F.answerInput(F.DISPOSITION_SAMPLES.partial)), { width: 1280, height: 800 })
    await page.emulateMedia({ media: 'print' })
    const styles = await page.evaluate(() => {
      const masthead = getComputedStyle(document.querySelector('.letter__masthead')!)
      const body = getComputedStyle(document.querySelector('.letter-page')!)
      const para = getComputedStyle(document.querySelector('.letter__para')!)
      return { border: masthead.borderBottomColor, background: body.backgroundColor, fontSize: para.fontSize }
    })
    expect(styles).toEqual({ border: 'rgb(255, 0, 0)', background: 'rgb(255, 255, 255)', fontSize: '21.3333px' })
    const pdf = await page.pdf({ preferCSSPageSize: true })
    // A4 is 210 × 297 mm = 595.3 × 841.9 pt; Chromium writes it in whole CSS pixels (594.96 × 841.92).
    const [width, height] = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'))!.slice(1).map(Number)
    expect(width).toBeCloseTo(595.3, 0)
    expect(height).toBeCloseTo(841.9, 0)
    await page.close()
  })
})
