// CSRF: a state-changing request must come from a page of the same origin.
// Like hono/csrf (Origin or Sec-Fetch-Site), plus a Referer fallback when a browser sends neither,
// which text browsers such as w3m and lynx do; a modern browser always sends Origin on a cross-site POST.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function expectedOrigin(scheme: string, hostHeader: string | undefined): string | undefined {
  return hostHeader ? `${scheme}://${hostHeader.toLowerCase()}` : undefined;
}

export const csrfOriginCheck: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (safeMethods.has(c.req.method)) return next();
  const { config } = c.get('deps');
  const expected = expectedOrigin(config.publicScheme, c.req.header('host') ?? new URL(c.req.url).host);
  const origin = c.req.header('origin');
  let allowed: boolean;
  if (origin !== undefined) {
    allowed = origin.toLowerCase() === expected;
  } else if (c.req.header('sec-fetch-site') !== undefined) {
    allowed = c.req.header('sec-fetch-site') === 'same-origin';
  } else {
    const referer = c.req.header('referer');
    allowed = Boolean(referer && expected && (referer === expected || referer.toLowerCase().startsWith(`${expected}/`)));
  }
  if (!allowed) {
    return c.text('Forbidden: this form was sent from another site. Go back, reload the page and try again.', 403);
  }
  return next();
};
