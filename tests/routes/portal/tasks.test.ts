import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { makeTask } from '../../../src/seed/builders-tasks.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { taskFixture, type TaskFixture } from './tasks-fixture.ts';

const test = suite<{ ctx: TestContext; f: TaskFixture }>('portal tasks');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  state.f = await taskFixture(state.ctx);
});

const htmx = { 'HX-Request': 'true' };

test('a contact sees exactly the tasks shared with them, never another client or firm', async ({ ctx, f }) => {
  await makeTask(f.db, f.client, { title: 'Shared with Alice', share: { contactIds: [f.alice.id] } });
  await makeTask(f.db, f.client, { title: 'Shared with both', share: { contactIds: [f.alice.id, f.bob.id] } });
  await makeTask(f.db, f.client, { title: 'Only for Bob', share: { contactIds: [f.bob.id] } });
  await makeTask(f.db, f.client, { title: 'Not on the portal' });
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const home = await alice.get('/');
  assert.is(home.status, 200);
  const titles = [...home.doc.querySelectorAll('.task-list a')].map((a) => a.textContent?.trim()).sort();
  assert.equal(titles, ['Shared with Alice', 'Shared with both']);
  for (const hidden of ['Only for Bob', 'Not on the portal', 'Beta secret payroll', 'Gamma secret audit']) assert.not.ok(home.text.includes(hidden), hidden);
});

test("every task id of another client and another firm answers 404 on GET and on every POST, leaking nothing", async ({ ctx, f }) => {
  const own = await makeTask(f.db, f.client, { title: 'Unshared own task', sections: [{ owner: 'client', title: '', items: ['Own item'] }] });
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  for (const task of [...f.foreign, own]) {
    const item = task.items[0].id;
    const responses = [
      await alice.get(`/tasks/${task.id}`),
      await alice.post(`/tasks/${task.id}/items/${item}/toggle`, { done: '1' }),
      await alice.post(`/tasks/${task.id}/items/${item}/toggle`, { done: '1' }, htmx),
      await alice.post(`/tasks/${task.id}/complete`),
      await alice.post(`/tasks/${task.id}/undo`),
    ];
    for (const page of responses) {
      assert.is(page.status, 404, `${page.res.url} answered ${page.status}`);
      assert.not.ok(/secret|Own item|Unshared own|Beta item|Gamma item/.test(page.text));
    }
  }
  const items = await f.db.selectFrom('checklist_items').select('done').execute();
  assert.ok(items.every((i) => !i.done), 'nothing was ticked');
  const malformed = await alice.get('/tasks/not-a-uuid');
  assert.is(malformed.status, 404);
});

test('the client sees the due date moved earlier by the offset, never before the start date', async ({ ctx, f }) => {
  const shifted = await makeTask(f.db, f.client, { title: 'Offset three', dueDate: '2026-12-10', share: { contactIds: [f.alice.id], dueOffsetDays: 3 } });
  const capped = await makeTask(f.db, f.client, { title: 'Capped by start', startDate: '2026-12-09', dueDate: '2026-12-10', share: { contactIds: [f.alice.id], dueOffsetDays: 7 } });
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const first = await alice.get(`/tasks/${shifted.id}`);
  assert.ok(first.visibleText.includes('7 Dec 2026'), first.visibleText);
  assert.not.ok(first.visibleText.includes('10 Dec 2026'));
  const second = await alice.get(`/tasks/${capped.id}`);
  const dds = [...second.doc.querySelectorAll('.task-facts dd')].map((d) => d.textContent?.trim());
  assert.equal(dds.slice(-2), ['9 Dec 2026', '9 Dec 2026']);
  const home = await alice.get('/');
  const rows = [...home.doc.querySelectorAll('.task-row')].map((r) => r.textContent?.replace(/\s+/g, ' ').trim());
  assert.ok(rows[0]?.startsWith('Offset three') && rows[0].includes('Due 7 Dec 2026'), 'soonest client-facing due date first');
  assert.ok(rows[1]?.includes('Due 9 Dec 2026'));
});

test('overdue tasks say "Overdue" in words, and tasks are listed soonest due first', async ({ ctx, f }) => {
  await makeTask(f.db, f.client, { title: 'Later task', dueDate: '2027-01-20', share: { contactIds: [f.alice.id] } });
  await makeTask(f.db, f.client, { title: 'No date task', share: { contactIds: [f.alice.id] } });
  await makeTask(f.db, f.client, { title: 'Late task', dueDate: '2026-11-20', share: { contactIds: [f.alice.id] } });
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const home = await alice.get('/');
  const rows = [...home.doc.querySelectorAll('.task-row')];
  assert.equal(rows.map((r) => r.querySelector('a')?.textContent?.trim()), ['Late task', 'Later task', 'No date task']);
  const overdue = rows[0].querySelector('.overdue');
  assert.ok(overdue?.textContent?.includes('Overdue'));
  assert.not.ok(rows[1].querySelector('.overdue'));
});

