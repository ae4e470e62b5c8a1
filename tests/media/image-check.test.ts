import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkImage } from '../../src/media/image-check.ts';
import { makeImage, makeLargePng, svgBytes } from '../helpers/images.ts';

const test = suite('image check');

test('PNG, JPEG and WebP pass with their content type', async () => {
  for (const [format, type] of [['png', 'image/png'], ['jpeg', 'image/jpeg'], ['webp', 'image/webp']] as const) {
    const result = await checkImage(await makeImage(format));
    assert.ok(result.ok, format);
    if (result.ok) assert.is(result.contentType, type);
  }
});

test('an SVG (whatever its name) is refused; so is a file that is not an image', async () => {
  const svg = await checkImage(svgBytes);
  assert.is(svg.ok, false);
  if (!svg.ok) assert.ok(svg.message.includes('SVG'), svg.message);
  const text = await checkImage(new TextEncoder().encode('hello, not an image at all'));
  assert.is(text.ok, false);
});

test('over 512 KB is refused; a favicon must be square', async () => {
  const large = await makeLargePng();
  assert.ok(large.byteLength > 512 * 1024);
  const big = await checkImage(large);
  assert.is(big.ok, false);
  if (!big.ok) assert.ok(big.message.includes('512 KB'));
  const wide = await checkImage(await makeImage('png', 64, 32), { square: true });
  assert.is(wide.ok, false);
  if (!wide.ok) assert.ok(wide.message.includes('square'));
  assert.ok((await checkImage(await makeImage('png', 64, 64), { square: true })).ok);
});

test('a truncated image is refused', async () => {
  const png = await makeImage('png', 200, 200);
  const result = await checkImage(png.subarray(0, Math.floor(png.byteLength / 2)));
  assert.is(result.ok, false);
});

test.run();
