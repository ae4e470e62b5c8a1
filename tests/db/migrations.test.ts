import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sql } from 'kysely';
import { migrateDownAll, migrateToLatest } from '../../src/db/connect.ts';
import { migrations } from '../../src/db/migrations/index.ts';
import { testDatabase, testDatabaseKind } from '../helpers/db.ts';

const test = suite(`migrations (${testDatabaseKind()})`);

async function tableNames(db: any): Promise<string[]> {
  const r = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public' and table_name not like 'kysely_%' order by 1`.execute(db);
  return r.rows.map((x) => x.table_name);
}

test('migrations go all the way down and back up', async () => {
  const { db } = await testDatabase();
  const before = await tableNames(db);
  assert.ok(before.includes('firms') && before.includes('sessions') && before.includes('outbox'));
  await migrateDownAll(db);
  assert.equal(await tableNames(db), []);
  await migrateToLatest(db);
  assert.equal(await tableNames(db), before);
});

test('migration names are timestamped and in order', () => {
  const names = Object.keys(migrations);
  assert.equal([...names].sort(), names);
  for (const name of names) assert.match(name, /^\d{4}_\d{2}_\d{2}_\d{4}_[a-z0-9_]+$/);
});

test('every tenant table carries firm_id first in its primary key and every index', async () => {
  const { db } = await testDatabase();
  const global = new Set(['firms', 'portal_users', 'firm_slug_aliases', 'rate_limit_hits']);
  // Indexes that cross firms on purpose: a person's logins across firms, and the mail queue.
  const crossFirm = new Set(['contacts_email_idx', 'sessions_person_idx', 'outbox_due_idx']);
  const rows = await sql<{ table_name: string; index_name: string; first_column: string }>`
    select t.relname as table_name, i.relname as index_name, a.attname as first_column
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]
    where n.nspname = 'public' and t.relname not like 'kysely_%'`.execute(db);
  for (const row of rows.rows) {
    if (global.has(row.table_name) || crossFirm.has(row.index_name)) continue;
    assert.is(row.first_column, 'firm_id', `${row.table_name}.${row.index_name} starts with ${row.first_column}`);
  }
});

test.run();
