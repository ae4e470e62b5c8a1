// The sections' item counters (kept by a database trigger, read by the portal home) always equal a recount,
// whatever changes the items: ticks (also many at once), staff ticks, new and removed items and sections, copies.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sql } from 'kysely';
import { addItem, addSection, copyChecklist, deleteItem, deleteSection, setItemDoneByStaff } from '../../src/db/queries/checklists.ts';
import { makeTask } from '../../src/seed/builders-tasks.ts';
import { toggleClientItem } from '../../src/tasks/portal-actions.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { taskFixture, type TaskFixture } from '../routes/portal/tasks-fixture.ts';

const test = suite<{ ctx: TestContext; f: TaskFixture }>('checklist counters');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  state.f = await taskFixture(state.ctx);
});

/** Every section of the firm whose counters differ from a recount of its items. */
async function wrongCounters(f: TaskFixture) {
  const rows = await sql<{ id: string; items_total: number; items_done: number; total: number; done: number }>`
    select s.id, s.items_total, s.items_done, count(i.id)::int as total, (count(i.id) filter (where i.done))::int as done
    from checklist_sections s left join checklist_items i on i.firm_id = s.firm_id and i.section_id = s.id
    where s.firm_id = ${f.firm.id} group by s.id, s.items_total, s.items_done`.execute(f.db);
  return rows.rows.filter((r) => r.items_total !== r.total || r.items_done !== r.done);
}

async function counters(f: TaskFixture, taskId: string, owner: 'client' | 'firm') {
  return f.db.selectFrom('checklist_sections').select(['items_total', 'items_done']).where('firm_id', '=', f.firm.id).where('task_id', '=', taskId).where('owner', '=', owner).executeTakeFirstOrThrow();
}

test('counters follow every kind of change, and equal a recount after each', async ({ ctx, f }) => {
  const texts = Array.from({ length: 8 }, (_, i) => `Item ${i + 1}`);
  const task = await makeTask(f.db, f.client, { title: 'Year end', sections: [{ owner: 'client', title: '', items: texts }, { owner: 'firm', title: 'Ours', items: ['Review'] }], share: { contactIds: [f.alice.id, f.bob.id] } });
  assert.equal(await counters(f, task.id, 'client'), { items_total: 8, items_done: 0 });
  const client = task.items.filter((i) => i.owner === 'client');
  const scope = { firmId: f.firm.id, clientId: f.client.id, contactId: f.alice.id };
  const bobScope = { ...scope, contactId: f.bob.id };
  const now = ctx.clock.now();
  // Two contacts tick six items at the same time: none is lost.
  const outcomes = await Promise.all(
    client.slice(0, 6).map((item, i) => toggleClientItem(f.db, i % 2 ? bobScope : scope, { taskId: task.id, itemId: item.id, done: true, actor: { type: 'portal', id: f.alice.id }, now })),
  );
  assert.ok(outcomes.every((o) => o.ok));
  assert.equal(await counters(f, task.id, 'client'), { items_total: 8, items_done: 6 });
  // Ticking an item that is already ticked changes nothing.
  await toggleClientItem(f.db, scope, { taskId: task.id, itemId: client[0].id, done: true, actor: { type: 'portal', id: f.alice.id }, now });
  await toggleClientItem(f.db, scope, { taskId: task.id, itemId: client[1].id, done: false, actor: { type: 'portal', id: f.alice.id }, now });
  assert.equal(await counters(f, task.id, 'client'), { items_total: 8, items_done: 5 });
  const review = task.items.find((i) => i.owner === 'firm')!;
  await setItemDoneByStaff(f.db, f.firm.id, task.id, review.id, true, f.owner.id, now);
  assert.equal(await counters(f, task.id, 'firm'), { items_total: 1, items_done: 1 });
  await deleteItem(f.db, f.firm.id, task.id, client[0].id);
  const added = await addItem(f.db, f.firm.id, task.id, (await f.db.selectFrom('checklist_items').select('section_id').where('id', '=', client[2].id).executeTakeFirstOrThrow()).section_id, 'One more');
  assert.ok(added);
  assert.equal(await counters(f, task.id, 'client'), { items_total: 8, items_done: 4 });
  const extra = await addSection(f.db, f.firm.id, task.id, { owner: 'client', title: 'Later' });
  await addItem(f.db, f.firm.id, task.id, extra, 'Later item');
  const firmSection = await f.db.selectFrom('checklist_sections').select('id').where('task_id', '=', task.id).where('owner', '=', 'firm').executeTakeFirstOrThrow();
  await deleteSection(f.db, f.firm.id, task.id, firmSection.id);
  const next = await makeTask(f.db, f.client, { title: 'Year end, next year' });
  await copyChecklist(f.db, f.firm.id, task.id, next.id);
  assert.is((await f.db.selectFrom('checklist_items').select('id').where('task_id', '=', next.id).execute()).length, 9, 'the copy has every item');
  assert.equal(await wrongCounters(f), []);
});

test('the home shows progress from the counters', async ({ ctx, f }) => {
  const task = await makeTask(f.db, f.client, { title: 'Payroll', sections: [{ owner: 'client', title: '', items: ['a', 'b', 'c'] }, { owner: 'firm', title: '', items: ['d'] }], share: { contactIds: [f.alice.id] } });
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  assert.ok((await alice.get('/')).visibleText.includes('0 of 3 done'));
  const first = task.items.find((i) => i.owner === 'client')!;
  await toggleClientItem(f.db, { firmId: f.firm.id, clientId: f.client.id, contactId: f.alice.id }, { taskId: task.id, itemId: first.id, done: true, actor: { type: 'portal', id: f.alice.id }, now: ctx.clock.now() });
  assert.ok((await alice.get('/')).visibleText.includes('1 of 3 done'));
});

test.run();
