// The staff checklist editor's forms: sections and items added, renamed, moved, removed, ticked.
// Each answers with a redirect back to the place it changed (no JavaScript needed).
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { currentActor } from '../../auth/request-info.ts';
import type { ChecklistOwner } from '../../db/database.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { addItem, addSection, deleteItem, deleteSection, findItem, findSection, move, renameItem, setItemDoneByStaff, updateSection } from '../../db/queries/checklists.ts';
import { taskExists } from '../../db/queries/tasks.ts';
import type { Db } from '../../db/connect.ts';
import { readForm } from '../../validation.ts';
import { isUuid, notFound } from './helpers.tsx';
import { showStaffTask } from './tasks-render.tsx';

export const taskChecklistRoutes = new Hono<AppEnv>();

const MAX_ITEM = 500;
const MAX_TITLE = 200;

function text(form: Record<string, string | string[]>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
}

function owner(value: string): ChecklistOwner | undefined {
  return value === 'firm' || value === 'client' ? value : undefined;
}

/** Runs one checklist change with its audit event; false when the task, section or item is not this firm's. */
async function change(c: Context<AppEnv>, taskId: string, op: string, work: (trx: Db) => Promise<boolean>, detail: Record<string, unknown> = {}): Promise<boolean> {
  const { db, clock } = c.get('deps');
  const firmId = c.get('firm').id;
  return db.transaction().execute(async (trx) => {
    if (!(await taskExists(trx, firmId, taskId))) return false;
    if (!(await work(trx))) return false;
    await recordAudit(trx, firmId, currentActor(c), { action: `task.checklist.${op}`, subjectType: 'task', subjectId: taskId, detail }, clock.now());
    return true;
  });
}

function back(c: Context<AppEnv>, taskId: string, anchor: string) {
  return c.redirect(`/staff/tasks/${taskId}#${anchor}`, 303);
}

taskChecklistRoutes.post('/:id/sections', async (c) => {
  const taskId = c.req.param('id');
  if (!isUuid(taskId)) return notFound(c);
  const form = await readForm(c);
  const title = text(form, 'title');
  const whose = owner(text(form, 'owner'));
  if (title.length > MAX_TITLE || !whose) {
    return showStaffTask(c, taskId, { editorError: { form: 'add-section', message: whose ? `Keep the title to ${MAX_TITLE} characters or fewer` : 'Choose whose section it is', value: title } }, 422);
  }
  let sectionId = '';
  const firmId = c.get('firm').id;
  const ok = await change(c, taskId, 'section_added', async (trx) => ((sectionId = await addSection(trx, firmId, taskId, { owner: whose, title })), true), { title, owner: whose });
  return ok ? back(c, taskId, `section-${sectionId}`) : notFound(c);
});

taskChecklistRoutes.post('/:id/sections/:sectionId', async (c) => {
  const { id: taskId, sectionId } = c.req.param();
  if (!isUuid(taskId) || !isUuid(sectionId)) return notFound(c);
  const firmId = c.get('firm').id;
  if (!(await findSection(c.get('deps').db, firmId, taskId, sectionId))) return notFound(c);
  const form = await readForm(c);
  const title = text(form, 'title').slice(0, MAX_TITLE);
  const whose = owner(text(form, 'owner'));
  if (!whose) return showStaffTask(c, taskId, { error: 'Choose whose section it is.' }, 422);
  const ok = await change(c, taskId, 'section_changed', (trx) => updateSection(trx, firmId, taskId, sectionId, { owner: whose, title }), { sectionId, title, owner: whose });
  return ok ? back(c, taskId, `section-${sectionId}`) : notFound(c);
});

taskChecklistRoutes.post('/:id/sections/:sectionId/move', async (c) => {
  const { id: taskId, sectionId } = c.req.param();
  if (!isUuid(taskId) || !isUuid(sectionId)) return notFound(c);
  const direction = (await readForm(c)).direction === 'up' ? 'up' : 'down';
  const firmId = c.get('firm').id;
  const exists = await findSection(c.get('deps').db, firmId, taskId, sectionId);
  if (!exists) return notFound(c);
  await change(c, taskId, 'section_moved', async (trx) => (await move(trx, 'section', firmId, taskId, sectionId, direction)) || true, { sectionId, direction });
  return back(c, taskId, `section-${sectionId}`);
});

