// Who is asking, for audit events and rate limits: IP and browser.
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { AuditActor } from '../db/queries/audit.ts';

export function clientIp(c: Context<AppEnv>): string {
  if (c.get('deps').config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? c.req.header('x-test-ip') ?? '127.0.0.1';
}

export function requestActor(c: Context<AppEnv>, actor: Omit<AuditActor, 'ip' | 'userAgent'>): AuditActor {
  return { ...actor, ip: clientIp(c), userAgent: c.req.header('user-agent') ?? null };
}

/** The audit actor for the signed-in portal user or staff member of this request. */
export function currentActor(c: Context<AppEnv>): AuditActor {
  const portal = c.get('portal');
  if (portal) return requestActor(c, { type: 'portal', id: portal.user.id, email: portal.user.email });
  const staff = c.get('staff');
  if (staff) return requestActor(c, { type: 'staff', id: staff.member.id, email: staff.member.email });
  return requestActor(c, { type: 'anonymous' });
}
