// Row builders with defaults, shared by the demo seed and the tests.
import type { Kysely } from 'kysely';
import type { Client, Contact, Database, Firm, StaffMember } from '../db/database.ts';

type FirmInput = Partial<Omit<Firm, 'id' | 'created_at' | 'menu_links'>> & { slug: string; menu_links?: string };

export async function makeFirm(db: Kysely<Database>, input: FirmInput, now = new Date()): Promise<Firm> {
  const name = input.name ?? `${input.slug} Accounting`;
  return db
    .insertInto('firms')
    .values({ id: crypto.randomUUID(), created_at: now, portal_active: true, ...input, name, trademark: input.trademark ?? name })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeStaff(
  db: Kysely<Database>,
  firm: Pick<Firm, 'id'>,
  input: Partial<Omit<StaffMember, 'id' | 'firm_id' | 'created_at'>> & { email: string },
  now = new Date(),
): Promise<StaffMember> {
  return db
    .insertInto('staff_members')
    .values({ firm_id: firm.id, id: crypto.randomUUID(), role: 'member', created_at: now, ...input, email: input.email.toLowerCase() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeClient(
  db: Kysely<Database>,
  firm: Pick<Firm, 'id'>,
  input: Partial<Omit<Client, 'id' | 'firm_id' | 'created_at'>> & { name: string },
  now = new Date(),
): Promise<Client> {
  return db
    .insertInto('clients')
    .values({ firm_id: firm.id, id: crypto.randomUUID(), portal_enabled: true, created_at: now, ...input })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeContact(
  db: Kysely<Database>,
  client: Pick<Client, 'id' | 'firm_id'>,
  input: Partial<Omit<Contact, 'id' | 'firm_id' | 'client_id' | 'created_at'>> = {},
  now = new Date(),
): Promise<Contact> {
  return db
    .insertInto('contacts')
    .values({
      firm_id: client.firm_id,
      id: crypto.randomUUID(),
      client_id: client.id,
      created_at: now,
      access_enabled: true,
      ...input,
      email: input.email === undefined ? `${crypto.randomUUID().slice(0, 8)}@example.test` : input.email?.toLowerCase() ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
