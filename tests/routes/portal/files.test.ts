// The client's task files over HTTP: upload, list, download, delete, and every refusal.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { LocalBlobStore } from '../../../src/storage/local-blob-store.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { compoundSamples, sampleExe, sampleImage, samplePdf, text } from '../../files/samples.ts';
import { filesFixture, postFiles, rawGet, type FilesFixture } from './files-fixture.ts';

const test = suite<{ ctx: TestContext; f: FilesFixture }>('portal task files');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  state.f = await filesFixture(state.ctx);
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function storedFiles(ctx: TestContext): Promise<string[]> {
  const root = (ctx.blobs as LocalBlobStore).root;
  try {
    return (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
}

test('two files upload in one post, show on the task page, and download byte for byte', async ({ ctx, f }) => {
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const pdf = await samplePdf('Bank statement');
  const png = await sampleImage('png');
  const res = await postFiles(alice, `/tasks/${f.task.id}/files`, [
    { name: 'statement <2026>.pdf', bytes: pdf },
    { name: 'Õismäe kviitung.png', bytes: png },
  ]);
  assert.is(res.status, 303);
  assert.match(res.location!, new RegExp(`^/tasks/${f.task.id}\\?uploaded=[0-9a-f-]+,[0-9a-f-]+#attachments$`));

  const page = await alice.follow(res);
  assert.is(page.status, 200);
  const items = [...page.doc.querySelectorAll('#task-files .file-item')];
  assert.is(items.length, 2);
  assert.ok(page.text.includes('statement &lt;2026&gt;.pdf'), 'the name is escaped');
  assert.ok(page.visibleText.includes('Uploaded: statement <2026>.pdf, Õismäe kviitung.png.'), page.visibleText);
  assert.ok(page.visibleText.includes('added by you'));
  // The upload control: several files, the allowed types, no forced capture.
  const input = page.doc.querySelector('#task-files input[type=file]')!;
  assert.ok(input.hasAttribute('multiple'));
  assert.match(input.getAttribute('accept')!, /\.pdf,.*image\/heic/);
  assert.not.ok(input.hasAttribute('capture'));
  assert.is(page.doc.querySelector('#task-files form.upload-form')!.getAttribute('enctype'), 'multipart/form-data');

  const rows = await f.db.selectFrom('task_files').selectAll().orderBy('size').execute();
  assert.equal(rows.map((r) => [r.original_name, r.content_type, r.scan_status, r.uploaded_by_type, r.uploaded_by_id, r.uploaded_by_name]), [
    ['Õismäe kviitung.png', 'image/png', 'clean', 'portal', f.alice.id, 'Alice Alpha'],
    ['statement <2026>.pdf', 'application/pdf', 'clean', 'portal', f.alice.id, 'Alice Alpha'],
  ]);
  const pngRow = rows[0];
  const pngDownload = await rawGet(ctx, alice, `/tasks/${f.task.id}/files/${pngRow.id}`);
  assert.is(pngDownload.headers.get('Content-Disposition'), `attachment; filename="Oismae kviitung.png"; filename*=UTF-8''%C3%95ism%C3%A4e%20kviitung.png`);
  const pdfRow = rows[1];
  const link = page.doc.querySelector(`#file-${pdfRow.id} a.file-name`)!.getAttribute('href')!;
  const download = await rawGet(ctx, alice, link);
  assert.is(download.status, 200);
  const body = new Uint8Array(await download.arrayBuffer());
  assert.is(sha256(body), sha256(pdf));
  assert.is(pdfRow.sha256, sha256(pdf));
  assert.is(download.headers.get('Content-Type'), 'application/pdf');
  assert.is(download.headers.get('Content-Disposition'), `attachment; filename="statement <2026>.pdf"; filename*=UTF-8''statement%20%3C2026%3E.pdf`);
  assert.is(download.headers.get('ETag'), `"${sha256(pdf)}"`);
  assert.match(download.headers.get('Cache-Control')!, /private/);

  const audit = await f.db.selectFrom('audit_events').select(['action', 'actor_type', 'subject_id']).where('action', 'like', 'file.%').orderBy('action').execute();
  assert.is(audit.filter((a) => a.action === 'file.uploaded').length, 2);
  assert.equal(audit.filter((a) => a.action === 'file.downloaded').map((a) => [a.actor_type, a.subject_id]).sort(), [['portal', pdfRow.id], ['portal', pngRow.id]].sort());

  // The responsible member hears about it; mail lists the files.
  const mail = await ctx.lastMailTo('member@acme.test');
  assert.ok(mail, 'the responsible staff member was notified');
  assert.match(mail.subject, /Alpha OÜ: 2 files uploaded to "Year-end documents"/);
  assert.ok(mail.text.includes('statement <2026>.pdf') && mail.text.includes('Õismäe kviitung.png'));
  assert.ok(mail.links.some((l) => l.endsWith(`/staff/tasks/${f.task.id}`)));

  // Another contact of the same client sees the files, but not the delete button.
  const bob = await ctx.signInClient('acme', 'bob@example.test');
  const bobPage = await bob.get(`/tasks/${f.task.id}`);
  assert.is(bobPage.doc.querySelectorAll('#task-files .file-item').length, 2);
  assert.ok(bobPage.visibleText.includes('added by Alice Alpha'));
  assert.is(bobPage.doc.querySelectorAll('#task-files form[action$="/delete"]').length, 0);
});

test('a file one byte over the limit is refused with 413: the page names it and the limit; no row, no blob, no temp file', async ({ ctx, f }) => {
  await f.db.updateTable('firms').set({ upload_limit_bytes: 2048 }).where('id', '=', f.firm.id).execute();
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const res = await postFiles(alice, `/tasks/${f.task.id}/files`, [
    { name: 'fine.txt', bytes: text('small') },
    { name: 'big.csv', bytes: new Uint8Array(2049).fill(0x61) },
  ]);
  assert.is(res.status, 413);
  assert.ok(res.visibleText.includes('big.csv is larger than the limit of 2 KB per file.'), res.visibleText);
  assert.ok(res.visibleText.includes('None of the files were kept'));
  assert.is(res.doc.querySelectorAll('h1').length, 1);
  assert.ok(res.doc.querySelector('#field-files[aria-invalid=true]'));
  assert.is((await f.db.selectFrom('task_files').select('id').execute()).length, 0);
  assert.equal(await storedFiles(ctx), [], 'no blob and no temp file');

  // Exactly at the limit is fine.
  const ok = await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'exact.csv', bytes: new Uint8Array(2048).fill(0x61) }]);
  assert.is(ok.status, 303);
});