test('an unseen task is bold and says "New" until the contact opens it; seen is per contact', async ({ ctx, f }) => {
  const task = await makeTask(f.db, f.client, { title: 'Fresh task', share: { contactIds: [f.alice.id, f.bob.id] } });
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  let home = await alice.get('/');
  let link = home.doc.querySelector('.task-list a')!;
  assert.ok(link.classList.contains('unseen'));
  assert.ok(home.doc.querySelector('.task-row')!.textContent!.includes('New'));
  const page = await alice.get(`/tasks/${task.id}`);
  assert.is(page.status, 200);
  home = await alice.get('/');
  link = home.doc.querySelector('.task-list a')!;
  assert.not.ok(link.classList.contains('unseen'));
  assert.not.ok(home.doc.querySelector('.task-row')!.textContent!.includes('New'));
  const bob = await ctx.signInClient('acme', 'bob@example.test');
  const bobHome = await bob.get('/');
  assert.ok(bobHome.doc.querySelector('.task-list a')!.classList.contains('unseen'), 'Bob has not seen it yet');
});

test('ticking without JavaScript posts and comes back to the item; unticking too', async ({ ctx, f }) => {
  const task = await makeTask(f.db, f.client, { title: 'Send papers', sections: [{ owner: 'client', title: '', items: ['Bank statements', 'Invoices'] }], share: { contactIds: [f.alice.id] } });
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const page = await alice.get(`/tasks/${task.id}`);
  const button = page.doc.querySelector(`#item-${task.items[0].id} button`)!;
  assert.is(button.getAttribute('role'), 'checkbox');
  assert.is(button.getAttribute('aria-checked'), 'false');
  assert.is(button.textContent?.trim(), 'Bank statements');
  const form = button.closest('form')!;
  assert.is(form.getAttribute('method'), 'post');
  const ticked = await alice.post(form.getAttribute('action')!, { done: '1' });
  assert.is(ticked.status, 303);
  assert.is(ticked.location, `/tasks/${task.id}#item-${task.items[0].id}`);
  const after = await alice.get(`/tasks/${task.id}`);
  const tickedButton = after.doc.querySelector(`#item-${task.items[0].id} button`)!;
  assert.is(tickedButton.getAttribute('aria-checked'), 'true');
  assert.ok(after.doc.querySelector(`#item-${task.items[0].id}`)!.textContent!.includes('ticked by Alice Alpha'));
  const row = await f.db.selectFrom('checklist_items').selectAll().where('id', '=', task.items[0].id).executeTakeFirstOrThrow();
  assert.is(row.done, true);
  assert.is(row.done_by_type, 'portal');
  assert.is(row.done_by_id, f.alice.id);
  const audit = await f.db.selectFrom('audit_events').select('action').where('action', '=', 'task.item_ticked').execute();
  assert.is(audit.length, 1);
  const unticked = await alice.post(`/tasks/${task.id}/items/${task.items[0].id}/toggle`, { done: '0' });
  assert.is(unticked.status, 303);
  const again = await f.db.selectFrom('checklist_items').selectAll().where('id', '=', task.items[0].id).executeTakeFirstOrThrow();
  assert.is(again.done, false);
  assert.is(again.done_by_id, null);
});

