// createApp(deps): middleware order, route mounting, error and not-found pages.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { sql } from 'kysely';
import type { AppEnv, Deps } from './app-env.ts';
import { findAsset } from './assets.ts';
import { csrfOriginCheck } from './auth/csrf.ts';
import { compressResponses } from './compress.ts';
import { renderPage } from './render.tsx';
import { brandRoutes } from './routes/brand.ts';
import { portalRoutes } from './routes/portal/index.ts';
import { staffRoutes } from './routes/staff/index.ts';
import { securityHeaders } from './security-headers.ts';
import { classifyHost, requestHostname, resolveTenant } from './tenant.tsx';
import { createRootApp } from './routes/root/index.tsx';
import { ErrorPage, NotFoundPage } from './views/pages/simple.tsx';

export async function databaseAnswers(deps: Deps, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([sql`select 1`.execute(deps.db).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    const started = performance.now();
    const requestId = crypto.randomUUID();
    c.set('deps', deps);
    c.set('requestId', requestId);
    await next();
    c.res.headers.set('X-Request-Id', requestId);
    deps.logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      requestId,
    });
  });
  app.use(securityHeaders(deps.config));
  app.use(compressResponses());

  app.get('/static/*', (c) => {
    const asset = findAsset(c.req.path);
    if (!asset) return renderPage(c, <NotFoundPage />, 404);
    return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': asset.contentType,
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });

  app.get('/healthz', async (c) => {
    const ok = await databaseAnswers(deps);
    c.header('Cache-Control', 'no-store');
    return c.json({ status: ok ? 'ok' : 'database unavailable' }, ok ? 200 : 503);
  });

  app.use(csrfOriginCheck);
  const root = createRootApp(deps);
  app.use(async (c, next) => (classifyHost(requestHostname(c), deps.config.portalDomain).kind === 'root' ? root.fetch(c.req.raw, c.env) : next()));
  app.use(resolveTenant);
  app.route('/', brandRoutes);
  app.route('/staff', staffRoutes);
  app.route('/', portalRoutes);

  app.notFound((c) => renderPage(c, <NotFoundPage />, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    const requestId = c.get('requestId') ?? 'unknown';
    deps.logger.error('unhandled error', { requestId, path: c.req.path, error: error.message, stack: error.stack });
    c.header('Cache-Control', 'no-store');
    return renderPage(c, <ErrorPage requestId={requestId} />, 500);
  });
  return app;
}
