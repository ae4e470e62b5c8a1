// A new firm with its owner: the sign-up form on the bare domain and the firm creation CLI.
import type { Kysely } from 'kysely';
import type { Database, Firm, StaffMember } from '../database.ts';

export interface NewFirmInput {
  name: string;
  trademark: string;
  slug: string;
  ownerEmail: string;
  ownerFirstName: string;
  ownerLastName: string;
}

export async function createFirmWithOwner(db: Kysely<Database>, input: NewFirmInput, now: Date): Promise<{ firm: Firm; owner: StaffMember }> {
  const firm = await db
    .insertInto('firms')
    .values({ id: crypto.randomUUID(), slug: input.slug, name: input.name, trademark: input.trademark, plan: 'standard', portal_active: false, created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  const owner = await db
    .insertInto('staff_members')
    .values({ firm_id: firm.id, id: crypto.randomUUID(), email: input.ownerEmail.toLowerCase(), first_name: input.ownerFirstName, last_name: input.ownerLastName, role: 'owner', created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { firm, owner };
}
