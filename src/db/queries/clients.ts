// Clients of a firm for the staff screens: paged search, create, edit, archive, delete, the portal toggle.
import { sql, type Kysely } from 'kysely';
import type { Client, Database } from '../database.ts';

export const CLIENTS_PER_PAGE = 25;

export interface ClientInput {
  name: string;
  registration_number: string;
  vat_number: string;
  mark: string;
  colour: string;
  responsible_member_id: string | null;
}

export interface ClientListOptions {
  q?: string;
  page: number;
  archived?: boolean;
  perPage?: number;
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

export async function listClients(db: Kysely<Database>, firmId: string, options: ClientListOptions) {
  const perPage = options.perPage ?? CLIENTS_PER_PAGE;
  let base = db
    .selectFrom('clients')
    .where('clients.firm_id', '=', firmId)
    .where('clients.archived_at', options.archived ? 'is not' : 'is', null);
  const q = options.q?.trim();
  if (q) {
    const pattern = likePattern(q);
    base = base.where((eb) =>
      eb.or([eb('clients.name', 'ilike', pattern), eb('clients.mark', 'ilike', pattern), eb('clients.registration_number', 'ilike', pattern), eb('clients.vat_number', 'ilike', pattern)]),
    );
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const pages = Math.max(1, Math.ceil(Number(total) / perPage));
  const page = Math.min(Math.max(1, options.page), pages);
  const items = await base
    .leftJoin('staff_members as m', (j) => j.onRef('m.firm_id', '=', 'clients.firm_id').onRef('m.id', '=', 'clients.responsible_member_id'))
    .select((eb) => [
      'clients.id',
      'clients.name',
      'clients.mark',
      'clients.colour',
      'clients.registration_number',
      'clients.vat_number',
      'clients.portal_enabled',
      'clients.archived_at',
      sql<string>`trim(coalesce(m.first_name, '') || ' ' || coalesce(m.last_name, ''))`.as('responsible_name'),
      eb
        .selectFrom('contacts')
        .select((e2) => e2.fn.countAll<number>().as('n'))
        .whereRef('contacts.firm_id', '=', 'clients.firm_id')
        .whereRef('contacts.client_id', '=', 'clients.id')
        .as('contact_count'),
      eb
        .selectFrom('contacts')
        .select((e2) => e2.fn.countAll<number>().as('n'))
        .whereRef('contacts.firm_id', '=', 'clients.firm_id')
        .whereRef('contacts.client_id', '=', 'clients.id')
        .where('contacts.access_enabled', '=', true)
        .as('access_count'),
    ])
    .orderBy(sql`lower(clients.name)`)
    .orderBy('clients.id')
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();
  return {
    items: items.map((r) => ({ ...r, contact_count: Number(r.contact_count ?? 0), access_count: Number(r.access_count ?? 0) })),
    total: Number(total),
    page,
    pages,
  };
}

export type ClientListItem = Awaited<ReturnType<typeof listClients>>['items'][number];

export function findClient(db: Kysely<Database>, firmId: string, clientId: string): Promise<Client | undefined> {
  return db.selectFrom('clients').selectAll().where('firm_id', '=', firmId).where('id', '=', clientId).executeTakeFirst();
}

export function createClient(db: Kysely<Database>, firmId: string, input: ClientInput & { portal_enabled: boolean }, now: Date): Promise<Client> {
  return db
    .insertInto('clients')
    .values({ firm_id: firmId, id: crypto.randomUUID(), created_at: now, ...input })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateClient(db: Kysely<Database>, firmId: string, clientId: string, input: ClientInput): Promise<void> {
  await db.updateTable('clients').set(input).where('firm_id', '=', firmId).where('id', '=', clientId).execute();
}

export async function setClientArchived(db: Kysely<Database>, firmId: string, clientId: string, archivedAt: Date | null): Promise<void> {
  await db.updateTable('clients').set({ archived_at: archivedAt }).where('firm_id', '=', firmId).where('id', '=', clientId).execute();
}

export async function setClientPortal(db: Kysely<Database>, firmId: string, clientId: string, enabled: boolean): Promise<void> {
  await db.updateTable('clients').set({ portal_enabled: enabled }).where('firm_id', '=', firmId).where('id', '=', clientId).execute();
}

export async function deleteClient(db: Kysely<Database>, firmId: string, clientId: string): Promise<void> {
  await db.deleteFrom('clients').where('firm_id', '=', firmId).where('id', '=', clientId).execute();
}

/** Several clients by id (the bulk action); ids of other firms simply do not come back. */
export function findClientsByIds(db: Kysely<Database>, firmId: string, ids: string[]): Promise<Client[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('clients').selectAll().where('firm_id', '=', firmId).where('id', 'in', ids).orderBy('name').execute();
}
