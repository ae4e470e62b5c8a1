import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { makeClient, makeContact } from '../../../src/seed/builders.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { staffFixture } from './staff-fixtures.ts';

type Fixture = Awaited<ReturnType<typeof staffFixture>>;
const test = suite<{ ctx: TestContext; f: Fixture }>('staff dashboard and audit log');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  state.f = await staffFixture(state.ctx);
});

test('the dashboard counts clients without the portal, contacts never invited, invited but never signed in, and recent sign-ins', async ({ ctx, f }) => {
  await makeClient(ctx.db, f.firm, { name: 'Quiet Quarry', portal_enabled: false });
  const invited = await makeContact(ctx.db, f.client, { first_name: 'Ivan', last_name: 'Invited', email: 'ivan@example.test', invite_sent_at: ctx.clock.now() });
  await makeClient(ctx.db, f.other, { name: 'Secret Quarry', portal_enabled: false });
  await ctx.signInClient('acme', 'bea@example.test');
  const staff = await ctx.signInStaff('acme', 'member@acme.test');
  const page = await staff.get('/staff');
  assert.is(page.status, 200);
  const card = (id: string) => page.doc.querySelector(`[aria-labelledby="card-${id}"]`)!;
  assert.ok(card('clients-without-portal').textContent!.includes('Quiet Quarry'));
  assert.is(card('clients-without-portal').querySelector('.card-count')?.textContent?.trim(), '1');
  assert.ok(card('contacts-not-signed-in').textContent!.includes('Ivan Invited'));
  assert.ok(card('recent-sign-ins').textContent!.includes('Bea Birch'));
  assert.ok(card('contacts-never-invited').textContent!.includes('Every'), 'Bea signed in on her own, so she is not waiting for an invite');
  assert.not.ok(page.text.includes('Secret'));
  assert.ok(invited);
});

test('admins filter the audit log and export it as CSV; members cannot', async ({ ctx, f }) => {
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  await admin.post(`/staff/clients/${f.client.id}/portal`, { enabled: 'off' });
  await admin.post('/staff/clients/new', { name: '=HYPERLINK("http://evil")' });
  const all = await admin.get('/staff/audit');
  assert.is(all.status, 200);
  assert.ok(all.visibleText.includes('client.portal_disabled'));
  const filtered = await admin.get('/staff/audit?action=client.created');
  assert.is(filtered.doc.querySelectorAll('tbody tr').length, 1);
  assert.is((await admin.get('/staff/audit?actor=nobody@')).doc.querySelectorAll('tbody tr').length, 0);
  assert.is((await admin.get('/staff/audit?from=2026-12-01')).doc.querySelectorAll('tbody tr').length, 0);
  assert.ok((await admin.get('/staff/audit?from=2026-11-30&to=2026-11-30')).doc.querySelectorAll('tbody tr').length >= 2);
  assert.is((await admin.get('/staff/audit?from=yesterday')).status, 422);
  const csv = await admin.get('/staff/audit.csv?action=client');
  assert.is(csv.status, 200);
  assert.match(csv.headers.get('content-type')!, /text\/csv/);
  assert.ok(csv.headers.get('content-disposition')!.includes('attachment'));
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.is(lines[0], 'at,actor_type,actor_email,actor_id,action,subject_type,subject_id,detail,ip,user_agent');
  assert.is(lines.length, 3);
  assert.not.ok(csv.text.includes('owner@other.test'));
  const member = await ctx.signInStaff('acme', 'member@acme.test');
  assert.is((await member.get('/staff/audit')).status, 403);
  assert.is((await member.get('/staff/audit.csv')).status, 403);
});

test.run();
