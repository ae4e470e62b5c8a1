// Bulk "Client portal" on selected clients: turn the portal on and optionally invite every contact with access, once.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { currentActor } from '../../auth/request-info.ts';
import { findAuditEvent } from '../../db/queries/audit-log.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { findClientsByIds, listClients, setClientPortal } from '../../db/queries/clients.ts';
import { listContactsOfClients, markInviteSent } from '../../db/queries/contacts.ts';
import { renderPage, redirectAfterPost } from '../../render.tsx';
import { readForm } from '../../validation.ts';
import { BulkResultPage, ClientsPage, type BulkResult } from '../../views/staff/clients.tsx';
import { staffDateTime } from '../../views/staff/components.tsx';
import { sendPortalInvite } from './contacts.tsx';
import { isChecked, isUuid, notFound } from './helpers.tsx';
import { staffShell } from './shell.ts';

export const clientBulkRoutes = new Hono<AppEnv>();

const MAX_SELECTED = 100;

clientBulkRoutes.post('/clients/bulk-portal', async (c) => {
  const { db, clock, config } = c.get('deps');
  const firm = c.get('firm');
  const form = await readForm(c, ['client']);
  const ids = [...new Set((form.client as string[]).filter(isUuid))].slice(0, MAX_SELECTED);
  const invite = isChecked(form, 'invite');
  const errors: Record<string, string> = {};
  if (ids.length === 0) errors.client = 'Select at least one client in the list.';
  if (invite && !firm.portal_active) errors.invite = 'Invites cannot be sent until the client portal is activated in Settings.';
  if (Object.keys(errors).length > 0) {
    const list = await listClients(db, firm.id, { page: 1 });
    return renderPage(c, <ClientsPage shell={staffShell(c, 'clients')} {...list} q="" archived={false} errors={errors} selected={ids} invite={invite} />, 422);
  }
  const now = clock.now();
  const member = c.get('staff').member;
  const sender = { name: [member.first_name, member.last_name].filter(Boolean).join(' '), email: member.email };
  const eventId = await db.transaction().execute(async (trx) => {
    const clients = await findClientsByIds(trx, firm.id, ids);
    const result: BulkResult = { enabled: [], alreadyOn: [], invited: [], mails: 0, skipped: [], inviteRequested: invite };
    const notFoundCount = ids.length - clients.length;
    if (notFoundCount > 0) result.skipped.push({ name: `${notFoundCount} selected client${notFoundCount === 1 ? '' : 's'}`, reason: 'no longer exists' });
    const live = clients.filter((client) => {
      if (client.archived_at) result.skipped.push({ name: client.name, reason: 'archived' });
      return !client.archived_at;
    });
    for (const client of live) {
      if (client.portal_enabled) result.alreadyOn.push(client.name);
      else {
        await setClientPortal(trx, firm.id, client.id, true);
        result.enabled.push(client.name);
      }
    }
    if (invite) {
      const names = new Map(live.map((client) => [client.id, client.name]));
      const invitedIds: string[] = [];
      const mailed = new Set<string>();
      for (const contact of await listContactsOfClients(trx, firm.id, [...names.keys()])) {
        const label = `${[contact.first_name, contact.last_name].filter(Boolean).join(' ') || contact.email || 'Unnamed contact'} (${names.get(contact.client_id)})`;
        if (!contact.access_enabled) result.skipped.push({ name: label, reason: 'access not enabled' });
        else if (!contact.email) result.skipped.push({ name: label, reason: 'no e-mail address' });
        else if (contact.invite_sent_at) result.skipped.push({ name: label, reason: `already invited ${staffDateTime(contact.invite_sent_at)} (use Resend invite on the client page)` });
        else {
          // One e-mail per address: a person who is a contact of two selected clients gets one link that opens both.
          if (!mailed.has(contact.email)) {
            await sendPortalInvite(trx, config, firm, contact.email, sender, now);
            mailed.add(contact.email);
          }
          invitedIds.push(contact.id);
          result.invited.push(label);
        }
      }
      await markInviteSent(trx, firm.id, invitedIds, now);
      result.mails = mailed.size;
    }
    const id = crypto.randomUUID();
    await recordAudit(trx, firm.id, currentActor(c), { action: 'clients.bulk_portal', subjectType: 'bulk', subjectId: id, detail: { ...result } }, now);
    return id;
  });
  return redirectAfterPost(c, `/staff/clients/bulk/${eventId}`);
});

clientBulkRoutes.get('/clients/bulk/:eventId', async (c) => {
  const eventId = c.req.param('eventId');
  if (!isUuid(eventId)) return notFound(c);
  const event = await findAuditEvent(c.get('deps').db, c.get('firm').id, { action: 'clients.bulk_portal', subjectId: eventId });
  if (!event) return notFound(c);
  return renderPage(c, <BulkResultPage shell={staffShell(c, 'clients')} result={event.detail as unknown as BulkResult} at={staffDateTime(event.at)} />);
});

export { MAX_SELECTED };
