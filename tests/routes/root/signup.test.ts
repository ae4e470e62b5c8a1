import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { makeFirm } from '../../../src/seed/builders.ts';
import { TestBrowser } from '../../helpers/browser-client.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';

const test = suite<{ ctx: TestContext; root: TestBrowser }>('bare domain: landing, sign-up, dev mailbox');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  state.root = new TestBrowser(state.ctx.app, 'localhost');
  await makeFirm(state.ctx.db, { slug: 'taken', name: 'Taken Firm' });
});

test('the landing page names no firm and offers sign-up', async ({ ctx, root }) => {
  const page = await root.get('/');
  assert.is(page.status, 200);
  assert.not.ok(page.text.includes('Taken Firm'));
  assert.ok(page.doc.querySelector('a[href="/signup"]'));
});

test('signing up creates a firm with its owner and mails a staff link to the new host', async ({ ctx, root }) => {
  const page = await root.post('/signup', { name: 'Birch & Co OÜ', slug: 'Birch', firstName: 'Bea', lastName: 'Birch', email: 'bea@birch.test' });
  assert.is(page.status, 200);
  assert.ok(page.visibleText.includes('bea@birch.test'));
  const firm = await ctx.db.selectFrom('firms').selectAll().where('slug', '=', 'birch').executeTakeFirstOrThrow();
  assert.is(firm.trademark, 'Birch & Co');
  assert.is(firm.portal_active, false);
  const owner = await ctx.db.selectFrom('staff_members').selectAll().where('firm_id', '=', firm.id).executeTakeFirstOrThrow();
  assert.is(owner.role, 'owner');
  const mail = await ctx.lastMailTo('bea@birch.test');
  const link = new URL(mail!.links[0]);
  assert.is(link.host, 'birch.localhost:3000');
  const staff = ctx.browser('birch');
  const signedIn = await staff.post('/staff/login/link', { token: link.searchParams.get('token')! });
  assert.is(signedIn.location, '/staff');
});

test('sign-up errors show beside their fields', async ({ ctx, root }) => {
  for (const [slug, message] of [
    ['ab', '3 to 40'],
    ['-abc', 'hyphen'],
    ['www', 'reserved'],
    ['taken', 'taken'],
    ['Über', 'lowercase'],
  ]) {
    const page = await root.post('/signup', { name: 'X', slug, firstName: 'A', email: 'a@x.test' });
    assert.is(page.status, 422, slug);
    assert.ok(page.doc.querySelector('#field-slug-error')?.textContent?.includes(message), `${slug}: ${page.doc.querySelector('#field-slug-error')?.textContent}`);
  }
  const empty = await root.post('/signup', {});
  assert.is(empty.status, 422);
  assert.ok(empty.doc.querySelector('#field-name-error'));
  assert.ok(empty.doc.querySelector('#field-email-error'));
  assert.is(await ctx.db.selectFrom('firms').select('id').where('slug', '!=', 'taken').executeTakeFirst(), undefined);
});

test('the development mailbox lists sent mail on localhost only', async ({ ctx, root }) => {
  await root.post('/signup', { name: 'Birch', slug: 'birch', firstName: 'Bea', email: 'bea@birch.test' });
  await ctx.worker.runOnce();
  const page = await root.get('/dev/mailbox');
  assert.is(page.status, 200);
  assert.ok(page.doc.querySelector('a[href*="birch.localhost:3000/staff/login/link"]'));
  const prod = await createTestContext({ env: { PORTAL_DOMAIN: 'portico.example' } });
  const res = await prod.app.request('http://portico.example/dev/mailbox', { headers: { Host: 'portico.example' } });
  assert.is(res.status, 404);
});

test.run();
