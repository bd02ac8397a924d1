/**
 * The public page cache: a rendered portal page is kept per display mode and URL, and served again
 * without touching the database. Any successful state change in this process clears it; a short
 * time-to-live bounds staleness when several processes share one PostgreSQL (DESIGN.md §3).
 */
export interface CachedPage {
  /** The page as UTF-8 bytes, encoded once when stored: a hit then writes them with no encoding or length scan. */
  body: Buffer
  contentType: string
  storedAt: number
}

export class PageCache {
  private readonly pages = new Map<string, CachedPage>()
  constructor(private readonly ttlMs: number, private readonly maxEntries = 2000) {}

  get(key: string, now = Date.now()): CachedPage | undefined {
    const page = this.pages.get(key)
    if (!page) return undefined
    if (now - page.storedAt > this.ttlMs) {
      this.pages.delete(key)
      return undefined
    }
    return page
  }

  /** Stores a page and returns the stored entry (its bytes are what the first visitor is sent too). */
  set(key: string, body: string | Buffer, contentType: string, now = Date.now()): CachedPage {
    if (this.pages.size >= this.maxEntries) {
      const oldest = this.pages.keys().next().value
      if (oldest !== undefined) this.pages.delete(oldest)
    }
    const page = { body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body, contentType, storedAt: now }
    this.pages.set(key, page)
    return page
  }

  /** Forget everything: called after any change that a public page might show. */
  clear(): void {
    this.pages.clear()
  }

  get size(): number {
    return this.pages.size
  }
}
