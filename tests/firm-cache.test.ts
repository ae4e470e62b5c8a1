// Firms kept in memory for signed-in requests: a change made elsewhere (another process, or straight in the
// database) shows at the very next request, because the guard's session query returns the firm's version.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createApp } from '../src/app.tsx';
import { QueryCounter } from '../src/db/query-counter.ts';
import { makeTask } from '../src/seed/builders-tasks.ts';
import { TestBrowser } from './helpers/browser-client.ts';
import { createTestContext, type TestContext } from './helpers/context.ts';
import { taskFixture, type TaskFixture } from './routes/portal/tasks-fixture.ts';

const test = suite<{ ctx: TestContext; f: TaskFixture }>('firm cache');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  state.f = await taskFixture(state.ctx);
});

test('a signed-in client sees a firm change made outside this process at the next request', async ({ ctx, f }) => {
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const before = await alice.get('/');
  assert.ok(before.visibleText.includes('Acme'));
  await f.db.updateTable('firms').set({ trademark: 'Zenith Books', brand_background: '#0B3D2E', brand_text: '#FFFFFF' }).where('id', '=', f.firm.id).execute();
  const after = await alice.get('/');
  assert.ok(after.visibleText.includes('Zenith Books'));
  assert.ok(after.doc.querySelector('link[href="/brand.css?v=0b3d2effffff"]'), 'the new colours');
});

test('staff see a change made outside this process at the next request, and a portal switched off elsewhere stops clients', async ({ ctx, f }) => {
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const owner = await ctx.signInStaff('acme', 'owner@acme.test');
  assert.is((await owner.get('/staff')).status, 200);
  assert.is((await alice.get('/')).status, 200);
  await f.db.updateTable('firms').set({ name: 'Zenith Accounting', trademark: 'Zenith Books', portal_active: false }).where('id', '=', f.firm.id).execute();
  const staffPage = await owner.get('/staff');
  assert.ok(staffPage.visibleText.includes('Zenith'), staffPage.visibleText.slice(0, 200));
  const stopped = await alice.get('/');
  assert.is(stopped.status, 404);
  assert.ok(stopped.visibleText.includes('Portal not available'));
});

test('a repeat signed-in visit spends no query on the firm: the home and the task page are one statement each', async ({ ctx, f }) => {
  const signedIn = await ctx.signInClient('acme', 'alice@example.test');
  const counter = new QueryCounter();
  const browser = new TestBrowser(createApp({ ...ctx.deps, db: ctx.db.withPlugin(counter) }), 'acme.localhost');
  browser.cookies.set('acme.localhost', new Map(signedIn.cookies.get('acme.localhost')));
  assert.is((await browser.get('/')).status, 200);
  const first = counter.count;
  counter.reset();
  assert.is((await browser.get('/')).status, 200);
  assert.is(counter.count, first - 1, `first visit ${first} queries, repeat ${counter.count}: ${counter.statements.join(', ')}`);
  assert.is(counter.count, 1, 'the session, its person and the task lists in one statement');
  const task = await makeTask(f.db, f.client, { title: 'Papers', sections: [{ owner: 'client', title: '', items: ['Upload'] }], share: { contactIds: [f.alice.id] } });
  counter.reset();
  assert.is((await browser.get(`/tasks/${task.id}`)).status, 200);
  assert.is(counter.count, 2, `first view: the page, then the seen mark (${counter.statements.join(', ')})`);
  counter.reset();
  const again = await browser.get(`/tasks/${task.id}`);
  assert.is(again.status, 200);
  assert.ok(again.visibleText.includes('Upload'));
  assert.is(counter.count, 1, 'a repeat view: session, task, checklist and files in one statement');
});

test.run();
