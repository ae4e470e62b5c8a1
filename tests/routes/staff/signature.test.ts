import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { firmSignature } from '../../../src/mail/signature.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { staffFixture } from './staff-fixtures.ts';

type Fixture = Awaited<ReturnType<typeof staffFixture>>;
const test = suite<{ ctx: TestContext; f: Fixture }>('e-mail signature');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  state.f = await staffFixture(state.ctx);
});

test('company default, fixed text, and dynamic placeholders with and without a sender', () => {
  const firm = { trademark: 'Acme Books' };
  assert.is(firmSignature({ ...firm, email_signature_mode: 'company', email_signature_text: 'ignored' }), 'Acme Books');
  assert.is(firmSignature({ ...firm, email_signature_mode: 'fixed', email_signature_text: 'Kind regards,\nAcme team' }), 'Kind regards,\nAcme team');
  const dynamic = { ...firm, email_signature_mode: 'dynamic' as const, email_signature_text: '{{sender_name}}\n{{company_name}}\nE-mail: {{sender_email}}' };
  assert.is(firmSignature(dynamic, { senderName: 'Ada Admin', senderEmail: 'ada@acme.test' }), 'Ada Admin\nAcme Books\nE-mail: ada@acme.test');
  assert.is(firmSignature(dynamic, {}), 'Acme Books\nAcme Books');
  assert.is(firmSignature({ ...firm, email_signature_mode: 'fixed', email_signature_text: '' }), 'Acme Books');
});

test('the settings form validates the signature, and invites carry the sender in a dynamic signature', async ({ ctx, f }) => {
  const admin = await ctx.signInStaff('acme', 'admin@acme.test');
  const empty = await admin.post('/staff/settings/portal/signature', { email_signature_mode: 'fixed', email_signature_text: '' });
  assert.is(empty.status, 422);
  assert.ok(empty.doc.querySelector('#field-email_signature_text-error'));
  const unknown = await admin.post('/staff/settings/portal/signature', { email_signature_mode: 'dynamic', email_signature_text: 'Hi {{first_name}}' });
  assert.is(unknown.status, 422);
  assert.ok(unknown.doc.querySelector('#field-email_signature_text-error')?.textContent?.includes('{{first_name}}'));
  assert.is((await admin.post('/staff/settings/portal/signature', { email_signature_mode: 'dynamic', email_signature_text: 'Best,\r\n{{sender_name}}, {{company_name}}\r\n{{sender_email}}' })).status, 303);
  await admin.post(`/staff/clients/${f.client.id}/contacts/${f.contact.id}/invite`);
  const invite = await ctx.lastMailTo('bea@example.test');
  assert.ok(invite.text.endsWith('Best,\nAda Admin, Acme Books\nadmin@acme.test'), invite.text);
  await ctx.browser('acme').post('/login', { email: 'bea@example.test' });
  const login = await ctx.lastMailTo('bea@example.test');
  assert.ok(login.text.endsWith('Best,\nAcme Books, Acme Books'), login.text);
});

test.run();
