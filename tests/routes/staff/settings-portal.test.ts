import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { makeFirm } from '../../../src/seed/builders.ts';
import { defaultTrademark } from '../../../src/routes/staff/portal-rules.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { staffFixture } from './staff-fixtures.ts';

type Fixture = Awaited<ReturnType<typeof staffFixture>>;
const test = suite<{ ctx: TestContext; f: Fixture }>('staff portal settings');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  state.f = await staffFixture(state.ctx);
});

test('subdomain rules: length, characters, hyphens, reserved words, uniqueness across firms and live aliases', async ({ ctx, f }) => {
  await ctx.db.insertInto('firm_slug_aliases').values({ slug: 'oldother', firm_id: f.other.id, until: new Date(ctx.clock.now().getTime() + 86_400_000) }).execute();
  await ctx.db.insertInto('firm_slug_aliases').values({ slug: 'expired', firm_id: f.other.id, until: new Date(ctx.clock.now().getTime() - 1000) }).execute();
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  const cases: [string, string][] = [
    ['ab', '3 to 40 characters'],
    ['a'.repeat(41), '3 to 40 characters'],
    ['acme_books', 'lowercase letters'],
    ['acmé', 'lowercase letters'],
    ['-acme', 'start or end with a hyphen'],
    ['acme-', 'start or end with a hyphen'],
    ['admin', 'reserved'],
    ['portal', 'reserved'],
    ['other', 'already taken'],
    ['oldother', 'still redirects'],
  ];
  for (const [slug, message] of cases) {
    const page = await admin.post('/staff/settings/portal/address', { subdomain: slug });
    assert.is(page.status, 422, slug);
    const error = page.doc.querySelector('#field-subdomain-error')?.textContent ?? '';
    assert.ok(error.includes(message), `${slug}: ${error}`);
    assert.is(page.doc.querySelector('#field-subdomain')?.getAttribute('aria-invalid'), 'true');
    assert.ok(page.doc.querySelector('.error-summary a[href="#field-subdomain"]'));
  }
  const firm = await ctx.db.selectFrom('firms').select('slug').where('id', '=', f.firm.id).executeTakeFirstOrThrow();
  assert.is(firm.slug, 'acme');
  // An expired alias of another firm is free again; upper case is folded.
  const ok = await admin.post('/staff/settings/portal/address', { subdomain: 'Expired' });
  assert.is(ok.status, 303);
});

test('a rename redirects the old address for 90 days and carries the staff member to the new host', async ({ ctx, f }) => {
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  const renamed = await admin.post('/staff/settings/portal/address', { subdomain: 'acme-books' });
  assert.is(renamed.status, 303);
  const handoff = new URL(renamed.location!);
  assert.is(handoff.host, 'acme-books.localhost:3000');
  assert.is(handoff.pathname, '/staff/login/link');
  const moved = ctx.browser('acme-books');
  const confirm = await moved.get(handoff.pathname + handoff.search);
  assert.is(confirm.status, 200);
  const signedIn = await moved.post('/staff/login/link', { token: handoff.searchParams.get('token')! });
  assert.is(signedIn.status, 303);
  const settings = await moved.get('/staff/settings/portal');
  assert.is(settings.status, 200);
  assert.ok(settings.visibleText.includes('acme.localhost redirects here until'));
  const visitor = ctx.browser('acme');
  const old = await visitor.get('/login?lang=et');
  assert.is(old.status, 301);
  assert.is(old.location, 'http://acme-books.localhost:3000/login?lang=et');
  ctx.clock.advance(91 * 86_400_000);
  assert.is((await ctx.browser('acme').get('/login')).status, 404);
  // Another firm cannot take the old name while it redirects; the firm itself can take it back.
  ctx.clock.advance(-91 * 86_400_000);
  const otherOwner = await ctx.signInStaff('other', 'owner@other.test');
  const taken = await otherOwner.post('/staff/settings/portal/address', { subdomain: 'acme' });
  assert.is(taken.status, 422);
  const back = await moved.post('/staff/settings/portal/address', { subdomain: 'acme' });
  assert.is(back.status, 303);
  assert.is((await ctx.db.selectFrom('firms').select('slug').where('id', '=', f.firm.id).executeTakeFirstOrThrow()).slug, 'acme');
  assert.ok(await ctx.db.selectFrom('audit_events').select('id').where('action', '=', 'firm.subdomain_renamed').executeTakeFirst());
});

