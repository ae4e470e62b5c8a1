// Checks an uploaded logo or favicon: decoded with sharp, format from the content (never the name), size rules.
import sharp from 'sharp';

export const IMAGE_MAX_BYTES = 512 * 1024;

const allowed = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' } as const;
export type ImageFormat = keyof typeof allowed;

export type ImageCheck =
  | { ok: true; format: ImageFormat; contentType: string; width: number; height: number }
  | { ok: false; message: string };

export async function checkImage(bytes: Uint8Array, options: { square?: boolean } = {}): Promise<ImageCheck> {
  if (bytes.byteLength > IMAGE_MAX_BYTES) return { ok: false, message: 'The image is larger than 512 KB. Choose a smaller file.' };
  let format: string | undefined;
  let width = 0;
  let height = 0;
  try {
    // sharp also reads SVG (and more): the format it found decides, not the file name or declared type.
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: 40_000_000 });
    const meta = await image.metadata();
    format = meta.format;
    width = meta.width ?? 0;
    height = meta.height ?? 0;
    if (format && format in allowed) await image.raw().toBuffer(); // decode fully: a truncated file fails here
  } catch {
    return { ok: false, message: 'The file could not be read as an image. Upload a PNG, JPEG or WebP file.' };
  }
  if (!format || !(format in allowed)) {
    return { ok: false, message: `This file is ${format ? format.toUpperCase() : 'not an image'}. Upload a PNG, JPEG or WebP file.` };
  }
  if (width < 16 || height < 16) return { ok: false, message: 'The image is too small: it must be at least 16 x 16 pixels.' };
  if (options.square && width !== height) {
    return { ok: false, message: `The icon must be square; this image is ${width} x ${height} pixels.` };
  }
  const key = format as ImageFormat;
  return { ok: true, format: key, contentType: allowed[key], width, height };
}
