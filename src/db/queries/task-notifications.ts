// Task mail: "a task was shared with you" (about 5 minutes later, or in the person's daily digest) and
// "a client completed a task" for staff. Rows go to the outbox in the caller's transaction.
import { type Kysely, sql } from 'kysely';
import { MINUTE } from '../../clock.ts';
import { pickLanguage } from '../../i18n/index.ts';
import { isDigestTiming, nextDigestTime } from '../../mail/timing.ts';
import { clientDueDate } from '../../tasks/dates.ts';
import type { Database } from '../database.ts';
import { cancelPendingMail, enqueueMail } from './outbox.ts';

/** The grace period during which unsharing a task cancels its mail. */
export const SHARE_MAIL_DELAY = 5 * MINUTE;

export function sharedMailKey(taskId: string, contactId: string): string {
  return `task-shared:${taskId}:${contactId}`;
}

function digestKeyPrefix(contactId: string): string {
  return `task-digest:${contactId}:`;
}

export function completedMailKey(taskId: string): string {
  return `task-completed:${taskId}`;
}

export interface SharedTaskMailItem {
  taskId: string;
  title: string;
  url: string;
  due: string | null;
}

export interface ShareNotice {
  firmId: string;
  taskId: string;
  contactIds: string[];
  /** The firm's portal origin, e.g. https://demo.portico.example */
  origin: string;
  now: Date;
}

/** Queues the "new task" mail for each contact, by their notification timing ('off' sends nothing). */
export async function scheduleTaskSharedMail(trx: Kysely<Database>, notice: ShareNotice): Promise<void> {
  if (notice.contactIds.length === 0) return;
  const task = await trx
    .selectFrom('tasks')
    .innerJoin('task_portal', (j) => j.onRef('task_portal.firm_id', '=', 'tasks.firm_id').onRef('task_portal.task_id', '=', 'tasks.id'))
    .innerJoin('firms', 'firms.id', 'tasks.firm_id')
    .select([
      'tasks.title',
      sql<string | null>`to_char(tasks.due_date, 'YYYY-MM-DD')`.as('dueDate'),
      sql<string | null>`to_char(tasks.start_date, 'YYYY-MM-DD')`.as('startDate'),
      'task_portal.due_offset_days as offset',
      'firms.default_language as firmLanguage',
    ])
    .where('tasks.firm_id', '=', notice.firmId)
    .where('tasks.id', '=', notice.taskId)
    .executeTakeFirst();
  if (!task) return;
  const people = await trx
    .selectFrom('contacts')
    .leftJoin('portal_users', 'portal_users.email', 'contacts.email')
    .select(['contacts.id', 'contacts.email', 'contacts.first_name as firstName', 'portal_users.language', 'portal_users.timezone', 'portal_users.notify_timing as timing'])
    .where('contacts.firm_id', '=', notice.firmId)
    .where('contacts.id', 'in', notice.contactIds)
    .execute();
  const item: SharedTaskMailItem = {
    taskId: notice.taskId,
    title: task.title,
    url: `${notice.origin}/tasks/${notice.taskId}`,
    due: clientDueDate(task.dueDate, task.startDate, task.offset),
  };
  const earliest = new Date(notice.now.getTime() + SHARE_MAIL_DELAY);
  for (const person of people) {
    if (!person.email) continue;
    const timing = person.timing ?? 'instant';
    if (timing === 'off') continue;
    const language = pickLanguage(person.language, task.firmLanguage);
    if (!isDigestTiming(timing)) {
      await enqueueMail(
        trx,
        { firmId: notice.firmId, template: 'task-shared', to: person.email, payload: { language, firstName: person.firstName, ...item }, dueAt: earliest, dedupeKey: sharedMailKey(notice.taskId, person.id) },
        notice.now,
      );
      continue;
    }
    const dueAt = nextDigestTime(earliest, timing, person.timezone ?? 'UTC');
    const key = `${digestKeyPrefix(person.id)}${dueAt.toISOString()}`;
    const digest = await trx
      .selectFrom('outbox')
      .select('id')
      .where('firm_id', '=', notice.firmId)
      .where('dedupe_key', '=', key)
      .where('status', '=', 'pending')
      .forUpdate()
      .executeTakeFirst();
    if (digest) {
      await trx
        .updateTable('outbox')
        .set({ payload: sql`jsonb_set(payload, '{tasks}', coalesce(payload->'tasks', '[]'::jsonb) || ${JSON.stringify([item])}::jsonb)` })
        .where('firm_id', '=', notice.firmId)
        .where('id', '=', digest.id)
        .execute();
    } else {
      await enqueueMail(
        trx,
        { firmId: notice.firmId, template: 'task-digest', to: person.email, payload: { language, firstName: person.firstName, tasks: [item] }, dueAt, dedupeKey: key },
        notice.now,
      );
    }
  }
}

