// One client: details, the Client portal toggle, archive and delete, and its contacts with their invite rows.
import type { Client, Contact } from '../../db/database.ts';
import { Notice } from '../components/form.tsx';
import { ColourTag, Pager, staffDate, staffDateTime, YesNo } from './components.tsx';
import { StaffLayout, type StaffShell } from './layout.tsx';

export interface ClientPageProps {
  shell: StaffShell;
  client: Client;
  responsibleName?: string;
  contacts: Contact[];
  page: number;
  pages: number;
  total: number;
  firmPortalActive: boolean;
  canDelete: boolean;
  notice?: string;
  warning?: string;
}

function contactName(c: Contact): string {
  return [c.first_name, c.last_name].filter(Boolean).join(' ') || c.email || 'Unnamed contact';
}

function InviteRow({ client, contact, firmPortalActive }: { client: Client; contact: Contact; firmPortalActive: boolean }) {
  const base = `/staff/clients/${client.id}/contacts/${contact.id}`;
  let blocked: string | undefined;
  if (!contact.access_enabled) blocked = 'Enable access to send an invite.';
  else if (!contact.email) blocked = 'Add an e-mail address to send an invite.';
  else if (!client.portal_enabled) blocked = 'Turn on the client portal for this client to send an invite.';
  else if (client.archived_at) blocked = 'Archived clients cannot be invited.';
  else if (!firmPortalActive) blocked = 'Activate the client portal in Settings to send invites.';
  return (
    <div class="invite-row">
      <dt>Client portal invite</dt>
      <dd>
        {contact.invite_sent_at ? <span>Sent {staffDateTime(contact.invite_sent_at)}</span> : <span>Not sent</span>}
        {blocked ? (
          <span class="muted"> {blocked}</span>
        ) : (
          <form method="post" action={`${base}/invite`} class="inline-form">
            <button type="submit" class="secondary small">
              {contact.invite_sent_at ? 'Resend invite' : 'Send invite'}
              <span class="visually-hidden"> to {contactName(contact)}</span>
            </button>
          </form>
        )}
      </dd>
    </div>
  );
}

export function ClientPage(p: ClientPageProps) {
  const { client } = p;
  const base = `/staff/clients/${client.id}`;
  return (
    <StaffLayout shell={p.shell} title={client.name}>
      <p class="breadcrumb">
        <a href="/staff/clients">Clients</a>
      </p>
      <div class="page-head">
        <h1>
          {client.name} {client.mark && <span class="client-mark">{client.mark}</span>} <ColourTag colour={client.colour} />
          {client.archived_at && <span class="badge badge-off">Archived</span>}
        </h1>
        <a class="button secondary" href={`${base}/edit`}>
          Edit client
        </a>
      </div>
      {p.notice && <Notice kind="success">{p.notice}</Notice>}
      {p.warning && <Notice kind="warning">{p.warning}</Notice>}
      <dl class="details">
        <div>
          <dt>Registration number</dt>
          <dd>{client.registration_number || <span class="muted">None</span>}</dd>
        </div>
        <div>
          <dt>VAT number</dt>
          <dd>{client.vat_number || <span class="muted">None</span>}</dd>
        </div>
        <div>
          <dt>Responsible staff member</dt>
          <dd>{p.responsibleName || <span class="muted">Nobody</span>}</dd>
        </div>
        <div>
          <dt>Added</dt>
          <dd>{staffDate(client.created_at)}</dd>
        </div>
      </dl>

      <section aria-labelledby="portal-heading" class="card">
        <h2 id="portal-heading">Client portal</h2>
        <p>
          <YesNo value={client.portal_enabled} />{' '}
          {client.portal_enabled ? 'Contacts with access can log in to the portal.' : 'Contacts of this client cannot be given access while the portal is off.'}
        </p>
        {!p.firmPortalActive && <p class="muted">The firm's client portal is not activated yet; it can be activated in Settings.</p>}
        <form method="post" action={`${base}/portal`}>
          <input type="hidden" name="enabled" value={client.portal_enabled ? 'off' : 'on'} />
          <button type="submit" class={client.portal_enabled ? 'secondary' : undefined} disabled={Boolean(client.archived_at) && !client.portal_enabled}>
            {client.portal_enabled ? 'Turn client portal off' : 'Turn client portal on'}
          </button>
        </form>
        {client.portal_enabled && <p class="hint">Turning it off ends the portal sessions and login links of every contact of this client at once.</p>}
      </section>

      <section aria-labelledby="contacts-heading">
        <div class="page-head">
          <h2 id="contacts-heading">Contacts</h2>
          <a class="button secondary" href={`${base}/contacts/new`}>
            Add contact
          </a>
        </div>
        {p.contacts.length === 0 ? (
          <p class="empty">No contacts yet. Add the people you work with at {client.name}.</p>
        ) : (
          <ul class="list contact-list">
            {p.contacts.map((contact) => (
              <li>
                <h3>{contactName(contact)}</h3>
                <dl class="details compact">
                  <div>
                    <dt>E-mail</dt>
                    <dd>{contact.email || <span class="muted">None</span>}</dd>
                  </div>
                  {contact.phone && (
                    <div>
                      <dt>Phone</dt>
                      <dd>{contact.phone}</dd>
                    </div>
                  )}
                  {contact.roles && (
                    <div>
                      <dt>Roles</dt>
                      <dd>{contact.roles}</dd>
                    </div>
                  )}
                  <div>
                    <dt>Access</dt>
                    <dd>
                      <YesNo value={contact.access_enabled} yes="Enabled" no="Not enabled" />
                      {contact.first_login_at ? <span class="muted"> First login {staffDate(contact.first_login_at)}</span> : contact.invite_sent_at ? <span class="muted"> Never logged in</span> : null}
                    </dd>
                  </div>
                  <InviteRow client={client} contact={contact} firmPortalActive={p.firmPortalActive} />
                </dl>
                <p class="actions compact">
                  <a href={`${base}/contacts/${contact.id}/edit`}>
                    Edit<span class="visually-hidden"> {contactName(contact)}</span>
                  </a>
                  <a href={`${base}/contacts/${contact.id}/delete`}>
                    Remove<span class="visually-hidden"> {contactName(contact)}</span>
                  </a>
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pager page={p.page} pages={p.pages} total={p.total} href={(n) => `${base}?page=${n}`} label="Contact pages" />
      </section>

      <section aria-labelledby="manage-heading">
        <h2 id="manage-heading">Archive or delete</h2>
        <div class="actions">
          {client.archived_at ? (
            <form method="post" action={`${base}/unarchive`}>
              <button type="submit" class="secondary">
                Unarchive client
              </button>
            </form>
          ) : (
            <form method="post" action={`${base}/archive`}>
              <button type="submit" class="secondary">
                Archive client
              </button>
            </form>
          )}
          {p.canDelete && (
            <a class="button danger" href={`${base}/delete`}>
              Delete client
            </a>
          )}
        </div>
        <p class="hint">Archiving hides the client from the list and ends its contacts' portal access; its data stays. {p.canDelete ? 'Deleting removes the client and all its data for good.' : 'Only the owner can delete a client.'}</p>
      </section>
    </StaffLayout>
  );
}
