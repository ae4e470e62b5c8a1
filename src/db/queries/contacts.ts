// Contacts of a client for the staff screens: list, create, edit, remove, portal invites.
import type { Kysely } from 'kysely';
import type { Contact, Database } from '../database.ts';

export const CONTACTS_PER_PAGE = 25;

export interface ContactInput {
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string;
  roles: string;
  access_enabled: boolean;
}

export async function listClientContacts(db: Kysely<Database>, firmId: string, clientId: string, page = 1, perPage = CONTACTS_PER_PAGE) {
  const base = db.selectFrom('contacts').where('firm_id', '=', firmId).where('client_id', '=', clientId);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const pages = Math.max(1, Math.ceil(Number(total) / perPage));
  const current = Math.min(Math.max(1, page), pages);
  const items = await base.selectAll().orderBy('last_name').orderBy('first_name').orderBy('id').limit(perPage).offset((current - 1) * perPage).execute();
  return { items, total: Number(total), page: current, pages };
}

/** A contact of this client at this firm; another client's or firm's id finds nothing. */
export function findContact(db: Kysely<Database>, firmId: string, clientId: string, contactId: string): Promise<Contact | undefined> {
  return db.selectFrom('contacts').selectAll().where('firm_id', '=', firmId).where('client_id', '=', clientId).where('id', '=', contactId).executeTakeFirst();
}

export async function emailUsedOnClient(db: Kysely<Database>, firmId: string, clientId: string, email: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('contacts').select('id').where('firm_id', '=', firmId).where('client_id', '=', clientId).where('email', '=', email);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return Boolean(await q.executeTakeFirst());
}

export function createContact(db: Kysely<Database>, firmId: string, clientId: string, input: ContactInput, now: Date): Promise<Contact> {
  return db
    .insertInto('contacts')
    .values({ firm_id: firmId, id: crypto.randomUUID(), client_id: clientId, created_at: now, ...input })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateContact(db: Kysely<Database>, firmId: string, contactId: string, input: ContactInput & { invite_sent_at?: Date | null }): Promise<void> {
  await db.updateTable('contacts').set(input).where('firm_id', '=', firmId).where('id', '=', contactId).execute();
}

export async function deleteContact(db: Kysely<Database>, firmId: string, contactId: string): Promise<void> {
  await db.deleteFrom('contacts').where('firm_id', '=', firmId).where('id', '=', contactId).execute();
}

export async function markInviteSent(db: Kysely<Database>, firmId: string, contactIds: string[], now: Date): Promise<void> {
  if (contactIds.length === 0) return;
  await db.updateTable('contacts').set({ invite_sent_at: now }).where('firm_id', '=', firmId).where('id', 'in', contactIds).execute();
}

/** Contacts of these clients, for the bulk portal action. */
export function listContactsOfClients(db: Kysely<Database>, firmId: string, clientIds: string[]): Promise<Contact[]> {
  if (clientIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('contacts').selectAll().where('firm_id', '=', firmId).where('client_id', 'in', clientIds).orderBy('client_id').orderBy('last_name').orderBy('first_name').execute();
}
