import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { staffFixture } from './staff-fixtures.ts';

type Fixture = Awaited<ReturnType<typeof staffFixture>>;
const test = suite<{ ctx: TestContext; f: Fixture }>('staff team');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  state.f = await staffFixture(state.ctx);
});

test('members cannot open the team page or settings (403 page)', async ({ ctx }) => {
  const member = await ctx.signInStaff('acme', 'member@acme.test');
  for (const path of ['/staff/team', '/staff/settings', '/staff/settings/portal', '/staff/settings/portal/templates', '/staff/settings/portal/menu-links', '/staff/settings/portal/preview', '/staff/settings/plan', '/staff/audit']) {
    const page = await member.get(path);
    assert.is(page.status, 403, path);
    assert.ok(page.visibleText.includes('Not allowed'), path);
  }
  const dashboard = await member.get('/staff');
  assert.is(dashboard.status, 200);
  assert.not.ok(dashboard.doc.querySelector('nav[aria-label="Staff"] a[href="/staff/settings"]'), 'no Settings link for members');
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  assert.ok((await admin.get('/staff')).doc.querySelector('nav[aria-label="Staff"] a[href="/staff/settings"]'));
  assert.is((await admin.get('/staff/team')).status, 200);
});

test('inviting by e-mail creates the member and mails a sign-in link that works', async ({ ctx }) => {
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  const bad = await admin.post('/staff/team/invite', { email: 'not-an-email', role: 'member' });
  assert.is(bad.status, 422);
  assert.ok(bad.doc.querySelector('#field-email-error'));
  const dup = await admin.post('/staff/team/invite', { email: 'Member@acme.test', role: 'member' });
  assert.is(dup.status, 422);
  assert.ok(dup.visibleText.includes('already a member'));
  const ok = await admin.post('/staff/team/invite', { email: 'New.Person@acme.test', first_name: 'New', last_name: 'Person', role: 'admin' });
  assert.is(ok.status, 303);
  const mail = await ctx.lastMailTo('new.person@acme.test');
  assert.ok(mail.subject.includes('Ada Admin invited you'));
  const link = new URL(mail.links.find((l) => l.includes('/staff/login/link?token='))!);
  const browser = ctx.browser('acme');
  const signedIn = await browser.post('/staff/login/link', { token: link.searchParams.get('token')! });
  assert.is(signedIn.status, 303);
  const team = await browser.get('/staff/team');
  assert.is(team.status, 200, 'the new admin can open the team page');
  assert.ok(team.visibleText.includes('New Person'));
});

test('role change, deactivation (ends sessions) and reactivation', async ({ ctx, f }) => {
  const member = await ctx.signInStaff('acme', 'member@acme.test');
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  assert.is((await admin.post(`/staff/team/${f.member.id}/role`, { role: 'admin' })).status, 303);
  assert.is((await member.get('/staff/team')).status, 200, 'now an admin');
  assert.is((await admin.post(`/staff/team/${f.member.id}/deactivate`)).status, 303);
  const after = await member.get('/staff');
  assert.is(after.status, 303);
  assert.is(after.location, '/staff/login');
  const page = await admin.get('/staff/team');
  assert.ok(page.visibleText.includes('Deactivated'));
  await admin.post(`/staff/team/${f.member.id}/reactivate`);
  const again = await ctx.signInStaff('acme', 'member@acme.test');
  assert.is((await again.get('/staff')).status, 200);
  const actions = (await ctx.db.selectFrom('audit_events').select('action').where('subject_id', '=', f.member.id).execute()).map((r) => r.action);
  assert.ok(actions.includes('team.role_changed') && actions.includes('team.deactivated') && actions.includes('team.reactivated'));
});

test('the owner and oneself cannot be changed; only the owner transfers ownership, keeping exactly one owner', async ({ ctx, f }) => {
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  assert.is((await admin.post(`/staff/team/${f.owner.id}/deactivate`)).status, 403);
  assert.is((await admin.post(`/staff/team/${f.owner.id}/role`, { role: 'member' })).status, 403);
  assert.is((await admin.post(`/staff/team/${f.admin.id}/role`, { role: 'member' })).status, 403);
  assert.is((await admin.post('/staff/team/transfer', { new_owner: f.admin.id, confirm: 'yes' })).status, 403);
  const owner = await ctx.signInStaff('acme', 'owner@acme.test');
  const unconfirmed = await owner.post('/staff/team/transfer', { new_owner: f.member.id });
  assert.is(unconfirmed.status, 422);
  assert.ok(unconfirmed.doc.querySelector('#field-confirm-error'));
  assert.is((await owner.post('/staff/team/transfer', { new_owner: f.member.id, confirm: 'yes' })).status, 303);
  const roles = await ctx.db.selectFrom('staff_members').select(['id', 'role']).where('firm_id', '=', f.firm.id).execute();
  assert.is(roles.filter((r) => r.role === 'owner').length, 1);
  assert.is(roles.find((r) => r.id === f.member.id)?.role, 'owner');
  assert.is(roles.find((r) => r.id === f.owner.id)?.role, 'admin');
});

test('another firm\'s member ids answer 404', async ({ ctx, f }) => {
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  for (const action of ['role', 'deactivate', 'reactivate', 'invite']) {
    const page = await admin.post(`/staff/team/${f.otherOwner.id}/${action}`, { role: 'member' });
    assert.is(page.status, 404, action);
    assert.not.ok(page.text.includes('owner@other.test'));
  }
  const owner = await ctx.signInStaff('acme', 'owner@acme.test');
  const transfer = await owner.post('/staff/team/transfer', { new_owner: f.otherOwner.id, confirm: 'yes' });
  assert.is(transfer.status, 422);
  const team = await admin.get('/staff/team');
  assert.not.ok(team.text.includes('owner@other.test'));
  const other = await ctx.db.selectFrom('staff_members').select(['role', 'active']).where('id', '=', f.otherOwner.id).executeTakeFirstOrThrow();
  assert.equal(other, { role: 'owner', active: true });
});

test.run();
