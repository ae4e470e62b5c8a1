// Files attached to tasks: what each side may reach, the attachments list, writes and deletes.
// Portal lookups take a PortalScope and check the task is shared with that contact.
import type { ExpressionBuilder, Kysely } from 'kysely';
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
  /** Why it is not open to uploads. */
  closedBecause?: 'reference' | 'done';
}

/** Clients add files to tasks assigned to them that the firm has not closed; reference tasks are read-only. */
function openness(row: { assign_as_task: boolean; status: string }): Pick<UploadTarget, 'open' | 'closedBecause'> {
  if (!row.assign_as_task) return { open: false, closedBecause: 'reference' };
  if (row.status === 'done') return { open: false, closedBecause: 'done' };
  return { open: true };
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
  return { taskId: row.id, title: row.title, clientId: row.client_id, clientName: row.client_name, ...openness(row) };
}

/** A task's live files as a JSON array, for a query that has the task as `t` (the attachments slot). */
export function taskFilesJson(eb: ExpressionBuilder<Database & { t: Database['tasks'] }, 't'>) {
  return jsonArrayFrom(
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
  );
}

export type TaskFileJson = Omit<TaskFile, 'createdAt'> & { createdAt: Date | string };

/** The attachments slot's data from a task row that carries its files (taskFilesJson) and upload state. */
export function attachmentsFrom(row: { id: string; title: string; client_id: string; client_name: string; assign_as_task: boolean; status: string; files: TaskFileJson[] }): { target: UploadTarget; files: TaskFile[] } {
  return {
    target: { taskId: row.id, title: row.title, clientId: row.client_id, clientName: row.client_name, ...openness(row) },
    files: row.files.map(toFile),
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

function toFile(row: TaskFileJson): TaskFile {
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
