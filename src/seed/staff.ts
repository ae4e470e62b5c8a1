// Demo data for the staff screens: the demo firm's branding (a logo and icon drawn with sharp), colours,
// intro templates in every portal language, menu links and a dynamic e-mail signature.
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { updateFirm } from '../db/queries/firm-settings.ts';
import { ensureDefaultIntroTemplates } from '../db/queries/intro-templates.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { blobStoreFromConfig } from '../storage/index.ts';
import type { DemoFirms } from './foundation.ts';

const GREEN = '#0B3D2E';

function mark(x: number, y: number, size: number): string {
  const bar = size / 5;
  return [0.45, 0.7, 1]
    .map((h, i) => `<rect x="${x + i * bar * 1.6}" y="${y + size * (1 - h)}" width="${bar}" height="${size * h}" rx="${bar / 4}" fill="#FFFFFF"/>`)
    .join('');
}

/** A 360 x 120 PNG logo (shown at 180 x 60) and a 64 x 64 PNG icon. */
export async function drawDemoLogos(): Promise<{ logo: Buffer; icon: Buffer }> {
  const logo = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="120">${mark(16, 24, 72)}<text x="110" y="76" font-family="DejaVu Sans, Arial, sans-serif" font-size="38" font-weight="700" fill="#FFFFFF">Demo</text><text x="110" y="104" font-family="DejaVu Sans, Arial, sans-serif" font-size="20" fill="#FFFFFF">Accounting</text></svg>`;
  const icon = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" rx="12" fill="${GREEN}"/>${mark(12, 14, 36)}</svg>`;
  return { logo: await sharp(Buffer.from(logo)).png().toBuffer(), icon: await sharp(Buffer.from(icon)).png().toBuffer() };
}

async function store(blobs: BlobStore, bytes: Buffer): Promise<string> {
  const { key } = await blobs.put((async function* () {
    yield new Uint8Array(bytes);
  })(), { maxBytes: 512 * 1024, contentType: 'image/png' });
  return key;
}

export async function seedStaff(db: Kysely<Database>, firms: DemoFirms, now: Date, blobs: BlobStore = blobStoreFromConfig(loadConfig())): Promise<void> {
  const { logo, icon } = await drawDemoLogos();
  await updateFirm(db, firms.demo.id, {
    brand_background: GREEN,
    brand_text: '#FFFFFF',
    logo_key: await store(blobs, logo),
    logo_type: 'image/png',
    favicon_key: await store(blobs, icon),
    favicon_type: 'image/png',
    menu_links: JSON.stringify([
      { label: 'Our website', url: 'https://demo-accounting.example/', newTab: true },
      { label: 'E-mail the office', url: 'mailto:office@demo-accounting.example', newTab: false },
    ]),
    email_signature_mode: 'dynamic',
    email_signature_text: '{{sender_name}}\n{{company_name}}\n{{sender_email}}',
  });
  await ensureDefaultIntroTemplates(db, firms.demo.id, now);
  await ensureDefaultIntroTemplates(db, firms.northwind.id, now);
}
