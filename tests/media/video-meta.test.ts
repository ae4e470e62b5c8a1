import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bufferSource } from '../../src/media/byte-source.ts';
import { readVideoMeta, VideoFormatError } from '../../src/media/video-meta.ts';
import { makeMp4, makeWebm } from '../helpers/video-fixtures.ts';

const test = suite('video metadata');

const near = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 0.01, `${actual} is not ${expected}`);

test('MP4: duration from mvhd, version 0 and 1, moov before or after the media data', async () => {
  near((await readVideoMeta(bufferSource(makeMp4(12.5)))).durationSeconds, 12.5);
  near((await readVideoMeta(bufferSource(makeMp4(31, { version: 1 })))).durationSeconds, 31);
  const late = await readVideoMeta(bufferSource(makeMp4(29, { moovAtEnd: true, mdatBytes: 200_000 })));
  assert.is(late.container, 'mp4');
  assert.is(late.contentType, 'video/mp4');
  near(late.durationSeconds, 29);
});

test('MP4: fragmented files take the duration from mehd', async () => {
  near((await readVideoMeta(bufferSource(makeMp4(45, { fragmented: true })))).durationSeconds, 45);
});

test('WebM: duration from Info, or from the last block when a recorder left it out', async () => {
  const declared = await readVideoMeta(bufferSource(makeWebm(20)));
  assert.is(declared.container, 'webm');
  near(declared.durationSeconds, 20);
  const recorded = await readVideoMeta(bufferSource(makeWebm(34.5, { noDuration: true })));
  assert.ok(Math.abs(recorded.durationSeconds - 34.5) < 0.6, String(recorded.durationSeconds));
  assert.ok(recorded.durationSeconds > 30);
});

test('other files are refused with a reason', async () => {
  const reasons: string[] = [];
  for (const bytes of [
    makeMp4(5, { brand: 'qt  ' }),
    makeMp4(5, { brand: 'avif' }).map((b, i) => (i >= 16 && i < 32 ? 0x20 : b)),
    makeWebm(5, { docType: 'matroska' }),
    new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
    new Uint8Array(),
  ]) {
    try {
      await readVideoMeta(bufferSource(bytes));
      assert.unreachable('should have thrown');
    } catch (error) {
      assert.instance(error, VideoFormatError);
      reasons.push((error as Error).message);
    }
  }
  assert.ok(reasons[0].includes('QuickTime'));
  assert.ok(reasons[2].includes('matroska'));
  assert.ok(reasons[3].includes('not an MP4 or WebM'));
});

test.run();