test('brand colours below 4.5:1 contrast are refused with the ratio; good ones are saved', async ({ ctx, f }) => {
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  const low = await admin.post('/staff/settings/portal/branding', { trademark: 'Acme', brand_background: '#777777', brand_background_was: '#FFFFFF', brand_text: '#FFFFFF', brand_text_was: '#000000' });
  assert.is(low.status, 422);
  const message = low.doc.querySelector('#field-brand_text-error')?.textContent ?? '';
  assert.ok(message.includes('4.47:1'), message);
  assert.ok(message.includes('at least 4.5:1'));
  assert.is(low.doc.querySelector('#field-brand_background')?.getAttribute('value'), '#777777');
  const bad = await admin.post('/staff/settings/portal/branding', { trademark: '', brand_background: 'green', brand_text: '#FFF' });
  assert.is(bad.status, 422);
  assert.ok(bad.doc.querySelector('#field-trademark-error'));
  assert.ok(bad.doc.querySelector('#field-brand_background-error'));
  assert.ok(bad.doc.querySelector('#field-brand_text-error'));
  // Without JavaScript the picker the user changed wins over the untouched hex field.
  const good = await admin.post('/staff/settings/portal/branding', {
    trademark: 'Acme Books',
    brand_background: '#FFFFFF',
    brand_background_picker: '#0b3d2e',
    brand_background_was: '#FFFFFF',
    brand_text: '#ffffff',
    brand_text_was: '#000000',
    description: 'Hello clients',
  });
  assert.is(good.status, 303);
  const firm = await ctx.db.selectFrom('firms').select(['brand_background', 'brand_text', 'description']).where('id', '=', f.firm.id).executeTakeFirstOrThrow();
  assert.equal(firm, { brand_background: '#0B3D2E', brand_text: '#FFFFFF', description: 'Hello clients' });
  const login = await ctx.browser('acme').get('/login');
  const css = await ctx.browser('acme').get(login.doc.querySelector('link[href^="/brand.css"]')!.getAttribute('href')!);
  assert.ok(css.text.includes('--brand-bg:#0B3D2E'));
});

test('the trademark is pre-filled from the firm name without legal suffixes', async ({ ctx }) => {
  assert.is(defaultTrademark('Acme Accounting Ltd'), 'Acme Accounting');
  assert.is(defaultTrademark('Demo Accounting OÜ'), 'Demo Accounting');
  assert.is(defaultTrademark('OÜ Raamat'), 'Raamat');
  assert.is(defaultTrademark('Nordic Books AS'), 'Nordic Books');
  assert.is(defaultTrademark('Widgets, Inc.'), 'Widgets');
  assert.is(defaultTrademark('Zahlen GmbH'), 'Zahlen');
  assert.is(defaultTrademark('Tili Oy'), 'Tili');
  assert.is(defaultTrademark('Bokföring AB'), 'Bokföring');
  assert.is(defaultTrademark('Ledger LLC'), 'Ledger');
  assert.is(defaultTrademark('Castle Associates'), 'Castle Associates');
  assert.is(defaultTrademark('AS'), 'AS');
  const firm = await makeFirm(ctx.db, { slug: 'fresh', name: 'Fresh Numbers GmbH' });
  const { makeStaff } = await import('../../../src/seed/builders.ts');
  await makeStaff(ctx.db, firm, { email: 'boss@fresh.test', role: 'owner' });
  const owner = await ctx.signInStaff('fresh', 'boss@fresh.test');
  const page = await owner.get('/staff/settings/portal');
  assert.is(page.doc.querySelector('#field-trademark')?.getAttribute('value'), 'Fresh Numbers');
});

