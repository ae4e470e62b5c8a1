// The firm's brand colours as a tiny stylesheet, cached by a hash of the colours in its URL.
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { Firm } from '../db/database.ts';

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
