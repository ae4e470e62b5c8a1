// Issuing and checking magic links, for clients (7 days) and staff (1 hour).
import type { Kysely } from 'kysely';
import { DAY, HOUR } from '../clock.ts';
import type { Database, SessionKind } from '../db/database.ts';
import { findMagicLink, insertMagicLink } from '../db/queries/magic-links.ts';
import { generateLinkToken, hashToken } from './tokens.ts';

export const linkLifetime: Record<SessionKind, number> = { portal: 7 * DAY, staff: HOUR };

export async function issueMagicLink(db: Kysely<Database>, firmId: string, kind: SessionKind, email: string, now: Date): Promise<string> {
  const token = generateLinkToken();
  await insertMagicLink(db, { firmId, kind, email, tokenHash: hashToken(token), now, expiresAt: new Date(now.getTime() + linkLifetime[kind]) });
  return token;
}

export type LinkCheck =
  | { status: 'valid'; email: string; linkId: string }
  | { status: 'invalid' | 'expired' | 'superseded' | 'revoked'; email?: string };

export async function checkMagicLink(db: Kysely<Database>, firmId: string, kind: SessionKind, token: string | undefined, now: Date): Promise<LinkCheck> {
  if (!token || token.length < 40 || token.length > 60 || !/^[A-Za-z0-9_-]+$/.test(token)) return { status: 'invalid' };
  const link = await findMagicLink(db, firmId, kind, hashToken(token));
  if (!link) return { status: 'invalid' };
  if (link.state === 'revoked') return { status: 'revoked', email: link.email };
  if (link.state === 'superseded') return { status: 'superseded', email: link.email };
  if (link.expires_at.getTime() <= now.getTime()) return { status: 'expired', email: link.email };
  return { status: 'valid', email: link.email, linkId: link.id };
}
