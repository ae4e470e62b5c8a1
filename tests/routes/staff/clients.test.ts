import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { makeClient, makeContact } from '../../../src/seed/builders.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { staffFixture } from './staff-fixtures.ts';

type Fixture = Awaited<ReturnType<typeof staffFixture>>;
const test = suite<{ ctx: TestContext; f: Fixture }>('staff clients');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  state.f = await staffFixture(state.ctx);
});

test('the list searches and pages by 25, with an empty state', async ({ ctx, f }) => {
  for (let i = 1; i <= 30; i++) await makeClient(ctx.db, f.firm, { name: `Client ${String(i).padStart(2, '0')}` });
  const staff = await ctx.signInStaff('acme', 'member@acme.test');
  const first = await staff.get('/staff/clients');
  assert.is(first.status, 200);
  assert.is(first.doc.querySelectorAll('tbody tr').length, 25);
  assert.ok(first.visibleText.includes('Page 1 of 2'));
  const second = await staff.get('/staff/clients?page=2');
  assert.is(second.doc.querySelectorAll('tbody tr').length, 6);
  const search = await staff.get('/staff/clients?q=birc');
  assert.is(search.doc.querySelectorAll('tbody tr').length, 1);
  assert.ok(search.visibleText.includes('Birch Bakery'));
  const none = await staff.get('/staff/clients?q=nothing-like-this');
  assert.ok(none.visibleText.includes('No clients match "nothing-like-this"'));
  assert.not.ok(first.text.includes('Secret Holdings'), 'no other firm in the list');
});

test('creating a client validates beside the fields and keeps the values', async ({ ctx }) => {
  const staff = await ctx.signInStaff('acme', 'member@acme.test');
  const bad = await staff.post('/staff/clients/new', { name: '', mark: 'ab', vat_number: 'EE123' });
  assert.is(bad.status, 422);
  assert.ok(bad.doc.querySelector('.error-summary'));
  assert.is(bad.doc.querySelector('#field-name')?.getAttribute('aria-invalid'), 'true');
  assert.ok(bad.doc.querySelector('#field-mark-error')?.textContent?.includes('exactly 4'));
  assert.is(bad.doc.querySelector<HTMLInputElement>('#field-vat_number')?.getAttribute('value'), 'EE123');
  const good = await staff.post('/staff/clients/new', { name: 'Cedar Consulting', mark: 'cedr', colour: 'green', portal_enabled: 'on' });
  assert.is(good.status, 303);
  const page = await staff.follow(good);
  assert.ok(page.visibleText.includes('Cedar Consulting'));
  assert.ok(page.visibleText.includes('CEDR'));
  assert.ok(page.visibleText.includes('Green'));
  const audit = await ctx.db.selectFrom('audit_events').select('action').where('action', '=', 'client.created').execute();
  assert.is(audit.length, 1);
});

test('access is refused while the client portal toggle is off, and without an e-mail', async ({ ctx, f }) => {
  const off = await makeClient(ctx.db, f.firm, { name: 'Dormant Ltd', portal_enabled: false });
  const staff = await ctx.signInStaff('acme', 'member@acme.test');
  const refused = await staff.post(`/staff/clients/${off.id}/contacts/new`, { first_name: 'Dan', email: 'dan@example.test', access_enabled: 'on' });
  assert.is(refused.status, 422);
  const message = refused.doc.querySelector('#field-access_enabled-error')?.textContent ?? '';
  assert.ok(message.includes('client portal is off'), message);
  assert.is(refused.doc.querySelector<HTMLInputElement>('#field-email')?.getAttribute('value'), 'dan@example.test');
  const noEmail = await staff.post(`/staff/clients/${f.client.id}/contacts/new`, { first_name: 'Nina', access_enabled: 'on' });
  assert.is(noEmail.status, 422);
  assert.ok(noEmail.doc.querySelector('#field-access_enabled-error')?.textContent?.includes('e-mail'));
  const count = await ctx.db.selectFrom('contacts').select('id').where('first_name', 'in', ['Dan', 'Nina']).execute();
  assert.is(count.length, 0);
  const ok = await staff.post(`/staff/clients/${f.client.id}/contacts/new`, { first_name: 'Nina', email: ' Nina@Example.TEST ', access_enabled: 'on' });
  assert.is(ok.status, 303);
  const stored = await ctx.db.selectFrom('contacts').select(['email', 'access_enabled']).where('first_name', '=', 'Nina').executeTakeFirstOrThrow();
  assert.equal(stored, { email: 'nina@example.test', access_enabled: true });
});