test('with htmx a tick swaps only that item (under 1 KB) and updates the completion offer', async ({ ctx, f }) => {
  const task = await makeTask(f.db, f.client, { title: 'Send papers', sections: [{ owner: 'client', title: '', items: ['Bank statements for November', 'Sales invoices'] }], share: { contactIds: [f.alice.id] } });
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const [first, second] = task.items;
  const one = await alice.post(`/tasks/${task.id}/items/${first.id}/toggle`, { done: '1' }, htmx);
  assert.is(one.status, 200);
  assert.ok(new TextEncoder().encode(one.text).length < 1024, `fragment is ${one.text.length} bytes`);
  assert.not.ok(one.text.includes('<html'), 'a fragment, not a page');
  const li = one.doc.querySelector(`li#item-${first.id}`)!;
  assert.is(li.querySelector('button')!.getAttribute('aria-checked'), 'true');
  assert.is(one.doc.querySelectorAll('li').length, 1);
  const partial = one.doc.querySelector('hx-partial')!;
  assert.is(partial.getAttribute('hx-target'), '#completion');
  assert.ok(partial.textContent!.includes('Items left before you can mark the task as done: 1.'));
  assert.not.ok(partial.querySelector('form'));
  const two = await alice.post(`/tasks/${task.id}/items/${second.id}/toggle`, { done: '1' }, htmx);
  assert.ok(new TextEncoder().encode(two.text).length < 1024);
  const offer = two.doc.querySelector('hx-partial form')!;
  assert.is(offer.getAttribute('action'), `/tasks/${task.id}/complete`);
  assert.ok(offer.textContent!.includes('Mark as done'));
  const back = await alice.post(`/tasks/${task.id}/items/${second.id}/toggle`, { done: '0' }, htmx);
  assert.is(back.doc.querySelector('li button')!.getAttribute('aria-checked'), 'false');
  assert.not.ok(back.doc.querySelector('hx-partial form'), 'the offer goes away again');
});

test("firm items are read-only with their state in words; the client cannot tick them", async ({ ctx, f }) => {
  const task = await makeTask(f.db, f.client, {
    title: 'Annual report',
    sections: [
      { owner: 'firm', title: 'Our part', items: ['Prepare the report'] },
      { owner: 'client', title: '', items: ['Approve the report'] },
    ],
    share: { contactIds: [f.alice.id] },
  });
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const page = await alice.get(`/tasks/${task.id}`);
  const firmItem = page.doc.querySelector(`#item-${task.items[0].id}`)!;
  assert.not.ok(firmItem.querySelector('form, button'));
  assert.ok(firmItem.textContent!.includes('Not done yet'));
  assert.ok(page.visibleText.includes('Acme ticks these items.'));
  const refused = await alice.post(`/tasks/${task.id}/items/${task.items[0].id}/toggle`, { done: '1' });
  assert.is(refused.status, 404);
  const row = await f.db.selectFrom('checklist_items').select('done').where('id', '=', task.items[0].id).executeTakeFirstOrThrow();
  assert.is(row.done, false);
});

test('mark as done is refused while a client item is open, then works; undo until the firm closes it', async ({ ctx, f }) => {
  const task = await makeTask(f.db, f.client, { title: 'Papers', assigneeIds: [f.owner.id], sections: [{ owner: 'client', title: '', items: ['One', 'Two'] }], share: { contactIds: [f.alice.id] } });
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const page = await alice.get(`/tasks/${task.id}`);
  assert.not.ok(page.doc.querySelector(`form[action="/tasks/${task.id}/complete"]`), 'no offer while items are open');
  await alice.post(`/tasks/${task.id}/items/${task.items[0].id}/toggle`, { done: '1' });
  const refused = await alice.post(`/tasks/${task.id}/complete`);
  assert.is(refused.status, 409);
  assert.ok(refused.visibleText.includes('Tick every item of your checklist before marking the task as done.'));
  assert.not.ok(refused.text.includes(' at '), 'no stack trace');
  const stillOpen = await f.db.selectFrom('task_portal').select('client_completed_at').where('task_id', '=', task.id).executeTakeFirstOrThrow();
  assert.is(stillOpen.client_completed_at, null);

  await alice.post(`/tasks/${task.id}/items/${task.items[1].id}/toggle`, { done: '1' });
  const done = await alice.post(`/tasks/${task.id}/complete`);
  assert.is(done.status, 303);
  const after = await alice.get(`/tasks/${task.id}`);
  assert.ok(after.visibleText.includes('Marked as done by Alice Alpha'));
  assert.ok(after.doc.querySelector(`form[action="/tasks/${task.id}/undo"]`));
  assert.not.ok(after.doc.querySelector('button[role=checkbox]'), 'the checklist is locked once done');
  const firmTask = await f.db.selectFrom('tasks').select('status').where('id', '=', task.id).executeTakeFirstOrThrow();
  assert.is(firmTask.status, 'open', 'without auto-finish the firm closes the task');
  const mail = await ctx.lastMailTo('owner@acme.test');
  assert.ok(mail?.subject.includes('Alpha OÜ completed the task "Papers"'), mail?.subject);
  const home = await alice.get('/');
  assert.ok(home.doc.querySelector('#completed')!.textContent!.includes('Papers'));
  assert.not.ok(home.doc.querySelector('.task-list a')?.textContent?.includes('Papers') && !home.doc.querySelector('#completed'));

  const undone = await alice.post(`/tasks/${task.id}/undo`);
  assert.is(undone.status, 303);
  const reopened = await f.db.selectFrom('task_portal').select('client_completed_at').where('task_id', '=', task.id).executeTakeFirstOrThrow();
  assert.is(reopened.client_completed_at, null);

  await alice.post(`/tasks/${task.id}/complete`);
  await f.db.updateTable('tasks').set({ status: 'done', completed_at: ctx.clock.now() }).where('id', '=', task.id).execute();
  const late = await alice.post(`/tasks/${task.id}/undo`);
  assert.is(late.status, 409);
  assert.ok(late.visibleText.includes('Acme has already closed this task'));
});

