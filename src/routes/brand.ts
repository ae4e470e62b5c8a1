// The firm's brand colours as a tiny stylesheet (cached by a hash of the colours in its URL), its logo, icon and video.
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { Firm } from '../db/database.ts';
import { etagMatches } from '../etag.ts';
import { parseRange } from '../files/download.ts';

const hexColour = /^#[0-9a-fA-F]{6}$/;

export function brandCss(firm: Pick<Firm, 'brand_background' | 'brand_text'>): string {
  const background = hexColour.test(firm.brand_background) ? firm.brand_background : '#FFFFFF';
  const text = hexColour.test(firm.brand_text) ? firm.brand_text : '#000000';
  return `:root{--brand-bg:${background};--brand-text:${text}}\n`;
}

export function brandCssUrl(firm: Pick<Firm, 'brand_background' | 'brand_text'>): string {
  const version = (firm.brand_background + firm.brand_text).replace(/#/g, '').toLowerCase();
  return `/brand.css?v=${version}`;
}

export const brandRoutes = new Hono<AppEnv>();

brandRoutes.get('/brand.css', (c) => {
  const firm = c.get('firm');
  const current = brandCssUrl(firm) === `/brand.css?v=${c.req.query('v') ?? ''}`;
  return c.body(brandCss(firm), 200, {
    'Content-Type': 'text/css; charset=utf-8',
    'Cache-Control': current ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
});

// The firm's logo, icon and welcome video: public (the login page shows them), immutable while `v` names the
// current key, typed from the format checked at upload (never from the upload's own claim).
const media = {
  logo: (firm: Firm) => ({ key: firm.logo_key, type: firm.logo_type }),
  icon: (firm: Firm) => ({ key: firm.favicon_key, type: firm.favicon_type }),
  video: (firm: Firm) => ({ key: firm.welcome_video_key, type: firm.welcome_video_type }),
} as const;

for (const [name, pick] of Object.entries(media)) {
  brandRoutes.get(`/brand/${name}`, async (c) => {
    const { key, type } = pick(c.get('firm'));
    if (!key || !type) return c.body('Not found', 404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
    const current = c.req.query('v') === key;
    const headers: Record<string, string> = {
      'Content-Type': type,
      'Cache-Control': current ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Accept-Ranges': 'bytes',
      ETag: `"${key}"`,
    };
    if (etagMatches(c.req.header('If-None-Match'), headers.ETag)) return c.body(null, 304, headers);
    const { blobs } = c.get('deps');
    const whole = await blobs.get(key, { start: 0, end: 0 });
    if (!whole) return c.body('Not found', 404, { 'Content-Type': 'text/plain; charset=utf-8' });
    await whole.body.cancel();
    const range = parseRange(c.req.header('Range'), whole.size);
    if (range === 'unsatisfiable') return c.body(null, 416, { ...headers, 'Content-Range': `bytes */${whole.size}` });
    const blob = await blobs.get(key, range);
    if (!blob) return c.body('Not found', 404, { 'Content-Type': 'text/plain; charset=utf-8' });
    if (range) {
      return c.body(blob.body, 206, { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${whole.size}`, 'Content-Length': String(range.end - range.start + 1) });
    }
    return c.body(blob.body, 200, { ...headers, 'Content-Length': String(whole.size) });
  });
}