test('revoking access ends that contact\'s session at once', async ({ ctx, f }) => {
  const client = await ctx.signInClient('acme', 'bea@example.test');
  assert.is((await client.get('/')).status, 200);
  const staff = await ctx.signInStaff('acme', 'member@acme.test');
  const saved = await staff.post(`/staff/clients/${f.client.id}/contacts/${f.contact.id}/edit`, { first_name: 'Bea', last_name: 'Birch', email: 'bea@example.test' });
  assert.is(saved.status, 303);
  const after = await client.get('/');
  assert.is(after.status, 303);
  assert.is(after.location, '/login?m=revoked');
  const actions = (await ctx.db.selectFrom('audit_events').select('action').where('subject_id', '=', f.contact.id).execute()).map((r) => r.action);
  assert.ok(actions.includes('contact.access_revoked'));
});

test('changing the e-mail ends the session and resets the invite', async ({ ctx, f }) => {
  await ctx.db.updateTable('contacts').set({ invite_sent_at: ctx.clock.now() }).where('id', '=', f.contact.id).execute();
  const client = await ctx.signInClient('acme', 'bea@example.test');
  const staff = await ctx.signInStaff('acme', 'member@acme.test');
  await staff.post(`/staff/clients/${f.client.id}/contacts/${f.contact.id}/edit`, { first_name: 'Bea', email: 'bea.new@example.test', access_enabled: 'on' });
  assert.is((await client.get('/')).location, '/login?m=revoked');
  const row = await ctx.db.selectFrom('contacts').select(['email', 'invite_sent_at']).where('id', '=', f.contact.id).executeTakeFirstOrThrow();
  assert.is(row.email, 'bea.new@example.test');
  assert.is(row.invite_sent_at, null);
});

test('switching the client portal off ends its contacts\' sessions', async ({ ctx, f }) => {
  const client = await ctx.signInClient('acme', 'bea@example.test');
  const staff = await ctx.signInStaff('acme', 'member@acme.test');
  const off = await staff.post(`/staff/clients/${f.client.id}/portal`, { enabled: 'off' });
  assert.is(off.status, 303);
  assert.is((await client.get('/')).location, '/login?m=revoked');
  const page = await staff.get(`/staff/clients/${f.client.id}`);
  assert.ok(page.visibleText.includes('Turn client portal on'));
});

test('Send invite mails a portal link; Resend supersedes the old link', async ({ ctx, f }) => {
  const staff = await ctx.signInStaff('acme', 'member@acme.test');
  const before = await staff.get(`/staff/clients/${f.client.id}`);
  assert.ok(before.visibleText.includes('Send invite'));
  const sent = await staff.post(`/staff/clients/${f.client.id}/contacts/${f.contact.id}/invite`);
  assert.is(sent.status, 303);
  const mail = await ctx.lastMailTo('bea@example.test');
  assert.ok(mail.subject.includes('Acme Books'));
  const firstLink = mail.links.find((l) => l.includes('/login/link?token='))!;
  assert.ok(firstLink.startsWith('http://acme.localhost:3000/login/link?token='));
  const after = await staff.get(`/staff/clients/${f.client.id}`);
  assert.ok(after.visibleText.includes('Resend invite'));
  assert.ok(after.visibleText.includes('Sent '));
  ctx.clock.advance(60_000);
  await staff.post(`/staff/clients/${f.client.id}/contacts/${f.contact.id}/invite`);
  const second = await ctx.lastMailTo('bea@example.test');
  assert.is.not(second.links[0], firstLink);
  const visitor = ctx.browser('acme');
  const old = await visitor.get(new URL(firstLink).pathname + new URL(firstLink).search);
  assert.is(old.status, 410);
  assert.ok(old.visibleText.includes('A newer link was sent'));
  const signIn = await visitor.get(new URL(second.links.find((l) => l.includes('token='))!).pathname + new URL(second.links.find((l) => l.includes('token='))!).search);
  assert.is(signIn.status, 200);
});

