// Staff sign-in at /staff/login: magic links valid for 1 hour, sessions for 14 days.
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../../app-env.ts';
import { HOUR } from '../../clock.ts';
import { firmOrigin } from '../../config.ts';
import { checkMagicLink, issueMagicLink } from '../../auth/magic-link.ts';
import { clientIp, requestActor } from '../../auth/request-info.ts';
import { clearSessionCookie, createSession, readSessionCookie, setSessionCookie } from '../../auth/session.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { markMagicLinkUsed } from '../../db/queries/magic-links.ts';
import { enqueueMail } from '../../db/queries/outbox.ts';
import { hitRateLimit } from '../../db/queries/rate-limits.ts';
import { deleteSession } from '../../db/queries/sessions.ts';
import { findActiveStaffByEmail } from '../../db/queries/staff-access.ts';
import { renderPage } from '../../render.tsx';
import { emailField, parseWith, readForm } from '../../validation.ts';
import { StaffBadLinkPage, StaffConfirmPage, StaffLoginPage } from '../../views/staff/login.tsx';
import { LIMIT_PER_EMAIL, LIMIT_PER_IP } from '../portal/login.tsx';
import { staffShell } from './shell.ts';

export const staffLoginRoutes = new Hono<AppEnv>();

staffLoginRoutes.get('/login', (c) => renderPage(c, <StaffLoginPage shell={staffShell(c)} notice={c.req.query('m') === 'signed-out' ? 'signed-out' : undefined} />));

staffLoginRoutes.post('/login', async (c) => {
  const { db, clock, config } = c.get('deps');
  const firm = c.get('firm');
  const now = clock.now();
  const parsed = parseWith(v.object({ email: emailField('Enter an e-mail address, like name@example.com') }), await readForm(c));
  if (!parsed.ok) return renderPage(c, <StaffLoginPage shell={staffShell(c)} email={parsed.input.email} error={parsed.errors.email} />, 422);
  const email = parsed.value.email;
  const actor = requestActor(c, { type: 'anonymous', email });
  const ipAllowed = await hitRateLimit(db, `staff-login-ip:${clientIp(c)}`, LIMIT_PER_IP, HOUR, now);
  const emailAllowed = await hitRateLimit(db, `staff-login-email:${email}`, LIMIT_PER_EMAIL, HOUR, now);
  if (!ipAllowed || !emailAllowed) {
    await recordAudit(db, firm.id, actor, { action: 'staff_login.rate_limited' }, now);
    return renderPage(c, <StaffLoginPage shell={staffShell(c)} email={email} notice="rate-limited" />, 429);
  }
  await db.transaction().execute(async (trx) => {
    const member = await findActiveStaffByEmail(trx, firm.id, email);
    if (!member) {
      await recordAudit(trx, firm.id, actor, { action: 'staff_login.link_refused' }, now);
      return;
    }
    const token = await issueMagicLink(trx, firm.id, 'staff', email, now);
    await enqueueMail(trx, { firmId: firm.id, template: 'staff-login', to: email, payload: { url: `${firmOrigin(config, firm.slug)}/staff/login/link?token=${token}`, language: 'en' }, dueAt: now }, now);
    await recordAudit(trx, firm.id, { ...actor, type: 'staff', id: member.id }, { action: 'staff_login.link_requested' }, now);
  });
  return renderPage(c, <StaffLoginPage shell={staffShell(c)} notice="sent" />);
});

async function checkStaffLink(c: Context<AppEnv>, token: string | undefined) {
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const check = await checkMagicLink(db, firm.id, 'staff', token, clock.now());
  if (check.status !== 'valid') return { check, member: undefined };
  const member = await findActiveStaffByEmail(db, firm.id, check.email);
  if (!member) return { check: { status: 'revoked' as const }, member };
  return { check, member };
}

staffLoginRoutes.get('/login/link', async (c) => {
  const token = c.req.query('token');
  const { check } = await checkStaffLink(c, token);
  c.header('Cache-Control', 'no-store');
  if (check.status !== 'valid') return renderPage(c, <StaffBadLinkPage shell={staffShell(c)} reason={check.status} />, 410);
  return renderPage(c, <StaffConfirmPage shell={staffShell(c)} token={token!} />);
});

staffLoginRoutes.post('/login/link', async (c) => {
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const now = clock.now();
  const form = await readForm(c);
  const { check, member } = await checkStaffLink(c, typeof form.token === 'string' ? form.token : undefined);
  if (check.status !== 'valid' || !member) return renderPage(c, <StaffBadLinkPage shell={staffShell(c)} reason={check.status === 'valid' ? 'revoked' : check.status} />, 410);
  const previous = readSessionCookie(c, 'staff');
  const session = await db.transaction().execute(async (trx) => {
    if (previous) await deleteSession(trx, firm.id, previous.split('.')[0]);
    const created = await createSession(trx, { firmId: firm.id, kind: 'staff', staffMemberId: member.id }, now);
    await markMagicLinkUsed(trx, firm.id, check.linkId, now);
    await recordAudit(trx, firm.id, requestActor(c, { type: 'staff', id: member.id, email: member.email }), { action: 'staff_login.signed_in' }, now);
    return created;
  });
  setSessionCookie(c, 'staff', session.token, session.expiresAt);
  return c.redirect('/staff', 303);
});

staffLoginRoutes.post('/logout', async (c) => {
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const token = readSessionCookie(c, 'staff');
  clearSessionCookie(c, 'staff');
  if (token) {
    await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('sessions').select('staff_member_id').where('firm_id', '=', firm.id).where('id', '=', token.split('.')[0]).executeTakeFirst();
      await deleteSession(trx, firm.id, token.split('.')[0]);
      if (row?.staff_member_id) await recordAudit(trx, firm.id, requestActor(c, { type: 'staff', id: row.staff_member_id }), { action: 'staff_logout' }, clock.now());
    });
  }
  return c.redirect('/staff/login?m=signed-out', 303);
});
