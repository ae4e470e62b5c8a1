import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { makeClient, makeContact } from '../../src/seed/builders.ts';
import { expectAccessible, openBrowser, signInClient, signInStaff, testServer, VARIANTS } from './harness.ts';

const test = suite('browser: sign-in');

for (const variant of VARIANTS) {
  test(`a client signs in with a magic link, sees home, and logs out (${variant.name})`, async () => {
    const srv = await testServer();
    const session = await openBrowser(variant);
    const { page } = session;
    try {
      await signInClient(page, srv, 'demo', 'mari@example.test');
      await expectAccessible(page, 'portal home');
      assert.match(await page.locator('h1').innerText(), /Mari/);
      // Account menu (a details element: works without JS) has Log out.
      await page.locator('.account-menu summary').click();
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.waitForURL(/\/login\?m=signed-out$/);
      await expectAccessible(page, 'signed-out login page');
      await page.goto(`${srv.origin('demo')}/`);
      await page.waitForURL(/\/login$/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
      assert.not.ok(overflow, 'no horizontal scrolling');
      assert.equal(session.problems, []);
    } finally {
      await session.close();
    }
  });
}

test('an email without access gets the same page and no mail; a bad email gets a message by the field', async () => {
  const srv = await testServer();
  const session = await openBrowser({ javaScript: true, width: 360 });
  const { page } = session;
  try {
    await page.goto(`${srv.origin('demo')}/login`);
    await page.getByLabel(/e-mail/i).fill('stranger@example.test');
    await page.getByRole('button', { name: /log in/i }).click();
    await page.getByText('If this address has access').waitFor();
    assert.is(await srv.lastMailTo('stranger@example.test'), undefined);
    await page.getByLabel(/e-mail/i).fill('not an email');
    await page.getByRole('button', { name: /log in/i }).click();
    await page.getByText('Enter an e-mail address').first().waitFor();
    assert.is(await page.getByLabel(/e-mail/i).getAttribute('aria-invalid'), 'true');
    await expectAccessible(page, 'login with error');
    assert.equal(session.problems, []);
  } finally {
    await session.close();
  }
});

test('a person with several companies switches between them and to another firm from the account menu', async () => {
  const srv = await testServer();
  // A person of this test's own, so the companies remembered here do not change what other tests see for Alex.
  const db = srv.deps.db;
  const demo = await db.selectFrom('firms').selectAll().where('slug', '=', 'demo').executeTakeFirstOrThrow();
  const northwind = await db.selectFrom('firms').selectAll().where('slug', '=', 'northwind').executeTakeFirstOrThrow();
  await makeContact(db, await makeClient(db, demo, { name: 'Switch One Ltd' }), { first_name: 'Sam', email: 'switcher@example.test' });
  await makeContact(db, await makeClient(db, demo, { name: 'Switch Two Ltd' }), { first_name: 'Sam', email: 'switcher@example.test' });
  await makeContact(db, await makeClient(db, northwind, { name: 'Switch North Ltd' }), { first_name: 'Sam', email: 'switcher@example.test' });
  const session = await openBrowser({ javaScript: true });
  const { page } = session;
  try {
    await signInClient(page, srv, 'demo', 'switcher@example.test');
    const menu = page.locator('.account-menu summary');
    const before = await menu.innerText();
    await menu.click();
    const other = before.includes('Switch One Ltd') ? 'Switch Two Ltd' : 'Switch One Ltd';
    await page.getByRole('button', { name: new RegExp(other) }).click();
    await page.waitForURL(`${srv.origin('demo')}/`);
    assert.match(await page.locator('.account-menu summary').innerText(), new RegExp(other));
    await page.locator('.account-menu summary').click();
    await page.getByRole('button', { name: /Northwind Bookkeeping/ }).click();
    await page.waitForURL(`${srv.origin('northwind')}/`);
    assert.match(await page.locator('.account-menu summary').innerText(), /Switch North Ltd/);
    await expectAccessible(page, 'northwind home');
    assert.equal(session.problems, []);
  } finally {
    await session.close();
  }
});

test('staff sign in at /staff/login', async () => {
  const srv = await testServer();
  const session = await openBrowser({ javaScript: false, width: 360 });
  try {
    await signInStaff(session.page, srv, 'demo', 'owner@demo.test');
    await expectAccessible(session.page, 'staff dashboard');
  } finally {
    await session.close();
  }
});

test.run();
