// Browser: uploading files to a task with JavaScript on (two files with a progress bar, then drag and drop) and off
// (a plain form post, and a refused file), at phone and desktop widths, axe-clean on every page visited.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeContact } from '../../src/seed/builders.ts';
import { makeTask } from '../../src/seed/builders-tasks.ts';
import { samplePdf, sampleImage, sampleExe } from '../files/samples.ts';
import { expectAccessible, openBrowser, signInClient, signInStaff, testServer, type TestServer } from './harness.ts';

const test = suite('browser: task files');

async function personWithTask(srv: TestServer, label: string) {
  const db = srv.deps.db;
  const firm = await db.selectFrom('firms').select('id').where('slug', '=', 'demo').executeTakeFirstOrThrow();
  const client = await db.selectFrom('clients').select(['id', 'firm_id']).where('firm_id', '=', firm.id).where('name', '=', 'Baltic Bakery AS').executeTakeFirstOrThrow();
  const email = `browser-files-${label}-${Date.now()}@example.test`;
  const contact = await makeContact(db, client, { first_name: 'Fran', last_name: `Files ${label}`, email });
  const title = `Documents for the ${label} check`;
  const task = await makeTask(db, client, { title, sections: [{ owner: 'client', title: '', items: ['Upload the statements'] }], share: { contactIds: [contact.id] } });
  return { email, title, task };
}

function fixtureDir() {
  return mkdtempSync(join(tmpdir(), 'portico-upload-files-'));
}

