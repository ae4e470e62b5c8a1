import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createApp } from '../src/app.tsx';
import { openPostgres } from '../src/db/connect.ts';
import { makeFirm } from '../src/seed/builders.ts';
import { createTestContext, type TestContext } from './helpers/context.ts';
import { testDatabaseKind } from './helpers/db.ts';
import { TcpProxy } from './helpers/tcp-proxy.ts';

const test = suite<{ ctx: TestContext }>('app');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  await makeFirm(state.ctx.db, { slug: 'acme', name: 'Acme' });
});

test('every response carries the security headers; the CSP allows no inline script', async ({ ctx }) => {
  const page = await ctx.browser('acme').get('/login');
  const csp = page.headers.get('content-security-policy')!;
  assert.ok(csp.includes("script-src 'self'"));
  assert.not.ok(csp.includes('unsafe-inline'));
  assert.not.ok(csp.includes('unsafe-eval'));
  assert.ok(csp.includes("frame-ancestors 'none'"));
  assert.is(page.headers.get('x-content-type-options'), 'nosniff');
  assert.is(page.headers.get('referrer-policy'), 'same-origin');
  assert.ok(page.headers.get('x-request-id'));
  for (const script of page.doc.querySelectorAll('script')) {
    assert.ok(script.getAttribute('src'), 'every script has a src');
    assert.is(script.textContent?.trim(), '');
  }
  assert.not.ok(/\son[a-z]+=/i.test(page.text), 'no inline event handlers');
});

test('pages start with a doctype and have a skip link, a main landmark and one h1', async ({ ctx }) => {
  const page = await ctx.browser('acme').get('/login');
  assert.ok(page.text.startsWith('<!DOCTYPE html>'));
  const skip = page.doc.querySelector('a.skip-link');
  assert.is(skip?.getAttribute('href'), '#main');
  assert.ok(page.doc.querySelector('main#main'));
  assert.is(page.doc.querySelectorAll('h1').length, 1);
});

test('static files are served under hashed names with immutable caching and compressed', async ({ ctx }) => {
  const page = await ctx.browser('acme').get('/login');
  const css = page.doc.querySelector('link[rel=stylesheet]')!.getAttribute('href')!;
  assert.match(css, /^\/static\/app\.[0-9a-f]{10}\.css$/);
  const res = await ctx.app.request(`http://acme.localhost:3000${css}`, { headers: { Host: 'acme.localhost:3000', 'Accept-Encoding': 'gzip' } });
  assert.is(res.status, 200);
  assert.is(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.is(res.headers.get('content-encoding'), 'gzip');
  const htmx = page.doc.querySelector('script[src*="htmx"]')!.getAttribute('src')!;
  assert.match(htmx, /^\/static\/htmx\.[0-9a-f]{10}\.min\.js$/);
  const missing = await ctx.app.request('http://acme.localhost:3000/static/app.0000000000.css', { headers: { Host: 'acme.localhost:3000' } });
  assert.is(missing.status, 404);
});

test('a repeat visit with the ETag gets a 304', async ({ ctx }) => {
  const browser = ctx.browser('acme');
  const first = await browser.get('/login');
  const etag = first.headers.get('etag');
  assert.ok(etag);
  const second = await browser.get('/login', { 'If-None-Match': etag! });
  assert.is(second.status, 304);
});

test('an unknown path is the 404 page', async ({ ctx }) => {
  const page = await ctx.browser('acme').get('/no/such/page');
  assert.is(page.status, 404);
  assert.ok(page.visibleText.includes('Page not found'));
});

test('a POST from another origin, or with no origin at all, is refused with 403', async ({ ctx }) => {
  const browser = ctx.browser('acme');
  const foreign = await browser.post('/login', { email: 'a@example.test' }, { Origin: 'http://evil.example' });
  assert.is(foreign.status, 403);
  const otherFirm = await browser.post('/login', { email: 'a@example.test' }, { Origin: 'http://demo.localhost:3000' });
  assert.is(otherFirm.status, 403);
  const none = await browser.post('/login', { email: 'a@example.test' }, { Origin: '' });
  assert.is(none.status, 403);
  const crossSite = await browser.post('/login', { email: 'a@example.test' }, { Origin: '', 'Sec-Fetch-Site': 'cross-site' });
  assert.is(crossSite.status, 403);
  const sameOrigin = await browser.post('/login', { email: 'a@example.test' });
  assert.is(sameOrigin.status, 200);
  // Text browsers send no Origin but do send the Referer of our own page.
  const textBrowser = await browser.post('/login', { email: 'a@example.test' }, { Origin: '', Referer: 'http://acme.localhost:3000/login' });
  assert.is(textBrowser.status, 200);
});

test('an unexpected error shows the error page with a reference and no stack trace', async ({ ctx }) => {
  ctx.app.get('/explode', () => {
    throw new Error('secret internal detail');
  });
  const page = await ctx.browser('acme').get('/explode');
  assert.is(page.status, 500);
  assert.ok(page.visibleText.includes('Something went wrong'));
  assert.ok(page.visibleText.includes(page.headers.get('x-request-id')!));
  assert.not.ok(page.text.includes('secret internal detail'));
  assert.not.ok(page.text.includes('at '));
});

test('healthz answers 200 while the database answers', async ({ ctx }) => {
  const res = await ctx.app.request('http://127.0.0.1:3000/healthz');
  assert.is(res.status, 200);
});

test('with the database gone, healthz is 503 and pages show the error page', async ({ ctx }) => {
  const dead = await openPostgres('postgres://postgres@127.0.0.1:1/nothing', 2);
  const app = createApp({ ...ctx.deps, db: dead.db });
  const health = await app.request('http://127.0.0.1:3000/healthz');
  assert.is(health.status, 503);
  const page = await app.request('http://acme.localhost:3000/login', { headers: { Host: 'acme.localhost:3000' } });
  assert.is(page.status, 500);
  assert.ok((await page.text()).includes('Something went wrong'));
  await dead.close();
});

if (testDatabaseKind() === 'postgres') {
  test('after PostgreSQL goes away and comes back, the same app recovers without a restart', async ({ ctx }) => {
    const target = new URL(process.env.DATABASE_URL!);
    const current = await ctx.db.selectNoFrom((eb) => eb.fn<string>('current_database', []).as('name')).executeTakeFirstOrThrow();
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const port = await proxy.start();
    const viaProxy = await openPostgres(`postgres://${target.username || 'postgres'}@127.0.0.1:${port}/${current.name}`, 4);
    const app = createApp({ ...ctx.deps, db: viaProxy.db });
    const get = (path: string) => app.request(`http://acme.localhost:3000${path}`, { headers: { Host: 'acme.localhost:3000' } });
    assert.is((await get('/healthz')).status, 200);
    assert.is((await get('/login')).status, 200);
    await proxy.stop();
    assert.is((await get('/healthz')).status, 503);
    assert.is((await get('/login')).status, 500);
    await proxy.start(port);
    assert.is((await get('/healthz')).status, 200);
    assert.is((await get('/login')).status, 200);
    await viaProxy.close();
    await proxy.stop();
  });
}

test.run();
