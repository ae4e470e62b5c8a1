// Reports over task files: the staff dashboard's recent client uploads, and the blob keys rows still need (sweeper).
import { type Kysely, sql } from 'kysely';
import type { Database, ScanStatus } from '../database.ts';

type Db = Kysely<Database>;

export interface RecentUpload {
  id: string;
  taskId: string;
  taskTitle: string;
  clientName: string;
  name: string;
  size: number;
  uploadedByName: string;
  scanStatus: ScanStatus;
  createdAt: Date;
}

/** Files clients uploaded since a moment (the staff dashboard card), newest first, with the total count. */
export async function listRecentClientUploads(db: Db, firmId: string, since: Date, limit = 10): Promise<{ total: number; files: RecentUpload[] }> {
  const rows = await db
    .selectFrom('task_files as f')
    .innerJoin('tasks as t', (j) => j.onRef('t.firm_id', '=', 'f.firm_id').onRef('t.id', '=', 'f.task_id'))
    .innerJoin('clients as cl', (j) => j.onRef('cl.firm_id', '=', 'f.firm_id').onRef('cl.id', '=', 'f.client_id'))
    .select([
      'f.id',
      'f.task_id as taskId',
      't.title as taskTitle',
      'cl.name as clientName',
      'f.original_name as name',
      'f.size',
      'f.uploaded_by_name as uploadedByName',
      'f.scan_status as scanStatus',
      'f.created_at as createdAt',
      sql<number>`(count(*) over ())::int`.as('total'),
    ])
    .where('f.firm_id', '=', firmId)
    .where('f.created_at', '>=', since)
    .where('f.uploaded_by_type', '=', 'portal')
    .where('f.deleted_at', 'is', null)
    .orderBy('f.created_at', 'desc')
    .orderBy('f.id')
    .limit(limit)
    .execute();
  return { total: rows[0]?.total ?? 0, files: rows.map(({ total: _total, ...r }) => ({ ...r, createdAt: new Date(r.createdAt) })) };
}

/**
 * Every blob key a row still needs. Live attachments count (deleted and quarantined ones do not), and so does any
 * text column whose name ends in "key" in any other table (logos, icons, videos, and whatever later areas store),
 * so an area that keeps blob keys is safe from the sweeper without registering anything.
 */
export async function blobKeysInUse(db: Db): Promise<Set<string>> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type = 'text' and column_name like '%key'
      and table_name <> 'task_files' and table_name not like 'kysely%'
    order by table_name, column_name`.execute(db);
  const parts = [sql`select blob_key as key from task_files where deleted_at is null and scan_status <> 'infected'`];
  for (const c of columns.rows) parts.push(sql`select ${sql.ref(c.column_name)}::text as key from ${sql.table(c.table_name)} where ${sql.ref(c.column_name)} is not null`);
  const rows = await sql<{ key: string }>`${sql.join(parts, sql` union `)}`.execute(db);
  return new Set(rows.rows.map((r) => r.key));
}