test('JS on: two files with a progress bar, then a third by drag and drop; downloads keep the name', async () => {
  const srv = await testServer();
  const { email, task } = await personWithTask(srv, 'js');
  const dir = fixtureDir();
  const statement = join(dir, 'Bank statement 2026.csv');
  writeFileSync(statement, 'date;amount\n' + '2026-11-01;12.50\n'.repeat(200_000)); // about 3.4 MB, to watch the bar move
  const receipt = join(dir, 'Käibemaks receipt.png');
  writeFileSync(receipt, await sampleImage('png'));
  const session = await openBrowser({ javaScript: true, width: 1280 });
  const { page, context } = session;
  try {
    await signInClient(page, srv, 'demo', email);
    await page.goto(`${srv.origin('demo')}/tasks/${task.id}`);
    await expectAccessible(page, 'task page with the upload form');
    assert.ok(await page.locator('[data-drop-hint]').isVisible(), 'the drag-and-drop hint shows when JS is on');

    // A slow uplink, so the progress bar is seen moving.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 5_000_000, uploadThroughput: 1_500_000 });
    await page.getByLabel('Add files').setInputFiles([statement, receipt]);
    await page.getByRole('button', { name: 'Upload' }).click();
    const bar = page.locator('#upload-progress-bar');
    await bar.waitFor({ state: 'visible' });
    await page.waitForFunction(() => {
      const value = (document.getElementById('upload-progress-bar') as HTMLProgressElement | null)?.value ?? 0;
      return value > 0 && value < 100;
    });
    await page.waitForFunction(() => /Uploading: \d+%/.test(document.getElementById('upload-live')?.textContent ?? ''));
    await expectAccessible(page, 'task page while uploading');
    await page.locator('#task-files .notice').waitFor();
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    assert.match(await page.locator('#task-files .notice').innerText(), /Uploaded: Bank statement 2026\.csv, Käibemaks receipt\.png\./);
    assert.is(page.url(), `${srv.origin('demo')}/tasks/${task.id}`, 'no page load: the list was swapped in place');
    assert.is(await page.locator('#task-files .file-item').count(), 2);
    assert.is(await page.evaluate(() => document.activeElement?.classList.contains('notice')), true, 'focus moved to the result');
    assert.ok(await page.locator('#upload-progress-bar').isHidden());
    await expectAccessible(page, 'task page after the upload');

    // Drag and drop a PDF onto the task.
    const pdf = Array.from(await samplePdf('Dropped'));
    await page.evaluate((bytes) => {
      const file = new File([new Uint8Array(bytes)], 'dropped.pdf', { type: 'application/pdf' });
      const data = new DataTransfer();
      data.items.add(file);
      const main = document.querySelector('main')!;
      for (const type of ['dragenter', 'dragover', 'drop']) main.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    }, pdf);
    await page.locator('#task-files .file-item', { hasText: 'dropped.pdf' }).waitFor();
    assert.is(await page.locator('#task-files .file-item').count(), 3);

    // Delete it again (own upload, within 10 minutes): htmx swaps the list in place.
    await page.locator('#task-files .file-item', { hasText: 'dropped.pdf' }).getByRole('button', { name: /Delete/ }).click();
    await page.locator('#task-files .notice', { hasText: 'The file was deleted.' }).waitFor();
    assert.is(await page.locator('#task-files .file-item').count(), 2);
    assert.is(page.url(), `${srv.origin('demo')}/tasks/${task.id}`);
    await page.evaluate((bytes) => {
      const file = new File([new Uint8Array(bytes)], 'dropped.pdf', { type: 'application/pdf' });
      const data = new DataTransfer();
      data.items.add(file);
      const main = document.querySelector('main')!;
      for (const type of ['dragenter', 'dragover', 'drop']) main.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    }, pdf);
    await page.locator('#task-files .file-item', { hasText: 'dropped.pdf' }).waitFor();

    // A download keeps the original name.
    const downloadPromise = page.waitForEvent('download');
    await page.locator('#task-files .file-item', { hasText: 'Bank statement 2026.csv' }).getByRole('link', { name: /Download/ }).click();
    const download = await downloadPromise;
    assert.is(download.suggestedFilename(), 'Bank statement 2026.csv');

    // The PDF preview opens in the browser's viewer despite the sandbox CSP, rather than downloading.
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    const previewHref = await page.locator('#task-files .file-item', { hasText: 'dropped.pdf' }).getByRole('link', { name: /Preview/ }).getAttribute('href');
    const preview = await page.goto(`${srv.origin('demo')}${previewHref}`);
    assert.is(preview?.status(), 200);
    assert.match((await preview!.allHeaders())['content-security-policy'] ?? '', /^sandbox/);
    assert.is(await page.evaluate(() => document.contentType), 'application/pdf');
    assert.not.ok(downloaded, 'shown, not downloaded');

    // Back on the task the three files are there, with no script errors or CSP reports along the way.
    await page.goto(`${srv.origin('demo')}/tasks/${task.id}`);
    assert.is(await page.locator('#task-files .file-item').count(), 3);
    assert.equal(session.problems, []);
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('JS off at 360 px: a plain form post uploads a file; a refused one explains why on its own page', async () => {
  const srv = await testServer();
  const { email, task } = await personWithTask(srv, 'nojs');
  const dir = fixtureDir();
  const photo = join(dir, 'photo of receipt.jpg');
  writeFileSync(photo, await sampleImage('jpeg'));
  const fake = join(dir, 'invoice.pdf');
  writeFileSync(fake, sampleExe());
  const session = await openBrowser({ javaScript: false, width: 360 });
  const { page } = session;
  try {
    await signInClient(page, srv, 'demo', email);
    await page.goto(`${srv.origin('demo')}/tasks/${task.id}`);
    await expectAccessible(page, 'task page (no JS)');
    assert.ok(await page.locator('[data-drop-hint]').isHidden(), 'no drag-and-drop hint without JS');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no horizontal scrolling at 360 px');
    await page.getByLabel('Add files').setInputFiles(photo);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.waitForURL(new RegExp(`/tasks/${task.id}\\?uploaded=[0-9a-f-]+#attachments$`));
    assert.match(await page.locator('#task-files .notice').innerText(), /Uploaded: photo of receipt\.jpg\./);
    assert.is(await page.locator('#task-files .file-item').count(), 1);
    await expectAccessible(page, 'task page after a plain upload');

    await page.getByLabel('Add files').setInputFiles(fake);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.waitForURL(`${srv.origin('demo')}/tasks/${task.id}/files`);
    assert.match(await page.locator('.error-summary').innerText(), /invoice\.pdf cannot be uploaded/);
    assert.match(await page.locator('h1').innerText(), /Upload files: Documents for the nojs check/);
    await expectAccessible(page, 'refused upload page');
    await page.getByRole('link', { name: 'Back to the task' }).click();
    await page.waitForURL(`${srv.origin('demo')}/tasks/${task.id}`);
    assert.is(await page.locator('#task-files .file-item').count(), 1);
    assert.equal(session.problems, []);
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('staff: the dashboard lists new client uploads; the task page takes a staff upload (JS on, 360 px)', async () => {
  const srv = await testServer();
  const dir = fixtureDir();
  const letter = join(dir, 'Reply from the tax board.pdf');
  writeFileSync(letter, await samplePdf('Reply'));
  const session = await openBrowser({ javaScript: true, width: 360 });
  const { page } = session;
  try {
    await signInStaff(page, srv, 'demo', 'admin@demo.test');
    const card = page.locator('section[aria-labelledby="card-new-uploads"]');
    assert.match(await card.innerText(), /New uploads since yesterday/);
    assert.match(await card.innerText(), /Receipt Café Tallinn\.png/, 'the seeded client upload of a few hours ago');
    await expectAccessible(page, 'staff dashboard with the uploads card');
    await card.getByRole('link', { name: 'Receipt Café Tallinn.png' }).click();
    await page.waitForURL(/\/staff\/tasks\/[0-9a-f-]+#file-[0-9a-f-]+$/);
    assert.match(await page.locator('#attachments').innerText(), /Alex Example \(client\)/);
    await expectAccessible(page, 'staff task page with files');
    await page.getByLabel('Add files').setInputFiles(letter);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.locator('#task-files .notice', { hasText: 'Uploaded: Reply from the tax board.pdf.' }).waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no horizontal scrolling at 360 px');
    await expectAccessible(page, 'staff task page after an upload');
    assert.equal(session.problems, []);
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
