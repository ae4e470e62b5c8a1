import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { makeClient, makeContact, makeFirm } from '../../../src/seed/builders.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';

const test = suite<{ ctx: TestContext }>('portal settings');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  const acme = await makeFirm(state.ctx.db, { slug: 'acme' });
  const birch = await makeFirm(state.ctx.db, { slug: 'birch' });
  await makeContact(state.ctx.db, await makeClient(state.ctx.db, acme, { name: 'Pine' }), { first_name: 'Pia', email: 'pia@example.test' });
  await makeContact(state.ctx.db, await makeClient(state.ctx.db, birch, { name: 'Oak' }), { first_name: 'Pia', email: 'pia@example.test' });
});

const valid = { firstName: 'Pia', lastName: 'Pine', phone: '+372 5555 1234', language: 'de', timezone: 'Europe/Berlin', regionalFormat: 'de-DE', notifyTiming: 'morning' };

test('the settings page shows the profile with the e-mail read-only', async ({ ctx }) => {
  const browser = await ctx.signInClient('acme', 'pia@example.test');
  const page = await browser.get('/settings');
  assert.is(page.status, 200);
  assert.is(page.doc.querySelector('#field-email')?.getAttribute('value'), 'pia@example.test');
  assert.ok(page.doc.querySelector('#field-email')?.hasAttribute('readonly'));
  assert.ok(page.doc.querySelector('select#field-timezone option[value="Europe/Tallinn"]'));
});

test('saving applies the language at once, and the preferences follow the person to another firm', async ({ ctx }) => {
  const browser = await ctx.signInClient('acme', 'pia@example.test');
  const saved = await browser.post('/settings', { ...valid, email: 'hacker@example.test' });
  assert.is(saved.status, 303);
  const page = await browser.get(saved.location!);
  assert.is(page.doc.documentElement.getAttribute('lang'), 'de');
  assert.ok(page.visibleText.includes('Ihre Einstellungen sind gespeichert'));
  const user = await ctx.db.selectFrom('portal_users').selectAll().executeTakeFirstOrThrow();
  assert.is(user.email, 'pia@example.test', 'the e-mail cannot be changed here');
  assert.is(user.timezone, 'Europe/Berlin');
  assert.is(user.notify_timing, 'morning');
  const elsewhere = await ctx.signInClient('birch', 'pia@example.test');
  const other = await elsewhere.get('/settings');
  assert.is(other.doc.documentElement.getAttribute('lang'), 'de');
  assert.is(other.doc.querySelector('#field-phone')?.getAttribute('value'), '+372 5555 1234');
});

test('bad values are refused beside their fields with 422 and nothing saved', async ({ ctx }) => {
  const browser = await ctx.signInClient('acme', 'pia@example.test');
  const page = await browser.post('/settings', { ...valid, firstName: ' ', timezone: 'Mars/Olympus', notifyTiming: 'hourly', phone: '<script>' });
  assert.is(page.status, 422);
  for (const field of ['firstName', 'timezone', 'notifyTiming', 'phone']) {
    assert.is(page.doc.querySelector(`#field-${field}`)?.getAttribute('aria-invalid'), 'true', field);
    assert.ok(page.doc.querySelector(`#field-${field}-error`), field);
  }
  assert.ok(page.doc.querySelector('.error-summary'));
  const user = await ctx.db.selectFrom('portal_users').selectAll().executeTakeFirstOrThrow();
  assert.is(user.notify_timing, 'instant');
});

test('signed out, settings sends to the login page', async ({ ctx }) => {
  assert.is((await ctx.browser('acme').get('/settings')).location, '/login');
});

test.run();
