// /staff/tasks/:id : the task page, edit, delete, and status changes (mark done, reopen, in progress).
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { currentActor } from '../../auth/request-info.ts';
import { firmOrigin } from '../../config.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { checklistProgress } from '../../db/queries/checklists.ts';
import { cancelAllTaskMail } from '../../db/queries/task-portal.ts';
import { deleteTask, finishTask, findTask, listMemberOptions, listTaskAssigneeIds, setTaskActiveStatus, updateTask } from '../../db/queries/tasks.ts';
import { renderPage } from '../../render.tsx';
import { readForm } from '../../validation.ts';
import { ConfirmPage } from '../../views/staff/components.tsx';
import { TaskFormPage } from '../../views/staff/tasks/form.tsx';
import { isUuid, notFound } from './helpers.tsx';
import { staffShell } from './shell.ts';
import { parseTaskForm } from './tasks-form.ts';
import { billingOn, showStaffTask } from './tasks-render.tsx';

export const taskDetailRoutes = new Hono<AppEnv>();

taskDetailRoutes.get('/:id', (c) => {
  const id = c.req.param('id');
  return isUuid(id) ? showStaffTask(c, id) : notFound(c);
});

taskDetailRoutes.get('/:id/edit', async (c) => {
  const id = c.req.param('id');
  if (!isUuid(id)) return notFound(c);
  const { db } = c.get('deps');
  const firmId = c.get('firm').id;
  const task = await findTask(db, firmId, id);
  if (!task) return notFound(c);
  const [assignees, members] = await Promise.all([listTaskAssigneeIds(db, firmId, id), listMemberOptions(db, firmId)]);
  const values = {
    client: task.clientId,
    title: task.title,
    note: task.note,
    start_date: task.startDate ?? '',
    due_date: task.dueDate ?? '',
    status: task.status,
    assignees,
    recurrence: task.recurrence,
    billing: task.billing,
    billing_date: task.billingDate ?? '',
  };
  return renderPage(c, <TaskFormPage shell={staffShell(c, 'tasks')} taskId={id} clientName={task.clientName} values={values} clients={[]} members={members} billingEnabled={billingOn(c)} />);
});

taskDetailRoutes.post('/:id', async (c) => {
  const id = c.req.param('id');
  if (!isUuid(id)) return notFound(c);
  const { db, clock } = c.get('deps');
  const firmId = c.get('firm').id;
  const task = await findTask(db, firmId, id);
  if (!task) return notFound(c);
  const members = await listMemberOptions(db, firmId);
  const parsed = parseTaskForm(await readForm(c, ['assignees']), { memberIds: new Set(members.map((m) => m.id)), billingEnabled: billingOn(c) });
  if (!parsed.ok) {
    return renderPage(
      c,
      <TaskFormPage shell={staffShell(c, 'tasks')} taskId={id} clientName={task.clientName} values={parsed.values} errors={parsed.errors} clients={[]} members={members} billingEnabled={billingOn(c)} />,
      422,
    );
  }
  const now = clock.now();
  const saved = await db.transaction().execute(async (trx) => {
    const ok = await updateTask(trx, firmId, id, parsed.input, now);
    if (ok) await recordAudit(trx, firmId, currentActor(c), { action: 'task.updated', subjectType: 'task', subjectId: id, detail: { title: parsed.input.title } }, now);
    return ok;
  });
  return saved ? c.redirect(`/staff/tasks/${id}?m=saved`, 303) : notFound(c);
});

taskDetailRoutes.get('/:id/delete', async (c) => {
  const id = c.req.param('id');
  if (!isUuid(id)) return notFound(c);
  const task = await findTask(c.get('deps').db, c.get('firm').id, id);
  if (!task) return notFound(c);
  return renderPage(
    c,
    <ConfirmPage shell={staffShell(c, 'tasks')} title={`Delete "${task.title}"?`} action={`/staff/tasks/${id}/delete`} button="Delete task" cancelHref={`/staff/tasks/${id}`} danger>
      <p>
        The task, its checklist{task.shared ? ' and its place on the client portal' : ''} are deleted for good. Mail about it that has not gone out yet is cancelled.
      </p>
    </ConfirmPage>,
  );
});

taskDetailRoutes.post('/:id/delete', async (c) => {
  const id = c.req.param('id');
  if (!isUuid(id)) return notFound(c);
  const { db, clock } = c.get('deps');
  const firmId = c.get('firm').id;
  const now = clock.now();
  const deleted = await db.transaction().execute(async (trx) => {
    const task = await trx.selectFrom('tasks').select('title').where('firm_id', '=', firmId).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!task) return false;
    await cancelAllTaskMail(trx, firmId, id);
    await deleteTask(trx, firmId, id);
    await recordAudit(trx, firmId, currentActor(c), { action: 'task.deleted', subjectType: 'task', subjectId: id, detail: { title: task.title } }, now);
    return true;
  });
  return deleted ? c.redirect('/staff/tasks?m=deleted', 303) : notFound(c);
});

taskDetailRoutes.post('/:id/status', async (c) => {
  const id = c.req.param('id');
  if (!isUuid(id)) return notFound(c);
  const { db, clock, config } = c.get('deps');
  const firm = c.get('firm');
  const staff = c.get('staff');
  const form = await readForm(c);
  const status = form.status;
  if (status !== 'done' && status !== 'open' && status !== 'in_progress') return showStaffTask(c, id, { error: 'Choose a status: done, open or in progress.' }, 422);
  const now = clock.now();
  const outcome = await db.transaction().execute(async (trx) => {
    const task = await trx.selectFrom('tasks').select(['status']).where('firm_id', '=', firm.id).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!task) return { kind: 'missing' as const };
    if (status === 'done') {
      if (firm.checklist_required) {
        const progress = await checklistProgress(trx, firm.id, id);
        if (progress.open > 0) return { kind: 'refused' as const, open: progress.open };
      }
      const finished = await finishTask(trx, { firmId: firm.id, taskId: id, by: { type: 'staff', id: staff.member.id }, origin: firmOrigin(config, firm.slug), now });
      if (finished.changed) await recordAudit(trx, firm.id, currentActor(c), { action: 'task.done', subjectType: 'task', subjectId: id, detail: { nextId: finished.nextId ?? null } }, now);
      return { kind: 'ok' as const, notice: finished.nextId ? 'done-next' : 'done' };
    }
    await setTaskActiveStatus(trx, firm.id, id, status, now);
    await recordAudit(trx, firm.id, currentActor(c), { action: task.status === 'done' ? 'task.reopened' : 'task.status_changed', subjectType: 'task', subjectId: id, detail: { status } }, now);
    return { kind: 'ok' as const, notice: task.status === 'done' ? 'reopened' : 'status' };
  });
  if (outcome.kind === 'missing') return notFound(c);
  if (outcome.kind === 'refused') {
    const items = outcome.open === 1 ? '1 checklist item is' : `${outcome.open} checklist items are`;
    return showStaffTask(c, id, { error: `The company rule needs the whole checklist done before a task is finished: ${items} still open.` }, 409);
  }
  return c.redirect(`/staff/tasks/${id}?m=${outcome.notice}`, 303);
});