/** Unsharing before the mail went out: cancel it, or take the task out of the pending digest. */
export async function cancelTaskSharedMail(trx: Kysely<Database>, firmId: string, taskId: string, contactIds: string[]): Promise<void> {
  for (const contactId of contactIds) {
    await cancelPendingMail(trx, firmId, sharedMailKey(taskId, contactId));
    const digests = await trx
      .selectFrom('outbox')
      .select('id')
      .where('firm_id', '=', firmId)
      .where('dedupe_key', 'like', `${digestKeyPrefix(contactId)}%`)
      .where('status', '=', 'pending')
      .forUpdate()
      .execute();
    for (const digest of digests) {
      const row = await trx
        .updateTable('outbox')
        .set({
          payload: sql`jsonb_set(payload, '{tasks}', coalesce((select jsonb_agg(e) from jsonb_array_elements(payload->'tasks') e where e->>'taskId' <> ${taskId}), '[]'::jsonb))`,
        })
        .where('firm_id', '=', firmId)
        .where('id', '=', digest.id)
        .returning(sql<number>`jsonb_array_length(payload->'tasks')`.as('left'))
        .executeTakeFirstOrThrow();
      if (row.left === 0) await trx.updateTable('outbox').set({ status: 'cancelled' }).where('firm_id', '=', firmId).where('id', '=', digest.id).execute();
    }
  }
}

/** A contact lost access (or its e-mail changed): its pending "new task" mail and digests are not sent. */
export async function cancelContactTaskMail(trx: Kysely<Database>, firmId: string, contactIds: string[]): Promise<void> {
  if (contactIds.length === 0) return;
  await trx
    .updateTable('outbox')
    .set({ status: 'cancelled' })
    .where('firm_id', '=', firmId)
    .where('status', '=', 'pending')
    .where((w) => w.or(contactIds.flatMap((id) => [w('dedupe_key', 'like', sharedMailKey('%', id)), w('dedupe_key', 'like', `${digestKeyPrefix(id)}%`)])))
    .execute();
}

/** Tells the firm a client completed a task: the task's assignees, or else the client's responsible member. */
export async function scheduleClientCompletedMail(
  trx: Kysely<Database>,
  n: { firmId: string; taskId: string; contactId: string; origin: string; now: Date },
): Promise<number> {
  const task = await trx
    .selectFrom('tasks')
    .innerJoin('clients', (j) => j.onRef('clients.firm_id', '=', 'tasks.firm_id').onRef('clients.id', '=', 'tasks.client_id'))
    .innerJoin('contacts', (j) => j.onRef('contacts.firm_id', '=', 'tasks.firm_id').on('contacts.id', '=', n.contactId))
    .select(['tasks.title', 'clients.name as clientName', 'clients.responsible_member_id as responsible', sql<string>`trim(contacts.first_name || ' ' || contacts.last_name)`.as('contactName')])
    .where('tasks.firm_id', '=', n.firmId)
    .where('tasks.id', '=', n.taskId)
    .executeTakeFirst();
  if (!task) return 0;
  const assignees = await trx
    .selectFrom('task_assignees')
    .innerJoin('staff_members', (j) => j.onRef('staff_members.firm_id', '=', 'task_assignees.firm_id').onRef('staff_members.id', '=', 'task_assignees.member_id'))
    .select('staff_members.email')
    .where('task_assignees.firm_id', '=', n.firmId)
    .where('task_assignees.task_id', '=', n.taskId)
    .where('staff_members.active', '=', true)
    .execute();
  let emails = assignees.map((a) => a.email);
  if (emails.length === 0 && task.responsible) {
    const responsible = await trx
      .selectFrom('staff_members')
      .select('email')
      .where('firm_id', '=', n.firmId)
      .where('id', '=', task.responsible)
      .where('active', '=', true)
      .executeTakeFirst();
    if (responsible) emails = [responsible.email];
  }
  for (const to of emails) {
    await enqueueMail(
      trx,
      {
        firmId: n.firmId,
        template: 'task-client-completed',
        to,
        payload: { language: 'en', title: task.title, clientName: task.clientName, contactName: task.contactName, url: `${n.origin}/staff/tasks/${n.taskId}` },
        dueAt: n.now,
        dedupeKey: completedMailKey(n.taskId),
      },
      n.now,
    );
  }
  return emails.length;
}
