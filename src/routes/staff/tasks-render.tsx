// Loads everything the staff task page shows and renders it, with a notice, a refusal or a form's errors.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../app-env.ts';
import { listChecklist } from '../../db/queries/checklists.ts';
import { listClientContacts, listPortalAssignees } from '../../db/queries/task-portal.ts';
import { findTask, listMemberOptions, listTaskAssigneeIds } from '../../db/queries/tasks.ts';
import { formatCalendarDate, todayIn } from '../../format.ts';
import { renderPage } from '../../render.tsx';
import { clientDueDate } from '../../tasks/dates.ts';
import { STAFF_LOCALE, STAFF_TIMEZONE } from '../../views/staff/components.tsx';
import type { EditorError } from '../../views/staff/tasks/checklist-editor.tsx';
import type { PortalFormValues } from '../../views/staff/tasks/portal-panel.tsx';
import { StaffTaskPage } from '../../views/staff/tasks/task-page.tsx';
import { notFound } from './helpers.tsx';
import { staffShell } from './shell.ts';
import { staffAttachmentsForTask } from './task-files.tsx';

const notices: Record<string, string> = {
  created: 'Task created.',
  saved: 'Task saved.',
  shared: 'Shared on the portal. New portal assignees get an e-mail in about 5 minutes.',
  'portal-saved': 'Portal settings saved.',
  unshared: 'Removed from the portal. It is hidden from the client again.',
  done: 'Task marked done.',
  'done-next': 'Task marked done. The next occurrence was created.',
  reopened: 'Task reopened.',
  status: 'Status changed.',
};

export function billingOn(c: Context<AppEnv>): boolean {
  const firm = c.get('firm');
  return firm.billing_enabled && firm.plan !== 'standard';
}

export interface TaskPageExtras {
  error?: string;
  editorError?: EditorError;
  portalValues?: PortalFormValues;
  portalErrors?: Record<string, string>;
}

export async function showStaffTask(c: Context<AppEnv>, taskId: string, extras: TaskPageExtras = {}, status: ContentfulStatusCode = 200): Promise<Response> {
  const { db, clock } = c.get('deps');
  const firmId = c.get('firm').id;
  const task = await findTask(db, firmId, taskId);
  if (!task) return notFound(c);
  const [assigneeIds, members, checklist, contacts, portalAssignees] = await Promise.all([
    listTaskAssigneeIds(db, firmId, taskId),
    listMemberOptions(db, firmId),
    listChecklist(db, firmId, taskId),
    listClientContacts(db, firmId, task.clientId),
    listPortalAssignees(db, firmId, taskId),
  ]);
  const names = new Map(members.map((m) => [m.id, m.name]));
  const clientDue = task.shared ? clientDueDate(task.dueDate, task.startDate, task.dueOffsetDays ?? 0) : null;
  const values: PortalFormValues = extras.portalValues ?? {
    contacts: portalAssignees.map((a) => a.contactId),
    assign_as_task: task.shared ? Boolean(task.assignAsTask) : true,
    auto_finish: Boolean(task.autoFinish),
    due_offset_days: String(task.dueOffsetDays ?? 0),
  };
  return renderPage(
    c,
    <StaffTaskPage
      shell={staffShell(c, 'tasks')}
      task={task}
      assignees={assigneeIds.map((id) => names.get(id) ?? 'Former member')}
      today={todayIn(clock.now(), STAFF_TIMEZONE)}
      checklist={checklist}
      billingEnabled={billingOn(c)}
      notice={notices[c.req.query('m') ?? '']}
      error={extras.error}
      editorError={extras.editorError}
      attachments={await staffAttachmentsForTask(c, task)}
      portal={{
        contacts,
        assignees: portalAssignees,
        values,
        errors: extras.portalErrors,
        clientDue: clientDue ? formatCalendarDate(clientDue, STAFF_LOCALE) : undefined,
        clientCompleted: task.clientCompletedAt ? { by: task.clientCompletedByName ?? '', at: task.clientCompletedAt } : undefined,
      }}
    />,
    status,
  );
}
