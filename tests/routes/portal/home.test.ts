import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createApp } from '../../../src/app.tsx';
import { QueryCounter } from '../../../src/db/query-counter.ts';
import { makeTask } from '../../../src/seed/builders-tasks.ts';
import { TestBrowser } from '../../helpers/browser-client.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { taskFixture, type TaskFixture } from './tasks-fixture.ts';

const test = suite<{ ctx: TestContext; f: TaskFixture }>('portal home');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  state.f = await taskFixture(state.ctx);
});

async function completedTasks(f: TaskFixture, count: number, base: Date) {
  for (let i = 1; i <= count; i++) {
    // Completed one minute apart, so the newest (Done 23) comes first.
    await makeTask(f.db, f.client, { title: `Done ${String(i).padStart(2, '0')}`, status: 'done', completedAt: new Date(base.getTime() + i * 60_000), share: { contactIds: [f.alice.id], seenAt: base } });
  }
}

test('the greeting uses the first name and today in the user time zone and format', async ({ ctx, f }) => {
  ctx.clock.set(new Date('2026-11-30T22:30:00Z')); // already 1 December in Tallinn
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const home = await alice.get('/');
  assert.is(home.doc.querySelector('h1')!.textContent, 'Hello, Alice');
  assert.match(home.visibleText, /Tuesday,? 1 December 2026/);
  assert.ok(home.visibleText.includes('Nothing to do right now'));
  assert.ok(home.visibleText.includes('No completed tasks yet.'));
  assert.not.ok(home.doc.querySelector('#signing-heading'), 'no signing section for a standard firm');
  await f.db.updateTable('firms').set({ plan: 'elite', esign_enabled: true }).where('id', '=', f.firm.id).execute();
  const elite = await alice.get('/');
  assert.ok(elite.doc.querySelector('#signing-heading'));
  assert.ok(elite.visibleText.includes('No documents are waiting for your signature.'));
});

test('Completed shows 10 at a time: "Show more" works as a plain link and as an htmx fragment', async ({ ctx, f }) => {
  await completedTasks(f, 23, new Date('2026-11-01T10:00:00Z'));
  await makeTask(f.db, f.client, { title: 'Still to do', share: { contactIds: [f.alice.id] } });
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const home = await alice.get('/');
  const details = home.doc.querySelector('details#completed')!;
  assert.ok(details, 'a native details element');
  assert.not.ok(details.hasAttribute('open'), 'collapsed at first');
  assert.ok(details.querySelector('summary')!.textContent!.includes('Completed (23)'));
  const titles = () => [...home.doc.querySelectorAll('#completed-list .task-row a')].map((a) => a.textContent?.trim());
  assert.is(titles().length, 10);
  assert.is(titles()[0], 'Done 23');
  const more = home.doc.querySelector('#completed-list .more-row a')!;
  assert.is(more.getAttribute('href'), '/?completed=20#completed');
  assert.is(more.getAttribute('hx-get'), '/?completed=20');
  assert.ok(home.doc.querySelector('.task-list a')!.textContent!.includes('Still to do'));

  // Without JavaScript: the link shows the first 20, opened.
  const plain = await alice.get('/?completed=20');
  assert.ok(plain.doc.querySelector('details#completed')!.hasAttribute('open'));
  assert.is(plain.doc.querySelectorAll('#completed-list .task-row').length, 20);
  assert.is(plain.doc.querySelector('#completed-list .more-row a')!.getAttribute('href'), '/?completed=30#completed');

  // With htmx: only the next 10, then the last 3 with no more "Show more".
  const second = await alice.get('/?completed=20', { 'HX-Request': 'true' });
  assert.not.ok(second.text.includes('<html'));
  const secondTitles = [...second.doc.querySelectorAll('.task-row a')].map((a) => a.textContent?.trim());
  assert.equal(secondTitles, ['Done 13', 'Done 12', 'Done 11', 'Done 10', 'Done 09', 'Done 08', 'Done 07', 'Done 06', 'Done 05', 'Done 04']);
  assert.ok(second.doc.querySelector('.task-row a')!.hasAttribute('autofocus'), 'focus moves to the first new task');
  assert.is(second.doc.querySelector('.more-row a')!.getAttribute('hx-get'), '/?completed=30');
  const third = await alice.get('/?completed=30', { 'HX-Request': 'true' });
  assert.equal([...third.doc.querySelectorAll('.task-row a')].map((a) => a.textContent?.trim()), ['Done 03', 'Done 02', 'Done 01']);
  assert.not.ok(third.doc.querySelector('.more-row'));
  // Show more keeps the address current, so back, forward and reload (an htmx history restore) get the whole page.
  assert.is(second.doc.querySelector('.more-row a')!.getAttribute('hx-replace-url'), 'true');
  const restored = await alice.get('/?completed=20', { 'HX-Request': 'true', 'HX-History-Restore-Request': 'true' });
  assert.ok(restored.text.startsWith('<!DOCTYPE html>'));
  assert.is(restored.doc.querySelectorAll('#completed-list .task-row').length, 20);
  assert.ok(restored.doc.querySelector('#completed')!.hasAttribute('open'));
});

