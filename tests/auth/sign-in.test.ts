import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sql } from 'kysely';
import { DAY, HOUR, MINUTE } from '../../src/clock.ts';
import { hashToken } from '../../src/auth/tokens.ts';
import { endContactAccess } from '../../src/db/queries/access-revocation.ts';
import { makeClient, makeContact, makeFirm, makeStaff } from '../../src/seed/builders.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import type { TestBrowser } from '../helpers/browser-client.ts';

const test = suite<{ ctx: TestContext; firmId: string; contactId: string }>('client sign-in');

test.before.each(async (state) => {
  const ctx = (state.ctx = await createTestContext());
  const firm = await makeFirm(ctx.db, { slug: 'acme', name: 'Acme Accounting Ltd', trademark: 'Acme Books' });
  const client = await makeClient(ctx.db, firm, { name: 'Pine Ltd' });
  const contact = await makeContact(ctx.db, client, { first_name: 'Pia', last_name: 'Pine', email: 'pia@example.test' });
  await makeContact(ctx.db, client, { first_name: 'No', last_name: 'Access', email: 'noaccess@example.test', access_enabled: false });
  state.firmId = firm.id;
  state.contactId = contact.id;
});

async function requestLink(ctx: TestContext, browser: TestBrowser, email: string) {
  const page = await browser.post('/login', { email });
  const mail = await ctx.lastMailTo(email.trim().toLowerCase());
  return { page, mail, url: mail ? new URL(mail.links.find((l) => l.includes('/login/link'))!) : undefined };
}

test('a contact with access gets a link, confirms it, and lands signed in on the home page', async ({ ctx }) => {
  const browser = ctx.browser('acme');
  const { page, mail, url } = await requestLink(ctx, browser, 'Pia@Example.test ');
  assert.is(page.status, 200);
  assert.ok(page.visibleText.includes('If this address has access, a link is on its way'));
  assert.ok(mail, 'a mail was sent');
  assert.is(mail!.subject, 'Your login link for Acme Books');
  assert.ok(mail!.text.includes('Acme Books'));
  assert.is(url!.host, 'acme.localhost:3000');
  const confirm = await browser.get(url!.pathname + url!.search);
  assert.is(confirm.status, 200);
  assert.is(confirm.doc.querySelector('h1')?.textContent, 'Continue to Acme Books');
  assert.is(confirm.doc.querySelectorAll('form button').length, 1);
  // Opening the link alone (what a mail scanner does) signs nobody in.
  assert.is((await browser.get('/')).location, '/login');
  const signedIn = await browser.post('/login/link', { token: url!.searchParams.get('token')! });
  assert.is(signedIn.status, 303);
  assert.is(signedIn.location, '/');
  const home = await browser.get('/');
  assert.is(home.status, 200);
  assert.ok(home.doc.querySelector('h1')?.textContent?.includes('Pia'));
});

test('an email without access gets the identical page and no mail', async ({ ctx }) => {
  const withAccess = await ctx.browser('acme').post('/login', { email: 'pia@example.test' });
  for (const email of ['noaccess@example.test', 'nobody@example.test']) {
    const page = await ctx.browser('acme').post('/login', { email });
    assert.is(page.status, withAccess.status);
    assert.is(page.visibleText, withAccess.visibleText);
    assert.is(await ctx.lastMailTo(email), undefined);
  }
  const rows = await ctx.db.selectFrom('outbox').select('to_email').execute();
  assert.equal(rows.map((r) => r.to_email), ['pia@example.test']);
});

test('an invalid email is refused beside the field with 422', async ({ ctx }) => {
  const page = await ctx.browser('acme').post('/login', { email: 'not-an-email' });
  assert.is(page.status, 422);
  const input = page.doc.querySelector('#field-email')!;
  assert.is(input.getAttribute('aria-invalid'), 'true');
  assert.is(input.getAttribute('value'), 'not-an-email');
  assert.ok(page.doc.querySelector('#field-email-error')?.textContent?.includes('Enter an e-mail address'));
  assert.ok(page.doc.querySelector('.error-summary a[href="#field-email"]'));
});

test('a link works twice within 7 days, on any device', async ({ ctx }) => {
  const { url } = await requestLink(ctx, ctx.browser('acme'), 'pia@example.test');
  const token = url!.searchParams.get('token')!;
  for (const device of [ctx.browser('acme'), ctx.browser('acme')]) {
    const res = await device.post('/login/link', { token });
    assert.is(res.status, 303);
    assert.is((await device.get('/')).status, 200);
    ctx.clock.advance(3 * DAY);
  }
});

