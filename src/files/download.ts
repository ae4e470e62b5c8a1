// The HTTP answer for a stored file: Content-Disposition with the original name (RFC 6266/5987), inline only for
// previewable kinds under a sandbox CSP, the sha256 as a strong ETag (304 on a match), single byte ranges (206/416).
import type { Context } from 'hono';
import { etagMatches } from '../etag.ts';
import type { BlobStore, ByteRange } from '../storage/blob-store.ts';

export interface DownloadableFile {
  blobKey: string;
  originalName: string;
  size: number;
  sha256: string;
  contentType: string;
  /** PDF or a raster image browsers render. */
  previewable: boolean;
}

/** What was sent, so the route can decide whether it was a download worth an audit event. */
export type DownloadOutcome = 'full' | 'partial' | 'not-modified' | 'unsatisfiable' | 'missing';

/** The name as shown in a save dialog: no path, no control characters, never empty. */
export function safeFileName(name: string): string {
  const cleaned = name
    // Control characters, and bidirectional overrides that make "invoice\u202Efdp.exe" read as "invoiceexe.pdf".
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[/\\]/g, '_')
    .trim();
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned.slice(0, 255) : 'file';
}

/** A plain-ASCII stand-in for old clients: accents dropped, anything else replaced, the extension kept. */
export function asciiFallback(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%;]/g, '_');
  return ascii.replace(/^[\s_]+$/, '') || 'file';
}

/** RFC 5987 value-chars: everything but attr-char percent-encoded. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(type: 'attachment' | 'inline', originalName: string): string {
  const name = safeFileName(originalName);
  return `${type}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

/** One byte range from a Range header; undefined means "send it all" (absent, malformed or several ranges). */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

function etagOf(file: DownloadableFile): string {
  return `"${file.sha256}"`;
}

export async function sendFile(c: Context, blobs: BlobStore, file: DownloadableFile, options: { inline: boolean }): Promise<{ response: Response; outcome: DownloadOutcome }> {
  const etag = etagOf(file);
  const inline = options.inline && file.previewable;
  const headers: Record<string, string> = {
    ETag: etag,
    // Revalidated every time: access may end, and the ETag makes a repeat a cheap 304.
    'Cache-Control': 'private, no-cache, no-transform',
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Cookie',
  };
  if (inline) headers['Content-Security-Policy'] = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
  if (etagMatches(c.req.header('If-None-Match'), etag)) {
    return { response: c.body(null, 304, headers), outcome: 'not-modified' };
  }
  headers['Content-Type'] = file.contentType;
  headers['Content-Disposition'] = contentDisposition(inline ? 'inline' : 'attachment', file.originalName);
  headers['Accept-Ranges'] = 'bytes';

  // If-Range with another validator means the client's copy is stale: send the whole file.
  const ifRange = c.req.header('If-Range');
  const range = ifRange && ifRange.trim() !== etag ? undefined : parseRange(c.req.header('Range'), file.size);
  if (range === 'unsatisfiable') {
    headers['Content-Range'] = `bytes */${file.size}`;
    delete headers['Content-Disposition'];
    return { response: c.body(null, 416, headers), outcome: 'unsatisfiable' };
  }
  const blob = await blobs.get(file.blobKey, range);
  if (!blob) return { response: c.body(null, 404), outcome: 'missing' };
  if (range) {
    headers['Content-Range'] = `bytes ${range.start}-${range.end}/${file.size}`;
    headers['Content-Length'] = String(range.end - range.start + 1);
    return { response: c.body(blob.body, 206, headers), outcome: 'partial' };
  }
  headers['Content-Length'] = String(file.size);
  return { response: c.body(blob.body, 200, headers), outcome: 'full' };
}
