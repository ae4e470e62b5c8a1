// The client's task page and what they do there: tick items (htmx swaps one item), mark done, undo.
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../app-env.ts';
import { portalPageGuard, requirePortal } from '../../auth/guards.tsx';
import { currentActor } from '../../auth/request-info.ts';
import { firmOrigin } from '../../config.ts';
import { attachmentsFrom } from '../../db/queries/files.ts';
import { markTaskSeen, openPortalTask, portalTaskFrom, taskPage, type PortalTask } from '../../db/queries/portal-tasks.ts';
import { todayIn } from '../../format.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { isHtmx, renderFragment, renderPage } from '../../render.tsx';
import { isUuid } from '../../tasks/ids.ts';
import { completeAsClient, toggleClientItem, undoClientCompletion, type Refusal } from '../../tasks/portal-actions.ts';
import { NotFoundPage } from '../../views/pages/simple.tsx';
import { TASK_ALERT_ID, TickResponse, itemDomId } from '../../views/portal/tasks/checklist.tsx';
import { TaskPage } from '../../views/portal/tasks/task-page.tsx';
import { attachmentsForTask } from './files.tsx';
import { portalShell } from './shell.ts';
import { completionState, taskPageView } from './tasks-models.ts';

export const taskRoutes = new Hono<AppEnv>();

const refusalMessages: Record<Exclude<Refusal, 'not-found'>, MessageKey> = {
  reference: 'task.error.reference',
  closed: 'task.error.closed',
  'already-done': 'task.error.alreadyDone',
  locked: 'task.error.locked',
  'items-open': 'task.error.itemsOpen',
  'not-done': 'task.error.notDone',
};

/** The task page; `loaded` when the guard brought the task already (a GET), else it is read here. */
async function showTask(c: Context<AppEnv>, taskId: string, error?: string, status: ContentfulStatusCode = 200, loaded?: PortalTask) {
  const portal = c.get('portal');
  const firm = c.get('firm');
  const { db, clock } = c.get('deps');
  const now = clock.now();
  const task = loaded ?? (await openPortalTask(db, portal.scope, taskId));
  if (!task) return renderPage(c, <NotFoundPage />, 404);
  // The first view takes the task's "New" off the home.
  if (task.firstView) await markTaskSeen(db, portal.scope, taskId, now);
  const { regional_format: locale, timezone } = portal.user;
  const view = taskPageView(task, { t: c.get('t'), trademark: firm.trademark, locale, timezone, today: todayIn(now, timezone), checklistRequired: firm.checklist_required });
  return renderPage(c, <TaskPage shell={portalShell(c, 'home')} {...view} error={error} attachments={await attachmentsForTask(c, taskAttachments(task))} />, status);
}

/** The task row carries its files: the attachments slot needs no query of its own. */
function taskAttachments(task: PortalTask) {
  const { id, title, clientId, clientName, assignAsTask, status, files } = task;
  return attachmentsFrom({ id, title, client_id: clientId, client_name: clientName, assign_as_task: assignAsTask, status, files });
}

function refusalText(c: Context<AppEnv>, refusal: Exclude<Refusal, 'not-found'>): string {
  const firm = c.get('firm');
  const key = refusal === 'items-open' && firm.checklist_required ? 'task.error.itemsOpenAll' : refusalMessages[refusal];
  return c.get('t')(key, { trademark: firm.trademark });
}

/** A refused action: 404 for what is not yours, else 409 with the reason (in the alert slot for htmx). */
function refuse(c: Context<AppEnv>, taskId: string, refusal: Refusal) {
  if (isHtmx(c)) {
    const message = refusal === 'not-found' ? c.get('t')('task.error.notFound') : refusalText(c, refusal);
    c.header('HX-Retarget', `#${TASK_ALERT_ID}`);
    c.header('HX-Reswap', 'innerHTML');
    return c.html(`<p>${escapeHtml(message)}</p>`, refusal === 'not-found' ? 404 : 409);
  }
  if (refusal === 'not-found') return renderPage(c, <NotFoundPage />, 404);
  return showTask(c, taskId, refusalText(c, refusal), 409);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const taskPageGuard = portalPageGuard((c) => {
  const taskId = c.req.param('id');
  return taskId && isUuid(taskId) ? taskPage(taskId) : undefined;
});

taskRoutes.get('/tasks/:id', taskPageGuard.guard, async (c) => {
  const taskId = c.req.param('id');
  const task = portalTaskFrom(taskPageGuard.data(c));
  if (!task) return renderPage(c, <NotFoundPage />, 404);
  return showTask(c, taskId, undefined, 200, task);
});

taskRoutes.post('/tasks/:id/items/:itemId/toggle', requirePortal, async (c) => {
  const { id: taskId, itemId } = c.req.param();
  if (!isUuid(taskId) || !isUuid(itemId)) return refuse(c, taskId, 'not-found');
  const portal = c.get('portal');
  const firm = c.get('firm');
  const { db, clock } = c.get('deps');
  const form = await c.req.parseBody();
  const done = form.done === '1' ? true : form.done === '0' ? false : undefined;
  const outcome = await toggleClientItem(db, portal.scope, { taskId, itemId, done, actor: currentActor(c), now: clock.now() });
  if (!outcome.ok) return refuse(c, taskId, outcome.refusal);
  if (!isHtmx(c)) return c.redirect(`/tasks/${taskId}#${itemDomId(itemId)}`, 303);
  const name = [portal.user.first_name, portal.user.last_name].filter(Boolean).join(' ') || portal.user.email;
  const { progress } = outcome;
  const state = completionState(
    { assignAsTask: true, status: 'open', clientCompletedAt: null, completedAt: null, completedByName: null },
    { clientOpen: progress.clientOpen, firmOpen: progress.open - progress.clientOpen, total: progress.total },
    firm.checklist_required,
    portal.user.regional_format,
    portal.user.timezone,
  );
  c.header('Cache-Control', 'no-store');
  return renderFragment(
    c,
    <TickResponse taskId={taskId} item={{ ...outcome.item, doneByName: outcome.item.done ? name : null }} state={state} trademark={firm.trademark} t={c.get('t')} />,
  );
});

taskRoutes.post('/tasks/:id/complete', requirePortal, async (c) => {
  const taskId = c.req.param('id');
  if (!isUuid(taskId)) return refuse(c, taskId, 'not-found');
  const portal = c.get('portal');
  const firm = c.get('firm');
  const { db, clock, config } = c.get('deps');
  const outcome = await completeAsClient(db, portal.scope, {
    taskId,
    checklistRequired: firm.checklist_required,
    origin: firmOrigin(config, firm.slug),
    actor: currentActor(c),
    now: clock.now(),
  });
  if (!outcome.ok) return refuse(c, taskId, outcome.refusal);
  return c.redirect(`/tasks/${taskId}#completion`, 303);
});

taskRoutes.post('/tasks/:id/undo', requirePortal, async (c) => {
  const taskId = c.req.param('id');
  if (!isUuid(taskId)) return refuse(c, taskId, 'not-found');
  const { db, clock } = c.get('deps');
  const outcome = await undoClientCompletion(db, c.get('portal').scope, { taskId, actor: currentActor(c), now: clock.now() });
  if (!outcome.ok) return refuse(c, taskId, outcome.refusal);
  return c.redirect(`/tasks/${taskId}#completion`, 303);
});