test('a superseded link, an expired link and a revoked link each get their own page with a form for a new link', async ({ ctx, firmId, contactId }) => {
  const browser = ctx.browser('acme');
  const first = (await requestLink(ctx, browser, 'pia@example.test')).url!;
  const second = (await requestLink(ctx, browser, 'pia@example.test')).url!;
  const superseded = await browser.get(first.pathname + first.search);
  assert.is(superseded.status, 410);
  assert.is(superseded.doc.querySelector('h1')?.textContent, 'A newer link was sent');
  assert.ok(superseded.doc.querySelector('form[action="/login"] input[name=email]'));
  assert.is((await browser.post('/login/link', { token: first.searchParams.get('token')! })).status, 410);

  ctx.clock.advance(7 * DAY + MINUTE);
  const expired = await browser.get(second.pathname + second.search);
  assert.is(expired.status, 410);
  assert.is(expired.doc.querySelector('h1')?.textContent, 'This link has expired');
  assert.is(expired.doc.querySelector('input[name=email]')?.getAttribute('value'), 'pia@example.test');

  const third = (await requestLink(ctx, browser, 'pia@example.test')).url!;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('contacts').set({ access_enabled: false }).where('id', '=', contactId).execute();
    await endContactAccess(trx, firmId, contactId, 'pia@example.test');
  });
  const revoked = await browser.get(third.pathname + third.search);
  assert.is(revoked.status, 410);
  assert.is(revoked.doc.querySelector('h1')?.textContent, 'This link no longer works');
  const garbage = await browser.get('/login/link?token=abc');
  assert.is(garbage.doc.querySelector('h1')?.textContent, 'This link is not valid');
});

test('a link stays good while its e-mail still has access through another client of the firm, and signs in as that one', async ({ ctx, firmId, contactId }) => {
  const firm = await ctx.db.selectFrom('firms').selectAll().where('id', '=', firmId).executeTakeFirstOrThrow();
  const other = await makeClient(ctx.db, firm, { name: 'Oak Ltd' });
  const oak = await makeContact(ctx.db, other, { first_name: 'Pia', last_name: 'Oak', email: 'pia@example.test' });
  const browser = ctx.browser('acme');
  const link = (await requestLink(ctx, browser, 'pia@example.test')).url!;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('contacts').set({ access_enabled: false }).where('id', '=', contactId).execute();
    await endContactAccess(trx, firmId, contactId, 'pia@example.test');
  });
  const signedIn = await browser.post('/login/link', { token: link.searchParams.get('token')! });
  assert.is(signedIn.status, 303, 'the link still works');
  const home = await browser.get('/');
  assert.is(home.doc.querySelector('.account-company')?.textContent, 'Oak Ltd');
  const session = await ctx.db.selectFrom('sessions').select('contact_id').executeTakeFirstOrThrow();
  assert.is(session.contact_id, oak.id);
  // Once the last contact with that e-mail loses access, its links end too.
  const next = (await requestLink(ctx, ctx.browser('acme'), 'pia@example.test')).url!;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('contacts').set({ access_enabled: false }).where('id', '=', oak.id).execute();
    await endContactAccess(trx, firmId, oak.id, 'pia@example.test');
  });
  assert.is((await ctx.browser('acme').get(next.pathname + next.search)).doc.querySelector('h1')?.textContent, 'This link no longer works');
});

test('revoking access while signed in sends the next request to /login with a message', async ({ ctx, contactId }) => {
  const browser = await ctx.signInClient('acme', 'pia@example.test');
  assert.is((await browser.get('/')).status, 200);
  // Even without the staff screen's revocation, the guard checks access on every request.
  await ctx.db.updateTable('contacts').set({ access_enabled: false }).where('id', '=', contactId).execute();
  const next = await browser.get('/');
  assert.is(next.status, 303);
  assert.is(next.location, '/login?m=revoked');
  const login = await browser.get(next.location!);
  assert.ok(login.visibleText.includes('Your access to this portal has ended'));
  const count = await ctx.db.selectFrom('sessions').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  assert.is(count.n, 0);
});

test('the client portal toggle switched off ends access too', async ({ ctx }) => {
  const browser = await ctx.signInClient('acme', 'pia@example.test');
  await ctx.db.updateTable('clients').set({ portal_enabled: false }).execute();
  assert.is((await browser.get('/')).location, '/login?m=revoked');
});

test('the 6th link request for one email within an hour sends no mail; an hour later it works again', async ({ ctx }) => {
  for (let i = 1; i <= 5; i++) {
    const page = await ctx.browser('acme').post('/login', { email: 'pia@example.test' }, { 'x-test-ip': `10.0.0.${i}` });
    assert.is(page.status, 200);
  }
  await ctx.worker.runOnce();
  assert.is(ctx.mail.to('pia@example.test').length, 5);
  const sixth = await ctx.browser('acme').post('/login', { email: 'pia@example.test' }, { 'x-test-ip': '10.0.0.6' });
  assert.is(sixth.status, 429);
  assert.ok(sixth.visibleText.includes('Please wait'));
  await ctx.worker.runOnce();
  assert.is(ctx.mail.to('pia@example.test').length, 5);
  const audit = await ctx.db.selectFrom('audit_events').select('action').where('action', '=', 'login.rate_limited').execute();
  assert.is(audit.length, 1);
  ctx.clock.advance(HOUR + MINUTE);
  assert.is((await ctx.browser('acme').post('/login', { email: 'pia@example.test' })).status, 200);
});

