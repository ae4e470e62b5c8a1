import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { MINUTE } from '../../../src/clock.ts';
import { makeTask } from '../../../src/seed/builders-tasks.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { taskFixture, type TaskFixture } from '../portal/tasks-fixture.ts';

const test = suite<{ ctx: TestContext; f: TaskFixture }>('staff task portal panel and task mail');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  state.f = await taskFixture(state.ctx);
});

const sharedMail = (ctx: TestContext, to: string) => ctx.mail.to(to).filter((m) => m.subject.startsWith('New task'));

test('sharing a task e-mails the contact about 5 minutes later, with a link to the task', async ({ ctx, f }) => {
  const task = await makeTask(f.db, f.client, { title: 'Send November papers', dueDate: '2026-12-10' });
  const staff = await ctx.signInStaff('acme', 'owner@acme.test');
  const page = await staff.get(`/staff/tasks/${task.id}`);
  const boxes = [...page.doc.querySelectorAll('#portal input[name=contacts]')].map((i) => i.getAttribute('value'));
  assert.equal(boxes.sort(), [f.alice.id, f.bob.id].sort(), 'only contacts of this client with access');
  const shared = await staff.post(`/staff/tasks/${task.id}/portal`, { contacts: f.alice.id, assign_as_task: 'on', due_offset_days: '2' });
  assert.is(shared.status, 303);
  await ctx.worker.runOnce();
  assert.is(sharedMail(ctx, 'alice@example.test').length, 0, 'not at once');
  ctx.clock.advance(4 * MINUTE);
  await ctx.worker.runOnce();
  assert.is(sharedMail(ctx, 'alice@example.test').length, 0, 'not before 5 minutes');
  ctx.clock.advance(1 * MINUTE);
  await ctx.worker.runOnce();
  const [mail] = sharedMail(ctx, 'alice@example.test');
  assert.ok(mail, 'sent once due');
  assert.is(mail.subject, 'New task from Acme: Send November papers');
  assert.ok(mail.links.includes(`http://acme.localhost:3000/tasks/${task.id}`), mail.links.join(' '));
  assert.ok(mail.text.includes('8 Dec 2026'), 'the client-facing due date');
  assert.is(sharedMail(ctx, 'bob@example.test').length, 0);
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  assert.is((await alice.get(`/tasks/${task.id}`)).status, 200);
});

test('unsharing within 5 minutes cancels the mail; saving again does not restart it', async ({ ctx, f }) => {
  const task = await makeTask(f.db, f.client, { title: 'Payroll' });
  const staff = await ctx.signInStaff('acme', 'owner@acme.test');
  await staff.post(`/staff/tasks/${task.id}/portal`, { contacts: [f.alice.id, f.bob.id], assign_as_task: 'on', due_offset_days: '0' });
  ctx.clock.advance(3 * MINUTE);
  // An edit three minutes later keeps Alice's mail due at the original time and takes Bob off.
  await staff.post(`/staff/tasks/${task.id}/portal`, { contacts: f.alice.id, assign_as_task: 'on', due_offset_days: '1' });
  ctx.clock.advance(2 * MINUTE);
  await ctx.worker.runOnce();
  assert.is(sharedMail(ctx, 'alice@example.test').length, 1, 'due 5 minutes after the first share, not the edit');
  assert.is(sharedMail(ctx, 'bob@example.test').length, 0, 'Bob was unshared before it went');
  const rows = await f.db.selectFrom('outbox').select(['to_email', 'status']).where('template', '=', 'task-shared').orderBy('to_email').execute();
  assert.equal(rows, [
    { to_email: 'alice@example.test', status: 'sent' },
    { to_email: 'bob@example.test', status: 'cancelled' },
  ]);

  const second = await makeTask(f.db, f.client, { title: 'Quick unshare' });
  await staff.post(`/staff/tasks/${second.id}/portal`, { contacts: f.bob.id, assign_as_task: 'on', due_offset_days: '0' });
  ctx.clock.advance(MINUTE);
  const removed = await staff.post(`/staff/tasks/${second.id}/portal/remove`);
  assert.is(removed.status, 303);
  ctx.clock.advance(10 * MINUTE);
  await ctx.worker.runOnce();
  assert.is(sharedMail(ctx, 'bob@example.test').length, 0, 'the X cancelled it');
  const bob = await ctx.signInClient('acme', 'bob@example.test');
  assert.is((await bob.get(`/tasks/${second.id}`)).status, 404, 'hidden from the portal again');
  assert.not.ok((await bob.get('/')).text.includes('Quick unshare'));
});

