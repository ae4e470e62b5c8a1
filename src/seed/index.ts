// The demo data: `npm run seed`, and `npm start` on a new embedded database. Each area adds its own part.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { seedFoundation } from './foundation.ts';

export async function seedDemo(db: Kysely<Database>, now = new Date()): Promise<boolean> {
  const existing = await db.selectFrom('firms').select('id').where('slug', '=', 'demo').executeTakeFirst();
  if (existing) return false;
  await db.transaction().execute(async (trx) => {
    await seedFoundation(trx, now);
  });
  return true;
}
