import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { seedFoundation } from '../../src/seed/foundation.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';

const test = suite<{ ctx: TestContext }>('switching companies');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  await seedFoundation(state.ctx.db, state.ctx.clock.now());
});

function currentClient(page: { doc: Document }): string {
  return page.doc.querySelector('.account-company')?.textContent ?? '';
}

test('Alex switches client at demo, then to northwind, then logs out everywhere', async ({ ctx }) => {
  const browser = await ctx.signInClient('demo', 'alex@example.test');
  let home = await browser.get('/');
  const first = currentClient(home);
  assert.ok(['Alex Design OÜ', 'Alex Holdings Ltd'].includes(first));
  const options = [...home.doc.querySelectorAll('.company-list form')].map((form) => ({
    firm: form.querySelector('input[name=firm]')!.getAttribute('value')!,
    contact: form.querySelector('input[name=contact]')!.getAttribute('value')!,
    label: form.textContent!.replace(/\s+/g, ' ').trim(),
  }));
  assert.is(options.length, 2, 'the other demo client and northwind');
  const sameFirm = options.find((o) => o.firm === 'demo')!;
  const switched = await browser.post('/switch', { firm: sameFirm.firm, contact: sameFirm.contact });
  assert.is(switched.location, '/');
  home = await browser.get('/');
  const second = currentClient(home);
  assert.is.not(second, first);
  assert.ok(sameFirm.label.includes(second));

  const northwind = options.find((o) => o.firm === 'northwind')!;
  assert.ok(northwind.label.includes('Northwind Bookkeeping') && northwind.label.includes('Alex Consulting'));
  const away = await browser.post('/switch', { firm: 'northwind', contact: northwind.contact });
  assert.match(away.location!, /^http:\/\/northwind\.localhost:3000\/switch\/handoff\?token=/);
  assert.not.ok(away.headers.getSetCookie().some((c) => /domain=/i.test(c)), 'no cookie spans hosts');
  const handoffUrl = new URL(away.location!);
  browser.host = 'northwind.localhost';
  const confirm = await browser.get(handoffUrl.pathname + handoffUrl.search);
  assert.is(confirm.status, 200);
  const landed = await browser.post('/switch/handoff', { token: handoffUrl.searchParams.get('token')! });
  assert.is(landed.location, '/');
  const northHome = await browser.get('/');
  assert.is(northHome.status, 200);
  assert.is(currentClient(northHome), 'Alex Consulting');
  // The handoff token works once.
  const again = await ctx.browser('northwind').post('/switch/handoff', { token: handoffUrl.searchParams.get('token')! });
  assert.is(again.status, 410);

  // The last pair used at demo opens by default next time.
  const fresh = await ctx.signInClient('demo', 'alex@example.test');
  assert.is(currentClient(await fresh.get('/')), second);

  const out = await browser.post('/logout');
  assert.is(out.location, '/login?m=signed-out');
  assert.is((await browser.get('/')).location, '/login');
  browser.host = 'demo.localhost';
  assert.is((await browser.get('/')).location, '/login');
  assert.is((await fresh.get('/')).location, '/login', 'every session of the person ended');
});

test('a first arrival through a switch counts as a first sign-in: it is recorded and brings the intro tasks, once', async ({ ctx }) => {
  const now = ctx.clock.now();
  const contacts = await ctx.db.selectFrom('contacts').innerJoin('firms', 'firms.id', 'contacts.firm_id').select(['contacts.id', 'contacts.firm_id', 'firms.slug']).where('contacts.email', '=', 'alex@example.test').execute();
  await ctx.db.updateTable('contacts').set({ first_login_at: null }).where('email', '=', 'alex@example.test').execute();
  for (const firmId of new Set(contacts.map((c) => c.firm_id))) {
    await ctx.db.deleteFrom('intro_templates').where('firm_id', '=', firmId).execute();
    await ctx.db.insertInto('intro_templates').values({ firm_id: firmId, id: crypto.randomUUID(), language: 'en', title: 'Say hello to us', checklist: JSON.stringify(['Check your details']), position: 1, created_at: now }).execute();
  }
  const browser = await ctx.signInClient('demo', 'alex@example.test');
  const introCount = async (contactId: string) =>
    (await ctx.db.selectFrom('task_portal_assignees as a').innerJoin('tasks as t', (j) => j.onRef('t.firm_id', '=', 'a.firm_id').onRef('t.id', '=', 'a.task_id')).select('t.id').where('a.contact_id', '=', contactId).where('t.title', '=', 'Say hello to us').execute()).length;
  const home = await browser.get('/');
  const options = [...home.doc.querySelectorAll('.company-list form')].map((form) => ({ firm: form.querySelector('input[name=firm]')!.getAttribute('value')!, contact: form.querySelector('input[name=contact]')!.getAttribute('value')! }));
  const sameFirm = options.find((o) => o.firm === 'demo')!;
  assert.is(await introCount(sameFirm.contact), 0);
  await browser.post('/switch', { firm: 'demo', contact: sameFirm.contact });
  const switched = await browser.get('/');
  assert.ok(switched.visibleText.includes('Say hello to us'), 'the intro task is on the home of the company switched to');
  assert.ok((await ctx.db.selectFrom('contacts').select('first_login_at').where('id', '=', sameFirm.contact).executeTakeFirstOrThrow()).first_login_at);
  // Switching back and forth adds nothing more.
  const first = contacts.find((c) => c.slug === 'demo' && c.id !== sameFirm.contact)!;
  await browser.post('/switch', { firm: 'demo', contact: first.id });
  await browser.post('/switch', { firm: 'demo', contact: sameFirm.contact });
  assert.is(await introCount(sameFirm.contact), 1);

  const northwind = options.find((o) => o.firm === 'northwind')!;
  const away = await browser.post('/switch', { firm: 'northwind', contact: northwind.contact });
  const handoffUrl = new URL(away.location!);
  browser.host = 'northwind.localhost';
  await browser.post('/switch/handoff', { token: handoffUrl.searchParams.get('token')! });
  assert.ok((await browser.get('/')).visibleText.includes('Say hello to us'), 'and at the other firm, after the handoff');
  assert.is(await introCount(northwind.contact), 1);
});

test('a pair that is not the person’s own cannot be switched to', async ({ ctx }) => {
  const browser = await ctx.signInClient('demo', 'mari@example.test');
  const alexContact = await ctx.db.selectFrom('contacts').select('id').where('email', '=', 'alex@example.test').executeTakeFirstOrThrow();
  const res = await browser.post('/switch', { firm: 'demo', contact: alexContact.id });
  assert.is(res.status, 404);
});

test('a handoff token expires after 60 seconds', async ({ ctx }) => {
  const browser = await ctx.signInClient('demo', 'alex@example.test');
  const home = await browser.get('/');
  const form = [...home.doc.querySelectorAll('.company-list form')].find((f) => f.querySelector('input[name=firm]')!.getAttribute('value') === 'northwind')!;
  const away = await browser.post('/switch', { firm: 'northwind', contact: form.querySelector('input[name=contact]')!.getAttribute('value')! });
  const token = new URL(away.location!).searchParams.get('token')!;
  ctx.clock.advance(61_000);
  const late = await ctx.browser('northwind').post('/switch/handoff', { token });
  assert.is(late.status, 410);
});

test.run();