test('a contact whose access ends before the mail goes out gets no "new task" mail; the others still do', async ({ ctx, f }) => {
  const task = await makeTask(f.db, f.client, { title: 'VAT return' });
  const staff = await ctx.signInStaff('acme', 'owner@acme.test');
  await staff.post(`/staff/tasks/${task.id}/portal`, { contacts: [f.alice.id, f.bob.id], assign_as_task: 'on', due_offset_days: '0' });
  ctx.clock.advance(2 * MINUTE);
  const edit = await staff.get(`/staff/clients/${f.client.id}/contacts/${f.alice.id}/edit`);
  assert.is(edit.status, 200);
  const fields = Object.fromEntries([...edit.doc.querySelectorAll<HTMLInputElement>('form input[name]')].filter((i) => i.type !== 'checkbox').map((i) => [i.name, i.value]));
  const saved = await staff.post(`/staff/clients/${f.client.id}/contacts/${f.alice.id}/edit`, fields);
  assert.is(saved.status, 303, 'saved without the access box: access revoked');
  ctx.clock.advance(10 * MINUTE);
  await ctx.worker.runOnce();
  assert.is(sharedMail(ctx, 'alice@example.test').length, 0, 'no mail about a portal she can no longer open');
  assert.is(sharedMail(ctx, 'bob@example.test').length, 1);
});

test("the mail follows the person's timing: a morning digest of several tasks, or nothing when off", async ({ ctx, f }) => {
  const now = ctx.clock.now(); // 2026-11-30 09:00 UTC = 11:00 in Tallinn
  await f.db
    .insertInto('portal_users')
    .values([
      { id: crypto.randomUUID(), email: 'alice@example.test', first_name: 'Alice', timezone: 'Europe/Tallinn', notify_timing: 'morning', language: 'de', created_at: now },
      { id: crypto.randomUUID(), email: 'bob@example.test', first_name: 'Bob', timezone: 'Europe/Tallinn', notify_timing: 'off', created_at: now },
    ])
    .execute();
  const one = await makeTask(f.db, f.client, { title: 'Erste Aufgabe' });
  const two = await makeTask(f.db, f.client, { title: 'Zweite Aufgabe' });
  const three = await makeTask(f.db, f.client, { title: 'Dritte Aufgabe' });
  const staff = await ctx.signInStaff('acme', 'owner@acme.test');
  for (const task of [one, two, three]) await staff.post(`/staff/tasks/${task.id}/portal`, { contacts: [f.alice.id, f.bob.id], assign_as_task: 'on', due_offset_days: '0' });
  await staff.post(`/staff/tasks/${three.id}/portal/remove`);
  const digests = await f.db.selectFrom('outbox').selectAll().where('template', '=', 'task-digest').where('status', '=', 'pending').execute();
  assert.is(digests.length, 1, 'one digest for the morning');
  assert.is(digests[0].due_at.toISOString(), '2026-12-01T06:00:00.000Z', '08:00 in Tallinn the next morning');
  ctx.clock.set(new Date('2026-12-01T05:59:00Z'));
  await ctx.worker.runOnce();
  assert.is(ctx.mail.to('alice@example.test').length, 0);
  ctx.clock.set(new Date('2026-12-01T06:00:00Z'));
  await ctx.worker.runOnce();
  const [digest] = ctx.mail.to('alice@example.test');
  assert.is(digest.subject, 'Neue Aufgaben von Acme');
  assert.ok(digest.text.includes('Erste Aufgabe') && digest.text.includes('Zweite Aufgabe'));
  assert.not.ok(digest.text.includes('Dritte Aufgabe'), 'the unshared task left the digest');
  assert.is(ctx.mail.to('bob@example.test').length, 0, 'notifications off');
});