test('search by task name filters both lists and keeps the term', async ({ ctx, f }) => {
  await makeTask(f.db, f.client, { title: 'VAT return November', share: { contactIds: [f.alice.id] } });
  await makeTask(f.db, f.client, { title: 'Payroll November', share: { contactIds: [f.alice.id] } });
  await makeTask(f.db, f.client, { title: 'VAT return October', status: 'done', share: { contactIds: [f.alice.id] } });
  await makeTask(f.db, f.client, { title: '100% done_task', share: { contactIds: [f.alice.id] } });
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const form = (await alice.get('/')).doc.querySelector('form[role=search]')!;
  assert.is(form.getAttribute('method'), 'get');
  assert.ok(form.querySelector('label[for=task-search]'));
  const found = await alice.get('/?q=vat');
  assert.equal([...found.doc.querySelectorAll('.task-list a')].map((a) => a.textContent?.trim()), ['VAT return November', 'VAT return October']);
  assert.is(found.doc.querySelector<HTMLInputElement>('#task-search')!.getAttribute('value'), 'vat');
  const wildcard = await alice.get('/?q=' + encodeURIComponent('%'));
  assert.equal([...wildcard.doc.querySelectorAll('.task-list a')].map((a) => a.textContent?.trim()), ['100% done_task'], '% is a plain character');
  const none = await alice.get('/?q=zzz');
  assert.ok(none.visibleText.includes('No tasks to do match "zzz".'));
});

test('the home page costs at most 4 SQL queries, the guard included, however many tasks', async ({ ctx, f }) => {
  for (let i = 0; i < 20; i++) {
    await makeTask(f.db, f.client, { title: `Open ${i}`, dueDate: `2026-12-${String(i + 1).padStart(2, '0')}`, sections: [{ owner: 'client', title: '', items: ['a', 'b'] }], share: { contactIds: [f.alice.id] } });
  }
  await completedTasks(f, 12, new Date('2026-11-01T10:00:00Z'));
  const signedIn = await ctx.signInClient('acme', 'alice@example.test');
  const counter = new QueryCounter();
  const app = createApp({ ...ctx.deps, db: ctx.db.withPlugin(counter) });
  const browser = new TestBrowser(app, 'acme.localhost');
  browser.cookies.set('acme.localhost', new Map(signedIn.cookies.get('acme.localhost')));
  const home = await browser.get('/');
  assert.is(home.status, 200);
  assert.is(home.doc.querySelectorAll('.task-list .task-row').length, 30);
  assert.ok(counter.count <= 4, `home ran ${counter.count} queries`);
  counter.reset();
  const more = await browser.get('/?completed=20', { 'HX-Request': 'true' });
  assert.is(more.status, 200);
  assert.ok(counter.count <= 4, `show more ran ${counter.count} queries`);
  counter.reset();
  const task = await f.db.selectFrom('tasks').select('id').where('title', '=', 'Open 0').executeTakeFirstOrThrow();
  const page = await browser.get(`/tasks/${task.id}`);
  assert.is(page.status, 200);
  assert.ok(counter.count <= 4, `task page ran ${counter.count} queries: ${counter.statements.join(", ")}`);
});

test.run();
