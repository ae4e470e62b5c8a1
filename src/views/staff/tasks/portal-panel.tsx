// The task's Client Portal panel: portal assignees, assign as task, auto finish, due date offset, and X to unshare.
import { ErrorSummary, type FieldErrors } from '../../components/form.tsx';
import { staffDateTime } from '../components.tsx';
import { offsetLabel } from './labels.ts';

export interface PortalFormValues {
  contacts: string[];
  assign_as_task: boolean;
  auto_finish: boolean;
  due_offset_days: string;
}

export interface PortalPanelProps {
  taskId: string;
  clientId: string;
  clientName: string;
  clientPortalEnabled: boolean;
  shared: boolean;
  contacts: { id: string; name: string; email: string | null; accessEnabled: boolean }[];
  assignees: { contactId: string; name: string; seenAt: Date | null; addedAt: Date }[];
  values: PortalFormValues;
  errors?: FieldErrors;
  /** The due date the client sees with the saved offset, already formatted. */
  clientDue?: string;
  clientCompleted?: { by: string; at: Date };
}

const labels = { contacts: 'Portal assignees', auto_finish: 'Auto finish', due_offset_days: 'Due date offset' };

export function PortalPanel(p: PortalPanelProps) {
  const errors = p.errors ?? {};
  const eligible = p.contacts.filter((c) => c.accessEnabled && c.email);
  const others = p.contacts.filter((c) => !(c.accessEnabled && c.email));
  return (
    <section id="portal" aria-labelledby="portal-heading" class="card portal-panel">
      <h2 id="portal-heading">Client Portal</h2>
      {!p.clientPortalEnabled ? (
        <p>
          The client portal is off for {p.clientName}. <a href={`/staff/clients/${p.clientId}`}>Turn it on on the client's page</a> to share this task.
        </p>
      ) : (
        <>
          {p.shared ? (
            <div class="portal-status">
              <p>
                <strong>Shared on the portal.</strong> {p.clientDue ? `The client sees the due date ${p.clientDue}.` : 'The task has no due date.'}
              </p>
              <p>
                {p.clientCompleted
                  ? `Completed by ${p.clientCompleted.by || 'the client'} on ${staffDateTime(p.clientCompleted.at)}.`
                  : 'Not completed by the client yet.'}
              </p>
              {p.assignees.length > 0 ? (
                <ul class="plain-list">
                  {p.assignees.map((a) => (
                    <li>
                      {a.name}: {a.seenAt ? `opened ${staffDateTime(a.seenAt)}` : 'not opened yet'}
                    </li>
                  ))}
                </ul>
              ) : (
                <p class="muted">No portal assignees: nobody sees this task on the portal yet.</p>
              )}
              <form method="post" action={`/staff/tasks/${p.taskId}/portal/remove`} class="inline-form">
                <button type="submit" class="danger small">
                  <span aria-hidden="true">✕ </span>Remove from the portal
                </button>
                <span class="hint">Removes the portal settings and hides the task from the portal.</span>
              </form>
            </div>
          ) : (
            <p>Not shared on the portal. Choose who should see it and save.</p>
          )}
          <ErrorSummary errors={errors} title="There is a problem" labels={labels} />
          <form method="post" action={`/staff/tasks/${p.taskId}/portal`} class="stack-form" novalidate>
            <fieldset class={errors.contacts ? 'field has-error' : 'field'}>
              <legend>Portal assignees</legend>
              {errors.contacts && (
                <p class="field-error" id="field-contacts">
                  {errors.contacts}
                </p>
              )}
              {eligible.length === 0 && <p class="muted">No contact of {p.clientName} has portal access yet.</p>}
              {eligible.map((c) => (
                <div class="checkbox">
                  <input type="checkbox" id={`portal-contact-${c.id}`} name="contacts" value={c.id} checked={p.values.contacts.includes(c.id)} />
                  <label for={`portal-contact-${c.id}`}>
                    {c.name} <span class="muted">({c.email})</span>
                  </label>
                </div>
              ))}
              {others.length > 0 && <p class="hint">Without portal access: {others.map((c) => c.name).join(', ')}.</p>}
            </fieldset>
            <div class="field checkbox">
              <input type="checkbox" id="field-assign_as_task" name="assign_as_task" value="on" checked={p.values.assign_as_task} aria-describedby="assign-hint" />
              <label for="field-assign_as_task">Assign as task</label>
              <p class="hint" id="assign-hint">
                The client can tick their checklist and mark it done. Without it the task is shown read-only, for reference.
              </p>
            </div>
            <div class={errors.auto_finish ? 'field checkbox has-error' : 'field checkbox'}>
              <input
                type="checkbox"
                id="field-auto_finish"
                name="auto_finish"
                value="on"
                checked={p.values.auto_finish}
                aria-invalid={errors.auto_finish ? 'true' : undefined}
                aria-describedby={errors.auto_finish ? 'auto-hint field-auto_finish-error' : 'auto-hint'}
              />
              <label for="field-auto_finish">Auto finish</label>
              <p class="hint" id="auto-hint">
                When the client marks it done, this task is done too. Needs at least one portal assignee.
              </p>
              {errors.auto_finish && (
                <p class="field-error" id="field-auto_finish-error">
                  {errors.auto_finish}
                </p>
              )}
            </div>
            <div class={errors.due_offset_days ? 'field has-error' : 'field'}>
              <label for="field-due_offset_days">Due date offset</label>
              <p class="hint" id="offset-hint">
                The client sees an earlier due date, never before the start date.
              </p>
              {errors.due_offset_days && (
                <p class="field-error" id="field-due_offset_days-error">
                  {errors.due_offset_days}
                </p>
              )}
              <select id="field-due_offset_days" name="due_offset_days" aria-describedby={errors.due_offset_days ? 'offset-hint field-due_offset_days-error' : 'offset-hint'}>
                {[0, 1, 2, 3, 4, 5, 6, 7].map((d) => (
                  <option value={String(d)} selected={String(d) === p.values.due_offset_days}>
                    {offsetLabel(d)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit">{p.shared ? 'Save portal settings' : 'Share on the portal'}</button>
          </form>
        </>
      )}
    </section>
  );
}
