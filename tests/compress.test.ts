import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Hono } from 'hono';
import { gunzipSync } from 'node:zlib';
import { compressResponses, sendHtml } from '../src/compress.ts';

const test = suite('response compression');

const page = '<!DOCTYPE html><p>' + 'A task to do. '.repeat(200) + '</p>';

function app() {
  const a = new Hono();
  a.use(compressResponses());
  a.get('/page', (c) => c.html(page));
  a.get('/rendered', (c) => {
    c.header('Vary', 'Cookie');
    c.header('Set-Cookie', 'session=renewed');
    return sendHtml(c, page);
  });
  a.post('/rendered', (c) => sendHtml(c, page));
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

test('a rendered page: gzip, weak ETag, Vary kept and extended; a repeat with the ETag is a 304 that keeps its cookie', async () => {
  const a = app();
  const first = await a.request('/rendered', { headers: { 'Accept-Encoding': 'gzip' } });
  assert.is(first.status, 200);
  assert.is(first.headers.get('content-encoding'), 'gzip');
  assert.is(first.headers.get('content-type'), 'text/html; charset=UTF-8');
  assert.is(gunzipSync(new Uint8Array(await first.arrayBuffer())).toString(), page);
  assert.is(first.headers.get('vary'), 'Cookie, Accept-Encoding');
  const etag = first.headers.get('etag');
  assert.match(etag ?? '', /^W\/"[A-Za-z0-9_-]+"$/);
  const again = await a.request('/rendered', { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': `"x", ${etag}` } });
  assert.is(again.status, 304);
  assert.is((await again.arrayBuffer()).byteLength, 0);
  assert.is(again.headers.get('etag'), etag);
  assert.is(again.headers.get('set-cookie'), 'session=renewed');
  const plain = await a.request('/rendered');
  assert.is(plain.headers.get('etag'), etag, 'the same page has the same ETag with or without gzip');
  assert.is(await plain.text(), page);
  const posted = await a.request('/rendered', { method: 'POST', headers: { 'If-None-Match': etag! } });
  assert.is(posted.status, 200, 'only GET and HEAD answer 304');
  assert.is(posted.headers.get('etag'), null);
});

test('other whole text bodies get an ETag and a 304 too', async () => {
  const a = app();
  const first = await a.request('/page');
  const etag = first.headers.get('etag');
  assert.ok(etag?.startsWith('W/'));
  const again = await a.request('/page', { headers: { 'If-None-Match': etag! } });
  assert.is(again.status, 304);
  assert.is(again.headers.get('content-type'), null);
});

test.run();
