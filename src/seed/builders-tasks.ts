// Task builders with defaults, shared by the demo seed and the tests: a task, its checklist and its portal share.
import type { Kysely } from 'kysely';
import type { Client, Database, Recurrence, TaskStatus } from '../db/database.ts';
import { insertChecklist, type NewSection } from '../db/queries/checklists.ts';

export interface TaskShare {
  contactIds: string[];
  assignAsTask?: boolean;
  autoFinish?: boolean;
  dueOffsetDays?: number;
  /** When each contact opened it (null: never). */
  seenAt?: Date | null;
  clientCompletedAt?: Date | null;
  clientCompletedBy?: string | null;
}

export interface TaskSpec {
  title: string;
  note?: string;
  startDate?: string | null;
  dueDate?: string | null;
  status?: TaskStatus;
  createdBy?: string | null;
  assigneeIds?: string[];
  recurrence?: Recurrence;
  completedAt?: Date | null;
  sections?: NewSection[];
  share?: TaskShare;
}

export interface BuiltTask {
  id: string;
  /** Item ids by section, in order. */
  items: { id: string; text: string; owner: 'firm' | 'client' }[];
}

export async function makeTask(db: Kysely<Database>, client: Pick<Client, 'id' | 'firm_id'>, spec: TaskSpec, now = new Date()): Promise<BuiltTask> {
  const id = crypto.randomUUID();
  const firmId = client.firm_id;
  const status = spec.status ?? 'open';
  await db
    .insertInto('tasks')
    .values({
      firm_id: firmId,
      id,
      client_id: client.id,
      title: spec.title,
      note: spec.note ?? '',
      start_date: spec.startDate ?? null,
      due_date: spec.dueDate ?? null,
      status,
      created_by: spec.createdBy ?? null,
      recurrence: spec.recurrence ?? 'none',
      series_id: id,
      series_start: spec.startDate ?? null,
      series_due: spec.dueDate ?? null,
      completed_at: status === 'done' ? (spec.completedAt ?? now) : null,
      completed_by_type: status === 'done' && spec.createdBy ? 'staff' : null,
      completed_by_id: status === 'done' ? (spec.createdBy ?? null) : null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (spec.assigneeIds?.length) {
    await db.insertInto('task_assignees').values(spec.assigneeIds.map((member_id) => ({ firm_id: firmId, task_id: id, member_id }))).execute();
  }
  if (spec.sections?.length) await insertChecklist(db, firmId, id, spec.sections);
  const share = spec.share;
  if (share) {
    await db
      .insertInto('task_portal')
      .values({
        firm_id: firmId,
        task_id: id,
        assign_as_task: share.assignAsTask ?? true,
        auto_finish: share.autoFinish ?? false,
        due_offset_days: share.dueOffsetDays ?? 0,
        shared_at: now,
        updated_at: now,
        client_completed_at: share.clientCompletedAt ?? null,
        client_completed_by: share.clientCompletedAt ? (share.clientCompletedBy ?? share.contactIds[0] ?? null) : null,
      })
      .execute();
    if (share.contactIds.length) {
      await db
        .insertInto('task_portal_assignees')
        .values(share.contactIds.map((contact_id) => ({ firm_id: firmId, task_id: id, contact_id, added_at: now, seen_at: share.seenAt ?? null })))
        .execute();
    }
  }
  const items = await db
    .selectFrom('checklist_items as i')
    .innerJoin('checklist_sections as s', (j) => j.onRef('s.firm_id', '=', 'i.firm_id').onRef('s.id', '=', 'i.section_id'))
    .select(['i.id', 'i.text', 's.owner'])
    .where('i.firm_id', '=', firmId)
    .where('i.task_id', '=', id)
    .orderBy('s.position')
    .orderBy('i.position')
    .execute();
  return { id, items };
}
