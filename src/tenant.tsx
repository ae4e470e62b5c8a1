// Firm resolution from the Host header: {slug}.{PORTAL_DOMAIN} is a firm, the bare domain the landing page.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from './app-env.ts';
import { hasSessionCookie } from './auth/session.ts';
import { firmOrigin } from './config.ts';
import type { Firm } from './db/database.ts';
import { findFirmById, findFirmBySlug, findSlugRedirect } from './db/queries/firms.ts';
import { FirmCache } from './firm-cache.ts';
import { pickLanguage, translator } from './i18n/index.ts';
import { renderPage } from './render.tsx';
import { NotFoundPage, PortalUnavailablePage } from './views/pages/simple.tsx';

export type HostKind = { kind: 'root' } | { kind: 'firm'; slug: string } | { kind: 'unknown' };

/** The host name without port, lower-cased. */
export function requestHostname(c: Context): string {
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  return host.replace(/:\d+$/, '').toLowerCase();
}

export function classifyHost(hostname: string, portalDomain: string): HostKind {
  if (hostname === portalDomain) return { kind: 'root' };
  const suffix = `.${portalDomain}`;
  if (!hostname.endsWith(suffix)) return { kind: 'unknown' };
  const slug = hostname.slice(0, -suffix.length);
  if (!/^[a-z0-9-]+$/.test(slug)) return { kind: 'unknown' };
  return { kind: 'firm', slug };
}

// One cache per app (per set of dependencies), so tests with their own databases never share firms.
const caches = new WeakMap<Deps, FirmCache>();

function firmCache(c: Context<AppEnv>): FirmCache {
  const deps = c.get('deps');
  let cache = caches.get(deps);
  if (!cache) caches.set(deps, (cache = new FirmCache()));
  return cache;
}

/** Puts the firm on the request; a response when this host or this firm's state says the request stops here. */
function useFirm(c: Context<AppEnv>, firm: Firm, slug: string): Response | Promise<Response> | undefined {
  const { config } = c.get('deps');
  // Only a cached firm can disagree with its host: it was renamed since, so the host is now an old slug.
  if (firm.slug !== slug) {
    const url = new URL(c.req.url);
    return c.redirect(`${firmOrigin(config, firm.slug)}${url.pathname}${url.search}`, 301);
  }
  c.set('firm', firm);
  const language = pickLanguage(c.req.query('lang'), firm.default_language);
  c.set('language', language);
  c.set('t', translator(language));
  // Staff keep their screens while the client portal is switched off; clients see a neutral page.
  if (!firm.portal_active && !c.req.path.startsWith('/staff') && c.req.path !== '/brand.css' && !c.req.path.startsWith('/brand/')) {
    return renderPage(c, <PortalUnavailablePage />, 404);
  }
  return undefined;
}

export const resolveTenant: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db, config, clock } = c.get('deps');
  const host = classifyHost(requestHostname(c), config.portalDomain);
  if (host.kind !== 'firm') return renderPage(c, <NotFoundPage />, 404);

  const cache = firmCache(c);
  const now = clock.now();
  // A session cookie means a guard will check the firm's version; without one, read the firm fresh.
  let firm = hasSessionCookie(c, c.req.path.startsWith('/staff') ? 'staff' : 'portal') ? cache.get(host.slug, now.getTime()) : undefined;
  if (firm) servedFromCache.add(c);
  else {
    firm = await findFirmBySlug(db, host.slug);
    if (firm) cache.set(firm, now.getTime());
  }
  if (!firm) {
    const newSlug = await findSlugRedirect(db, host.slug, now);
    if (newSlug) {
      const url = new URL(c.req.url);
      return c.redirect(`${firmOrigin(config, newSlug)}${url.pathname}${url.search}`, 301);
    }
    return renderPage(c, <NotFoundPage />, 404);
  }
  const stop = useFirm(c, firm, host.slug);
  if (stop) return stop;
  await next();
};

const servedFromCache = new WeakSet<Context>();

/**
 * For the guards, with the firm version their session query saw (none when there was no session): a firm that
 * changed since it was cached is read again and the request goes on with it, or stops as resolveTenant would have
 * stopped it (a portal switched off ends its sessions, so "no session" must not hide "portal not available").
 */
export async function ensureCurrentFirm(c: Context<AppEnv>, version?: number): Promise<Response | undefined> {
  const cached = c.get('firm');
  if (!servedFromCache.has(c) || cached.version === version) return undefined;
  const { db, clock } = c.get('deps');
  const firm = await findFirmById(db, cached.id);
  if (!firm) return renderPage(c, <NotFoundPage />, 404);
  firmCache(c).set(firm, clock.now().getTime());
  return useFirm(c, firm, cached.slug);
}
