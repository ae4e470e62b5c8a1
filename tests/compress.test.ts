import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { gunzipSync } from 'node:zlib';
import { compressResponses } from '../src/compress.ts';

const test = suite('response compression');

const page = '<!DOCTYPE html><p>' + 'A task to do. '.repeat(200) + '</p>';

function app() {
  const a = new Hono();
  a.use(compressResponses());
  a.use(etag());
  a.get('/page', (c) => c.html(page));
  a.get('/small', (c) => c.html('<p>hi</p>'));
  a.get('/text', (c) => c.text('plain words '.repeat(200)));
  a.get('/pdf', (c) => c.body(new Uint8Array(4000), 200, { 'Content-Type': 'application/pdf' }));
  return a;
}

test('pages are gzipped whole, with a length, a weak ETag and Vary: Accept-Encoding', async () => {
  const res = await app().request('/page', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
  assert.is(res.headers.get('content-encoding'), 'gzip');
  const body = new Uint8Array(await res.arrayBuffer());
  assert.is(Number(res.headers.get('content-length')), body.byteLength);
  assert.is(gunzipSync(body).toString(), page);
  assert.match(res.headers.get('vary') ?? '', /Accept-Encoding/);
  assert.ok(res.headers.get('etag')?.startsWith('W/'));
});

test('no gzip when the client does not take it, for small bodies, for HEAD, or for binary files', async () => {
  const a = app();
  const plain = await a.request('/page');
  assert.is(plain.headers.get('content-encoding'), null);
  assert.is(await plain.text(), page);
  const refused = await a.request('/page', { headers: { 'Accept-Encoding': 'gzip;q=0, identity' } });
  assert.is(refused.headers.get('content-encoding'), null);
  const small = await a.request('/small', { headers: { 'Accept-Encoding': 'gzip' } });
  assert.is(small.headers.get('content-encoding'), null);
  assert.is(await small.text(), '<p>hi</p>');
  const pdf = await a.request('/pdf', { headers: { 'Accept-Encoding': 'gzip' } });
  assert.is(pdf.headers.get('content-encoding'), null);
  assert.is((await pdf.arrayBuffer()).byteLength, 4000);
});

test('other text still goes through the streaming compressor', async () => {
  const res = await app().request('/text', { headers: { 'Accept-Encoding': 'gzip' } });
  assert.is(res.headers.get('content-encoding'), 'gzip');
  assert.is(gunzipSync(new Uint8Array(await res.arrayBuffer())).toString(), 'plain words '.repeat(200));
});

test.run();