test('more than 30 requests from one IP within an hour are refused', async ({ ctx }) => {
  for (let i = 0; i < 30; i++) {
    const page = await ctx.browser('acme').post('/login', { email: `person${i}@example.test` }, { 'x-test-ip': '192.0.2.7' });
    assert.is(page.status, 200);
  }
  const refused = await ctx.browser('acme').post('/login', { email: 'pia@example.test' }, { 'x-test-ip': '192.0.2.7' });
  assert.is(refused.status, 429);
  assert.is(await ctx.lastMailTo('pia@example.test'), undefined);
  const otherIp = await ctx.browser('acme').post('/login', { email: 'pia@example.test' }, { 'x-test-ip': '192.0.2.8' });
  assert.is(otherIp.status, 200);
});

test('the session cookie is HttpOnly, SameSite=Lax, host-only, and the database cannot rebuild it', async ({ ctx }) => {
  const browser = ctx.browser('acme');
  const { url } = await requestLink(ctx, browser, 'pia@example.test');
  const res = await browser.post('/login/link', { token: url!.searchParams.get('token')! });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('portico_session='))!;
  assert.ok(cookie, 'session cookie set');
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  assert.match(cookie, /Path=\//);
  assert.not.match(cookie, /Domain=/i);
  const value = cookie.split(';')[0].split('=')[1];
  const [id, secret] = value.split('.');
  const row = await ctx.db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
  assert.is(row.id, id);
  assert.equal(new Uint8Array(row.secret_hash), hashToken(secret));
  const dump = JSON.stringify(row, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v));
  assert.not.ok(dump.includes(secret), 'the secret is not stored');
  // A tampered secret is refused.
  const forged = await browser.get('/', { Cookie: `portico_session=${id}.${'a'.repeat(secret.length)}` });
  assert.is(forged.location, '/login');
});

test('with COOKIE_SECURE the cookie is __Host- prefixed and Secure', async () => {
  const ctx = await createTestContext({ env: { COOKIE_SECURE: 'true' } });
  const firm = await makeFirm(ctx.db, { slug: 'acme' });
  const client = await makeClient(ctx.db, firm, { name: 'Pine' });
  await makeContact(ctx.db, client, { email: 'pia@example.test' });
  const browser = ctx.browser('acme');
  const { url } = await requestLink(ctx, browser, 'pia@example.test');
  const res = await browser.post('/login/link', { token: url!.searchParams.get('token')! });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-portico_session='))!;
  assert.ok(cookie);
  assert.match(cookie, /Secure/);
  assert.match(cookie, /Path=\//);
  assert.not.match(cookie, /Domain=/i);
});

test('sessions last 30 days and slide forward while used', async ({ ctx }) => {
  const browser = await ctx.signInClient('acme', 'pia@example.test');
  ctx.clock.advance(20 * DAY);
  assert.is((await browser.get('/')).status, 200); // extends to day 50
  ctx.clock.advance(25 * DAY);
  assert.is((await browser.get('/')).status, 200);
  ctx.clock.advance(31 * DAY);
  assert.is((await browser.get('/')).location, '/login');
});

test('sign-in and link requests are audited with IP and browser', async ({ ctx }) => {
  await ctx.signInClient('acme', 'pia@example.test');
  await ctx.browser('acme').post('/login', { email: 'nobody@example.test' });
  const events = await ctx.db.selectFrom('audit_events').select(['action', 'ip', 'user_agent', 'actor_email']).orderBy('at').execute();
  const actions = events.map((e) => e.action);
  assert.ok(actions.includes('login.link_requested'));
  assert.ok(actions.includes('login.signed_in'));
  assert.ok(actions.includes('login.link_refused'));
  for (const e of events) {
    assert.ok(e.ip);
    assert.is(e.user_agent, 'TestBrowser/1.0');
  }
});

test('a chosen ?lang= carries through the form, the mailed link, the confirm page and the new person', async ({ ctx }) => {
  const browser = ctx.browser('acme');
  const login = await browser.get('/login?lang=de');
  assert.is(login.doc.querySelector('form')?.getAttribute('action'), '/login?lang=de');
  const sent = await browser.post('/login?lang=de', { email: 'pia@example.test' });
  assert.ok(sent.visibleText.includes('Wenn diese Adresse Zugang hat'));
  const mail = await ctx.lastMailTo('pia@example.test');
  assert.is(mail!.subject, 'Ihr Anmeldelink für Acme Books');
  const link = new URL(mail!.links[0]);
  assert.is(link.searchParams.get('lang'), 'de');
  const confirm = await browser.get(link.pathname + link.search);
  assert.is(confirm.doc.querySelector('form')?.getAttribute('action'), '/login/link?lang=de');
  await browser.post('/login/link?lang=de', { token: link.searchParams.get('token')! });
  const user = await ctx.db.selectFrom('portal_users').selectAll().executeTakeFirstOrThrow();
  assert.is(user.language, 'de');
  assert.is((await browser.get('/')).doc.documentElement.getAttribute('lang'), 'de');
});

test.run();
