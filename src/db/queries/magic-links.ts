// Magic links: only the hash is kept; a new link for (firm, kind, email) supersedes the older ones.
import type { Kysely } from 'kysely';
import type { Database, SessionKind } from '../database.ts';

export async function insertMagicLink(
  db: Kysely<Database>,
  link: { firmId: string; kind: SessionKind; email: string; tokenHash: Uint8Array; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .updateTable('magic_links')
    .set({ state: 'superseded' })
    .where('firm_id', '=', link.firmId)
    .where('kind', '=', link.kind)
    .where('email', '=', link.email)
    .where('state', '=', 'active')
    .execute();
  await db
    .insertInto('magic_links')
    .values({
      firm_id: link.firmId,
      id: crypto.randomUUID(),
      token_hash: link.tokenHash,
      kind: link.kind,
      email: link.email,
      created_at: link.now,
      expires_at: link.expiresAt,
    })
    .execute();
}

export function findMagicLink(db: Kysely<Database>, firmId: string, kind: SessionKind, tokenHash: Uint8Array) {
  return db
    .selectFrom('magic_links')
    .selectAll()
    .where('firm_id', '=', firmId)
    .where('kind', '=', kind)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function markMagicLinkUsed(db: Kysely<Database>, firmId: string, id: string, now: Date): Promise<void> {
  await db.updateTable('magic_links').set({ used_at: now }).where('firm_id', '=', firmId).where('id', '=', id).execute();
}

/** Revokes every live link of this email at this firm (access revoked, email changed, member deactivated). */
export async function revokeMagicLinks(db: Kysely<Database>, firmId: string, kind: SessionKind, email: string): Promise<void> {
  await db
    .updateTable('magic_links')
    .set({ state: 'revoked' })
    .where('firm_id', '=', firmId)
    .where('kind', '=', kind)
    .where('email', '=', email)
    .where('state', '=', 'active')
    .execute();
}

export async function revokeFirmPortalLinks(db: Kysely<Database>, firmId: string): Promise<void> {
  await db.updateTable('magic_links').set({ state: 'revoked' }).where('firm_id', '=', firmId).where('kind', '=', 'portal').where('state', '=', 'active').execute();
}
