// The firm side of a task's Client Portal panel: who it is shared with, how, and taking it off the portal.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../database.ts';
import { cancelTaskSharedMail, scheduleTaskSharedMail } from './task-notifications.ts';

/** Every contact of the client, with whether the portal is open to them. */
export function listClientContacts(db: Kysely<Database>, firmId: string, clientId: string) {
  return db
    .selectFrom('contacts')
    .select([
      'id',
      'email',
      'access_enabled as accessEnabled',
      sql<string>`coalesce(nullif(trim(first_name || ' ' || last_name), ''), email, '')`.as('name'),
    ])
    .where('firm_id', '=', firmId)
    .where('client_id', '=', clientId)
    .orderBy('first_name')
    .orderBy('last_name')
    .execute();
}

/** The contacts a task is shared with, with when each first opened it. */
export function listPortalAssignees(db: Kysely<Database>, firmId: string, taskId: string) {
  return db
    .selectFrom('task_portal_assignees as a')
    .innerJoin('contacts as c', (j) => j.onRef('c.firm_id', '=', 'a.firm_id').onRef('c.id', '=', 'a.contact_id'))
    .select([
      'a.contact_id as contactId',
      'a.added_at as addedAt',
      'a.seen_at as seenAt',
      'c.access_enabled as accessEnabled',
      sql<string>`coalesce(nullif(trim(c.first_name || ' ' || c.last_name), ''), c.email, '')`.as('name'),
    ])
    .where('a.firm_id', '=', firmId)
    .where('a.task_id', '=', taskId)
    .orderBy('c.first_name')
    .execute();
}

export interface PortalSettingsInput {
  firmId: string;
  taskId: string;
  clientId: string;
  contactIds: string[];
  assignAsTask: boolean;
  autoFinish: boolean;
  dueOffsetDays: number;
  origin: string;
  now: Date;
  /** false: no "new task" mail (the intro task, created while the contact signs in). */
  notify?: boolean;
}

/**
 * Shares the task (or updates how it is shared). New portal assignees get the "new task" mail about
 * 5 minutes later; removed ones have theirs cancelled; unchanged ones keep their pending mail as it is.
 */
export async function savePortalSettings(trx: Kysely<Database>, s: PortalSettingsInput): Promise<{ added: string[]; removed: string[]; created: boolean }> {
  const allowed = s.contactIds.length
    ? await trx
        .selectFrom('contacts')
        .select('id')
        .where('firm_id', '=', s.firmId)
        .where('client_id', '=', s.clientId)
        .where('access_enabled', '=', true)
        .where('email', 'is not', null)
        .where('id', 'in', s.contactIds)
        .execute()
    : [];
  const wanted = new Set(allowed.map((r) => r.id));
  const existing = await trx
    .selectFrom('task_portal')
    .select('task_id')
    .where('firm_id', '=', s.firmId)
    .where('task_id', '=', s.taskId)
    .forUpdate()
    .executeTakeFirst();
  if (existing) {
    await trx
      .updateTable('task_portal')
      .set({ assign_as_task: s.assignAsTask, auto_finish: s.autoFinish && wanted.size > 0, due_offset_days: s.dueOffsetDays, updated_at: s.now })
      .where('firm_id', '=', s.firmId)
      .where('task_id', '=', s.taskId)
      .execute();
  } else {
    await trx
      .insertInto('task_portal')
      .values({
        firm_id: s.firmId,
        task_id: s.taskId,
        assign_as_task: s.assignAsTask,
        auto_finish: s.autoFinish && wanted.size > 0,
        due_offset_days: s.dueOffsetDays,
        shared_at: s.now,
        updated_at: s.now,
      })
      .execute();
  }
  const current = await trx.selectFrom('task_portal_assignees').select('contact_id').where('firm_id', '=', s.firmId).where('task_id', '=', s.taskId).execute();
  const had = new Set(current.map((r) => r.contact_id));
  const added = [...wanted].filter((id) => !had.has(id));
  const removed = [...had].filter((id) => !wanted.has(id));
  if (removed.length) {
    await trx.deleteFrom('task_portal_assignees').where('firm_id', '=', s.firmId).where('task_id', '=', s.taskId).where('contact_id', 'in', removed).execute();
    await cancelTaskSharedMail(trx, s.firmId, s.taskId, removed);
  }
  if (added.length) {
    await trx
      .insertInto('task_portal_assignees')
      .values(added.map((contact_id) => ({ firm_id: s.firmId, task_id: s.taskId, contact_id, added_at: s.now })))
      .execute();
    if (s.notify !== false) await scheduleTaskSharedMail(trx, { firmId: s.firmId, taskId: s.taskId, contactIds: added, origin: s.origin, now: s.now });
  }
  return { added, removed, created: !existing };
}

/** The panel's X: the task leaves the portal; mail not yet sent about it is cancelled. */
export async function removePortalSettings(trx: Kysely<Database>, firmId: string, taskId: string): Promise<boolean> {
  const assignees = await trx.selectFrom('task_portal_assignees').select('contact_id').where('firm_id', '=', firmId).where('task_id', '=', taskId).execute();
  const result = await trx.deleteFrom('task_portal').where('firm_id', '=', firmId).where('task_id', '=', taskId).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) return false;
  await cancelTaskSharedMail(
    trx,
    firmId,
    taskId,
    assignees.map((a) => a.contact_id),
  );
  return true;
}

/** Before a task is deleted: its pending mail goes too. */
export async function cancelAllTaskMail(trx: Kysely<Database>, firmId: string, taskId: string): Promise<void> {
  const assignees = await trx.selectFrom('task_portal_assignees').select('contact_id').where('firm_id', '=', firmId).where('task_id', '=', taskId).execute();
  await cancelTaskSharedMail(
    trx,
    firmId,
    taskId,
    assignees.map((a) => a.contact_id),
  );
}

/** The next occurrence of a series is shared like the one before it, with the contacts who still have access. */
export async function copyPortalSettings(trx: Kysely<Database>, c: { firmId: string; fromTaskId: string; toTaskId: string; origin: string; now: Date }): Promise<void> {
  const settings = await trx.selectFrom('task_portal').selectAll().where('firm_id', '=', c.firmId).where('task_id', '=', c.fromTaskId).executeTakeFirst();
  if (!settings) return;
  const task = await trx.selectFrom('tasks').select('client_id').where('firm_id', '=', c.firmId).where('id', '=', c.toTaskId).executeTakeFirstOrThrow();
  const contacts = await trx.selectFrom('task_portal_assignees').select('contact_id').where('firm_id', '=', c.firmId).where('task_id', '=', c.fromTaskId).execute();
  await savePortalSettings(trx, {
    firmId: c.firmId,
    taskId: c.toTaskId,
    clientId: task.client_id,
    contactIds: contacts.map((r) => r.contact_id),
    assignAsTask: settings.assign_as_task,
    autoFinish: settings.auto_finish,
    dueOffsetDays: settings.due_offset_days,
    origin: c.origin,
    now: c.now,
  });
}