test('bulk "Client portal" turns the portal on and invites each contact once', async ({ ctx, f }) => {
  const a = await makeClient(ctx.db, f.firm, { name: 'Alder AS', portal_enabled: false });
  const b = await makeClient(ctx.db, f.firm, { name: 'Beech OÜ', portal_enabled: false });
  await makeContact(ctx.db, a, { first_name: 'Ann', email: 'ann@example.test' });
  await makeContact(ctx.db, a, { first_name: 'Shared', email: 'shared@example.test' });
  await makeContact(ctx.db, b, { first_name: 'Shared', email: 'shared@example.test' });
  await makeContact(ctx.db, b, { first_name: 'Noaccess', email: 'no@example.test', access_enabled: false });
  await makeContact(ctx.db, b, { first_name: 'Nomail', email: null, access_enabled: false });
  const staff = await ctx.signInStaff('acme', 'member@acme.test');
  const empty = await staff.post('/staff/clients/bulk-portal', { invite: 'on' });
  assert.is(empty.status, 422);
  assert.ok(empty.visibleText.includes('Select at least one client'));
  const done = await staff.post('/staff/clients/bulk-portal', { client: [a.id, b.id, f.otherClient.id], invite: 'on' });
  assert.is(done.status, 303);
  const result = await staff.follow(done);
  assert.ok(result.visibleText.includes('Enabled: 2'), result.visibleText);
  assert.ok(result.visibleText.includes('Invited: 3'));
  assert.ok(result.visibleText.includes('2 e-mails sent'));
  assert.ok(result.visibleText.includes('access not enabled'));
  assert.ok(result.visibleText.includes('no longer exists'));
  assert.not.ok(result.text.includes('Secret Holdings'));
  await ctx.worker.runOnce();
  assert.is(ctx.mail.to('ann@example.test').length, 1);
  assert.is(ctx.mail.to('shared@example.test').length, 1);
  assert.is(ctx.mail.to('no@example.test').length, 0);
  // Running it again invites nobody twice.
  const again = await staff.follow(await staff.post('/staff/clients/bulk-portal', { client: [a.id, b.id], invite: 'on' }));
  assert.ok(again.visibleText.includes('Invited: 0'));
  assert.ok(again.visibleText.includes('already invited'));
  await ctx.worker.runOnce();
  assert.is(ctx.mail.to('ann@example.test').length, 1);
  assert.is(ctx.mail.to('shared@example.test').length, 1);
  const other = await ctx.db.selectFrom('clients').select('portal_enabled').where('id', '=', f.otherClient.id).executeTakeFirstOrThrow();
  assert.is(other.portal_enabled, true);
});

test('only the owner deletes a client, after a confirm step', async ({ ctx, f }) => {
  const member = await ctx.signInStaff('acme', 'member@acme.test');
  assert.is((await member.get(`/staff/clients/${f.client.id}/delete`)).status, 403);
  assert.is((await member.post(`/staff/clients/${f.client.id}/delete`, { confirm: 'yes' })).status, 403);
  const owner = await ctx.signInStaff('acme', 'owner@acme.test');
  const confirm = await owner.get(`/staff/clients/${f.client.id}/delete`);
  assert.is(confirm.status, 200);
  assert.ok(confirm.visibleText.includes('cannot be undone'));
  const deleted = await owner.post(`/staff/clients/${f.client.id}/delete`, { confirm: 'yes' });
  assert.is(deleted.status, 303);
  assert.is((await owner.get(`/staff/clients/${f.client.id}`)).status, 404);
});

