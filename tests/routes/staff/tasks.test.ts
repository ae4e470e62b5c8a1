import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { makeTask } from '../../../src/seed/builders-tasks.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { taskFixture, type TaskFixture } from '../portal/tasks-fixture.ts';

const test = suite<{ ctx: TestContext; f: TaskFixture }>('staff tasks');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  state.f = await taskFixture(state.ctx);
});

const rowTitles = (page: { doc: Document }) => [...page.doc.querySelectorAll('.task-table tbody th a')].map((a) => a.textContent?.trim());

test('the list filters by client, status, assignee and due, and pages by 25', async ({ ctx, f }) => {
  await makeTask(f.db, f.client, { title: 'Overdue VAT', dueDate: '2026-11-20', assigneeIds: [f.member.id] });
  await makeTask(f.db, f.client, { title: 'This week payroll', dueDate: '2026-12-03', status: 'in_progress' });
  await makeTask(f.db, f.client, { title: 'Undated chore' });
  await makeTask(f.db, f.client, { title: 'Finished report', status: 'done', dueDate: '2026-11-01' });
  await makeTask(f.db, f.otherClient, { title: 'Beta task', dueDate: '2026-12-20' });
  const staff = await ctx.signInStaff('acme', 'owner@acme.test');
  const all = await staff.get('/staff/tasks');
  assert.is(all.status, 200);
  assert.equal(rowTitles(all), ['Overdue VAT', 'This week payroll', 'Beta task', 'Beta secret payroll', 'Undated chore'], 'soonest due first, undated last');
  assert.not.ok(rowTitles(all).includes('Finished report'), 'done tasks are hidden by default');
  assert.not.ok(all.text.includes('Gamma secret audit'), "another firm's task never shows");
  assert.ok(all.doc.querySelector('.task-table .overdue')!.textContent!.includes('Overdue'));
  assert.equal(rowTitles(await staff.get(`/staff/tasks?client=${f.otherClient.id}`)), ['Beta task', 'Beta secret payroll']);
  assert.equal(rowTitles(await staff.get('/staff/tasks?status=done')), ['Finished report']);
  assert.equal(rowTitles(await staff.get(`/staff/tasks?assignee=${f.member.id}`)), ['Overdue VAT']);
  assert.equal(rowTitles(await staff.get('/staff/tasks?due=overdue')), ['Overdue VAT']);
  assert.equal(rowTitles(await staff.get('/staff/tasks?due=week')), ['This week payroll']);
  assert.ok(rowTitles(await staff.get('/staff/tasks?due=none')).includes('Undated chore'));
  assert.equal(rowTitles(await staff.get('/staff/tasks?q=payroll')), ['This week payroll', 'Beta secret payroll']);
  assert.ok((await staff.get('/staff/tasks?q=nothing-like-this')).visibleText.includes('No tasks match these filters.'));

  for (let i = 0; i < 30; i++) await makeTask(f.db, f.client, { title: `Bulk ${String(i).padStart(2, '0')}`, dueDate: '2027-03-01' });
  const first = await staff.get('/staff/tasks');
  assert.is(first.doc.querySelectorAll('.task-table tbody tr').length, 25);
  const next = first.doc.querySelector('a[rel=next]')!.getAttribute('href')!;
  const second = await staff.get(next);
  assert.is(second.doc.querySelectorAll('.task-table tbody tr').length, 10, '35 open tasks: 25 + 10');
  assert.ok(second.visibleText.includes('Page 2 of 2'));
});

test('a new task is validated (422, errors by the fields, values kept) and then created', async ({ ctx, f }) => {
  const staff = await ctx.signInStaff('acme', 'owner@acme.test');
  const form = await staff.get(`/staff/tasks/new?client=${f.client.id}`);
  assert.is(form.doc.querySelector<HTMLSelectElement>('#field-client option[selected]')!.getAttribute('value'), f.client.id);
  const bad = await staff.post('/staff/tasks', { client: f.otherFirmClient.id, title: '', start_date: '2026-12-10', due_date: '2026-12-01', recurrence: 'monthly' });
  assert.is(bad.status, 422);
  assert.ok(bad.doc.querySelector('.error-summary'));
  assert.is(bad.doc.querySelector('#field-title')!.getAttribute('aria-invalid'), 'true');
  assert.ok(bad.visibleText.includes('Choose the client this task is for'), "another firm's client is refused");
  assert.ok(bad.visibleText.includes('The due date cannot be before the start date'));
  assert.is(bad.doc.querySelector('#field-start_date')!.getAttribute('value'), '2026-12-10');
  const created = await staff.post('/staff/tasks', { client: f.client.id, title: 'Quarterly VAT', note: 'Line one', due_date: '2026-12-20', status: 'open', assignees: [f.member.id], recurrence: 'quarterly' });
  assert.is(created.status, 303);
  const page = await staff.follow(created);
  assert.is(page.doc.querySelector('h1')!.textContent, 'Quarterly VAT');
  assert.ok(page.visibleText.includes('Task created.'));
  assert.ok(page.visibleText.includes('Mart Member'));
  assert.ok(page.visibleText.includes('Every quarter'));
  assert.not.ok(page.visibleText.includes('Billing'), 'no billing setting while billing is off');
  const audit = await f.db.selectFrom('audit_events').select('action').where('action', '=', 'task.created').execute();
  assert.is(audit.length, 1);
});

