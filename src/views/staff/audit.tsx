// The audit log for admins: filter by action, actor and dates; paged; CSV export of the same filter.
import type { Selectable } from 'kysely';
import type { AuditEventsTable } from '../../db/database.ts';
import { ErrorSummary, SelectField, TextField } from '../components/form.tsx';
import { Pager, SettingsTabs, staffDateTime } from './components.tsx';
import { StaffLayout, type StaffShell } from './layout.tsx';

export interface AuditFilterValues {
  action: string;
  actor: string;
  from: string;
  to: string;
}

export function auditQuery(filter: AuditFilterValues, page?: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
  if (page && page > 1) params.set('page', String(page));
  const q = params.toString();
  return q ? `?${q}` : '';
}

function describeDetail(detail: unknown): string {
  if (!detail || typeof detail !== 'object') return '';
  const entries = Object.entries(detail as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object');
  return entries.map(([k, v]) => `${k}: ${String(v)}`).join(', ');
}

export function AuditPage(p: { shell: StaffShell; role: string; filter: AuditFilterValues; actions: string[]; items: Selectable<AuditEventsTable>[]; page: number; pages: number; total: number; errors?: Record<string, string> }) {
  const e = p.errors ?? {};
  return (
    <StaffLayout shell={p.shell} title="Audit log">
      <h1>Settings</h1>
      <SettingsTabs current="audit" role={p.role} />
      <h2>Audit log</h2>
      <ErrorSummary errors={e} title="There is a problem" labels={{ from: 'From', to: 'To' }} />
      <form method="get" action="/staff/audit" class="filter-form" novalidate>
        <SelectField name="action" label="Action" value={p.filter.action} options={[{ value: '', label: 'All actions' }, ...p.actions.map((a) => ({ value: a, label: a }))]} />
        <TextField name="actor" label="Who (e-mail contains)" value={p.filter.actor} maxlength={254} />
        <TextField name="from" type="date" label="From" value={p.filter.from} error={e.from} />
        <TextField name="to" type="date" label="To (inclusive)" value={p.filter.to} error={e.to} />
        <div class="actions">
          <button type="submit">Filter</button>
          <a href="/staff/audit">Clear</a>
          <a href={`/staff/audit.csv${auditQuery(p.filter)}`}>Export CSV</a>
        </div>
      </form>
      {p.items.length === 0 ? (
        <p class="empty">No events match.</p>
      ) : (
        <div class="table-wrap" tabindex={0} role="region" aria-label="Audit events">
          <table>
            <caption class="visually-hidden">Audit events, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Details</th>
                <th scope="col">IP and browser</th>
              </tr>
            </thead>
            <tbody>
              {p.items.map((ev) => (
                <tr>
                  <td>{staffDateTime(ev.at)}</td>
                  <td>
                    {ev.actor_email ?? <span class="muted">{ev.actor_type}</span>} <span class="muted">({ev.actor_type})</span>
                  </td>
                  <th scope="row">{ev.action}</th>
                  <td class="detail-cell">{describeDetail(ev.detail)}</td>
                  <td class="detail-cell">
                    {ev.ip ?? ''} <span class="muted">{ev.user_agent ?? ''}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={p.page} pages={p.pages} total={p.total} href={(n) => `/staff/audit${auditQuery(p.filter, n)}`} label="Audit log pages" />
    </StaffLayout>
  );
}
