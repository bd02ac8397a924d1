/**
 * The public page cache: a rendered portal page is kept per display mode and URL, and served again
 * without touching the database. Any successful state change in this process clears it; a short
 * time-to-live bounds staleness when several processes share one PostgreSQL (DESIGN.md §3).
 */
export interface CachedPage {
  body: string
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

  set(key: string, body: string, contentType: string, now = Date.now()): void {
    if (this.pages.size >= this.maxEntries) {
      const oldest = this.pages.keys().next().value
      if (oldest !== undefined) this.pages.delete(oldest)
    }
    this.pages.set(key, { body, contentType, storedAt: now })
  }

  /** Forget everything: called after any change that a public page might show. */
  clear(): void {
    this.pages.clear()
  }

  get size(): number {
    return this.pages.size
  }
}
