// The client's task files: upload (multipart, several at once), the attachments fragment, download and delete,
// each after the same scope check as the task page. attachmentsForTask() fills the task page's attachments slot.
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../app-env.ts';
import { requirePortal } from '../../auth/guards.tsx';
import { currentActor } from '../../auth/request-info.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { findPortalFileTask, findPortalTaskFile, listPortalTaskFiles, markTaskFileDeleted, type TaskFile, type UploadTarget } from '../../db/queries/files.ts';
import { sendTaskFile } from '../../files/send-task-file.ts';
import { acceptTaskUpload } from '../../files/upload.ts';
import { acceptAttribute } from '../../files/kinds.ts';
import { fileRows, formatFileSize, portalFileLabels, problemMessages } from '../../files/presenter.ts';
import { isHtmx, renderFragment, renderPage } from '../../render.tsx';
import { isUuid } from '../../tasks/ids.ts';
import { FileList, TaskFiles, TaskFilesPanel, type TaskFilesProps } from '../../views/files/attachments.tsx';
import { PortalFileUnavailablePage as FileUnavailablePage, PortalUploadPage as UploadPage } from '../../views/files/pages.tsx';
import { ForbiddenPage, NotFoundPage } from '../../views/pages/simple.tsx';
import { portalShell } from './shell.ts';

export const portalFileRoutes = new Hono<AppEnv>();

/** The client may delete their own upload for this long. */
export const CLIENT_DELETE_WINDOW_MS = 10 * 60_000;

function mayDelete(c: Context<AppEnv>, file: TaskFile): boolean {
  const { scope } = c.get('portal');
  const age = c.get('deps').clock.now().getTime() - file.createdAt.getTime();
  return file.uploadedByType === 'portal' && file.uploadedById === scope.contactId && age >= 0 && age < CLIENT_DELETE_WINDOW_MS;
}

interface ViewExtras {
  errors?: string[];
  notice?: string;
  alert?: string;
}

async function filesView(c: Context<AppEnv>, target: UploadTarget, extras: ViewExtras = {}, loaded?: TaskFile[]): Promise<TaskFilesProps> {
  const portal = c.get('portal');
  const firm = c.get('firm');
  const t = c.get('t');
  const { db } = c.get('deps');
  const { regional_format: locale, timezone } = portal.user;
  const files = loaded ?? (await listPortalTaskFiles(db, portal.scope, target.taskId));
  const base = `/tasks/${target.taskId}/files`;
  const you = t('files.you');
  const uploadable = firm.uploads_enabled && target.open;
  return {
    labels: portalFileLabels(t),
    files: fileRows(files, {
      locale,
      timezone,
      base,
      uploaderName: (f) => (f.uploadedByType === 'portal' && f.uploadedById === portal.scope.contactId ? you : f.uploadedByName),
      canDelete: (f) => mayDelete(c, f),
      showSignature: false,
    }),
    listUrl: `${base}?part=list`,
    fragmentUrl: base,
    upload: uploadable
      ? {
          action: base,
          accept: acceptAttribute,
          hint: t('files.uploadHint', { limit: formatFileSize(firm.upload_limit_bytes, locale) }),
          errors: extras.errors ?? [],
          maxBytes: firm.upload_limit_bytes,
          tooLargeText: t('files.errorTooLarge'),
        }
      : undefined,
    uploadUnavailable: firm.uploads_enabled && !target.open ? t(target.closedBecause === 'reference' ? 'files.reference' : 'files.closed') : undefined,
    notice: extras.notice,
    alert: extras.alert,
  };
}

/** The notice after a plain form post redirected back to the task (?uploaded=id,id or ?deleted=1). */
function noticeFromQuery(c: Context<AppEnv>, files: TaskFilesProps['files']): string | undefined {
  const t = c.get('t');
  if (c.req.query('deleted')) return t('files.deleted');
  const ids = (c.req.query('uploaded') ?? '').split(',').filter(Boolean);
  const uploaded = ids.map((id) => files.find((f) => f.id === id)).filter((f) => f !== undefined);
  if (uploaded.length === 0) return undefined;
  const names = uploaded.map((f) => f.name).join(', ');
  return uploaded.some((f) => f.status === 'pending') ? t('files.uploadedChecking', { names }) : t('files.uploaded', { names });
}

/** For the task page: the attachments slot's content, from the files the task's own row carries. */
export async function attachmentsForTask(c: Context<AppEnv>, loaded: { target: UploadTarget; files: TaskFile[] }) {
  const view = await filesView(c, loaded.target, {}, loaded.files);
  return <TaskFilesPanel {...view} notice={noticeFromQuery(c, view.files)} />;
}

async function findTarget(c: Context<AppEnv>): Promise<UploadTarget | undefined> {
  const taskId = c.req.param('id');
  if (!isUuid(taskId)) return undefined;
  return findPortalFileTask(c.get('deps').db, c.get('portal').scope, taskId);
}

function notFound(c: Context<AppEnv>) {
  return renderPage(c, <NotFoundPage />, 404);
}

/** After a refused upload: the fragment for scripts and htmx, else a page with the form and the reasons. */
async function showProblem(c: Context<AppEnv>, target: UploadTarget, errors: string[], status: ContentfulStatusCode) {
  c.header('Cache-Control', 'no-store');
  const view = await filesView(c, target, { errors });
  if (isHtmx(c)) return renderFragment(c, <TaskFiles {...view} />, status);
  const t = c.get('t');
  return renderPage(c, <UploadPage shell={portalShell(c, 'home')} title={t('files.pageTitle', { task: target.title })} backUrl={`/tasks/${target.taskId}`} backLabel={t('files.backToTask')} files={view} />, status);
}

