import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { MINUTE } from '../../src/clock.ts';
import { PostmarkTransport } from '../../src/mail/postmark-transport.ts';
import { makeClient, makeContact, makeFirm } from '../../src/seed/builders.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { PostmarkStandIn } from '../helpers/postmark-stand-in.ts';

const test = suite<{ ctx: TestContext; postmark: PostmarkStandIn }>('mail through the real postmark client');

test.before.each(async (state) => {
  state.postmark = new PostmarkStandIn();
  const apiBase = await state.postmark.start();
  state.ctx = await createTestContext({ mail: new PostmarkTransport({ serverToken: 'test-server-token', apiBase }) });
  const firm = await makeFirm(state.ctx.db, { slug: 'acme', trademark: 'Acme Books', default_language: 'et' });
  const client = await makeClient(state.ctx.db, firm, { name: 'Pine Ltd' });
  await makeContact(state.ctx.db, client, { email: 'pia@example.test' });
});

test.after.each(async ({ postmark }) => {
  await postmark.stop();
});

test('a sign-in link goes to Postmark with the token, recipient, subject and link', async ({ ctx, postmark }) => {
  await ctx.browser('acme').post('/login', { email: 'pia@example.test' });
  assert.is(postmark.requests.length, 0, 'nothing is sent inside the request');
  await ctx.worker.runOnce();
  assert.is(postmark.requests.length, 1);
  const [request] = postmark.requests;
  assert.is(request.method, 'POST');
  assert.is(request.path, '/email');
  assert.is(request.headers['x-postmark-server-token'], 'test-server-token');
  assert.is(request.body.To, 'pia@example.test');
  assert.is(request.body.From, ctx.config.mailFrom);
  // The firm's default language is Estonian.
  assert.is(request.body.Subject, 'Sinu sisselogimise link: Acme Books');
  assert.match(request.body.TextBody, /http:\/\/acme\.localhost:3000\/login\/link\?token=[A-Za-z0-9_-]{43}/);
  assert.match(request.body.HtmlBody, /href="http:\/\/acme\.localhost:3000\/login\/link\?token=/);
  const row = await ctx.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
  assert.is(row.status, 'sent');
  assert.ok(row.provider_message_id);
  assert.is(request.body.Metadata.outbox_id, row.id);
});

test('a failing provider is retried with back-off; a permanent refusal gives up and records why', async ({ ctx, postmark }) => {
  postmark.failWith = { status: 500, errorCode: 0, message: 'Internal error' };
  await ctx.browser('acme').post('/login', { email: 'pia@example.test' });
  await ctx.worker.runOnce();
  let row = await ctx.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
  assert.is(row.status, 'pending');
  assert.is(row.attempts, 1);
  assert.ok(row.last_error);
  assert.ok(row.due_at.getTime() > ctx.clock.now().getTime(), 'due again later');
  await ctx.worker.runOnce();
  assert.is(postmark.requests.length, 1, 'not retried before its time');
  postmark.failWith = { status: 422, errorCode: 406, message: 'You tried to send to a recipient that has been marked as inactive.' };
  ctx.clock.advance(5 * MINUTE);
  await ctx.worker.runOnce();
  row = await ctx.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
  assert.is(postmark.requests.length, 2);
  assert.is(row.status, 'failed');
  assert.match(row.last_error!, /inactive/);
});

test.run();
