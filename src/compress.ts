// Finishing text responses: a weak ETag (a repeat visit gets a 304) and gzip, in one pass over a body that is already
// whole. Pages and fragments are finished where they are rendered (sendHtml), without reading a Response back;
// other whole text bodies (CSS, scripts, JSON, SVG, stray HTML) are finished by the middleware; anything else
// (streamed files) goes through hono's streaming compress. Measured by `npm run bench`: hono's etag middleware
// (a response clone and an async SHA-1 on the thread pool) and a CompressionStream cost more than the page's queries.
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { compress } from 'hono/compress';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { etagMatches } from './etag.ts';

const BUFFERED = /^(text\/html|text\/css|text\/javascript|application\/javascript|application\/json|image\/svg\+xml)\b/i;
const THRESHOLD = 1024;
const finished = new WeakSet<Response>();

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    if (name.trim().toLowerCase() !== 'gzip' && name.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

function withVary(vary: string | null): string | undefined {
  if (vary === '*' || /(^|,)\s*accept-encoding\s*(,|$)/i.test(vary ?? '')) return undefined;
  return vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding';
}

interface Finished {
  status: number;
  body: Uint8Array | null;
  headers: Record<string, string>;
}

/** ETag, 304 and gzip for a whole body; `etag` is the response's own ETag, if it has one. Vary is the caller's. */
function finishBody(c: Context, bytes: Uint8Array, status: number, current: { etag: string | null; noTransform: boolean }): Finished {
  const headers: Record<string, string> = {};
  const method = c.req.method;
  if ((method === 'GET' || method === 'HEAD') && status >= 200 && status < 300) {
    const etag = current.etag ?? `W/"${createHash('sha1').update(bytes).digest('base64url')}"`;
    headers['ETag'] = etag;
    if (etagMatches(c.req.header('If-None-Match'), etag)) return { status: 304, body: null, headers };
  }
  if (bytes.byteLength >= THRESHOLD && status !== 206 && method !== 'HEAD' && !current.noTransform && acceptsGzip(c.req.header('Accept-Encoding'))) {
    // Synchronous on purpose: for a page-sized body it is cheaper than a hop to the thread pool.
    const zipped = gzipSync(bytes);
    headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = String(zipped.byteLength);
    if (headers['ETag'] && !headers['ETag'].startsWith('W/')) headers['ETag'] = `W/${headers['ETag']}`;
    return { status, body: zipped, headers };
  }
  headers['Content-Length'] = String(bytes.byteLength);
  return { status, body: bytes, headers };
}

/** An HTML page or fragment, finished here: ETag (and 304), gzip, Vary. */
export function sendHtml(c: Context, html: string, status: ContentfulStatusCode = 200): Response {
  // Appended, not read back: reading c.res before the response exists would build a throwaway Response.
  c.header('Vary', 'Accept-Encoding', { append: true });
  const out = finishBody(c, Buffer.from(html), status, { etag: null, noTransform: false });
  out.headers['Content-Type'] = 'text/html; charset=UTF-8';
  const res = out.body === null ? c.body(null, 304, out.headers) : c.body(out.body as Uint8Array<ArrayBuffer>, out.status as ContentfulStatusCode, out.headers);
  finished.add(res);
  return res;
}

export function compressResponses(): MiddlewareHandler {
  const streaming = compress();
  return async (c, next) => {
    // Inside the streaming middleware: what this one compressed carries Content-Encoding, so that one skips it.
    await streaming(c, async () => {
      await next();
      const res = c.res;
      if (finished.has(res)) return;
      const type = res.headers.get('Content-Type') ?? '';
      if (!BUFFERED.test(type) || !res.body || res.status === 206 || res.headers.has('Content-Encoding')) return;
      const bytes = new Uint8Array(await res.arrayBuffer());
      const vary = withVary(res.headers.get('Vary'));
      if (vary) res.headers.set('Vary', vary);
      const out = finishBody(c, bytes, res.status, {
        etag: res.headers.get('ETag'),
        noTransform: /no-transform/i.test(res.headers.get('Cache-Control') ?? ''),
      });
      // Hono's `c.res =` copies the old headers onto the new response, so headers are set after it.
      c.res = new Response(out.body as Uint8Array<ArrayBuffer> | null, { status: out.status, headers: res.headers });
      for (const [name, value] of Object.entries(out.headers)) c.res.headers.set(name, value);
      if (out.status === 304) {
        c.res.headers.delete('Content-Type');
        c.res.headers.delete('Content-Length');
      }
    });
  };
}
