// The staff dashboard card "New uploads since yesterday".
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startOfYesterday } from '../../../src/routes/staff/files-dashboard-card.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { text } from '../../files/samples.ts';
import { filesFixture, postFiles, type FilesFixture } from '../portal/files-fixture.ts';

const test = suite<{ ctx: TestContext; f: FilesFixture }>('staff dashboard: new uploads');

test.before.each(async (state) => {
  state.ctx = await createTestContext({ now: new Date('2026-11-28T21:00:00Z') });
  state.f = await filesFixture(state.ctx);
});

test('start of yesterday is local midnight, also across a daylight-saving change', () => {
  assert.is(startOfYesterday(new Date('2026-11-30T09:00:00Z'), 'Europe/Tallinn').toISOString(), '2026-11-28T22:00:00.000Z');
  assert.is(startOfYesterday(new Date('2026-03-30T09:00:00Z'), 'Europe/Tallinn').toISOString(), '2026-03-28T22:00:00.000Z');
  assert.is(startOfYesterday(new Date('2026-03-31T09:00:00Z'), 'Europe/Tallinn').toISOString(), '2026-03-29T21:00:00.000Z'); // summer time since the 29th
  assert.is(startOfYesterday(new Date('2026-07-02T12:00:00Z'), 'UTC').toISOString(), '2026-07-01T00:00:00.000Z');
});

test("counts clients' uploads since yesterday's midnight, newest first, linking to the file on its task", async ({ ctx, f }) => {
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'too-old.txt', bytes: text('old') }]); // 23:00 in Tallinn, the day before yesterday
  ctx.clock.set(new Date('2026-11-29T08:00:00Z'));
  await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'yesterday.txt', bytes: text('y') }]);
  ctx.clock.set(new Date('2026-11-30T08:00:00Z'));
  await postFiles(alice, `/tasks/${f.otherTask.id}/files`, [{ name: 'today.csv', bytes: text('a;b\n') }]);
  const staff = await ctx.signInStaff('acme', 'owner@acme.test');
  await postFiles(staff, `/staff/tasks/${f.task.id}/files`, [{ name: 'from-staff.txt', bytes: text('s') }]);
  ctx.clock.set(new Date('2026-11-30T09:00:00Z'));

  const page = await staff.get('/staff');
  assert.is(page.status, 200);
  const card = page.doc.querySelector('section[aria-labelledby="card-new-uploads"]');
  assert.ok(card, page.visibleText);
  assert.match(card!.textContent!.replace(/\s+/g, ' '), /New uploads since yesterday 2/);
  const links = [...card!.querySelectorAll('a')].map((a) => [a.textContent?.trim(), a.getAttribute('href')]);
  const today = await f.db.selectFrom('task_files').select('id').where('original_name', '=', 'today.csv').executeTakeFirstOrThrow();
  assert.equal(links[0], ['today.csv', `/staff/tasks/${f.otherTask.id}#file-${today.id}`]);
  assert.is(links[1][0], 'yesterday.txt');
  assert.ok(card!.textContent!.includes('Alpha OÜ, Payroll questions'));
  assert.not.ok(card!.textContent!.includes('too-old.txt') || card!.textContent!.includes('from-staff.txt'));
});

test.run();
