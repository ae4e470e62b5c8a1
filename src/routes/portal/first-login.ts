// What happens on a contact's first sign-in: the firm's intro templates, in the person's language
// (else the firm's default language, else English), become tasks shared with this contact.
import type { Kysely } from 'kysely';
import type { PortalScope } from '../../app-env.ts';
import type { Database } from '../../db/database.ts';
import { insertChecklist } from '../../db/queries/checklists.ts';
import { markFirstLogin } from '../../db/queries/contacts-login.ts';
import { findFirmById } from '../../db/queries/firms.ts';
import { findIntroTemplates } from '../../db/queries/portal-tasks.ts';
import { savePortalSettings } from '../../db/queries/task-portal.ts';
import { createTask } from '../../db/queries/tasks.ts';

/**
 * A contact's arrival, however it comes (a sign-in link, a switch of company, a handoff from another firm): the
 * first one is marked and brings the intro tasks. Runs inside the caller's transaction: `trx` only.
 */
export async function arriveAsContact(trx: Kysely<Database>, scope: PortalScope, language: string | null, now: Date): Promise<void> {
  if (await markFirstLogin(trx, scope.firmId, scope.contactId, now)) await createIntroTasks(trx, scope, language, now);
}

async function createIntroTasks(trx: Kysely<Database>, scope: PortalScope, language: string | null, now: Date): Promise<void> {
  const firm = await findFirmById(trx, scope.firmId);
  const languages = [...new Set([language, firm?.default_language, 'en'].filter((l): l is string => Boolean(l)))];
  const templates = await findIntroTemplates(trx, scope.firmId, languages);
  for (const template of templates) {
    const taskId = await createTask(
      trx,
      scope.firmId,
      scope.clientId,
      null,
      { title: template.title, note: template.note, startDate: null, dueDate: null, status: 'open', assigneeIds: [], recurrence: 'none', billing: 'none', billingDate: null },
      now,
    );
    const items = (Array.isArray(template.checklist) ? template.checklist : []).filter((x): x is string => typeof x === 'string' && x.trim() !== '');
    if (items.length) await insertChecklist(trx, scope.firmId, taskId, [{ owner: 'client', title: '', items }]);
    await savePortalSettings(trx, {
      firmId: scope.firmId,
      taskId,
      clientId: scope.clientId,
      contactIds: [scope.contactId],
      assignAsTask: true,
      autoFinish: false,
      dueOffsetDays: 0,
      origin: '',
      now,
      notify: false,
    });
  }
}
