// Fixed-window counters in PostgreSQL, shared by every app process.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.ts';

/** Records a hit and says whether it is within the limit (hits over the limit are recorded too). */
export async function hitRateLimit(db: Kysely<Database>, bucket: string, limit: number, windowMs: number, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - windowMs);
  const row = await db
    .selectFrom('rate_limit_hits')
    .select(sql<number>`count(*)::int`.as('hits'))
    .where('bucket', '=', bucket)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  await db.insertInto('rate_limit_hits').values({ bucket, at: now }).execute();
  return row.hits < limit;
}

export async function pruneRateLimitHits(db: Kysely<Database>, before: Date): Promise<void> {
  await db.deleteFrom('rate_limit_hits').where('at', '<', before).execute();
}
