// The task's Client Portal panel: share with portal assignees (mail about 5 minutes later), change, or remove (X).
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { currentActor } from '../../auth/request-info.ts';
import { firmOrigin } from '../../config.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { listClientContacts, removePortalSettings, savePortalSettings } from '../../db/queries/task-portal.ts';
import { findTask } from '../../db/queries/tasks.ts';
import { readForm } from '../../validation.ts';
import { isUuid, notFound } from './helpers.tsx';
import { parsePortalForm } from './tasks-form.ts';
import { showStaffTask } from './tasks-render.tsx';

export const taskPortalRoutes = new Hono<AppEnv>();

taskPortalRoutes.post('/:id/portal', async (c) => {
  const id = c.req.param('id');
  if (!isUuid(id)) return notFound(c);
  const { db, clock, config } = c.get('deps');
  const firm = c.get('firm');
  const task = await findTask(db, firm.id, id);
  if (!task) return notFound(c);
  if (!task.clientPortalEnabled) return showStaffTask(c, id, { error: `The client portal is off for ${task.clientName}: turn it on on the client's page first.` }, 409);
  const contacts = await listClientContacts(db, firm.id, task.clientId);
  const eligible = new Set(contacts.filter((x) => x.accessEnabled && x.email).map((x) => x.id));
  const parsed = parsePortalForm(await readForm(c, ['contacts']), eligible);
  if (!parsed.ok) return showStaffTask(c, id, { portalValues: parsed.values, portalErrors: parsed.errors }, 422);
  const now = clock.now();
  const result = await db.transaction().execute(async (trx) => {
    const saved = await savePortalSettings(trx, { firmId: firm.id, taskId: id, clientId: task.clientId, ...parsed, origin: firmOrigin(config, firm.slug), now });
    await recordAudit(
      trx,
      firm.id,
      currentActor(c),
      {
        action: saved.created ? 'task.portal_shared' : 'task.portal_updated',
        subjectType: 'task',
        subjectId: id,
        detail: { added: saved.added, removed: saved.removed, assignAsTask: parsed.assignAsTask, autoFinish: parsed.autoFinish, dueOffsetDays: parsed.dueOffsetDays },
      },
      now,
    );
    return saved;
  });
  return c.redirect(`/staff/tasks/${id}?m=${result.created || result.added.length ? 'shared' : 'portal-saved'}#portal`, 303);
});

taskPortalRoutes.post('/:id/portal/remove', async (c) => {
  const id = c.req.param('id');
  if (!isUuid(id)) return notFound(c);
  const { db, clock } = c.get('deps');
  const firmId = c.get('firm').id;
  const now = clock.now();
  const removed = await db.transaction().execute(async (trx) => {
    const done = await removePortalSettings(trx, firmId, id);
    if (done) await recordAudit(trx, firmId, currentActor(c), { action: 'task.portal_removed', subjectType: 'task', subjectId: id }, now);
    return done;
  });
  if (!removed) return (await findTask(db, firmId, id)) ? c.redirect(`/staff/tasks/${id}#portal`, 303) : notFound(c);
  return c.redirect(`/staff/tasks/${id}?m=unshared#portal`, 303);
});
