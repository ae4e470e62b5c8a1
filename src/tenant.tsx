// Firm resolution from the Host header: {slug}.{PORTAL_DOMAIN} is a firm, the bare domain the landing page.
import type { Context } from 'hono';
import type { AppEnv } from './app-env.ts';
import { firmOrigin } from './config.ts';
import { findFirmBySlug, findSlugRedirect } from './db/queries/firms.ts';
import { pickLanguage, translator } from './i18n/index.ts';
import { renderPage } from './render.tsx';
import { NotFoundPage, PortalUnavailablePage } from './views/pages/simple.tsx';
import type { MiddlewareHandler } from 'hono';

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

export const resolveTenant: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db, config, clock } = c.get('deps');
  const host = classifyHost(requestHostname(c), config.portalDomain);
  if (host.kind !== 'firm') return renderPage(c, <NotFoundPage />, 404);

  const firm = await findFirmBySlug(db, host.slug);
  if (!firm) {
    const newSlug = await findSlugRedirect(db, host.slug, clock.now());
    if (newSlug) {
      const url = new URL(c.req.url);
      return c.redirect(`${firmOrigin(config, newSlug)}${url.pathname}${url.search}`, 301);
    }
    return renderPage(c, <NotFoundPage />, 404);
  }
  c.set('firm', firm);
  const language = pickLanguage(c.req.query('lang'), firm.default_language);
  c.set('language', language);
  c.set('t', translator(language));

  // Staff keep their screens while the client portal is switched off; clients see a neutral page.
  if (!firm.portal_active && !c.req.path.startsWith('/staff') && c.req.path !== '/brand.css' && !c.req.path.startsWith('/brand/')) {
    return renderPage(c, <PortalUnavailablePage />, 404);
  }
  await next();
};