test('an EXE renamed .pdf is refused by name, and the good file sent with it is not kept either', async ({ ctx, f }) => {
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const res = await postFiles(alice, `/tasks/${f.task.id}/files`, [
    { name: 'good.pdf', bytes: await samplePdf() },
    { name: 'invoice.pdf', bytes: sampleExe(), type: 'application/pdf' },
  ]);
  assert.is(res.status, 422);
  assert.ok(res.visibleText.includes('invoice.pdf cannot be uploaded: programs, scripts, web pages and SVG images are not accepted.'), res.visibleText);
  assert.is((await f.db.selectFrom('task_files').select('id').execute()).length, 0);
  assert.equal(await storedFiles(ctx), []);
});

test('HTML, SVG and scripts are refused; a mismatched extension is explained', async ({ ctx, f }) => {
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const html = await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'page.html', bytes: text('<!doctype html><h1>x</h1>'), type: 'text/html' }]);
  assert.is(html.status, 422);
  assert.ok(html.visibleText.includes('page.html cannot be uploaded'));
  const disguised = await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'notes.txt', bytes: text('<html><script>alert(1)</script></html>') }]);
  assert.is(disguised.status, 422);
  const svg = await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'logo.svg', bytes: text('<svg xmlns="http://www.w3.org/2000/svg"/>') }]);
  assert.is(svg.status, 422);
  const mismatch = await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'scan.pdf', bytes: await sampleImage('jpeg') }]);
  assert.is(mismatch.status, 422);
  assert.ok(mismatch.visibleText.includes('scan.pdf is a JPG file, but its name ends in .pdf. Rename it to end in .jpg'), mismatch.visibleText);
  const reversed = await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'invoice\u202Efdp.exe', bytes: sampleExe() }]);
  assert.is(reversed.status, 422, 'a right-to-left override does not disguise a program');
  assert.ok(reversed.text.includes('invoicefdp.exe') && !reversed.text.includes('\u202E'));
  const word = await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'old.doc', bytes: compoundSamples.doc() }]);
  assert.is(word.status, 303, 'a Word 97 document is fine');
  assert.is((await f.db.selectFrom('task_files').select('id').execute()).length, 1);
});

