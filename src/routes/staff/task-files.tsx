// Staff side of task files, under /staff/tasks: upload to any task, the attachments fragment, download and delete
// (any file, any time). staffAttachmentsForTask() fills the staff task page's Files section.
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../app-env.ts';
import { currentActor } from '../../auth/request-info.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { findStaffFileTask, findStaffTaskFile, listStaffTaskFiles, markTaskFileDeleted, type TaskFile, type UploadTarget } from '../../db/queries/files.ts';
import { sendTaskFile } from '../../files/send-task-file.ts';
import { acceptAttribute, allowedSummary } from '../../files/kinds.ts';
import { fileRows, formatFileSize, problemMessages, staffFileLabels } from '../../files/presenter.ts';
import { acceptTaskUpload } from '../../files/upload.ts';
import { translator } from '../../i18n/index.ts';
import { isHtmx, renderFragment, renderPage } from '../../render.tsx';
import { TaskFiles, TaskFilesPanel, FileList, type TaskFilesProps } from '../../views/files/attachments.tsx';
import { StaffFileUnavailablePage, StaffUploadPage } from '../../views/files/pages.tsx';
import { STAFF_LOCALE, STAFF_TIMEZONE } from '../../views/staff/components.tsx';
import { isUuid, notFound } from './helpers.tsx';
import { staffShell } from './shell.ts';

export const staffTaskFileRoutes = new Hono<AppEnv>();

/** Staff are not held to the portal's per-file limit, only to the most a firm may allow. */
export const STAFF_UPLOAD_LIMIT = 100 * 1024 * 1024;

const english = translator('en');

function view(c: Context<AppEnv>, target: UploadTarget, files: TaskFile[], extras: { errors?: string[]; notice?: string } = {}): TaskFilesProps {
  const base = `/staff/tasks/${target.taskId}/files`;
  return {
    labels: staffFileLabels,
    files: fileRows(files, {
      locale: STAFF_LOCALE,
      timezone: STAFF_TIMEZONE,
      base,
      uploaderName: (f) => (f.uploadedByType === 'portal' ? `${f.uploadedByName} (client)` : f.uploadedById === c.get('staff').member.id ? 'you' : f.uploadedByName),
      canDelete: () => true,
      showSignature: true,
    }),
    listUrl: `${base}?part=list`,
    fragmentUrl: base,
    upload: {
      action: base,
      accept: acceptAttribute,
      hint: `Choose one or more files, up to ${formatFileSize(STAFF_UPLOAD_LIMIT, STAFF_LOCALE)} each: ${allowedSummary}. The client sees them on the task when it is shared.`,
      errors: extras.errors ?? [],
      maxBytes: STAFF_UPLOAD_LIMIT,
      tooLargeText: english('files.errorTooLarge'),
    },
    notice: extras.notice,
  };
}

async function load(c: Context<AppEnv>, target: UploadTarget, extras: { errors?: string[]; notice?: string } = {}) {
  return view(c, target, await listStaffTaskFiles(c.get('deps').db, c.get('firm').id, target.taskId), extras);
}

/** For the staff task page: its Files section's content (one query). */
export async function staffAttachmentsForTask(c: Context<AppEnv>, task: { id: string; title: string; clientId: string; clientName: string }) {
  const target: UploadTarget = { taskId: task.id, title: task.title, clientId: task.clientId, clientName: task.clientName, open: true };
  const props = await load(c, target);
  const ids = (c.req.query('uploaded') ?? '').split(',').filter(Boolean);
  const uploaded = ids.map((id) => props.files.find((f) => f.id === id)).filter((f) => f !== undefined);
  const notice = c.req.query('deleted') ? 'The file was deleted.' : uploaded.length ? `Uploaded: ${uploaded.map((f) => f.name).join(', ')}.` : undefined;
  return <TaskFilesPanel {...props} notice={notice} />;
}

async function findTarget(c: Context<AppEnv>): Promise<UploadTarget | undefined> {
  const taskId = c.req.param('id');
  return isUuid(taskId) ? findStaffFileTask(c.get('deps').db, c.get('firm').id, taskId) : undefined;
}

async function showProblem(c: Context<AppEnv>, target: UploadTarget, errors: string[], status: ContentfulStatusCode) {
  c.header('Cache-Control', 'no-store');
  const props = await load(c, target, { errors });
  if (isHtmx(c)) return renderFragment(c, <TaskFiles {...props} />, status);
  return renderPage(c, <StaffUploadPage shell={staffShell(c, 'tasks')} title={`Upload files: ${target.title}`} backUrl={`/staff/tasks/${target.taskId}`} backLabel="Back to the task" files={props} />, status);
}

