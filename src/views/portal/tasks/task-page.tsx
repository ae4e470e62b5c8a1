// The client's task page: who and when, the checklist, the note, attachments and messages.
import type { Child } from 'hono/jsx';
import { PortalLayout, type PortalShell } from '../layout.tsx';
import { ChecklistSections, COMPLETION_ID, CompletionPanel, TASK_ALERT_ID, type CompletionState, type SectionView } from './checklist.tsx';

export const ATTACHMENTS_ID = 'attachments';
export const MESSAGES_ID = 'messages';

export interface TaskPageProps {
  shell: PortalShell;
  trademark: string;
  task: {
    id: string;
    title: string;
    note: string;
    assignedBy: string;
    assignedTo: string[];
    start: string | null;
    due: string | null;
    overdue: boolean;
    status: string;
  };
  sections: SectionView[];
  /** The client's items can be ticked (an active task assigned as a task, not yet marked done). */
  interactive: boolean;
  completion: CompletionState;
  /** A refused action's message, shown at the top. */
  error?: string;
  /** Filled by the Files area: the task's files and the upload form. Empty state when absent. */
  attachments?: Child;
  /** Filled by the Messages area: this contact's thread with the firm. Empty state when absent. */
  messages?: Child;
}

export function TaskPage(props: TaskPageProps) {
  const { shell, task, trademark } = props;
  const { t } = shell;
  return (
    <PortalLayout shell={shell} title={task.title}>
      <p class="breadcrumb">
        <a href="/">{t('task.backHome')}</a>
      </p>
      <h1>{task.title}</h1>
      <div id={TASK_ALERT_ID} role="alert" class={props.error ? 'notice notice-warning' : 'alert-slot'}>
        {props.error}
      </div>
      <dl class="task-facts">
        <div>
          <dt>{t('task.status')}</dt>
          <dd>{task.status}</dd>
        </div>
        <div>
          <dt>{t('task.assignedBy')}</dt>
          <dd>{task.assignedBy}</dd>
        </div>
        <div>
          <dt>{t('task.assignedTo')}</dt>
          <dd>{task.assignedTo.join(', ')}</dd>
        </div>
        <div>
          <dt>{t('task.startDate')}</dt>
          <dd>{task.start ?? t('task.notSet')}</dd>
        </div>
        <div>
          <dt>{t('task.dueDate')}</dt>
          <dd>
            {task.due ? (
              task.overdue ? (
                <span class="overdue">
                  {t('home.overdue')}: {task.due}
                </span>
              ) : (
                task.due
              )
            ) : (
              t('task.notSet')
            )}
          </dd>
        </div>
      </dl>
      {task.note && (
        <section aria-labelledby="note-heading">
          <h2 id="note-heading">{t('task.note')}</h2>
          <div class="task-note">{task.note}</div>
        </section>
      )}
      <section aria-labelledby="checklist-heading" id="checklist">
        <h2 id="checklist-heading">{t('task.checklist')}</h2>
        <ChecklistSections taskId={task.id} sections={props.sections} interactive={props.interactive} trademark={trademark} t={t} />
        <div id={COMPLETION_ID} class="completion" aria-live="polite">
          <CompletionPanel taskId={task.id} state={props.completion} trademark={trademark} t={t} />
        </div>
      </section>
      <section id={ATTACHMENTS_ID} aria-labelledby="attachments-heading">
        <h2 id="attachments-heading">{t('task.attachments')}</h2>
        {props.attachments ?? <p class="empty">{t('task.noAttachments')}</p>}
      </section>
      <section id={MESSAGES_ID} aria-labelledby="messages-heading">
        <h2 id="messages-heading">{t('task.messages')}</h2>
        {props.messages ?? <p class="empty">{t('task.noMessages')}</p>}
      </section>
    </PortalLayout>
  );
}
