import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { HOUR, MINUTE } from '../../src/clock.ts';
import { makeFirm, makeStaff } from '../../src/seed/builders.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';

const test = suite<{ ctx: TestContext }>('staff sign-in');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  const firm = await makeFirm(state.ctx.db, { slug: 'acme', name: 'Acme Accounting' });
  await makeStaff(state.ctx.db, firm, { email: 'olga@acme.test', role: 'owner' });
  const other = await makeFirm(state.ctx.db, { slug: 'other' });
  await makeStaff(state.ctx.db, other, { email: 'otto@other.test', role: 'owner' });
});

test('staff pages need a staff session', async ({ ctx }) => {
  const page = await ctx.browser('acme').get('/staff');
  assert.is(page.status, 303);
  assert.is(page.location, '/staff/login');
});

test('a member signs in with a link valid for one hour', async ({ ctx }) => {
  const browser = await ctx.signInStaff('acme', 'olga@acme.test');
  assert.is((await browser.get('/staff')).status, 200);
  await ctx.browser('acme').post('/staff/login', { email: 'olga@acme.test' });
  const mail = await ctx.lastMailTo('olga@acme.test');
  const link = new URL(mail!.links[0]);
  ctx.clock.advance(HOUR + MINUTE);
  const late = await ctx.browser('acme').get(link.pathname + link.search);
  assert.is(late.status, 410);
  assert.ok(late.visibleText.includes('expired'));
});

test('a member of another firm gets no link here', async ({ ctx }) => {
  const page = await ctx.browser('acme').post('/staff/login', { email: 'otto@other.test' });
  assert.is(page.status, 200);
  assert.is(await ctx.lastMailTo('otto@other.test'), undefined);
});

test('a staff session does not open another firm, and a portal session does not open staff pages', async ({ ctx }) => {
  const browser = await ctx.signInStaff('acme', 'olga@acme.test');
  const cookie = browser.cookieHeader();
  const other = await ctx.app.request('http://other.localhost:3000/staff', { headers: { Host: 'other.localhost:3000', Cookie: cookie } });
  assert.is(other.status, 303);
});

test('deactivating a member ends their session at the next request', async ({ ctx }) => {
  const browser = await ctx.signInStaff('acme', 'olga@acme.test');
  await ctx.db.updateTable('staff_members').set({ active: false }).where('email', '=', 'olga@acme.test').execute();
  assert.is((await browser.get('/staff')).location, '/staff/login');
});

test('signing out ends the staff session', async ({ ctx }) => {
  const browser = await ctx.signInStaff('acme', 'olga@acme.test');
  const out = await browser.post('/staff/logout');
  assert.is(out.location, '/staff/login?m=signed-out');
  assert.is((await browser.get('/staff')).location, '/staff/login');
});

test.run();
