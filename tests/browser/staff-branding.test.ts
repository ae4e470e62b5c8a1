import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import sharp from 'sharp';
import { expectAccessible, openBrowser, signInStaff, testServer } from './harness.ts';

const test = suite('browser: staff screens and branding');

async function logoPng(): Promise<Buffer> {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="80"><rect width="240" height="80" fill="#12355B"/><circle cx="40" cy="40" r="28" fill="#FFFFFF"/></svg>';
  return sharp(Buffer.from(svg)).png().toBuffer();
}

test('an admin changes the brand colour and logo, and the client login page shows them', async () => {
  const srv = await testServer();
  const session = await openBrowser({ javaScript: true, width: 1280 });
  const { page } = session;
  try {
    await signInStaff(page, srv, 'demo', 'admin@demo.test');
    await expectAccessible(page, 'staff dashboard');
    await page.getByRole('link', { name: 'Settings' }).first().click();
    await page.waitForURL(/\/staff\/settings\/portal$/);
    await expectAccessible(page, 'portal settings');

    // A pair below 4.5:1 is refused with the ratio beside the field.
    await page.getByLabel('Brand background colour (hex)').fill('#777777');
    await page.getByLabel('Trademark text colour (hex)').fill('#FFFFFF');
    await page.getByRole('button', { name: 'Save branding' }).click();
    await page.getByText('must be at least 4.5:1').first().waitFor();
    await expectAccessible(page, 'branding with a contrast error');

    await page.getByLabel('Brand background colour (hex)').fill('#12355B');
    assert.is(await page.getByLabel('Brand background colour (picker)').inputValue(), '#12355b', 'the picker follows the hex field');
    await page.getByRole('button', { name: 'Save branding' }).click();
    await page.getByText('Branding saved.').waitFor();

    await page.locator('#field-logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: await logoPng() });
    await page.getByRole('button', { name: 'Upload logo' }).click();
    await page.getByText('Logo saved.').waitFor();
    await expectAccessible(page, 'portal settings after saving');

    await page.goto(`${srv.origin('demo')}/login`);
    const header = page.locator('header.site-header');
    assert.is(await header.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(18, 53, 91)');
    const logo = page.locator('img.brand-logo');
    const firm = await srv.deps.db.selectFrom('firms').select('logo_key').where('slug', '=', 'demo').executeTakeFirstOrThrow();
    assert.is(await logo.getAttribute('src'), `/brand/logo?v=${firm.logo_key}`);
    assert.ok(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 240), 'the new logo loaded');
    await expectAccessible(page, 'client login page');
    assert.equal(session.problems, []);
  } finally {
    await session.close();
  }
});

test('the staff screens pass axe with JavaScript off at 360 px, without horizontal scrolling', async () => {
  const srv = await testServer();
  const session = await openBrowser({ javaScript: false, width: 360 });
  const { page } = session;
  try {
    await signInStaff(page, srv, 'demo', 'owner@demo.test');
    const client = await srv.deps.db.selectFrom('clients').innerJoin('firms', 'firms.id', 'clients.firm_id').select('clients.id').where('firms.slug', '=', 'demo').where('clients.name', '=', 'Baltic Bakery AS').executeTakeFirstOrThrow();
    const paths = [
      '/staff',
      '/staff/clients',
      `/staff/clients/${client.id}`,
      `/staff/clients/${client.id}/edit`,
      `/staff/clients/${client.id}/contacts/new`,
      '/staff/clients/new',
      '/staff/team',
      '/staff/settings/portal',
      '/staff/settings/portal/templates',
      '/staff/settings/portal/menu-links',
      '/staff/settings/portal/preview',
      '/staff/settings/plan',
      '/staff/audit',
    ];
    for (const path of paths) {
      await page.goto(`${srv.origin('demo')}${path}`);
      await expectAccessible(page, path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px`);
    }
    // A form error at 360 px, without JavaScript.
    await page.goto(`${srv.origin('demo')}/staff/clients/new`);
    await page.getByLabel('Mark').fill('x');
    await page.getByRole('button', { name: 'Create client' }).click();
    await page.getByText('exactly 4 letters or digits').first().waitFor();
    await expectAccessible(page, 'client form with errors');
    assert.equal(session.problems, []);
  } finally {
    await session.close();
  }
});

test.run();
