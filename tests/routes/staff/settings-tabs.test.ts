import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { staffFixture } from './staff-fixtures.ts';

type Fixture = Awaited<ReturnType<typeof staffFixture>>;
const test = suite<{ ctx: TestContext; f: Fixture }>('staff settings tabs: templates, menu links, preview, plan');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  state.f = await staffFixture(state.ctx);
});

test('intro templates: create with checklist lines, edit, delete; validation beside the fields', async ({ ctx, f }) => {
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  const empty = await admin.get('/staff/settings/portal/templates');
  assert.ok(empty.visibleText.includes('No templates in English'));
  const bad = await admin.post('/staff/settings/portal/templates/new', { language: 'et', title: '', checklist: 'one' });
  assert.is(bad.status, 422);
  assert.ok(bad.doc.querySelector('#field-title-error'));
  assert.ok(bad.doc.querySelector('#field-checklist')?.textContent?.includes('one'));
  assert.is((await admin.post('/staff/settings/portal/templates/new', { language: 'et', title: 'Tere!', note: 'Vaata üle', checklist: 'Üks\n\n  Kaks  \n' })).status, 303);
  const row = await ctx.db.selectFrom('intro_templates').selectAll().where('firm_id', '=', f.firm.id).executeTakeFirstOrThrow();
  assert.equal(row.checklist, ['Üks', 'Kaks']);
  assert.is(row.language, 'et');
  assert.is((await admin.post(`/staff/settings/portal/templates/${row.id}/edit`, { language: 'de', title: 'Hallo', checklist: 'Eins' })).status, 303);
  const list = await admin.get('/staff/settings/portal/templates');
  assert.ok(list.visibleText.includes('Hallo'));
  assert.ok(list.visibleText.includes('Eins'));
  assert.is((await admin.post(`/staff/settings/portal/templates/${row.id}/delete`)).status, 303);
  assert.is((await ctx.db.selectFrom('intro_templates').select('id').execute()).length, 0);
  const actions = (await ctx.db.selectFrom('audit_events').select('action').where('subject_id', '=', row.id).execute()).map((r) => r.action).sort();
  assert.equal(actions, ['intro_template.created', 'intro_template.deleted', 'intro_template.updated']);
});

test('another firm\'s template ids answer 404', async ({ ctx, f }) => {
  const { createIntroTemplate } = await import('../../../src/db/queries/intro-templates.ts');
  const theirs = await createIntroTemplate(ctx.db, f.other.id, { language: 'en', title: 'Secret intro', note: '', checklist: [] }, ctx.clock.now());
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  for (const path of ['edit', 'delete']) {
    const get = await admin.get(`/staff/settings/portal/templates/${theirs.id}/${path}`);
    assert.is(get.status, 404);
    assert.not.ok(get.text.includes('Secret intro'));
    assert.is((await admin.post(`/staff/settings/portal/templates/${theirs.id}/${path}`, { language: 'en', title: 'Hijack' })).status, 404);
  }
  assert.is((await ctx.db.selectFrom('intro_templates').select('title').where('id', '=', theirs.id).executeTakeFirstOrThrow()).title, 'Secret intro');
});

test('menu links: elite only, https: or mailto:, at most 10, ordered, shown in the portal navigation and hidden after a downgrade', async ({ ctx, f }) => {
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  const standard = await admin.get('/staff/settings/portal/menu-links');
  assert.ok(standard.visibleText.includes('need the Elite plan'));
  assert.is((await admin.post('/staff/settings/portal/menu-links', { label_1: 'Site', url_1: 'https://acme.example' })).status, 403);
  await ctx.db.updateTable('firms').set({ plan: 'elite' }).where('id', '=', f.firm.id).execute();
  const bad = await admin.post('/staff/settings/portal/menu-links', { label_1: 'Evil', url_1: 'javascript:alert(1)', label_2: '', url_2: 'https://x.example', label_3: 'Plain', url_3: 'http://plain.example', order_4: 'x', label_4: 'A', url_4: 'mailto:nobody' });
  assert.is(bad.status, 422);
  assert.ok(bad.doc.querySelector('#field-url_1-error')?.textContent?.includes('Only https: and mailto:'));
  assert.ok(bad.doc.querySelector('#field-label_2-error'));
  assert.ok(bad.doc.querySelector('#field-url_3-error'));
  assert.ok(bad.doc.querySelector('#field-order_4-error'));
  assert.ok(bad.doc.querySelector('#field-url_4-error'));
  assert.is(bad.doc.querySelector('#field-url_1')?.getAttribute('value'), 'javascript:alert(1)');
  const ok = await admin.post('/staff/settings/portal/menu-links', { label_1: 'Website', url_1: 'https://acme.example/', order_1: '2', label_2: 'Write to us', url_2: 'mailto:office@acme.example', order_2: '1', newtab_1: 'on' });
  assert.is(ok.status, 303);
  const firm = await ctx.db.selectFrom('firms').select('menu_links').where('id', '=', f.firm.id).executeTakeFirstOrThrow();
  assert.equal(firm.menu_links, [
    { label: 'Write to us', url: 'mailto:office@acme.example', newTab: false },
    { label: 'Website', url: 'https://acme.example/', newTab: true },
  ]);
  const client = await ctx.signInClient('acme', 'bea@example.test');
  const home = await client.get('/');
  const link = home.doc.querySelector('nav a[href="https://acme.example/"]');
  assert.ok(link, 'menu link in the portal navigation');
  assert.is(link!.getAttribute('target'), '_blank');
  assert.is(link!.getAttribute('rel'), 'noopener noreferrer');
  await ctx.db.updateTable('firms').set({ plan: 'team' }).where('id', '=', f.firm.id).execute();
  assert.not.ok((await client.get('/')).doc.querySelector('nav a[href="https://acme.example/"]'), 'hidden below elite');
  assert.is((await ctx.db.selectFrom('firms').select('menu_links').where('id', '=', f.firm.id).executeTakeFirstOrThrow()).menu_links.length, 2, 'kept');
});

