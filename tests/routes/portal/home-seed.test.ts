import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { seedDemo } from '../../../src/seed/index.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';

const test = suite<{ ctx: TestContext }>('portal home with the demo data');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  await seedDemo(state.ctx.db, state.ctx.clock.now(), state.ctx.deps.blobs);
});

test('alex at Alex Design OÜ sees due soon, overdue, new, reference and more than 10 completed tasks', async ({ ctx }) => {
  const alex = await ctx.signInClient('demo', 'alex@example.test');
  const home = await alex.get('/');
  assert.is(home.status, 200);
  assert.ok(home.doc.querySelector('#signing-heading'), 'demo is elite with eSignatures on');
  const rows = [...home.doc.querySelectorAll('.task-list > .task-row')];
  assert.ok(rows.length >= 5, `${rows.length} tasks to do`);
  assert.ok(rows.some((r) => r.querySelector('.overdue')?.textContent?.includes('Overdue')));
  assert.ok(rows.some((r) => r.textContent?.includes('New')));
  assert.ok(rows.some((r) => r.textContent?.includes('For your information')));
  assert.ok(home.doc.querySelector('#completed-list .more-row a'), 'Show more appears');
  const task = rows[0].querySelector('a')!.getAttribute('href')!;
  const page = await alex.get(task);
  assert.is(page.status, 200);
  assert.ok(page.doc.querySelector('button[role=checkbox]'));
});

test('mari at Baltic Bakery AS and alex at Northwind see their own tasks', async ({ ctx }) => {
  const mari = await ctx.signInClient('demo', 'mari@example.test');
  const home = await mari.get('/');
  assert.ok(home.visibleText.includes('Weekly cash register report'));
  assert.not.ok(home.visibleText.includes('VAT return for'), "Alex's tasks stay with Alex");
  assert.ok(home.doc.querySelector('#completed-list .more-row'));
  const alex = await ctx.signInClient('northwind', 'alex@example.test');
  const north = await alex.get('/');
  assert.ok(north.visibleText.includes('Send the November invoices'));
});

test.run();