test('activation creates the default intro templates once; deactivation ends client sessions and keeps data', async ({ ctx, f }) => {
  const client = await ctx.signInClient('acme', 'bea@example.test');
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  const confirm = await admin.get('/staff/settings/portal/deactivate');
  assert.ok(confirm.visibleText.includes('Nothing is deleted'));
  assert.is((await admin.post('/staff/settings/portal/deactivate', { confirm: 'yes' })).status, 303);
  const after = await client.get('/');
  assert.is(after.status, 404);
  assert.ok(after.visibleText.includes('Portal not available'));
  assert.is(await ctx.db.selectFrom('sessions').select('id').where('kind', '=', 'portal').executeTakeFirst(), undefined);
  const activated = await admin.follow(await admin.post('/staff/settings/portal/activate'));
  assert.ok(activated.visibleText.includes('default intro task template'));
  const templates = await ctx.db.selectFrom('intro_templates').select(['language', 'checklist']).where('firm_id', '=', f.firm.id).orderBy('language').execute();
  assert.equal(templates.map((t) => t.language), ['de', 'en', 'et']);
  assert.ok(Array.isArray(templates[0].checklist) && templates[0].checklist.length > 0);
  await admin.post('/staff/settings/portal/deactivate', { confirm: 'yes' });
  await admin.post('/staff/settings/portal/activate');
  assert.is((await ctx.db.selectFrom('intro_templates').select('id').where('firm_id', '=', f.firm.id).execute()).length, 3);
  assert.ok(await ctx.db.selectFrom('contacts').select('id').where('id', '=', f.contact.id).executeTakeFirst());
  const back = await ctx.signInClient('acme', 'bea@example.test');
  assert.is((await back.get('/')).status, 200);
});

test('options: default language, uploads switch, upload limit 1 to 100 MB', async ({ ctx, f }) => {
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  for (const limit of ['0', '101', 'ten', '']) {
    const page = await admin.post('/staff/settings/portal/options', { default_language: 'et', upload_limit_mb: limit });
    assert.is(page.status, 422, limit);
    assert.ok(page.doc.querySelector('#field-upload_limit_mb-error'), limit);
  }
  assert.is((await admin.post('/staff/settings/portal/options', { default_language: 'xx', upload_limit_mb: '10' })).status, 422);
  assert.is((await admin.post('/staff/settings/portal/options', { default_language: 'de', upload_limit_mb: '100' })).status, 303);
  const firm = await ctx.db.selectFrom('firms').select(['default_language', 'uploads_enabled', 'upload_limit_bytes']).where('id', '=', f.firm.id).executeTakeFirstOrThrow();
  assert.equal(firm, { default_language: 'de', uploads_enabled: false, upload_limit_bytes: 100 * 1024 * 1024 });
  const login = await ctx.browser('acme').get('/login');
  assert.is(login.doc.documentElement.getAttribute('lang'), 'de');
});

test('Copy URL lists the portal address once per language', async ({ ctx }) => {
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  const page = await admin.get('/staff/settings/portal');
  const urls = [...page.doc.querySelectorAll('input.copy-source')].map((i) => i.getAttribute('value'));
  assert.equal(urls, ['http://acme.localhost:3000/?lang=en', 'http://acme.localhost:3000/?lang=et', 'http://acme.localhost:3000/?lang=de']);
  const visitor = ctx.browser('acme');
  const opened = await visitor.get('/?lang=et');
  assert.is(opened.location, '/login?lang=et');
  const login = await visitor.get(opened.location!);
  assert.is(login.doc.documentElement.getAttribute('lang'), 'et');
  for (const input of page.doc.querySelectorAll('input.copy-source')) {
    assert.ok(input.hasAttribute('readonly'));
    assert.ok(page.doc.querySelector(`label[for="${input.id}"]`));
  }
});

test.run();
