// A version number on each firm, raised by the database on every change to the row, so a process can keep firms in
// memory and still notice a change at the next signed-in request (the session query returns the version). Frozen.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('firms').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await sql`create function firms_bump_version() returns trigger language plpgsql as $$
    begin
      new.version := old.version + 1;
      return new;
    end $$`.execute(db);
  await sql`create trigger firms_bump_version before update on firms for each row execute function firms_bump_version()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists firms_bump_version on firms`.execute(db);
  await sql`drop function if exists firms_bump_version()`.execute(db);
  await db.schema.alterTable('firms').dropColumn('version').execute();
}
