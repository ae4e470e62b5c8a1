// Security headers on every response: a strict CSP with no inline script, and friends.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import type { Config } from './config.ts';

export function contentSecurityPolicy(config: Config): string {
  const port = config.publicScheme === 'https' || config.port === 80 ? '' : `:${config.port}`;
  // Switching to another firm posts a form whose redirect lands on that firm's host.
  const firmHosts = `${config.publicScheme}://*.${config.portalDomain}${port}`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self' ${firmHosts}`,
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(config: Config): MiddlewareHandler<AppEnv> {
  const csp = contentSecurityPolicy(config);
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', csp);
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'same-origin');
    headers.set('X-Frame-Options', 'DENY');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    headers.set('Permissions-Policy', 'camera=(self), microphone=(), geolocation=(), payment=()');
    if (config.publicScheme === 'https') headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  };
}
