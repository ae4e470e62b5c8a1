// Small generated images for upload tests.
import sharp from 'sharp';

export async function makeImage(format: 'png' | 'jpeg' | 'webp', width = 120, height = 40, colour = '#0B3D2E'): Promise<Uint8Array> {
  const image = sharp({ create: { width, height, channels: 3, background: colour } });
  return new Uint8Array(await image[format]().toBuffer());
}

export const svgBytes = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100" fill="red"/></svg>');

/** A PNG larger than 512 KB: random noise does not compress. */
export async function makeLargePng(): Promise<Uint8Array> {
  const width = 600;
  const height = 400;
  const raw = new Uint8Array(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
  return new Uint8Array(await sharp(raw, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer());
}
