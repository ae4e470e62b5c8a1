// Sends an attachment of a task (after the caller's scope and scan checks) and audits the download once per viewing.
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { currentActor } from '../auth/request-info.ts';
import { recordAudit } from '../db/queries/audit.ts';
import type { TaskFile } from '../db/queries/files.ts';
import { sendFile } from './download.ts';
import { kindByMime } from './kinds.ts';

/** The download response, or undefined when the blob is missing. */
export async function sendTaskFile(c: Context<AppEnv>, firmId: string, taskId: string, file: TaskFile): Promise<Response | undefined> {
  const { db, blobs, clock } = c.get('deps');
  const kind = kindByMime(file.contentType);
  const inline = c.req.query('inline') === '1';
  const sent = await sendFile(c, blobs, { blobKey: file.blobKey, originalName: file.name, size: file.size, sha256: file.sha256, contentType: file.contentType, previewable: Boolean(kind?.preview) }, { inline });
  if (sent.outcome === 'missing') return undefined;
  // A viewer's follow-up range requests belong to one download: only a whole file or its first part is recorded.
  if (c.req.method === 'GET' && (sent.outcome === 'full' || (sent.outcome === 'partial' && /^bytes=0-/.test(c.req.header('Range') ?? '')))) {
    await recordAudit(db, firmId, currentActor(c), { action: 'file.downloaded', subjectType: 'task_file', subjectId: file.id, detail: { taskId, name: file.name, inline: inline && Boolean(kind?.preview) } }, clock.now());
  }
  return sent.response;
}
