// Accepting files for a task, all or nothing: stream the multipart body into the blob store (limit enforced while
// streaming), decide each file's type from its content, then write every row, audit event and staff mail in one
// transaction. Any refusal deletes every blob of the request. Scanning, when configured, starts after commit.
// Messages with files use the three steps (prepare, write in their own transaction, after commit) directly.
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { AppEnv } from '../app-env.ts';
import { firmOrigin } from '../config.ts';
import type { Database } from '../db/database.ts';
import { recordAudit, type AuditActor } from '../db/queries/audit.ts';
import { staffToNotify } from '../db/queries/file-scans.ts';
import { insertTaskFiles, type NewTaskFile, type UploadTarget } from '../db/queries/files.ts';
import { enqueueMail } from '../db/queries/outbox.ts';
import { discardUploads, receiveMultipart, UploadRejectedError, UploadTooLargeError, type UploadedFile } from '../uploads/multipart.ts';
import { blobFileSource } from './blob-source.ts';
import { safeFileName } from './download.ts';
import { decideFileType, type TypeRefusal } from './file-types.ts';
import { scanQueueFor } from './scan-queue.ts';

export const FILE_FIELD = 'files';
export const MAX_FILES_PER_UPLOAD = 20;

export type UploadProblem =
  | { kind: 'too-large'; name: string; limit: number }
  | { kind: 'refused'; files: ({ name: string } & TypeRefusal)[] }
  | { kind: 'none' }
  | { kind: 'too-many'; max: number }
  | { kind: 'broken' };

export type UploadOutcome =
  | { ok: true; files: { id: string; name: string }[]; scanning: boolean }
  | { ok: false; status: 400 | 413 | 422; problem: UploadProblem };

export interface Uploader {
  type: 'staff' | 'portal';
  /** The contact's id (portal) or the staff member's id. */
  id: string;
  name: string;
}

async function receiveMultipartFiles(c: Context<AppEnv>, limit: number): Promise<{ ok: true; files: UploadedFile[]; fields: Record<string, string[]> } | Extract<UploadOutcome, { ok: false }>> {
  const { blobs } = c.get('deps');
  try {
    const { files, fields } = await receiveMultipart(c, { blobs, maxFileBytes: limit, maxFiles: MAX_FILES_PER_UPLOAD, fileFields: [FILE_FIELD] });
    return { ok: true, files, fields };
  } catch (error) {
    if (error instanceof UploadTooLargeError) return { ok: false, status: 413, problem: { kind: 'too-large', name: error.filename, limit: error.limit } };
    if (error instanceof UploadRejectedError) {
      const tooMany = /at most \d+ files/.test(error.message);
      return { ok: false, status: tooMany ? 413 : 400, problem: tooMany ? { kind: 'too-many', max: MAX_FILES_PER_UPLOAD } : { kind: 'broken' } };
    }
    throw error;
  }
}

/** Files received and checked, not yet written: a caller may write them inside its own transaction. */
export interface PreparedUpload {
  firmId: string;
  target: UploadTarget;
  uploader: Uploader;
  rows: NewTaskFile[];
  /** Every blob this request stored (to delete if the caller's transaction fails). */
  stored: UploadedFile[];
  /** The other form fields of the request (e.g. a message's text). */
  fields: Record<string, string[]>;
  scanning: boolean;
}

export interface PrepareInput {
  target: UploadTarget;
  uploader: Uploader;
  limit: number;
  /** 'message' for files that came with a message: they show on the task "from Messages". */
  source?: 'task' | 'message';
  messageId?: string;
  /** A message may come without files; an upload may not. */
  allowNone?: boolean;
}

/**
 * Step 1: streams the request's files into the blob store and decides each one's type. On a refusal every blob of
 * the request is already deleted. On success nothing is in the database yet: call writePreparedUpload in a
 * transaction, then afterUploadCommitted (or discardPreparedUpload if that transaction failed).
 */
