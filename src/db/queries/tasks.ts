// Firm-side task queries: list with filters, find, create, edit, delete, status changes and recurrence.
import { type Expression, type Kysely, sql } from 'kysely';
import { occurrenceDate } from '../../tasks/dates.ts';
import type { BillingSetting, Database, Recurrence, TaskStatus } from '../database.ts';
import { copyChecklist } from './checklists.ts';
import { copyPortalSettings } from './task-portal.ts';

/** A `date` column as 'YYYY-MM-DD' text (pg would return a Date in the server's zone, PGlite a string). */
export function dateText(column: Expression<unknown> | string) {
  return typeof column === 'string' ? sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')` : sql<string | null>`to_char(${column}, 'YYYY-MM-DD')`;
}

/** `%` and `_` match themselves in a LIKE pattern. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

export const TASK_PAGE_SIZE = 25;

export interface TaskListFilters {
  clientId?: string;
  status: 'active' | TaskStatus | 'all';
  assigneeId?: string;
  due?: 'overdue' | 'week' | 'none';
  q?: string;
  page: number;
  today: string;
  week: { from: string; to: string };
}

/** The firm's tasks that pass the list filters (joined to their client and portal row). */
function filteredTasks(db: Kysely<Database>, firmId: string, f: TaskListFilters) {
  let query = db
    .selectFrom('tasks')
    .innerJoin('clients', (j) => j.onRef('clients.firm_id', '=', 'tasks.firm_id').onRef('clients.id', '=', 'tasks.client_id'))
    .leftJoin('task_portal', (j) => j.onRef('task_portal.firm_id', '=', 'tasks.firm_id').onRef('task_portal.task_id', '=', 'tasks.id'))
    .where('tasks.firm_id', '=', firmId);
  if (f.clientId) query = query.where('tasks.client_id', '=', f.clientId);
  if (f.status === 'active') query = query.where('tasks.status', '<>', 'done');
  else if (f.status !== 'all') query = query.where('tasks.status', '=', f.status);
  if (f.assigneeId) {
    const member = f.assigneeId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('task_assignees')
          .select(sql`1`.as('one'))
          .whereRef('task_assignees.firm_id', '=', 'tasks.firm_id')
          .whereRef('task_assignees.task_id', '=', 'tasks.id')
          .where('task_assignees.member_id', '=', member),
      ),
    );
  }
  if (f.due === 'overdue') query = query.where('tasks.due_date', '<', f.today).where('tasks.status', '<>', 'done');
  else if (f.due === 'week') query = query.where('tasks.due_date', '>=', f.week.from).where('tasks.due_date', '<=', f.week.to);
  else if (f.due === 'none') query = query.where('tasks.due_date', 'is', null);
  if (f.q) query = query.where('tasks.title', 'ilike', likePattern(f.q));
  return query;
}

export async function listTasks(db: Kysely<Database>, firmId: string, f: TaskListFilters) {
  const rows = await filteredTasks(db, firmId, f)
    .select((eb) => [
      'tasks.id',
      'tasks.title',
      'tasks.status',
      'tasks.recurrence',
      'tasks.client_id as clientId',
      'clients.name as clientName',
      dateText('tasks.due_date').as('dueDate'),
      dateText('tasks.start_date').as('startDate'),
      eb.fn.coalesce(
        eb
          .selectFrom('task_assignees')
          .innerJoin('staff_members', (j) => j.onRef('staff_members.firm_id', '=', 'task_assignees.firm_id').onRef('staff_members.id', '=', 'task_assignees.member_id'))
          .select(sql<string>`string_agg(coalesce(nullif(trim(staff_members.first_name || ' ' || staff_members.last_name), ''), staff_members.email), ', ' order by staff_members.first_name)`.as('names'))
          .whereRef('task_assignees.firm_id', '=', 'tasks.firm_id')
          .whereRef('task_assignees.task_id', '=', 'tasks.id'),
        sql<string>`''`,
      ).as('assignees'),
      sql<boolean>`task_portal.task_id is not null`.as('shared'),
      'task_portal.client_completed_at as clientCompletedAt',
      sql<number>`(count(*) over ())::int`.as('total'),
    ])
    .orderBy(sql`tasks.due_date asc nulls last`)
    .orderBy('tasks.title')
    .orderBy('tasks.id')
    .limit(TASK_PAGE_SIZE)
    .offset((f.page - 1) * TASK_PAGE_SIZE)
    .execute();
  if (rows.length > 0 || f.page === 1) return { rows, total: rows[0]?.total ?? 0 };
  // Past the last page the window count is gone: count, so the pager can lead back.
  const counted = await filteredTasks(db, firmId, f).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return { rows, total: counted.n };
}

