import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { makeMp4 } from '../../helpers/video-fixtures.ts';
import { staffFixture } from './staff-fixtures.ts';

type Fixture = Awaited<ReturnType<typeof staffFixture>>;
const test = suite<{ ctx: TestContext; f: Fixture }>('welcome video in the portal');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  state.f = await staffFixture(state.ctx);
});

test('the welcome video is shown once on the first visit and stays in the account menu', async ({ ctx, f }) => {
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  const form = new FormData();
  form.append('video', new Blob([makeMp4(20) as Uint8Array<ArrayBuffer>], { type: 'video/mp4' }), 'hello.mp4');
  assert.is((await admin.request('POST', '/staff/settings/portal/video', { body: form })).status, 303);
  const client = await ctx.signInClient('acme', 'bea@example.test');
  const first = await client.get('/');
  assert.is(first.status, 303);
  assert.is(first.location, '/welcome');
  const welcome = await client.get('/welcome');
  assert.is(welcome.status, 200);
  const src = welcome.doc.querySelector('video')?.getAttribute('src') ?? '';
  assert.ok(src.startsWith('/brand/video?v='));
  assert.is((await client.get('/')).status, 200, 'only once');
  const home = await client.get('/');
  assert.ok(home.doc.querySelector('.account-menu a[href="/welcome"]'), 'replayable from the account menu');
  assert.is((await client.get('/welcome')).status, 200);
  const seen = await ctx.db.selectFrom('contacts').select('welcome_seen_at').where('id', '=', f.contact.id).executeTakeFirstOrThrow();
  assert.ok(seen.welcome_seen_at);
});

test('without a video the home page opens directly and the menu has no welcome link', async ({ ctx }) => {
  const client = await ctx.signInClient('acme', 'bea@example.test');
  const home = await client.get('/');
  assert.is(home.status, 200);
  assert.not.ok(home.doc.querySelector('.account-menu a[href="/welcome"]'));
});

test.run();