export async function prepareTaskUpload(c: Context<AppEnv>, input: PrepareInput): Promise<{ ok: true; prepared: PreparedUpload } | Extract<UploadOutcome, { ok: false }>> {
  const { blobs, config } = c.get('deps');
  const received = await receiveMultipartFiles(c, input.limit);
  if (!received.ok) return received;
  const files = received.files;
  if (files.length === 0 && !input.allowNone) return { ok: false, status: 422, problem: { kind: 'none' } };
  const scanning = Boolean(config.clamav);
  const rows: NewTaskFile[] = [];
  const refused: ({ name: string } & TypeRefusal)[] = [];
  try {
    for (const file of files) {
      const name = safeFileName(file.filename);
      const verdict = await decideFileType(name, blobFileSource(blobs, file.key, file.size));
      if (!verdict.ok) {
        const { ok: _ok, ...refusal } = verdict;
        refused.push({ name, ...refusal });
        continue;
      }
      rows.push({
        id: crypto.randomUUID(),
        taskId: input.target.taskId,
        clientId: input.target.clientId,
        blobKey: file.key,
        name,
        size: file.size,
        sha256: file.sha256,
        contentType: verdict.kind.mime,
        uploadedByType: input.uploader.type,
        uploadedById: input.uploader.id,
        uploadedByName: input.uploader.name,
        source: input.source ?? 'task',
        messageId: input.messageId ?? null,
        scanStatus: scanning ? 'pending' : 'clean',
      });
    }
  } catch (error) {
    await discardUploads(blobs, files);
    throw error;
  }
  if (refused.length > 0) {
    await discardUploads(blobs, files);
    return { ok: false, status: 422, problem: { kind: 'refused', files: refused } };
  }
  return { ok: true, prepared: { firmId: c.get('firm').id, target: input.target, uploader: input.uploader, rows, stored: files, fields: received.fields, scanning } };
}

/** Step 2, inside the caller's transaction: the rows, an audit event per file, and staff mail for a client's upload. */
export async function writePreparedUpload(trx: Kysely<Database>, c: Context<AppEnv>, prepared: PreparedUpload, actor: AuditActor, now: Date): Promise<void> {
  const { config } = c.get('deps');
  const firm = c.get('firm');
  const { rows, target, uploader } = prepared;
  if (rows.length === 0) return;
  await insertTaskFiles(trx, firm.id, rows, now);
  for (const row of rows) {
    await recordAudit(
      trx,
      firm.id,
      actor,
      { action: 'file.uploaded', subjectType: 'task_file', subjectId: row.id, detail: { taskId: row.taskId, name: row.name, size: row.size, sha256: row.sha256, type: row.contentType, source: row.source } },
      now,
    );
  }
  if (uploader.type !== 'portal') return;
  const url = `${firmOrigin(config, firm.slug)}/staff/tasks/${target.taskId}`;
  for (const to of await staffToNotify(trx, firm.id, target.taskId)) {
    await enqueueMail(
      trx,
      {
        firmId: firm.id,
        template: 'files-uploaded',
        to: to.email,
        payload: { clientName: target.clientName, taskTitle: target.title, uploaderName: uploader.name, files: rows.map((r) => ({ name: r.name, size: r.size })), url },
        dueAt: now,
      },
      now,
    );
  }
}

/** When the caller's transaction failed: the stored blobs go too. */
export function discardPreparedUpload(c: Context<AppEnv>, prepared: PreparedUpload): Promise<void> {
  return discardUploads(c.get('deps').blobs, prepared.stored);
}

/** Step 3, after commit: queue the virus scans. */
export function afterUploadCommitted(c: Context<AppEnv>, prepared: PreparedUpload): void {
  const queue = scanQueueFor(c.get('deps'));
  if (queue) for (const row of prepared.rows) queue.enqueue(prepared.firmId, row.id);
}

/** The files area's own upload: all three steps, the write in a transaction of its own. */
export async function acceptTaskUpload(
  c: Context<AppEnv>,
  input: { target: UploadTarget; uploader: Uploader; actor: AuditActor; limit: number },
): Promise<UploadOutcome> {
  const result = await prepareTaskUpload(c, input);
  if (!result.ok) return result;
  const { prepared } = result;
  const { db, clock } = c.get('deps');
  try {
    const now = clock.now();
    await db.transaction().execute((trx) => writePreparedUpload(trx, c, prepared, input.actor, now));
  } catch (error) {
    await discardPreparedUpload(c, prepared);
    throw error;
  }
  afterUploadCommitted(c, prepared);
  return { ok: true, files: prepared.rows.map((r) => ({ id: r.id, name: r.name })), scanning: prepared.scanning };
}
