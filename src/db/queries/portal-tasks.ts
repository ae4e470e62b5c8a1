// The client side of tasks, always within one PortalScope: the home lists, the task page, ticks, completion.
import { type ExpressionBuilder, type InferResult, type Kysely, sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { PortalScope } from '../../app-env.ts';
import type { ChecklistOwner, Database } from '../database.ts';
import { compiledQuery } from '../compiled.ts';
import { taskFilesJson } from './files.ts';
import { portalPage, type PortalPageLoader, type ScopeRefs } from './portal-access.ts';
import { checklistProgress, type ChecklistProgress } from './checklists.ts';
import { likePattern } from './tasks.ts';

export const COMPLETED_PAGE_SIZE = 10;

type Eb = ExpressionBuilder<Database, never>;

/** Tasks shared with this contact of this client at this firm: the only way the portal home reaches tasks. */
function sharedWith(eb: Eb, scope: ScopeRefs, titlePattern?: string) {
  let query = eb
    .selectFrom('task_portal_assignees as a')
    .innerJoin('task_portal as p', (j) => j.onRef('p.firm_id', '=', 'a.firm_id').onRef('p.task_id', '=', 'a.task_id'))
    .innerJoin('tasks as t', (j) => j.onRef('t.firm_id', '=', 'a.firm_id').onRef('t.id', '=', 'a.task_id'))
    .where('a.firm_id', '=', scope.firmId)
    .where('a.contact_id', '=', scope.contactId)
    // "is true" keeps the client check a filter on each task found by its primary key: as an index condition the
    // planner scanned all of the client's tasks once per shared task (measured by the benchmark).
    .where(sql<boolean>`(t.client_id = ${scope.clientId}) is true`);
  if (titlePattern !== undefined) query = query.where('t.title', 'ilike', titlePattern);
  return query;
}

// The client's items of a task: the client sections' counters (kept by a trigger on the items).
const clientItemCounts = sql<{ clientTotal: number; clientDone: number }>`(select coalesce(sum(cs.items_total), 0)::int as "clientTotal", coalesce(sum(cs.items_done), 0)::int as "clientDone"
  from checklist_sections cs where cs.firm_id = s.firm_id and cs.task_id = s.id and cs.owner = 'client')`;

// The client-facing due date: offset days earlier, never before the start date.
const clientDue = sql<string | null>`case when t.due_date is null then null else greatest(t.due_date - p.due_offset_days, t.start_date) end`;

export interface HomeTask {
  id: string;
  title: string;
  due: string | null;
  seen: boolean;
  assignAsTask: boolean;
  clientTotal: number;
  clientDone: number;
}

export interface CompletedTask {
  id: string;
  title: string;
  completedAt: string;
  total: number;
}

interface HomeParams {
  pattern: string;
  from: number;
  count: number;
}

export interface HomeTasks {
  todo: HomeTask[];
  completed: CompletedTask[];
}

// The shared tasks are found once (a materialized CTE) and split into the two lists, returned as one JSON value.
function homeTasksSelect(db: Kysely<Database>, scope: ScopeRefs, p: HomeParams, search: boolean) {
  const query = db
    .with(
      (cte) => cte('s').materialized(),
      (qb) =>
        sharedWith(qb as unknown as Eb, scope, search ? p.pattern : undefined).select([
          't.id',
          't.firm_id',
          't.title',
          't.created_at',
          sql<string | null>`${clientDue}`.as('due'),
          sql<boolean>`a.seen_at is not null`.as('seen'),
          'p.assign_as_task',
          sql<Date>`coalesce(p.client_completed_at, t.completed_at, t.updated_at)`.as('completed_at'),
          sql<boolean>`(t.status = 'done' or p.client_completed_at is not null)`.as('finished'),
        ]),
    )
    .selectNoFrom((eb) => [
      sql<HomeTasks>`json_build_object('todo', ${jsonArrayFrom(
        eb
          .selectFrom('s')
          .leftJoinLateral(() => clientItemCounts.as('c'), (j) => j.onTrue())
          .select([
            's.id',
            's.title',
            sql<string | null>`to_char(s.due, 'YYYY-MM-DD')`.as('due'),
            's.seen',
            's.assign_as_task as assignAsTask',
            'c.clientTotal',
            'c.clientDone',
          ])
          .where('s.finished', '=', false)
          .orderBy(sql`s.due asc nulls last`)
          .orderBy('s.created_at', 'desc')
          .orderBy('s.id'),
      )}, 'completed', ${jsonArrayFrom(
        eb
          .selectFrom('s')
          .select(['s.id', 's.title', 's.completed_at as completedAt', sql<number>`(count(*) over ())::int`.as('total')])
          .where('s.finished', '=', true)
          .orderBy('s.completed_at', 'desc')
          .orderBy('s.id')
          .offset(p.from)
          .limit(p.count),
      )})`.as('home'),
    ]);
  return sql<HomeTasks>`${query}`;
}

// One compiled statement per shape: with and without the title search.
const homePage = portalPage((db, scope, p: HomeParams) => homeTasksSelect(db, scope, p, false));
const homePageFound = portalPage((db, scope, p: HomeParams) => homeTasksSelect(db, scope, p, true));

/**
 * Everything the home page shows about tasks, loaded with the guard's session in one statement: the to-do list
 * and one slice of completed tasks (`completedCount` from `completedFrom`, newest first).
 */
export function homeTasksPage(options: { q?: string; completedFrom: number; completedCount: number }): PortalPageLoader<HomeTasks> {
  const params: HomeParams = { pattern: options.q ? likePattern(options.q) : '', from: options.completedFrom, count: options.completedCount };
  return options.q ? homePageFound(params) : homePage(params);
}

export interface PortalChecklistItem {
  id: string;
  text: string;
  done: boolean;
  doneAt: string | null;
  doneByName: string | null;
}

export interface PortalChecklistSection {
  id: string;
  owner: ChecklistOwner;
  title: string;
  items: PortalChecklistItem[];
}

/** The task page: the task as this contact sees it, its checklist and who it is shared with. */
function portalTaskSelect(db: Kysely<Database>, scope: ScopeRefs, taskId: string) {
  return db
    .selectFrom('task_portal_assignees as a')
    .innerJoin('task_portal as p', (j) => j.onRef('p.firm_id', '=', 'a.firm_id').onRef('p.task_id', '=', 'a.task_id'))
    .innerJoin('tasks as t', (j) => j.onRef('t.firm_id', '=', 'a.firm_id').onRef('t.id', '=', 'a.task_id'))
    .innerJoin('clients as cl', (j) => j.onRef('cl.firm_id', '=', 't.firm_id').onRef('cl.id', '=', 't.client_id'))
    .leftJoin('staff_members as creator', (j) => j.onRef('creator.firm_id', '=', 't.firm_id').onRef('creator.id', '=', 't.created_by'))
    .leftJoin('contacts as completer', (j) => j.onRef('completer.firm_id', '=', 'p.firm_id').onRef('completer.id', '=', 'p.client_completed_by'))
    .select((eb) => [
      't.client_id as clientId',
      'cl.name as clientName',
      taskFilesJson(eb).as('files'),
      't.id',
      't.title',
      't.note',
      't.status',
      'p.assign_as_task as assignAsTask',
      'p.auto_finish as autoFinish',
      'p.client_completed_at as clientCompletedAt',
      't.completed_at as completedAt',
      sql<string | null>`to_char(t.start_date, 'YYYY-MM-DD')`.as('startDate'),
      sql<string | null>`to_char(${clientDue}, 'YYYY-MM-DD')`.as('due'),
      sql<string | null>`nullif(trim(creator.first_name || ' ' || creator.last_name), '')`.as('assignedBy'),
      sql<string | null>`nullif(trim(completer.first_name || ' ' || completer.last_name), '')`.as('completedByName'),
      sql<boolean>`a.seen_at is null`.as('firstView'),
      jsonArrayFrom(
        eb
          .selectFrom('task_portal_assignees as a2')
          .innerJoin('contacts as c2', (j) => j.onRef('c2.firm_id', '=', 'a2.firm_id').onRef('c2.id', '=', 'a2.contact_id'))
          .select(sql<string>`coalesce(nullif(trim(c2.first_name || ' ' || c2.last_name), ''), c2.email)`.as('name'))
          .whereRef('a2.firm_id', '=', 'a.firm_id')
          .whereRef('a2.task_id', '=', 'a.task_id')
          .orderBy('c2.first_name'),
      ).as('assignedTo'),
      jsonArrayFrom(
        eb
          .selectFrom('checklist_sections as s')
          .select((eb2) => [
            's.id',
            's.owner',
            's.title',
            jsonArrayFrom(
              eb2
                .selectFrom('checklist_items as i')
                .leftJoin('contacts as tc', (j) => j.onRef('tc.firm_id', '=', 'i.firm_id').onRef('tc.id', '=', 'i.done_by_id').on('i.done_by_type', '=', 'portal'))
                .select([
                  'i.id',
                  'i.text',
                  'i.done',
                  'i.done_at as doneAt',
                  sql<string | null>`nullif(trim(tc.first_name || ' ' || tc.last_name), '')`.as('doneByName'),
                ])
                .whereRef('i.firm_id', '=', 's.firm_id')
                .whereRef('i.section_id', '=', 's.id')
                .orderBy('i.position')
                .orderBy('i.id'),
            ).as('items'),
          ])
          .whereRef('s.firm_id', '=', 't.firm_id')
          .whereRef('s.task_id', '=', 't.id')
          .orderBy('s.position')
          .orderBy('s.id'),
      ).as('sections'),
    ])
    .where('a.firm_id', '=', scope.firmId)
    .where('a.task_id', '=', taskId)
    .where('a.contact_id', '=', scope.contactId)
    .where(sql<boolean>`(t.client_id = ${scope.clientId}) is true`);
}

type PortalTaskRow = InferResult<ReturnType<typeof portalTaskSelect>>[number];

function toPortalTask(row: PortalTaskRow) {
  return { ...row, assignedTo: row.assignedTo.map((a) => a.name), sections: row.sections as unknown as PortalChecklistSection[] };
}

/** A scope of plain values where a query is written for ScopeRefs. */
function scopeValues(scope: PortalScope): ScopeRefs {
  return { firmId: sql.val(scope.firmId), clientId: sql.val(scope.clientId), contactId: sql.val(scope.contactId) };
}

const portalTaskQuery = compiledQuery((db, p: PortalScope & { taskId: string }) => portalTaskSelect(db, scopeValues(p), p.taskId));

const portalTaskPage = portalPage((db, scope, p: { taskId: string }) => jsonObjectFrom(portalTaskSelect(db, scope, p.taskId)));

/** The task page's task, loaded with the guard's session in one statement (see portalPage). */
export function taskPage(taskId: string) {
  return portalTaskPage({ taskId });
}

type PortalTaskJson = NonNullable<Awaited<ReturnType<ReturnType<typeof taskPage>>>>['page'];

/** The task as taskPage loaded it (JSON: its times are strings), in the shape openPortalTask returns. */
export function portalTaskFrom(row: PortalTaskJson | undefined): PortalTask | undefined {
  if (!row) return undefined;
  const at = (value: string | null) => (value === null ? null : new Date(value));
  return toPortalTask({ ...row, clientCompletedAt: at(row.clientCompletedAt), completedAt: at(row.completedAt) });
}

/** The task's first view by this contact: it is no longer "New" on the home. */
export async function markTaskSeen(db: Kysely<Database>, scope: PortalScope, taskId: string, now: Date): Promise<void> {
  await db
    .updateTable('task_portal_assignees')
    .set({ seen_at: now })
    .where('firm_id', '=', scope.firmId)
    .where('task_id', '=', taskId)
    .where('contact_id', '=', scope.contactId)
    .where('seen_at', 'is', null)
    .execute();
}

/** The task as this contact sees it, read on its own (after a refused action, say). */
export async function openPortalTask(db: Kysely<Database>, scope: PortalScope, taskId: string) {
  const [row] = await portalTaskQuery(db, { firmId: scope.firmId, clientId: scope.clientId, contactId: scope.contactId, taskId });
  return row ? toPortalTask(row) : undefined;
}

export type PortalTask = ReturnType<typeof toPortalTask>;

/** The task's portal row, locked: FOR SHARE by ticks (they run side by side), FOR UPDATE by completion. */
export function lockPortalTask(db: Kysely<Database>, scope: PortalScope, taskId: string, mode: 'share' | 'update') {
  const query = db
    .selectFrom('task_portal as p')
    .innerJoin('task_portal_assignees as a', (j) => j.onRef('a.firm_id', '=', 'p.firm_id').onRef('a.task_id', '=', 'p.task_id').on('a.contact_id', '=', scope.contactId))
    .innerJoin('tasks as t', (j) => j.onRef('t.firm_id', '=', 'p.firm_id').onRef('t.id', '=', 'p.task_id'))
    .select(['p.assign_as_task as assignAsTask', 'p.auto_finish as autoFinish', 'p.client_completed_at as clientCompletedAt', 't.status', 't.title'])
    .where('p.firm_id', '=', scope.firmId)
    .where('p.task_id', '=', taskId)
    .where(sql<boolean>`(t.client_id = ${scope.clientId}) is true`);
  return (mode === 'share' ? query.forShare('p') : query.forUpdate('p')).executeTakeFirst();
}

export type LockedPortalTask = NonNullable<Awaited<ReturnType<typeof lockPortalTask>>>;

/**
 * Ticks or unticks one of the client's items in a single UPDATE (a concurrent tick of another item, or of the
 * same item by another contact, is never lost). `done` undefined flips it.
 */
export async function setClientItemDone(trx: Kysely<Database>, scope: PortalScope, taskId: string, itemId: string, done: boolean | undefined, now: Date) {
  const target = done === undefined ? sql<boolean>`not i.done` : sql<boolean>`${done}`;
  return trx
    .updateTable('checklist_items as i')
    .set({
      done: target,
      // An item already in the wanted state keeps who ticked it and when.
      done_by_type: sql`case when ${target} = i.done then i.done_by_type when ${target} then 'portal' else null end`,
      done_by_id: sql`case when ${target} = i.done then i.done_by_id when ${target} then ${scope.contactId}::uuid else null end`,
      done_at: sql`case when ${target} = i.done then i.done_at when ${target} then ${now}::timestamptz else null end`,
    })
    .where('i.firm_id', '=', scope.firmId)
    .where('i.task_id', '=', taskId)
    .where('i.id', '=', itemId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('checklist_sections as s')
          .select(sql`1`.as('one'))
          .whereRef('s.firm_id', '=', 'i.firm_id')
          .whereRef('s.id', '=', 'i.section_id')
          .where('s.owner', '=', 'client'),
      ),
    )
    .returning(['i.id', 'i.text', 'i.done', 'i.done_at as doneAt'])
    .executeTakeFirst();
}

