// The staff task list: filters (client, status, assignee, due, title), paging, and the company checklist rule.
import type { TaskListRow } from '../../../db/queries/tasks.ts';
import { formatCalendarDate } from '../../../format.ts';
import { Notice } from '../../components/form.tsx';
import { Pager, STAFF_LOCALE } from '../components.tsx';
import { StaffLayout, type StaffShell } from '../layout.tsx';
import { statusLabels } from './labels.ts';

export interface TaskFilterValues {
  client: string;
  status: string;
  assignee: string;
  due: string;
  q: string;
}

export interface TaskListProps {
  shell: StaffShell;
  filters: TaskFilterValues;
  clients: { id: string; name: string }[];
  members: { id: string; name: string }[];
  rows: TaskListRow[];
  page: number;
  pages: number;
  total: number;
  today: string;
  checklistRequired: boolean;
  canEditRule: boolean;
  notice?: string;
}

export function tasksHref(f: TaskFilterValues, page = 1): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(f)) if (value) params.set(key, value);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/staff/tasks${query ? `?${query}` : ''}`;
}

function Select({ name, label, value, options }: { name: string; label: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <div class="field">
      <label for={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function PortalState({ row }: { row: TaskListRow }) {
  if (row.clientCompletedAt && row.status !== 'done') return <strong>Completed by client</strong>;
  return <>{row.shared ? 'Shared' : 'Not shared'}</>;
}

export function TaskListPage(p: TaskListProps) {
  const f = p.filters;
  const filtered = Object.values(f).some(Boolean);
  return (
    <StaffLayout shell={p.shell} title="Tasks">
      <div class="page-head">
        <h1>Tasks</h1>
        <a class="button" href={f.client ? `/staff/tasks/new?client=${f.client}` : '/staff/tasks/new'}>
          New task
        </a>
      </div>
      {p.notice && <Notice kind="success">{p.notice}</Notice>}
      <form method="get" action="/staff/tasks" class="filter-form" role="search" aria-label="Filter tasks">
        <div class="field">
          <label for="filter-q">Title</label>
          <input id="filter-q" type="search" name="q" value={f.q} />
        </div>
        <Select name="client" label="Client" value={f.client} options={[{ value: '', label: 'All clients' }, ...p.clients.map((c) => ({ value: c.id, label: c.name }))]} />
        <Select
          name="status"
          label="Status"
          value={f.status}
          options={[
            { value: '', label: 'Open and in progress' },
            { value: 'open', label: 'Open' },
            { value: 'in_progress', label: 'In progress' },
            { value: 'done', label: 'Done' },
            { value: 'all', label: 'Any status' },
          ]}
        />
        <Select name="assignee" label="Assignee" value={f.assignee} options={[{ value: '', label: 'Anyone' }, ...p.members.map((m) => ({ value: m.id, label: m.name }))]} />
        <Select
          name="due"
          label="Due"
          value={f.due}
          options={[
            { value: '', label: 'Any time' },
            { value: 'overdue', label: 'Overdue' },
            { value: 'week', label: 'This week' },
            { value: 'none', label: 'No due date' },
          ]}
        />
        <div class="filter-actions">
          <button type="submit" class="secondary">
            Filter
          </button>
          {filtered && <a href="/staff/tasks">Clear filters</a>}
        </div>
      </form>
      {p.rows.length === 0 ? (
        <p class="empty">{filtered ? 'No tasks match these filters.' : 'No open tasks. Create one with "New task".'}</p>
      ) : (
        <div class="table-wrap">
          <table class="task-table">
            <caption class="visually-hidden">
              Tasks, page {p.page} of {p.pages}
            </caption>
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Client</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                <th scope="col">Assignees</th>
                <th scope="col">Portal</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((row) => {
                const overdue = row.dueDate !== null && row.dueDate < p.today && row.status !== 'done';
                return (
                  <tr>
                    <th scope="row">
                      <a href={`/staff/tasks/${row.id}`}>{row.title}</a>
                      {row.recurrence !== 'none' && <span class="muted"> (repeats {row.recurrence})</span>}
                    </th>
                    <td>{row.clientName}</td>
                    <td>
                      {row.dueDate ? (
                        overdue ? (
                          <span class="overdue">Overdue: {formatCalendarDate(row.dueDate, STAFF_LOCALE)}</span>
                        ) : (
                          formatCalendarDate(row.dueDate, STAFF_LOCALE)
                        )
                      ) : (
                        <span class="muted">None</span>
                      )}
                    </td>
                    <td>{statusLabels[row.status]}</td>
                    <td>{row.assignees || <span class="muted">Nobody</span>}</td>
                    <td>
                      <PortalState row={row} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={p.page} pages={p.pages} total={p.total} href={(page) => tasksHref(f, page)} label="Task pages" />
      <section aria-labelledby="rule-heading" class="card">
        <h2 id="rule-heading">Company rule</h2>
        {p.canEditRule ? (
          <form method="post" action="/staff/tasks/settings" class="inline-form">
            <div class="field checkbox">
              <input type="checkbox" id="checklist-required" name="checklist_required" value="on" checked={p.checklistRequired} />
              <label for="checklist-required">The checklist must be completed to finish a task</label>
            </div>
            <button type="submit" class="secondary">
              Save rule
            </button>
          </form>
        ) : (
          <p>
            {p.checklistRequired
              ? 'The checklist must be completed to finish a task (the firm owner or an admin can change this).'
              : 'Tasks can be finished with checklist items open (the firm owner or an admin can change this).'}
          </p>
        )}
      </section>
    </StaffLayout>
  );
}
