// Checklist sections (the firm's or the client's) and their items: read, edit, reorder, tick, copy.
import { type Kysely, sql } from 'kysely';
import type { ChecklistOwner, Database } from '../database.ts';

export interface ChecklistItemView {
  id: string;
  sectionId: string;
  text: string;
  position: number;
  done: boolean;
  doneAt: Date | null;
  doneByType: 'staff' | 'portal' | null;
  doneByName: string | null;
}

export interface ChecklistSectionView {
  id: string;
  owner: ChecklistOwner;
  title: string;
  position: number;
  items: ChecklistItemView[];
}

/** Every section of a task with its items, in order, and who ticked each item. */
export async function listChecklist(db: Kysely<Database>, firmId: string, taskId: string): Promise<ChecklistSectionView[]> {
  const sections = await db
    .selectFrom('checklist_sections')
    .select(['id', 'owner', 'title', 'position'])
    .where('firm_id', '=', firmId)
    .where('task_id', '=', taskId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const items = await db
    .selectFrom('checklist_items as i')
    .leftJoin('staff_members as s', (j) => j.onRef('s.firm_id', '=', 'i.firm_id').onRef('s.id', '=', 'i.done_by_id').on('i.done_by_type', '=', 'staff'))
    .leftJoin('contacts as c', (j) => j.onRef('c.firm_id', '=', 'i.firm_id').onRef('c.id', '=', 'i.done_by_id').on('i.done_by_type', '=', 'portal'))
    .select([
      'i.id',
      'i.section_id as sectionId',
      'i.text',
      'i.position',
      'i.done',
      'i.done_at as doneAt',
      'i.done_by_type as doneByType',
      sql<string | null>`coalesce(nullif(trim(s.first_name || ' ' || s.last_name), ''), s.email, nullif(trim(c.first_name || ' ' || c.last_name), ''), c.email)`.as('doneByName'),
    ])
    .where('i.firm_id', '=', firmId)
    .where('i.task_id', '=', taskId)
    .orderBy('i.position')
    .orderBy('i.id')
    .execute();
  return sections.map((s) => ({ ...s, items: items.filter((i) => i.sectionId === s.id) }));
}

export interface ChecklistProgress {
  clientTotal: number;
  clientOpen: number;
  total: number;
  open: number;
}

export async function checklistProgress(db: Kysely<Database>, firmId: string, taskId: string): Promise<ChecklistProgress> {
  return db
    .selectFrom('checklist_items as i')
    .innerJoin('checklist_sections as s', (j) => j.onRef('s.firm_id', '=', 'i.firm_id').onRef('s.id', '=', 'i.section_id'))
    .select([
      sql<number>`(count(*) filter (where s.owner = 'client'))::int`.as('clientTotal'),
      sql<number>`(count(*) filter (where s.owner = 'client' and not i.done))::int`.as('clientOpen'),
      sql<number>`count(*)::int`.as('total'),
      sql<number>`(count(*) filter (where not i.done))::int`.as('open'),
    ])
    .where('i.firm_id', '=', firmId)
    .where('i.task_id', '=', taskId)
    .executeTakeFirstOrThrow();
}

async function nextPosition(trx: Kysely<Database>, table: 'checklist_sections' | 'checklist_items', firmId: string, column: 'task_id' | 'section_id', parentId: string): Promise<number> {
  const row = await trx
    .selectFrom(table)
    .select(sql<number>`coalesce(max(position), 0)::int + 1`.as('next'))
    .where('firm_id', '=', firmId)
    .where(column, '=', parentId)
    .executeTakeFirstOrThrow();
  return row.next;
}

export function findSection(db: Kysely<Database>, firmId: string, taskId: string, sectionId: string) {
  return db.selectFrom('checklist_sections').selectAll().where('firm_id', '=', firmId).where('task_id', '=', taskId).where('id', '=', sectionId).executeTakeFirst();
}

export function findItem(db: Kysely<Database>, firmId: string, taskId: string, itemId: string) {
  return db.selectFrom('checklist_items').selectAll().where('firm_id', '=', firmId).where('task_id', '=', taskId).where('id', '=', itemId).executeTakeFirst();
}

export async function addSection(trx: Kysely<Database>, firmId: string, taskId: string, section: { owner: ChecklistOwner; title: string }): Promise<string> {
  const id = crypto.randomUUID();
  const position = await nextPosition(trx, 'checklist_sections', firmId, 'task_id', taskId);
  await trx.insertInto('checklist_sections').values({ firm_id: firmId, id, task_id: taskId, owner: section.owner, title: section.title, position }).execute();
  return id;
}

export async function updateSection(trx: Kysely<Database>, firmId: string, taskId: string, sectionId: string, section: { owner: ChecklistOwner; title: string }): Promise<boolean> {
  const r = await trx.updateTable('checklist_sections').set(section).where('firm_id', '=', firmId).where('task_id', '=', taskId).where('id', '=', sectionId).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteSection(trx: Kysely<Database>, firmId: string, taskId: string, sectionId: string): Promise<boolean> {
  const r = await trx.deleteFrom('checklist_sections').where('firm_id', '=', firmId).where('task_id', '=', taskId).where('id', '=', sectionId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function addItem(trx: Kysely<Database>, firmId: string, taskId: string, sectionId: string, text: string): Promise<string> {
  const id = crypto.randomUUID();
  const position = await nextPosition(trx, 'checklist_items', firmId, 'section_id', sectionId);
  await trx.insertInto('checklist_items').values({ firm_id: firmId, id, task_id: taskId, section_id: sectionId, text, position }).execute();
  return id;
}

export async function renameItem(trx: Kysely<Database>, firmId: string, taskId: string, itemId: string, text: string): Promise<boolean> {
  const r = await trx.updateTable('checklist_items').set({ text }).where('firm_id', '=', firmId).where('task_id', '=', taskId).where('id', '=', itemId).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteItem(trx: Kysely<Database>, firmId: string, taskId: string, itemId: string): Promise<boolean> {
  const r = await trx.deleteFrom('checklist_items').where('firm_id', '=', firmId).where('task_id', '=', taskId).where('id', '=', itemId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Swaps a section or an item with its neighbour above or below; false when it is already at that end. */
export async function move(
  trx: Kysely<Database>,
  kind: 'section' | 'item',
  firmId: string,
  taskId: string,
  id: string,
  direction: 'up' | 'down',
): Promise<boolean> {
  const table = kind === 'section' ? 'checklist_sections' : 'checklist_items';
  const rows = (await trx
    .selectFrom(table)
    .select(kind === 'section' ? ['id', 'position', 'task_id as parent'] : ['id', 'position', 'section_id as parent'])
    .where('firm_id', '=', firmId)
    .where('task_id', '=', taskId)
    .orderBy('position')
    .orderBy('id')
    .forUpdate()
    .execute()) as { id: string; position: number; parent: string }[];
  const current = rows.find((r) => r.id === id);
  if (!current) return false;
  const siblings = rows.filter((r) => r.parent === current.parent);
  const index = siblings.indexOf(current);
  const otherIndex = direction === 'up' ? index - 1 : index + 1;
  const other = siblings[otherIndex];
  if (!other) return false;
  // Renumber the siblings in their new order, so equal positions can never make a move a no-op.
  siblings[index] = other;
  siblings[otherIndex] = current;
  for (const [i, row] of siblings.entries()) {
    if (row.position !== i + 1) await trx.updateTable(table).set({ position: i + 1 }).where('firm_id', '=', firmId).where('id', '=', row.id).execute();
  }
  return true;
}

/** A staff member ticks or unticks any item of the task. */
export async function setItemDoneByStaff(trx: Kysely<Database>, firmId: string, taskId: string, itemId: string, done: boolean, memberId: string, now: Date): Promise<boolean> {
  const r = await trx
    .updateTable('checklist_items')
    .set(done ? { done: true, done_by_type: 'staff', done_by_id: memberId, done_at: now } : { done: false, done_by_type: null, done_by_id: null, done_at: null })
    .where('firm_id', '=', firmId)
    .where('task_id', '=', taskId)
    .where('id', '=', itemId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface NewSection {
  owner: ChecklistOwner;
  title: string;
  items: string[];
}

/** Writes whole sections at once (intro tasks, the demo seed). */
export async function insertChecklist(trx: Kysely<Database>, firmId: string, taskId: string, sections: NewSection[]): Promise<void> {
  const sectionRows = sections.map((s, i) => ({ firm_id: firmId, id: crypto.randomUUID(), task_id: taskId, owner: s.owner, title: s.title, position: i + 1 }));
  if (sectionRows.length === 0) return;
  await trx.insertInto('checklist_sections').values(sectionRows).execute();
  const itemRows = sections.flatMap((s, i) =>
    s.items.map((text, j) => ({ firm_id: firmId, id: crypto.randomUUID(), task_id: taskId, section_id: sectionRows[i].id, text, position: j + 1 })),
  );
  if (itemRows.length) await trx.insertInto('checklist_items').values(itemRows).execute();
}

/** Copies a task's checklist to another task, every item unticked (the next occurrence of a series). */
export async function copyChecklist(trx: Kysely<Database>, firmId: string, fromTaskId: string, toTaskId: string): Promise<void> {
  const checklist = await listChecklist(trx, firmId, fromTaskId);
  await insertChecklist(
    trx,
    firmId,
    toTaskId,
    checklist.map((s) => ({ owner: s.owner, title: s.title, items: s.items.map((i) => i.text) })),
  );
}