test('an empty post asks for a file; htmx gets the fragment with the errors and status', async ({ ctx, f }) => {
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const none = await alice.request('POST', `/tasks/${f.task.id}/files`, { body: new FormData() });
  assert.is(none.status, 422);
  assert.ok(none.visibleText.includes('Choose at least one file to upload.'));
  const fragment = await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'x.exe', bytes: sampleExe() }], { 'HX-Request': 'true' });
  assert.is(fragment.status, 422);
  assert.not.ok(fragment.text.startsWith('<!DOCTYPE'));
  assert.ok(fragment.doc.querySelector('#task-files .error-summary'));
  const ok = await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'a.txt', bytes: text('hello') }], { 'HX-Request': 'true' });
  assert.is(ok.status, 200);
  assert.ok(ok.doc.querySelector('#task-files .notice'));
  assert.ok(ok.visibleText.includes('Uploaded: a.txt.'));
  assert.is(ok.doc.querySelectorAll('#task-files .file-item').length, 1);
});

test("another client's or firm's task and file ids answer 404, leaking nothing; so does a file under another task", async ({ ctx, f }) => {
  const bea = await ctx.signInClient('acme', 'bea@example.test');
  await postFiles(bea, `/tasks/${f.betaTask.id}/files`, [{ name: 'beta-secret.txt', bytes: text('beta payroll') }]);
  const betaFile = await f.db.selectFrom('task_files').select('id').executeTakeFirstOrThrow();
  const gammaBrowser = await ctx.signInClient('other', 'alice@example.test');
  await postFiles(gammaBrowser, `/tasks/${f.gammaTask.id}/files`, [{ name: 'gamma-secret.txt', bytes: text('gamma audit') }]);
  const gammaFile = await f.db.selectFrom('task_files').select('id').where('task_id', '=', f.gammaTask.id).executeTakeFirstOrThrow();

  const alice = await ctx.signInClient('acme', 'alice@example.test');
  await postFiles(alice, `/tasks/${f.otherTask.id}/files`, [{ name: 'own.txt', bytes: text('own') }]);
  const ownFile = await f.db.selectFrom('task_files').select('id').where('task_id', '=', f.otherTask.id).executeTakeFirstOrThrow();

  const attempts: [string, string][] = [
    [f.betaTask.id, betaFile.id],
    [f.gammaTask.id, gammaFile.id],
    [f.task.id, betaFile.id],
    [f.task.id, gammaFile.id],
    [f.task.id, ownFile.id], // her own file, but under another task id
  ];
  for (const [taskId, fileId] of attempts) {
    const responses = [
      await rawGet(ctx, alice, `/tasks/${taskId}/files/${fileId}`),
      await rawGet(ctx, alice, `/tasks/${taskId}/files/${fileId}?inline=1`),
    ];
    for (const res of responses) {
      assert.is(res.status, 404, `${taskId}/${fileId}`);
      assert.not.match(await res.text(), /secret|beta payroll|gamma audit/);
    }
    const del = await alice.post(`/tasks/${taskId}/files/${fileId}/delete`);
    assert.is(del.status, 404);
  }
  for (const taskId of [f.betaTask.id, f.gammaTask.id]) {
    const up = await postFiles(alice, `/tasks/${taskId}/files`, [{ name: 'sneak.txt', bytes: text('x') }]);
    assert.is(up.status, 404);
    const list = await alice.get(`/tasks/${taskId}/files`, { 'HX-Request': 'true' });
    assert.is(list.status, 404);
    assert.not.match(list.text, /secret/);
  }
  assert.is((await f.db.selectFrom('task_files').select('id').where('original_name', '=', 'sneak.txt').execute()).length, 0);
  assert.is((await f.db.selectFrom('task_files').select('id').where('deleted_at', 'is not', null).execute()).length, 0);
  assert.is((await rawGet(ctx, alice, `/tasks/${f.task.id}/files/not-a-uuid`)).status, 404);
});

test('uploads switched off by the firm: no control on the page, and the route refuses with 403', async ({ ctx, f }) => {
  await f.db.updateTable('firms').set({ uploads_enabled: false }).where('id', '=', f.firm.id).execute();
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const page = await alice.get(`/tasks/${f.task.id}`);
  assert.is(page.status, 200);
  assert.is(page.doc.querySelectorAll('input[type=file]').length, 0);
  const res = await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'a.txt', bytes: text('hello') }]);
  assert.is(res.status, 403);
  assert.ok(res.visibleText.includes('does not accept file uploads'));
  assert.is((await f.db.selectFrom('task_files').select('id').execute()).length, 0);
  assert.equal(await storedFiles(ctx), []);
});

