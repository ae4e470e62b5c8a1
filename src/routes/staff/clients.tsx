// /staff/clients: list with search and paging, create, edit, portal toggle, archive, unarchive, delete (owner).
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../../app-env.ts';
import { currentActor } from '../../auth/request-info.ts';
import { endClientAccess } from '../../db/queries/access-revocation.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { createClient, deleteClient, findClient, listClients, setClientArchived, setClientPortal, updateClient } from '../../db/queries/clients.ts';
import { listClientContacts } from '../../db/queries/contacts.ts';
import { findMember, listActiveMembers } from '../../db/queries/team.ts';
import type { Client } from '../../db/database.ts';
import { renderPage, redirectAfterPost } from '../../render.tsx';
import { parseWith, readForm } from '../../validation.ts';
import { ClientFormPage, memberLabel, type ClientFormValues } from '../../views/staff/client-form.tsx';
import { ClientPage } from '../../views/staff/client-page.tsx';
import { ClientsPage } from '../../views/staff/clients.tsx';
import { colourTags, ConfirmPage } from '../../views/staff/components.tsx';
import { ForbiddenPage } from '../../views/pages/simple.tsx';
import { isChecked, isUuid, notFound, pageParam } from './helpers.tsx';
import { staffShell } from './shell.ts';

export const clientRoutes = new Hono<AppEnv>();

const optionalText = (max: number) => v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(max, `Use at most ${max} characters.`));

export const clientSchema = v.object({
  name: v.pipe(v.optional(v.string(), ''), v.trim(), v.nonEmpty("Enter the client's name."), v.maxLength(200, 'Use at most 200 characters.')),
  registration_number: optionalText(50),
  vat_number: optionalText(50),
  mark: v.pipe(optionalText(4), v.toUpperCase(), v.regex(/^([A-Z0-9]{4})?$/, 'The mark must be exactly 4 letters or digits, for example ACME.')),
  colour: v.pipe(v.optional(v.string(), ''), v.picklist(colourTags.map((t) => t.value), 'Choose a colour tag from the list.')),
  responsible_member_id: v.optional(v.string(), ''),
});

export const clientNotices: Record<string, string> = {
  created: 'Client created.',
  saved: 'Changes saved.',
  'portal-on': 'Client portal turned on.',
  'portal-off': 'Client portal turned off. Its contacts were signed out of the portal.',
  archived: 'Client archived. Its contacts can no longer log in to the portal.',
  unarchived: 'Client unarchived.',
  'contact-added': 'Contact added.',
  'contact-saved': 'Contact saved.',
  'contact-removed': 'Contact removed.',
  'access-ended': 'Contact saved. Their portal sessions and login links have ended.',
  invited: 'Invite sent. It contains a login link that works for 7 days.',
};

async function loadClient(c: Context<AppEnv>): Promise<Client | undefined> {
  const id = c.req.param('id');
  if (!isUuid(id)) return undefined;
  return findClient(c.get('deps').db, c.get('firm').id, id);
}

clientRoutes.get('/clients', async (c) => {
  const q = (c.req.query('q') ?? '').trim().slice(0, 200);
  const archived = c.req.query('archived') === '1';
  const list = await listClients(c.get('deps').db, c.get('firm').id, { q, archived, page: pageParam(c) });
  return renderPage(c, <ClientsPage shell={staffShell(c, 'clients')} {...list} q={q} archived={archived} notice={c.req.query('m') === 'deleted' ? 'Client deleted.' : undefined} />);
});

async function clientForm(c: Context<AppEnv>, props: { mode: 'create' | 'edit'; action: string; cancelHref: string; values: ClientFormValues; errors?: Record<string, string> }, status: 200 | 422 = 200) {
  const members = await listActiveMembers(c.get('deps').db, c.get('firm').id);
  return renderPage(c, <ClientFormPage shell={staffShell(c, 'clients')} {...props} members={members} />, status);
}

/** Parses the client form; the responsible member must be an active member of this firm. */
async function parseClientForm(c: Context<AppEnv>, form: Record<string, string | string[]>) {
  const parsed = parseWith(clientSchema, form);
  if (!parsed.ok) return parsed;
  const memberId = parsed.value.responsible_member_id;
  if (memberId) {
    const member = isUuid(memberId) ? await findMember(c.get('deps').db, c.get('firm').id, memberId) : undefined;
    if (!member || !member.active) return { ok: false as const, errors: { responsible_member_id: 'Choose an active staff member from the list.' }, input: parsed.value };
  }
  return { ok: true as const, value: { ...parsed.value, responsible_member_id: memberId || null } };
}

clientRoutes.get('/clients/new', (c) => clientForm(c, { mode: 'create', action: '/staff/clients/new', cancelHref: '/staff/clients', values: { portal_enabled: true, responsible_member_id: c.get('staff').member.id } }));

clientRoutes.post('/clients/new', async (c) => {
  const form = await readForm(c);
  const parsed = await parseClientForm(c, form);
  const portalEnabled = isChecked(form, 'portal_enabled');
  if (!parsed.ok) {
    return clientForm(c, { mode: 'create', action: '/staff/clients/new', cancelHref: '/staff/clients', values: { ...parsed.input, portal_enabled: portalEnabled }, errors: parsed.errors }, 422);
  }
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const now = clock.now();
  const client = await db.transaction().execute(async (trx) => {
    const created = await createClient(trx, firm.id, { ...parsed.value, portal_enabled: portalEnabled }, now);
    await recordAudit(trx, firm.id, currentActor(c), { action: 'client.created', subjectType: 'client', subjectId: created.id, detail: { name: created.name, portalEnabled } }, now);
    return created;
  });
  return redirectAfterPost(c, `/staff/clients/${client.id}?m=created`);
});

