// One-time handoff tokens that carry a signed-in person to another firm's host (60 s, single use).
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';

export async function insertHandoffToken(
  db: Kysely<Database>,
  h: { firmId: string; tokenHash: Uint8Array; portalUserId: string; contactId: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('handoff_tokens')
    .values({ firm_id: h.firmId, token_hash: h.tokenHash, portal_user_id: h.portalUserId, contact_id: h.contactId, expires_at: h.expiresAt })
    .execute();
}

/** Marks the token used and returns it, only if it was unused and unexpired (atomic, so it works once). */
export function consumeHandoffToken(db: Kysely<Database>, firmId: string, tokenHash: Uint8Array, now: Date) {
  return db
    .updateTable('handoff_tokens')
    .set({ used_at: now })
    .where('firm_id', '=', firmId)
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['portal_user_id', 'contact_id'])
    .executeTakeFirst();
}

export function handoffTokenExists(db: Kysely<Database>, firmId: string, tokenHash: Uint8Array, now: Date) {
  return db
    .selectFrom('handoff_tokens')
    .select('contact_id')
    .where('firm_id', '=', firmId)
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}
