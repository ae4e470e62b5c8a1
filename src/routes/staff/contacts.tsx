// /staff/clients/:id/contacts: create, edit, remove contacts; grant or revoke portal access; send portal invites.
import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import type { AppEnv } from '../../app-env.ts';
import { issueMagicLink } from '../../auth/magic-link.ts';
import { currentActor } from '../../auth/request-info.ts';
import { firmOrigin, type Config } from '../../config.ts';
import { endContactAccess } from '../../db/queries/access-revocation.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { findClient } from '../../db/queries/clients.ts';
import { createContact, deleteContact, emailUsedOnClient, findContact, markInviteSent, updateContact, type ContactInput } from '../../db/queries/contacts.ts';
import { enqueueMail } from '../../db/queries/outbox.ts';
import type { Client, Contact, Database, Firm } from '../../db/database.ts';
import { renderPage, redirectAfterPost } from '../../render.tsx';
import { parseWith, readForm } from '../../validation.ts';
import { ConfirmPage } from '../../views/staff/components.tsx';
import { ContactFormPage, type ContactFormValues } from '../../views/staff/contact-form.tsx';
import { isChecked, isUuid, notFound } from './helpers.tsx';
import { staffShell } from './shell.ts';

export const contactRoutes = new Hono<AppEnv>();

const optionalText = (max: number) => v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(max, `Use at most ${max} characters.`));

const contactSchema = v.pipe(
  v.object({
    first_name: optionalText(100),
    last_name: optionalText(100),
    email: v.pipe(
      optionalText(254),
      v.toLowerCase(),
      v.check((value) => value === '' || v.is(v.pipe(v.string(), v.email()), value), 'Enter an e-mail address, like name@example.com.'),
    ),
    phone: v.pipe(optionalText(40), v.regex(/^[0-9+()\-./\s]*$/, 'Use digits, spaces and + ( ) - only.')),
    roles: optionalText(200),
  }),
  v.forward(
    v.check((x) => Boolean(x.first_name || x.last_name), 'Enter a first or last name.'),
    ['first_name'],
  ),
);

async function loadClient(c: Context<AppEnv>): Promise<Client | undefined> {
  const id = c.req.param('id');
  return isUuid(id) ? findClient(c.get('deps').db, c.get('firm').id, id) : undefined;
}

async function loadContact(c: Context<AppEnv>): Promise<{ client: Client; contact: Contact } | undefined> {
  const client = await loadClient(c);
  const contactId = c.req.param('contactId');
  if (!client || !isUuid(contactId)) return undefined;
  const contact = await findContact(c.get('deps').db, c.get('firm').id, client.id, contactId);
  return contact ? { client, contact } : undefined;
}

type Parsed = { ok: true; value: ContactInput } | { ok: false; errors: Record<string, string>; values: ContactFormValues };

/** Shape first, then the access rules: the client's portal must be on and an e-mail given. */
async function parseContact(c: Context<AppEnv>, client: Client, form: Record<string, string | string[]>, exceptId?: string): Promise<Parsed> {
  const access = isChecked(form, 'access_enabled');
  const parsed = parseWith(contactSchema, form);
  const values: ContactFormValues = { ...(parsed.ok ? parsed.value : parsed.input), access_enabled: access };
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
  const email = parsed.ok ? parsed.value.email : '';
  if (access && !errors.email) {
    if (!client.portal_enabled) errors.access_enabled = 'Access cannot be enabled while the client portal is off for this client. Turn it on first on the client page.';
    else if (client.archived_at) errors.access_enabled = 'Access cannot be enabled for an archived client.';
    else if (!email) errors.access_enabled = 'Enter an e-mail address to enable access: the contact logs in with it.';
  }
  if (email && !errors.email && (await emailUsedOnClient(c.get('deps').db, c.get('firm').id, client.id, email, exceptId))) {
    errors.email = 'Another contact of this client already has this e-mail address.';
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, value: { ...parsed.value, email: email || null, access_enabled: access } };
}

function form(c: Context<AppEnv>, client: Client, props: { mode: 'create' | 'edit'; action: string; values: ContactFormValues; errors?: Record<string, string> }, status: 200 | 422 = 200) {
  return renderPage(
    c,
    <ContactFormPage shell={staffShell(c, 'clients')} clientName={client.name} clientPortalOn={client.portal_enabled && !client.archived_at} cancelHref={`/staff/clients/${client.id}`} {...props} />,
    status,
  );
}

contactRoutes.get('/clients/:id/contacts/new', async (c) => {
  const client = await loadClient(c);
  if (!client) return notFound(c);
  return form(c, client, { mode: 'create', action: `/staff/clients/${client.id}/contacts/new`, values: { access_enabled: client.portal_enabled && !client.archived_at } });
});

contactRoutes.post('/clients/:id/contacts/new', async (c) => {
  const client = await loadClient(c);
  if (!client) return notFound(c);
  const parsed = await parseContact(c, client, await readForm(c));
  if (!parsed.ok) return form(c, client, { mode: 'create', action: `/staff/clients/${client.id}/contacts/new`, values: parsed.values, errors: parsed.errors }, 422);
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const contact = await createContact(trx, firm.id, client.id, parsed.value, now);
    await recordAudit(trx, firm.id, currentActor(c), { action: 'contact.created', subjectType: 'contact', subjectId: contact.id, detail: { clientId: client.id, accessEnabled: contact.access_enabled } }, now);
  });
  return redirectAfterPost(c, `/staff/clients/${client.id}?m=contact-added`);
});