portalFileRoutes.get('/tasks/:id/files', requirePortal, async (c) => {
  const target = await findTarget(c);
  if (!target) return notFound(c);
  if (!isHtmx(c)) return c.redirect(`/tasks/${target.taskId}#attachments`, 303);
  const view = await filesView(c, target);
  if (c.req.query('part') === 'list') return renderFragment(c, <FileList labels={view.labels} files={view.files} listUrl={view.listUrl} />);
  return renderFragment(c, <TaskFiles {...view} />);
});

portalFileRoutes.post('/tasks/:id/files', requirePortal, async (c) => {
  const target = await findTarget(c);
  if (!target) return notFound(c);
  const firm = c.get('firm');
  const t = c.get('t');
  const portal = c.get('portal');
  if (!firm.uploads_enabled) {
    const message = t('files.errorDisabled', { trademark: firm.trademark });
    if (isHtmx(c)) return renderFragment(c, <TaskFiles {...await filesView(c, target, { alert: message })} />, 403);
    return renderPage(c, <ForbiddenPage message={message} />, 403);
  }
  if (!target.open) return showProblem(c, target, [t(target.closedBecause === 'reference' ? 'files.reference' : 'files.closed')], 409);
  const name = [portal.user.first_name, portal.user.last_name].filter(Boolean).join(' ') || [portal.contact.first_name, portal.contact.last_name].filter(Boolean).join(' ') || portal.user.email;
  const outcome = await acceptTaskUpload(c, {
    target,
    uploader: { type: 'portal', id: portal.scope.contactId, name },
    actor: currentActor(c),
    limit: firm.upload_limit_bytes,
  });
  if (!outcome.ok) return showProblem(c, target, problemMessages(outcome.problem, t, portal.user.regional_format), outcome.status);
  if (isHtmx(c)) {
    const view = await filesView(c, target);
    const names = outcome.files.map((f) => f.name).join(', ');
    const notice = outcome.scanning ? t('files.uploadedChecking', { names }) : t('files.uploaded', { names });
    c.header('Cache-Control', 'no-store');
    return renderFragment(c, <TaskFiles {...view} notice={notice} />);
  }
  return c.redirect(`/tasks/${target.taskId}?uploaded=${outcome.files.map((f) => f.id).join(',')}#attachments`, 303);
});

portalFileRoutes.get('/tasks/:id/files/:fileId', requirePortal, async (c) => {
  const { id: taskId, fileId } = c.req.param();
  if (!isUuid(taskId) || !isUuid(fileId)) return notFound(c);
  const { db } = c.get('deps');
  const portal = c.get('portal');
  const file = await findPortalTaskFile(db, portal.scope, taskId, fileId);
  if (!file) return notFound(c);
  const t = c.get('t');
  if (file.scanStatus !== 'clean') {
    const pending = file.scanStatus === 'pending';
    c.header('Cache-Control', 'no-store');
    if (pending) c.header('Retry-After', '10');
    return renderPage(
      c,
      <FileUnavailablePage
        shell={portalShell(c, 'home')}
        title={pending ? t('files.notReadyTitle') : t('files.quarantinedTitle')}
        message={pending ? t('files.notReady') : t('files.quarantined')}
        backUrl={`/tasks/${taskId}#attachments`}
        backLabel={t('files.backToTask')}
      />,
      pending ? 409 : 410,
    );
  }
  return (await sendTaskFile(c, portal.scope.firmId, taskId, file)) ?? notFound(c);
});

portalFileRoutes.post('/tasks/:id/files/:fileId/delete', requirePortal, async (c) => {
  const { id: taskId, fileId } = c.req.param();
  if (!isUuid(taskId) || !isUuid(fileId)) return notFound(c);
  const { db, blobs, clock } = c.get('deps');
  const portal = c.get('portal');
  const firm = c.get('firm');
  const t = c.get('t');
  const target = await findPortalFileTask(db, portal.scope, taskId);
  const file = target && (await findPortalTaskFile(db, portal.scope, taskId, fileId));
  if (!target || !file) return notFound(c);
  if (!mayDelete(c, file)) {
    const alert = t('files.errorDeleteTooLate', { trademark: firm.trademark });
    if (isHtmx(c)) return renderFragment(c, <TaskFiles {...await filesView(c, target, { alert })} />, 403);
    return renderPage(c, <ForbiddenPage message={alert} />, 403);
  }
  const now = clock.now();
  const blobKey = await db.transaction().execute(async (trx) => {
    const key = await markTaskFileDeleted(trx, firm.id, file.id, now);
    if (key) await recordAudit(trx, firm.id, currentActor(c), { action: 'file.deleted', subjectType: 'task_file', subjectId: file.id, detail: { taskId, name: file.name } }, now);
    return key;
  });
  // The row is gone first; if this delete fails, the sweeper removes the blob later.
  if (blobKey) await blobs.delete(blobKey).catch(() => {});
  if (isHtmx(c)) return renderFragment(c, <TaskFiles {...await filesView(c, target, { notice: t('files.deleted') })} />);
  return c.redirect(`/tasks/${taskId}?deleted=1#attachments`, 303);
});