export type TaskListRow = Awaited<ReturnType<typeof listTasks>>['rows'][number];

/** A task with its client and portal settings, for the staff task page and its forms. */
export function findTask(db: Kysely<Database>, firmId: string, taskId: string) {
  return db
    .selectFrom('tasks')
    .innerJoin('clients', (j) => j.onRef('clients.firm_id', '=', 'tasks.firm_id').onRef('clients.id', '=', 'tasks.client_id'))
    .leftJoin('staff_members as creator', (j) => j.onRef('creator.firm_id', '=', 'tasks.firm_id').onRef('creator.id', '=', 'tasks.created_by'))
    .leftJoin('task_portal', (j) => j.onRef('task_portal.firm_id', '=', 'tasks.firm_id').onRef('task_portal.task_id', '=', 'tasks.id'))
    .leftJoin('contacts as completer', (j) => j.onRef('completer.firm_id', '=', 'task_portal.firm_id').onRef('completer.id', '=', 'task_portal.client_completed_by'))
    .select([
      'tasks.id',
      'tasks.title',
      'tasks.note',
      'tasks.status',
      'tasks.recurrence',
      'tasks.billing',
      'tasks.client_id as clientId',
      'tasks.completed_at as completedAt',
      'tasks.completed_by_type as completedByType',
      'tasks.created_at as createdAt',
      'tasks.recurrence_parent_id as parentId',
      sql<string | null>`(select n.id from tasks n where n.firm_id = tasks.firm_id and n.recurrence_parent_id = tasks.id)`.as('nextId'),
      'clients.name as clientName',
      'clients.portal_enabled as clientPortalEnabled',
      'clients.responsible_member_id as responsibleMemberId',
      dateText('tasks.start_date').as('startDate'),
      dateText('tasks.due_date').as('dueDate'),
      dateText('tasks.billing_date').as('billingDate'),
      sql<string | null>`nullif(trim(creator.first_name || ' ' || creator.last_name), '')`.as('createdByName'),
      sql<boolean>`task_portal.task_id is not null`.as('shared'),
      'task_portal.assign_as_task as assignAsTask',
      'task_portal.auto_finish as autoFinish',
      'task_portal.due_offset_days as dueOffsetDays',
      'task_portal.shared_at as sharedAt',
      'task_portal.client_completed_at as clientCompletedAt',
      sql<string | null>`nullif(trim(completer.first_name || ' ' || completer.last_name), '')`.as('clientCompletedByName'),
    ])
    .where('tasks.firm_id', '=', firmId)
    .where('tasks.id', '=', taskId)
    .executeTakeFirst();
}

export type StaffTask = NonNullable<Awaited<ReturnType<typeof findTask>>>;

export function listTaskAssigneeIds(db: Kysely<Database>, firmId: string, taskId: string): Promise<string[]> {
  return db
    .selectFrom('task_assignees')
    .select('member_id')
    .where('firm_id', '=', firmId)
    .where('task_id', '=', taskId)
    .execute()
    .then((rows) => rows.map((r) => r.member_id));
}

/** Active staff members, for assignee choices and names. */
export function listMemberOptions(db: Kysely<Database>, firmId: string) {
  return db
    .selectFrom('staff_members')
    .select(['id', 'email', sql<string>`coalesce(nullif(trim(first_name || ' ' || last_name), ''), email)`.as('name')])
    .where('firm_id', '=', firmId)
    .where('active', '=', true)
    .orderBy('first_name')
    .orderBy('email')
    .execute();
}

/** Clients that are not archived, for the client filter and the new-task form. */
export function listClientOptions(db: Kysely<Database>, firmId: string) {
  return db.selectFrom('clients').select(['id', 'name']).where('firm_id', '=', firmId).where('archived_at', 'is', null).orderBy('name').execute();
}