test('edit and delete (with a confirm step)', async ({ ctx, f }) => {
  const task = await makeTask(f.db, f.client, { title: 'Old title', sections: [{ owner: 'client', title: '', items: ['x'] }], share: { contactIds: [f.alice.id] } });
  const staff = await ctx.signInStaff('acme', 'owner@acme.test');
  const edit = await staff.get(`/staff/tasks/${task.id}/edit`);
  assert.is(edit.doc.querySelector('#field-title')!.getAttribute('value'), 'Old title');
  const saved = await staff.post(`/staff/tasks/${task.id}`, { title: 'New title', due_date: '2026-12-24', recurrence: 'none' });
  assert.is(saved.status, 303);
  const row = await f.db.selectFrom('tasks').select(['title']).where('id', '=', task.id).executeTakeFirstOrThrow();
  assert.is(row.title, 'New title');
  const confirm = await staff.get(`/staff/tasks/${task.id}/delete`);
  assert.ok(confirm.visibleText.includes('Delete "New title"?'));
  const deleted = await staff.post(`/staff/tasks/${task.id}/delete`, { confirm: 'yes' });
  assert.is(deleted.status, 303);
  assert.is((await staff.get(`/staff/tasks/${task.id}`)).status, 404);
  const left = await f.db.selectFrom('checklist_items').select('id').where('task_id', '=', task.id).execute();
  assert.is(left.length, 0);
});

test('checklist editor: add sections and items, rename, reorder with buttons, tick, remove', async ({ ctx, f }) => {
  const task = await makeTask(f.db, f.client, { title: 'Year end' });
  const staff = await ctx.signInStaff('acme', 'owner@acme.test');
  const added = await staff.post(`/staff/tasks/${task.id}/sections`, { title: 'Documents from you', owner: 'client' });
  assert.is(added.status, 303);
  const section = await f.db.selectFrom('checklist_sections').selectAll().where('task_id', '=', task.id).executeTakeFirstOrThrow();
  assert.is(added.location, `/staff/tasks/${task.id}#section-${section.id}`);
  assert.is(section.owner, 'client');
  await staff.post(`/staff/tasks/${task.id}/sections`, { title: 'Our work', owner: 'firm' });
  for (const text of ['First', 'Second', 'Third']) await staff.post(`/staff/tasks/${task.id}/sections/${section.id}/items`, { text });
  const empty = await staff.post(`/staff/tasks/${task.id}/sections/${section.id}/items`, { text: '  ' });
  assert.is(empty.status, 422);
  assert.ok(empty.doc.querySelector(`#input-add-${section.id}[aria-invalid=true]`));
  const items = async () => (await f.db.selectFrom('checklist_items').select(['id', 'text', 'done']).where('task_id', '=', task.id).orderBy('position').execute());
  const [first, , third] = await items();
  assert.is((await staff.post(`/staff/tasks/${task.id}/items/${third.id}/move`, { direction: 'up' })).status, 303);
  assert.equal((await items()).map((i) => i.text), ['First', 'Third', 'Second']);
  await staff.post(`/staff/tasks/${task.id}/items/${first.id}/move`, { direction: 'down' });
  assert.equal((await items()).map((i) => i.text), ['Third', 'First', 'Second']);
  await staff.post(`/staff/tasks/${task.id}/items/${first.id}`, { text: 'First, renamed' });
  await staff.post(`/staff/tasks/${task.id}/items/${third.id}/delete`);
  assert.equal((await items()).map((i) => i.text), ['First, renamed', 'Second']);
  await staff.post(`/staff/tasks/${task.id}/items/${first.id}/toggle`, { done: '1' });
  const page = await staff.get(`/staff/tasks/${task.id}`);
  assert.is(page.doc.querySelector(`#item-${first.id} button[role=checkbox]`)!.getAttribute('aria-checked'), 'true');
  assert.ok(page.doc.querySelector(`#item-${first.id}`)!.textContent!.includes('Done by Olga Owner'));
  const sections = await f.db.selectFrom('checklist_sections').select(['id', 'title']).where('task_id', '=', task.id).orderBy('position').execute();
  await staff.post(`/staff/tasks/${task.id}/sections/${sections[1].id}/move`, { direction: 'up' });
  assert.equal((await f.db.selectFrom('checklist_sections').select('title').where('task_id', '=', task.id).orderBy('position').execute()).map((s) => s.title), ['Our work', 'Documents from you']);
  await staff.post(`/staff/tasks/${task.id}/sections/${section.id}`, { title: 'From you', owner: 'firm' });
  assert.is((await f.db.selectFrom('checklist_sections').select('owner').where('id', '=', section.id).executeTakeFirstOrThrow()).owner, 'firm');
  await staff.post(`/staff/tasks/${task.id}/sections/${section.id}/delete`);
  assert.is((await items()).length, 0, 'removing a section removes its items');
});