/** What still stands between the client and "Mark as done". */
export function openItemsBlockingCompletion(progress: ChecklistProgress, checklistRequired: boolean): number {
  return checklistRequired ? progress.open : progress.clientOpen;
}

export function clientProgress(db: Kysely<Database>, scope: PortalScope, taskId: string) {
  return checklistProgress(db, scope.firmId, taskId);
}

export async function markClientCompleted(trx: Kysely<Database>, scope: PortalScope, taskId: string, now: Date): Promise<void> {
  await trx
    .updateTable('task_portal')
    .set({ client_completed_at: now, client_completed_by: scope.contactId, updated_at: now })
    .where('firm_id', '=', scope.firmId)
    .where('task_id', '=', taskId)
    .execute();
}

export async function clearClientCompleted(trx: Kysely<Database>, scope: PortalScope, taskId: string, now: Date): Promise<void> {
  await trx
    .updateTable('task_portal')
    .set({ client_completed_at: null, client_completed_by: null, updated_at: now })
    .where('firm_id', '=', scope.firmId)
    .where('task_id', '=', taskId)
    .execute();
}

/** The firm's intro templates in the first of these languages that has any. */
export async function findIntroTemplates(db: Kysely<Database>, firmId: string, languages: string[]) {
  const rows = await db
    .selectFrom('intro_templates')
    .select(['language', 'title', 'note', 'checklist', 'position'])
    .where('firm_id', '=', firmId)
    .where('language', 'in', languages)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
  const language = languages.find((l) => rows.some((r) => r.language === l));
  return rows.filter((r) => r.language === language);
}
