// Who may use the portal: contacts with access, at clients with the portal on, at firms with it active.
import { type AliasableExpression, type Expression, type Kysely, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { compiledQuery } from '../compiled.ts';
import type { Database } from '../database.ts';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Contacts this email may act as at one firm, by client name. */
export function listAccessibleContacts(db: Kysely<Database>, firmId: string, email: string) {
  return db
    .selectFrom('contacts')
    .innerJoin('clients', (j) => j.onRef('clients.firm_id', '=', 'contacts.firm_id').onRef('clients.id', '=', 'contacts.client_id'))
    .select(['contacts.id as contactId', 'contacts.client_id as clientId', 'clients.name as clientName', 'contacts.first_name as firstName', 'contacts.last_name as lastName'])
    .where('contacts.firm_id', '=', firmId)
    .where('contacts.email', '=', normaliseEmail(email))
    .where('contacts.access_enabled', '=', true)
    .where('clients.portal_enabled', '=', true)
    .where('clients.archived_at', 'is', null)
    .orderBy('clients.name')
    .execute();
}

export async function findPortalUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('portal_users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

/** The person behind this email, created on first sign-in with the contact's name. */
export async function ensurePortalUser(
  db: Kysely<Database>,
  email: string,
  names: { firstName: string; lastName: string; language: string },
  now: Date,
) {
  const normalised = normaliseEmail(email);
  await db
    .insertInto('portal_users')
    .values({ id: crypto.randomUUID(), email: normalised, first_name: names.firstName, last_name: names.lastName, language: names.language, created_at: now })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
  return db.selectFrom('portal_users').selectAll().where('email', '=', normalised).executeTakeFirstOrThrow();
}

export async function rememberLastContact(db: Kysely<Database>, firmId: string, portalUserId: string, contactId: string, now: Date): Promise<void> {
  await db
    .insertInto('portal_last_contacts')
    .values({ firm_id: firmId, portal_user_id: portalUserId, contact_id: contactId, updated_at: now })
    .onConflict((oc) => oc.columns(['firm_id', 'portal_user_id']).doUpdateSet({ contact_id: contactId, updated_at: now }))
    .execute();
}

export async function findLastContact(db: Kysely<Database>, firmId: string, portalUserId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('portal_last_contacts')
    .select('contact_id')
    .where('firm_id', '=', firmId)
    .where('portal_user_id', '=', portalUserId)
    .executeTakeFirst();
  return row?.contact_id;
}

interface SessionKey {
  firmId: string;
  sessionId: string;
}

/**
 * Everything the portal guard needs, in one query: the session, its person, its current contact
 * (only while that contact still has access), and every (firm, client) pair the person may switch to.
 */
function portalSessionSelect(db: Kysely<Database>, p: SessionKey) {
  return db
    .selectFrom('sessions')
    .innerJoin('portal_users', 'portal_users.id', 'sessions.portal_user_id')
    .innerJoin('firms', 'firms.id', 'sessions.firm_id')
    .leftJoin('contacts', (j) =>
      j
        .onRef('contacts.firm_id', '=', 'sessions.firm_id')
        .onRef('contacts.id', '=', 'sessions.contact_id')
        .on('contacts.access_enabled', '=', true)
        .onRef('contacts.email', '=', 'portal_users.email'),
    )
    .leftJoin('clients', (j) =>
      j
        .onRef('clients.firm_id', '=', 'contacts.firm_id')
        .onRef('clients.id', '=', 'contacts.client_id')
        .on('clients.portal_enabled', '=', true)
        .on('clients.archived_at', 'is', null),
    )
    .select((eb) => [
      'sessions.id',
      'sessions.kind',
      'sessions.secret_hash',
      'sessions.expires_at',
      'sessions.contact_id',
      'firms.version as firm_version',
      'portal_users.id as user_id',
      'portal_users.email as user_email',
      'portal_users.first_name as user_first_name',
      'portal_users.last_name as user_last_name',
      'portal_users.phone as user_phone',
      'portal_users.language as user_language',
      'portal_users.timezone as user_timezone',
      'portal_users.regional_format as user_regional_format',
      'portal_users.notify_timing as user_notify_timing',
      'portal_users.created_at as user_created_at',
      'clients.id as client_id',
      'contacts.first_name as contact_first_name',
      'contacts.last_name as contact_last_name',
      'contacts.first_login_at as contact_first_login_at',
      'contacts.welcome_seen_at as contact_welcome_seen_at',
      'clients.name as client_name',
      jsonArrayFrom(
        eb
          .selectFrom('contacts as c2')
          .innerJoin('clients as cl2', (j) => j.onRef('cl2.firm_id', '=', 'c2.firm_id').onRef('cl2.id', '=', 'c2.client_id'))
          .innerJoin('firms as f2', 'f2.id', 'c2.firm_id')
          .select(['f2.slug as firmSlug', 'f2.trademark as firmTrademark', 'f2.id as firmId', 'c2.id as contactId', 'cl2.name as clientName'])
          .whereRef('c2.email', '=', 'portal_users.email')
          .where('c2.access_enabled', '=', true)
          .where('cl2.portal_enabled', '=', true)
          .where('cl2.archived_at', 'is', null)
          .where('f2.portal_active', '=', true)
          .orderBy('f2.trademark')
          .orderBy('cl2.name'),
      ).as('companies'),
    ])
    .where('sessions.firm_id', '=', p.firmId)
    .where('sessions.id', '=', p.sessionId);
}

const portalSessionQuery = compiledQuery(portalSessionSelect);

export async function findPortalSession(db: Kysely<Database>, firmId: string, sessionId: string) {
  const [row] = await portalSessionQuery(db, { firmId, sessionId });
  return row;
}

export type PortalSessionRow = NonNullable<Awaited<ReturnType<typeof findPortalSession>>>;

/** The signed-in scope as columns of the guard's query: a page's own query reaches its rows only through these. */
export interface ScopeRefs {
  firmId: Expression<string>;
  clientId: Expression<string>;
  contactId: Expression<string>;
}

// clients.id and contacts.id are null unless the session's contact still has access (see the joins above).
const sessionScope: ScopeRefs = { firmId: sql.ref('sessions.firm_id'), clientId: sql.ref('clients.id'), contactId: sql.ref('contacts.id') };

/** Loads the session (as findPortalSession) and, in the same statement, one page's data as `page`. */
export type PortalPageLoader<R> = (db: Kysely<Database>, firmId: string, sessionId: string) => Promise<(PortalSessionRow & { page: R }) | undefined>;

/**
 * A page whose data comes in the guard's own statement: one round trip for session and page (measured by
 * `npm run bench`: a round trip cost more than the page's query). `page` builds a single-column subquery over
 * `scope`; it finds nothing unless the session's contact has access, and the guard reads it only after checking the
 * session's secret. Use the params only as values (one portalPage per query shape); firmId and sessionId are taken.
 */
export function portalPage<P extends object, R>(page: (db: Kysely<Database>, scope: ScopeRefs, params: P) => AliasableExpression<R>): (params: P) => PortalPageLoader<R> {
  const query = compiledQuery((db, p: SessionKey & P) => portalSessionSelect(db, p).select(page(db, sessionScope, p).as('page')));
  return (params) => async (db, firmId, sessionId) => {
    const [row] = await query(db, { ...params, firmId, sessionId });
    return row as (PortalSessionRow & { page: R }) | undefined;
  };
}