contactRoutes.get('/clients/:id/contacts/:contactId/edit', async (c) => {
  const found = await loadContact(c);
  if (!found) return notFound(c);
  const { client, contact } = found;
  return form(c, client, { mode: 'edit', action: `/staff/clients/${client.id}/contacts/${contact.id}/edit`, values: { ...contact, email: contact.email ?? '' } });
});

contactRoutes.post('/clients/:id/contacts/:contactId/edit', async (c) => {
  const found = await loadContact(c);
  if (!found) return notFound(c);
  const { client, contact } = found;
  const parsed = await parseContact(c, client, await readForm(c), contact.id);
  if (!parsed.ok) return form(c, client, { mode: 'edit', action: `/staff/clients/${client.id}/contacts/${contact.id}/edit`, values: parsed.values, errors: parsed.errors }, 422);
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const now = clock.now();
  const emailChanged = (contact.email ?? null) !== parsed.value.email;
  const revoked = contact.access_enabled && !parsed.value.access_enabled;
  const ended = revoked || (emailChanged && contact.email !== null);
  await db.transaction().execute(async (trx) => {
    // An invite went to the old address: the new one has not had one.
    await updateContact(trx, firm.id, contact.id, emailChanged ? { ...parsed.value, invite_sent_at: null } : parsed.value);
    if (ended) await endContactAccess(trx, firm.id, contact.id, contact.email);
    const actor = currentActor(c);
    const subject = { subjectType: 'contact', subjectId: contact.id };
    await recordAudit(trx, firm.id, actor, { action: 'contact.updated', ...subject, detail: { clientId: client.id } }, now);
    if (emailChanged) await recordAudit(trx, firm.id, actor, { action: 'contact.email_changed', ...subject, detail: { from: contact.email, to: parsed.value.email } }, now);
    if (revoked) await recordAudit(trx, firm.id, actor, { action: 'contact.access_revoked', ...subject }, now);
    if (!contact.access_enabled && parsed.value.access_enabled) await recordAudit(trx, firm.id, actor, { action: 'contact.access_enabled', ...subject }, now);
  });
  return redirectAfterPost(c, `/staff/clients/${client.id}?m=${ended ? 'access-ended' : 'contact-saved'}`);
});

contactRoutes.get('/clients/:id/contacts/:contactId/delete', async (c) => {
  const found = await loadContact(c);
  if (!found) return notFound(c);
  const { client, contact } = found;
  const name = [contact.first_name, contact.last_name].filter(Boolean).join(' ') || contact.email || 'this contact';
  return renderPage(
    c,
    <ConfirmPage shell={staffShell(c, 'clients')} title={`Remove ${name}?`} action={`/staff/clients/${client.id}/contacts/${contact.id}/delete`} button="Remove contact" cancelHref={`/staff/clients/${client.id}`} danger>
      <p>
        {name} is removed from {client.name}. Their portal sessions and login links end at once.
      </p>
    </ConfirmPage>,
  );
});

contactRoutes.post('/clients/:id/contacts/:contactId/delete', async (c) => {
  const found = await loadContact(c);
  if (!found) return notFound(c);
  const { client, contact } = found;
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    await endContactAccess(trx, firm.id, contact.id, contact.email);
    await deleteContact(trx, firm.id, contact.id);
    await recordAudit(trx, firm.id, currentActor(c), { action: 'contact.deleted', subjectType: 'contact', subjectId: contact.id, detail: { clientId: client.id, email: contact.email } }, now);
  });
  return redirectAfterPost(c, `/staff/clients/${client.id}?m=contact-removed`);
});

/** Issues a portal link (superseding older ones) and queues the invite mail, in the caller's transaction. */
export async function sendPortalInvite(
  trx: Kysely<Database>,
  config: Config,
  firm: Pick<Firm, 'id' | 'slug' | 'default_language'>,
  email: string,
  sender: { name: string; email: string },
  now: Date,
): Promise<void> {
  const token = await issueMagicLink(trx, firm.id, 'portal', email, now);
  const language = (await trx.selectFrom('portal_users').select('language').where('email', '=', email).executeTakeFirst())?.language ?? firm.default_language;
  await enqueueMail(
    trx,
    { firmId: firm.id, template: 'portal-invite', to: email, payload: { url: `${firmOrigin(config, firm.slug)}/login/link?token=${token}`, language, senderName: sender.name, senderEmail: sender.email }, dueAt: now },
    now,
  );
}

contactRoutes.post('/clients/:id/contacts/:contactId/invite', async (c) => {
  const found = await loadContact(c);
  if (!found) return notFound(c);
  const { client, contact } = found;
  const firm = c.get('firm');
  const allowed = contact.access_enabled && contact.email && client.portal_enabled && !client.archived_at && firm.portal_active;
  if (!allowed) return redirectAfterPost(c, `/staff/clients/${client.id}?w=invite-blocked`);
  const { db, clock, config } = c.get('deps');
  const member = c.get('staff').member;
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const sender = { name: [member.first_name, member.last_name].filter(Boolean).join(' '), email: member.email };
    await sendPortalInvite(trx, config, firm, contact.email!, sender, now);
    await markInviteSent(trx, firm.id, [contact.id], now);
    await recordAudit(trx, firm.id, currentActor(c), { action: contact.invite_sent_at ? 'contact.invite_resent' : 'contact.invited', subjectType: 'contact', subjectId: contact.id }, now);
  });
  return redirectAfterPost(c, `/staff/clients/${client.id}?m=invited`);
});