clientRoutes.get('/clients/:id', async (c) => {
  const client = await loadClient(c);
  if (!client) return notFound(c);
  const { db } = c.get('deps');
  const firm = c.get('firm');
  const contacts = await listClientContacts(db, firm.id, client.id, pageParam(c));
  const responsible = client.responsible_member_id ? await findMember(db, firm.id, client.responsible_member_id) : undefined;
  const m = c.req.query('m') ?? '';
  return renderPage(
    c,
    <ClientPage
      shell={staffShell(c, 'clients')}
      client={client}
      responsibleName={responsible ? memberLabel(responsible) : undefined}
      contacts={contacts.items}
      page={contacts.page}
      pages={contacts.pages}
      total={contacts.total}
      firmPortalActive={firm.portal_active}
      canDelete={c.get('staff').scope.role === 'owner'}
      notice={clientNotices[m]}
      warning={c.req.query('w') === 'invite-blocked' ? 'The invite was not sent: the contact needs access enabled and an e-mail address, the client needs the portal on, and the firm\'s portal must be active.' : undefined}
    />,
  );
});

clientRoutes.get('/clients/:id/edit', async (c) => {
  const client = await loadClient(c);
  if (!client) return notFound(c);
  return clientForm(c, { mode: 'edit', action: `/staff/clients/${client.id}/edit`, cancelHref: `/staff/clients/${client.id}`, values: { ...client, responsible_member_id: client.responsible_member_id ?? '' } });
});

clientRoutes.post('/clients/:id/edit', async (c) => {
  const client = await loadClient(c);
  if (!client) return notFound(c);
  const parsed = await parseClientForm(c, await readForm(c));
  if (!parsed.ok) return clientForm(c, { mode: 'edit', action: `/staff/clients/${client.id}/edit`, cancelHref: `/staff/clients/${client.id}`, values: parsed.input, errors: parsed.errors }, 422);
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    await updateClient(trx, firm.id, client.id, parsed.value);
    const changed = Object.keys(parsed.value).filter((k) => (client as any)[k] !== (parsed.value as any)[k]);
    await recordAudit(trx, firm.id, currentActor(c), { action: 'client.updated', subjectType: 'client', subjectId: client.id, detail: { changed } }, now);
  });
  return redirectAfterPost(c, `/staff/clients/${client.id}?m=saved`);
});

clientRoutes.post('/clients/:id/portal', async (c) => {
  const client = await loadClient(c);
  if (!client) return notFound(c);
  const form = await readForm(c);
  const enable = form.enabled === 'on';
  if (enable && client.archived_at) return redirectAfterPost(c, `/staff/clients/${client.id}`);
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const now = clock.now();
  if (enable !== client.portal_enabled) {
    await db.transaction().execute(async (trx) => {
      await setClientPortal(trx, firm.id, client.id, enable);
      if (!enable) await endClientAccess(trx, firm.id, client.id);
      await recordAudit(trx, firm.id, currentActor(c), { action: enable ? 'client.portal_enabled' : 'client.portal_disabled', subjectType: 'client', subjectId: client.id }, now);
    });
  }
  return redirectAfterPost(c, `/staff/clients/${client.id}?m=${enable ? 'portal-on' : 'portal-off'}`);
});

for (const archive of [true, false]) {
  clientRoutes.post(`/clients/:id/${archive ? 'archive' : 'unarchive'}`, async (c) => {
    const client = await loadClient(c);
    if (!client) return notFound(c);
    const { db, clock } = c.get('deps');
    const firm = c.get('firm');
    const now = clock.now();
    if (archive !== Boolean(client.archived_at)) {
      await db.transaction().execute(async (trx) => {
        await setClientArchived(trx, firm.id, client.id, archive ? now : null);
        if (archive) await endClientAccess(trx, firm.id, client.id);
        await recordAudit(trx, firm.id, currentActor(c), { action: archive ? 'client.archived' : 'client.unarchived', subjectType: 'client', subjectId: client.id }, now);
      });
    }
    return redirectAfterPost(c, `/staff/clients/${client.id}?m=${archive ? 'archived' : 'unarchived'}`);
  });
}

function ownerOnly(c: Context<AppEnv>) {
  return renderPage(c, <ForbiddenPage message="Only the firm's owner can delete a client." />, 403);
}

clientRoutes.get('/clients/:id/delete', async (c) => {
  const client = await loadClient(c);
  if (!client) return notFound(c);
  if (c.get('staff').scope.role !== 'owner') return ownerOnly(c);
  return renderPage(
    c,
    <ConfirmPage shell={staffShell(c, 'clients')} title={`Delete ${client.name}?`} action={`/staff/clients/${client.id}/delete`} button="Delete client for good" cancelHref={`/staff/clients/${client.id}`} danger>
      <p>This removes {client.name}, its contacts and everything shared with them. Their portal access ends at once. This cannot be undone.</p>
      <p>To keep the data, archive the client instead.</p>
    </ConfirmPage>,
  );
});

clientRoutes.post('/clients/:id/delete', async (c) => {
  const client = await loadClient(c);
  if (!client) return notFound(c);
  if (c.get('staff').scope.role !== 'owner') return ownerOnly(c);
  const form = await readForm(c);
  if (form.confirm !== 'yes') return redirectAfterPost(c, `/staff/clients/${client.id}/delete`);
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    await endClientAccess(trx, firm.id, client.id);
    await deleteClient(trx, firm.id, client.id);
    await recordAudit(trx, firm.id, currentActor(c), { action: 'client.deleted', subjectType: 'client', subjectId: client.id, detail: { name: client.name } }, now);
  });
  return redirectAfterPost(c, '/staff/clients?m=deleted');
});
