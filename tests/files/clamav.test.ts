// The clamd client against a real clamd started by the test with an EICAR-only signature database.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomBytes } from 'node:crypto';
import { ping, scanStream, ScanError } from '../../src/files/clamav.ts';
import { EICAR, freePort, startClamd, type RunningClamd } from './clamd.ts';

const test = suite<{ clamd: RunningClamd }>('clamav INSTREAM client');

test.before(async (state) => {
  state.clamd = await startClamd({ streamMaxLength: '1M' });
});
test.after(async ({ clamd }) => {
  await clamd?.stop();
});

async function* pieces(bytes: Uint8Array, size = 1000): AsyncIterable<Uint8Array> {
  for (let at = 0; at < bytes.byteLength; at += size) yield bytes.subarray(at, at + size);
}

test('PING answers PONG', async ({ clamd }) => {
  assert.ok(await ping(clamd));
});

test('a clean stream is clean', async ({ clamd }) => {
  assert.equal(await scanStream(clamd, pieces(randomBytes(200_000))), { clean: true });
});

test('the EICAR string is found, even split across chunks and inside other bytes', async ({ clamd }) => {
  const result = await scanStream(clamd, pieces(new TextEncoder().encode(EICAR), 7));
  assert.equal(result, { clean: false, signature: 'Portico.Test.EICAR.UNOFFICIAL' });
});

test('a stream over StreamMaxLength gives a clear error, not a crash', async ({ clamd }) => {
  try {
    await scanStream(clamd, pieces(randomBytes(3 * 1024 * 1024), 64 * 1024));
    assert.unreachable('should have failed');
  } catch (error) {
    assert.instance(error, ScanError);
    assert.match((error as Error).message, /size limit exceeded|StreamMaxLength/i);
  }
  // clamd is still there afterwards
  assert.equal(await scanStream(clamd, pieces(new Uint8Array(10))), { clean: true });
});

test('no clamd listening is a ScanError, and ping says false', async () => {
  const port = await freePort();
  assert.not.ok(await ping({ host: '127.0.0.1', port }));
  try {
    await scanStream({ host: '127.0.0.1', port }, pieces(new Uint8Array(10)));
    assert.unreachable('should have failed');
  } catch (error) {
    assert.instance(error, ScanError);
  }
});

test.run();
