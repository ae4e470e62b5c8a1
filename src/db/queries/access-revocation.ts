// Ending access at once: sessions deleted, live links revoked and pending task mail cancelled, in the caller's transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { revokeFirmPortalLinks, revokeMagicLinks } from './magic-links.ts';
import { listAccessibleContacts } from './portal-access.ts';
import { cancelContactTaskMail } from './task-notifications.ts';
import { deleteFirmPortalSessions, deleteStaffMemberSessions, detachClientSessions, detachContactSessions } from './sessions.ts';

/**
 * A contact lost access, or its email changed (pass the old email). A link names an e-mail, not a contact, so live
 * links stay while that e-mail still has access through another contact at this firm (they then sign in as that one).
 */
export async function endContactAccess(db: Kysely<Database>, firmId: string, contactId: string, email: string | null): Promise<void> {
  await detachContactSessions(db, firmId, contactId);
  if (email && !(await listAccessibleContacts(db, firmId, email)).some((other) => other.contactId !== contactId)) {
    await revokeMagicLinks(db, firmId, 'portal', email);
  }
  await cancelContactTaskMail(db, firmId, [contactId]);
}

/** The client's portal toggle was switched off, or the client archived or deleted. */
export async function endClientAccess(db: Kysely<Database>, firmId: string, clientId: string): Promise<void> {
  const contacts = await db.selectFrom('contacts').select(['id', 'email']).where('firm_id', '=', firmId).where('client_id', '=', clientId).execute();
  await detachClientSessions(db, firmId, clientId);
  for (const contact of contacts) {
    if (!contact.email) continue;
    const elsewhere = (await listAccessibleContacts(db, firmId, contact.email)).some((other) => other.clientId !== clientId);
    if (!elsewhere) await revokeMagicLinks(db, firmId, 'portal', contact.email);
  }
  await cancelContactTaskMail(db, firmId, contacts.map((contact) => contact.id));
}

export async function endStaffMemberAccess(db: Kysely<Database>, firmId: string, memberId: string, email: string): Promise<void> {
  await deleteStaffMemberSessions(db, firmId, memberId);
  await revokeMagicLinks(db, firmId, 'staff', email);
}

/** The firm deactivated its portal: every portal session and link ends; data stays. */
export async function endFirmPortalAccess(db: Kysely<Database>, firmId: string): Promise<void> {
  await deleteFirmPortalSessions(db, firmId);
  await revokeFirmPortalLinks(db, firmId);
}
