import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { makeFirm } from '../src/seed/builders.ts';
import { createTestContext, type TestContext } from './helpers/context.ts';

const test = suite<{ ctx: TestContext }>('tenant resolution');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  await makeFirm(state.ctx.db, { slug: 'acme', name: 'Acme Accounting Ltd', trademark: 'Acme Books', description: 'Welcome to Acme.', brand_background: '#123456', brand_text: '#FFFFFF' });
  await makeFirm(state.ctx.db, { slug: 'sleepy', name: 'Sleepy Firm', portal_active: false });
});

test('a firm host sends a signed-out visitor to its branded login page', async ({ ctx }) => {
  const browser = ctx.browser('acme');
  const home = await browser.get('/');
  assert.is(home.status, 303);
  assert.is(home.location, '/login');
  const login = await browser.get('/login');
  assert.is(login.status, 200);
  assert.is(login.doc.querySelector('h1')?.textContent, 'Acme Books');
  assert.ok(login.visibleText.includes('Welcome to Acme.'));
  const brandHref = login.doc.querySelector('link[href^="/brand.css"]')?.getAttribute('href');
  assert.ok(brandHref, 'brand stylesheet linked');
  const css = await browser.get(brandHref!);
  assert.ok(css.text.includes('--brand-bg:#123456'));
  assert.ok(css.text.includes('--brand-text:#FFFFFF'));
  assert.is(css.headers.get('cache-control'), 'public, max-age=31536000, immutable');
});

test('an unknown firm is a 404 that names no firm', async ({ ctx }) => {
  const page = await ctx.browser('nosuch').get('/');
  assert.is(page.status, 404);
  assert.ok(page.visibleText.includes('Page not found'));
  assert.not.ok(page.text.includes('Acme'));
  assert.not.ok(page.text.includes('nosuch'));
});

test('the bare domain serves the landing page', async ({ ctx }) => {
  const res = await ctx.app.request('http://localhost:3000/', { headers: { Host: 'localhost:3000' } });
  assert.is(res.status, 200);
  const text = await res.text();
  assert.ok(text.includes('client portal for accounting'));
  assert.not.ok(text.includes('Acme'));
});

test('a host outside the portal domain is a 404', async ({ ctx }) => {
  const res = await ctx.app.request('http://evil.example/', { headers: { Host: 'evil.example' } });
  assert.is(res.status, 404);
});

test('an inactive portal shows a neutral page; its staff screens still answer', async ({ ctx }) => {
  const browser = ctx.browser('sleepy');
  const page = await browser.get('/login');
  assert.is(page.status, 404);
  assert.ok(page.visibleText.includes('Portal not available'));
  assert.not.ok(page.text.includes('Sleepy'));
  const staff = await browser.get('/staff/login');
  assert.is(staff.status, 200);
});

test('an old slug redirects to the new host for 90 days', async ({ ctx }) => {
  const firm = await ctx.db.selectFrom('firms').selectAll().where('slug', '=', 'acme').executeTakeFirstOrThrow();
  await ctx.db.insertInto('firm_slug_aliases').values({ slug: 'oldacme', firm_id: firm.id, until: new Date(ctx.clock.now().getTime() + 90 * 86400_000) }).execute();
  const page = await ctx.browser('oldacme').get('/login?lang=et');
  assert.is(page.status, 301);
  assert.is(page.location, 'http://acme.localhost:3000/login?lang=et');
  ctx.clock.advance(91 * 86400_000);
  const later = await ctx.browser('oldacme').get('/login');
  assert.is(later.status, 404);
});

test('?lang= picks the login page language', async ({ ctx }) => {
  const page = await ctx.browser('acme').get('/login?lang=et');
  assert.is(page.doc.documentElement.getAttribute('lang'), 'et');
  assert.ok(page.visibleText.includes('Sinu e-post'));
});

test.run();
