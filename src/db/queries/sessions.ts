// Session rows (Lucia's design): id and SHA-256 of the secret; ended by person, contact, member or firm.
import type { Kysely } from 'kysely';
import type { Database, SessionKind } from '../database.ts';

export interface NewSession {
  firmId: string;
  id: string;
  secretHash: Uint8Array;
  kind: SessionKind;
  portalUserId?: string;
  contactId?: string;
  staffMemberId?: string;
  now: Date;
  expiresAt: Date;
}

export async function insertSession(db: Kysely<Database>, s: NewSession): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      firm_id: s.firmId,
      id: s.id,
      secret_hash: s.secretHash,
      kind: s.kind,
      portal_user_id: s.portalUserId ?? null,
      contact_id: s.contactId ?? null,
      staff_member_id: s.staffMemberId ?? null,
      created_at: s.now,
      expires_at: s.expiresAt,
    })
    .execute();
}

export function findSessionRow(db: Kysely<Database>, firmId: string, id: string) {
  return db.selectFrom('sessions').selectAll().where('firm_id', '=', firmId).where('id', '=', id).executeTakeFirst();
}

export async function extendSession(db: Kysely<Database>, firmId: string, id: string, expiresAt: Date): Promise<void> {
  await db.updateTable('sessions').set({ expires_at: expiresAt }).where('firm_id', '=', firmId).where('id', '=', id).execute();
}

export async function setSessionContact(db: Kysely<Database>, firmId: string, id: string, contactId: string): Promise<void> {
  await db.updateTable('sessions').set({ contact_id: contactId }).where('firm_id', '=', firmId).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<Database>, firmId: string, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('firm_id', '=', firmId).where('id', '=', id).execute();
}

/** "Log out everywhere": every portal session of this person, at every firm. */
export async function deletePersonSessions(db: Kysely<Database>, portalUserId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('portal_user_id', '=', portalUserId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteContactSessions(db: Kysely<Database>, firmId: string, contactId: string): Promise<void> {
  await db.deleteFrom('sessions').where('firm_id', '=', firmId).where('contact_id', '=', contactId).execute();
}

export async function deleteClientSessions(db: Kysely<Database>, firmId: string, clientId: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('firm_id', '=', firmId)
    .where('contact_id', 'in', (q) => q.selectFrom('contacts').select('id').where('firm_id', '=', firmId).where('client_id', '=', clientId))
    .execute();
}

/**
 * Access ended for a contact: its sessions lose their contact instead of vanishing, so that the person's next request
 * is told "your access has ended" (the portal guard deletes the session then). Such a session grants nothing.
 */
export async function detachContactSessions(db: Kysely<Database>, firmId: string, contactId: string): Promise<void> {
  await db.updateTable('sessions').set({ contact_id: null }).where('firm_id', '=', firmId).where('contact_id', '=', contactId).execute();
}

export async function detachClientSessions(db: Kysely<Database>, firmId: string, clientId: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ contact_id: null })
    .where('firm_id', '=', firmId)
    .where('contact_id', 'in', (q) => q.selectFrom('contacts').select('id').where('firm_id', '=', firmId).where('client_id', '=', clientId))
    .execute();
}

export async function deleteStaffMemberSessions(db: Kysely<Database>, firmId: string, staffMemberId: string): Promise<void> {
  await db.deleteFrom('sessions').where('firm_id', '=', firmId).where('staff_member_id', '=', staffMemberId).execute();
}

export async function deleteFirmPortalSessions(db: Kysely<Database>, firmId: string): Promise<void> {
  await db.deleteFrom('sessions').where('firm_id', '=', firmId).where('kind', '=', 'portal').execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
