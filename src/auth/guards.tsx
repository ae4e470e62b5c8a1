// Route guards: a portal page needs a live portal session whose contact still has access;
// a staff page needs a staff session of an active member of this firm.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, PortalPrincipal, StaffScope } from '../app-env.ts';
import { deleteSession } from '../db/queries/sessions.ts';
import type { Db } from '../db/connect.ts';
import { findPortalSession, type PortalPageLoader, type PortalSessionRow } from '../db/queries/portal-access.ts';
import { findStaffSession } from '../db/queries/staff-access.ts';
import { pickLanguage, translator } from '../i18n/index.ts';
import { isHtmx, renderPage } from '../render.tsx';
import { ensureCurrentFirm } from '../tenant.tsx';
import { ForbiddenPage } from '../views/pages/simple.tsx';
import { clearSessionCookie, readSessionCookie, setSessionCookie, validateSessionToken } from './session.ts';

function redirectTo(c: Context<AppEnv>, location: string): Response {
  if (isHtmx(c)) {
    c.header('HX-Redirect', location);
    return c.body(null, 401);
  }
  return c.redirect(location, 303);
}

/** A session that checked out: its cookie re-set when it was extended, and the firm made current (or a stop). */
function acceptSession(c: Context<AppEnv>, kind: 'portal' | 'staff', token: string, row: { extended: boolean; expires_at: Date; firm_version: number }): Promise<Response | undefined> {
  if (row.extended) setSessionCookie(c, kind, token, row.expires_at);
  return ensureCurrentFirm(c, row.firm_version);
}

type PortalLoader = (c: Context<AppEnv>) => (db: Db, firmId: string, sessionId: string) => Promise<PortalSessionRow | undefined>;

function portalGuard(loader: PortalLoader, keep?: (c: Context<AppEnv>, row: PortalSessionRow) => void): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db, clock } = c.get('deps');
    const firm = c.get('firm');
    const token = readSessionCookie(c, 'portal');
    // A shared portal address with ?lang= (Copy URL in the staff settings) keeps its language on the way to the login page.
    const lang = c.req.query('lang');
    const loginPath = lang && /^[a-z]{2}$/.test(lang) ? `/login?lang=${lang}` : '/login';
    if (!token) return redirectTo(c, loginPath);
    const row = await validateSessionToken(db, firm.id, 'portal', token, clock.now(), loader(c));
    if (!row) {
      clearSessionCookie(c, 'portal');
      return (await ensureCurrentFirm(c)) ?? redirectTo(c, loginPath);
    }
    if (!row.client_id || !row.contact_id) {
      // The contact lost access (revoked, email changed, client portal off) since the last request.
      await deleteSession(db, firm.id, row.id);
      clearSessionCookie(c, 'portal');
      return redirectTo(c, '/login?m=revoked');
    }
    const stop = await acceptSession(c, 'portal', token, row);
    if (stop) return stop;
    c.set('portal', {
      sessionId: row.id,
      scope: { firmId: firm.id, clientId: row.client_id, contactId: row.contact_id },
      user: {
        id: row.user_id,
        email: row.user_email,
        first_name: row.user_first_name,
        last_name: row.user_last_name,
        phone: row.user_phone,
        language: row.user_language,
        timezone: row.user_timezone,
        regional_format: row.user_regional_format,
        notify_timing: row.user_notify_timing,
        created_at: row.user_created_at,
      },
      contact: {
        id: row.contact_id,
        first_name: row.contact_first_name ?? '',
        last_name: row.contact_last_name ?? '',
        first_login_at: row.contact_first_login_at,
        welcome_seen_at: row.contact_welcome_seen_at,
      },
      clientName: row.client_name ?? '',
      companies: row.companies as PortalPrincipal['companies'],
    });
    const language = pickLanguage(c.req.query('lang'), row.user_language, c.get('firm').default_language);
    c.set('language', language);
    c.set('t', translator(language));
    c.header('Cache-Control', 'private, no-cache');
    c.header('Vary', 'Cookie, HX-Request');
    keep?.(c, row);
    await next();
  };
}

/** A portal page: a live session whose contact still has access, loaded with its person in one query. */
export const requirePortal = portalGuard(() => findPortalSession);

/**
 * A portal page whose own data comes in the guard's statement (see portalPage): use `guard` on the route and read
 * the data with `data(c)`, kept only once the session checked out. A loader of undefined (the address cannot name
 * any data, say a malformed id) loads the session alone, and `data(c)` is undefined.
 */
export function portalPageGuard<R>(loader: (c: Context<AppEnv>) => PortalPageLoader<R> | undefined): { guard: MiddlewareHandler<AppEnv>; data: (c: Context<AppEnv>) => R | undefined } {
  return {
    guard: portalGuard(
      (c) => loader(c) ?? findPortalSession,
      (c, row) => c.set('page', (row as PortalSessionRow & { page?: R }).page),
    ),
    data: (c) => c.get('page') as R | undefined,
  };
}

export const requireStaff: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const token = readSessionCookie(c, 'staff');
  if (!token) return redirectTo(c, '/staff/login');
  const row = await validateSessionToken(db, firm.id, 'staff', token, clock.now(), findStaffSession);
  if (!row || !row.member_active) {
    if (row) await deleteSession(db, firm.id, row.id);
    clearSessionCookie(c, 'staff');
    return redirectTo(c, '/staff/login');
  }
  const stop = await acceptSession(c, 'staff', token, row);
  if (stop) return stop;
  c.set('staff', {
    sessionId: row.id,
    scope: { firmId: firm.id, memberId: row.member_id, role: row.member_role },
    member: {
      firm_id: firm.id,
      id: row.member_id,
      email: row.member_email,
      first_name: row.member_first_name,
      last_name: row.member_last_name,
      role: row.member_role,
      active: row.member_active,
      created_at: row.member_created_at,
    },
  });
  c.header('Cache-Control', 'private, no-cache');
  c.header('Vary', 'Cookie, HX-Request');
  await next();
};

/** Owners and admins only (company settings, team); members get a 403 page. */
export function requireRole(...roles: StaffScope['role'][]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!roles.includes(c.get('staff').scope.role)) {
      return renderPage(c, <ForbiddenPage message="Only the firm's owner and admins can open this page." />, 403);
    }
    await next();
  };
}
