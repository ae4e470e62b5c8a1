// Opens the database: PostgreSQL through pg when DATABASE_URL is set, else embedded PGlite in DATA_DIR.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, Migrator, PostgresDialect, type MigrationResultSet } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';
import { migrations } from './migrations/index.ts';
import { prepareStatements } from './prepared.ts';

export type Db = Kysely<Database>;

export interface OpenedDatabase {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** True when the embedded database was created by this open. */
  created: boolean;
  close(): Promise<void>;
}

// pg returns bigint and numeric as strings; our counts are cast to int, but keep numeric columns numbers too.
pg.types.setTypeParser(20, (value) => Number(value));

export async function openPostgres(connectionString: string, max = 10): Promise<OpenedDatabase> {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
  // A dropped connection (server restart) must not crash the process; the pool replaces it.
  const warn = (error: Error) => console.error(JSON.stringify({ level: 'warn', msg: 'database connection lost', error: error.message }));
  pool.on('error', warn);
  // A client that is checked out when its server goes away emits 'error' too; never let that crash the process.
  pool.on('connect', (client) => client.on('error', warn));
  // Each connection prepares the statements it runs: planning was most of a page's database time (see prepared.ts).
  pool.on('connect', prepareStatements);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', created: false, close: () => db.destroy() };
}

export async function openPglite(dataDir: string | undefined): Promise<OpenedDatabase> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGliteDialect } = await import('kysely-pglite-dialect');
  let created = true;
  let path: string | undefined;
  if (dataDir) {
    path = join(dataDir, 'pglite');
    const { existsSync } = await import('node:fs');
    created = !existsSync(join(path, 'PG_VERSION'));
    mkdirSync(path, { recursive: true });
  }
  const client = path ? new PGlite(path) : new PGlite();
  await client.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return {
    db,
    kind: 'pglite',
    created,
    close: async () => {
      await db.destroy();
      if (!client.closed) await client.close();
    },
  };
}

export async function openDatabase(config: { databaseUrl?: string; dataDir: string }): Promise<OpenedDatabase> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}

export function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function check(result: MigrationResultSet): void {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${(result.error as Error).message ?? result.error}`);
  }
}

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  check(await migrator(db).migrateToLatest());
}

export async function migrateDownAll(db: Kysely<any>): Promise<void> {
  const { NO_MIGRATIONS } = await import('kysely');
  check(await migrator(db).migrateTo(NO_MIGRATIONS));
}
