// The Client Portal settings rules that need no database: subdomain shape, colour contrast, trademark suggestion.

export const RESERVED_SUBDOMAINS = ['www', 'app', 'api', 'admin', 'staff', 'mail', 'static', 'assets', 'login', 'help', 'support', 'status', 'portal'];

/** A message when the subdomain's shape is wrong (uniqueness is checked against the database). */
export function subdomainProblem(slug: string): string | undefined {
  if (slug === '') return 'Enter a subdomain.';
  if (slug.length < 3 || slug.length > 40) return `The subdomain must be 3 to 40 characters long; this one has ${slug.length}.`;
  if (!/^[a-z0-9-]+$/.test(slug)) return 'Use only lowercase letters a-z, digits and hyphens.';
  if (slug.startsWith('-') || slug.endsWith('-')) return 'The subdomain cannot start or end with a hyphen.';
  if (RESERVED_SUBDOMAINS.includes(slug)) return `"${slug}" is reserved. Choose another subdomain.`;
  return undefined;
}

export const HEX_COLOUR = /^#[0-9A-Fa-f]{6}$/;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance of #RRGGBB. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The ratio as people read it, rounded down so that 4.499 never shows as 4.50. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

const LEGAL_SUFFIX = '(?:Ltd\\.?|Limited|LLC|L\\.L\\.C\\.|Inc\\.?|OÜ|OU|AS|GmbH|Oy|AB)';
const trailing = new RegExp(`[\\s,]+${LEGAL_SUFFIX}$`, 'iu');
const leading = new RegExp(`^${LEGAL_SUFFIX}\\s+`, 'iu');

/** The firm name without legal suffixes (Ltd, LLC, Inc, OÜ, AS, GmbH, Oy, AB), at either end. */
export function defaultTrademark(name: string): string {
  let out = name.trim();
  for (let i = 0; i < 3; i++) {
    const next = out.replace(trailing, '').replace(leading, '').trim();
    if (next === out || next === '') break;
    out = next;
  }
  return out;
}