test('the preview shows the portal home in the firm branding with a sample task that is never stored', async ({ ctx, f }) => {
  await ctx.db.updateTable('firms').set({ brand_background: '#0B3D2E', brand_text: '#FFFFFF' }).where('id', '=', f.firm.id).execute();
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  const before = await ctx.db.selectFrom('audit_events').select('id').execute();
  const page = await admin.get('/staff/settings/portal/preview?lang=et');
  assert.is(page.status, 200);
  assert.is(page.doc.documentElement.getAttribute('lang'), 'et');
  assert.ok(page.visibleText.includes('Acme Books'));
  assert.ok(page.visibleText.includes('Näidisülesanne'));
  assert.ok(page.visibleText.includes('Tere, Ada'));
  assert.ok(page.doc.querySelector('link[href^="/brand.css?v=0b3d2effffff"]'));
  assert.is(page.doc.querySelectorAll('h1').length, 1);
  const tables = await ctx.db.selectFrom('audit_events').select('id').execute();
  assert.is(tables.length, before.length);
  const client = await ctx.signInClient('acme', 'bea@example.test');
  assert.not.ok((await client.get('/')).visibleText.includes('Sample task'));
});

test('plan and apps: owner only; apps need their plan; a downgrade keeps the apps switched on but hides them', async ({ ctx, f }) => {
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  const forbidden = await admin.get('/staff/settings/plan');
  assert.is(forbidden.status, 403);
  assert.ok(forbidden.visibleText.includes('Only the firm\'s owner'));
  assert.not.ok((await admin.get('/staff/settings/portal')).doc.querySelector('a[href="/staff/settings/plan"]'));
  const owner = await ctx.signInStaff('acme', 'owner@acme.test');
  const refused = await owner.post('/staff/settings/plan', { plan: 'standard', billing_enabled: 'on', esign_enabled: 'on' });
  assert.is(refused.status, 422);
  assert.ok(refused.doc.querySelector('#field-billing_enabled-error')?.textContent?.includes('Team plan'));
  assert.ok(refused.doc.querySelector('#field-esign_enabled-error')?.textContent?.includes('Elite plan'));
  assert.is((await owner.post('/staff/settings/plan', { plan: 'elite', billing_enabled: 'on', esign_enabled: 'on' })).status, 303);
  assert.is((await owner.post('/staff/settings/plan', { plan: 'standard', billing_enabled: 'on', esign_enabled: 'on' })).status, 303);
  const firm = await ctx.db.selectFrom('firms').select(['plan', 'billing_enabled', 'esign_enabled']).where('id', '=', f.firm.id).executeTakeFirstOrThrow();
  assert.equal(firm, { plan: 'standard', billing_enabled: true, esign_enabled: true });
  const plan = await owner.get('/staff/settings/plan');
  assert.ok(plan.visibleText.includes('hidden from clients until the plan includes it'));
  assert.is((await owner.post('/staff/settings/plan/esign', { esign_position: 'top-left', esign_placement: 'all', esign_include_ip: 'on' })).status, 303);
  const esign = await ctx.db.selectFrom('firms').select(['esign_position', 'esign_placement', 'esign_include_timestamp', 'esign_include_ip']).where('id', '=', f.firm.id).executeTakeFirstOrThrow();
  assert.equal(esign, { esign_position: 'top-left', esign_placement: 'all', esign_include_timestamp: false, esign_include_ip: true });
  assert.is((await owner.post('/staff/settings/plan/esign', { esign_position: 'middle', esign_placement: 'all' })).status, 422);
});

test.run();