test('archiving hides the client, ends access, and unarchive brings it back', async ({ ctx, f }) => {
  const client = await ctx.signInClient('acme', 'bea@example.test');
  const staff = await ctx.signInStaff('acme', 'admin@acme.test');
  await staff.post(`/staff/clients/${f.client.id}/archive`);
  assert.is((await client.get('/')).location, '/login?m=revoked');
  assert.not.ok((await staff.get('/staff/clients')).visibleText.includes('Birch Bakery'));
  assert.ok((await staff.get('/staff/clients?archived=1')).visibleText.includes('Birch Bakery'));
  await staff.post(`/staff/clients/${f.client.id}/unarchive`);
  assert.ok((await staff.get('/staff/clients')).visibleText.includes('Birch Bakery'));
});

test('another firm\'s client and contact ids answer 404 and leak nothing', async ({ ctx, f }) => {
  const staff = await ctx.signInStaff('acme', 'owner@acme.test');
  const otherBase = `/staff/clients/${f.otherClient.id}`;
  const crossed = `/staff/clients/${f.client.id}/contacts/${f.otherContact.id}`;
  const gets = [otherBase, `${otherBase}/edit`, `${otherBase}/delete`, `${otherBase}/contacts/new`, `${otherBase}/contacts/${f.otherContact.id}/edit`, `${crossed}/edit`, `${crossed}/delete`, '/staff/clients/not-a-uuid'];
  for (const path of gets) {
    const page = await staff.get(path);
    assert.is(page.status, 404, path);
    assert.not.ok(page.text.includes('Secret'), path);
  }
  const posts = [`${otherBase}/edit`, `${otherBase}/portal`, `${otherBase}/archive`, `${otherBase}/delete`, `${otherBase}/contacts/new`, `${crossed}/edit`, `${crossed}/delete`, `${crossed}/invite`];
  for (const path of posts) {
    const page = await staff.post(path, { name: 'Hijack', first_name: 'Hijack', enabled: 'off', confirm: 'yes' });
    assert.is(page.status, 404, path);
    assert.not.ok(page.text.includes('Secret'), path);
  }
  const untouched = await ctx.db.selectFrom('clients').select(['name', 'portal_enabled', 'archived_at']).where('id', '=', f.otherClient.id).executeTakeFirstOrThrow();
  assert.equal(untouched, { name: 'Secret Holdings', portal_enabled: true, archived_at: null });
  assert.ok(await ctx.db.selectFrom('contacts').select('id').where('id', '=', f.otherContact.id).executeTakeFirst());
  await ctx.worker.runOnce();
  assert.is(ctx.mail.to('zed@secret.test').length, 0);
  // Another firm's bulk result is not ours to read.
  const otherStaff = await ctx.signInStaff('other', 'owner@other.test');
  const bulk = await otherStaff.post('/staff/clients/bulk-portal', { client: [f.otherClient.id] });
  const resultPath = new URL(bulk.location!, 'http://other.localhost:3000').pathname;
  assert.is((await otherStaff.get(resultPath)).status, 200);
  const leaked = await staff.get(resultPath);
  assert.is(leaked.status, 404);
  assert.not.ok(leaked.text.includes('Secret'));
});

test('an invite that cannot be sent says why', async ({ ctx, f }) => {
  await ctx.db.updateTable('contacts').set({ access_enabled: false }).where('id', '=', f.contact.id).execute();
  const staff = await ctx.signInStaff('acme', 'member@acme.test');
  const page = await staff.follow(await staff.post(`/staff/clients/${f.client.id}/contacts/${f.contact.id}/invite`));
  assert.ok(page.visibleText.includes('The invite was not sent'));
  assert.ok(page.visibleText.includes('Enable access to send an invite.'));
  await ctx.worker.runOnce();
  assert.is(ctx.mail.to('bea@example.test').length, 0);
});

test.run();
