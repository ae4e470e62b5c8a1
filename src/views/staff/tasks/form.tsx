// The new-task and edit-task form: client, title, note, dates, status, assignees, recurrence, billing.
import { ErrorSummary, type FieldErrors, SelectField, TextArea, TextField } from '../../components/form.tsx';
import { StaffLayout, type StaffShell } from '../layout.tsx';
import { billingLabels, recurrenceLabels, statusLabels } from './labels.ts';

export interface TaskFormValues {
  client: string;
  title: string;
  note: string;
  start_date: string;
  due_date: string;
  status: string;
  assignees: string[];
  recurrence: string;
  billing: string;
  billing_date: string;
}

export const emptyTaskForm: TaskFormValues = {
  client: '',
  title: '',
  note: '',
  start_date: '',
  due_date: '',
  status: 'open',
  assignees: [],
  recurrence: 'none',
  billing: 'none',
  billing_date: '',
};

export interface TaskFormProps {
  shell: StaffShell;
  /** undefined: a new task. */
  taskId?: string;
  clientName?: string;
  values: TaskFormValues;
  errors?: FieldErrors;
  clients: { id: string; name: string }[];
  members: { id: string; name: string }[];
  billingEnabled: boolean;
}

const labels: Record<string, string> = {
  client: 'Client',
  title: 'Title',
  note: 'Note',
  start_date: 'Start date',
  due_date: 'Due date',
  status: 'Status',
  assignees: 'Assignees',
  recurrence: 'Repeats',
  billing: 'Billing',
  billing_date: 'Billing date',
};

export function TaskFormPage(p: TaskFormProps) {
  const v = p.values;
  const errors = p.errors ?? {};
  const heading = p.taskId ? `Edit task` : 'New task';
  return (
    <StaffLayout shell={p.shell} title={heading}>
      <div class="narrow">
        <p class="breadcrumb">
          <a href={p.taskId ? `/staff/tasks/${p.taskId}` : '/staff/tasks'}>{p.taskId ? 'Back to the task' : 'All tasks'}</a>
        </p>
        <h1>{heading}</h1>
        <ErrorSummary errors={errors} title="There is a problem" labels={labels} />
        <form method="post" action={p.taskId ? `/staff/tasks/${p.taskId}` : '/staff/tasks'} novalidate>
          {p.taskId ? (
            <p>
              <strong>Client:</strong> {p.clientName}
            </p>
          ) : (
            <SelectField
              name="client"
              label="Client"
              value={v.client}
              error={errors.client}
              required
              options={[{ value: '', label: 'Choose a client' }, ...p.clients.map((c) => ({ value: c.id, label: c.name }))]}
            />
          )}
          <TextField name="title" label="Title" value={v.title} error={errors.title} required maxlength={200} />
          <TextArea name="note" label="Note" value={v.note} error={errors.note} hint="Plain text. The client sees it on the task page when the task is shared." maxlength={10000} rows={5} />
          <div class="field-row">
            <TextField name="start_date" label="Start date" type="date" value={v.start_date} error={errors.start_date} />
            <TextField name="due_date" label="Due date" type="date" value={v.due_date} error={errors.due_date} />
          </div>
          {!p.taskId && (
            <SelectField name="status" label="Status" value={v.status} error={errors.status} options={Object.entries(statusLabels).map(([value, label]) => ({ value, label }))} />
          )}
          <fieldset class={errors.assignees ? 'field has-error' : 'field'} aria-describedby={errors.assignees ? 'assignees-error' : undefined}>
            <legend>Assignees</legend>
            {errors.assignees && (
              <p class="field-error" id="assignees-error">
                {errors.assignees}
              </p>
            )}
            {p.members.map((m) => (
              <div class="checkbox">
                <input type="checkbox" id={`assignee-${m.id}`} name="assignees" value={m.id} checked={v.assignees.includes(m.id)} />
                <label for={`assignee-${m.id}`}>{m.name}</label>
              </div>
            ))}
          </fieldset>
          <SelectField
            name="recurrence"
            label="Repeats"
            value={v.recurrence}
            error={errors.recurrence}
            hint="When a repeating task is done, the next one is created with the same checklist, unticked."
            options={Object.entries(recurrenceLabels).map(([value, label]) => ({ value, label }))}
          />
          {p.billingEnabled && (
            <fieldset class="field">
              <legend>Billing</legend>
              <SelectField name="billing" label="Billable" value={v.billing} error={errors.billing} options={Object.entries(billingLabels).map(([value, label]) => ({ value, label }))} />
              <TextField name="billing_date" label="Billing date" type="date" value={v.billing_date} error={errors.billing_date} hint="Only for a custom date." />
            </fieldset>
          )}
          <div class="actions">
            <button type="submit">{p.taskId ? 'Save task' : 'Create task'}</button>
            <a href={p.taskId ? `/staff/tasks/${p.taskId}` : '/staff/tasks'}>Cancel</a>
          </div>
        </form>
      </div>
    </StaffLayout>
  );
}
