import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { TestBrowser } from '../../helpers/browser-client.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { makeImage, makeLargePng, svgBytes } from '../../helpers/images.ts';
import { makeMp4, makeWebm } from '../../helpers/video-fixtures.ts';
import { staffFixture } from './staff-fixtures.ts';

type Fixture = Awaited<ReturnType<typeof staffFixture>>;
const test = suite<{ ctx: TestContext; f: Fixture }>('staff portal media uploads');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  state.f = await staffFixture(state.ctx);
});

function upload(browser: TestBrowser, path: string, field: string, bytes: Uint8Array, name: string, type: string) {
  const form = new FormData();
  form.append(field, new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
  return browser.request('POST', path, { body: form });
}

async function storedKeys(ctx: TestContext): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of ctx.deps.blobs.list()) keys.push(typeof key === 'string' ? key : (key as { key: string }).key);
  return keys;
}

test('a PNG logo is saved and served with its checked type; the login page shows it', async ({ ctx, f }) => {
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  const png = await makeImage('png', 180, 60);
  const saved = await upload(admin, '/staff/settings/portal/logo', 'logo', png, 'logo.png', 'image/png');
  assert.is(saved.status, 303);
  const firm = await ctx.db.selectFrom('firms').select(['logo_key', 'logo_type']).where('id', '=', f.firm.id).executeTakeFirstOrThrow();
  assert.is(firm.logo_type, 'image/png');
  const login = await ctx.browser('acme').get('/login');
  const src = login.doc.querySelector('img.brand-logo')!.getAttribute('src')!;
  assert.is(src, `/brand/logo?v=${firm.logo_key}`);
  const res = await ctx.app.request(`http://acme.localhost:3000${src}`, { headers: { Host: 'acme.localhost:3000' } });
  assert.is(res.status, 200);
  assert.is(res.headers.get('content-type'), 'image/png');
  assert.is(res.headers.get('x-content-type-options'), 'nosniff');
  assert.is(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(new Uint8Array(await res.arrayBuffer()), png);
  // Replacing the logo removes the old file.
  await upload(admin, '/staff/settings/portal/logo', 'logo', await makeImage('webp'), 'logo.webp', 'image/webp');
  assert.not.ok((await storedKeys(ctx)).includes(firm.logo_key!));
});

test('an SVG renamed .png, an oversized file and a non-square icon are refused and nothing is kept', async ({ ctx, f }) => {
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  const before = (await storedKeys(ctx)).length;
  const svg = await upload(admin, '/staff/settings/portal/logo', 'logo', svgBytes, 'logo.png', 'image/png');
  assert.is(svg.status, 422);
  assert.ok(svg.doc.querySelector('#field-logo-error')?.textContent?.includes('SVG'));
  assert.ok(svg.doc.querySelector('.error-summary a[href="#field-logo"]'));
  const big = await upload(admin, '/staff/settings/portal/logo', 'logo', await makeLargePng(), 'big.png', 'image/png');
  assert.is(big.status, 413);
  assert.ok(big.doc.querySelector('#field-logo-error')?.textContent?.includes('512 KB'));
  const text = await upload(admin, '/staff/settings/portal/logo', 'logo', new TextEncoder().encode('GIF89a not really'), 'logo.jpg', 'image/jpeg');
  assert.is(text.status, 422);
  const wide = await upload(admin, '/staff/settings/portal/icon', 'favicon', await makeImage('png', 64, 32), 'icon.png', 'image/png');
  assert.is(wide.status, 422);
  assert.ok(wide.doc.querySelector('#field-favicon-error')?.textContent?.includes('square'));
  const empty = await upload(admin, '/staff/settings/portal/logo', 'logo', new Uint8Array(), 'empty.png', 'image/png');
  assert.is(empty.status, 422);
  assert.is((await storedKeys(ctx)).length, before);
  const firm = await ctx.db.selectFrom('firms').select(['logo_key', 'favicon_key']).where('id', '=', f.firm.id).executeTakeFirstOrThrow();
  assert.equal(firm, { logo_key: null, favicon_key: null });
});

test('a square icon is saved and linked as the favicon; remove takes it away', async ({ ctx }) => {
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  assert.is((await upload(admin, '/staff/settings/portal/icon', 'favicon', await makeImage('jpeg', 64, 64), 'icon.jpg', 'image/jpeg')).status, 303);
  const login = await ctx.browser('acme').get('/login');
  const href = login.doc.querySelector('link[rel=icon]')?.getAttribute('href') ?? '';
  assert.ok(href.startsWith('/brand/icon?v='));
  assert.is((await admin.post('/staff/settings/portal/icon/remove')).status, 303);
  assert.not.ok((await ctx.browser('acme').get('/login')).doc.querySelector('link[rel=icon]'));
});

test('a welcome video over 30 seconds is refused; 30 seconds or less is saved and served with ranges', async ({ ctx, f }) => {
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  const long = await upload(admin, '/staff/settings/portal/video', 'video', makeMp4(31), 'welcome.mp4', 'video/mp4');
  assert.is(long.status, 422);
  const message = long.doc.querySelector('#field-video-error')?.textContent ?? '';
  assert.ok(message.includes('31 seconds') && message.includes('at most 30 seconds'), message);
  const recorded = await upload(admin, '/staff/settings/portal/video', 'video', makeWebm(40, { noDuration: true }), 'welcome.webm', 'video/webm');
  assert.is(recorded.status, 422);
  const notVideo = await upload(admin, '/staff/settings/portal/video', 'video', svgBytes, 'welcome.mp4', 'video/mp4');
  assert.is(notVideo.status, 422);
  assert.ok(notVideo.doc.querySelector('#field-video-error')?.textContent?.includes('MP4 or WebM'));
  assert.is((await storedKeys(ctx)).length, 0);
  const mp4 = makeMp4(28, { moovAtEnd: true, mdatBytes: 300_000 });
  assert.is((await upload(admin, '/staff/settings/portal/video', 'video', mp4, 'welcome.mp4', 'video/mp4')).status, 303);
  const firm = await ctx.db.selectFrom('firms').select(['welcome_video_key', 'welcome_video_type']).where('id', '=', f.firm.id).executeTakeFirstOrThrow();
  assert.is(firm.welcome_video_type, 'video/mp4');
  const res = await ctx.app.request(`http://acme.localhost:3000/brand/video?v=${firm.welcome_video_key}`, { headers: { Host: 'acme.localhost:3000', Range: 'bytes=0-99' } });
  assert.is(res.status, 206);
  assert.is(res.headers.get('content-range'), `bytes 0-99/${mp4.byteLength}`);
  assert.is((await res.arrayBuffer()).byteLength, 100);
  assert.is((await upload(admin, '/staff/settings/portal/video', 'video', makeWebm(12), 'welcome.webm', 'video/webm')).status, 303);
  const audit = await ctx.db.selectFrom('audit_events').select('action').where('action', '=', 'firm.video_changed').execute();
  assert.is(audit.length, 2);
});

test('members cannot upload brand media', async ({ ctx, f }) => {
  const member = await ctx.signInStaff('acme', 'member@acme.test');
  const res = await upload(member, '/staff/settings/portal/logo', 'logo', await makeImage('png'), 'logo.png', 'image/png');
  assert.is(res.status, 403);
  const firm = await ctx.db.selectFrom('firms').select('logo_key').where('id', '=', f.firm.id).executeTakeFirstOrThrow();
  assert.is(firm.logo_key, null);
});

test.run();
