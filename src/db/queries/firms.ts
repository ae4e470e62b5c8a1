// Firm lookups for routing (by host) and the firm's own settings.
import type { Db } from '../connect.ts';
import type { Firm } from '../database.ts';

export function findFirmBySlug(db: Db, slug: string): Promise<Firm | undefined> {
  return db.selectFrom('firms').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function findFirmById(db: Db, firmId: string): Promise<Firm | undefined> {
  return db.selectFrom('firms').selectAll().where('id', '=', firmId).executeTakeFirst();
}

/** An old slug that still redirects (renamed less than 90 days ago), with the firm's current slug. */
export async function findSlugRedirect(db: Db, slug: string, now: Date): Promise<string | undefined> {
  const row = await db
    .selectFrom('firm_slug_aliases')
    .innerJoin('firms', 'firms.id', 'firm_slug_aliases.firm_id')
    .select('firms.slug')
    .where('firm_slug_aliases.slug', '=', slug)
    .where('firm_slug_aliases.until', '>', now)
    .executeTakeFirst();
  return row?.slug;
}
