// Staff sign-in lookups: members by email, and the staff session with its member in one query.
import type { Kysely } from 'kysely';
import { compiledQuery } from '../compiled.ts';
import type { Database } from '../database.ts';
import { normaliseEmail } from './portal-access.ts';

export function findActiveStaffByEmail(db: Kysely<Database>, firmId: string, email: string) {
  return db
    .selectFrom('staff_members')
    .selectAll()
    .where('firm_id', '=', firmId)
    .where('email', '=', normaliseEmail(email))
    .where('active', '=', true)
    .executeTakeFirst();
}

const staffSessionQuery = compiledQuery((db, p: { firmId: string; sessionId: string }) =>
  db
    .selectFrom('sessions')
    .innerJoin('staff_members', (j) => j.onRef('staff_members.firm_id', '=', 'sessions.firm_id').onRef('staff_members.id', '=', 'sessions.staff_member_id'))
    .innerJoin('firms', 'firms.id', 'sessions.firm_id')
    .select([
      'firms.version as firm_version',
      'sessions.id',
      'sessions.kind',
      'sessions.secret_hash',
      'sessions.expires_at',
      'staff_members.id as member_id',
      'staff_members.email as member_email',
      'staff_members.first_name as member_first_name',
      'staff_members.last_name as member_last_name',
      'staff_members.role as member_role',
      'staff_members.active as member_active',
      'staff_members.created_at as member_created_at',
    ])
    .where('sessions.firm_id', '=', p.firmId)
    .where('sessions.id', '=', p.sessionId),
);

export async function findStaffSession(db: Kysely<Database>, firmId: string, sessionId: string) {
  const [row] = await staffSessionQuery(db, { firmId, sessionId });
  return row;
}
