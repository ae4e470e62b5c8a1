// Response compression. Pages, fragments and static text are whole strings or buffers already, so they are gzipped
// in one zlib call: about ten times cheaper than piping them through a CompressionStream (measured by
// `npm run bench`: 0.2 ms against 1.9 ms for an 8 KB page). Anything else (streamed files) goes through
// hono's streaming compress middleware as before.
import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { gzipSync } from 'node:zlib';

const BUFFERED = /^(text\/html|text\/css|text\/javascript|application\/javascript|application\/json|image\/svg\+xml)\b/i;
const THRESHOLD = 1024;

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    if (name.trim().toLowerCase() !== 'gzip' && name.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

export function compressResponses(): MiddlewareHandler {
  const streaming = compress();
  return async (c, next) => {
    // Inside the streaming middleware: what this one compressed carries Content-Encoding, so that one skips it.
    await streaming(c, async () => {
      await next();
      const res = c.res;
      const type = res.headers.get('Content-Type') ?? '';
      if (!BUFFERED.test(type) || !res.body || res.status === 206 || c.req.method === 'HEAD' || res.headers.has('Content-Encoding') || /no-transform/i.test(res.headers.get('Cache-Control') ?? '')) return;
      const vary = res.headers.get('Vary');
      if (vary !== '*' && !/(^|,)\s*accept-encoding\s*(,|$)/i.test(vary ?? '')) res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
      if (!acceptsGzip(c.req.header('Accept-Encoding'))) return;
      const body = new Uint8Array(await res.arrayBuffer());
      // Hono's `c.res =` copies the old headers onto the new response, so headers are set after it.
      if (body.byteLength < THRESHOLD) {
        c.res = new Response(body, res);
        c.res.headers.set('Content-Length', String(body.byteLength));
        return;
      }
      // Synchronous on purpose: for a page-sized body it is cheaper than a hop to the thread pool.
      const zipped = gzipSync(body);
      c.res = new Response(zipped, res);
      c.res.headers.set('Content-Encoding', 'gzip');
      c.res.headers.set('Content-Length', String(zipped.byteLength));
      const etag = c.res.headers.get('ETag');
      if (etag && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
    });
  };
}
