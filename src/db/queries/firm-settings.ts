// The firm's own settings: portal activation, subdomain (with 90-day aliases), branding, media, plan and apps.
import type { Kysely } from 'kysely';
import type { Database, Firm, FirmUpdate, MenuLink } from '../database.ts';

export const ALIAS_DAYS = 90;

export async function updateFirm(db: Kysely<Database>, firmId: string, patch: FirmUpdate): Promise<Firm> {
  return db.updateTable('firms').set(patch).where('id', '=', firmId).returningAll().executeTakeFirstOrThrow();
}

/** Why this subdomain cannot be taken by this firm: another firm has it, or it still redirects to another firm. */
export async function subdomainTaken(db: Kysely<Database>, firmId: string, slug: string, now: Date): Promise<'firm' | 'alias' | undefined> {
  const firm = await db.selectFrom('firms').select('id').where('slug', '=', slug).executeTakeFirst();
  if (firm && firm.id !== firmId) return 'firm';
  const alias = await db.selectFrom('firm_slug_aliases').select('firm_id').where('slug', '=', slug).where('until', '>', now).executeTakeFirst();
  if (alias && alias.firm_id !== firmId) return 'alias';
  return undefined;
}

/** Renames the portal: the old subdomain redirects to the new one for 90 days. */
export async function renameSubdomain(db: Kysely<Database>, firm: Pick<Firm, 'id' | 'slug'>, slug: string, now: Date): Promise<Firm> {
  const until = new Date(now.getTime() + ALIAS_DAYS * 86_400_000);
  // The new name may be one of this firm's own old names (taking it back), or an expired alias of anyone.
  await db.deleteFrom('firm_slug_aliases').where('slug', '=', slug).execute();
  await db
    .insertInto('firm_slug_aliases')
    .values({ slug: firm.slug, firm_id: firm.id, until })
    .onConflict((oc) => oc.column('slug').doUpdateSet({ firm_id: firm.id, until }))
    .execute();
  return updateFirm(db, firm.id, { slug });
}

export function listLiveAliases(db: Kysely<Database>, firmId: string, now: Date) {
  return db.selectFrom('firm_slug_aliases').select(['slug', 'until']).where('firm_id', '=', firmId).where('until', '>', now).orderBy('until', 'desc').execute();
}

export function saveMenuLinks(db: Kysely<Database>, firmId: string, links: MenuLink[]): Promise<Firm> {
  return updateFirm(db, firmId, { menu_links: JSON.stringify(links) });
}

/** Firm-wide figures the settings pages show beside the switches. */
export async function portalFigures(db: Kysely<Database>, firmId: string) {
  const row = await db
    .selectFrom('contacts')
    .innerJoin('clients', (j) => j.onRef('clients.firm_id', '=', 'contacts.firm_id').onRef('clients.id', '=', 'contacts.client_id'))
    .select((eb) => eb.fn.countAll<number>().as('contacts'))
    .where('contacts.firm_id', '=', firmId)
    .where('contacts.access_enabled', '=', true)
    .where('clients.portal_enabled', '=', true)
    .where('clients.archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { contactsWithAccess: Number(row.contacts) };
}
