// Sessions after Lucia's design: the cookie holds "id.secret"; only SHA-256(secret) is stored,
// compared in constant time; expiry slides forward while the session is used.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { AppEnv } from '../app-env.ts';
import { DAY } from '../clock.ts';
import type { Database, SessionKind } from '../db/database.ts';
import { deleteSession, extendSession, findSessionRow, insertSession } from '../db/queries/sessions.ts';
import { generateSecureRandomString, hashToken, hashesEqual } from './tokens.ts';

export const sessionDuration: Record<SessionKind, number> = { portal: 30 * DAY, staff: 14 * DAY };

export interface SessionOwner {
  firmId: string;
  kind: SessionKind;
  portalUserId?: string;
  contactId?: string;
  staffMemberId?: string;
}

export async function createSession(db: Kysely<Database>, owner: SessionOwner, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const id = generateSecureRandomString();
  const secret = generateSecureRandomString();
  const expiresAt = new Date(now.getTime() + sessionDuration[owner.kind]);
  await insertSession(db, { ...owner, id, secretHash: hashToken(secret), now, expiresAt });
  return { token: `${id}.${secret}`, expiresAt };
}

interface SessionFields {
  id: string;
  kind: SessionKind;
  secret_hash: Uint8Array;
  expires_at: Date;
}

/**
 * The session this token proves, extended when past half its life; undefined when unknown, wrong or expired.
 * `load` may fetch more than the session row (the portal guard loads its principal in the same query).
 */
export async function validateSessionToken<Row extends SessionFields = SessionFields>(
  db: Kysely<Database>,
  firmId: string,
  kind: SessionKind,
  token: string,
  now: Date,
  load: (db: Kysely<Database>, firmId: string, id: string) => Promise<Row | undefined> = findSessionRow as never,
): Promise<(Row & { extended: boolean }) | undefined> {
  const [id, secret, extra] = token.split('.');
  if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return undefined;
  const row = await load(db, firmId, id);
  if (!row || row.kind !== kind) return undefined;
  if (!hashesEqual(hashToken(secret), new Uint8Array(row.secret_hash))) return undefined;
  if (row.expires_at.getTime() <= now.getTime()) {
    await deleteSession(db, firmId, id);
    return undefined;
  }
  const duration = sessionDuration[kind];
  if (row.expires_at.getTime() - now.getTime() < duration / 2) {
    const expiresAt = new Date(now.getTime() + duration);
    await extendSession(db, firmId, id, expiresAt);
    return { ...row, expires_at: expiresAt, extended: true };
  }
  return { ...row, extended: false };
}

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-portico_session' : 'portico_session';
}

// Portal and staff sessions share the host, so they use two cookies.
function cookieName(c: Context<AppEnv>, kind: SessionKind): string {
  const base = sessionCookieName(c.get('deps').config.cookieSecure);
  return kind === 'portal' ? base : `${base}_staff`;
}

export function setSessionCookie(c: Context<AppEnv>, kind: SessionKind, token: string, expiresAt: Date): void {
  setCookie(c, cookieName(c, kind), token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: c.get('deps').config.cookieSecure,
    expires: expiresAt,
  });
}

export function readSessionCookie(c: Context<AppEnv>, kind: SessionKind): string | undefined {
  return getCookie(c, cookieName(c, kind));
}

/** Whether the request carries a session cookie of this kind (valid or not: the guard decides). */
export function hasSessionCookie(c: Context<AppEnv>, kind: SessionKind): boolean {
  return readSessionCookie(c, kind) !== undefined;
}

export function clearSessionCookie(c: Context<AppEnv>, kind: SessionKind): void {
  deleteCookie(c, cookieName(c, kind), { path: '/', secure: c.get('deps').config.cookieSecure });
}