export interface TaskInput {
  title: string;
  note: string;
  startDate: string | null;
  dueDate: string | null;
  status: TaskStatus;
  assigneeIds: string[];
  recurrence: Recurrence;
  billing: BillingSetting;
  billingDate: string | null;
}

export async function createTask(trx: Kysely<Database>, firmId: string, clientId: string, createdBy: string | null, input: TaskInput, now: Date): Promise<string> {
  const id = crypto.randomUUID();
  await trx
    .insertInto('tasks')
    .values({
      firm_id: firmId,
      id,
      client_id: clientId,
      title: input.title,
      note: input.note,
      start_date: input.startDate,
      due_date: input.dueDate,
      status: input.status,
      created_by: createdBy,
      recurrence: input.recurrence,
      series_id: id,
      series_start: input.startDate,
      series_due: input.dueDate,
      billing: input.billing,
      billing_date: input.billing === 'custom' ? input.billingDate : null,
      completed_at: input.status === 'done' ? now : null,
      completed_by_type: input.status === 'done' && createdBy ? 'staff' : null,
      completed_by_id: input.status === 'done' ? createdBy : null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await setTaskAssignees(trx, firmId, id, input.assigneeIds);
  return id;
}

export async function setTaskAssignees(trx: Kysely<Database>, firmId: string, taskId: string, memberIds: string[]): Promise<void> {
  await trx.deleteFrom('task_assignees').where('firm_id', '=', firmId).where('task_id', '=', taskId).execute();
  const unique = [...new Set(memberIds)];
  if (unique.length) await trx.insertInto('task_assignees').values(unique.map((member_id) => ({ firm_id: firmId, task_id: taskId, member_id }))).execute();
}

/** Saves the edit form (status changes go through setTaskStatus). Changed dates restart the series from them. */
export async function updateTask(trx: Kysely<Database>, firmId: string, taskId: string, input: Omit<TaskInput, 'status'>, now: Date): Promise<boolean> {
  const current = await trx
    .selectFrom('tasks')
    .select([dateText('start_date').as('startDate'), dateText('due_date').as('dueDate'), 'recurrence'])
    .where('firm_id', '=', firmId)
    .where('id', '=', taskId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) return false;
  const datesChanged = current.startDate !== input.startDate || current.dueDate !== input.dueDate || current.recurrence !== input.recurrence;
  await trx
    .updateTable('tasks')
    .set({
      title: input.title,
      note: input.note,
      start_date: input.startDate,
      due_date: input.dueDate,
      recurrence: input.recurrence,
      billing: input.billing,
      billing_date: input.billing === 'custom' ? input.billingDate : null,
      updated_at: now,
      ...(datesChanged ? { series_start: input.startDate, series_due: input.dueDate, occurrence: 0 } : {}),
    })
    .where('firm_id', '=', firmId)
    .where('id', '=', taskId)
    .execute();
  await setTaskAssignees(trx, firmId, taskId, input.assigneeIds);
  return true;
}

export async function deleteTask(trx: Kysely<Database>, firmId: string, taskId: string): Promise<boolean> {
  await trx.updateTable('tasks').set({ recurrence_parent_id: null }).where('firm_id', '=', firmId).where('recurrence_parent_id', '=', taskId).execute();
  const result = await trx.deleteFrom('tasks').where('firm_id', '=', firmId).where('id', '=', taskId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface Completion {
  firmId: string;
  taskId: string;
  by: { type: 'staff' | 'portal'; id: string };
  origin: string;
  now: Date;
}

/** Marks the firm's task done; a recurring task gets its next occurrence. Returns the new occurrence's id, if any. */
export async function finishTask(trx: Kysely<Database>, c: Completion): Promise<{ changed: boolean; nextId?: string }> {
  const result = await trx
    .updateTable('tasks')
    .set({ status: 'done', completed_at: c.now, completed_by_type: c.by.type, completed_by_id: c.by.id, updated_at: c.now })
    .where('firm_id', '=', c.firmId)
    .where('id', '=', c.taskId)
    .where('status', '<>', 'done')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return { changed: false };
  return { changed: true, nextId: await createNextOccurrence(trx, c) };
}

/** Open or in progress again; a client's completion is cleared too, so the task is back on their list. */
export async function setTaskActiveStatus(trx: Kysely<Database>, firmId: string, taskId: string, status: 'open' | 'in_progress', now: Date): Promise<boolean> {
  const result = await trx
    .updateTable('tasks')
    .set({ status, completed_at: null, completed_by_type: null, completed_by_id: null, updated_at: now })
    .where('firm_id', '=', firmId)
    .where('id', '=', taskId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  await trx.updateTable('task_portal').set({ client_completed_at: null, client_completed_by: null, updated_at: now }).where('firm_id', '=', firmId).where('task_id', '=', taskId).execute();
  return true;
}

async function createNextOccurrence(trx: Kysely<Database>, c: Completion): Promise<string | undefined> {
  const task = await trx
    .selectFrom('tasks')
    .selectAll()
    .select([dateText('series_start').as('anchorStart'), dateText('series_due').as('anchorDue'), dateText('billing_date').as('billingText')])
    .where('firm_id', '=', c.firmId)
    .where('id', '=', c.taskId)
    .executeTakeFirst();
  if (!task || task.recurrence === 'none' || (!task.anchorStart && !task.anchorDue)) return undefined;
  const n = task.occurrence + 1;
  const id = crypto.randomUUID();
  const inserted = await trx
    .insertInto('tasks')
    .values({
      firm_id: c.firmId,
      id,
      client_id: task.client_id,
      title: task.title,
      note: task.note,
      start_date: task.anchorStart ? occurrenceDate(task.anchorStart, task.recurrence, n) : null,
      due_date: task.anchorDue ? occurrenceDate(task.anchorDue, task.recurrence, n) : null,
      status: 'open',
      created_by: task.created_by,
      recurrence: task.recurrence,
      series_id: task.series_id ?? task.id,
      recurrence_parent_id: task.id,
      occurrence: n,
      series_start: task.anchorStart,
      series_due: task.anchorDue,
      billing: task.billing,
      billing_date: task.billing === 'custom' && task.billingText ? occurrenceDate(task.billingText, task.recurrence, 1) : null,
      created_at: c.now,
      updated_at: c.now,
    })
    .onConflict((oc) => oc.columns(['firm_id', 'recurrence_parent_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return undefined;
  await trx
    .insertInto('task_assignees')
    .columns(['firm_id', 'task_id', 'member_id'])
    .expression((eb) =>
      eb.selectFrom('task_assignees').select([eb.val(c.firmId).as('firm_id'), eb.val(id).as('task_id'), 'member_id']).where('firm_id', '=', c.firmId).where('task_id', '=', task.id),
    )
    .execute();
  await copyChecklist(trx, c.firmId, task.id, id);
  await copyPortalSettings(trx, { firmId: c.firmId, fromTaskId: task.id, toTaskId: id, origin: c.origin, now: c.now });
  return id;
}

export async function taskExists(db: Kysely<Database>, firmId: string, taskId: string): Promise<boolean> {
  const row = await db.selectFrom('tasks').select('id').where('firm_id', '=', firmId).where('id', '=', taskId).executeTakeFirst();
  return row !== undefined;
}

/** Tasks a client marked done that the firm has not closed yet (the dashboard card), newest first. */
export async function listClientCompletedTasks(db: Kysely<Database>, firmId: string, limit = 8) {
  const rows = await db
    .selectFrom('task_portal')
    .innerJoin('tasks', (j) => j.onRef('tasks.firm_id', '=', 'task_portal.firm_id').onRef('tasks.id', '=', 'task_portal.task_id'))
    .innerJoin('clients', (j) => j.onRef('clients.firm_id', '=', 'tasks.firm_id').onRef('clients.id', '=', 'tasks.client_id'))
    .select(['tasks.id', 'tasks.title', 'clients.name as clientName', 'task_portal.client_completed_at as completedAt', sql<number>`(count(*) over ())::int`.as('total')])
    .where('task_portal.firm_id', '=', firmId)
    .where('task_portal.client_completed_at', 'is not', null)
    .where('tasks.status', '<>', 'done')
    .orderBy('task_portal.client_completed_at', 'desc')
    .limit(limit)
    .execute();
  return { count: rows[0]?.total ?? 0, rows };
}
