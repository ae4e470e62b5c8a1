import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { MINUTE } from '../../src/clock.ts';
import { cancelPendingMail, enqueueMail } from '../../src/db/queries/outbox.ts';
import { backoffMs, OutboxWorker } from '../../src/mail/worker.ts';
import { makeFirm } from '../../src/seed/builders.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';

const test = suite<{ ctx: TestContext; firmId: string }>('outbox worker');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  state.firmId = (await makeFirm(state.ctx.db, { slug: 'acme', trademark: 'Acme Books' })).id;
});

test('mail with a due time waits for it; cancelled mail is never sent', async ({ ctx, firmId }) => {
  const now = ctx.clock.now();
  await enqueueMail(ctx.db, { firmId, template: 'portal-login', to: 'later@example.test', payload: { url: 'http://x/1' }, dueAt: new Date(now.getTime() + 5 * MINUTE), dedupeKey: 'k1' }, now);
  await enqueueMail(ctx.db, { firmId, template: 'portal-login', to: 'never@example.test', payload: { url: 'http://x/2' }, dueAt: new Date(now.getTime() + 5 * MINUTE), dedupeKey: 'k2' }, now);
  assert.is(await ctx.worker.runOnce(), 0);
  assert.is(await cancelPendingMail(ctx.db, firmId, 'k2'), 1);
  ctx.clock.advance(5 * MINUTE);
  assert.is(await ctx.worker.runOnce(), 1);
  assert.is(ctx.mail.to('later@example.test').length, 1);
  assert.is(ctx.mail.to('never@example.test').length, 0);
});

test('an unknown template fails at once and says why', async ({ ctx, firmId }) => {
  await enqueueMail(ctx.db, { firmId, template: 'no-such-template', to: 'a@example.test', payload: {}, dueAt: ctx.clock.now() }, ctx.clock.now());
  await ctx.worker.runOnce();
  const row = await ctx.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
  assert.is(row.status, 'failed');
  assert.match(row.last_error!, /unknown template/);
});

test('two workers never send the same mail twice', async ({ ctx, firmId }) => {
  for (let i = 0; i < 20; i++) {
    await enqueueMail(ctx.db, { firmId, template: 'portal-login', to: `p${i}@example.test`, payload: { url: `http://x/${i}` }, dueAt: ctx.clock.now() }, ctx.clock.now());
  }
  const second = new OutboxWorker(ctx.deps, { from: ctx.config.mailFrom, batchSize: 3 });
  const first = new OutboxWorker(ctx.deps, { from: ctx.config.mailFrom, batchSize: 3 });
  const [a, b] = await Promise.all([first.runOnce(), second.runOnce()]);
  assert.is(a + b, 20);
  assert.is(ctx.mail.sent.length, 20);
  assert.is(new Set(ctx.mail.sent.map((m) => m.to)).size, 20);
});

test('back-off doubles and is capped at 6 hours', () => {
  assert.is(backoffMs(1), 30_000);
  assert.is(backoffMs(2), 60_000);
  assert.is(backoffMs(3), 120_000);
  assert.is(backoffMs(30), 6 * 60 * 60_000);
});

test.run();