test('mark done and reopen; the company rule refuses done while items are open; only owners and admins set it', async ({ ctx, f }) => {
  const task = await makeTask(f.db, f.client, { title: 'Ruled', sections: [{ owner: 'firm', title: '', items: ['Check'] }] });
  const owner = await ctx.signInStaff('acme', 'owner@acme.test');
  const member = await ctx.signInStaff('acme', 'member@acme.test');
  assert.is((await member.post('/staff/tasks/settings', { checklist_required: 'on' })).status, 403);
  assert.not.ok((await member.get('/staff/tasks')).doc.querySelector('form[action="/staff/tasks/settings"]'));
  assert.is((await owner.post('/staff/tasks/settings', { checklist_required: 'on' })).status, 303);
  const refused = await owner.post(`/staff/tasks/${task.id}/status`, { status: 'done' });
  assert.is(refused.status, 409);
  assert.ok(refused.visibleText.includes('1 checklist item is still open'));
  await owner.post(`/staff/tasks/${task.id}/items/${task.items[0].id}/toggle`, { done: '1' });
  assert.is((await owner.post(`/staff/tasks/${task.id}/status`, { status: 'done' })).status, 303);
  let row = await f.db.selectFrom('tasks').selectAll().where('id', '=', task.id).executeTakeFirstOrThrow();
  assert.is(row.status, 'done');
  assert.is(row.completed_by_id, f.owner.id);
  await owner.post(`/staff/tasks/${task.id}/status`, { status: 'open' });
  row = await f.db.selectFrom('tasks').selectAll().where('id', '=', task.id).executeTakeFirstOrThrow();
  assert.is(row.status, 'open');
  assert.is(row.completed_at, null);
});

test('a recurring task creates its next occurrence with an unticked copy of the checklist, once', async ({ ctx, f }) => {
  const staff = await ctx.signInStaff('acme', 'owner@acme.test');
  const created = await staff.post('/staff/tasks', { client: f.client.id, title: 'Monthly close', start_date: '2027-01-25', due_date: '2027-01-31', status: 'open', recurrence: 'monthly', assignees: [f.member.id] });
  const id = created.location!.split('/').pop()!.split('?')[0];
  await staff.post(`/staff/tasks/${id}/sections`, { title: 'Papers', owner: 'client' });
  const section = await f.db.selectFrom('checklist_sections').select('id').where('task_id', '=', id).executeTakeFirstOrThrow();
  await staff.post(`/staff/tasks/${id}/sections/${section.id}/items`, { text: 'Bank statement' });
  const item = await f.db.selectFrom('checklist_items').select('id').where('task_id', '=', id).executeTakeFirstOrThrow();
  await staff.post(`/staff/tasks/${id}/items/${item.id}/toggle`, { done: '1' });
  const done = await staff.post(`/staff/tasks/${id}/status`, { status: 'done' });
  assert.ok(done.location!.includes('m=done-next'));
  const series = async () =>
    (await ctx.db.selectFrom('tasks').select(['id', 'status', (eb) => eb.fn<string>('to_char', [eb.ref('due_date'), eb.val('YYYY-MM-DD')]).as('due'), (eb) => eb.fn<string>('to_char', [eb.ref('start_date'), eb.val('YYYY-MM-DD')]).as('start')]).where('title', '=', 'Monthly close').orderBy('due_date').execute());
  let rows = await series();
  assert.is(rows.length, 2);
  assert.is(rows[1].due, '2027-02-28');
  assert.is(rows[1].start, '2027-02-25');
  const nextItems = await f.db.selectFrom('checklist_items').select(['text', 'done']).where('task_id', '=', rows[1].id).execute();
  assert.equal(nextItems, [{ text: 'Bank statement', done: false }]);
  const nextAssignees = await f.db.selectFrom('task_assignees').select('member_id').where('task_id', '=', rows[1].id).execute();
  assert.equal(nextAssignees.map((a) => a.member_id), [f.member.id]);
  // Reopening and finishing again does not make a second copy.
  await staff.post(`/staff/tasks/${id}/status`, { status: 'open' });
  await staff.post(`/staff/tasks/${id}/status`, { status: 'done' });
  assert.is((await series()).length, 2);
  // The month after a short month goes back to the 31st.
  await staff.post(`/staff/tasks/${rows[1].id}/status`, { status: 'done' });
  rows = await series();
  assert.equal(rows.map((r) => r.due), ['2027-01-31', '2027-02-28', '2027-03-31']);
  const page = await staff.get(`/staff/tasks/${rows[1].id}`);
  assert.ok(page.doc.querySelector(`a[href="/staff/tasks/${rows[2].id}"]`), 'links to the next occurrence');
});

