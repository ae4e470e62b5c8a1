// One test database per run: embedded PGlite, or a fresh PostgreSQL database when TEST_DB=postgres.
import { sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openPglite, openPostgres, type Db, type OpenedDatabase } from '../../src/db/connect.ts';

let opened: Promise<OpenedDatabase & { drop?: () => Promise<void> }> | undefined;
let tables: string[] | undefined;

export function testDatabaseKind(): 'postgres' | 'pglite' {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

async function createPostgresDatabase(): Promise<OpenedDatabase & { drop: () => Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DB=postgres needs DATABASE_URL');
  const name = `portico_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 10);
  return {
    ...database,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** The run's database, migrated. */
export function testDatabase(): Promise<OpenedDatabase & { drop?: () => Promise<void> }> {
  opened ??= (async () => {
    const database = testDatabaseKind() === 'postgres' ? await createPostgresDatabase() : await openPglite(undefined);
    await migrateToLatest(database.db);
    return database;
  })();
  return opened;
}

/** Empties every table (app code opens its own transactions, so no per-test rollback). */
export async function resetDatabase(db: Db): Promise<void> {
  tables ??= (
    await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`.execute(db)
  ).rows.map((r) => r.table_name);
  if (tables.length) await sql.raw(`truncate ${tables.map((t) => `"${t}"`).join(', ')} cascade`).execute(db);
}

export async function closeTestDatabase(): Promise<void> {
  if (!opened) return;
  const database = await opened;
  await database.close();
  await database.drop?.();
  opened = undefined;
}