staffTaskFileRoutes.get('/:id/files', async (c) => {
  const target = await findTarget(c);
  if (!target) return notFound(c);
  if (!isHtmx(c)) return c.redirect(`/staff/tasks/${target.taskId}#attachments`, 303);
  const props = await load(c, target);
  if (c.req.query('part') === 'list') return renderFragment(c, <FileList labels={props.labels} files={props.files} listUrl={props.listUrl} />);
  return renderFragment(c, <TaskFiles {...props} />);
});

staffTaskFileRoutes.post('/:id/files', async (c) => {
  const target = await findTarget(c);
  if (!target) return notFound(c);
  const { member } = c.get('staff');
  const name = [member.first_name, member.last_name].filter(Boolean).join(' ') || member.email;
  const outcome = await acceptTaskUpload(c, { target, uploader: { type: 'staff', id: member.id, name }, actor: currentActor(c), limit: STAFF_UPLOAD_LIMIT });
  if (!outcome.ok) return showProblem(c, target, problemMessages(outcome.problem, english, STAFF_LOCALE), outcome.status);
  if (isHtmx(c)) {
    const names = outcome.files.map((f) => f.name).join(', ');
    c.header('Cache-Control', 'no-store');
    return renderFragment(c, <TaskFiles {...await load(c, target, { notice: outcome.scanning ? `Uploaded: ${names}. The virus scan runs now; the files can be downloaded when it is done.` : `Uploaded: ${names}.` })} />);
  }
  return c.redirect(`/staff/tasks/${target.taskId}?uploaded=${outcome.files.map((f) => f.id).join(',')}#attachments`, 303);
});

staffTaskFileRoutes.get('/:id/files/:fileId', async (c) => {
  const { id: taskId, fileId } = c.req.param();
  if (!isUuid(taskId) || !isUuid(fileId)) return notFound(c);
  const { db } = c.get('deps');
  const firm = c.get('firm');
  const file = await findStaffTaskFile(db, firm.id, taskId, fileId);
  if (!file) return notFound(c);
  if (file.scanStatus !== 'clean') {
    const pending = file.scanStatus === 'pending';
    c.header('Cache-Control', 'no-store');
    if (pending) c.header('Retry-After', '10');
    return renderPage(
      c,
      <StaffFileUnavailablePage
        shell={staffShell(c, 'tasks')}
        title={pending ? 'The file is being checked' : 'The file was quarantined'}
        message={pending ? 'The virus scan of this file is not finished. Try again in a moment.' : `The virus scanner found ${file.scanSignature ?? 'malware'} in this file. It was removed and cannot be downloaded.`}
        backUrl={`/staff/tasks/${taskId}#attachments`}
        backLabel="Back to the task"
      />,
      pending ? 409 : 410,
    );
  }
  return (await sendTaskFile(c, firm.id, taskId, file)) ?? notFound(c);
});

staffTaskFileRoutes.post('/:id/files/:fileId/delete', async (c) => {
  const { id: taskId, fileId } = c.req.param();
  if (!isUuid(taskId) || !isUuid(fileId)) return notFound(c);
  const { db, blobs, clock } = c.get('deps');
  const firm = c.get('firm');
  const target = await findStaffFileTask(db, firm.id, taskId);
  const file = target && (await findStaffTaskFile(db, firm.id, taskId, fileId));
  if (!target || !file) return notFound(c);
  const now = clock.now();
  const blobKey = await db.transaction().execute(async (trx) => {
    const key = await markTaskFileDeleted(trx, firm.id, file.id, now);
    if (key) await recordAudit(trx, firm.id, currentActor(c), { action: 'file.deleted', subjectType: 'task_file', subjectId: file.id, detail: { taskId, name: file.name } }, now);
    return key;
  });
  // The row is gone first; if this delete fails, the sweeper removes the blob later.
  if (blobKey) await blobs.delete(blobKey).catch(() => {});
  if (isHtmx(c)) return renderFragment(c, <TaskFiles {...await load(c, target, { notice: 'The file was deleted.' })} />);
  return c.redirect(`/staff/tasks/${taskId}?deleted=1#attachments`, 303);
});