test('portal panel rules: auto finish needs a portal assignee, the offset is 0 to 7, contacts need access', async ({ ctx, f }) => {
  const task = await makeTask(f.db, f.client, { title: 'Rules' });
  await f.db.updateTable('contacts').set({ access_enabled: false }).where('id', '=', f.bob.id).execute();
  const staff = await ctx.signInStaff('acme', 'owner@acme.test');
  const noAssignee = await staff.post(`/staff/tasks/${task.id}/portal`, { auto_finish: 'on', due_offset_days: '0' });
  assert.is(noAssignee.status, 422);
  assert.ok(noAssignee.visibleText.includes('Auto finish needs at least one portal assignee'));
  assert.is(noAssignee.doc.querySelector('#field-auto_finish')!.getAttribute('aria-invalid'), 'true');
  assert.ok(noAssignee.doc.querySelector<HTMLInputElement>('#field-auto_finish')!.hasAttribute('checked'), 'the submitted value is kept');
  const badOffset = await staff.post(`/staff/tasks/${task.id}/portal`, { contacts: f.alice.id, due_offset_days: '8' });
  assert.is(badOffset.status, 422);
  assert.ok(badOffset.visibleText.includes('Choose an offset from 0 to 7 days'));
  const noAccess = await staff.post(`/staff/tasks/${task.id}/portal`, { contacts: f.bob.id, due_offset_days: '0' });
  assert.is(noAccess.status, 422);
  assert.is(await f.db.selectFrom('task_portal').select('task_id').where('task_id', '=', task.id).executeTakeFirst(), undefined, 'nothing saved');
  await f.db.updateTable('clients').set({ portal_enabled: false }).where('id', '=', f.client.id).execute();
  const off = await staff.get(`/staff/tasks/${task.id}`);
  assert.ok(off.visibleText.includes('The client portal is off for Alpha OÜ'));
  assert.not.ok(off.doc.querySelector(`form[action="/staff/tasks/${task.id}/portal"]`));
});

test('the staff task page shows what the client did: who opened it, who ticked what, who completed it', async ({ ctx, f }) => {
  const task = await makeTask(f.db, f.client, { title: 'Watch me', sections: [{ owner: 'client', title: '', items: ['Upload the bank statement'] }], share: { contactIds: [f.alice.id, f.bob.id] } });
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  await alice.get(`/tasks/${task.id}`);
  await alice.post(`/tasks/${task.id}/items/${task.items[0].id}/toggle`, { done: '1' });
  await alice.post(`/tasks/${task.id}/complete`);
  const staff = await ctx.signInStaff('acme', 'owner@acme.test');
  const page = await staff.get(`/staff/tasks/${task.id}`);
  const panel = page.doc.querySelector('#portal')!.textContent!.replace(/\s+/g, ' ');
  assert.ok(panel.includes('Completed by Alice Alpha on'), panel);
  assert.ok(/Alice Alpha: opened/.test(panel));
  assert.ok(panel.includes('Bob Alpha: not opened yet'));
  assert.ok(page.doc.querySelector(`#item-${task.items[0].id}`)!.textContent!.includes('Done by Alice Alpha (client)'));
  const dashboard = await staff.get('/staff');
  const card = dashboard.doc.querySelector('#card-tasks-completed-by-clients')!.closest('section')!;
  assert.ok(card.querySelector(`a[href="/staff/tasks/${task.id}"]`), 'the dashboard lists it under tasks completed by clients');
  // The responsible member hears about it, since the task has no assignees.
  const mail = await ctx.lastMailTo('member@acme.test');
  assert.ok(mail?.subject.includes('completed the task "Watch me"'));
  assert.ok(mail!.links.some((l) => l.endsWith(`/staff/tasks/${task.id}`)));
});

test.run();
