// What a client does to a shared task, each as one transaction with its audit event: tick, complete, undo.
import type { PortalScope } from '../app-env.ts';
import type { Db } from '../db/connect.ts';
import { type AuditActor, recordAudit } from '../db/queries/audit.ts';
import { cancelPendingMail } from '../db/queries/outbox.ts';
import {
  clearClientCompleted,
  clientProgress,
  lockPortalTask,
  markClientCompleted,
  openItemsBlockingCompletion,
  setClientItemDone,
  type LockedPortalTask,
} from '../db/queries/portal-tasks.ts';
import type { ChecklistProgress } from '../db/queries/checklists.ts';
import { completedMailKey, scheduleClientCompletedMail } from '../db/queries/task-notifications.ts';
import { finishTask } from '../db/queries/tasks.ts';

export type Refusal = 'not-found' | 'reference' | 'closed' | 'already-done' | 'locked' | 'items-open' | 'not-done';

function stateRefusal(task: LockedPortalTask): Refusal | undefined {
  if (!task.assignAsTask) return 'reference';
  if (task.status === 'done') return 'closed';
  if (task.clientCompletedAt) return 'locked';
  return undefined;
}

export type ToggleOutcome =
  | { ok: true; item: { id: string; text: string; done: boolean }; progress: ChecklistProgress }
  | { ok: false; refusal: Refusal };

export async function toggleClientItem(
  db: Db,
  scope: PortalScope,
  t: { taskId: string; itemId: string; done: boolean | undefined; actor: AuditActor; now: Date },
): Promise<ToggleOutcome> {
  return db.transaction().execute(async (trx): Promise<ToggleOutcome> => {
    const task = await lockPortalTask(trx, scope, t.taskId, 'share');
    if (!task) return { ok: false, refusal: 'not-found' };
    const refusal = stateRefusal(task);
    if (refusal) return { ok: false, refusal: refusal === 'reference' ? 'not-found' : refusal };
    const item = await setClientItemDone(trx, scope, t.taskId, t.itemId, t.done, t.now);
    if (!item) return { ok: false, refusal: 'not-found' };
    await recordAudit(
      trx,
      scope.firmId,
      t.actor,
      { action: item.done ? 'task.item_ticked' : 'task.item_unticked', subjectType: 'task', subjectId: t.taskId, detail: { itemId: item.id, contactId: scope.contactId } },
      t.now,
    );
    return { ok: true, item, progress: await clientProgress(trx, scope, t.taskId) };
  });
}

export type CompleteOutcome = { ok: true; autoFinished: boolean } | { ok: false; refusal: Refusal; open?: number };

export async function completeAsClient(
  db: Db,
  scope: PortalScope,
  c: { taskId: string; checklistRequired: boolean; origin: string; actor: AuditActor; now: Date },
): Promise<CompleteOutcome> {
  return db.transaction().execute(async (trx): Promise<CompleteOutcome> => {
    const task = await lockPortalTask(trx, scope, c.taskId, 'update');
    if (!task) return { ok: false, refusal: 'not-found' };
    const refusal = stateRefusal(task);
    if (refusal) return { ok: false, refusal: refusal === 'locked' ? 'already-done' : refusal };
    const open = openItemsBlockingCompletion(await clientProgress(trx, scope, c.taskId), c.checklistRequired);
    if (open > 0) return { ok: false, refusal: 'items-open', open };
    await markClientCompleted(trx, scope, c.taskId, c.now);
    let autoFinished = false;
    if (task.autoFinish) {
      const finished = await finishTask(trx, { firmId: scope.firmId, taskId: c.taskId, by: { type: 'portal', id: scope.contactId }, origin: c.origin, now: c.now });
      autoFinished = finished.changed;
    } else {
      await scheduleClientCompletedMail(trx, { firmId: scope.firmId, taskId: c.taskId, contactId: scope.contactId, origin: c.origin, now: c.now });
    }
    await recordAudit(trx, scope.firmId, c.actor, { action: 'task.client_completed', subjectType: 'task', subjectId: c.taskId, detail: { contactId: scope.contactId, autoFinished } }, c.now);
    return { ok: true, autoFinished };
  });
}

export async function undoClientCompletion(
  db: Db,
  scope: PortalScope,
  u: { taskId: string; actor: AuditActor; now: Date },
): Promise<{ ok: true } | { ok: false; refusal: Refusal }> {
  return db.transaction().execute(async (trx) => {
    const task = await lockPortalTask(trx, scope, u.taskId, 'update');
    if (!task) return { ok: false as const, refusal: 'not-found' as const };
    const refusal = stateRefusal(task);
    if (refusal === 'reference' || refusal === 'closed') return { ok: false as const, refusal };
    if (!task.clientCompletedAt) return { ok: false as const, refusal: 'not-done' as const };
    await clearClientCompleted(trx, scope, u.taskId, u.now);
    await cancelPendingMail(trx, scope.firmId, completedMailKey(u.taskId));
    await recordAudit(trx, scope.firmId, u.actor, { action: 'task.client_completion_undone', subjectType: 'task', subjectId: u.taskId, detail: { contactId: scope.contactId } }, u.now);
    return { ok: true as const };
  });
}