taskChecklistRoutes.post('/:id/sections/:sectionId/delete', async (c) => {
  const { id: taskId, sectionId } = c.req.param();
  if (!isUuid(taskId) || !isUuid(sectionId)) return notFound(c);
  const firmId = c.get('firm').id;
  const ok = await change(c, taskId, 'section_removed', (trx) => deleteSection(trx, firmId, taskId, sectionId), { sectionId });
  return ok ? back(c, taskId, 'checklist') : notFound(c);
});

taskChecklistRoutes.post('/:id/sections/:sectionId/items', async (c) => {
  const { id: taskId, sectionId } = c.req.param();
  if (!isUuid(taskId) || !isUuid(sectionId)) return notFound(c);
  if (!(await findSection(c.get('deps').db, c.get('firm').id, taskId, sectionId))) return notFound(c);
  const value = text(await readForm(c), 'text');
  const formKey = `add-${sectionId}`;
  if (!value) return showStaffTask(c, taskId, { editorError: { form: formKey, message: 'Enter the item text', value } }, 422);
  if (value.length > MAX_ITEM) return showStaffTask(c, taskId, { editorError: { form: formKey, message: `Keep an item to ${MAX_ITEM} characters or fewer`, value } }, 422);
  const firmId = c.get('firm').id;
  const ok = await change(
    c,
    taskId,
    'item_added',
    async (trx) => {
      if (!(await findSection(trx, firmId, taskId, sectionId))) return false;
      await addItem(trx, firmId, taskId, sectionId, value);
      return true;
    },
    { sectionId, text: value },
  );
  return ok ? back(c, taskId, `section-${sectionId}`) : notFound(c);
});

taskChecklistRoutes.post('/:id/items/:itemId', async (c) => {
  const { id: taskId, itemId } = c.req.param();
  if (!isUuid(taskId) || !isUuid(itemId)) return notFound(c);
  if (!(await findItem(c.get('deps').db, c.get('firm').id, taskId, itemId))) return notFound(c);
  const value = text(await readForm(c), 'text');
  const formKey = `item-${itemId}`;
  if (!value) return showStaffTask(c, taskId, { editorError: { form: formKey, message: 'Enter the item text', value } }, 422);
  if (value.length > MAX_ITEM) return showStaffTask(c, taskId, { editorError: { form: formKey, message: `Keep an item to ${MAX_ITEM} characters or fewer`, value } }, 422);
  const firmId = c.get('firm').id;
  const ok = await change(c, taskId, 'item_renamed', (trx) => renameItem(trx, firmId, taskId, itemId, value), { itemId, text: value });
  return ok ? back(c, taskId, `item-${itemId}`) : notFound(c);
});

taskChecklistRoutes.post('/:id/items/:itemId/move', async (c) => {
  const { id: taskId, itemId } = c.req.param();
  if (!isUuid(taskId) || !isUuid(itemId)) return notFound(c);
  const direction = (await readForm(c)).direction === 'up' ? 'up' : 'down';
  const firmId = c.get('firm').id;
  if (!(await findItem(c.get('deps').db, firmId, taskId, itemId))) return notFound(c);
  await change(c, taskId, 'item_moved', async (trx) => (await move(trx, 'item', firmId, taskId, itemId, direction)) || true, { itemId, direction });
  return back(c, taskId, `item-${itemId}`);
});

taskChecklistRoutes.post('/:id/items/:itemId/delete', async (c) => {
  const { id: taskId, itemId } = c.req.param();
  if (!isUuid(taskId) || !isUuid(itemId)) return notFound(c);
  const firmId = c.get('firm').id;
  const item = await findItem(c.get('deps').db, firmId, taskId, itemId);
  if (!item) return notFound(c);
  await change(c, taskId, 'item_removed', (trx) => deleteItem(trx, firmId, taskId, itemId), { itemId, text: item.text });
  return back(c, taskId, `section-${item.section_id}`);
});

taskChecklistRoutes.post('/:id/items/:itemId/toggle', async (c) => {
  const { id: taskId, itemId } = c.req.param();
  if (!isUuid(taskId) || !isUuid(itemId)) return notFound(c);
  const done = (await readForm(c)).done === '1';
  const firmId = c.get('firm').id;
  const memberId = c.get('staff').member.id;
  const { clock } = c.get('deps');
  const ok = await change(c, taskId, done ? 'item_ticked' : 'item_unticked', (trx) => setItemDoneByStaff(trx, firmId, taskId, itemId, done, memberId, clock.now()), { itemId });
  return ok ? back(c, taskId, `item-${itemId}`) : notFound(c);
});
