// A contact's first portal sign-in, recorded once.
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';

/** Sets first_login_at if it was empty; true when this was the first sign-in. */
export async function markFirstLogin(db: Kysely<Database>, firmId: string, contactId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('contacts')
    .set({ first_login_at: now })
    .where('firm_id', '=', firmId)
    .where('id', '=', contactId)
    .where('first_login_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
