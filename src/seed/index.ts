// The demo data: `npm run seed`, and `npm start` on a new embedded database. Each area adds its own part.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { loadConfig } from '../config.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { blobStoreFromConfig } from '../storage/index.ts';
import { seedFiles } from './files.ts';
import { seedFoundation } from './foundation.ts';
import { seedStaff } from './staff.ts';
import { seedTasks } from './tasks.ts';

/** `blobs`: where the demo logo goes; by default the store the configuration names (as the server uses). */
export async function seedDemo(db: Kysely<Database>, now = new Date(), blobs?: BlobStore): Promise<boolean> {
  const existing = await db.selectFrom('firms').select('id').where('slug', '=', 'demo').executeTakeFirst();
  if (existing) return false;
  await db.transaction().execute(async (trx) => {
    const firms = await seedFoundation(trx, now);
    await seedStaff(trx, firms, now, blobs);
    await seedTasks(trx, firms, now);
    await seedFiles(trx, firms, now, blobs ?? blobStoreFromConfig(loadConfig()));
  });
  return true;
}
