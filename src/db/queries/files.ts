// Files attached to tasks: what each side may reach, the attachments list, writes, scan results, and the
// blob keys still in use (for the sweeper). Portal lookups take a PortalScope and check the task is shared.
import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { PortalScope } from '../../app-env.ts';
import type { Database, ScanStatus } from '../database.ts';

type Db = Kysely<Database>;

export interface UploadTarget {
  taskId: string;
  title: string;
  clientId: string;
  clientName: string;
  /** false for reference tasks and tasks the firm has closed (portal side only). */
  open: boolean;
}

/** The task as a portal upload target: shared with this contact, of this client. */
export async function findPortalFileTask(db: Db, scope: PortalScope, taskId: string): Promise<UploadTarget | undefined> {
  const row = await db
    .selectFrom('task_portal_assignees as a')
    .innerJoin('task_portal as p', (j) => j.onRef('p.firm_id', '=', 'a.firm_id').onRef('p.task_id', '=', 'a.task_id'))
    .innerJoin('tasks as t', (j) => j.onRef('t.firm_id', '=', 'a.firm_id').onRef('t.id', '=', 'a.task_id'))
    .innerJoin('clients as cl', (j) => j.onRef('cl.firm_id', '=', 't.firm_id').onRef('cl.id', '=', 't.client_id'))
    .select(['t.id', 't.title', 't.client_id', 'cl.name as client_name', 'p.assign_as_task', 't.status'])
    .where('a.firm_id', '=', scope.firmId)
    .where('a.task_id', '=', taskId)
    .where('a.contact_id', '=', scope.contactId)
    .where('t.client_id', '=', scope.clientId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { taskId: row.id, title: row.title, clientId: row.client_id, clientName: row.client_name, open: row.assign_as_task && row.status !== 'done' };
}

/** The upload target and its live files in one query (the task page's attachments slot). */
export async function loadPortalTaskFiles(db: Db, scope: PortalScope, taskId: string): Promise<{ target: UploadTarget; files: TaskFile[] } | undefined> {
  const row = await db
    .selectFrom('task_portal_assignees as a')
    .innerJoin('task_portal as p', (j) => j.onRef('p.firm_id', '=', 'a.firm_id').onRef('p.task_id', '=', 'a.task_id'))
    .innerJoin('tasks as t', (j) => j.onRef('t.firm_id', '=', 'a.firm_id').onRef('t.id', '=', 'a.task_id'))
    .innerJoin('clients as cl', (j) => j.onRef('cl.firm_id', '=', 't.firm_id').onRef('cl.id', '=', 't.client_id'))
    .select((eb) => [
      't.id',
      't.title',
      't.client_id',
      'cl.name as client_name',
      'p.assign_as_task',
      't.status',
      jsonArrayFrom(
        eb
          .selectFrom('task_files as f')
          .select(fileColumns)
          .where('f.deleted_at', 'is', null)
          .whereRef('f.firm_id', '=', 't.firm_id')
          .whereRef('f.task_id', '=', 't.id')
          .whereRef('f.client_id', '=', 't.client_id')
          .orderBy('f.created_at')
          .orderBy('f.original_name')
          .orderBy('f.id'),
      ).as('files'),
    ])
    .where('a.firm_id', '=', scope.firmId)
    .where('a.task_id', '=', taskId)
    .where('a.contact_id', '=', scope.contactId)
    .where('t.client_id', '=', scope.clientId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    target: { taskId: row.id, title: row.title, clientId: row.client_id, clientName: row.client_name, open: row.assign_as_task && row.status !== 'done' },
    files: (row.files as unknown as Parameters<typeof toFile>[0][]).map(toFile),
  };
}

/** Any task of the firm, for staff. */
export async function findStaffFileTask(db: Db, firmId: string, taskId: string): Promise<UploadTarget | undefined> {
  const row = await db
    .selectFrom('tasks as t')
    .innerJoin('clients as cl', (j) => j.onRef('cl.firm_id', '=', 't.firm_id').onRef('cl.id', '=', 't.client_id'))
    .select(['t.id', 't.title', 't.client_id', 'cl.name as client_name'])
    .where('t.firm_id', '=', firmId)
    .where('t.id', '=', taskId)
    .executeTakeFirst();
  return row ? { taskId: row.id, title: row.title, clientId: row.client_id, clientName: row.client_name, open: true } : undefined;
}

export interface TaskFile {
  id: string;
  taskId: string;
  blobKey: string;
  name: string;
  size: number;
  sha256: string;
  contentType: string;
  uploadedByType: 'staff' | 'portal';
  uploadedById: string | null;
  uploadedByName: string;
  source: 'task' | 'message';
  scanStatus: ScanStatus;
  scanSignature: string | null;
  createdAt: Date;
}

const fileColumns = [
  'f.id',
  'f.task_id as taskId',
  'f.blob_key as blobKey',
  'f.original_name as name',
  'f.size',
  'f.sha256',
  'f.content_type as contentType',
  'f.uploaded_by_type as uploadedByType',
  'f.uploaded_by_id as uploadedById',
  'f.uploaded_by_name as uploadedByName',
  'f.source',
  'f.scan_status as scanStatus',
  'f.scan_signature as scanSignature',
  'f.created_at as createdAt',
] as const;

function selectFile(db: Db) {
  return db.selectFrom('task_files as f').select(fileColumns).where('f.deleted_at', 'is', null);
}

function toFile(row: Omit<TaskFile, 'createdAt'> & { createdAt: Date | string }): TaskFile {
  return { ...row, createdAt: new Date(row.createdAt) };
}

/** The attachments of a task the portal user may see (the caller has checked the task is shared with them). */
export async function listPortalTaskFiles(db: Db, scope: PortalScope, taskId: string): Promise<TaskFile[]> {
  const rows = await selectFile(db)
    .where('f.firm_id', '=', scope.firmId)
    .where('f.task_id', '=', taskId)
    .where('f.client_id', '=', scope.clientId)
    .orderBy('f.created_at')
    .orderBy('f.original_name')
    .orderBy('f.id')
    .execute();
  return rows.map(toFile);
}

export async function listStaffTaskFiles(db: Db, firmId: string, taskId: string): Promise<TaskFile[]> {
  const rows = await selectFile(db).where('f.firm_id', '=', firmId).where('f.task_id', '=', taskId).orderBy('f.created_at').orderBy('f.original_name').orderBy('f.id').execute();
  return rows.map(toFile);
}

/** One file of a task shared with this contact; undefined for anything else (another task, client or firm). */
export async function findPortalTaskFile(db: Db, scope: PortalScope, taskId: string, fileId: string): Promise<TaskFile | undefined> {
  const row = await selectFile(db)
    .innerJoin('task_portal_assignees as a', (j) => j.onRef('a.firm_id', '=', 'f.firm_id').onRef('a.task_id', '=', 'f.task_id').on('a.contact_id', '=', scope.contactId))
    .innerJoin('task_portal as p', (j) => j.onRef('p.firm_id', '=', 'f.firm_id').onRef('p.task_id', '=', 'f.task_id'))
    .where('f.firm_id', '=', scope.firmId)
    .where('f.id', '=', fileId)
    .where('f.task_id', '=', taskId)
    .where('f.client_id', '=', scope.clientId)
    .executeTakeFirst();
  return row ? toFile(row) : undefined;
}

export async function findStaffTaskFile(db: Db, firmId: string, taskId: string, fileId: string): Promise<TaskFile | undefined> {
  const row = await selectFile(db).where('f.firm_id', '=', firmId).where('f.id', '=', fileId).where('f.task_id', '=', taskId).executeTakeFirst();
  return row ? toFile(row) : undefined;
}

export interface NewTaskFile {
  id: string;
  taskId: string;
  clientId: string;
  blobKey: string;
  name: string;
  size: number;
  sha256: string;
  contentType: string;
  uploadedByType: 'staff' | 'portal';
  uploadedById: string;
  uploadedByName: string;
  source?: 'task' | 'message';
  messageId?: string | null;
  scanStatus: ScanStatus;
}

export async function insertTaskFiles(db: Db, firmId: string, files: NewTaskFile[], now: Date): Promise<void> {
  if (files.length === 0) return;
  await db
    .insertInto('task_files')
    .values(
      files.map((f) => ({
        firm_id: firmId,
        id: f.id,
        task_id: f.taskId,
        client_id: f.clientId,
        blob_key: f.blobKey,
        original_name: f.name,
        size: f.size,
        sha256: f.sha256,
        content_type: f.contentType,
        uploaded_by_type: f.uploadedByType,
        uploaded_by_id: f.uploadedById,
        uploaded_by_name: f.uploadedByName,
        source: f.source ?? 'task',
        message_id: f.messageId ?? null,
        scan_status: f.scanStatus,
        created_at: now,
      })),
    )
    .execute();
}

/** Marks a file deleted; returns its blob key (to delete after commit), or undefined when it was already gone. */
export async function markTaskFileDeleted(db: Db, firmId: string, fileId: string, now: Date): Promise<string | undefined> {
  const row = await db
    .updateTable('task_files')
    .set({ deleted_at: now })
    .where('firm_id', '=', firmId)
    .where('id', '=', fileId)
    .where('deleted_at', 'is', null)
    .returning('blob_key')
    .executeTakeFirst();
  return row?.blob_key;
}

export interface PendingScan {
  firmId: string;
  fileId: string;
}

/** Files still waiting for the virus scanner, in every firm (the scan queue's start-up sweep). */
export async function listPendingScans(db: Db, limit = 1000): Promise<PendingScan[]> {
  return db
    .selectFrom('task_files')
    .select(['firm_id as firmId', 'id as fileId'])
    .where('scan_status', '=', 'pending')
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

export interface ScanSubject {
  firmId: string;
  firmSlug: string;
  id: string;
  taskId: string;
  taskTitle: string;
  clientId: string;
  clientName: string;
  blobKey: string;
  name: string;
  uploadedByType: 'staff' | 'portal';
  uploadedById: string | null;
  uploadedByName: string;
}

/** A pending file with what the scan queue needs to report on it; locked when `forUpdate`. */
export async function findPendingScan(db: Db, firmId: string, fileId: string, forUpdate = false): Promise<ScanSubject | undefined> {
  const query = db
    .selectFrom('task_files as f')
    .innerJoin('tasks as t', (j) => j.onRef('t.firm_id', '=', 'f.firm_id').onRef('t.id', '=', 'f.task_id'))
    .innerJoin('clients as cl', (j) => j.onRef('cl.firm_id', '=', 'f.firm_id').onRef('cl.id', '=', 'f.client_id'))
    .innerJoin('firms as fi', 'fi.id', 'f.firm_id')
    .select([
      'f.firm_id as firmId',
      'fi.slug as firmSlug',
      'f.id',
      'f.task_id as taskId',
      't.title as taskTitle',
      'f.client_id as clientId',
      'cl.name as clientName',
      'f.blob_key as blobKey',
      'f.original_name as name',
      'f.uploaded_by_type as uploadedByType',
      'f.uploaded_by_id as uploadedById',
      'f.uploaded_by_name as uploadedByName',
    ])
    .where('f.firm_id', '=', firmId)
    .where('f.id', '=', fileId)
    .where('f.scan_status', '=', 'pending')
    .where('f.deleted_at', 'is', null);
  return (forUpdate ? query.forUpdate('f') : query).executeTakeFirst();
}

export async function setScanResult(db: Db, firmId: string, fileId: string, status: 'clean' | 'infected', signature: string | null, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('task_files')
    .set({ scan_status: status, scan_signature: signature, scanned_at: now })
    .where('firm_id', '=', firmId)
    .where('id', '=', fileId)
    .where('scan_status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface Recipient {
  email: string;
  name: string;
  language: string | null;
}

/** Staff to tell about a client's upload or a quarantined file: the task's assignees and the client's responsible
 * member; when there are none, the firm's owner and admins. Active members only. */
export async function staffToNotify(db: Db, firmId: string, taskId: string): Promise<Recipient[]> {
  const rows = await db
    .selectFrom('staff_members as m')
    .select(['m.email', sql<string>`coalesce(nullif(trim(m.first_name || ' ' || m.last_name), ''), m.email)`.as('name'), 'm.role'])
    .select((eb) =>
      eb
        .or([
          eb.exists(eb.selectFrom('task_assignees as ta').select('ta.member_id').whereRef('ta.firm_id', '=', 'm.firm_id').whereRef('ta.member_id', '=', 'm.id').where('ta.task_id', '=', taskId)),
          eb.exists(
            eb
              .selectFrom('tasks as t')
              .innerJoin('clients as cl', (j) => j.onRef('cl.firm_id', '=', 't.firm_id').onRef('cl.id', '=', 't.client_id'))
              .select('t.id')
              .whereRef('t.firm_id', '=', 'm.firm_id')
              .where('t.id', '=', taskId)
              .whereRef('cl.responsible_member_id', '=', 'm.id'),
          ),
        ])
        .as('involved'),
    )
    .where('m.firm_id', '=', firmId)
    .where('m.active', '=', true)
    .orderBy('m.email')
    .execute();
  const involved = rows.filter((r) => r.involved);
  const chosen = involved.length > 0 ? involved : rows.filter((r) => r.role === 'owner' || r.role === 'admin');
  return chosen.map((r) => ({ email: r.email, name: r.name, language: 'en' }));
}

/** Where to tell an uploader about their file: a contact's or a staff member's address and language. */
export async function uploaderAddress(db: Db, firmId: string, type: 'staff' | 'portal', id: string | null): Promise<Recipient | undefined> {
  if (!id) return undefined;
  if (type === 'staff') {
    const m = await db.selectFrom('staff_members').select(['email', 'first_name']).where('firm_id', '=', firmId).where('id', '=', id).where('active', '=', true).executeTakeFirst();
    return m ? { email: m.email, name: m.first_name, language: 'en' } : undefined;
  }
  const c = await db
    .selectFrom('contacts as c')
    .leftJoin('portal_users as u', 'u.email', 'c.email')
    .select(['c.email', 'c.first_name', 'u.language'])
    .where('c.firm_id', '=', firmId)
    .where('c.id', '=', id)
    .where('c.access_enabled', '=', true)
    .executeTakeFirst();
  return c?.email ? { email: c.email, name: c.first_name, language: c.language } : undefined;
}

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
