// /staff/tasks: the task list with filters and paging, the company checklist rule, and new tasks.
// The task page, checklist editor and portal panel live in the tasks-*.tsx modules mounted here.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { requireRole } from '../../auth/guards.tsx';
import { currentActor } from '../../auth/request-info.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { createTask, listClientOptions, listMemberOptions, listTasks, TASK_PAGE_SIZE, type TaskListFilters } from '../../db/queries/tasks.ts';
import { todayIn } from '../../format.ts';
import { renderPage } from '../../render.tsx';
import { weekOf } from '../../tasks/dates.ts';
import { readForm } from '../../validation.ts';
import { STAFF_TIMEZONE } from '../../views/staff/components.tsx';
import { isAdminRole } from '../../views/staff/layout.tsx';
import { emptyTaskForm, TaskFormPage } from '../../views/staff/tasks/form.tsx';
import { TaskListPage, type TaskFilterValues } from '../../views/staff/tasks/list.tsx';
import { isUuid, pageParam } from './helpers.tsx';
import { staffShell } from './shell.ts';
import { taskChecklistRoutes } from './tasks-checklist.tsx';
import { taskDetailRoutes } from './tasks-detail.tsx';
import { parseTaskForm } from './tasks-form.ts';
import { taskPortalRoutes } from './tasks-portal.tsx';
import { billingOn } from './tasks-render.tsx';

export const staffTaskRoutes = new Hono<AppEnv>();

const listNotices: Record<string, string> = { rule: 'Company rule saved.', deleted: 'Task deleted.' };
const statusFilters = new Set(['open', 'in_progress', 'done', 'all']);
const dueFilters = new Set(['overdue', 'week', 'none']);

staffTaskRoutes.get('/', async (c) => {
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const staff = c.get('staff');
  const [clients, members] = await Promise.all([listClientOptions(db, firm.id), listMemberOptions(db, firm.id)]);
  const query = (name: string) => (c.req.query(name) ?? '').trim();
  const values: TaskFilterValues = {
    q: query('q').slice(0, 100),
    client: clients.some((x) => x.id === query('client')) ? query('client') : '',
    status: statusFilters.has(query('status')) ? query('status') : '',
    assignee: members.some((m) => m.id === query('assignee')) ? query('assignee') : '',
    due: dueFilters.has(query('due')) ? query('due') : '',
  };
  const today = todayIn(clock.now(), STAFF_TIMEZONE);
  const page = pageParam(c);
  const filters: TaskListFilters = {
    clientId: values.client || undefined,
    status: (values.status || 'active') as TaskListFilters['status'],
    assigneeId: values.assignee || undefined,
    due: (values.due || undefined) as TaskListFilters['due'],
    q: values.q || undefined,
    page,
    today,
    week: weekOf(today),
  };
  const { rows, total } = await listTasks(db, firm.id, filters);
  return renderPage(
    c,
    <TaskListPage
      shell={staffShell(c, 'tasks')}
      filters={values}
      clients={clients}
      members={members}
      rows={rows}
      page={page}
      pages={Math.max(1, Math.ceil(total / TASK_PAGE_SIZE))}
      total={total}
      today={today}
      checklistRequired={firm.checklist_required}
      canEditRule={isAdminRole(staff.scope.role)}
      notice={listNotices[c.req.query('m') ?? '']}
    />,
  );
});

staffTaskRoutes.post('/settings', requireRole('owner', 'admin'), async (c) => {
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const form = await readForm(c);
  const required = form.checklist_required === 'on';
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('firms').set({ checklist_required: required }).where('id', '=', firm.id).execute();
    await recordAudit(trx, firm.id, currentActor(c), { action: 'settings.checklist_rule', detail: { checklistRequired: required } }, clock.now());
  });
  return c.redirect('/staff/tasks?m=rule', 303);
});

async function formOptions(c: Context<AppEnv>) {
  const { db } = c.get('deps');
  const firmId = c.get('firm').id;
  const [clients, members] = await Promise.all([listClientOptions(db, firmId), listMemberOptions(db, firmId)]);
  return { clients, members };
}

staffTaskRoutes.get('/new', async (c) => {
  const { clients, members } = await formOptions(c);
  const client = c.req.query('client');
  const values = { ...emptyTaskForm, client: isUuid(client) && clients.some((x) => x.id === client) ? client : '' };
  return renderPage(c, <TaskFormPage shell={staffShell(c, 'tasks')} values={values} clients={clients} members={members} billingEnabled={billingOn(c)} />);
});

staffTaskRoutes.post('/', async (c) => {
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const staff = c.get('staff');
  const { clients, members } = await formOptions(c);
  const parsed = parseTaskForm(await readForm(c, ['assignees']), {
    clientIds: new Set(clients.map((x) => x.id)),
    memberIds: new Set(members.map((m) => m.id)),
    billingEnabled: billingOn(c),
  });
  if (!parsed.ok) {
    return renderPage(
      c,
      <TaskFormPage shell={staffShell(c, 'tasks')} values={parsed.values} errors={parsed.errors} clients={clients} members={members} billingEnabled={billingOn(c)} />,
      422,
    );
  }
  const now = clock.now();
  const id = await db.transaction().execute(async (trx) => {
    const taskId = await createTask(trx, firm.id, parsed.clientId, staff.member.id, parsed.input, now);
    await recordAudit(trx, firm.id, currentActor(c), { action: 'task.created', subjectType: 'task', subjectId: taskId, detail: { title: parsed.input.title, clientId: parsed.clientId } }, now);
    return taskId;
  });
  return c.redirect(`/staff/tasks/${id}?m=created`, 303);
});

staffTaskRoutes.route('/', taskDetailRoutes);
staffTaskRoutes.route('/', taskChecklistRoutes);
staffTaskRoutes.route('/', taskPortalRoutes);
