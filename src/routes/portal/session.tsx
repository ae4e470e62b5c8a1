// Log out everywhere, switch company (same firm in place; another firm through a handoff token).
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { firmOrigin } from '../../config.ts';
import { requirePortal } from '../../auth/guards.tsx';
import { currentActor, requestActor } from '../../auth/request-info.ts';
import { clearSessionCookie, createSession, readSessionCookie, setSessionCookie } from '../../auth/session.ts';
import { generateLinkToken, hashToken } from '../../auth/tokens.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { consumeHandoffToken, handoffTokenExists, insertHandoffToken } from '../../db/queries/handoff.ts';
import { listAccessibleContacts, rememberLastContact } from '../../db/queries/portal-access.ts';
import { arriveAsContact } from './first-login.ts';
import { deletePersonSessions, deleteSession, setSessionContact } from '../../db/queries/sessions.ts';
import { renderPage } from '../../render.tsx';
import { readForm } from '../../validation.ts';
import { BadLinkPage, ConfirmLinkPage } from '../../views/portal/login.tsx';
import { NotFoundPage } from '../../views/pages/simple.tsx';
import { anonymousShell } from './shell.ts';

export const sessionRoutes = new Hono<AppEnv>();

const HANDOFF_LIFETIME_MS = 60_000;

sessionRoutes.post('/logout', async (c) => {
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const token = readSessionCookie(c, 'portal');
  clearSessionCookie(c, 'portal');
  if (token) {
    const row = await db.selectFrom('sessions').select(['portal_user_id']).where('firm_id', '=', firm.id).where('id', '=', token.split('.')[0]).executeTakeFirst();
    if (row?.portal_user_id) {
      const userId = row.portal_user_id;
      await db.transaction().execute(async (trx) => {
        await deletePersonSessions(trx, userId);
        await recordAudit(trx, firm.id, requestActor(c, { type: 'portal', id: userId }), { action: 'logout' }, clock.now());
      });
    }
  }
  return c.redirect('/login?m=signed-out', 303);
});

sessionRoutes.post('/switch', requirePortal, async (c) => {
  const { db, clock, config } = c.get('deps');
  const firm = c.get('firm');
  const portal = c.get('portal');
  const now = clock.now();
  const form = await readForm(c);
  const pair = portal.companies.find((p) => p.firmSlug === form.firm && p.contactId === form.contact);
  if (!pair) return renderPage(c, <NotFoundPage />, 404);
  const detail = { toFirm: pair.firmSlug, toContact: pair.contactId, toClient: pair.clientName };
  if (pair.firmId === firm.id) {
    await db.transaction().execute(async (trx) => {
      const target = (await listAccessibleContacts(trx, firm.id, portal.user.email)).find((x) => x.contactId === pair.contactId);
      if (target) await arriveAsContact(trx, { firmId: firm.id, clientId: target.clientId, contactId: target.contactId }, portal.user.language, now);
      await setSessionContact(trx, firm.id, portal.sessionId, pair.contactId);
      await rememberLastContact(trx, firm.id, portal.user.id, pair.contactId, now);
      await recordAudit(trx, firm.id, currentActor(c), { action: 'portal.switched', subjectType: 'contact', subjectId: pair.contactId, detail }, now);
    });
    return c.redirect('/', 303);
  }
  const token = generateLinkToken();
  await db.transaction().execute(async (trx) => {
    await insertHandoffToken(trx, { firmId: pair.firmId, tokenHash: hashToken(token), portalUserId: portal.user.id, contactId: pair.contactId, expiresAt: new Date(now.getTime() + HANDOFF_LIFETIME_MS) });
    await recordAudit(trx, firm.id, currentActor(c), { action: 'portal.switched', detail }, now);
  });
  return c.redirect(`${firmOrigin(config, pair.firmSlug)}/switch/handoff?token=${token}`, 303);
});

sessionRoutes.get('/switch/handoff', async (c) => {
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const t = c.get('t');
  const token = c.req.query('token') ?? '';
  c.header('Cache-Control', 'no-store');
  const live = token && (await handoffTokenExists(db, firm.id, hashToken(token), clock.now()));
  if (!live) return renderPage(c, <BadLinkPage shell={anonymousShell(c)} reason="expired" />, 410);
  return renderPage(
    c,
    <ConfirmLinkPage
      shell={anonymousShell(c)}
      token={token}
      action="/switch/handoff"
      heading={t('switch.continue', { trademark: firm.trademark })}
      hint={t('link.continueHint')}
      button={t('switch.continue', { trademark: firm.trademark })}
    />,
  );
});

sessionRoutes.post('/switch/handoff', async (c) => {
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const now = clock.now();
  const form = await readForm(c);
  const token = typeof form.token === 'string' ? form.token : '';
  const previous = readSessionCookie(c, 'portal');
  const session = await db.transaction().execute(async (trx) => {
    const handoff = token ? await consumeHandoffToken(trx, firm.id, hashToken(token), now) : undefined;
    if (!handoff) return undefined;
    const user = await trx.selectFrom('portal_users').selectAll().where('id', '=', handoff.portal_user_id).executeTakeFirstOrThrow();
    const allowed = (await listAccessibleContacts(trx, firm.id, user.email)).find((x) => x.contactId === handoff.contact_id);
    if (!allowed) return undefined;
    await arriveAsContact(trx, { firmId: firm.id, clientId: allowed.clientId, contactId: allowed.contactId }, user.language, now);
    if (previous) await deleteSession(trx, firm.id, previous.split('.')[0]);
    const created = await createSession(trx, { firmId: firm.id, kind: 'portal', portalUserId: user.id, contactId: handoff.contact_id }, now);
    await rememberLastContact(trx, firm.id, user.id, handoff.contact_id, now);
    await recordAudit(trx, firm.id, requestActor(c, { type: 'portal', id: user.id, email: user.email }), { action: 'login.signed_in', detail: { via: 'switch' } }, now);
    return created;
  });
  if (!session) return renderPage(c, <BadLinkPage shell={anonymousShell(c)} reason="expired" />, 410);
  setSessionCookie(c, 'portal', session.token, session.expiresAt);
  return c.redirect('/', 303);
});
