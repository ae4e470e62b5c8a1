// Firms kept in memory by slug, so a signed-in page does not spend a query on the firm it is on. Trusted only
// until the guard's session query, which returns the firm's current version (raised by a trigger on every change):
// a changed firm is read again there. Requests without a session cookie always read the firm.
import type { Firm } from './db/database.ts';

const TTL_MS = 30_000;
const MAX_FIRMS = 2000;

export class FirmCache {
  private readonly bySlug = new Map<string, { firm: Firm; until: number }>();

  get(slug: string, now: number): Firm | undefined {
    const entry = this.bySlug.get(slug);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.bySlug.delete(slug);
      return undefined;
    }
    return entry.firm;
  }

  set(firm: Firm, now: number): void {
    this.bySlug.delete(firm.slug);
    // Oldest first in a Map: drop the oldest when full.
    if (this.bySlug.size >= MAX_FIRMS) this.bySlug.delete(this.bySlug.keys().next().value!);
    this.bySlug.set(firm.slug, { firm, until: now + TTL_MS });
  }
}