test('a tick refused with htmx (the task was marked done meanwhile) says why in the alert slot, with a 409', async ({ ctx, f }) => {
  const task = await makeTask(f.db, f.client, { title: 'Locked', sections: [{ owner: 'client', title: '', items: ['Only'] }], share: { contactIds: [f.alice.id, f.bob.id] } });
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const bob = await ctx.signInClient('acme', 'bob@example.test');
  await bob.post(`/tasks/${task.id}/items/${task.items[0].id}/toggle`, { done: '1' });
  await bob.post(`/tasks/${task.id}/complete`);
  const refused = await alice.post(`/tasks/${task.id}/items/${task.items[0].id}/toggle`, { done: '0' }, htmx);
  assert.is(refused.status, 409);
  assert.is(refused.headers.get('hx-retarget'), '#task-alert');
  assert.ok(refused.visibleText.includes('This task is marked as done, so its checklist cannot change.'));
  const item = await f.db.selectFrom('checklist_items').select('done').where('id', '=', task.items[0].id).executeTakeFirstOrThrow();
  assert.is(item.done, true, 'nothing changed');
  const page = await alice.get(`/tasks/${task.id}`);
  assert.ok(page.doc.querySelector('#task-alert[role=alert]'), 'the alert slot is on the page');
});

test('with auto-finish the client completing the task closes the firm task too', async ({ ctx, f }) => {
  const task = await makeTask(f.db, f.client, { title: 'Auto task', sections: [{ owner: 'client', title: '', items: ['Only item'] }], share: { contactIds: [f.alice.id], autoFinish: true } });
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  await alice.post(`/tasks/${task.id}/items/${task.items[0].id}/toggle`, { done: '1' });
  const done = await alice.post(`/tasks/${task.id}/complete`);
  assert.is(done.status, 303);
  const row = await f.db.selectFrom('tasks').selectAll().where('id', '=', task.id).executeTakeFirstOrThrow();
  assert.is(row.status, 'done');
  assert.is(row.completed_by_type, 'portal');
  assert.is(row.completed_by_id, f.alice.id);
  const page = await alice.get(`/tasks/${task.id}`);
  assert.ok(page.visibleText.includes('Acme closed this task'));
  assert.not.ok(page.doc.querySelector(`form[action="/tasks/${task.id}/undo"]`), 'no undo once the firm task is closed');
});

test('with the company rule on, the firm items must be done too before the client can finish', async ({ ctx, f }) => {
  await f.db.updateTable('firms').set({ checklist_required: true }).where('id', '=', f.firm.id).execute();
  const task = await makeTask(f.db, f.client, {
    title: 'Rule task',
    sections: [
      { owner: 'firm', title: '', items: ['Firm work'] },
      { owner: 'client', title: '', items: ['Client work'] },
    ],
    share: { contactIds: [f.alice.id] },
  });
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const tick = await alice.post(`/tasks/${task.id}/items/${task.items[1].id}/toggle`, { done: '1' }, htmx);
  assert.ok(tick.doc.querySelector('hx-partial')!.textContent!.includes('Acme still has items to finish'));
  const refused = await alice.post(`/tasks/${task.id}/complete`);
  assert.is(refused.status, 409);
  assert.ok(refused.visibleText.includes('including those of Acme'));
  await f.db.updateTable('checklist_items').set({ done: true }).where('id', '=', task.items[0].id).execute();
  const done = await alice.post(`/tasks/${task.id}/complete`);
  assert.is(done.status, 303);
});

