// Client sign-in: ask for a link, confirm a link, sign in.
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../../app-env.ts';
import { firmOrigin } from '../../config.ts';
import { HOUR } from '../../clock.ts';
import { checkMagicLink, issueMagicLink } from '../../auth/magic-link.ts';
import { clientIp, requestActor } from '../../auth/request-info.ts';
import { createSession, readSessionCookie, setSessionCookie } from '../../auth/session.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { markMagicLinkUsed } from '../../db/queries/magic-links.ts';
import { enqueueMail } from '../../db/queries/outbox.ts';
import { ensurePortalUser, findLastContact, listAccessibleContacts, rememberLastContact } from '../../db/queries/portal-access.ts';
import { deleteSession } from '../../db/queries/sessions.ts';
import { hitRateLimit } from '../../db/queries/rate-limits.ts';
import { renderPage } from '../../render.tsx';
import { isLanguage } from '../../i18n/index.ts';
import { emailField, parseWith, readForm } from '../../validation.ts';
import { BadLinkPage, ConfirmLinkPage, LoginPage, type LoginNotice } from '../../views/portal/login.tsx';
import { anonymousShell } from './shell.ts';
import { arriveAsContact } from './first-login.ts';

export const loginRoutes = new Hono<AppEnv>();

export const LIMIT_PER_EMAIL = 5;
export const LIMIT_PER_IP = 30;

const notices: Record<string, LoginNotice> = { revoked: 'revoked', 'signed-out': 'signed-out' };

/** Keeps an explicitly chosen ?lang= on the next step (form action, mailed link). */
function withLanguage(c: Context<AppEnv>, path: string): string {
  if (!isLanguage(c.req.query('lang'))) return path;
  return `${path}${path.includes('?') ? '&' : '?'}lang=${c.get('language')}`;
}

loginRoutes.get('/login', (c) => {
  const firm = c.get('firm');
  return renderPage(c, <LoginPage shell={anonymousShell(c)} branding={firm} notice={notices[c.req.query('m') ?? '']} action={withLanguage(c, '/login')} />);
});

loginRoutes.post('/login', async (c) => {
  const { db, clock, config } = c.get('deps');
  const firm = c.get('firm');
  const t = c.get('t');
  const now = clock.now();
  const form = await readForm(c);
  const parsed = parseWith(v.object({ email: emailField(t('login.emailInvalid')) }), form);
  if (!parsed.ok) {
    return renderPage(c, <LoginPage shell={anonymousShell(c)} branding={firm} email={parsed.input.email} error={parsed.errors.email} action={withLanguage(c, '/login')} />, 422);
  }
  const email = parsed.value.email;
  const actor = requestActor(c, { type: 'anonymous', email });
  const ipAllowed = await hitRateLimit(db, `portal-login-ip:${clientIp(c)}`, LIMIT_PER_IP, HOUR, now);
  const emailAllowed = await hitRateLimit(db, `portal-login-email:${email}`, LIMIT_PER_EMAIL, HOUR, now);
  if (!ipAllowed || !emailAllowed) {
    await recordAudit(db, firm.id, actor, { action: 'login.rate_limited', detail: { by: ipAllowed ? 'email' : 'ip' } }, now);
    return renderPage(c, <LoginPage shell={anonymousShell(c)} branding={firm} email={email} notice="rate-limited" action={withLanguage(c, '/login')} />, 429);
  }
  await db.transaction().execute(async (trx) => {
    const contacts = await listAccessibleContacts(trx, firm.id, email);
    if (contacts.length === 0) {
      await recordAudit(trx, firm.id, actor, { action: 'login.link_refused', detail: { reason: 'no access' } }, now);
      return;
    }
    const token = await issueMagicLink(trx, firm.id, 'portal', email, now);
    const language = c.get('language');
    await enqueueMail(
      trx,
      {
        firmId: firm.id,
        template: 'portal-login',
        to: email,
        payload: { url: `${firmOrigin(config, firm.slug)}${withLanguage(c, `/login/link?token=${token}`)}`, language, firstName: contacts[0].firstName },
        dueAt: now,
      },
      now,
    );
    await recordAudit(trx, firm.id, actor, { action: 'login.link_requested' }, now);
  });
  return renderPage(c, <LoginPage shell={anonymousShell(c)} branding={firm} notice="sent" action={withLanguage(c, '/login')} />);
});

async function checkPortalLink(c: Context<AppEnv>, token: string | undefined) {
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const check = await checkMagicLink(db, firm.id, 'portal', token, clock.now());
  if (check.status !== 'valid') return { check, contacts: [] };
  const contacts = await listAccessibleContacts(db, firm.id, check.email);
  // A link whose address no longer has access is as good as revoked.
  if (contacts.length === 0) return { check: { status: 'revoked' as const, email: check.email }, contacts };
  return { check, contacts };
}

loginRoutes.get('/login/link', async (c) => {
  const firm = c.get('firm');
  const t = c.get('t');
  const token = c.req.query('token');
  const { check } = await checkPortalLink(c, token);
  c.header('Cache-Control', 'no-store');
  if (check.status !== 'valid') return renderPage(c, <BadLinkPage shell={anonymousShell(c)} reason={check.status} email={check.email} action={withLanguage(c, '/login')} />, 410);
  return renderPage(
    c,
    <ConfirmLinkPage
      shell={anonymousShell(c)}
      token={token!}
      action={withLanguage(c, '/login/link')}
      heading={t('link.continueTitle', { trademark: firm.trademark })}
      hint={t('link.continueHint')}
      button={t('link.continue', { trademark: firm.trademark })}
    />,
  );
});

loginRoutes.post('/login/link', async (c) => {
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const now = clock.now();
  const form = await readForm(c);
  const token = typeof form.token === 'string' ? form.token : undefined;
  const { check, contacts } = await checkPortalLink(c, token);
  if (check.status !== 'valid') {
    await recordAudit(db, firm.id, requestActor(c, { type: 'anonymous', email: check.email }), { action: 'login.failed', detail: { reason: check.status } }, now);
    return renderPage(c, <BadLinkPage shell={anonymousShell(c)} reason={check.status} email={check.email} action={withLanguage(c, '/login')} />, 410);
  }
  const previous = readSessionCookie(c, 'portal');
  const session = await db.transaction().execute(async (trx) => {
    if (previous) await deleteSession(trx, firm.id, previous.split('.')[0]);
    const first = contacts[0];
    const user = await ensurePortalUser(trx, check.email, { firstName: first.firstName, lastName: first.lastName, language: c.get('language') }, now);
    const last = await findLastContact(trx, firm.id, user.id);
    const contact = contacts.find((x) => x.contactId === last) ?? first;
    const created = await createSession(trx, { firmId: firm.id, kind: 'portal', portalUserId: user.id, contactId: contact.contactId }, now);
    await markMagicLinkUsed(trx, firm.id, check.linkId, now);
    await rememberLastContact(trx, firm.id, user.id, contact.contactId, now);
    await arriveAsContact(trx, { firmId: firm.id, clientId: contact.clientId, contactId: contact.contactId }, user.language, now);
    await recordAudit(trx, firm.id, requestActor(c, { type: 'portal', id: user.id, email: user.email }), { action: 'login.signed_in', subjectType: 'contact', subjectId: contact.contactId }, now);
    return created;
  });
  setSessionCookie(c, 'portal', session.token, session.expiresAt);
  return c.redirect('/', 303);
});
