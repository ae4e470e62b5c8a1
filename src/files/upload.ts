// Accepting files for a task, all or nothing: stream the multipart body into the blob store (limit enforced while
// streaming), decide each file's type from its content, then write every row, audit event and staff mail in one
// transaction. Any refusal deletes every blob of the request. Scanning, when configured, starts after commit.
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { firmOrigin } from '../config.ts';
import { recordAudit, type AuditActor } from '../db/queries/audit.ts';
import { insertTaskFiles, staffToNotify, type NewTaskFile, type UploadTarget } from '../db/queries/files.ts';
import { enqueueMail } from '../db/queries/outbox.ts';
import { discardUploads, receiveMultipart, UploadRejectedError, UploadTooLargeError, type UploadedFile } from '../uploads/multipart.ts';
import { blobFileSource } from './blob-source.ts';
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

async function receive(c: Context<AppEnv>, limit: number): Promise<{ ok: true; files: UploadedFile[] } | Extract<UploadOutcome, { ok: false }>> {
  const { blobs } = c.get('deps');
  try {
    const { files } = await receiveMultipart(c, { blobs, maxFileBytes: limit, maxFiles: MAX_FILES_PER_UPLOAD, fileFields: [FILE_FIELD] });
    return { ok: true, files };
  } catch (error) {
    if (error instanceof UploadTooLargeError) return { ok: false, status: 413, problem: { kind: 'too-large', name: error.filename, limit: error.limit } };
    if (error instanceof UploadRejectedError) {
      const tooMany = /at most \d+ files/.test(error.message);
      return { ok: false, status: tooMany ? 413 : 400, problem: tooMany ? { kind: 'too-many', max: MAX_FILES_PER_UPLOAD } : { kind: 'broken' } };
    }
    throw error;
  }
}

export async function acceptTaskUpload(
  c: Context<AppEnv>,
  input: { target: UploadTarget; uploader: Uploader; actor: AuditActor; limit: number },
): Promise<UploadOutcome> {
  const deps = c.get('deps');
  const { db, blobs, clock, config } = deps;
  const firm = c.get('firm');
  const received = await receive(c, input.limit);
  if (!received.ok) return received;
  const files = received.files;
  if (files.length === 0) return { ok: false, status: 422, problem: { kind: 'none' } };

  const rows: NewTaskFile[] = [];
  const refused: ({ name: string } & TypeRefusal)[] = [];
  const scanning = Boolean(config.clamav);
  try {
    for (const file of files) {
      const verdict = await decideFileType(file.filename, blobFileSource(blobs, file.key, file.size));
      if (!verdict.ok) {
        const { ok: _ok, ...refusal } = verdict;
        refused.push({ name: file.filename, ...refusal });
        continue;
      }
      rows.push({
        id: crypto.randomUUID(),
        taskId: input.target.taskId,
        clientId: input.target.clientId,
        blobKey: file.key,
        name: file.filename.slice(0, 255),
        size: file.size,
        sha256: file.sha256,
        contentType: verdict.kind.mime,
        uploadedByType: input.uploader.type,
        uploadedById: input.uploader.id,
        uploadedByName: input.uploader.name,
        scanStatus: scanning ? 'pending' : 'clean',
      });
    }
    if (refused.length > 0) {
      await discardUploads(blobs, files);
      return { ok: false, status: 422, problem: { kind: 'refused', files: refused } };
    }

    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await insertTaskFiles(trx, firm.id, rows, now);
      for (const row of rows) {
        await recordAudit(
          trx,
          firm.id,
          input.actor,
          { action: 'file.uploaded', subjectType: 'task_file', subjectId: row.id, detail: { taskId: row.taskId, name: row.name, size: row.size, sha256: row.sha256, type: row.contentType } },
          now,
        );
      }
      if (input.uploader.type === 'portal') {
        const url = `${firmOrigin(config, firm.slug)}/staff/tasks/${input.target.taskId}`;
        for (const to of await staffToNotify(trx, firm.id, input.target.taskId)) {
          await enqueueMail(
            trx,
            {
              firmId: firm.id,
              template: 'files-uploaded',
              to: to.email,
              payload: { clientName: input.target.clientName, taskTitle: input.target.title, uploaderName: input.uploader.name, files: rows.map((r) => ({ name: r.name, size: r.size })), url },
              dueAt: now,
            },
            now,
          );
        }
      }
    });
  } catch (error) {
    await discardUploads(blobs, files);
    throw error;
  }

  const queue = scanQueueFor(deps);
  if (queue) for (const row of rows) queue.enqueue(firm.id, row.id);
  return { ok: true, files: rows.map((r) => ({ id: r.id, name: r.name })), scanning };
}
