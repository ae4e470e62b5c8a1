// Staff members of a firm: list with last sign-in, invite, role, deactivate, reactivate, ownership transfer.
import type { Kysely } from 'kysely';
import type { Database, StaffMember, StaffRole } from '../database.ts';

export const MEMBERS_PER_PAGE = 25;

export async function listMembers(db: Kysely<Database>, firmId: string, page = 1, perPage = MEMBERS_PER_PAGE) {
  const base = db.selectFrom('staff_members').where('staff_members.firm_id', '=', firmId);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const pages = Math.max(1, Math.ceil(Number(total) / perPage));
  const current = Math.min(Math.max(1, page), pages);
  const items = await base
    .selectAll('staff_members')
    .select((eb) =>
      eb
        .selectFrom('audit_events')
        .select((e2) => e2.fn.max('at').as('at'))
        .whereRef('audit_events.firm_id', '=', 'staff_members.firm_id')
        .whereRef('audit_events.actor_id', '=', 'staff_members.id')
        .where('audit_events.action', '=', 'staff_login.signed_in')
        .as('last_sign_in_at'),
    )
    .orderBy('staff_members.active', 'desc')
    .orderBy('staff_members.first_name')
    .orderBy('staff_members.last_name')
    .orderBy('staff_members.email')
    .limit(perPage)
    .offset((current - 1) * perPage)
    .execute();
  return { items: items.map((m) => ({ ...m, last_sign_in_at: m.last_sign_in_at ? new Date(m.last_sign_in_at as Date | string) : null })), total: Number(total), page: current, pages };
}

export function findMember(db: Kysely<Database>, firmId: string, memberId: string): Promise<StaffMember | undefined> {
  return db.selectFrom('staff_members').selectAll().where('firm_id', '=', firmId).where('id', '=', memberId).executeTakeFirst();
}

export function findMemberByEmail(db: Kysely<Database>, firmId: string, email: string): Promise<StaffMember | undefined> {
  return db.selectFrom('staff_members').selectAll().where('firm_id', '=', firmId).where('email', '=', email).executeTakeFirst();
}

/** Active members, for "responsible staff member" choices. */
export function listActiveMembers(db: Kysely<Database>, firmId: string) {
  return db
    .selectFrom('staff_members')
    .select(['id', 'first_name', 'last_name', 'email', 'role'])
    .where('firm_id', '=', firmId)
    .where('active', '=', true)
    .orderBy('first_name')
    .orderBy('last_name')
    .execute();
}

export function insertMember(
  db: Kysely<Database>,
  firmId: string,
  input: { email: string; first_name: string; last_name: string; role: StaffRole },
  now: Date,
): Promise<StaffMember> {
  return db
    .insertInto('staff_members')
    .values({ firm_id: firmId, id: crypto.randomUUID(), created_at: now, active: true, ...input })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateMember(db: Kysely<Database>, firmId: string, memberId: string, patch: { role?: StaffRole; active?: boolean }): Promise<void> {
  await db.updateTable('staff_members').set(patch).where('firm_id', '=', firmId).where('id', '=', memberId).execute();
}

/** The owner becomes an admin and the chosen member the owner, in the caller's transaction. */
export async function transferOwnership(db: Kysely<Database>, firmId: string, fromId: string, toId: string): Promise<void> {
  await db.updateTable('staff_members').set({ role: 'admin' }).where('firm_id', '=', firmId).where('id', '=', fromId).where('role', '=', 'owner').execute();
  await db.updateTable('staff_members').set({ role: 'owner' }).where('firm_id', '=', firmId).where('id', '=', toId).execute();
}
