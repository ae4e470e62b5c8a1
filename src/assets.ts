// Static assets served under content-hashed names, so browsers may cache them forever.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

export interface Asset {
  /** URL path with the content hash in the name, e.g. /static/app.1a2b3c4d.css */
  url: string;
  body: Uint8Array;
  contentType: string;
}

const types: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export const staticDir = resolve(import.meta.dirname, '..', 'static');

function hashedName(name: string, body: Uint8Array): string {
  if (/\.[0-9a-f]{10}\.[a-z.]+$/.test(name)) return name; // vendored files already carry their hash
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const ext = extname(name);
  return `${name.slice(0, -ext.length)}.${hash}${ext}`;
}

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? walk(full, `${prefix}${entry}/`) : [`${prefix}${entry}`];
  });
}

function buildManifest(): { byName: Map<string, Asset>; byUrl: Map<string, Asset> } {
  const byName = new Map<string, Asset>();
  const byUrl = new Map<string, Asset>();
  for (const name of walk(staticDir)) {
    const body = readFileSync(join(staticDir, name));
    const asset = { url: `/static/${hashedName(name, body)}`, body, contentType: types[extname(name)] ?? 'application/octet-stream' };
    byName.set(name, asset);
    byUrl.set(asset.url, asset);
  }
  return { byName, byUrl };
}

const manifest = buildManifest();

/** The first asset whose name matches, for vendored files whose name carries their hash. */
export function assetUrlMatching(pattern: RegExp): string {
  for (const [name, asset] of manifest.byName) if (pattern.test(name)) return asset.url;
  throw new Error(`no static asset matches ${pattern}`);
}

/** The cache-busting URL of a file in static/, e.g. assetUrl('app.css'). */
export function assetUrl(name: string): string {
  const asset = manifest.byName.get(name);
  if (!asset) throw new Error(`no static asset named ${name}`);
  return asset.url;
}

export function findAsset(urlPath: string): Asset | undefined {
  return manifest.byUrl.get(urlPath);
}
