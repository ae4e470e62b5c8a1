// What needs attention on the staff dashboard: clients without the portal, contacts not invited or never signed in,
// recent client sign-ins. Each returns a count and the first few rows.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.ts';

export const DASHBOARD_ROWS = 5;

export async function clientsWithoutPortal(db: Kysely<Database>, firmId: string) {
  const base = db.selectFrom('clients').where('firm_id', '=', firmId).where('portal_enabled', '=', false).where('archived_at', 'is', null);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.select(['id', 'name']).orderBy(sql`lower(name)`).limit(DASHBOARD_ROWS).execute();
  return { count: Number(n), rows };
}

function contactsWithAccess(db: Kysely<Database>, firmId: string) {
  return db
    .selectFrom('contacts')
    .innerJoin('clients', (j) => j.onRef('clients.firm_id', '=', 'contacts.firm_id').onRef('clients.id', '=', 'contacts.client_id'))
    .where('contacts.firm_id', '=', firmId)
    .where('contacts.access_enabled', '=', true)
    .where('contacts.email', 'is not', null)
    .where('clients.portal_enabled', '=', true)
    .where('clients.archived_at', 'is', null)
    .where('contacts.first_login_at', 'is', null);
}

/** Contacts with access who were never invited (and never signed in on their own). */
export async function contactsNeverInvited(db: Kysely<Database>, firmId: string) {
  const base = contactsWithAccess(db, firmId).where('contacts.invite_sent_at', 'is', null);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['contacts.id', 'contacts.first_name', 'contacts.last_name', 'contacts.email', 'clients.id as client_id', 'clients.name as client_name'])
    .orderBy('contacts.created_at', 'desc')
    .limit(DASHBOARD_ROWS)
    .execute();
  return { count: Number(n), rows };
}

/** Invited contacts who have not signed in yet, longest waiting first. */
export async function contactsInvitedNotSignedIn(db: Kysely<Database>, firmId: string) {
  const base = contactsWithAccess(db, firmId).where('contacts.invite_sent_at', 'is not', null);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['contacts.id', 'contacts.first_name', 'contacts.last_name', 'contacts.email', 'contacts.invite_sent_at', 'clients.id as client_id', 'clients.name as client_name'])
    .orderBy('contacts.invite_sent_at')
    .limit(DASHBOARD_ROWS)
    .execute();
  return { count: Number(n), rows };
}

/** The latest client sign-ins, with the contact and client they signed in as. */
export function recentClientSignIns(db: Kysely<Database>, firmId: string, limit = DASHBOARD_ROWS) {
  return db
    .selectFrom('audit_events')
    .leftJoin('contacts', (j) => j.onRef('contacts.firm_id', '=', 'audit_events.firm_id').onRef('contacts.id', '=', 'audit_events.subject_id'))
    .leftJoin('clients', (j) => j.onRef('clients.firm_id', '=', 'contacts.firm_id').onRef('clients.id', '=', 'contacts.client_id'))
    .select(['audit_events.at', 'audit_events.actor_email', 'contacts.first_name', 'contacts.last_name', 'clients.id as client_id', 'clients.name as client_name'])
    .where('audit_events.firm_id', '=', firmId)
    .where('audit_events.action', '=', 'login.signed_in')
    .orderBy('audit_events.at', 'desc')
    .limit(limit)
    .execute();
}