test('a reference task shows files but takes no uploads', async ({ ctx, f }) => {
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const page = await alice.get(`/tasks/${f.referenceTask.id}`);
  assert.is(page.doc.querySelectorAll('input[type=file]').length, 0);
  assert.ok(page.visibleText.includes('This task is for your information only, so files cannot be added to it.'));
  const res = await postFiles(alice, `/tasks/${f.referenceTask.id}/files`, [{ name: 'a.txt', bytes: text('hello') }]);
  assert.is(res.status, 409);
  assert.equal(await storedFiles(ctx), []);
});

test('a file being checked is listed as such and cannot be downloaded; a quarantined one neither', async ({ ctx, f }) => {
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'wait.txt', bytes: text('hello') }]);
  const row = await f.db.selectFrom('task_files').select(['id']).executeTakeFirstOrThrow();
  await f.db.updateTable('task_files').set({ scan_status: 'pending' }).execute();
  const page = await alice.get(`/tasks/${f.task.id}`);
  assert.ok(page.visibleText.includes('Being checked'));
  assert.is(page.doc.querySelectorAll(`#file-${row.id} a`).length, 0, 'no download link while checking');
  assert.ok(page.doc.querySelector('#task-files-list[hx-trigger="every 5s"]'), 'the list polls while a file is checked');
  const res = await rawGet(ctx, alice, `/tasks/${f.task.id}/files/${row.id}`);
  assert.is(res.status, 409);
  const body = await res.text();
  assert.ok(body.includes('still being checked for viruses'));
  assert.not.ok(body.includes('hello'));
  await f.db.updateTable('task_files').set({ scan_status: 'infected', scan_signature: 'Eicar' }).execute();
  const gone = await rawGet(ctx, alice, `/tasks/${f.task.id}/files/${row.id}`);
  assert.is(gone.status, 410);
  const after = await alice.get(`/tasks/${f.task.id}`);
  assert.ok(after.visibleText.includes('Quarantined'));
  assert.not.ok(after.visibleText.includes('Eicar'), 'the signature is for staff');
  const audit = await f.db.selectFrom('audit_events').select('id').where('action', '=', 'file.downloaded').execute();
  assert.is(audit.length, 0);
});

test('the uploader may delete within 10 minutes (row first, then blob); after that the button is gone and the route refuses', async ({ ctx, f }) => {
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  await postFiles(alice, `/tasks/${f.task.id}/files`, [
    { name: 'oops.txt', bytes: text('wrong file') },
    { name: 'keep.txt', bytes: text('right file') },
  ]);
  const rows = await f.db.selectFrom('task_files').select(['id', 'original_name', 'blob_key']).orderBy('original_name').execute();
  const [keep, oops] = rows;
  ctx.clock.advance(9 * 60_000);
  const page = await alice.get(`/tasks/${f.task.id}`);
  assert.ok(page.doc.querySelector(`#file-${oops.id} form[action="/tasks/${f.task.id}/files/${oops.id}/delete"]`));
  const del = await alice.post(`/tasks/${f.task.id}/files/${oops.id}/delete`);
  assert.is(del.status, 303);
  const after = await alice.follow(del);
  assert.ok(after.visibleText.includes('The file was deleted.'));
  assert.not.ok(after.visibleText.includes('oops.txt'));
  const deleted = await f.db.selectFrom('task_files').select(['deleted_at']).where('id', '=', oops.id).executeTakeFirstOrThrow();
  assert.ok(deleted.deleted_at);
  assert.is(await ctx.blobs.get(oops.blob_key), undefined);
  assert.is((await rawGet(ctx, alice, `/tasks/${f.task.id}/files/${oops.id}`)).status, 404);

  ctx.clock.advance(2 * 60_000);
  const later = await alice.get(`/tasks/${f.task.id}`);
  assert.is(later.doc.querySelectorAll(`#file-${keep.id} form`).length, 0);
  const refused = await alice.post(`/tasks/${f.task.id}/files/${keep.id}/delete`);
  assert.is(refused.status, 403);
  assert.ok(refused.visibleText.includes('only within 10 minutes'));
  assert.ok(await ctx.blobs.get(keep.blob_key));
  const audit = await f.db.selectFrom('audit_events').select(['action', 'subject_id']).where('action', '=', 'file.deleted').execute();
  assert.equal(audit, [{ action: 'file.deleted', subject_id: oops.id }]);
});