test('the billing setting appears only with the billing app on', async ({ ctx, f }) => {
  await f.db.updateTable('firms').set({ billing_enabled: true, plan: 'team' }).where('id', '=', f.firm.id).execute();
  const staff = await ctx.signInStaff('acme', 'owner@acme.test');
  const form = await staff.get('/staff/tasks/new');
  assert.ok(form.doc.querySelector('#field-billing'));
  const missing = await staff.post('/staff/tasks', { client: f.client.id, title: 'Billed', status: 'open', recurrence: 'none', billing: 'custom' });
  assert.is(missing.status, 422);
  assert.ok(missing.visibleText.includes('Enter the billing date'));
  const created = await staff.post('/staff/tasks', { client: f.client.id, title: 'Billed', status: 'open', recurrence: 'none', billing: 'custom', billing_date: '2027-01-15' });
  const page = await staff.follow(created);
  assert.ok(page.visibleText.includes('On a custom date: 15 Jan 2027'));
});

test("every staff task route answers 404 for another firm's task, leaking nothing", async ({ ctx, f }) => {
  const staff = await ctx.signInStaff('acme', 'owner@acme.test');
  const foreign = f.foreign[1];
  const item = foreign.items[0].id;
  const section = (await f.db.selectFrom('checklist_sections').select('id').where('task_id', '=', foreign.id).executeTakeFirstOrThrow()).id;
  const gets = [`/staff/tasks/${foreign.id}`, `/staff/tasks/${foreign.id}/edit`, `/staff/tasks/${foreign.id}/delete`];
  const posts: [string, Record<string, string>][] = [
    [`/staff/tasks/${foreign.id}`, { title: 'Hacked', recurrence: 'none' }],
    [`/staff/tasks/${foreign.id}/delete`, {}],
    [`/staff/tasks/${foreign.id}/status`, { status: 'done' }],
    [`/staff/tasks/${foreign.id}/portal`, { contacts: f.dave.id }],
    [`/staff/tasks/${foreign.id}/portal/remove`, {}],
    [`/staff/tasks/${foreign.id}/sections`, { title: 'x', owner: 'client' }],
    [`/staff/tasks/${foreign.id}/sections/${section}`, { title: 'x', owner: 'firm' }],
    [`/staff/tasks/${foreign.id}/sections/${section}/move`, { direction: 'up' }],
    [`/staff/tasks/${foreign.id}/sections/${section}/items`, { text: 'x' }],
    [`/staff/tasks/${foreign.id}/sections/${section}/delete`, {}],
    [`/staff/tasks/${foreign.id}/items/${item}`, { text: 'x' }],
    [`/staff/tasks/${foreign.id}/items/${item}/move`, { direction: 'up' }],
    [`/staff/tasks/${foreign.id}/items/${item}/toggle`, { done: '1' }],
    [`/staff/tasks/${foreign.id}/items/${item}/delete`, {}],
  ];
  for (const path of gets) {
    const page = await staff.get(path);
    assert.is(page.status, 404, path);
    assert.not.ok(page.text.includes('Gamma'), path);
  }
  for (const [path, form] of posts) {
    const page = await staff.post(path, form);
    assert.is(page.status, 404, `${path} answered ${page.status}`);
    assert.not.ok(page.text.includes('Gamma'), path);
  }
  const untouched = await f.db.selectFrom('tasks').select(['title', 'status']).where('id', '=', foreign.id).executeTakeFirstOrThrow();
  assert.equal(untouched, { title: 'Gamma secret audit', status: 'open' });
  assert.is((await f.db.selectFrom('checklist_items').select('done').where('id', '=', item).executeTakeFirstOrThrow()).done, false);
  // Our own task cannot be linked to another client's contact either.
  const own = await makeTask(f.db, f.client, { title: 'Own' });
  const wrongContact = await staff.post(`/staff/tasks/${own.id}/portal`, { contacts: f.carol.id, due_offset_days: '0' });
  assert.is(wrongContact.status, 422);
});

test.run();
