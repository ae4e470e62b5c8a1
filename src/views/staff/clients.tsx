// The clients list: search, paging, empty state, and the bulk "Client portal" action on selected clients.
import type { ClientListItem } from '../../db/queries/clients.ts';
import { Checkbox, ErrorSummary, Notice } from '../components/form.tsx';
import { ColourTag, Pager, YesNo } from './components.tsx';
import { StaffLayout, type StaffShell } from './layout.tsx';

export interface ClientsPageProps {
  shell: StaffShell;
  items: ClientListItem[];
  q: string;
  archived: boolean;
  page: number;
  pages: number;
  total: number;
  errors?: Record<string, string>;
  selected?: string[];
  invite?: boolean;
  notice?: string;
}

export function clientsHref(q: string, archived: boolean, page = 1): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (archived) params.set('archived', '1');
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/staff/clients${query ? `?${query}` : ''}`;
}

export function ClientsPage(p: ClientsPageProps) {
  const errors = p.errors ?? {};
  const selected = new Set(p.selected ?? []);
  return (
    <StaffLayout shell={p.shell} title={p.archived ? 'Archived clients' : 'Clients'}>
      <div class="page-head">
        <h1>{p.archived ? 'Archived clients' : 'Clients'}</h1>
        <a class="button" href="/staff/clients/new">
          New client
        </a>
      </div>
      {p.notice && <Notice kind="success">{p.notice}</Notice>}
      <ErrorSummary errors={errors} title="There is a problem" />
      <form method="get" action="/staff/clients" class="search-form" role="search">
        <div class="field">
          <label for="client-search">Search clients</label>
          <input id="client-search" type="search" name="q" value={p.q} placeholder="Name, mark, registration or VAT number" />
        </div>
        {p.archived && <input type="hidden" name="archived" value="1" />}
        <button type="submit" class="secondary">
          Search
        </button>
        {p.q && <a href={clientsHref('', p.archived)}>Clear search</a>}
      </form>
      <p>
        {p.archived ? <a href="/staff/clients">Show active clients</a> : <a href="/staff/clients?archived=1">Show archived clients</a>}
      </p>
      {p.items.length === 0 ? (
        <p class="empty">
          {p.q ? `No ${p.archived ? 'archived ' : ''}clients match "${p.q}".` : p.archived ? 'No archived clients.' : 'No clients yet. Add your first client with "New client".'}
        </p>
      ) : (
        <form method="post" action="/staff/clients/bulk-portal" id="bulk-form">
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">Clients, page {p.page} of {p.pages}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span class="visually-hidden">Select</span>
                  </th>
                  <th scope="col">Client</th>
                  <th scope="col">Registration no.</th>
                  <th scope="col">VAT no.</th>
                  <th scope="col">Responsible</th>
                  <th scope="col">Contacts with access</th>
                  <th scope="col">Client portal</th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((client) => (
                  <tr>
                    <td>
                      <input type="checkbox" class="row-select" name="client" value={client.id} id={`select-${client.id}`} checked={selected.has(client.id)} />
                      <label for={`select-${client.id}`} class="visually-hidden">
                        Select {client.name}
                      </label>
                    </td>
                    <th scope="row">
                      <a href={`/staff/clients/${client.id}`}>{client.name}</a>
                      {client.mark && <span class="client-mark">{client.mark}</span>}
                      <ColourTag colour={client.colour} />
                    </th>
                    <td>{client.registration_number}</td>
                    <td>{client.vat_number}</td>
                    <td>{client.responsible_name || <span class="muted">None</span>}</td>
                    <td>
                      {client.access_count} of {client.contact_count}
                    </td>
                    <td>
                      <YesNo value={client.portal_enabled} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {!p.archived && (
            <fieldset class="bulk-actions" aria-describedby={errors.client ? 'field-client-error' : undefined}>
              <legend>Client portal for the selected clients</legend>
              {errors.client && (
                <p class="field-error" id="field-client-error">
                  <span class="visually-hidden">Error: </span>
                  {errors.client}
                </p>
              )}
              <Checkbox name="invite" label="Also invite all their contacts with access by e-mail" hint="Each contact is invited once; contacts already invited are skipped." checked={p.invite} error={errors.invite} />
              <button type="submit">Turn on client portal</button>
            </fieldset>
          )}
        </form>
      )}
      <Pager page={p.page} pages={p.pages} total={p.total} href={(n) => clientsHref(p.q, p.archived, n)} label="Client pages" />
    </StaffLayout>
  );
}

export interface BulkResult {
  enabled: string[];
  alreadyOn: string[];
  invited: string[];
  mails: number;
  skipped: { name: string; reason: string }[];
  inviteRequested: boolean;
}

export function BulkResultPage({ shell, result, at }: { shell: StaffShell; result: BulkResult; at: string }) {
  return (
    <StaffLayout shell={shell} title="Client portal: result">
      <h1>Client portal: result</h1>
      <p class="muted">Done {at}.</p>
      <ul class="summary-list" role="status">
        <li>
          <strong>Enabled: {result.enabled.length}</strong> {result.alreadyOn.length > 0 && <span>({result.alreadyOn.length} already had the portal on)</span>}
        </li>
        {result.inviteRequested && (
          <li>
            <strong>Invited: {result.invited.length}</strong> ({result.mails} {result.mails === 1 ? 'e-mail' : 'e-mails'} sent)
          </li>
        )}
        <li>
          <strong>Skipped: {result.skipped.length}</strong>
        </li>
      </ul>
      {result.enabled.length > 0 && (
        <section aria-labelledby="enabled-heading">
          <h2 id="enabled-heading">Portal turned on</h2>
          <ul>
            {result.enabled.map((name) => (
              <li>{name}</li>
            ))}
          </ul>
        </section>
      )}
      {result.invited.length > 0 && (
        <section aria-labelledby="invited-heading">
          <h2 id="invited-heading">Invited</h2>
          <ul>
            {result.invited.map((name) => (
              <li>{name}</li>
            ))}
          </ul>
        </section>
      )}
      {result.skipped.length > 0 && (
        <section aria-labelledby="skipped-heading">
          <h2 id="skipped-heading">Skipped, and why</h2>
          <ul>
            {result.skipped.map((s) => (
              <li>
                {s.name}: {s.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <a href="/staff/clients">Back to clients</a>
      </p>
    </StaffLayout>
  );
}