test('a reference task has no checkboxes and no done button, and moves to Completed when the firm finishes it', async ({ ctx, f }) => {
  const task = await makeTask(f.db, f.client, { title: 'Read the new rules', sections: [{ owner: 'client', title: '', items: ['Read'] }], share: { contactIds: [f.alice.id], assignAsTask: false } });
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const page = await alice.get(`/tasks/${task.id}`);
  assert.not.ok(page.doc.querySelector('button[role=checkbox]'));
  assert.not.ok(page.doc.querySelector(`form[action$="/complete"]`));
  assert.ok(page.visibleText.includes('This task is for your information'));
  assert.is((await alice.post(`/tasks/${task.id}/complete`)).status, 409);
  assert.is((await alice.post(`/tasks/${task.id}/items/${task.items[0].id}/toggle`, { done: '1' })).status, 404);
  let home = await alice.get('/');
  assert.ok(home.doc.querySelector('.task-row')!.textContent!.includes('For your information'));
  await f.db.updateTable('tasks').set({ status: 'done', completed_at: ctx.clock.now() }).where('id', '=', task.id).execute();
  home = await alice.get('/');
  assert.ok(home.doc.querySelector('#completed')!.textContent!.includes('Read the new rules'));
});

test('the note is plain text: line breaks kept, HTML shown as text', async ({ ctx, f }) => {
  const task = await makeTask(f.db, f.client, { title: 'Noted', note: 'First line\nSecond <script>alert(1)</script> line', share: { contactIds: [f.alice.id] } });
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const page = await alice.get(`/tasks/${task.id}`);
  assert.not.ok(page.text.includes('<script>alert(1)</script>'));
  assert.ok(page.text.includes('&lt;script&gt;'));
  assert.ok(page.doc.querySelector('.task-note')!.textContent!.includes('First line\nSecond'));
  assert.ok(page.doc.querySelector('section#attachments[aria-labelledby]'));
  assert.ok(page.doc.querySelector('section#messages h2')!.textContent!.includes('Messages'));
});

test('concurrent ticks from two contacts never lose an update', async ({ ctx, f }) => {
  const items = Array.from({ length: 12 }, (_, i) => `Item ${i + 1}`);
  const task = await makeTask(f.db, f.client, { title: 'Many items', sections: [{ owner: 'client', title: '', items }], share: { contactIds: [f.alice.id, f.bob.id] } });
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const bob = await ctx.signInClient('acme', 'bob@example.test');
  const results = await Promise.all(
    task.items.map((item, i) => (i % 2 ? bob : alice).post(`/tasks/${task.id}/items/${item.id}/toggle`, { done: '1' }, i % 3 ? htmx : undefined)),
  );
  assert.ok(results.every((r) => r.status === 200 || r.status === 303));
  // Both people tick the same item at once: it ends up ticked, not flipped twice.
  await f.db.updateTable('checklist_items').set({ done: false }).where('id', '=', task.items[0].id).execute();
  await Promise.all([alice, bob, alice, bob].map((who) => who.post(`/tasks/${task.id}/items/${task.items[0].id}/toggle`, { done: '1' })));
  const rows = await f.db.selectFrom('checklist_items').select('done').where('task_id', '=', task.id).execute();
  assert.is(rows.filter((r) => r.done).length, 12);
});

test('a contact signing in for the first time gets the intro task in their language', async ({ ctx, f }) => {
  const now = ctx.clock.now();
  await f.db
    .insertInto('intro_templates')
    .values([
      { firm_id: f.firm.id, id: crypto.randomUUID(), language: 'en', title: 'Welcome to the portal', note: 'Start here', checklist: JSON.stringify(['Check your details', 'Upload your ID']), position: 1, created_at: now },
      { firm_id: f.firm.id, id: crypto.randomUUID(), language: 'de', title: 'Willkommen im Portal', checklist: JSON.stringify(['Daten prüfen']), position: 1, created_at: now },
    ])
    .execute();
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const home = await alice.get('/');
  assert.ok(home.visibleText.includes('Welcome to the portal'));
  assert.not.ok(home.visibleText.includes('Willkommen'));
  const link = home.doc.querySelector('.task-list a')!;
  const page = await alice.get(link.getAttribute('href')!);
  assert.is(page.doc.querySelectorAll('button[role=checkbox]').length, 2);
  assert.ok(page.visibleText.includes('Your checklist'));
  // A second sign-in adds nothing.
  await ctx.signInClient('acme', 'alice@example.test');
  const count = await f.db.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('client_id', '=', f.client.id).executeTakeFirstOrThrow();
  assert.is(Number(count.n), 1);
  // The shared mail is not sent for the intro task: the person is signing in right now.
  ctx.clock.advance(10 * 60_000);
  await ctx.worker.runOnce();
  assert.is(ctx.mail.to('alice@example.test').filter((m) => m.subject.includes('New task')).length, 0);
});

test.run();