test('downloads: 304 on the ETag, byte ranges, inline preview only for PDF and images under a sandbox CSP', async ({ ctx, f }) => {
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const pdf = await samplePdf();
  await postFiles(alice, `/tasks/${f.task.id}/files`, [
    { name: 'a.pdf', bytes: pdf },
    { name: 'b.csv', bytes: text('a;b\n1;2\n') },
  ]);
  const rows = await f.db.selectFrom('task_files').select(['id', 'original_name', 'sha256']).orderBy('original_name').execute();
  const [pdfRow, csvRow] = rows;
  const base = `/tasks/${f.task.id}/files`;
  const again = await rawGet(ctx, alice, `${base}/${pdfRow.id}`, { 'If-None-Match': `"${pdfRow.sha256}"` });
  assert.is(again.status, 304);
  const part = await rawGet(ctx, alice, `${base}/${pdfRow.id}`, { Range: 'bytes=0-9' });
  assert.is(part.status, 206);
  assert.is(part.headers.get('Content-Range'), `bytes 0-9/${pdf.byteLength}`);
  assert.equal(new Uint8Array(await part.arrayBuffer()), pdf.subarray(0, 10));
  const tooFar = await rawGet(ctx, alice, `${base}/${pdfRow.id}`, { Range: `bytes=${pdf.byteLength}-` });
  assert.is(tooFar.status, 416);
  const preview = await rawGet(ctx, alice, `${base}/${pdfRow.id}?inline=1`);
  assert.match(preview.headers.get('Content-Disposition')!, /^inline;/);
  assert.match(preview.headers.get('Content-Security-Policy')!, /^sandbox/);
  assert.is(preview.headers.get('X-Content-Type-Options'), 'nosniff');
  const csv = await rawGet(ctx, alice, `${base}/${csvRow.id}?inline=1`);
  assert.match(csv.headers.get('Content-Disposition')!, /^attachment;/);
  assert.is(csv.headers.get('Content-Type'), 'text/csv; charset=utf-8');
  const page = await alice.get(`/tasks/${f.task.id}`);
  assert.ok(page.doc.querySelector(`#file-${pdfRow.id} a[href$="?inline=1"]`), 'PDF has a preview link');
  assert.not.ok(page.doc.querySelector(`#file-${csvRow.id} a[href$="?inline=1"]`), 'CSV has none');
  const later = await rawGet(ctx, alice, `${base}/${pdfRow.id}`, { Range: 'bytes=10-19' });
  assert.is(later.status, 206);
  // The 304, the 416 and a later part are not new downloads; the first part, the preview and the CSV are.
  const downloads = await f.db.selectFrom('audit_events').select('id').where('action', '=', 'file.downloaded').execute();
  assert.is(downloads.length, 3);
});

test('files that came with a message show "from Messages"; the list fragment alone serves the polling', async ({ ctx, f }) => {
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'attached.txt', bytes: text('with a message') }]);
  await f.db.updateTable('task_files').set({ source: 'message' }).execute();
  const page = await alice.get(`/tasks/${f.task.id}`);
  assert.match(page.doc.querySelector('#task-files .file-item')!.textContent!, /from Messages/);
  const list = await alice.get(`/tasks/${f.task.id}/files?part=list`, { 'HX-Request': 'true' });
  assert.is(list.status, 200);
  assert.ok(list.doc.querySelector('#task-files-list .file-item'));
  assert.not.ok(list.doc.querySelector('form.upload-form'), 'only the list, so polling never resets a chosen file');
  const plain = await alice.get(`/tasks/${f.task.id}/files`);
  assert.is(plain.status, 303);
  assert.is(plain.location, `/tasks/${f.task.id}#attachments`);
});

test('more than 20 files at once is refused and nothing is kept', async ({ ctx, f }) => {
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const many = Array.from({ length: 21 }, (_, i) => ({ name: `page-${i + 1}.txt`, bytes: text(`page ${i + 1}`) }));
  const res = await postFiles(alice, `/tasks/${f.task.id}/files`, many);
  assert.is(res.status, 413);
  assert.ok(res.visibleText.includes('Upload at most 20 files at once.'));
  assert.is((await f.db.selectFrom('task_files').select('id').execute()).length, 0);
  assert.equal(await storedFiles(ctx), []);
});

test('a task the firm has closed keeps its files visible and takes no more', async ({ ctx, f }) => {
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'before.txt', bytes: text('before') }]);
  await f.db.updateTable('tasks').set({ status: 'done' }).where('id', '=', f.task.id).execute();
  const page = await alice.get(`/tasks/${f.task.id}`);
  assert.ok(page.visibleText.includes('before.txt'));
  assert.ok(page.visibleText.includes('This task is closed, so files can no longer be added to it.'));
  assert.is(page.doc.querySelectorAll('input[type=file]').length, 0);
  assert.is((await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'after.txt', bytes: text('after') }])).status, 409);
});

test.run();
