// The staff task page: facts, status actions, checklist editor, Client Portal panel.
import type { Child } from 'hono/jsx';
import type { ChecklistSectionView } from '../../../db/queries/checklists.ts';
import type { StaffTask } from '../../../db/queries/tasks.ts';
import { formatCalendarDate } from '../../../format.ts';
import { Notice } from '../../components/form.tsx';
import { STAFF_LOCALE, staffDateTime } from '../components.tsx';
import { StaffLayout, type StaffShell } from '../layout.tsx';
import { ChecklistEditor, type EditorError } from './checklist-editor.tsx';
import { billingLabels, recurrenceLabels, statusLabels } from './labels.ts';
import { PortalPanel, type PortalPanelProps } from './portal-panel.tsx';

export interface StaffTaskPageProps {
  shell: StaffShell;
  task: StaffTask;
  assignees: string[];
  today: string;
  checklist: ChecklistSectionView[];
  portal: Omit<PortalPanelProps, 'taskId' | 'clientId' | 'clientName' | 'clientPortalEnabled' | 'shared'>;
  billingEnabled: boolean;
  notice?: string;
  error?: string;
  editorError?: EditorError;
  /** Filled by the Files area: the task's files and the upload form. */
  attachments?: Child;
}

function date(iso: string | null): string {
  return iso ? formatCalendarDate(iso, STAFF_LOCALE) : 'Not set';
}

function StatusActions({ task }: { task: StaffTask }) {
  const action = `/staff/tasks/${task.id}/status`;
  const button = (status: string, label: string, primary = false) => (
    <form method="post" action={action} class="inline-form">
      <input type="hidden" name="status" value={status} />
      <button type="submit" class={primary ? undefined : 'secondary'}>
        {label}
      </button>
    </form>
  );
  return (
    <div class="actions">
      {task.status !== 'done' && button('done', 'Mark done', true)}
      {task.status === 'open' && button('in_progress', 'Start work (in progress)')}
      {task.status === 'in_progress' && button('open', 'Back to open')}
      {task.status === 'done' && button('open', 'Reopen')}
      <a class="button secondary" href={`/staff/tasks/${task.id}/edit`}>
        Edit
      </a>
      <a class="button danger" href={`/staff/tasks/${task.id}/delete`}>
        Delete
      </a>
    </div>
  );
}

export function StaffTaskPage(p: StaffTaskPageProps) {
  const task = p.task;
  const overdue = task.dueDate !== null && task.dueDate < p.today && task.status !== 'done';
  return (
    <StaffLayout shell={p.shell} title={task.title}>
      <p class="breadcrumb">
        <a href="/staff/tasks">All tasks</a> · <a href={`/staff/tasks?client=${task.clientId}`}>Tasks of {task.clientName}</a>
      </p>
      <h1>{task.title}</h1>
      {p.notice && <Notice kind="success">{p.notice}</Notice>}
      {p.error && <Notice kind="warning">{p.error}</Notice>}
      <dl class="task-facts">
        <div>
          <dt>Client</dt>
          <dd>
            <a href={`/staff/clients/${task.clientId}`}>{task.clientName}</a>
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            {statusLabels[task.status]}
            {task.status === 'done' && task.completedAt && ` (${staffDateTime(task.completedAt)}${task.completedByType === 'portal' ? ', finished by the client' : ''})`}
          </dd>
        </div>
        <div>
          <dt>Start date</dt>
          <dd>{date(task.startDate)}</dd>
        </div>
        <div>
          <dt>Due date</dt>
          <dd>{overdue ? <span class="overdue">Overdue: {date(task.dueDate)}</span> : date(task.dueDate)}</dd>
        </div>
        <div>
          <dt>Assignees</dt>
          <dd>{p.assignees.length ? p.assignees.join(', ') : 'Nobody'}</dd>
        </div>
        <div>
          <dt>Repeats</dt>
          <dd>
            {recurrenceLabels[task.recurrence]}
            {task.nextId && (
              <>
                {' '}
                · <a href={`/staff/tasks/${task.nextId}`}>Next occurrence</a>
              </>
            )}
            {task.parentId && (
              <>
                {' '}
                · <a href={`/staff/tasks/${task.parentId}`}>Previous occurrence</a>
              </>
            )}
          </dd>
        </div>
        {p.billingEnabled && (
          <div>
            <dt>Billing</dt>
            <dd>
              {billingLabels[task.billing]}
              {task.billing === 'custom' && task.billingDate && `: ${date(task.billingDate)}`}
            </dd>
          </div>
        )}
        <div>
          <dt>Created</dt>
          <dd>
            {staffDateTime(task.createdAt)}
            {task.createdByName ? ` by ${task.createdByName}` : ''}
          </dd>
        </div>
      </dl>
      <StatusActions task={task} />
      {task.note && (
        <section aria-labelledby="note-heading">
          <h2 id="note-heading">Note</h2>
          <div class="task-note">{task.note}</div>
        </section>
      )}
      <ChecklistEditor taskId={task.id} sections={p.checklist} error={p.editorError} />
      {p.attachments && (
        <section id="attachments" aria-labelledby="attachments-heading">
          <h2 id="attachments-heading">Files</h2>
          {p.attachments}
        </section>
      )}
      <PortalPanel
        taskId={task.id}
        clientId={task.clientId}
        clientName={task.clientName}
        clientPortalEnabled={task.clientPortalEnabled}
        shared={task.shared}
        {...p.portal}
      />
    </StaffLayout>
  );
}
