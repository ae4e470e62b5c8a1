// The download answer on its own: names, ETag and 304, ranges, inline preview rules.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Hono } from 'hono';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asciiFallback, contentDisposition, parseRange, sendFile, type DownloadableFile } from '../../src/files/download.ts';
import { LocalBlobStore } from '../../src/storage/local-blob-store.ts';

const names = suite('download names and ranges');

names('Content-Disposition carries a UTF-8 name and an ASCII fallback', () => {
  assert.is(contentDisposition('attachment', 'Õismäe arve.pdf'), `attachment; filename="Oismae arve.pdf"; filename*=UTF-8''%C3%95ism%C3%A4e%20arve.pdf`);
  assert.is(contentDisposition('inline', 'report.pdf'), `inline; filename="report.pdf"; filename*=UTF-8''report.pdf`);
  // quotes, separators, control characters and header injection attempts cannot escape the value
  const hostile = contentDisposition('attachment', '../../evil"; filename="x.exe\r\nSet-Cookie: a=b.pdf');
  assert.not.match(hostile, /[\r\n]/);
  assert.ok(hostile.startsWith('attachment; filename="'));
  assert.is(hostile.split('"').length, 3, 'exactly one quoted value');
  assert.match(hostile, /filename\*=UTF-8''[A-Za-z0-9%._~!$&+^`|-]+$/);
  assert.is(asciiFallback('日本語.pdf'), '___.pdf');
  assert.is(asciiFallback('名'), 'file');
});

names('Range parsing: one range, suffixes, open ends, unsatisfiable, and ignored forms', () => {
  assert.equal(parseRange('bytes=0-9', 100), { start: 0, end: 9 });
  assert.equal(parseRange('bytes=90-', 100), { start: 90, end: 99 });
  assert.equal(parseRange('bytes=-10', 100), { start: 90, end: 99 });
  assert.equal(parseRange('bytes=-1000', 100), { start: 0, end: 99 });
  assert.equal(parseRange('bytes=50-1000', 100), { start: 50, end: 99 });
  assert.is(parseRange('bytes=100-', 100), 'unsatisfiable');
  assert.is(parseRange('bytes=20-10', 100), 'unsatisfiable');
  assert.is(parseRange('bytes=-0', 100), 'unsatisfiable');
  assert.is(parseRange(undefined, 100), undefined);
  assert.is(parseRange('bytes=0-1,5-6', 100), undefined);
  assert.is(parseRange('items=0-1', 100), undefined);
});
names.run();

const http = suite<{ app: Hono; bytes: Uint8Array; root: string; file: DownloadableFile }>('download responses');

http.before.each(async (state) => {
  state.root = mkdtempSync(join(tmpdir(), 'portico-dl-'));
  const blobs = new LocalBlobStore(state.root);
  state.bytes = randomBytes(10_000);
  const put = await blobs.put(new Blob([state.bytes as Uint8Array<ArrayBuffer>]).stream(), { maxBytes: 1_000_000 });
  state.file = { blobKey: put.key, originalName: 'scan.png', size: put.size, sha256: put.sha256, contentType: 'image/png', previewable: true };
  state.app = new Hono();
  state.app.get('/f', async (c) => (await sendFile(c, blobs, state.file, { inline: c.req.query('inline') === '1' })).response);
});
http.after.each(({ root }) => rmSync(root, { recursive: true, force: true }));

http('a full download: attachment, length, strong ETag (the sha256), private caching, nosniff', async ({ app, bytes }) => {
  const res = await app.request('/f');
  assert.is(res.status, 200);
  assert.is(res.headers.get('Content-Disposition'), `attachment; filename="scan.png"; filename*=UTF-8''scan.png`);
  assert.is(res.headers.get('Content-Length'), '10000');
  assert.is(res.headers.get('ETag'), `"${createHash('sha256').update(bytes).digest('hex')}"`);
  assert.match(res.headers.get('Cache-Control')!, /private/);
  assert.is(res.headers.get('X-Content-Type-Options'), 'nosniff');
  assert.is(res.headers.get('Content-Security-Policy'), null);
  assert.equal(new Uint8Array(await res.arrayBuffer()), new Uint8Array(bytes));
});

http('If-None-Match with the ETag answers 304 without a body', async ({ app, file }) => {
  const res = await app.request('/f', { headers: { 'If-None-Match': `"other", "${file.sha256}"` } });
  assert.is(res.status, 304);
  assert.is(await res.text(), '');
  assert.is((await app.request('/f', { headers: { 'If-None-Match': '"other"' } })).status, 200);
});

http('a Range answers 206 with exactly those bytes; an impossible one 416', async ({ app, bytes }) => {
  const res = await app.request('/f', { headers: { Range: 'bytes=100-199' } });
  assert.is(res.status, 206);
  assert.is(res.headers.get('Content-Range'), 'bytes 100-199/10000');
  assert.is(res.headers.get('Content-Length'), '100');
  assert.equal(new Uint8Array(await res.arrayBuffer()), new Uint8Array(bytes.subarray(100, 200)));
  const tail = await app.request('/f', { headers: { Range: 'bytes=-5' } });
  assert.equal(new Uint8Array(await tail.arrayBuffer()), new Uint8Array(bytes.subarray(9995)));
  const bad = await app.request('/f', { headers: { Range: 'bytes=10000-' } });
  assert.is(bad.status, 416);
  assert.is(bad.headers.get('Content-Range'), 'bytes */10000');
  const stale = await app.request('/f', { headers: { Range: 'bytes=0-9', 'If-Range': '"old"' } });
  assert.is(stale.status, 200, 'If-Range with another ETag sends the whole file');
});

http('inline preview only for previewable kinds, under a sandbox CSP', async ({ app }) => {
  const res = await app.request('/f?inline=1');
  assert.match(res.headers.get('Content-Disposition')!, /^inline;/);
  assert.match(res.headers.get('Content-Security-Policy')!, /^sandbox/);
});

http('a file that is not previewable is always an attachment', async (ctx) => {
  ctx.file.previewable = false;
  ctx.file.contentType = 'text/plain; charset=utf-8';
  const res = await ctx.app.request('/f?inline=1');
  assert.match(res.headers.get('Content-Disposition')!, /^attachment;/);
  assert.is(res.headers.get('Content-Security-Policy'), null);
});

http.run();
